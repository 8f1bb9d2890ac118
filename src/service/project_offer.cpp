#include "service/project_offer.h"

#include <algorithm>
#include <functional>
#include <map>

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
  // Candidates: merchants tied to the offer by intended industry or region (their match tokens
  // in the full-text index, see merchant_match_tokens) or with their home in the offer's city;
  // match_offer scores them. Reading every merchant took 11 s at 260,000.
  std::vector<std::string> tokens;
  if (facts.industry.size() == 2) tokens.push_back("ii" + facts.industry);
  if (!section.empty())
    tokens.push_back("ii" + std::string(1, static_cast<char>(section[0] - 'A' + 'a')));
  const std::string& r = facts.region_code;
  for (size_t len : {size_t{2}, size_t{4}, size_t{6}, size_t{9}, size_t{12}}) {
    if (r.size() >= len)
      tokens.push_back(
          "ir" + region_prefix(r.substr(0, len) + std::string(6 - std::min<size_t>(6, len), '0')));
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  std::string match, tsq;
  for (const auto& t : tokens) {
    match += (match.empty() ? "\"" : " OR \"") + t + "\"";
    tsq += (tsq.empty() ? "" : " | ") + t;
  }
  std::vector<int64_t> ids;
  if (conn->dialect().name == "sqlite") {
    conn->first_column_int64("SELECT rowid FROM merchant_fts WHERE merchant_fts MATCH $1", {match},
                             ids);
  } else {
    conn->first_column_int64(
        "SELECT id FROM merchant WHERE search_vector @@ to_tsquery('simple', $1)", {tsq}, ids);
  }
  std::string city = facts.region_code.substr(0, 4);
  conn->first_column_int64(
      "SELECT id FROM merchant WHERE hometown_code >= $1 AND hometown_code < $2",
      {city, city.substr(0, 3) + std::string(1, static_cast<char>(city[3] + 1))}, ids);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // Reads the merchants among `batch` in the reader's scope that did not say they have no
  // intention (they would rank last anyway), as (id, facts, name, enterprise).
  const std::string columns =
      "SELECT m.id, COALESCE(m.name, ''), COALESCE(m.enterprise_name, ''), "
      "m.intention_industries, m.industry, m.intention_min_wan, m.intention_max_wan, "
      "m.intention_regions, m.hometown_code, m.intention_strength, (SELECT COUNT(*) FROM "
      "merchant_contact c WHERE c.merchant_id = m.id) FROM merchant m WHERE m.id IN (";
  auto read = [&](const std::vector<int64_t>& batch,
                  const std::function<void(const store::Row&, const core::MerchantFacts&)>& each) {
    for (size_t from = 0; from < batch.size(); from += 500) {
      store::SqlBuilder sql;
      std::string where = scope_condition(p, sql, "m.hometown_code", "m.created_by");
      std::string in;
      for (size_t i = from; i < batch.size() && i < from + 500; ++i) {
        in += (in.empty() ? "" : ", ") + sql.bind(batch[i]);
      }
      conn->run(columns + in + ") AND m.intention_strength <> 'none' AND " + where, sql.params(),
                [&](const store::Row& r) {
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
                  each(r, m);
                });
    }
  };
  // Every candidate is scored without its reasons; only the best `limit` are read again and
  // given theirs, in rank order (score, then the older record).
  std::vector<std::pair<int, int64_t>> scored;  // (-score, id): ascending is rank order
  read(ids, [&](const store::Row& r, const core::MerchantFacts& m) {
    int score = core::match_offer(facts, m, false).score;
    if (score > 0) scored.emplace_back(-score, r.i64(0));
  });
  size_t shown = std::min(scored.size(), static_cast<size_t>(std::max<int64_t>(limit, 0)));
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(shown),
                    scored.end());
  std::vector<int64_t> best;
  for (size_t i = 0; i < shown; ++i) best.push_back(scored[i].second);
  std::map<int64_t, nlohmann::json> by_id;
  read(best, [&](const store::Row& r, const core::MerchantFacts& m) {
    auto result = core::match_offer(facts, m);
    by_id[r.i64(0)] = {{"merchant_id", r.i64(0)},
                       {"name", r.text(1)},
                       {"enterprise_name", r.text(2)},
                       {"score", result.score},
                       {"reasons", result.reasons}};
  });
  nlohmann::json items = nlohmann::json::array();
  for (int64_t id : best) {
    if (auto it = by_id.find(id); it != by_id.end()) items.push_back(it->second);
  }
  return {{"offer", offer}, {"candidates", scored.size()}, {"items", items}};
}

}  // namespace guiyan::service
