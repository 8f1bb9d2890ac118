#include "service/demo_merchants.h"

#include <random>
#include <vector>

#include "core/clock.h"
#include "core/credit_code.h"
#include "core/merchant_vocabulary.h"
#include "core/review_cycle.h"
#include "service/demo_random.h"
#include "service/merchant_write.h"

namespace guiyan::service {
namespace {

const std::vector<std::string> kMerchantSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "周",
                                                    "吴", "徐", "孙", "胡", "朱", "高", "何", "郭",
                                                    "马", "罗", "彭", "邓", "曾", "肖", "田", "熊"};
const std::vector<std::string> kGiven = {"建国", "志强", "海波", "卫东", "红梅", "晓燕", "国华",
                                         "德胜", "明",   "军",   "涛",   "丽",   "斌",   "俊",
                                         "文华", "家明", "振宇", "春林", "秀兰", "新民"};
struct Place {
  std::string city, code;  // where the merchant is, and its region code for the credit code
};
const std::vector<Place> kPlaces = {
    {"深圳市", "440300"}, {"广州市", "440100"}, {"东莞市", "441900"}, {"上海市", "310100"},
    {"北京市", "110100"}, {"杭州市", "330100"}, {"苏州市", "320500"}, {"武汉市", "420100"},
    {"长沙市", "430100"}, {"厦门市", "350200"}};
const std::vector<std::string> kCountries = {"新加坡", "马来西亚", "美国", "日本", "加拿大"};
struct Trade {
  std::string industry, word;  // a GB/T 4754 division and a word of the enterprise's name
};
const std::vector<Trade> kTrades = {
    {"39", "电子科技"}, {"36", "汽车零部件"}, {"26", "化工"}, {"13", "农产品加工"},
    {"14", "食品"},     {"18", "服装"},       {"34", "机械"}, {"65", "软件"},
    {"47", "建设工程"}, {"51", "贸易"},       {"72", "投资"}, {"58", "物流"},
    {"70", "置业"},     {"04", "水产"},       {"27", "医药"}, {"38", "电气"}};
const std::vector<std::string> kBrands = {"楚天", "荆楚", "长江", "华中", "鸿泰", "明辉",
                                          "恒信", "金瑞", "宏达", "天成", "汇丰", "嘉禾"};
const std::vector<std::string> kNotes = {"有意回乡投资农产品深加工", "考虑在家乡设立区域分公司",
                                         "关注家乡工业园区标准厂房", "愿意为家乡引荐上下游企业",
                                         "计划投资乡村文旅项目",     "看好家乡水产养殖和冷链物流"};
const std::string kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

}  // namespace

int create_demo_merchants(store::Db& db, const std::string& city, int count) {
  std::mt19937 rng(20260601);
  auto conn = db.acquire();
  std::string prefix = city.substr(0, 4);
  std::string upper = prefix.substr(0, 3) + std::string(1, char(prefix[3] + 1));
  std::vector<std::string> villages;
  conn->run("SELECT code FROM region WHERE level = 5 AND code >= $1 AND code < $2 ORDER BY code",
            {prefix, upper}, [&](const store::Row& r) { villages.push_back(r.text(0)); });
  // Each record goes to the clerk of its county, or of the city when the county has none.
  std::vector<std::pair<std::string, int64_t>> clerks;  // region code, user id
  conn->run(
      "SELECT u.region_code, u.id FROM app_user u JOIN user_role ur ON ur.user_id = u.id JOIN "
      "role r ON r.id = ur.role_id WHERE r.key = 'clerk' AND u.region_code >= $1 AND "
      "u.region_code < $2 ORDER BY u.id",
      {prefix, upper}, [&](const store::Row& r) { clerks.emplace_back(r.text(0), r.i64(1)); });
  if (villages.empty() || clerks.empty()) return 0;
  auto clerk_of = [&](const std::string& village) {
    for (const auto& [code, id] : clerks) {
      if (code.size() == 6 && village.compare(0, 6, code) == 0) return id;
    }
    return clerks.front().second;
  };
  std::string today = core::today_local();
  std::string quarter = core::review_cycle("quarter", today)->since;
  // The last Mid-Autumn greeting round (2 October) on or before today.
  std::string mid_autumn = today.substr(0, 4) + "-10-02";
  if (mid_autumn > today) mid_autumn = std::to_string(std::stoi(today.substr(0, 4)) - 1) + "-10-02";
  Actor actor = Actor::system("demo");
  int created = 0;
  store::Tx tx(*conn);
  for (int i = 0; i < count; ++i) {
    std::string village = pick(rng, villages);
    bool overseas = rng() % 100 < 6;
    bool talent = !overseas && rng() % 100 < 15;
    MerchantValues v;
    v["name"] = pick(rng, kMerchantSurnames) + pick(rng, kGiven);
    std::string cats = overseas ? "overseas" : talent ? "talent" : "entrepreneur";
    if (rng() % 5 == 0) cats += ",alumnus";
    if (!overseas && !talent && rng() % 12 == 0) cats += ",industry_leader";
    v["categories"] = cats;
    v["phone"] = demo_mobile(rng);
    v["hometown_code"] = rng() % 3 == 0 ? village.substr(0, 9) : village;
    const Place& place = pick(rng, kPlaces);
    if (overseas) {
      v["location_country"] = pick(rng, kCountries);
      v["chambers"] = std::get<std::string>(v["location_country"]) + "湖北同乡会";
    } else {
      v["location_city"] = place.city;
      if (rng() % 2 == 0) v["chambers"] = place.city.substr(0, place.city.size() - 3) + "湖北商会";
    }
    if (!talent) {
      const Trade& trade = pick(rng, kTrades);
      std::string city_word =
          overseas ? std::string("环球") : place.city.substr(0, place.city.size() - 3);
      v["enterprise_name"] = city_word + pick(rng, kBrands) + trade.word + "有限公司";
      std::string stem = "91" + (overseas ? std::string("420100") : place.code) + "MA";
      for (int k = 0; k < 7; ++k) stem += kCharset[rng() % kCharset.size()];
      v["credit_code"] = core::complete_credit_code(stem);
      v["industry"] = trade.industry;
      static const char* sizes[] = {"large", "medium", "medium", "small",
                                    "small", "small",  "micro",  "micro"};
      v["enterprise_size"] = std::string(sizes[rng() % 8]);
      int s = static_cast<int>(rng() % 100);
      v["operating_status"] = std::string(s < 70   ? "operating"
                                          : s < 85 ? "expanding"
                                          : s < 97 ? "struggling"
                                                   : "closed");
      static const char* bands[] = {"under_1000", "1000_10000", "1000_10000", "10000_100000",
                                    "over_100000"};
      v["revenue_band"] = std::string(bands[rng() % 5]);
      v["position"] = std::string(rng() % 3 == 0 ? "总经理" : "董事长");
    } else {
      v["position"] = std::string(rng() % 2 == 0 ? "教授" : "研究员");
      v["industry"] = std::string(rng() % 2 == 0 ? "73" : "83");
    }
    static const char* influence[] = {"national", "provincial", "provincial",
                                      "city",     "city",       "local"};
    v["influence"] = std::string(influence[rng() % 6]);
    if (rng() % 25 == 0) v["tags"] = std::string("ambassador");
    int s = static_cast<int>(rng() % 100);
    std::string strength = s < 20 ? "strong" : s < 55 ? "possible" : s < 80 ? "none" : "unknown";
    v["intention_strength"] = strength;
    if (strength == "strong" || strength == "possible") {
      v["intention_industries"] = pick(rng, kTrades).industry;
      int64_t lo = int64_t(500 + rng() % 20 * 500);
      v["intention_min_wan"] = lo;
      v["intention_max_wan"] = lo * int64_t(2 + rng() % 4);
      v["intention_regions"] = village.substr(0, 6);
      v["intention_note"] = pick(rng, kNotes);
    }
    v["case_worker_id"] = clerk_of(village);
    int64_t id = create_merchant(*conn, actor, clerk_of(village), v, today);
    // Verification dates: most this quarter, some earlier, a county's share below target.
    int age = static_cast<int>(rng() % 100);
    int days = age < 88 ? 0 : 100 + static_cast<int>(rng() % 300);
    if (days > 0) {
      auto t = core::parse_iso(quarter);
      std::string old = core::to_iso(*t - std::chrono::days{days}).substr(0, 10);
      store::exec(*conn, "UPDATE merchant SET verified_on = $1 WHERE id = $2", {old, id});
    }
    if (rng() % 3 == 0) {
      bool festival = rng() % 2 == 0;
      store::exec(
          *conn,
          "INSERT INTO merchant_contact (merchant_id, kind, festival, contacted_on, "
          "staff_id, result, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $5, "
          "$7)",
          {id, std::string(festival ? "festival" : "visit"),
           festival ? store::Value{std::string("mid_autumn")} : store::Value{store::Null{}},
           festival ? mid_autumn : quarter, clerk_of(village),
           std::string(festival ? "中秋走访慰问，介绍家乡招商政策" : "叩门拜访，了解投资意向"),
           core::now_iso()});
    }
    ++created;
  }
  tx.commit();
  return created;
}

}  // namespace guiyan::service
