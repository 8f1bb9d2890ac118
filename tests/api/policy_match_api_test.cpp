// 政策找人 through the real server, on SQLite and PostgreSQL alike: the worklist of a policy in a
// township, kept up to date by re-evaluating only the changed records, without the people who
// applied, with staff's notes kept across refreshes, and exported as a real .xlsx file.
#include <fstream>
#include <thread>

#include "api/policy_env.h"
#include "io/xlsx_reader.h"

using namespace guiyan::testing;

namespace {

// 藕池镇 (421022106): records of this test alone.
int64_t townsperson(const std::string& name, const std::string& status) {
  auto r = policy_post("ga_clerk", "/api/v1/people",
                       {{"name", name},
                        {"region_code", "421022106001"},
                        {"phone", "13907161234"},
                        {"status", status},
                        {"status_since", "2026-02-10"}});
  if (r.status != 201) throw std::runtime_error("person: " + r.body);
  return r.json()["id"];
}

int64_t transport_id() {
  auto items =
      policy_get("ga_clerk", "/api/v1/policies?q=return_transport_subsidy").json()["items"];
  return items.at(0)["id"];
}

std::set<std::string> names(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& item : list["items"]) out.insert(item["subject"]["name"]);
  return out;
}

}  // namespace

TEST(PolicyMatchApi, TheWorklistFollowsChangesAndApplications) {
  int64_t a = townsperson("找人甲", "employed_home");
  int64_t b = townsperson("找人乙", "started_business");
  int64_t c = townsperson("找人丙", "away");
  int64_t policy = transport_id();
  std::string path = "/api/v1/policies/" + std::to_string(policy) + "/matches?region=421022106";

  // Change times are kept to the second, and a run re-evaluates what changed in its own second
  // too: start the first run in a later second than the records' creation.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto first = policy_get("ga_clerk", path);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(names(first.json()), (std::set<std::string>{"找人甲", "找人乙"}));
  EXPECT_EQ(first.json()["run"]["mode"], "full");
  EXPECT_EQ(first.json()["run"]["evaluated"], 3);
  EXPECT_EQ(first.json()["items"][0]["amount_fen"], 50000);
  EXPECT_EQ(first.json()["items"][0]["subject"]["phone"], "139****1234");

  // Staff note that 甲 was contacted; 丙 comes home; only the changed record is evaluated again.
  auto noted = policy_put(
      "ga_clerk", "/api/v1/policies/" + std::to_string(policy) + "/matches/" + std::to_string(a),
      {{"work_status", "contacted"}, {"note", "电话告知，下周来办"}});
  ASSERT_EQ(noted.status, 200) << noted.body;
  auto moved =
      policy_env().client().patch("/api/v1/people/" + std::to_string(c),
                                  {{"status", "employed_home"}, {"status_since", "2026-03-01"}},
                                  policy_env().token("ga_clerk"));
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto second = policy_get("ga_clerk", path);
  EXPECT_EQ(second.json()["run"]["mode"], "changes");
  EXPECT_EQ(second.json()["run"]["evaluated"], 1) << second.body;
  EXPECT_EQ(names(second.json()), (std::set<std::string>{"找人甲", "找人乙", "找人丙"}));
  EXPECT_EQ(second.json()["counts"]["contacted"], 1);
  EXPECT_EQ(second.json()["counts"]["open"], 2);
  auto contacted = policy_get("ga_clerk", path + "&work_status=contacted");
  ASSERT_EQ(contacted.json()["total"], 1);
  EXPECT_EQ(contacted.json()["items"][0]["work_note"], "电话告知，下周来办");

  // 乙 applies: off the list while the application is live.
  auto applied =
      policy_post("ga_clerk", "/api/v1/applications", {{"policy_id", policy}, {"person_id", b}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(names(policy_get("ga_clerk", path).json()),
            (std::set<std::string>{"找人甲", "找人丙"}));
  // …and on the "applied" view, with the count.
  auto pending = policy_get("ga_clerk", path + "&work_status=applied");
  EXPECT_EQ(names(pending.json()), (std::set<std::string>{"找人乙"}));
  EXPECT_EQ(pending.json()["items"][0]["work_status_name"], "已申请");
  EXPECT_EQ(pending.json()["counts"]["applied"], 1);

  // 甲 leaves again: off the list at the next refresh, the note with them.
  policy_env().client().patch("/api/v1/people/" + std::to_string(a),
                              {{"status", "left_again"}, {"status_since", "2026-04-01"}},
                              policy_env().token("ga_clerk"));
  EXPECT_EQ(names(policy_get("ga_clerk", path).json()), (std::set<std::string>{"找人丙"}));

  // A new version of the policy re-evaluates everyone.
  // 监利 sees none of 公安县's people: its filter on them is refused.
  EXPECT_EQ(policy_get("jl_clerk", path).status, 403);
  EXPECT_EQ(
      policy_put("jl_clerk",
                 "/api/v1/policies/" + std::to_string(policy) + "/matches/" + std::to_string(c),
                 {{"work_status", "declined"}})
          .status,
      404);
}

TEST(PolicyMatchApi, TheListExportsAsARealWorkbook) {
  townsperson("导出找人", "employed_home");
  int64_t policy = transport_id();
  auto r = policy_env().client().get(
      "/api/v1/policies/" + std::to_string(policy) + "/matches/export?region=421022106&format=xlsx",
      policy_env().token("ga_clerk"));
  ASSERT_EQ(r.status, 200);
  std::string path = "/tmp/guiyan_match_export_" + std::to_string(::getpid()) + ".xlsx";
  std::ofstream(path, std::ios::binary) << r.body;
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_xlsx(path, [&](const guiyan::io::SheetRow& row) {
    rows.push_back(row.cells);
    return true;
  });
  std::remove(path.c_str());
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "姓名");
  EXPECT_EQ(rows[0][4], "可享金额（元）");
  bool found = false;
  for (const auto& row : rows) found |= !row.empty() && row[0] == "导出找人" && row[4] == "500";
  EXPECT_TRUE(found);
  auto audit = policy_get("ga_aud", "/api/v1/audit?entity=policy_match&action=export");
  EXPECT_GE(audit.json()["items"].size(), 1u);
}

TEST(PolicyMatchApi, AnotherCountyIsRefusedBeforeAnyMatchingIsWorkedOut) {
  // 监利市 is outside 公安县's scope: the list, its export and the confirmation are refused with
  // the region named, instead of working out 监利's matches and listing none of them.
  std::string base = "/api/v1/policies/" + std::to_string(transport_id());
  for (const std::string& path :
       {base + "/matches?region=421088", base + "/matches/export?region=421088"}) {
    auto r = policy_get("ga_clerk", path);
    EXPECT_EQ(r.status, 403) << path << " " << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "out_of_scope");
  }
  auto confirm = policy_post("ga_clerk", base + "/entitlements", {{"region", "421088"}});
  EXPECT_EQ(confirm.status, 403) << confirm.body;
  EXPECT_EQ(policy_get("ga_clerk", base + "/matches?region=421099").status, 400);  // no region
}

TEST(PolicyMatchApi, AutomaticEntitlementsAreConfirmedOnceAsApprovedApplications) {
  // A county policy paid without application: 返乡就业 people of 藕池镇 get 200元.
  nlohmann::json definition = {
      {"code", "ga_auto_bonus"},
      {"name", "公安县返乡就业稳岗奖励"},
      {"kind", "吸纳就业补贴"},
      {"region", "421022106"},
      {"subject", "person"},
      {"award", "automatic"},
      {"period", "once"},
      {"conditions", {{{"label", "返乡就业"}, {"rule", "person.status == \"employed_home\""}}}},
      {"amount", "200"}};
  auto made = policy_post("ga_clerk", "/api/v1/policies", {{"definition", definition}});
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t policy = made.json()["id"];
  int64_t a = townsperson("免申甲", "employed_home");
  townsperson("免申乙", "away");
  std::string base = "/api/v1/policies/" + std::to_string(policy);

  auto clerk_only = policy_post("ga_aud", base + "/entitlements", {{"region", "421022106"}});
  EXPECT_EQ(clerk_only.status, 403);
  auto confirmed = policy_post("ga_clerk", base + "/entitlements", {{"region", "421022106"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  // 免申甲 and the other 返乡就业 people of 藕池镇 made by the tests above.
  auto ids = confirmed.json()["application_ids"];
  ASSERT_GE(ids.size(), 1u) << confirmed.body;
  auto apps = policy_get("ga_clerk", "/api/v1/applications?policy_id=" + std::to_string(policy) +
                                         "&person_id=" + std::to_string(a));
  ASSERT_EQ(apps.json()["total"], 1) << apps.body;
  auto app = apps.json()["items"][0];
  EXPECT_EQ(app["status"], "approved");
  EXPECT_EQ(app["channel"], "automatic");
  EXPECT_EQ(app["amount_approved_fen"], 20000);
  EXPECT_FALSE(app["payout_due_on"].is_null());
  // Confirmed once: a second batch finds nobody left, and the list is empty.
  auto again = policy_post("ga_clerk", base + "/entitlements", {{"region", "421022106"}});
  EXPECT_EQ(again.json()["created"], 0) << again.body;
  EXPECT_EQ(policy_get("ga_clerk", base + "/matches?region=421022106").json()["total"], 0);

  // A policy that is applied for cannot be confirmed in bulk.
  auto transport = policy_post(
      "ga_clerk", "/api/v1/policies/" + std::to_string(transport_id()) + "/entitlements",
      {{"region", "421022106"}});
  EXPECT_EQ(transport.json()["error"]["code"], "not_automatic");
}
