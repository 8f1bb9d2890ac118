#include "core/stage_move.h"

#include "core/clock.h"
#include "core/date.h"
#include "core/project_vocabulary.h"

namespace guiyan::core {
namespace {

MovePlan refuse(std::string field, std::string error) {
  MovePlan p;
  p.field = std::move(field);
  p.error = std::move(error);
  return p;
}

bool is_date(const std::string& s) {
  return s.size() == 10 && parse_iso(s).has_value();
}

std::string label(const std::string& stage) {
  return "“" + term_label(project_stages(), stage) + "”";
}

}  // namespace

MovePlan plan_stage_move(const std::string& current, const std::optional<std::string>& current_on,
                         const std::string& target, const std::string& on,
                         const std::map<std::string, std::optional<std::string>>& skipped,
                         const std::string& today, const std::string& reason) {
  if (current == "dropped") return refuse("stage", "项目已终止，不能再推进");
  if (!is_date(on)) return refuse("on", "日期应为 YYYY-MM-DD，如 2026-03-01");
  if (on > today) return refuse("on", "日期不能晚于今天");
  int from = stage_rank(current);
  if (target == "dropped") {
    if (reason.empty()) return refuse("reason", "终止项目须写明原因");
    if (!skipped.empty()) return refuse("dates", "终止项目不需要填写其他阶段的日期");
    if (current_on && on < *current_on) {
      return refuse("on",
                    "终止日期不能早于当前阶段" + label(current) + "的日期（" + *current_on + "）");
    }
    return MovePlan{{{"dropped", on}}, "", ""};
  }
  int to = stage_rank(target);
  if (to < 0)
    return refuse("stage", "阶段应为 线索、对接、考察、接待、洽谈、签约、落地、开工 或 投产");
  if (to <= from) {
    return refuse("stage",
                  "项目只能向后推进：当前处于" + label(current) + "，不能改为" + label(target));
  }
  MovePlan plan;
  const auto& stages = project_stages();
  for (int r = from + 1; r < to; ++r) {
    const std::string& s = stages[static_cast<size_t>(r)].key;
    auto it = skipped.find(s);
    if (it == skipped.end()) {
      return refuse("dates." + s, "跳过的阶段" + label(s) + "须填写日期，或标明日期不详");
    }
    if (it->second && !is_date(*it->second)) {
      return refuse("dates." + s, "阶段" + label(s) + "的日期应为 YYYY-MM-DD");
    }
    if (it->second && *it->second > today) {
      return refuse("dates." + s, "阶段" + label(s) + "的日期不能晚于今天");
    }
    plan.entries.push_back({s, it->second});
  }
  for (const auto& [s, date] : skipped) {
    int r = stage_rank(s);
    if (r <= from || r >= to) return refuse("dates." + s, label(s) + "不是本次跳过的阶段");
  }
  plan.entries.push_back({target, on});
  // The known dates, from the current stage's on, must not go back in time.
  std::optional<StageEntry> last;
  if (current_on) last = StageEntry{current, current_on};
  for (const auto& e : plan.entries) {
    if (!e.on) continue;
    if (last && *e.on < *last->on) {
      return refuse(e.stage == target ? "on" : "dates." + e.stage,
                    "阶段日期应按先后顺序：" + label(e.stage) + "（" + *e.on + "）不能早于" +
                        label(last->stage) + "（" + *last->on + "）");
    }
    last = e;
  }
  return plan;
}

std::optional<int64_t> days_in_stage(const std::optional<std::string>& entered,
                                     const std::optional<std::string>& left) {
  if (!entered || !left) return std::nullopt;
  auto days = days_between(*entered, *left);
  if (!days) return std::nullopt;
  return *days;
}

}  // namespace guiyan::core
