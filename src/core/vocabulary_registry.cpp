#include "core/vocabulary_registry.h"

#include <mutex>
#include <stdexcept>

namespace guiyan::core {
namespace {

const TermList& seed_skills() {
  static const TermList t = {
      {"electrician", "电工", {}},
      {"welder", "焊工", {"电焊", "电焊工"}},
      {"mason", "泥瓦工", {"瓦工"}},
      {"carpenter", "木工", {}},
      {"driver", "驾驶员", {"司机"}},
      {"forklift", "叉车", {"叉车工"}},
      {"cook", "厨师", {}},
      {"caregiver", "护工", {"护理", "养老护理"}},
      {"sewing", "缝纫工", {"车工", "缝纫"}},
      {"waterproofing", "防水工", {}},
      {"ecommerce", "电商", {"网店", "直播带货"}},
      {"farming", "种养殖", {"种植", "养殖"}},
      {"mechanic", "机修", {"汽修", "维修"}},
      {"housekeeping", "家政", {"保洁", "月嫂"}},
  };
  return t;
}

const TermList& seed_brands() {
  static const TermList t = {
      {"honghu_lotus", "洪湖莲藕师", {}},     {"shishou_waterproof", "石首防水工", {}},
      {"jianli_beryllium", "监利铍铝商", {}}, {"xianning_carer", "咸宁护工", {}},
      {"ramie_textile", "苎麻纺织工", {}},    {"bamboo_craft", "竹艺师", {}},
  };
  return t;
}

struct Registry {
  std::mutex mutex;
  int64_t revision = 0;
  std::map<std::string, Terms, std::less<>> terms;
};

std::map<std::string, Terms, std::less<>> seeded() {
  std::map<std::string, Terms, std::less<>> out;
  for (const auto& name : editable_vocabularies()) {
    out[name] = std::make_shared<const TermList>(seed_terms(name));
  }
  return out;
}

Registry& registry() {
  static Registry r{{}, 0, seeded()};
  return r;
}

}  // namespace

const std::vector<std::string>& editable_vocabularies() {
  static const std::vector<std::string> names = {"skills", "labour_brands"};
  return names;
}

bool is_editable_vocabulary(std::string_view name) {
  for (const auto& n : editable_vocabularies()) {
    if (n == name) return true;
  }
  return false;
}

const TermList& seed_terms(std::string_view name) {
  if (name == "skills") return seed_skills();
  if (name == "labour_brands") return seed_brands();
  throw std::invalid_argument("unknown vocabulary: " + std::string(name));
}

Terms current_terms(std::string_view name) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  auto it = r.terms.find(name);
  if (it == r.terms.end()) throw std::invalid_argument("unknown vocabulary: " + std::string(name));
  return it->second;
}

Terms skill_terms() {
  return current_terms("skills");
}

Terms labour_brands() {
  return current_terms("labour_brands");
}

TermList active_terms(const TermList& terms) {
  TermList out;
  for (const auto& t : terms) {
    if (!t.retired) out.push_back(t);
  }
  return out;
}

int64_t vocabulary_revision() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  return r.revision;
}

bool install_vocabularies(int64_t revision, std::map<std::string, TermList> terms) {
  // Built outside the lock: readers only ever wait for a pointer swap.
  std::map<std::string, Terms, std::less<>> fresh;
  for (const auto& name : editable_vocabularies()) {
    auto it = terms.find(name);
    fresh[name] =
        std::make_shared<const TermList>(it == terms.end() ? TermList{} : std::move(it->second));
  }
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  if (revision <= r.revision) return false;
  r.revision = revision;
  r.terms.swap(fresh);
  return true;  // the old snapshots are freed when `fresh` goes, or by their last holder
}

void reset_vocabularies() {
  auto fresh = seeded();
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.revision = 0;
  r.terms.swap(fresh);
}

}  // namespace guiyan::core
