#include "service/demo_projects.h"

#include <chrono>
#include <random>
#include <vector>

#include "core/clock.h"
#include "core/industry.h"
#include "core/project_vocabulary.h"
#include "core/stage_move.h"
#include "service/demo_random.h"

namespace guiyan::service {
namespace {

struct Kind {
  const char* industry;
  const char* name;
};
const std::vector<Kind> kKinds = {{"36", "新能源汽车零部件生产基地"},
                                  {"39", "智能终端电子元器件项目"},
                                  {"13", "农产品精深加工产业园"},
                                  {"14", "小龙虾预制菜加工项目"},
                                  {"18", "服装智能制造项目"},
                                  {"27", "生物医药产业园"},
                                  {"58", "冷链物流中心"},
                                  {"65", "数字经济产业园"},
                                  {"04", "稻虾共作生态养殖基地"},
                                  {"34", "高端装备制造项目"},
                                  {"78", "乡村文旅综合体"},
                                  {"44", "分布式光伏发电项目"}};
const char* kAppeals[][3] = {{"land_site", "厂房交付时间延后，请协调", "县自然资源和规划局"},
                             {"infrastructure", "用电增容申请尚未批复", "县供电公司"},
                             {"labour", "急需招聘200名普工", "县人社局"},
                             {"approval", "施工许可办理进度缓慢", "县住建局"},
                             {"finance", "希望对接银行项目贷款", "县金融服务中心"}};

std::string add_days(const std::string& date, int days) {
  return core::to_iso(*core::parse_iso(date) + std::chrono::days{days}).substr(0, 10);
}

}  // namespace

int create_demo_projects(store::Db& db, const std::string& city, int count) {
  std::mt19937 rng(20261202);
  auto conn = db.acquire();
  std::vector<std::string> counties;
  conn->run("SELECT code FROM region WHERE parent_code = $1 ORDER BY code", {city},
            [&](const store::Row& r) { counties.push_back(r.text(0)); });
  std::vector<std::pair<int64_t, std::string>> merchants;  // id, enterprise or name
  std::string prefix = city.substr(0, 4);
  conn->run(
      "SELECT id, COALESCE(enterprise_name, name) FROM merchant WHERE hometown_code >= $1 AND "
      "hometown_code < $2 AND intention_strength IN ('strong', 'possible') ORDER BY id",
      {prefix, prefix.substr(0, 3) + std::string(1, static_cast<char>(prefix[3] + 1))},
      [&](const store::Row& r) { merchants.emplace_back(r.i64(0), r.text(1)); });
  if (counties.empty()) return 0;
  std::string today = core::today_local(), now = core::now_iso();
  const auto& stages = core::project_stages();
  store::Tx tx(*conn);
  int created = 0;
  for (int i = 0; i < count; ++i) {
    const Kind& kind = pick(rng, kKinds);
    std::string region = pick(rng, counties);
    int64_t amount = rng() % 10 < 3 ? 10000 + static_cast<int64_t>(rng() % 40) * 1000
                                    : 500 + static_cast<int64_t>(rng() % 19) * 500;
    // How far it got: every stage some, production and dropped fewer.
    int target = static_cast<int>(rng() % 9);
    bool dropped = rng() % 12 == 0;
    std::string date = add_days("2025-03-01", static_cast<int>(rng() % 420));
    std::vector<std::pair<std::string, std::optional<std::string>>> entries;
    entries.emplace_back("lead", date);
    for (int s = 1; s <= target; ++s) {
      std::string next = add_days(date, 10 + static_cast<int>(rng() % 50));
      if (next > today) break;
      date = next;
      // Now and then a stage went by without its date being known.
      entries.emplace_back(stages[static_cast<size_t>(s)].key,
                           rng() % 9 == 0 ? std::nullopt : std::optional<std::string>(date));
    }
    std::string stage = entries.back().first;
    std::optional<std::string> stage_on = entries.back().second;
    if (dropped && stage != "production") {
      std::string on = add_days(date, 5 + static_cast<int>(rng() % 20));
      if (on <= today) {
        entries.emplace_back("dropped", on);
        stage_on = on;
      }
    }
    const auto& [merchant_id, merchant_name] =
        merchants.empty() ? std::pair<int64_t, std::string>{0, ""}
                          : merchants[static_cast<size_t>(i) % merchants.size()];
    bool is_dropped = entries.back().first == "dropped";
    int64_t id = store::query_int(
        *conn,
        "INSERT INTO project (name, investor, region_code, industry, industry_section, "
        "amount_wan, stage, stage_on, dropped_from, dropped_reason, task_leader, "
        "task_department, task_cadre, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
        {std::string(kind.name),
         merchant_name.empty() ? store::Value{store::Null{}} : store::Value{merchant_name}, region,
         std::string(kind.industry), core::industry_section(kind.industry), amount,
         is_dropped ? std::string("dropped") : stage, store::nullable(stage_on),
         is_dropped ? store::Value{stage} : store::Value{store::Null{}},
         is_dropped ? store::Value{std::string("投资方调整投资计划，转投外省")}
                    : store::Value{store::Null{}},
         std::string("县政府分管副县长"), std::string("县招商和投资促进中心"),
         std::string("招商专班干部"), now});
    for (size_t k = 0; k < entries.size(); ++k) {
      bool last = k + 1 == entries.size();
      store::exec(
          *conn,
          "INSERT INTO project_stage (project_id, stage, entered_on, left_on, left_to, "
          "days_in_stage, region_code, amount_wan, recorded_at) VALUES ($1, $2, $3, $4, "
          "$5, $6, $7, $8, $9)",
          {id, entries[k].first, store::nullable(entries[k].second),
           last ? store::Value{store::Null{}} : store::nullable(entries[k + 1].second),
           last ? store::Value{store::Null{}} : store::Value{entries[k + 1].first},
           last ? store::Value{store::Null{}}
                : store::nullable(core::days_in_stage(entries[k].second, entries[k + 1].second)),
           region, amount, now});
    }
    if (merchant_id) {
      store::exec(*conn, "INSERT INTO project_merchant (project_id, merchant_id) VALUES ($1, $2)",
                  {id, merchant_id});
    }
    int rank = core::stage_rank(stage);
    if (rank >= core::stage_rank("signed") && stage_on) {
      for (int k = 0; k < 1 + static_cast<int>(rng() % 3); ++k) {
        std::string on = add_days(*stage_on, 20 + k * 40);
        if (on > today) break;
        store::exec(*conn,
                    "INSERT INTO project_funding (project_id, arrived_on, amount_wan, recorded_at) "
                    "VALUES ($1, $2, $3, $4)",
                    {id, on, amount / 5, now});
      }
    }
    if (rank >= core::stage_rank("landed") && stage_on) {
      std::string start = *stage_on;
      for (const char* m : {"filing", "land", "planning", "construction_permit"}) {
        std::string finish = add_days(start, 15 + static_cast<int>(rng() % 45));
        store::exec(*conn,
                    "INSERT INTO project_milestone (project_id, kind, started_on, finished_on, "
                    "recorded_at) VALUES ($1, $2, $3, $4, $5)",
                    {id, std::string(m), start,
                     finish <= today ? store::Value{finish} : store::Value{store::Null{}}, now});
        if (finish > today) break;
        start = finish;
      }
    }
    if (rank >= core::stage_rank("signed") && !is_dropped && rng() % 3 != 0) {
      store::exec(*conn,
                  "INSERT INTO project_visit (project_id, visited_on, staff, findings, help, "
                  "recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
                  {id, add_days(today, -static_cast<int>(rng() % 120)), std::string("招商专班"),
                   std::string("十问十帮：了解建设进度和用工、用地需求"),
                   std::string("协调办理施工许可"), now});
    }
    if (rank >= core::stage_rank("signed") && rng() % 3 == 0) {
      const auto& a = kAppeals[rng() % 5];
      std::string raised = add_days(today, -static_cast<int>(rng() % 60));
      bool closed = rng() % 2 == 0;
      store::exec(
          *conn,
          "INSERT INTO appeal (project_id, region_code, category, content, raised_on, "
          "assigned_unit, due_on, status, closed_on, satisfaction, created_at, updated_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
          {id, region, std::string(a[0]), std::string(a[1]), raised, std::string(a[2]),
           add_days(raised, 15), std::string(closed ? "closed" : "open"),
           closed ? store::Value{add_days(raised, 10)} : store::Value{store::Null{}},
           closed ? store::Value{std::string("satisfied")} : store::Value{store::Null{}}, now});
    }
    ++created;
  }
  for (int i = 0; i < 10; ++i) {
    const Kind& kind = kKinds[static_cast<size_t>(i) % kKinds.size()];
    store::exec(
        *conn,
        "INSERT INTO project_offer (name, region_code, industry, amount_wan, land_mu, "
        "building_sqm, description, status, published_on, created_at, updated_at) VALUES "
        "($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9)",
        {std::string(kind.name) + "（招商）", counties[static_cast<size_t>(i) % counties.size()],
         std::string(kind.industry), int64_t(2000 + (i % 5) * 3000), int64_t(50 + i * 10),
         int64_t(5000 + i * 1000), std::string("园区配套齐全，可提供标准厂房和人才公寓"),
         add_days(today, -30 * (i + 1)), now});
  }
  tx.commit();
  return created;
}

}  // namespace guiyan::service
