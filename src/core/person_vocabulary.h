// The fixed vocabularies of the people registry: keys stored in the database, Chinese labels
// shown to users, and the Chinese words offices write in their sheets for each key. The two
// vocabularies offices edit (skills, labour brands) live in core/vocabulary_registry.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guiyan::core {

struct Term {
  std::string key;
  std::string label;                  // what the interface shows
  std::vector<std::string> synonyms;  // other words sheets use for it
  bool retired = false;               // kept for existing records, no longer offered or matched
};

// Status over time: away, returned, employed_home, started_business, left_again.
const std::vector<Term>& person_statuses();
// Funnel stages: identified (摸得清), contacted (联得上), landed (落得下), in order.
const std::vector<Term>& funnel_stages();
// Where a value came from: big_data, survey, self_report, manual, in rising trust.
const std::vector<Term>& data_sources();
// Help a returnee wants: site, loan, training, mentor, policy, employees.
const std::vector<Term>& help_kinds();
// Kinds of service records of the case team (1+1+N).
const std::vector<Term>& service_kinds();
// Education levels.
const std::vector<Term>& education_levels();
// Gender: male (男), female (女), as an ID number gives it or a sheet states it.
const std::vector<Term>& genders();

// The key of the term whose key, label or synonym equals `word` (trimmed), or nullopt. Retired
// terms are skipped unless `include_retired` (filters still find them).
std::optional<std::string> find_term(const std::vector<Term>& terms, std::string_view word,
                                     bool include_retired = false);
// The term with exactly this key, retired or not, or nullptr.
const Term* find_key(const std::vector<Term>& terms, std::string_view key);
// The label of `key`, or the key itself when unknown.
std::string term_label(const std::vector<Term>& terms, std::string_view key);

// The labels of the terms not retired, in order, joined by "、" ("场地、贷款、培训").
std::string active_labels(const std::vector<Term>& terms);
// The position of a funnel stage (0 identified … 2 landed), or -1.
int funnel_rank(std::string_view stage);
// The position of a source in the trust order (0 big_data … 3 manual), or -1.
int source_rank(std::string_view source);

}  // namespace guiyan::core
