// Re-indexing the search tokens of the people who hold a vocabulary term, after its label changed.
#pragma once

#include <cstdint>
#include <string>

#include "core/vocabulary_registry.h"
#include "store/db.h"

namespace guiyan::service {

// Rewrites the search tokens of every person whose `vocabulary` field ("skills" or
// "labour_brands") holds `key`, with the labels of `skills` and `brands`, in the caller's
// transaction; returns how many people were re-indexed. Reads the registry in pages of ids, so
// memory stays bounded; the time grows with the number of people (a full scan of person).
int64_t reindex_people_with_term(store::Conn& c, const std::string& vocabulary,
                                 const std::string& key, const core::TermList& skills,
                                 const core::TermList& brands);

}  // namespace guiyan::service
