#include "service/person_export.h"

#include <unistd.h>

#include <filesystem>

#include "core/person_fields.h"
#include "core/text.h"
#include "http/api_error.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"
#include "service/audit.h"
#include "service/masking.h"
#include "service/person_service.h"
#include "store/person_repo.h"

namespace guiyan::service {
namespace {

// A cell as a clerk reads it: labels for keys (from the vocabulary snapshot taken for the
// whole export), 是/否 for flags, ID numbers and phones masked unless `unmask`.
std::string cell_text(const core::Field& f, const store::Value& v, const core::Terms& vocab,
                      bool unmask) {
  if (std::holds_alternative<store::Null>(v)) return {};
  if (auto i = std::get_if<int64_t>(&v)) {
    if (f.kind == core::FieldKind::flag) return *i != 0 ? "是" : "否";
    return std::to_string(*i);
  }
  const std::string& s = std::get<std::string>(v);
  if (f.kind == core::FieldKind::id_number) return unmask ? s : mask_id_number(s);
  if (f.name == "phone" || f.name == "phone2") return unmask ? s : mask_phone(s);
  if (f.kind == core::FieldKind::vocab_list) {
    std::string out;
    for (const auto& k : core::split(s, ',')) {
      out += (out.empty() ? "" : "、") + (vocab ? core::term_label(*vocab, k) : k);
    }
    return out;
  }
  return vocab ? core::term_label(*vocab, s) : s;
}

}  // namespace

std::string export_people(store::Db& db, const Principal& p, const PersonQuery& q,
                          const std::string& format, bool unmask) {
  require(p, "person:export");
  if (unmask) require(p, "person:unmask");
  if (format != "xlsx" && format != "csv")
    throw http::bad_request("format", "导出格式应为 xlsx 或 csv");
  auto path =
      (std::filesystem::temp_directory_path() /
       ("guiyan-export-" + std::to_string(::getpid()) + "-" +
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "." + format))
          .string();
  std::vector<std::string> header = {"编号"};
  std::vector<io::CellKind> kinds = {io::CellKind::number};
  for (const auto& f : core::person_fields()) {
    header.push_back(f.name == "region_code" ? "户籍地代码" : f.label);
    kinds.push_back(f.kind == core::FieldKind::integer ? io::CellKind::number
                    : f.kind == core::FieldKind::date  ? io::CellKind::date
                                                       : io::CellKind::text);
  }
  for (const char* h : {"户籍地", "性别", "出生日期", "数据来源", "服务专员", "更新时间"}) {
    header.push_back(h);
    kinds.push_back(std::string(h) == "出生日期" ? io::CellKind::date : io::CellKind::text);
  }
  std::unique_ptr<io::XlsxWriter> xlsx;
  std::unique_ptr<io::CsvWriter> csv;
  if (format == "xlsx") {
    xlsx = std::make_unique<io::XlsxWriter>(path, "返乡人员台账");
    xlsx->header(header);
  } else {
    csv = std::make_unique<io::CsvWriter>(path);
    csv->header(header);
  }
  int64_t count = 0;
  // One snapshot of each vocabulary for the whole file (an edit meanwhile does not mix labels).
  std::vector<core::Terms> vocabs;
  for (const auto& f : core::person_fields()) vocabs.push_back(f.vocab ? f.vocab() : nullptr);
  const store::Value null_value = store::Null{};
  try {
    for_each_person(db, p, q, [&](const store::Row& r) {
      auto person = store::person_from_row(r);
      std::vector<std::string> cells = {std::to_string(person.id)};
      size_t i = 0;
      for (const auto& f : core::person_fields()) {
        auto it = person.fields.find(f.name);
        cells.push_back(
            cell_text(f, it == person.fields.end() ? null_value : it->second, vocabs[i++], unmask));
      }
      cells.push_back(person.region_name);
      cells.push_back(!person.gender ? "" : *person.gender == "male" ? "男" : "女");
      cells.push_back(person.birth_date.value_or(""));
      cells.push_back(core::term_label(core::data_sources(), person.source));
      cells.push_back(person.case_worker_name);
      cells.push_back(person.updated_at);
      if (xlsx) {
        xlsx->row(cells, kinds);
      } else {
        csv->row(cells);
      }
      ++count;
    });
    if (xlsx) xlsx->close();
    if (csv) csv->close();
  } catch (...) {
    std::filesystem::remove(path);
    throw;
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p),
        {"export",
         "person",
         "",
         q.region.empty() ? p.region_code : q.region,
         nullptr,
         {{"format", format},
          {"rows", count},
          {"unmasked", unmask},
          {"q", q.q},
          {"status", q.status},
          {"funnel_stage", q.funnel_stage}}});
  tx.commit();
  return path;
}

}  // namespace guiyan::service
