// Evaluation of compiled expressions with three-valued logic, recording what was read.
#include <algorithm>
#include <cmath>

#include "rules/expression_node.h"
#include "rules/field_catalogue.h"

namespace guiyan::rules {
namespace {

using Nodes = std::vector<Expression::Node>;

// Where a parameter's value comes from, as a trace note: "421202 起 2025-07-01".
std::string param_note(const ParameterValue* entry, const Parameter& param) {
  if (!entry) return "无适用取值";
  std::string note = entry->region.empty() ? "全省" : "地区 " + entry->region;
  note += "，" + entry->from.to_iso() + " 起";
  if (entry->value.unknown()) note += "，文件未公布（略）";
  if (!param.unit.empty() && !entry->value.unknown()) note += "，单位 " + param.unit;
  if (!entry->source.empty()) note += "，依据 " + entry->source;
  return note;
}

void record(const EvalContext& ctx, const Expression::Node& node, const Value& value,
            std::string label, std::string note) {
  if (!ctx.trace) return;
  for (const auto& item : *ctx.trace) {
    if (item.text == node.text) return;
  }
  std::string shown =
      node.op == Op::field ? display_field(field_at(node.slot), value) : display(value);
  ctx.trace->push_back({node.text, std::move(label), std::move(shown), std::move(note)});
}

int compare(const Value& a, const Value& b) {
  if (a.is_number()) {
    double x = a.as_number(), y = b.as_number();
    // Rates and amounts compare equal within a hundred-millionth: 3.1 + 1.5 == 4.6.
    if (std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)})) return 0;
    return x < y ? -1 : 1;
  }
  if (a.is_date()) return a.as_date() == b.as_date() ? 0 : (a.as_date() < b.as_date() ? -1 : 1);
  if (a.is_text()) return a.as_text() == b.as_text() ? 0 : (a.as_text() < b.as_text() ? -1 : 1);
  return a.as_bool() == b.as_bool() ? 0 : (a.as_bool() ? 1 : -1);
}

Value eval(const Nodes& nodes, size_t at, const EvalContext& ctx) {
  const auto& n = nodes[at];
  auto kid = [&](size_t i) { return eval(nodes, n.kids[i], ctx); };
  switch (n.op) {
    case Op::literal:
      return n.literal;
    case Op::field: {
      static const size_t kToday = *field_slot("today");
      Value today = n.slot == kToday ? Value::of(ctx.today) : Value{};
      const auto& v = n.slot == kToday ? today : ctx.situation.at(n.slot);
      record(ctx, n, v, std::string(field_at(n.slot).label), {});
      return v;
    }
    case Op::param: {
      core::Date on = ctx.today;
      if (!n.kids.empty()) {
        auto d = kid(0);
        if (d.unknown()) return {};
        on = d.as_date();
      }
      const auto* entry = n.param->at(on, ctx.region);
      Value v = entry ? entry->value : Value{};
      std::string label = n.param->label;
      if (!n.kids.empty()) label += "（" + on.to_iso() + "）";
      record(ctx, n, v, label, param_note(entry, *n.param));
      return v;
    }
    case Op::logical_and: {
      bool unknown = false;
      for (size_t i = 0; i < n.kids.size(); ++i) {
        auto v = kid(i);
        if (v.unknown()) {
          unknown = true;
        } else if (!v.as_bool()) {
          return Value::of(false);
        }
      }
      return unknown ? Value{} : Value::of(true);
    }
    case Op::logical_or: {
      bool unknown = false;
      for (size_t i = 0; i < n.kids.size(); ++i) {
        auto v = kid(i);
        if (v.unknown()) {
          unknown = true;
        } else if (v.as_bool()) {
          return Value::of(true);
        }
      }
      return unknown ? Value{} : Value::of(false);
    }
    case Op::logical_not: {
      auto v = kid(0);
      return v.unknown() ? v : Value::of(!v.as_bool());
    }
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: {
      auto a = kid(0), b = kid(1);
      if (a.unknown() || b.unknown()) return {};
      int c = compare(a, b);
      bool r = n.op == Op::eq   ? c == 0
               : n.op == Op::ne ? c != 0
               : n.op == Op::lt ? c < 0
               : n.op == Op::le ? c <= 0
               : n.op == Op::gt ? c > 0
                                : c >= 0;
      return Value::of(r);
    }
    case Op::add:
    case Op::sub:
    case Op::mul:
    case Op::div: {
      auto a = kid(0), b = kid(1);
      if (a.unknown() || b.unknown()) return {};
      double x = a.as_number(), y = b.as_number();
      if (n.op == Op::div && y == 0) return {};
      double r = n.op == Op::add   ? x + y
                 : n.op == Op::sub ? x - y
                 : n.op == Op::mul ? x * y
                                   : x / y;
      return Value::of(r);
    }
    case Op::neg: {
      auto v = kid(0);
      return v.unknown() ? v : Value::of(-v.as_number());
    }
    case Op::in_list: {
      auto v = kid(0);
      if (v.unknown()) return v;
      for (size_t i = 1; i < n.kids.size(); ++i) {
        if (compare(v, nodes[n.kids[i]].literal) == 0) return Value::of(true);
      }
      return Value::of(false);
    }
    case Op::months_between:
    case Op::days_between:
    case Op::years_between: {
      auto a = kid(0), b = kid(1);
      Value r;
      if (!a.unknown() && !b.unknown()) {
        auto from = a.as_date(), to = b.as_date();
        double count = n.op == Op::days_between
                           ? static_cast<double>(to.day_number() - from.day_number())
                       : n.op == Op::months_between ? core::months_between(from, to)
                                                    : core::months_between(from, to) / 12;
        r = Value::of(count);
      }
      record(ctx, n, r,
             n.op == Op::days_between     ? "相隔天数"
             : n.op == Op::months_between ? "相隔整月数"
                                          : "相隔整年数",
             {});
      return r;
    }
    case Op::min:
    case Op::max: {
      Value best;
      for (size_t i = 0; i < n.kids.size(); ++i) {
        auto v = kid(i);
        if (v.unknown()) return {};
        if (i == 0 || (n.op == Op::min ? compare(v, best) < 0 : compare(v, best) > 0)) best = v;
      }
      return best;
    }
    case Op::if_then_else: {
      auto c = kid(0);
      if (!c.unknown()) return c.as_bool() ? kid(1) : kid(2);
      auto a = kid(1), b = kid(2);
      return (!a.unknown() && !b.unknown() && compare(a, b) == 0) ? a : Value{};
    }
    case Op::known:
      return Value::of(!kid(0).unknown());
    case Op::round: {
      auto v = kid(0);
      return v.unknown() ? v : Value::of(std::round(v.as_number()));
    }
  }
  return {};
}

}  // namespace

Value Expression::evaluate(const EvalContext& context) const {
  return eval(*nodes_, root_, context);
}

Type Expression::type() const {
  return (*nodes_)[root_].type;
}

const std::string& Expression::text() const {
  return text_;
}

}  // namespace guiyan::rules
