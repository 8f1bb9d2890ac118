#include "service/demo_tasks.h"

#include <algorithm>
#include <map>
#include <vector>

#include "core/clock.h"
#include "core/report_window.h"
#include "service/region_service.h"

namespace guiyan::service {
namespace {

// One task of the annex of seed 001: content, its units as keys (lead first), the month, and
// the linked indicator with its target when it has one.
struct DemoTask {
  const char* content;
  std::vector<std::string> units;  // hrss, investment, agriculture, federation, culture, media,
                                   // regulator, counties, zones, first_zone
  int month;
  const char* indicator;
  double target;
};

const std::vector<DemoTask>& seed_tasks() {
  static const std::vector<DemoTask> t = {
      {"发布荆州市楚商回乡投资指引、创业项目目录指引、返乡创业政策清单、创业平台清单、创业服务供给"
       "清单。",
       {"investment", "hrss"},
       4,
       nullptr,
       0},
      {"建立楚商楚才信息库、荆州籍在外能人信息库、返乡创业项目库、创业指导专家库。",
       {"investment", "hrss", "agriculture"},
       4,
       nullptr,
       0},
      {"设立返乡创业热线、招商服务专线“一号通”。",
       {"investment", "hrss", "counties", "zones"},
       4,
       nullptr,
       0},
      {"清明节期间举办“清明话家乡”楚商回乡和返乡创业系列推介活动不少于20场（各县市区、荆州经开区不"
       "少"
       "于2场）。",
       {"investment", "hrss", "agriculture", "counties", "zones"},
       4,
       nullptr,
       0},
      {"市县两级至少礼聘100名招商大使，落实相关礼遇。",
       {"investment", "federation", "culture", "counties", "zones"},
       12,
       "ambassadors_appointed",
       100},
      {"建立50个楚商联络站、20个返乡创业驻外推介服务站（各县市区、荆州经开区不少于2个）、回乡企业家"
       "联"
       "络中心。",
       {"investment", "federation", "hrss", "counties", "zones"},
       12,
       "liaison_stations",
       50},
      {"开展“情暖楚商”三个一节日慰问，重大节假日期间举行回乡楚商拜访、接待、恳谈会等活动。",
       {"investment", "hrss", "agriculture", "federation", "counties", "zones"},
       12,
       nullptr,
       0},
      {"市级依托楚文化节、楚商大会、异地荆州商会年会、各地校友会等举办“楚商回乡”招商活动4场次以上。"
       "各"
       "县市区立足特色举办纺织服装大会、小龙虾节、桃花节等活动6场次以上，邀请楚商参加；组织的农产品"
       "精深"
       "加工专题推介和产业对接活动不少于2次，拜访不少于50家楚商重点企业。赴外开展返乡创业推介和人才"
       "引进"
       "活动不少于3次。",
       {"investment", "agriculture", "hrss", "counties"},
       12,
       nullptr,
       0},
      {"认定市级返乡创业园区、街巷5个以上，评选特色返乡创业项目20个以上，认定5家市级劳务品牌领军企"
       "业。",
       {"hrss", "counties", "first_zone"},
       12,
       nullptr,
       0},
      {"开展创业培训1000人次以上、涉农人才培训2000人次以上。",
       {"hrss", "agriculture", "counties", "first_zone"},
       12,
       "people_trained",
       1000},
      {"组织不少于2次政银企对接会，新型农业经营主体贷款余额较上年度增加10%以上。",
       {"agriculture", "hrss", "regulator", "counties", "first_zone"},
       12,
       nullptr,
       0},
      {"树立楚商回乡和返乡创业典型人物40个以上，举办“建设支点，勇当先锋”荆州招商阵地战楚商访谈、“创"
       "客"
       "青年说”典型访谈，开展“建功支点建设、返乡创业展风采”专栏宣传。",
       {"investment", "agriculture", "hrss", "federation", "media", "counties", "zones"},
       12,
       nullptr,
       0},
      {"2025年引进回乡投资亿元项目300个以上，新增返乡创业市场主体达到荆州籍省外务工人员的2%。",
       {"investment", "hrss", "agriculture", "counties", "zones"},
       12,
       "new_venture_ratio",
       0.02},
  };
  return t;
}

// Replaces every "荆州" with the city's short name.
std::string for_city(std::string text, const std::string& short_name) {
  const std::string from = "荆州";
  for (size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + short_name.size())) {
    text.replace(at, from.size(), short_name);
  }
  return text;
}

// The id of department `name` in `region`, created with `kind` when missing.
int64_t demo_department(store::Conn& c, const std::string& name, const std::string& kind,
                        const std::string& region) {
  if (auto r = store::query_one(c, "SELECT id FROM department WHERE region_code = $1 AND name = $2",
                                {region, name})) {
    return r->i64(0);
  }
  return store::query_int(c,
                          "INSERT INTO department (name, kind, region_code, created_at) VALUES "
                          "($1, $2, $3, $4) RETURNING id",
                          {name, kind, region, core::now_iso()});
}

// The first department of `kind` in `region`, or 0.
int64_t demo_department_of_kind(store::Conn& c, const std::string& kind,
                                const std::string& region) {
  auto r = store::query_one(
      c, "SELECT id FROM department WHERE kind = $1 AND region_code = $2 ORDER BY id LIMIT 1",
      {kind, region});
  return r ? r->i64(0) : 0;
}

}  // namespace

int create_demo_tasks(store::Db& db, const std::string& city) {
  auto conn = db.acquire();
  store::Tx tx(*conn);
  std::string city_name = region_name(*conn, city).value_or("荆州市");
  std::string short_name = city_name.size() > 3 && city_name.substr(city_name.size() - 3) == "市"
                               ? city_name.substr(0, city_name.size() - 3)
                               : city_name;
  std::map<std::string, std::vector<int64_t>> units;
  for (const char* kind : {"hrss", "investment", "agriculture", "commerce_federation"}) {
    if (int64_t id = demo_department_of_kind(*conn, kind, city)) {
      units[kind == std::string("commerce_federation") ? "federation" : kind] = {id};
    }
  }
  int64_t office = demo_department_of_kind(*conn, "joint_office", city);
  if (!office)
    office =
        demo_department(*conn, city_name + "楚商回乡返乡创业联席会议办公室", "joint_office", city);
  units["culture"] = {demo_department(*conn, city_name + "文化和旅游局", "culture_tourism", city)};
  units["media"] = {demo_department(*conn, city_name + "融媒体中心", "media", city)};
  units["regulator"] = {
      demo_department(*conn, short_name + "金融监管分局", "financial_regulator", city)};
  std::vector<std::string> zones =
      city == "421000"
          ? std::vector<std::string>{"荆州经开区管委会", "纪南文旅区管委会", "荆州高新区管委会"}
          : std::vector<std::string>{short_name + "经开区管委会"};
  for (const auto& z : zones) {
    units["zones"].push_back(demo_department(*conn, z, "development_zone", city));
  }
  units["first_zone"] = {units["zones"][0]};
  // The counties that have demo accounts (those with departments) get their 人民政府.
  for (const auto& r : store::query(*conn,
                                    "SELECT DISTINCT g.code, g.name FROM region g JOIN department "
                                    "d ON d.region_code = g.code WHERE g.parent_code = $1 ORDER "
                                    "BY g.code",
                                    {city})) {
    units["counties"].push_back(
        demo_department(*conn, r.text(1) + "人民政府", "government", r.text(0)));
  }
  std::string now = core::now_iso();
  std::vector<int64_t> task_ids;
  int number = 0;
  for (const auto& t : seed_tasks()) {
    ++number;
    std::string deadline = t.month == 4 ? "2025-04-30" : "2025-12-31";
    std::string notes =
        number == 13 ? "另关联指标 major_projects_signed（亿元以上签约项目），目标 300 个" : "";
    int64_t id = store::query_int(
        *conn,
        "INSERT INTO task (region_code, year, number, content, deadline, deadline_text, "
        "indicator_code, indicator_target, notes, created_at, updated_at) VALUES ($1, 2025, $2, "
        "$3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        {city, number, for_city(t.content, short_name), deadline,
         "2025年" + std::to_string(t.month) + "月",
         t.indicator ? store::Value{std::string(t.indicator)} : store::Value{store::Null{}},
         t.indicator ? store::Value{t.target} : store::Value{store::Null{}},
         notes.empty() ? store::Value{store::Null{}} : store::Value{notes}, now});
    task_ids.push_back(id);
    int position = 0;
    std::vector<int64_t> seen;
    for (const auto& key : t.units) {
      for (int64_t d : units[key]) {
        if (std::find(seen.begin(), seen.end(), d) != seen.end()) continue;
        seen.push_back(d);
        store::exec(*conn,
                    "INSERT INTO task_unit (task_id, department_id, role, position) VALUES ($1, "
                    "$2, $3, $4)",
                    {id, d, position == 0 ? "lead" : "responsible", position + 1});
        ++position;
      }
    }
  }
  int64_t hrss = units["hrss"][0], investment = units["investment"][0];
  int64_t agriculture = units["agriculture"][0];
  auto note = [&](int task, int64_t dep, const std::string& on, const std::string& text) {
    store::exec(*conn,
                "INSERT INTO task_note (task_id, department_id, noted_on, content, recorded_at) "
                "VALUES ($1, $2, $3, $4, $5)",
                {task_ids[task - 1], dep, on, text, now});
  };
  note(1, investment, "2025-04-18", "投资指引、创业项目目录指引已定稿，报市政府审定。");
  note(1, hrss, "2025-04-25", "返乡创业政策清单、创业服务供给清单已在人社局网站发布。");
  note(2, hrss, "2025-04-20", "创业指导专家库入库专家62名。");
  note(4, investment, "2025-04-06", "清明期间举办推介活动23场，签约项目11个。");
  note(5, investment, "2025-09-30", "已礼聘招商大使76名，颁发聘书。");
  note(10, hrss, "2025-06-30", "上半年开展创业培训520人次。");
  note(10, agriculture, "2025-06-30", "涉农人才培训1120人次。");
  note(13, investment, "2025-09-30", "前三季度引进亿元以上项目214个。");
  auto done = [&](int task, const std::string& on) {
    store::exec(*conn, "UPDATE task SET done_on = $2 WHERE id = $1", {task_ids[task - 1], on});
  };
  done(1, "2025-04-28");
  done(2, "2025-05-12");  // done late
  done(4, "2025-04-10");
  done(9, "2025-12-20");
  auto notice = [&](int task, int64_t dep, const std::string& issued, const std::string& due,
                    const std::string& text, const char* reply, const char* replied_on) {
    store::exec(
        *conn,
        "INSERT INTO task_notice (task_id, department_id, content, issued_on, "
        "reply_due_on, reply, replied_on, created_at, updated_at) VALUES ($1, $2, $3, "
        "$4, $5, $6, $7, $8, $8)",
        {task_ids[task - 1], dep, text, issued, due,
         reply ? store::Value{std::string(reply)} : store::Value{store::Null{}},
         replied_on ? store::Value{std::string(replied_on)} : store::Value{store::Null{}}, now});
  };
  notice(3, investment, "2025-05-06", "2025-05-15",
         "返乡创业热线、“一号通”专线逾期未开通，请说明原因并限期完成。",
         "热线号码已申请，5月20日前开通试运行。", "2025-05-14");
  notice(6, units["federation"][0], "2025-11-20", "2025-12-05",
         "楚商联络站建设进度滞后，请报送建站计划。", nullptr, nullptr);
  // Reporting lines: the task units report to the office; the federation, culture and media to
  // the investment centre, which leads their tasks.
  std::vector<int64_t> members;
  for (const auto& [key, ids] : units) {
    if (key == "first_zone") continue;
    for (int64_t d : ids) {
      if (std::find(members.begin(), members.end(), d) == members.end()) members.push_back(d);
    }
  }
  for (int64_t d : members) {
    bool via_investment =
        d == units["federation"][0] || d == units["culture"][0] || d == units["media"][0];
    store::exec(*conn,
                "INSERT INTO report_line (department_id, lead_department_id, region_code, "
                "created_at) VALUES ($1, $2, $3, $4)",
                {d, via_investment ? investment : office, city, now});
  }
  // Reports of the last two ended quarters: most on time, one late, the last two missing in the
  // latest quarter.
  core::Date today = core::today_local_date();
  int year = today.year, quarter = core::quarter_of(today) - 1;
  if (quarter == 0) {
    quarter = 4;
    --year;
  }
  for (int back = 1; back >= 0; --back) {
    int y = year, q = quarter - back;
    if (q == 0) {
      q = 4;
      --y;
    }
    auto w = *core::report_window(y, q);
    for (size_t i = 0; i < members.size(); ++i) {
      if (back == 0 && i + 2 >= members.size()) continue;  // not filed
      core::Date day = i == 1 ? w.due_on.plus_days(3) : w.due_on.plus_days(-2);
      std::string filed = std::min(day, today).to_iso();
      store::exec(
          *conn,
          "INSERT INTO quarterly_report (department_id, year, quarter, progress, "
          "problems, experience, filed_on, filed_at, updated_at) VALUES ($1, $2, $3, $4, "
          "$5, $6, $7, $8, $8)",
          {members[i], y, q,
           core::quarter_label(y, q) + "按照任务清单推进楚商回乡和返乡创业工作，各项任务有序推进。",
           "部分任务进度滞后，要素保障仍需加强。", "建立专班调度机制，每月通报进展。", filed,
           filed + "T02:00:00Z"});
    }
    if (back == 1) {
      store::exec(*conn,
                  "INSERT INTO report_compilation (lead_department_id, year, quarter, content, "
                  "compiled_on, compiled_at) VALUES ($1, $2, $3, $4, $5, $6)",
                  {investment, y, q, "工商联、文旅局、融媒体中心按时报送，汇总报联席会议办公室。",
                   w.due_on.plus_days(5).to_iso(), now});
    }
  }
  tx.commit();
  return static_cast<int>(task_ids.size());
}

}  // namespace guiyan::service
