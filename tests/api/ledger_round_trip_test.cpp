// An office exports a ledger, edits it in Excel and imports it again: every exported ledger
// (people, merchants, ventures; .csv and .xlsx) reads back whole, changing nothing, and a dry
// run counts what the import then does.
#include <regex>
#include <thread>

#include "api/api_env.h"
#include "core/id_number.h"

using namespace guiyan::testing;

namespace {

// The password `guiyan demo` printed for `user` ("  jz_clerk\tPASSWORD\tclerk\t荆州市").
std::string demo_password(const std::string& out, const std::string& user) {
  auto pos = out.find(user + "\t");
  if (pos == std::string::npos) return "";
  pos += user.size() + 1;
  return out.substr(pos, out.find('\t', pos) - pos);
}

// Uploads a file as an import job and waits for it; returns the finished job.
nlohmann::json import_file(HttpClient& c, const std::string& token, const std::string& kind,
                           const std::string& filename, const std::string& bytes, bool dry_run) {
  return run_import(c, token,
                    "kind=" + kind + "&filename=" + filename +
                        "&source=survey&dry_run=" + (dry_run ? "true" : "false"),
                    bytes);
}

// The counts of a finished import, as one comparable line.
std::string counts(const nlohmann::json& job) {
  std::string out;
  for (const char* k : {"rows_read", "accepted", "rejected", "new", "updated", "unchanged"}) {
    out += std::string(k) + "=" + std::to_string(job.value(k, -1)) + " ";
  }
  return out;
}

// The row-level issues of a job that kept nothing (rows that would not be imported).
std::vector<std::string> refused_rows(const nlohmann::json& job) {
  std::vector<std::string> out;
  for (const auto& i : job["issues"]) {
    if (i["row"].get<int64_t>() > 0 && !i.value("kept", false)) out.push_back(i.dump());
  }
  return out;
}

class LedgerRoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    std::string out;
    ASSERT_EQ(server_->cli({"demo"}, "", &out), 0) << out;
    std::string password = demo_password(out, "jz_clerk");
    ASSERT_FALSE(password.empty()) << out;
    // A person the office registered with a mistyped ID number, founder of a venture.
    std::string good = guiyan::core::complete_id_number("42102219880303123");
    std::string typo = good.substr(0, 17) + (good[17] == '7' ? "8" : "7");
    std::string csv = "姓名,身份证号,户籍地\n错号创办人," + typo + ",421022100\n";
    std::string path = server_->dir() + "/typo.csv";
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fwrite(csv.data(), 1, csv.size(), f);
    std::fclose(f);
    server_->cli({"import", "people", path});
    server_->start();
    client_ = new HttpClient(server_->port());
    token_ = client_->post("/api/v1/auth/login", {{"username", "jz_clerk"}, {"password", password}})
                 .json()["token"];
    auto found = client_->get("/api/v1/people?q=" + url_encode("错号创办人"), token_).json();
    ASSERT_EQ(found["total"], 1) << found.dump();
    auto venture = client_->post("/api/v1/ventures",
                                 {{"type", "individual_business"},
                                  {"name", "错号创办人农家乐"},
                                  {"region_code", "421022100"},
                                  {"founder_ids", {found["items"][0]["id"]}}},
                                 token_);
    ASSERT_EQ(venture.status, 201) << venture.body;
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
  }

  // The ledger of `kind` as exported in full (unmasked) in `format`.
  static std::string exported(const std::string& kind, const std::string& format) {
    auto r = client_->get("/api/v1/" + kind + "/export?format=" + format + "&unmask=true", token_);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }

  static ServerProcess* server_;
  static HttpClient* client_;
  static std::string token_;
};

ServerProcess* LedgerRoundTrip::server_ = nullptr;
HttpClient* LedgerRoundTrip::client_ = nullptr;
std::string LedgerRoundTrip::token_;

TEST_F(LedgerRoundTrip, EveryExportedLedgerImportsBackWholeAndChangesNothing) {
  // Under the sanitizers (several times slower) the .csv ledgers only: both formats go through
  // the same importers, and the release and PostgreSQL suites read both.
  std::vector<std::string> formats = {"csv"};
  if (!sanitized_build()) formats.push_back("xlsx");
  for (const char* kind : {"people", "merchants", "ventures"}) {
    for (const std::string& format : formats) {
      SCOPED_TRACE(kind + ("." + format));
      std::string file = exported(kind, format);
      auto dry = import_file(*client_, token_, kind, "ledger." + format, file, true);
      ASSERT_EQ(dry["status"], "done") << dry.dump();
      // The demo's ambiguous village names (the code column is read), its phones, people with
      // unverified ID numbers, founders without one: nothing is refused.
      EXPECT_EQ(refused_rows(dry), std::vector<std::string>{});
      EXPECT_EQ(dry["rejected"], 0);
      EXPECT_EQ(dry["new"], 0);
      EXPECT_EQ(dry["updated"], 0);
      EXPECT_GT(dry["unchanged"].get<int64_t>(), 300);
      EXPECT_EQ(dry["unchanged"], dry["rows_read"]);
      auto real = import_file(*client_, token_, kind, "ledger." + format, file, false);
      EXPECT_EQ(counts(real), counts(dry));
    }
  }
}

// `csv` without its column headed `header` (quoted fields kept whole).
std::string without_column(const std::string& csv, const std::string& header) {
  std::string first_line = csv.substr(0, csv.find('\n'));
  size_t col = 0;
  for (size_t p = 0; p < first_line.find(header); ++p) col += first_line[p] == ',';
  std::string out;
  size_t at = 0;
  bool quoted = false;
  for (char ch : csv) {
    if (ch == '"') quoted = !quoted;
    bool ends = !quoted && (ch == ',' || ch == '\n');
    if (at != col) out += ch;
    // The deleted field's comma goes with it; a line ending in it keeps its newline.
    else if (ends && ch == '\n')
      out.back() == ',' ? void(out.back() = '\n') : void(out += ch);
    if (ends) at = ch == '\n' ? 0 : at + 1;
  }
  return out;
}

// An office that deletes the code columns still gets every place back: the ledgers write the
// place as a path from the city down (荆州市/公安县/埠河镇/…), which names one region, where a
// village's name alone is shared across the province.
TEST_F(LedgerRoundTrip, LedgersWithoutTheirCodeColumnsImportBackToTheSamePlaces) {
  for (auto [kind, code, name] : {std::tuple{"people", "户籍地代码", "户籍地"},
                                  std::tuple{"merchants", "籍贯地代码", "籍贯地"},
                                  std::tuple{"ventures", "所在地代码", "所在地名称"}}) {
    SCOPED_TRACE(kind);
    std::string csv = exported(kind, "csv");
    std::string cut = without_column(csv, code);
    ASSERT_EQ(cut.find(code), std::string::npos);
    ASSERT_NE(cut.find(name), std::string::npos);
    ASSERT_LT(cut.size(), csv.size() - 1000);  // a column of codes is gone from every row
    // The demo's first Jingzhou place, as its path.
    EXPECT_NE(cut.find(",荆州市/"), std::string::npos);
    auto dry = import_file(*client_, token_, kind, "ledger.csv", cut, true);
    ASSERT_EQ(dry["status"], "done") << dry.dump();
    EXPECT_EQ(refused_rows(dry), std::vector<std::string>{});
    EXPECT_EQ(dry["new"], 0);
    EXPECT_EQ(dry["updated"], 0);
    EXPECT_EQ(dry["unchanged"], dry["rows_read"]);
  }
}

TEST_F(LedgerRoundTrip, UnverifiedIdNumbersStayInTheLedgerMarked) {
  std::string csv = exported("people", "csv");
  auto line_of = [&](const std::string& name) {
    auto pos = csv.find("," + name + ",");
    return pos == std::string::npos ? std::string()
                                    : csv.substr(csv.rfind('\n', pos) + 1,
                                                 csv.find('\n', pos) - csv.rfind('\n', pos) - 1);
  };
  std::string line = line_of("错号创办人");
  ASSERT_FALSE(line.empty());
  if (line.back() == '\r') line.pop_back();  // CRLF, as Excel writes CSV
  EXPECT_EQ(line.substr(line.rfind(',') + 1), "待核实");
  // 更新时间, before it, in China Standard Time as offices read it (not "…T…Z").
  std::string before_last = line.substr(0, line.rfind(','));
  std::string updated = before_last.substr(before_last.rfind(',') + 1);
  EXPECT_TRUE(std::regex_match(updated, std::regex(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")))
      << updated;
  EXPECT_NE(line.find(",421022198803031"), std::string::npos) << line;
  // Its venture's founder is given the same number, and the venture reads back to its founder.
  std::string ventures = exported("ventures", "csv");
  auto v = ventures.find("错号创办人农家乐");
  ASSERT_NE(v, std::string::npos);
  EXPECT_NE(ventures.substr(v, ventures.find('\n', v) - v).find(",421022198803031"),
            std::string::npos);
}

TEST_F(LedgerRoundTrip, ADryRunCountsWhatTheImportDoes) {
  // One person's notes edited, and a person the file adds twice (the second row differs).
  std::string csv = exported("people", "csv");
  size_t first = csv.find('\n') + 1;
  size_t end = csv.find('\n', first);
  std::string row = csv.substr(first, end - first);
  // The notes column (备注) of the first person, whatever it holds.
  auto header = csv.substr(0, first - 1);
  size_t notes_col = 0;
  for (size_t p = 0; p < header.find("备注"); ++p) notes_col += header[p] == ',';
  size_t at = 0;
  for (size_t n = 0; n < notes_col; ++n) at = row.find(',', at) + 1;
  std::string edited = row.substr(0, at) + "改过的备注" + row.substr(row.find(',', at));
  std::string number = guiyan::core::complete_id_number("42102219950505123");
  std::string edited_csv = csv.substr(0, first) + edited + csv.substr(end) + "\n" + "," + number +
                           ",新来甲,,,421022100" + "\n" + "," + number +
                           ",新来甲,13912345678,,421022100\n";
  auto dry = import_file(*client_, token_, "people", "edited.csv", edited_csv, true);
  ASSERT_EQ(dry["status"], "done") << dry.dump();
  EXPECT_EQ(dry["updated"], 2);  // the edited person, and the new one's second row
  EXPECT_EQ(dry["new"], 1);
  EXPECT_EQ(dry["rejected"], 0) << dry["issues"].dump();
  auto real = import_file(*client_, token_, "people", "edited.csv", edited_csv, false);
  EXPECT_EQ(counts(real), counts(dry));
  // Once imported, the same file changes nothing (the first row of the new person leaves the
  // phone its second row gave).
  auto again = import_file(*client_, token_, "people", "edited.csv", edited_csv, true);
  EXPECT_EQ(again["updated"], 0);
  EXPECT_EQ(again["new"], 0);

  // A merchant's intended investment edited in the list (the 意向投资上限（万元） column).
  std::string list = exported("merchants", "csv");
  size_t mfirst = list.find('\n') + 1;
  size_t mend = list.find('\n', mfirst);
  std::string mheader = list.substr(0, mfirst - 1);
  size_t max_col = 0;
  for (size_t p = 0; p < mheader.find("意向投资上限"); ++p) max_col += mheader[p] == ',';
  std::string mrow = list.substr(mfirst, mend - mfirst);
  size_t mat = 0;
  for (size_t n = 0; n < max_col; ++n) mat = mrow.find(',', mat) + 1;
  std::string mrow2 = mrow.substr(0, mat) + "88888" + mrow.substr(mrow.find(',', mat));
  std::string id = mrow.substr(0, mrow.find(','));
  std::string edited_list = list.substr(0, mfirst) + mrow2 + list.substr(mend);
  auto mdry = import_file(*client_, token_, "merchants", "list.csv", edited_list, true);
  EXPECT_EQ(mdry["updated"], 1) << mdry.dump().substr(0, 2000);
  auto mreal = import_file(*client_, token_, "merchants", "list.csv", edited_list, false);
  EXPECT_EQ(counts(mreal), counts(mdry));
  auto merchant = client_->get("/api/v1/merchants/" + id, token_).json();
  EXPECT_EQ(merchant["intention_max_wan"], 88888) << merchant.dump();
}

}  // namespace
