// Use cases of the editable vocabularies (技能字典, 劳务品牌): list, add a term, change a term's
// label, synonyms or retired state. Keys never change and are never reused.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct TermInput {
  std::optional<std::string> key;  // only when adding; generated when absent
  std::optional<std::string> label;
  std::optional<std::vector<std::string>> synonyms;
  std::optional<bool> retired;  // only when changing
};

// {"name","title","revision","items":[Term]} with retired terms (retired: true), in display
// order; any signed-in account. 404 for an unknown vocabulary name.
nlohmann::json list_vocabulary(store::Db& db, const Principal& p, const std::string& name);

// Adds a term (vocabulary:write): label required, synonyms optional, key generated unless given.
// 400 for a bad word or key, 409 when the key is taken or a word already names another active
// term. Audited; the registry holds the term when this returns.
nlohmann::json add_vocabulary_term(store::Db& db, const Principal& p, const std::string& name,
                                   const TermInput& in);

// Changes a term's label, synonyms and/or retired state (vocabulary:write), with the checks of
// adding (a term brought back from retirement is checked too). A new label re-indexes the people
// holding the term in the same transaction. Audited. Answers the term plus "reindexed": N.
nlohmann::json update_vocabulary_term(store::Db& db, const Principal& p, const std::string& name,
                                      const std::string& key, const TermInput& in);

}  // namespace guiyan::service
