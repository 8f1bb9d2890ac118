#include "service/merchant_facets.h"

#include <algorithm>
#include <cstdint>
#include <mutex>

#include "core/merchant_vocabulary.h"
#include "core/text.h"

namespace guiyan::service {
namespace {

const char* kColumns =
    "m.id, m.hometown_code, m.created_by, m.case_worker_id, m.verified_on, m.industry, "
    "m.industry_section, m.intention_strength, m.enterprise_size, m.operating_status, "
    "m.influence, m.categories, m.tags, m.intention_industries, m.intention_regions, "
    "m.intention_min_wan, m.intention_max_wan, "
    "(SELECT COUNT(*) FROM merchant_contact c WHERE c.merchant_id = m.id)";

uint8_t bits_of(const std::vector<core::Term>& terms, const std::string& keys) {
  uint8_t bits = 0;
  for (const auto& key : core::split(keys, ',')) {
    for (size_t i = 0; i < terms.size() && i < 8; ++i) {
      if (terms[i].key == key) bits |= static_cast<uint8_t>(1u << i);
    }
  }
  return bits;
}

}  // namespace

void MerchantFacets::load_row(const store::Row& r) {
  int64_t id = r.i64(0);
  if (id <= 0) return;
  if (static_cast<size_t>(id) >= entries_.size()) {
    entries_.resize(static_cast<size_t>(id) + 1);
    matches_.resize(entries_.size());
  }
  Entry& e = entries_[static_cast<size_t>(id)];
  auto key = [&](size_t i) { return static_cast<uint16_t>(keys_.of(r.text(i))); };
  e.region = regions_.of(r.text(1));
  e.owner = static_cast<uint32_t>(r.i64(2));
  e.worker = static_cast<uint32_t>(r.i64(3));
  e.verified = date_number(r.text(4));
  e.industry = key(5);
  e.section = key(6);
  e.strength = key(7);
  e.size = key(8);
  e.status = key(9);
  e.influence = key(10);
  e.categories = bits_of(core::merchant_categories(), r.text(11));
  e.tags = bits_of(core::merchant_tags(), r.text(12));
  MatchEntry& m = matches_[static_cast<size_t>(id)];
  m.intents = list_of(r.text(13));
  m.regions = list_of(r.text(14));
  m.min_wan = r.opt_i64(15);
  m.max_wan = r.opt_i64(16);
  m.contacts = static_cast<uint32_t>(r.i64(17));
  std::string home = r.text(1);
  m.home_size = static_cast<uint8_t>(std::min(home.size(), sizeof m.home));
  std::copy_n(home.data(), m.home_size, m.home);
  e.live = true;
}

uint32_t MerchantFacets::list_of(const std::string& text) {
  uint32_t index = lists_.of(text);
  while (list_spans_.size() < lists_.names.size()) {
    size_t at = list_pool_.size();
    for (auto& item : core::split_items(lists_.names[list_spans_.size()], ',')) {
      list_pool_.push_back(std::move(item));
    }
    list_spans_.emplace_back(at, list_pool_.size() - at);
  }
  return index;
}

void MerchantFacets::refresh(store::Conn& c) {
  {
    std::shared_lock lock(mu_);
    if (catch_up(c, "merchant_change", "merchant_id", at_).up_to_date) return;
  }
  std::unique_lock lock(mu_);
  LogCatchUp changes = catch_up(c, "merchant_change", "merchant_id", at_);
  if (changes.up_to_date) return;
  if (changes.reload) {
    entries_.clear();
    matches_.clear();
    size_t ids = static_cast<size_t>(store::query_int(c, "SELECT MAX(id) FROM merchant")) + 1;
    entries_.reserve(ids);
    matches_.reserve(ids);
    c.stream(std::string("SELECT ") + kColumns + " FROM merchant m", {},
             [&](const store::Row& r) { load_row(r); });
  } else {
    // Forget the changed merchants first: a deleted one has no row to load again.
    for (int64_t id : changes.ids) {
      if (id > 0 && static_cast<size_t>(id) < entries_.size()) entries_[id].live = false;
    }
    for_rows_of_ids(c, std::string("SELECT ") + kColumns + " FROM merchant m WHERE m.id",
                    changes.ids, [&](const store::Row& r) { load_row(r); });
  }
  at_ = changes.next;
}

MerchantFacets::Compiled MerchantFacets::compile(const MerchantFilter& f) const {
  Compiled c;
  auto key = [&](const std::string& s, uint16_t* out) {
    auto ix = keys_.find(s);
    if (!ix) {
      c.none = true;
    } else {
      *out = static_cast<uint16_t>(*ix);
    }
  };
  key(f.section, &c.section);
  key(f.division, &c.industry);
  key(f.strength, &c.strength);
  key(f.size, &c.size);
  key(f.operating_status, &c.status);
  key(f.influence, &c.influence);
  if (!f.category.empty()) {
    c.category = bits_of(core::merchant_categories(), f.category);
    if (!c.category) c.none = true;
  }
  if (!f.tag.empty()) {
    c.tag = bits_of(core::merchant_tags(), f.tag);
    if (!c.tag) c.none = true;
  }
  if (f.case_worker) {
    c.has_worker = true;
    c.worker = static_cast<uint32_t>(*f.case_worker);
    if (*f.case_worker > UINT32_MAX) c.none = true;  // no account has such an id
  }
  c.stale_before = f.stale_before;
  return c;
}

void warm_merchant_facets(store::Db& db) {
  if (db.kind() != "sqlite") return;
  auto c = db.acquire();
  db.attachment<MerchantFacets>().refresh(*c);
}

}  // namespace guiyan::service
