#include "service/demo_case_work.h"

#include <algorithm>
#include <random>

#include "core/clock.h"
#include "service/data_scope.h"
#include "service/demo_random.h"

namespace guiyan::service {
namespace {

// What a service of each kind achieved, and the next step it leaves (empty: none).
struct ServiceText {
  const char* kind;
  const char* result;
  const char* next_step;
};
const std::vector<ServiceText> kServices = {
    {"visit", "入户走访，了解返乡打算和家庭情况", "电话回访，确认创业或就业意向"},
    {"policy_advice", "讲解一次性创业补贴和创业担保贷款政策", "协助准备补贴申请材料"},
    {"loan_matching", "对接农商行创业担保贷款，申请材料已提交", "跟进贷款审批和放款进度"},
    {"training_referral", "推荐参加县人社局电商创业培训班", "确认培训结业并领取证书"},
    {"job_referral", "推荐到县经开区企业应聘，已参加面试", "回访录用结果"},
    {"errand", "帮办个体工商户营业执照，已领取执照", ""},
    {"startup_coaching", "到店指导经营，梳理进货和定价", "一个月后回访经营情况"},
    {"labour_support", "协助招用本村工人5名", ""},
};
const std::vector<std::string> kMentors = {"周志强", "李红梅", "陈国华", "刘建军", "吴晓燕"};

}  // namespace

int create_demo_case_work(store::Db& db, const std::string& city) {
  std::mt19937 rng(20261206);
  auto conn = db.acquire();
  // The clerks, deepest region first: a person's case worker is the clerk nearest to them.
  std::vector<std::pair<std::string, int64_t>> clerks;
  conn->run(
      "SELECT u.region_code, u.id FROM app_user u JOIN user_role ur ON ur.user_id = u.id JOIN "
      "role r ON r.id = ur.role_id WHERE r.key = 'clerk' ORDER BY LENGTH(u.region_code) DESC, "
      "u.region_code DESC",
      {}, [&](const store::Row& r) { clerks.emplace_back(r.text(0), r.i64(1)); });
  std::string today = core::today_local();
  auto days_after = [](const std::string& date, int days) {
    auto d = core::Date::parse_iso(date);
    return d ? d->plus_days(days).to_iso() : date;
  };
  struct Person {
    int64_t id;
    std::string region, stage, since;
  };
  std::vector<Person> people;
  conn->run(
      "SELECT id, region_code, funnel_stage, COALESCE(status_since, '') FROM person WHERE "
      "merged_into IS NULL AND funnel_stage IN ('contacted', 'landed') AND source <> 'survey' AND "
      "region_code LIKE $1 ORDER BY id",
      {region_prefix(city) + "%"}, [&](const store::Row& r) {
        people.push_back({r.i64(0), r.text(1), r.text(2), r.text(3)});
      });
  store::Tx tx(*conn);
  int served = 0;
  for (const auto& p : people) {
    // Everyone landed has a case worker; of those only contacted, half so far.
    if (p.stage == "contacted" && rng() % 2 == 0) continue;
    auto clerk = std::find_if(clerks.begin(), clerks.end(), [&](const auto& c) {
      return p.region.starts_with(region_prefix(c.first));
    });
    if (clerk == clerks.end()) continue;
    int64_t worker = clerk->second;
    std::string mentor = rng() % 5 == 0 ? pick(rng, kMentors) : std::string();
    store::exec(
        *conn, "UPDATE person SET case_worker_id = $2, mentor_name = $3 WHERE id = $1",
        {p.id, worker, mentor.empty() ? store::Value(store::Null{}) : store::Value(mentor)});
    // One to three services since they came home, the latest within the last forty days and
    // leaving its next step due one to six weeks after it: some overdue by now, some due this
    // week, most later.
    int count = 1 + static_cast<int>(rng() % 3);
    std::vector<std::string> dates{days_after(today, -static_cast<int>(rng() % 40))};
    for (int k = 1; k < count; ++k) {
      dates.push_back(days_after(dates.back(), -20 - static_cast<int>(rng() % 70)));
    }
    std::reverse(dates.begin(), dates.end());
    for (size_t k = 0; k < dates.size(); ++k) {
      const ServiceText& s = pick(rng, kServices);
      int wait = 7 + static_cast<int>(rng() % 38);
      if (!p.since.empty() && dates[k] < p.since) continue;  // not before they came home
      bool last = k + 1 == dates.size();
      std::string next_step = last ? s.next_step : "";
      std::string due = next_step.empty() ? "" : days_after(dates[k], wait);
      store::exec(*conn,
                  "INSERT INTO person_service (person_id, kind, served_on, served_by, result, "
                  "next_step, next_due, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                  {p.id, std::string(s.kind), dates[k], worker, std::string(s.result),
                   next_step.empty() ? store::Value(store::Null{}) : store::Value(next_step),
                   due.empty() ? store::Value(store::Null{}) : store::Value(due), core::now_iso()});
      ++served;
    }
  }
  tx.commit();
  return served;
}

}  // namespace guiyan::service
