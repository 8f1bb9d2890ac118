#include "service/venture_export.h"

#include "core/clock.h"
#include "core/venture_fields.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/ledger_file.h"
#include "service/masking.h"
#include "service/region_tree.h"

namespace guiyan::service {

const std::vector<std::string>& venture_ledger_header() {
  static const std::vector<std::string> h = {
      "编号",         "主体类型",         "主体名称", "统一社会信用代码", "注册日期",
      "是否初次注册", "行业代码",         "行业名称", "所在地代码",       "所在地名称",
      "经营地址",     "是否入驻创业园区", "经营状态", "创办人",           "创办人身份证号",
      "带动就业人数", "统计日期",         "备注",     "更新时间"};
  return h;
}

std::string export_ventures(store::Db& db, const Principal& p, const VentureQuery& q,
                            const std::string& format, bool unmask) {
  require(p, "venture:read");
  if (unmask) require(p, "person:unmask");
  using CK = io::CellKind;
  // 编号 … 所在地名称, 经营地址 … 创办人身份证号, 带动就业人数, 统计日期, 备注, 更新时间.
  std::vector<CK> kinds = {CK::number, CK::text,   CK::text, CK::text, CK::date, CK::text, CK::text,
                           CK::text,   CK::text,   CK::text, CK::text, CK::text, CK::text, CK::text,
                           CK::text,   CK::number, CK::date, CK::text, CK::text};
  const RegionTree* paths = nullptr;  // 所在地名称 as a path, as in the people's ledger
  {
    auto conn = db.acquire();
    paths = &region_tree(db, *conn);
  }
  LedgerFile file(format, "返乡创业主体台账", venture_ledger_header(), kinds);
  for_each_venture(db, p, q, [&](store::Conn& c, const nlohmann::json& v) {
    int64_t id = v["id"].get<int64_t>();
    auto text = [&](const char* k) {
      return v.contains(k) && v.at(k).is_string() ? v.at(k).get<std::string>() : std::string();
    };
    std::string names, numbers;
    // Founders outside the account's scope are not named (as on the venture's page). A founder
    // registered with an unverified number is given that number, which the import reads back.
    for (const auto& r : store::query(c,
                                      "SELECT pe.name, COALESCE(pe.id_number, "
                                      "pe.id_number_raw), pe.region_code, "
                                      "pe.created_by FROM venture_founder f JOIN person pe ON "
                                      "pe.id = f.person_id WHERE f.venture_id = $1 ORDER BY pe.id",
                                      {id})) {
      if (!in_scope(p, r.text(2), r.opt_i64(3))) continue;
      names += (names.empty() ? "" : "、") + r.text(0);
      std::string number = r.is_null(1) ? "" : unmask ? r.text(1) : mask_id_number(r.text(1));
      numbers += (numbers.empty() ? "" : "、") + number;
    }
    // 是 / 否 for a flag, "" when not known.
    auto flag = [&](const char* k) -> std::string {
      if (!v.contains(k) || !v.at(k).is_boolean()) return "";
      return v.at(k).get<bool>() ? "是" : "否";
    };
    file.row({std::to_string(id), text("type_label"), text("name"), text("credit_code"),
              text("registered_on"), flag("first_registration"), text("industry"),
              text("industry_name"), text("region_code"), paths->text(text("region_code")),
              text("address"), flag("in_park"), text("status_label"), names, numbers,
              v["latest_employees"].is_number()
                  ? std::to_string(v["latest_employees"].get<int64_t>())
                  : "",
              text("latest_counted_on"), text("notes"), core::local_time_text(text("updated_at"))});
  });
  int64_t count = file.rows();
  std::string path = file.close();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p),
        {"export",
         "venture",
         "",
         q.region.empty() ? p.region_code : q.region,
         nullptr,
         {{"format", format},
          {"rows", count},
          {"unmasked", unmask},
          {"q", q.q},
          {"type", q.type},
          {"status", q.status}}});
  tx.commit();
  return path;
}

}  // namespace guiyan::service
