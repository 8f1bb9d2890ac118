#include "service/person_facets.h"

#include <mutex>

#include "core/person_vocabulary.h"
#include "core/text.h"

namespace guiyan::service {
namespace {

// Beyond this many logged changes a full reload is cheaper than reading them one by one.
constexpr int64_t kReloadAfter = 100000;

const char* kColumns =
    "p.id, p.region_code, p.status, p.funnel_stage, p.help_wanted, p.labour_brand, p.source, "
    "p.birth_date, p.created_by, p.merged_into IS NULL";

// "1990-05-17" → 19900517; 0 for anything else.
uint32_t date_number(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  uint32_t n = 0;
  for (char ch : s) {
    if (ch == '-') continue;
    if (ch < '0' || ch > '9') return 0;
    n = n * 10 + static_cast<uint32_t>(ch - '0');
  }
  return n;
}

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

uint32_t PersonFacets::Interned::of(const std::string& s) {
  auto it = index.find(s);
  if (it != index.end()) return it->second;
  if (s.empty()) return 0;
  names.push_back(s);
  return index[s] = static_cast<uint32_t>(names.size() - 1);
}

std::optional<uint32_t> PersonFacets::Interned::find(const std::string& s) const {
  if (s.empty()) return 0;
  auto it = index.find(s);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

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
}

void PersonFacets::refresh(store::Conn& c) {
  // The log's end is read before the rows: a change committed in between is read again next
  // time, and loading a row twice is harmless.
  auto ends = store::query_one(c,
                               "SELECT COALESCE(MAX(seq), 0), COALESCE(MIN(seq), 0) FROM "
                               "person_change");
  int64_t last = ends->i64(0), first = ends->i64(1);
  {
    std::shared_lock lock(mu_);
    if (loaded_ && seq_ >= last) return;
  }
  std::unique_lock lock(mu_);
  if (loaded_ && seq_ >= last) return;
  bool reload = !loaded_ || last - seq_ > kReloadAfter || (first > seq_ + 1 && seq_ < last);
  if (reload) {
    entries_.clear();
    entries_.reserve(static_cast<size_t>(store::query_int(c, "SELECT MAX(id) FROM person")) + 1);
    c.run(std::string("SELECT ") + kColumns + " FROM person p", {},
          [&](const store::Row& r) { load_row(r); });
  } else {
    // Forget the changed people first: a deleted one has no row to load again.
    c.run("SELECT DISTINCT person_id FROM person_change WHERE seq > $1 AND seq <= $2", {seq_, last},
          [&](const store::Row& r) {
            int64_t id = r.i64(0);
            if (id > 0 && static_cast<size_t>(id) < entries_.size()) entries_[id].live = false;
          });
    c.run(std::string("SELECT ") + kColumns +
              " FROM person p WHERE p.id IN (SELECT person_id FROM person_change WHERE seq > $1 "
              "AND seq <= $2)",
          {seq_, last}, [&](const store::Row& r) { load_row(r); });
  }
  loaded_ = true;
  seq_ = last;
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
  return c;
}

void warm_person_facets(store::Db& db) {
  if (db.kind() != "sqlite") return;
  auto c = db.acquire();
  db.attachment<PersonFacets>().refresh(*c);
}

}  // namespace guiyan::service
