#include "rules/policy.h"

#include <cmath>

#include "rules/field_catalogue.h"

namespace guiyan::rules {

const char* verdict_key(Verdict verdict) {
  switch (verdict) {
    case Verdict::eligible:
      return "eligible";
    case Verdict::not_eligible:
      return "not_eligible";
    case Verdict::unknown:
      return "unknown";
  }
  return "unknown";
}

const char* verdict_word(Verdict verdict) {
  switch (verdict) {
    case Verdict::eligible:
      return "符合";
    case Verdict::not_eligible:
      return "不符合";
    case Verdict::unknown:
      return "待核实";
  }
  return "待核实";
}

std::string_view region_field(std::string_view subject) {
  if (subject == "venture") return "venture.region";
  if (subject == "loan") return "loan.region";
  return "person.region";
}

namespace {

Verdict of(const Value& v) {
  if (v.unknown()) return Verdict::unknown;
  return v.as_bool() ? Verdict::eligible : Verdict::not_eligible;
}

std::string saw_text(const std::vector<TraceItem>& saw) {
  std::string text;
  for (const auto& item : saw) {
    if (!text.empty()) text += "；";
    text += item.label + " " + item.value;
  }
  return text;
}

ConditionResult fixed(std::string label, std::string rule, Verdict result, std::string detail) {
  ConditionResult r{std::move(label), std::move(rule), result, {}, {}};
  r.sentence = r.label + "：" +
               (result == Verdict::eligible       ? "满足"
                : result == Verdict::not_eligible ? "不满足"
                                                  : "无法判断（缺少数据）") +
               "（" + detail + "）";
  return r;
}

// The year (for period "year") an award date falls in compared with today's.
bool same_period(const std::string& period, core::Date award, core::Date today) {
  if (period == "once") return true;
  if (period == "year") return award.year == today.year;
  return false;
}

std::string yuan_text(long long fen) {
  std::string text = std::to_string(fen / 100);
  if (fen % 100 != 0) {
    char cents[8];
    std::snprintf(cents, sizeof cents, ".%02lld", std::llabs(fen % 100));
    text += cents;
  }
  return text + "元";
}

}  // namespace

Evaluation evaluate(const Policy& policy, const Situation& situation, core::Date today) {
  Evaluation out;
  auto region_slot = field_slot(region_field(policy.subject));
  const Value& region = situation.at(*region_slot);
  std::string region_text = region.is_text() ? region.as_text() : std::string();

  // Validity dates.
  {
    bool before = policy.valid_from && today < *policy.valid_from;
    bool after = policy.valid_to && *policy.valid_to < today;
    std::string span = (policy.valid_from ? policy.valid_from->to_iso() : std::string("不限")) +
                       " 至 " + (policy.valid_to ? policy.valid_to->to_iso() : std::string("长期"));
    out.conditions.push_back(fixed("在政策有效期内", "valid_from <= today <= valid_to",
                                   before || after ? Verdict::not_eligible : Verdict::eligible,
                                   "有效期 " + span + "；评估日期 " + today.to_iso()));
  }
  // Region.
  {
    Verdict r = region.unknown()                         ? Verdict::unknown
                : region_text.starts_with(policy.region) ? Verdict::eligible
                                                         : Verdict::not_eligible;
    out.conditions.push_back(fixed("在政策适用地区内", "region starts with " + policy.region, r,
                                   "适用地区 " + policy.region + "；所在地 " +
                                       (region.unknown() ? std::string("未知") : region_text)));
  }
  // No second award within the period.
  if (policy.period == "once" || policy.period == "year") {
    const Award* prior = nullptr;
    for (const auto& a : situation.awards) {
      if (a.policy == policy.code && same_period(policy.period, a.on, today)) prior = &a;
    }
    out.conditions.push_back(
        fixed(policy.period == "once" ? "未享受过本政策" : "本年度未享受过本政策", "no prior award",
              prior ? Verdict::not_eligible : Verdict::eligible,
              prior ? "已于 " + prior->on.to_iso() + " 享受" : std::string("无享受记录")));
  }
  for (const auto& condition : policy.conditions) {
    std::vector<TraceItem> saw;
    EvalContext ctx{situation, today, region_text, &saw};
    Verdict r = of(condition.rule.evaluate(ctx));
    ConditionResult cr{condition.label, condition.rule.text(), r, std::move(saw), {}};
    cr.sentence = cr.label + "：" +
                  (r == Verdict::eligible       ? "满足"
                   : r == Verdict::not_eligible ? "不满足"
                                                : "无法判断（缺少数据）") +
                  "（" + saw_text(cr.saw) + "）";
    out.conditions.push_back(std::move(cr));
  }

  bool any_false = false, any_unknown = false;
  for (const auto& c : out.conditions) {
    any_false |= c.result == Verdict::not_eligible;
    any_unknown |= c.result == Verdict::unknown;
  }
  out.verdict = any_false     ? Verdict::not_eligible
                : any_unknown ? Verdict::unknown
                              : Verdict::eligible;

  out.amount_is_cap = policy.amount_is_cap;
  if (policy.amount && out.verdict != Verdict::not_eligible) {
    EvalContext ctx{situation, today, region_text, &out.amount_saw};
    Value amount = policy.amount->evaluate(ctx);
    if (amount.is_number() && std::isfinite(amount.as_number())) {
      out.amount_fen = std::llround(amount.as_number() * 100);
      out.amount_sentence = std::string("金额：") + (policy.amount_is_cap ? "最高" : "") +
                            yuan_text(*out.amount_fen) + "（" + saw_text(out.amount_saw) + "）";
    } else {
      out.amount_sentence = "金额：无法计算（" + saw_text(out.amount_saw) + "）";
    }
  }
  out.summary = std::string(verdict_word(out.verdict)) + "：" + policy.name;
  if (out.amount_fen) {
    out.summary +=
        std::string(" ") + (policy.amount_is_cap ? "最高" : "") + yuan_text(*out.amount_fen);
  } else if (policy.amount && out.verdict != Verdict::not_eligible) {
    out.summary += "，金额待定";
  }
  return out;
}

}  // namespace guiyan::rules
