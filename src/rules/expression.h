// The rule language: a small expression language over the subject's fields and the policy's
// parameters, compiled once (parsed, names resolved, types checked) and evaluated many times with
// Kleene's three-valued logic (unknown and false is false; unknown or true is true; any other
// operation on an unknown is unknown). docs/rules.md is its reference.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/parameter.h"
#include "rules/situation.h"
#include "rules/value.h"

namespace guiyan::rules {

// A rule that does not compile: the message is Chinese and names the place (1-based character).
class RuleError : public std::runtime_error {
 public:
  RuleError(const std::string& message, size_t position)
      : std::runtime_error(message), position_(position) {}
  // 1-based position in the rule text, counted in characters.
  size_t position() const { return position_; }

 private:
  size_t position_;
};

// One value a rule read while it was evaluated: a field, a parameter or a computed function.
struct TraceItem {
  std::string text;   // as written in the rule: "venture.employees", "@amount_yuan"
  std::string label;  // the Chinese name: "带动就业人数（含创业者本人）"
  std::string value;  // as a clerk reads it: "2", "2025-01-15", "未知"
  std::string note;   // for a parameter, where its value comes from: "咸安区，2025-07-01 起"
};

// What an evaluation reads besides the situation.
struct EvalContext {
  const Situation& situation;
  core::Date today;                         // the evaluation date
  std::string_view region;                  // the subject's region, for regional parameters
  std::vector<TraceItem>* trace = nullptr;  // filled when not null, each item once
};

// Names a parameter reference resolves against: the policy's own, then the shared ones.
struct ParameterScope {
  const ParameterSet* own = nullptr;
  const ParameterSet* shared = nullptr;
};

class Expression {
 public:
  // Compiles `text`; throws RuleError. A field the subject kind does not provide is an error
  // (see field_belongs_to); `subject` "" accepts every field. The scope's sets must outlive
  // the expression.
  static Expression compile(std::string_view text, const ParameterScope& scope,
                            std::string_view subject = {});

  // The static type of the whole expression.
  Type type() const;
  // The source text.
  const std::string& text() const;
  // Evaluates against one situation; never throws for data (missing data gives unknown).
  Value evaluate(const EvalContext& context) const;

  struct Node;

 private:
  std::shared_ptr<const std::vector<Node>> nodes_;
  size_t root_ = 0;
  std::string text_;
};

}  // namespace guiyan::rules
