#include "service/demo_people.h"

#include <chrono>
#include <random>
#include <vector>

#include "core/clock.h"
#include "core/credit_code.h"
#include "core/id_number.h"
#include "core/person_vocabulary.h"
#include "core/vocabulary_registry.h"
#include "service/demo_random.h"
#include "service/person_duplicates.h"
#include "service/person_write.h"
#include "service/venture_service.h"
#include "service/vocabulary_sync.h"

namespace guiyan::service {
namespace {

const std::vector<std::string> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱",
    "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
    "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"};
const std::vector<std::string> kMale = {"伟",   "强",   "军",   "勇",   "杰",   "涛",   "斌",
                                        "超",   "明",   "刚",   "平",   "辉",   "鹏",   "华",
                                        "飞",   "鑫",   "波",   "宇",   "浩",   "建国", "志强",
                                        "海波", "建华", "国平", "小龙", "俊杰", "文斌"};
const std::vector<std::string> kFemale = {
    "芳", "娟", "敏", "静",   "丽",   "艳",   "霞",   "燕",   "玲",   "婷",   "慧",   "琴",
    "兰", "红", "梅", "秀英", "小红", "丽娟", "春梅", "海燕", "晓燕", "桂英", "玉兰", "雪梅"};
const std::vector<std::string> kWorkPlaces = {"广东省东莞市", "广东省深圳市", "浙江省杭州市",
                                              "江苏省苏州市", "上海市",       "福建省厦门市",
                                              "湖北省武汉市", "广东省佛山市", "北京市"};
// Fictional firms: a trade name and a trade, put after the city a person works in.
const std::vector<std::string> kEmployerNames = {"顺达", "恒通", "鑫源", "宏盛",
                                                 "华美", "永发", "金利"};
const std::vector<std::string> kEmployerTrades = {
    "电子科技有限公司", "建筑工程有限公司", "服装有限公司", "物流有限公司", "机械制造有限公司"};
const std::vector<std::string> kIntentions = {"回乡开一家小龙虾养殖合作社",
                                              "想做莲藕深加工",
                                              "开办家政服务公司",
                                              "在镇上开电商直播间",
                                              "承包村里闲置厂房做服装加工",
                                              "开一家汽修店",
                                              "发展稻虾共作",
                                              "办农家乐",
                                              "做防水工程队",
                                              "开养老护理服务站"};
// Needs outside the six help kinds, as the seeds' returnees name them (其他需求).
const std::vector<std::string> kOtherNeeds = {"子女入学", "土地流转", "住房保障", "物流运输",
                                              "产品销路"};

// Demo ventures: type, a name pattern ({} the founder's surname) and an industry.
struct DemoVentureKind {
  const char* type;
  const char* name;
  const char* industry;
};
const std::vector<DemoVentureKind> kVentureKinds = {
    {"individual_business", "{}记小龙虾餐馆", "62"},
    {"individual_business", "{}师傅汽车维修店", "81"},
    {"individual_business", "{}家电商直播工作室", "52"},
    {"cooperative", "{}氏稻虾共作专业合作社", "04"},
    {"cooperative", "{}家湾莲藕种植专业合作社", "01"},
    {"family_farm", "{}家生态家庭农场", "01"},
    {"family_farm", "{}氏水产养殖家庭农场", "04"},
    {"enterprise", "{}氏防水工程有限公司", "50"},
    {"enterprise", "{}氏服装加工有限公司", "18"},
    {"enterprise", "{}家养老护理服务有限公司", "84"}};

// How many of the demo people appear a second time as a probable duplicate.
constexpr size_t kDemoDuplicates = 24;

}  // namespace

int create_demo_people(store::Db& db, const std::string& city, int count) {
  std::mt19937 rng(20260122);
  std::vector<std::string> villages;
  auto conn = db.acquire();
  std::string prefix = city.substr(0, 4);
  conn->run("SELECT code FROM region WHERE level = 5 AND code >= $1 AND code < $2 ORDER BY code",
            {prefix, prefix.substr(0, 3) + std::string(1, char(prefix[3] + 1))},
            [&](const store::Row& r) { villages.push_back(r.text(0)); });
  if (villages.empty()) return 0;
  Actor actor = Actor::system("demo");
  const auto& statuses = core::person_statuses();
  const auto& helps = core::help_kinds();
  int created = 0;
  std::vector<PersonValues> firsts;  // the first people, copied below as probable duplicates
  store::Tx tx(*conn);
  sync_vocabularies(*conn, true);
  const core::TermList skills = active_terms(*core::skill_terms());
  const core::TermList brands = active_terms(*core::labour_brands());
  for (int i = 0; i < count; ++i) {
    bool male = rng() % 100 < 58;
    std::string village = pick(rng, villages);
    int year = 1965 + static_cast<int>(rng() % 40);
    int month = 1 + static_cast<int>(rng() % 12), day = 1 + static_cast<int>(rng() % 28);
    int seq = static_cast<int>(rng() % 500) * 2 + (male ? 1 : 0);
    char stem[24];
    std::snprintf(stem, sizeof stem, "%s%04d%02d%02d%03d", village.substr(0, 6).c_str(), year,
                  month, day, seq);
    PersonValues v;
    v["name"] = pick(rng, kSurnames) + pick(rng, male ? kMale : kFemale);
    v["id_number"] = guiyan::core::complete_id_number(stem);
    v["phone"] = demo_mobile(rng);
    v["region_code"] = village;
    std::string place = pick(rng, kWorkPlaces);
    auto sheng = place.find("省");
    v["work_province"] = sheng == std::string::npos ? place : place.substr(0, sheng + 3);
    if (sheng != std::string::npos) v["work_city"] = place.substr(sheng + 3);
    // Two in three name their employer; chosen from the index, so the random draws stay as they
    // were.
    if (sheng != std::string::npos && i % 3 != 2) {
      std::string city = place.substr(sheng + 3);
      v["work_employer"] = city.substr(0, city.size() - 3) +
                           kEmployerNames[i % kEmployerNames.size()] +
                           kEmployerTrades[(i / kEmployerNames.size()) % kEmployerTrades.size()];
    }
    v["education"] = pick(rng, core::education_levels()).key;
    if (skills.size() > 1) {
      size_t k = rng() % skills.size();
      std::string sk = skills[k].key;
      if (rng() % 3 == 0)
        sk += "," + skills[(k + 1 + rng() % (skills.size() - 1)) % skills.size()].key;
      v["skills"] = sk;
    }
    if (rng() % 4 == 0 && !brands.empty()) v["labour_brand"] = pick(rng, brands).key;
    int s = static_cast<int>(rng() % 100);
    v["status"] = statuses[s < 15 ? 0 : s < 55 ? 1 : s < 80 ? 2 : s < 93 ? 3 : 4].key;
    const std::string spring =  // this spring: when they came home, or left again
        std::string("2026-0") + std::to_string(1 + rng() % 2) + "-1" + std::to_string(rng() % 10);
    v["status_since"] = spring;
    int f = static_cast<int>(rng() % 100);
    v["funnel_stage"] = std::string(f < 45 ? "identified" : f < 80 ? "contacted" : "landed");
    if (rng() % 3 == 0) {
      v["willing"] = int64_t{1};
      v["capable"] = int64_t{rng() % 2 == 0};
      v["creditworthy"] = int64_t{1};
      v["intention_note"] = pick(rng, kIntentions);
      v["intention_investment_wan"] = int64_t(5 + rng() % 100);
      v["intention_funding_wan"] = int64_t(rng() % 30);
      size_t a = rng() % helps.size(), b = (a + 1 + rng() % (helps.size() - 1)) % helps.size();
      v["help_wanted"] = helps[a].key + "," + helps[b].key;
      // From the person's number, not the generator: every other demo value stays as it was.
      if (i % 5 == 0) v["help_wanted_note"] = kOtherNeeds[(i / 5) % kOtherNeeds.size()];
    }
    Provenance prov{i % 3 == 0   ? "big_data"
                    : i % 3 == 1 ? "survey"
                                 : "self_report",
                    "", std::nullopt};
    // Before this spring they worked away (外出) since a year between 2015 and 2024: the
    // year-end counts of out-of-province workers (the 2% rule's denominator) read it.
    char since[16];
    std::snprintf(since, sizeof since, "%d-%02d-01", 2015 + static_cast<int>(rng() % 10),
                  1 + static_cast<int>(rng() % 12));
    const std::string status = std::get<std::string>(v["status"]);
    if (status == "away") v["status_since"] = std::string(since);  // still away: one entry
    try {
      conn->exec_script("SAVEPOINT demo_person");
      int64_t id = create_person(*conn, actor, std::nullopt, v, prov);
      auto history = [&](const char* status, const std::string& on) {
        store::exec(*conn,
                    "INSERT INTO person_status_history (person_id, status, since, source, "
                    "recorded_at) VALUES ($1, $2, $3, $4, $5)",
                    {id, std::string(status), on, prov.source, core::now_iso()});
      };
      if (status != "away") history("away", since);
      // Who left again came home for the Spring Festival first, early in January.
      if (status == "left_again")
        history("returned", "2026-01-0" + std::to_string(1 + (spring[9] - '0') % 9));
      conn->exec_script("RELEASE SAVEPOINT demo_person");
      ++created;
      if (firsts.size() < kDemoDuplicates) firsts.push_back(v);
    } catch (const store::DbError&) {
      conn->exec_script("ROLLBACK TO SAVEPOINT demo_person");  // a repeated ID number: skip it
      conn->exec_script("RELEASE SAVEPOINT demo_person");
    }
  }
  // The same people again as another office's sheet would bring them: without the ID number,
  // or with a digit mistyped, so the duplicate review queue has work to show.
  for (size_t j = 0; j < firsts.size(); ++j) {
    PersonValues v = firsts[j];
    std::string id = std::get<std::string>(v["id_number"]);
    v.erase("id_number");
    if (j % 2 == 1) {
      id.back() = id.back() == '1' ? '2' : '1';
      v["id_number_raw"] = id;
      if (j % 4 == 1) v.erase("phone");
    } else if (j % 4 == 2) {
      // No number and no phone: the survey wrote down gender and birth date instead.
      auto [gender, birth] = derive_from_id(id);
      v.erase("phone");
      v["gender"] = *gender;
      v["birth_date"] = *birth;
    }
    v["notes"] = std::string("乡镇入户调查表登记");
    create_person(*conn, actor, std::nullopt, v,
                  Provenance{"survey", "入户调查表.xlsx", static_cast<int64_t>(j + 2)});
    ++created;
  }
  tx.commit();
  scan_duplicates(*conn);
  return created;
}

int create_demo_ventures(store::Db& db, const std::string& city) {
  std::mt19937 rng(20261203);
  auto conn = db.acquire();
  std::string prefix = city.substr(0, 4);
  struct Founder {
    int64_t id;
    std::string name, region, since;
  };
  std::vector<Founder> founders;
  conn->run(
      "SELECT id, name, region_code, COALESCE(status_since, '') FROM person WHERE status = "
      "'started_business' AND merged_into IS NULL AND region_code >= $1 AND region_code < $2 "
      "ORDER BY id",
      {prefix, prefix.substr(0, 3) + std::string(1, char(prefix[3] + 1))},
      [&](const store::Row& r) {
        founders.push_back({r.i64(0), r.text(1), r.text(2), r.text(3)});
      });
  Actor actor = Actor::system("demo");
  std::string today = core::today_local();
  auto days_before = [&](int days) {
    return core::to_iso(*core::parse_iso(today) - std::chrono::days{days}).substr(0, 10);
  };
  store::Tx tx(*conn);
  int created = 0;
  for (const auto& f : founders) {
    const auto& kind = pick(rng, kVentureKinds);
    std::string name = kind.name;
    name.replace(name.find("{}"), 2, f.name.substr(0, 3));  // the surname (one character)
    VentureValues v;
    v["type"] = std::string(kind.type);
    v["name"] = name;
    v["industry"] = std::string(kind.industry);
    v["region_code"] = f.region;
    v["status"] = std::string(rng() % 10 == 0 ? "suspended" : "operating");
    v["in_park"] = int64_t{rng() % 5 == 0};
    std::optional<EmploymentCount> count;
    // Most registered their business; a few have not yet (no code, no date).
    if (rng() % 8 != 0) {
      std::string registered =
          f.since.empty() || f.since > today ? days_before(30 + rng() % 900) : f.since;
      char stem[32];
      std::snprintf(stem, sizeof stem, "92%sMA4%06d", f.region.substr(0, 6).c_str(),
                    static_cast<int>(f.id % 1000000));
      v["credit_code"] = core::complete_credit_code(stem);
      v["registered_on"] = registered;
      v["first_registration"] = int64_t{rng() % 6 != 0};
      count = EmploymentCount{registered, int64_t(1 + rng() % 3), std::string("登记时"), {}};
    }
    insert_venture(*conn, actor, nullptr, v, {f.id}, count);
    if (count && count->counted_on < days_before(180)) {
      // A later count, half a year on: some grew.
      auto id = venture_id_by_credit_code(*conn, std::get<std::string>(v["credit_code"]));
      change_venture(*conn, actor, nullptr, *id, {}, std::nullopt,
                     EmploymentCount{days_before(rng() % 60),
                                     count->employees + int64_t(rng() % 6),
                                     std::string("走访核实"),
                                     {}});
    }
    ++created;
  }
  tx.commit();
  return created;
}

}  // namespace guiyan::service
