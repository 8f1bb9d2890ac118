#include "service/person_export.h"

#include "core/clock.h"
#include "core/date.h"
#include "core/person_fields.h"
#include "core/text.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/ledger_file.h"
#include "service/person_service.h"
#include "service/region_tree.h"
#include "store/person_repo.h"

namespace guiyan::service {

std::string export_people(store::Db& db, const Principal& p, const PersonQuery& q,
                          const std::string& format, bool unmask) {
  require(p, "person:export");
  if (unmask) require(p, "person:unmask");
  std::vector<std::string> header = {"编号"};
  std::vector<io::CellKind> kinds = {io::CellKind::number};
  for (const auto& f : core::person_fields()) {
    header.push_back(f.name == "region_code" ? "户籍地代码" : f.label);
    kinds.push_back(cell_kind(f));
  }
  for (const char* h :
       {"户籍地", "性别", "出生日期", "年龄", "数据来源", "服务专员", "更新时间", "身份证号核验"}) {
    header.push_back(h);
    std::string_view name = h;
    kinds.push_back(name == "出生日期" ? io::CellKind::date
                    : name == "年龄"   ? io::CellKind::number
                                       : io::CellKind::text);
  }
  // 年龄 in full years on the day of the export, as the list shows it (an import reads it back
  // as a check of the ID number).
  const auto today = core::Date::parse_iso(core::today_local());
  // 户籍地 as a path (荆州市/公安县/埠河镇/…村): a village's name alone is ambiguous, and the
  // path reads back to the same place when a sheet's code column was deleted.
  const RegionTree* paths = nullptr;
  {
    auto conn = db.acquire();
    paths = &region_tree(db, *conn);
  }
  LedgerFile file(format, "返乡人员台账", header, kinds);
  // One snapshot of each vocabulary for the whole file (an edit meanwhile does not mix labels).
  std::vector<core::Terms> vocabs;
  for (const auto& f : core::person_fields()) vocabs.push_back(f.vocab ? f.vocab() : nullptr);
  const store::Value null_value = store::Null{};
  for_each_person(db, p, q, [&](const store::Row& r) {
    auto person = store::person_from_row(r);
    std::vector<std::string> cells = {std::to_string(person.id)};
    size_t i = 0;
    // A number that failed the check is the one the office wrote: it stays in the ledger,
    // marked in the last column, and reads back to the same person.
    auto number = person.fields.find("id_number");
    const bool unverified =
        person.id_number_raw &&
        (number == person.fields.end() || std::holds_alternative<store::Null>(number->second));
    if (unverified) person.fields["id_number"] = *person.id_number_raw;
    for (const auto& f : core::person_fields()) {
      auto it = person.fields.find(f.name);
      cells.push_back(
          cell_text(f, it == person.fields.end() ? null_value : it->second, vocabs[i++], unmask));
    }
    cells.push_back(paths->text(person.text("region_code")));
    cells.push_back(!person.gender ? "" : *person.gender == "male" ? "男" : "女");
    cells.push_back(person.birth_date.value_or(""));
    auto born = person.birth_date ? core::Date::parse_iso(*person.birth_date) : std::nullopt;
    cells.push_back(born && today ? std::to_string(born->age_on(*today)) : "");
    cells.push_back(core::term_label(core::data_sources(), person.source));
    cells.push_back(person.case_worker_name);
    cells.push_back(core::local_time_text(person.updated_at));
    cells.push_back(unverified ? "待核实" : "");
    file.row(cells);
  });
  int64_t count = file.rows();
  std::string path = file.close();
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
