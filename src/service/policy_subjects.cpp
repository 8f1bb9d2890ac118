#include "service/policy_subjects.h"

namespace guiyan::service {

namespace {
bool home_status(const std::string& status) {
  return status == "returned" || status == "employed_home" || status == "started_business";
}

void set_status(rules::Situation& s, const std::string& status,
                const std::optional<std::string>& since) {
  using rules::Value;
  s.set("person.status", Value::of(status));
  s.set("person.returnee", Value::of(home_status(status)));
  if (since && home_status(status)) {
    if (auto d = core::Date::parse_iso(*since)) s.set("person.returned_on", Value::of(*d));
  }
}
}  // namespace

void fill_person_situation(rules::Situation& s, const PersonFacts& f, core::Date on) {
  using rules::Value;
  s.values.assign(rules::fields().size(), Value{});
  s.awards.clear();
  if (!f.status_since || *f.status_since <= on.to_iso()) set_status(s, f.status, f.status_since);
  if (f.birth_date) {
    if (auto birth = core::Date::parse_iso(*f.birth_date)) {
      s.set("person.age", Value::of(static_cast<double>(birth->age_on(on))));
    }
  }
  s.set("person.region", Value::of(f.region_code));
}

std::optional<rules::Situation> person_situation(store::Conn& c, int64_t person_id, core::Date on) {
  auto row = store::query_one(
      c, "SELECT status, status_since, birth_date, region_code FROM person WHERE id = $1",
      {person_id});
  if (!row) return std::nullopt;
  PersonFacts facts{row->text(0), row->opt_text(1), row->opt_text(2), row->text(3)};
  rules::Situation s;
  fill_person_situation(s, facts, on);
  if (facts.status_since && on.to_iso() < *facts.status_since) {
    // The record's status began later: the status in force that day is the latest history
    // entry not after it (none: unknown).
    auto entry = store::query_one(c,
                                  "SELECT status, since FROM person_status_history WHERE "
                                  "person_id = $1 AND since <= $2 ORDER BY since DESC, id DESC "
                                  "LIMIT 1",
                                  {person_id, on.to_iso()});
    if (entry) set_status(s, entry->text(0), entry->text(1));
  }
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
