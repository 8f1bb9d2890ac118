#include "service/policy_subjects.h"

namespace guiyan::service {

namespace {
bool home_status(const std::string& status) {
  return status == "returned" || status == "employed_home" || status == "started_business";
}
}  // namespace

std::optional<rules::Situation> person_situation(store::Conn& c, int64_t person_id, core::Date on) {
  auto row = store::query_one(
      c, "SELECT status, status_since, birth_date, region_code FROM person WHERE id = $1",
      {person_id});
  if (!row) return std::nullopt;
  std::string day = on.to_iso();
  rules::Situation s;
  using rules::Value;
  // The status in force on the day: the latest history entry not after it; the record's own
  // status when the history is silent and the status is not known to start later.
  std::optional<std::string> status;
  auto entry = store::query_one(c,
                                "SELECT status FROM person_status_history WHERE person_id = $1 "
                                "AND since <= $2 ORDER BY since DESC, id DESC LIMIT 1",
                                {person_id, day});
  if (entry) {
    status = entry->text(0);
  } else if (row->is_null(1) || row->text(1) <= day) {
    status = row->text(0);
  }
  if (status) {
    s.set("person.status", Value::of(*status));
    s.set("person.returnee", Value::of(home_status(*status)));
  }
  auto returned = store::query_one(c,
                                   "SELECT MAX(since) FROM person_status_history WHERE "
                                   "person_id = $1 AND since <= $2 AND status IN ('returned', "
                                   "'employed_home', 'started_business')",
                                   {person_id, day});
  if (returned && !returned->is_null(0)) {
    if (auto d = core::Date::parse_iso(returned->text(0))) {
      s.set("person.returned_on", Value::of(*d));
    }
  }
  if (!row->is_null(2)) {
    if (auto birth = core::Date::parse_iso(row->text(2))) {
      s.set("person.age", Value::of(static_cast<double>(birth->age_on(on))));
    }
  }
  s.set("person.region", Value::of(row->text(3)));
  s.awards = subject_awards(c, "person", person_id);
  return s;
}

std::vector<rules::Award> subject_awards(store::Conn& c, const std::string& kind, int64_t id) {
  std::vector<rules::Award> out;
  for (const auto& r : store::query(c,
                                    "SELECT policy_code, decided_on FROM policy_application "
                                    "WHERE subject_kind = $1 AND subject_id = $2 AND status IN "
                                    "('approved', 'paid') AND decided_on IS NOT NULL",
                                    {kind, id})) {
    if (auto d = core::Date::parse_iso(r.text(1))) out.push_back({r.text(0), *d});
  }
  return out;
}

std::optional<PolicySubject> load_policy_subject(store::Conn& c, const std::string& kind,
                                                 int64_t id, core::Date on) {
  if (kind != "person") return std::nullopt;
  auto row = store::query_one(c,
                              "SELECT name, region_code FROM person WHERE id = $1 AND "
                              "merged_into IS NULL",
                              {id});
  if (!row) return std::nullopt;
  auto situation = person_situation(c, id, on);
  if (!situation) return std::nullopt;
  return PolicySubject{kind, id, row->text(0), row->text(1), std::move(*situation)};
}

}  // namespace guiyan::service
