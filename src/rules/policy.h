// A policy as data: who may apply, its conditions and amount as rules, its parameters, and how it
// is awarded; and its evaluation for one subject on one date, with the trace a clerk can read.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "rules/expression.h"
#include "rules/parameter.h"
#include "rules/situation.h"

namespace guiyan::rules {

struct Condition {
  std::string label;  // "经营满6个月"
  Expression rule;    // boolean
};

struct Policy {
  std::string code;     // "start_up_subsidy", stable
  std::string name;     // "一次性创业补贴"
  std::string kind;     // "创业补贴" (see policy_kinds())
  std::string region;   // issuing region: applies there and below
  std::string subject;  // "person", "venture" or "loan"
  std::string award;    // "application", "automatic" (免申即享) or "selection" (评审)
  std::string period;   // "once", "year" or "none": no second award within it
  std::optional<core::Date> valid_from, valid_to;  // inclusive; open when absent
  std::string summary, process, agency, phone, source;
  std::vector<std::string> documents;
  // The policy's own parameters and the shared ones (LPR …) its rules point into: shared so that
  // copies of a policy keep them alive.
  std::shared_ptr<const ParameterSet> parameters, shared_parameters;
  std::vector<Condition> conditions;
  std::optional<Expression> amount;  // in yuan; absent for policies without a money amount
  bool amount_is_cap = false;        // the amount is a maximum ("最高500元")
  std::string amount_note;           // how the amount is computed, for the catalogue
};

enum class Verdict { eligible, not_eligible, unknown };

// "eligible", "not_eligible", "unknown".
const char* verdict_key(Verdict verdict);
// 符合 / 不符合 / 待核实.
const char* verdict_word(Verdict verdict);

struct ConditionResult {
  std::string label;
  std::string rule;            // the rule text
  Verdict result;              // eligible = met, not_eligible = not met, unknown = data missing
  std::vector<TraceItem> saw;  // the values it read
  std::string sentence;  // "经营满6个月：满足（注册登记日期 2025-01-15；评估日期 …）"
};

struct Evaluation {
  Verdict verdict = Verdict::unknown;
  std::optional<long long> amount_fen;  // when the amount is known
  bool amount_is_cap = false;
  std::vector<ConditionResult> conditions;  // validity, region, repeat award, then the policy's
  std::vector<TraceItem> amount_saw;
  std::string amount_sentence;  // "金额：5000元（补贴金额 5000 …）" or why it is unknown
  std::string summary;          // the one-line answer: "符合：一次性创业补贴 5000元"
};

// The subject's region field for a subject kind ("person.region" …).
std::string_view region_field(std::string_view subject);

// Evaluates `policy` for the subject described by `situation` on `today`. The verdict is
// eligible when every condition is met, not eligible when one is not, unknown otherwise; the
// amount is computed when the verdict is not "not eligible".
Evaluation evaluate(const Policy& policy, const Situation& situation, core::Date today);

}  // namespace guiyan::rules
