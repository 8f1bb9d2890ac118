// The vocabularies offices edit (the skills dictionary and the labour brands), as this process
// currently knows them. The database holds them (table vocabulary_term, migration 007); the
// service layer installs each new revision here (service/vocabulary_sync.h). Until then the
// registry holds the seeds, which are what migration 007 inserts.
//
// Readers get a snapshot: a shared pointer to an immutable list. A snapshot stays valid for as
// long as it is held, whatever is installed meanwhile, so no reference ever dangles; hold it for
// the duration of one use (a request, a batch) rather than in a static.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/person_vocabulary.h"

namespace guiyan::core {

using TermList = std::vector<Term>;
using Terms = std::shared_ptr<const TermList>;

// The names of the editable vocabularies, in display order: "skills", "labour_brands".
const std::vector<std::string>& editable_vocabularies();
// True when `name` is one of them.
bool is_editable_vocabulary(std::string_view name);

// The seeded terms of an editable vocabulary (exactly what migration 007 inserts); throws
// std::invalid_argument for another name.
const TermList& seed_terms(std::string_view name);

// The current snapshot of an editable vocabulary; throws std::invalid_argument for another name.
Terms current_terms(std::string_view name);
// The skills dictionary (电工, 焊工 …), retired terms included.
Terms skill_terms();
// The labour brands (洪湖莲藕师, 石首防水工 …), retired terms included.
Terms labour_brands();

// The terms of `terms` that are not retired, in order (what new input may choose from).
TermList active_terms(const TermList& terms);

// The revision of the database the snapshots come from; 0 while only the seeds are known.
int64_t vocabulary_revision();

// Installs every editable vocabulary at once as of `revision`, when that is newer than the
// installed one (a slower reader never puts back an older state); returns true when installed.
// A vocabulary missing from `terms` becomes empty.
bool install_vocabularies(int64_t revision, std::map<std::string, TermList> terms);

// Puts the seeds back at revision 0 (for tests, and a process switching databases).
void reset_vocabularies();

// A snapshot of a fixed vocabulary (person_statuses …): static storage, never freed, so the
// pointer owns nothing. Lets fixed and editable vocabularies be used the same way.
template <const std::vector<Term>& (*Fixed)()>
Terms fixed_terms() {
  return Terms(Terms(), &Fixed());
}

}  // namespace guiyan::core
