// The fixed vocabularies of investment projects: the pipeline's stages in order, approval
// milestones, appeal categories and outcomes, and the states of an offered project.
#pragma once

#include <string_view>
#include <vector>

#include "core/person_vocabulary.h"

namespace guiyan::core {

// The pipeline in order: lead, contact, inspection, reception, negotiation, signed, landed,
// construction, production; then dropped (off the pipeline, from any stage).
const std::vector<Term>& project_stages();
// The position of a stage in the pipeline (0 lead … 8 production); -1 for dropped or unknown.
int stage_rank(std::string_view stage);
// Approval milestones: filing, land, planning, environment, construction_permit, acceptance.
const std::vector<Term>& milestone_kinds();
// Categories of appeals 诉求.
const std::vector<Term>& appeal_categories();
// An appeal's state: open, answered, closed.
const std::vector<Term>& appeal_statuses();
// How satisfied the one who raised an appeal was: satisfied, basic, unsatisfied.
const std::vector<Term>& satisfactions();
// An offered project's state: open, taken, withdrawn.
const std::vector<Term>& offer_statuses();

}  // namespace guiyan::core
