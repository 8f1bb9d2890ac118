#include "service/project_offer.h"

#include <algorithm>

#include "core/industry.h"
#include "core/offer_match.h"
#include "core/project_vocabulary.h"
#include "core/text.h"
#include "service/data_scope.h"
#include "store/sql_builder.h"

namespace guiyan::service {

const RecordTable& offer_table() {
  static const RecordTable t = [] {
    using K = core::FieldKind;
    RecordTable t;
    t.table = "project_offer";
    t.entity = "project_offer";
    t.title = "招商项目";
    t.fields = {{"name", "项目名称", K::text, 100},
                {"region_code", "项目所在地", K::region, 12},
                {"industry", "所属行业", K::industry, 4},
                {"amount_wan", "投资规模（万元）", K::integer},
                {"land_mu", "可用土地（亩）", K::integer},
                {"building_sqm", "可用厂房（平方米）", K::integer},
                {"description", "项目简介", K::text, 2000},
                {"status", "状态", K::vocab, 20, &core::fixed_terms<core::offer_statuses>},
                {"published_on", "发布日期", K::date}};
    t.required = {"name", "region_code", "industry", "status"};
    t.search = {"name", "description"};
    t.filters = {"status", "industry"};
    t.read_perm = "project:read";
    t.write_perm = "project:write";
    return t;
  }();
  return t;
}

nlohmann::json offer_matches(store::Db& db, const Principal& p, int64_t id, int64_t limit) {
  require(p, "project:read");
  require(p, "merchant:read");
  auto conn = db.acquire();
  auto offer = record_in_scope(*conn, p, offer_table(), id);
  core::OfferFacts facts{offer["industry"].get<std::string>(),
                         offer["amount_wan"].is_number() ? offer["amount_wan"].get<int64_t>() : 0,
                         offer["region_code"].get<std::string>()};
  std::string section = core::industry_section(facts.industry);
  // Candidates: merchants in scope tied to the offer by industry (intention or their own) or by
  // the region (intended, or home in the same city); match_offer scores them.
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "m.hometown_code", "m.created_by");
  std::string city = facts.region_code.substr(0, 4);
  where += " AND ((',' || COALESCE(m.intention_industries, '') || ',') LIKE " +
           sql.bind("%," + facts.industry + ",%") +
           " OR (',' || COALESCE(m.intention_industries, '') || ',') LIKE " +
           sql.bind("%," + section + ",%") +
           " OR EXISTS (SELECT 1 FROM industry i WHERE i.parent = " + sql.bind(section) +
           " AND (',' || COALESCE(m.intention_industries, '') || ',') LIKE '%,' || i.code || "
           "',%') OR m.industry_section = " +
           sql.bind(section) + " OR m.intention_regions LIKE " + sql.bind("%" + city + "%") +
           " OR (m.hometown_code >= " + sql.bind(city) + " AND m.hometown_code < " +
           sql.bind(city.substr(0, 3) + std::string(1, static_cast<char>(city[3] + 1))) + "))";
  struct Scored {
    int score;
    int64_t id;
    nlohmann::json item;
  };
  std::vector<Scored> scored;
  conn->run(
      "SELECT m.id, COALESCE(m.name, ''), COALESCE(m.enterprise_name, ''), "
      "m.intention_industries, m.industry, m.intention_min_wan, m.intention_max_wan, "
      "m.intention_regions, m.hometown_code, m.intention_strength, (SELECT COUNT(*) FROM "
      "merchant_contact c WHERE c.merchant_id = m.id) FROM merchant m WHERE " +
          where,
      sql.params(), [&](const store::Row& r) {
        core::MerchantFacts m;
        for (const auto& code : core::split(r.text(3), ',')) {
          if (!code.empty()) m.intention_industries.push_back(code);
        }
        m.industry = r.text(4);
        m.min_wan = r.opt_i64(5);
        m.max_wan = r.opt_i64(6);
        for (const auto& code : core::split(r.text(7), ',')) {
          if (!code.empty()) m.intention_regions.push_back(code);
        }
        m.hometown_code = r.text(8);
        m.strength = r.text(9);
        m.contacts = r.i64(10);
        auto result = core::match_offer(facts, m);
        if (result.score <= 0) return;
        scored.push_back({result.score,
                          r.i64(0),
                          {{"merchant_id", r.i64(0)},
                           {"name", r.text(1)},
                           {"enterprise_name", r.text(2)},
                           {"score", result.score},
                           {"reasons", result.reasons}}});
      });
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = 0; i < scored.size() && static_cast<int64_t>(i) < limit; ++i) {
    items.push_back(scored[i].item);
  }
  return {{"offer", offer}, {"candidates", scored.size()}, {"items", items}};
}

}  // namespace guiyan::service
