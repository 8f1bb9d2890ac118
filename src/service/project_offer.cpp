#include "service/project_offer.h"

#include <algorithm>
#include <functional>
#include <map>

#include "core/industry.h"
#include "core/offer_match.h"
#include "core/project_vocabulary.h"
#include "core/text.h"
#include "service/data_scope.h"
#include "service/merchant_facets.h"
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

namespace {

// The best `limit` merchants that fit, as (-score, merchant id): ascending is rank order (score,
// then the older record), and how many fit in all. Only the best are kept: a vector of every
// merchant that fits cost ~1,000 page faults per request at 260,000 merchants.
class Ranking {
 public:
  explicit Ranking(size_t limit) : limit_(limit) {}
  // Counts a merchant with a score above 0 and keeps it when it ranks among the best.
  void add(int score, int64_t id) {
    ++fits_;
    std::pair<int, int64_t> entry{-score, id};
    if (best_.size() < limit_) {
      best_.push_back(entry);
      std::push_heap(best_.begin(), best_.end());
    } else if (limit_ > 0 && entry < best_.front()) {
      std::pop_heap(best_.begin(), best_.end());
      best_.back() = entry;
      std::push_heap(best_.begin(), best_.end());
    }
  }
  // The kept merchants' ids in rank order.
  std::vector<int64_t> ids() const {
    auto sorted = best_;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int64_t> out;
    for (const auto& e : sorted) out.push_back(e.second);
    return out;
  }
  int64_t fits() const { return fits_; }

 private:
  size_t limit_;
  std::vector<std::pair<int, int64_t>> best_;  // a max-heap: the worst kept one on top
  int64_t fits_ = 0;
};

// Reads the merchants among `ids` in the reader's scope that did not say they have no intention
// (they would rank last anyway), as (row, facts); the row holds id, name and enterprise name.
void read_merchants(
    store::Conn& c, const Principal& p, const std::vector<int64_t>& ids,
    const std::function<void(const store::Row&, const core::MerchantFacts&)>& each) {
  const std::string columns =
      "SELECT m.id, COALESCE(m.name, ''), COALESCE(m.enterprise_name, ''), "
      "m.intention_industries, m.industry, m.intention_min_wan, m.intention_max_wan, "
      "m.intention_regions, m.hometown_code, m.intention_strength, (SELECT COUNT(*) FROM "
      "merchant_contact c WHERE c.merchant_id = m.id) FROM merchant m WHERE m.id IN (";
  for (size_t from = 0; from < ids.size(); from += 500) {
    store::SqlBuilder sql;
    std::string where = scope_condition(p, sql, "m.hometown_code", "m.created_by");
    std::string in;
    for (size_t i = from; i < ids.size() && i < from + 500; ++i) {
      in += (in.empty() ? "" : ", ") + sql.bind(ids[i]);
    }
    c.run(columns + in + ") AND m.intention_strength <> 'none' AND " + where, sql.params(),
          [&](const store::Row& r) {
            auto industries = core::split_items(r.text(3), ','),
                 regions = core::split_items(r.text(7), ',');
            std::string industry = r.text(4), home = r.text(8), strength = r.text(9);
            core::MerchantFacts m;
            m.intention_industries = industries;
            m.industry = industry;
            m.min_wan = r.opt_i64(5);
            m.max_wan = r.opt_i64(6);
            m.intention_regions = regions;
            m.hometown_code = home;
            m.strength = strength;
            m.contacts = r.i64(10);
            each(r, m);
          });
  }
}

// Ranks through SQL alone: the candidates are the merchants tied to the offer by intended
// industry or region (their match tokens in the full-text index, see merchant_match_tokens),
// with their own enterprise in the offer's industry section, or with their home in the offer's
// city; match_offer scores them. Reading every merchant this way
// took 11 s at 260,000.
Ranking rank_by_sql(store::Conn& c, const Principal& p, const core::OfferFacts& facts,
                    size_t limit) {
  std::string section = core::industry_section(facts.industry);
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
  // Intended regions inside the offer's own region tie too: its token is matched as a prefix
  // (ir421022 finds ir421022101).
  const std::string own = "ir" + region_prefix(r);
  std::string match, tsq;
  for (const auto& t : tokens) {
    match += (match.empty() ? "\"" : " OR \"") + t + "\"" + (t == own ? " *" : "");
    tsq += (tsq.empty() ? "" : " | ") + t + (t == own ? ":*" : "");
  }
  std::vector<int64_t> ids;
  if (c.dialect().name == "sqlite") {
    c.first_column_int64("SELECT rowid FROM merchant_fts WHERE merchant_fts MATCH $1", {match},
                         ids);
  } else {
    c.first_column_int64("SELECT id FROM merchant WHERE search_vector @@ to_tsquery('simple', $1)",
                         {tsq}, ids);
  }
  if (!section.empty()) {
    c.first_column_int64("SELECT id FROM merchant WHERE industry_section = $1", {section}, ids);
  }
  std::string city = facts.region_code.substr(0, 4);
  c.first_column_int64("SELECT id FROM merchant WHERE hometown_code >= $1 AND hometown_code < $2",
                       {city, city.substr(0, 3) + std::string(1, static_cast<char>(city[3] + 1))},
                       ids);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Ranking ranking(limit);
  read_merchants(c, p, ids, [&](const store::Row& row, const core::MerchantFacts& m) {
    int score = core::match_offer(facts, m, false).score;
    if (score > 0) ranking.add(score, row.i64(0));
  });
  return ranking;
}

// The same ranking from the in-memory merchant index (SQLite): every merchant is scored, where
// reading the candidates from the database took ~300 ms at 260,000.
Ranking rank_from_index(const MerchantFacets& facets, const Principal& p,
                        const core::OfferFacts& facts, size_t limit) {
  bool own_records = false;
  for (const auto& g : p.scopes) own_records |= g.kind == "own_records";
  std::vector<int8_t> visible(facets.region_count(), -1);  // per region index; -1 not yet known
  std::vector<int8_t> unwilling(facets.key_count(), -1);   // per key index: strength "none"
  Ranking ranking(limit);
  core::MerchantFacts m;  // views into the index: nothing is copied
  facets.scan_matching(
      [&](int64_t id, const MerchantFacets::Entry& e, const MerchantFacets::MatchEntry& x) {
        int8_t& u = unwilling[e.strength];
        if (u < 0) u = facets.key(e.strength) == "none" ? 1 : 0;
        if (u) return;
        int8_t& v = visible[e.region];
        if (v < 0) v = in_scope(p, facets.region_code(e.region)) ? 1 : 0;
        // Outside the region grants: visible only as the account's own records.
        if (!v && !(own_records && e.owner != 0 && e.owner == p.user_id)) return;
        m.intention_industries = facets.list(x.intents);
        m.industry = facets.key(e.industry);
        m.min_wan = x.min_wan;
        m.max_wan = x.max_wan;
        m.intention_regions = facets.list(x.regions);
        m.hometown_code = x.hometown();
        m.strength = facets.key(e.strength);
        m.contacts = x.contacts;
        int score = core::match_offer(facts, m, false).score;
        if (score > 0) ranking.add(score, id);
      });
  return ranking;
}

}  // namespace

nlohmann::json offer_matches(store::Db& db, const Principal& p, int64_t id, int64_t limit,
                             ListPlan plan) {
  require(p, "project:read");
  require(p, "merchant:read");
  auto conn = db.acquire();
  auto offer = record_in_scope(*conn, p, offer_table(), id);
  core::OfferFacts facts{offer["industry"].get<std::string>(),
                         offer["amount_wan"].is_number() ? offer["amount_wan"].get<int64_t>() : 0,
                         offer["region_code"].get<std::string>()};
  size_t keep = static_cast<size_t>(std::max<int64_t>(limit, 0));
  Ranking ranking(keep);
  if (plan == ListPlan::best && db.kind() == "sqlite") {
    auto& facets = db.attachment<MerchantFacets>();
    facets.refresh(*conn);
    ranking = rank_from_index(facets, p, facts, keep);
  } else {
    ranking = rank_by_sql(*conn, p, facts, keep);
  }
  // Only the best are read again and given their reasons, in rank order.
  std::vector<int64_t> best = ranking.ids();
  std::map<int64_t, nlohmann::json> by_id;
  read_merchants(*conn, p, best, [&](const store::Row& r, const core::MerchantFacts& m) {
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
  return {{"offer", offer}, {"candidates", ranking.fits()}, {"items", items}};
}

}  // namespace guiyan::service
