#include "service/person_facets.h"

#include <cstdint>
#include <mutex>

#include "core/person_vocabulary.h"
#include "core/text.h"

namespace guiyan::service {
namespace {

const char* kColumns =
    "p.id, p.region_code, p.status, p.funnel_stage, p.help_wanted, p.labour_brand, p.source, "
    "p.birth_date, p.created_by, p.merged_into IS NULL, p.case_worker_id";

uint8_t help_bits(const std::string& keys) {
  uint8_t bits = 0;
  const auto& kinds = core::help_kinds();
  for (const auto& key : core::split(keys, ',')) {
    for (size_t i = 0; i < kinds.size() && i < 8; ++i) {
      if (kinds[i].key == key) bits |= static_cast<uint8_t>(1u << i);
    }
  }
  return bits;
}

}  // namespace

void PersonFacets::load_row(const store::Row& r) {
  int64_t id = r.i64(0);
  if (id <= 0) return;
  if (static_cast<size_t>(id) >= entries_.size()) entries_.resize(static_cast<size_t>(id) + 1);
  Entry& e = entries_[static_cast<size_t>(id)];
  // A region code always gets an index of its own (even an empty one: index 0 is "").
  e.region = regions_.of(r.text(1));
  e.status = static_cast<uint16_t>(keys_.of(r.text(2)));
  e.stage = static_cast<uint16_t>(keys_.of(r.text(3)));
  e.help = help_bits(r.text(4));
  e.brand = static_cast<uint16_t>(keys_.of(r.text(5)));
  e.source = static_cast<uint16_t>(keys_.of(r.text(6)));
  e.birth = date_number(r.text(7));
  e.owner = static_cast<uint32_t>(r.i64(8));
  e.live = r.i64(9) != 0;
  e.worker = static_cast<uint32_t>(r.i64(10));
}

void PersonFacets::refresh(store::Conn& c) {
  {
    std::shared_lock lock(mu_);
    if (catch_up(c, "person_change", "person_id", at_).up_to_date) return;
  }
  std::unique_lock lock(mu_);
  LogCatchUp changes = catch_up(c, "person_change", "person_id", at_);
  if (changes.up_to_date) return;
  if (changes.reload) {
    entries_.clear();
    entries_.reserve(static_cast<size_t>(store::query_int(c, "SELECT MAX(id) FROM person")) + 1);
    c.stream(std::string("SELECT ") + kColumns + " FROM person p", {},
             [&](const store::Row& r) { load_row(r); });
  } else {
    // Forget the changed people first: a deleted one has no row to load again.
    for (int64_t id : changes.ids) {
      if (id > 0 && static_cast<size_t>(id) < entries_.size()) entries_[id].live = false;
    }
    for_rows_of_ids(c, std::string("SELECT ") + kColumns + " FROM person p WHERE p.id", changes.ids,
                    [&](const store::Row& r) { load_row(r); });
  }
  at_ = changes.next;
}

PersonFacets::Compiled PersonFacets::compile(const FacetFilter& f) const {
  Compiled c;
  auto key = [&](const std::string& s, uint16_t* out) {
    auto ix = keys_.find(s);
    if (!ix) {
      c.none = true;
    } else {
      *out = static_cast<uint16_t>(*ix);
    }
  };
  key(f.status, &c.status);
  key(f.funnel_stage, &c.stage);
  key(f.labour_brand, &c.brand);
  key(f.source, &c.source);
  if (!f.help.empty()) {
    c.help = help_bits(f.help);
    if (!c.help) c.none = true;
  }
  if (f.birth_max) {
    c.has_birth_max = true;
    c.birth_max = static_cast<uint32_t>(*f.birth_max);
  }
  if (f.birth_min) {
    c.has_birth_min = true;
    c.birth_min = static_cast<uint32_t>(*f.birth_min);
  }
  if (f.case_worker) {
    c.has_worker = true;
    c.worker = static_cast<uint32_t>(*f.case_worker);
    if (*f.case_worker > UINT32_MAX) c.none = true;  // no account has such an id
  }
  return c;
}

std::vector<std::string> PersonFacets::key_names() const {
  std::shared_lock lock(mu_);
  return keys_.names;
}

void warm_person_facets(store::Db& db) {
  auto c = db.acquire();
  db.attachment<PersonFacets>().refresh(*c);
}

}  // namespace guiyan::service
