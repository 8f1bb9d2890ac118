#include "service/demo_events.h"

#include <random>

#include "core/clock.h"
#include "core/date.h"
#include "service/demo_random.h"

namespace guiyan::service {
namespace {

struct DemoEventKind {
  const char* type;
  const char* festival;  // "" for none
  const char* month_day;
  const char* title;  // after the region's name
  const char* place;
};

// The city's year: the festival gatherings and promotion meetings of seed 001 (四).
const std::vector<DemoEventKind> kCityEvents = {
    {"festival_gathering", "spring_festival", "02-06", "春节楚商回乡团拜会", "市民之家多功能厅"},
    {"promotion", "qingming", "04-05", "“清明话家乡”楚商回乡投资推介会", "古城国际会议中心"},
    {"bank_matchmaking", "", "05-20", "政银企对接会", "市金融服务中心"},
    {"dialogue", "mid_autumn", "09-16", "“知荆州、爱荆州、兴荆州”中秋楚商恳谈会", "荆州宾馆"},
    {"job_fair", "national_day", "10-03", "国庆返乡人才专场招聘会", "市人力资源市场"},
    {"contest", "", "11-18", "返乡创业大赛决赛", "市创业孵化基地"},
};

// A county's year; the second county holds fewer (it falls short of the six).
const std::vector<DemoEventKind> kCountyEvents = {
    {"job_fair", "spring_festival", "02-12", "“春风行动”返乡人员专场招聘会", "县人力资源市场"},
    {"promotion", "qingming", "04-04", "“清明话家乡”招商推介会", "县会展中心"},
    {"symposium", "dragon_boat", "05-30", "端午回乡楚商座谈会", "县政府第一会议室"},
    {"bank_matchmaking", "", "07-15", "政银企对接会", "县金融服务中心"},
    {"camp", "", "08-20", "返乡创业训练营", "县创业孵化基地"},
    {"dialogue", "national_day", "10-02", "国庆楚商恳谈会", "县宾馆"},
};

// The code just above every code starting with `prefix` ("421022" → "421023").
std::string demo_event_prefix_end(std::string prefix) {
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// The prefix shared by a region and its subtree (a city's "4210", a county's "421022").
std::string demo_event_prefix(const std::string& code) {
  return code.size() == 6 && code.substr(4) == "00" ? code.substr(0, 4) : code;
}

std::vector<int64_t> demo_event_ids(store::Conn& c, const std::string& sql,
                                    const std::string& region) {
  std::string from = demo_event_prefix(region);
  std::vector<int64_t> out;
  c.first_column_int64(sql, {from, demo_event_prefix_end(from)}, out);
  return out;
}

}  // namespace

int create_demo_events(store::Db& db, const std::vector<std::string>& regions) {
  std::mt19937 rng(20261204);
  auto conn = db.acquire();
  core::Date today = core::today_local_date();
  std::string now = core::now_iso();
  store::Tx tx(*conn);
  int created = 0, outcomes = 0;
  for (size_t ri = 0; ri < regions.size(); ++ri) {
    const std::string& region = regions[ri];
    bool city = ri == 0;
    std::string name =
        store::query_one(*conn, "SELECT name FROM region WHERE code = $1", {region})->text(0);
    auto merchants = demo_event_ids(
        *conn,
        "SELECT id FROM merchant WHERE hometown_code >= $1 AND hometown_code < $2 ORDER BY id",
        region);
    auto people = demo_event_ids(*conn,
                                 "SELECT id FROM person WHERE region_code >= $1 AND region_code "
                                 "< $2 AND merged_into IS NULL ORDER BY id LIMIT 200",
                                 region);
    auto projects = demo_event_ids(*conn,
                                   "SELECT id FROM project WHERE region_code >= $1 AND "
                                   "region_code < $2 AND stage IN ('signed', 'landed', "
                                   "'construction', 'production') ORDER BY id",
                                   region);
    const auto& kinds = city ? kCityEvents : kCountyEvents;
    for (int year : {today.year - 1, today.year, today.year + 1}) {
      // The second county held four events last year: short of the six. Next year: the city's
      // Spring Festival gathering is being planned.
      size_t count = year > today.year                       ? (city ? 1 : 0)
                     : !city && ri == 2 && year < today.year ? 4
                                                             : kinds.size();
      for (size_t k = 0; k < count; ++k) {
        const auto& kind = kinds[k];
        std::string held_on = std::to_string(year) + "-" + kind.month_day;
        bool held = held_on <= today.to_iso();
        std::string organiser =
            name + (std::string(kind.type) == "job_fair" ? "人力资源和社会保障局" : "招商服务中心");
        int64_t id = store::query_int(
            *conn,
            "INSERT INTO event (region_code, level, type, festival, title, held_on, place, "
            "organiser, status, notes, created_by, created_at, updated_at) VALUES ($1, $2, $3, "
            "$4, $5, $6, $7, $8, $9, NULL, NULL, $10, $10) RETURNING id",
            {region, city ? "city" : "county", kind.type,
             *kind.festival ? store::Value{std::string(kind.festival)}
                            : store::Value{store::Null{}},
             std::to_string(year) + "年" + name + kind.title, held_on, name + kind.place, organiser,
             held ? "held" : "planned", now});
        ++created;
        // Invitations: a few merchants and people; at a held event most of them came.
        auto invite = [&](const std::vector<int64_t>& ids, const char* column, int n) {
          for (int i = 0; i < n && !ids.empty(); ++i) {
            int64_t who = pick(rng, ids);
            if (store::query_one(
                    *conn,
                    std::string("SELECT 1 FROM event_invitee WHERE event_id = $1 AND ") + column +
                        " = $2",
                    {id, who})) {
              continue;
            }
            bool came = held && rng() % 10 < 7;
            store::exec(
                *conn,
                std::string("INSERT INTO event_invitee (event_id, ") + column +
                    ", checked_in_at, invited_at) VALUES ($1, $2, $3, $4)",
                {id, who,
                 came ? store::Value{held_on + "T01:" + std::to_string(10 + rng() % 40) + ":00Z"}
                      : store::Value{store::Null{}},
                 now});
          }
        };
        std::string type = kind.type;
        invite(merchants, "merchant_id", type == "job_fair" ? 2 : 4 + static_cast<int>(rng() % 4));
        invite(people, "person_id", type == "job_fair" || type == "camp" ? 6 : 2);
        // A signed project or two at last year's promotion meetings.
        if (held && type == "promotion" && year < today.year && !projects.empty() && outcomes < 3) {
          int64_t project = projects[static_cast<size_t>(outcomes) % projects.size()];
          auto amount =
              store::query_one(*conn, "SELECT amount_wan FROM project WHERE id = $1", {project});
          store::exec(
              *conn,
              "INSERT INTO event_outcome (event_id, project_id, signed_on, amount_wan, "
              "notes, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
              {id, project, held_on,
               amount->is_null(0) ? store::Value{store::Null{}} : store::Value{amount->i64(0)},
               "推介会现场签约", now});
          ++outcomes;
        }
      }
    }
  }
  tx.commit();
  return created;
}

}  // namespace guiyan::service
