// The compiled form of an Expression (private to rules/expression_*.cpp): nodes in a vector,
// children before parents, the root last.
#pragma once

#include <vector>

#include "rules/expression.h"

namespace guiyan::rules {

enum class Op {
  literal,
  field,
  param,  // kids: none, or one date (the value in force on that date)
  logical_and,
  logical_or,
  logical_not,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  add,
  sub,
  mul,
  div,
  neg,
  in_list,  // kids: the tested value, then the list's literals
  months_between,
  days_between,
  years_between,
  min,
  max,
  if_then_else,
  known,
  round,
};

struct Expression::Node {
  Op op = Op::literal;
  Type type = Type::number;
  Value literal;                     // for Op::literal
  size_t slot = 0;                   // for Op::field
  const Parameter* param = nullptr;  // for Op::param
  std::vector<size_t> kids;          // indices of the children
  std::string text;                  // the source text of this node
  bool traced = false;               // reported in the trace (fields, parameters, functions)
};

}  // namespace guiyan::rules
