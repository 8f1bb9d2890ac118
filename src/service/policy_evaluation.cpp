#include "service/policy_evaluation.h"

#include <algorithm>
#include <set>

#include "core/clock.h"
#include "http/api_error.h"
#include "rules/situation_json.h"
#include "service/data_scope.h"
#include "service/person_service.h"
#include "service/policy_service.h"
#include "service/policy_subjects.h"
#include "service/venture_service.h"

namespace guiyan::service {
namespace {

nlohmann::json trace_json(const std::vector<rules::TraceItem>& saw) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : saw) {
    out.push_back({{"text", t.text}, {"label", t.label}, {"value", t.value}, {"note", t.note}});
  }
  return out;
}

}  // namespace

nlohmann::json evaluation_json(const CurrentPolicy& cp, const rules::Evaluation& e) {
  const auto& policy = cp.policy;
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto& c : e.conditions) {
    conditions.push_back({{"label", c.label},
                          {"rule", c.rule},
                          {"result", rules::verdict_key(c.result)},
                          {"sentence", c.sentence},
                          {"saw", trace_json(c.saw)}});
  }
  return {{"policy",
           {{"id", cp.id},
            {"code", policy.code},
            {"name", policy.name},
            {"kind", policy.kind},
            {"award", policy.award},
            {"version", cp.version},
            {"agency", policy.agency},
            {"phone", policy.phone}}},
          {"verdict", rules::verdict_key(e.verdict)},
          {"verdict_name", rules::verdict_word(e.verdict)},
          {"amount_fen", e.amount_fen ? nlohmann::json(*e.amount_fen) : nlohmann::json()},
          {"amount_is_cap", e.amount_is_cap},
          {"summary", e.summary},
          {"conditions", std::move(conditions)},
          {"amount_sentence", e.amount_sentence},
          {"amount_saw", trace_json(e.amount_saw)}};
}

namespace {

int verdict_rank(const std::string& verdict) {
  return verdict == "eligible" ? 0 : verdict == "unknown" ? 1 : 2;
}

}  // namespace

nlohmann::json evaluate_policies_api(store::Db& db, const Principal& p,
                                     const nlohmann::json& body) {
  require(p, "policy:read");
  if (!body.is_object()) throw http::bad_request("", "请求内容应为对象");
  for (const auto& [key, value] : body.items()) {
    if (key != "person_id" && key != "venture_id" && key != "subject" && key != "situation" &&
        key != "date" && key != "policy_ids") {
      throw http::bad_request(key, "未知字段“" + key + "”", "unknown_field");
    }
  }
  core::Date on = core::today_local_date();
  if (body.contains("date")) {
    auto d = body["date"].is_string() ? core::Date::parse_iso(body["date"].get<std::string>())
                                      : std::nullopt;
    if (!d) throw http::bad_request("date", "评估日期应写作 YYYY-MM-DD");
    on = *d;
  }
  std::set<int64_t> only;
  if (body.contains("policy_ids")) {
    if (!body["policy_ids"].is_array()) throw http::bad_request("policy_ids", "应为政策编号列表");
    for (const auto& id : body["policy_ids"]) {
      if (!id.is_number_integer()) throw http::bad_request("policy_ids", "应为政策编号列表");
      only.insert(id.get<int64_t>());
    }
  }

  auto conn = db.acquire();
  // The situations to evaluate: the subject's own, and for a person the ventures they founded.
  struct Target {
    std::string kind;
    rules::Situation situation;
    nlohmann::json subject;  // null for the main subject
  };
  std::vector<Target> targets;
  nlohmann::json subject;
  int given = body.contains("person_id") + body.contains("venture_id") + body.contains("situation");
  if (given != 1) {
    throw http::bad_request(
        "person_id", "请指定人员（person_id）、经营主体（venture_id）或填写情形（situation）之一");
  }
  auto id_of = [&](const char* key, const char* label) {
    if (!body[key].is_number_integer())
      throw http::bad_request(key, std::string(label) + "应为整数");
    return body[key].get<int64_t>();
  };
  auto add_venture = [&](int64_t id, bool main) {
    auto v = load_policy_subject(*conn, "venture", id, on);
    if (!v) return;
    nlohmann::json who = {
        {"kind", "venture"}, {"id", id}, {"name", v->name}, {"region_code", v->region_code}};
    if (main) subject = who;
    targets.push_back({"venture", std::move(v->situation), main ? nlohmann::json() : who});
  };
  if (body.contains("person_id")) {
    require(p, "person:read");
    auto row = person_in_scope(*conn, p, id_of("person_id", "人员编号"));
    targets.push_back({"person", *person_situation(*conn, row.id, on), nullptr});
    subject = {{"kind", "person"},
               {"id", row.id},
               {"name", row.text("name")},
               {"region_code", row.text("region_code")},
               {"region_name", row.region_name}};
    if (p.can("venture:read")) {
      for (const auto& r : store::query(*conn,
                                        "SELECT v.id, v.region_code FROM venture_founder f JOIN "
                                        "venture v ON v.id = f.venture_id WHERE f.person_id = $1 "
                                        "ORDER BY v.id",
                                        {row.id})) {
        if (in_scope(p, r.text(1))) add_venture(r.i64(0), false);
      }
    }
  } else if (body.contains("venture_id")) {
    require(p, "venture:read");
    int64_t id = id_of("venture_id", "经营主体编号");
    venture_in_scope(*conn, p, id, false);  // 404 outside the scope
    add_venture(id, true);
  } else {
    std::string kind = body.value("subject", "");
    if (kind != "person" && kind != "venture" && kind != "loan") {
      throw http::bad_request("subject", "申请对象应为 person、venture 或 loan");
    }
    try {
      targets.push_back({kind, rules::situation_from_json(body["situation"]), nullptr});
    } catch (const std::invalid_argument& e) {
      throw http::bad_request("situation", e.what());
    }
    subject = {{"kind", kind}, {"hypothetical", true}};
  }

  nlohmann::json items = nlohmann::json::array();
  auto policies = current_policies(*conn);
  for (const auto& t : targets) {
    for (const auto& cp : policies) {
      if (cp->policy.subject != t.kind) continue;
      if (!only.empty() && !only.count(cp->id)) continue;
      auto item = evaluation_json(*cp, rules::evaluate(cp->policy, t.situation, on));
      if (!t.subject.is_null()) item["subject"] = t.subject;
      items.push_back(std::move(item));
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const nlohmann::json& a, const nlohmann::json& b) {
                     return verdict_rank(a["verdict"]) < verdict_rank(b["verdict"]);
                   });
  return {{"date", on.to_iso()}, {"subject", subject}, {"items", std::move(items)}};
}

}  // namespace guiyan::service
