#include "service/merchant_export.h"

#include <map>

#include "core/clock.h"
#include "core/merchant_fields.h"
#include "service/audit.h"
#include "service/ledger_file.h"
#include "service/region_tree.h"
#include "store/merchant_repo.h"

namespace guiyan::service {

std::string export_merchants(store::Db& db, const Principal& p, const MerchantQuery& q,
                             const std::string& format, bool unmask) {
  require(p, "merchant:export");
  if (unmask) require(p, "merchant:unmask");
  std::vector<std::string> header = {"编号"};
  std::vector<io::CellKind> kinds = {io::CellKind::number};
  for (const auto& f : core::merchant_fields()) {
    header.push_back(f.name == "hometown_code" ? "籍贯地代码"
                     : f.name == "industry"    ? "行业代码"
                                               : f.label);
    kinds.push_back(cell_kind(f));
  }
  for (const char* h : {"籍贯地", "行业名称", "服务专员", "最近核实日期", "更新时间"}) {
    header.push_back(h);
    kinds.push_back(std::string(h) == "最近核实日期" ? io::CellKind::date : io::CellKind::text);
  }
  std::map<std::string, std::string> industry_names;
  const RegionTree* paths = nullptr;  // 籍贯地 as a path, as in the people's ledger
  {
    auto conn = db.acquire();
    paths = &region_tree(db, *conn);
    conn->run("SELECT code, name FROM industry", {},
              [&](const store::Row& r) { industry_names[r.text(0)] = r.text(1); });
  }
  LedgerFile file(format, "楚商楚才名录", header, kinds);
  std::vector<core::Terms> vocabs;
  for (const auto& f : core::merchant_fields()) vocabs.push_back(f.vocab ? f.vocab() : nullptr);
  const store::Value null_value = store::Null{};
  for_each_merchant(db, p, q, [&](const store::Row& r) {
    auto m = store::merchant_from_row(r);
    std::vector<std::string> cells = {std::to_string(m.id)};
    size_t i = 0;
    for (const auto& f : core::merchant_fields()) {
      auto it = m.fields.find(f.name);
      cells.push_back(
          cell_text(f, it == m.fields.end() ? null_value : it->second, vocabs[i++], unmask));
    }
    cells.push_back(paths->text(m.text("hometown_code")));
    auto name = industry_names.find(m.text("industry"));
    cells.push_back(name == industry_names.end() ? "" : name->second);
    cells.push_back(m.case_worker_name);
    cells.push_back(m.verified_on.value_or(""));
    cells.push_back(core::local_time_text(m.updated_at));
    file.row(cells);
  });
  int64_t count = file.rows();
  std::string path = file.close();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p),
        {"export",
         "merchant",
         "",
         q.region.empty() ? p.region_code : q.region,
         nullptr,
         {{"format", format},
          {"rows", count},
          {"unmasked", unmask},
          {"q", q.q},
          {"industry", q.industry},
          {"strength", q.strength},
          {"stale", q.stale}}});
  tx.commit();
  return path;
}

}  // namespace guiyan::service
