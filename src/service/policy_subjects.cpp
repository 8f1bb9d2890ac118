#include "service/policy_subjects.h"

#include <stdexcept>

#include "service/data_scope.h"
#include "store/sql_builder.h"

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

void fill_venture_situation(rules::Situation& s, const VentureFacts& f, core::Date on) {
  using rules::Value;
  s.values.assign(rules::fields().size(), Value{});
  s.awards.clear();
  s.set("venture.type", Value::of(f.type));
  s.set("venture.status", Value::of(f.status));
  s.set("venture.region", Value::of(f.region_code));
  if (f.registered_on) {
    if (auto d = core::Date::parse_iso(*f.registered_on))
      s.set("venture.registered_on", Value::of(*d));
  }
  if (f.industry) s.set("venture.industry", Value::of(*f.industry));
  if (f.first_registration) s.set("venture.first_registration", Value::of(*f.first_registration));
  if (f.in_park) s.set("venture.in_park", Value::of(*f.in_park));
  if (f.employees) s.set("venture.employees", Value::of(static_cast<double>(*f.employees)));
  if (f.founder) {
    rules::Situation person;
    fill_person_situation(person, *f.founder, on);
    static const size_t kStatus = *rules::field_slot("person.status");
    static const size_t kReturnee = *rules::field_slot("person.returnee");
    static const size_t kAge = *rules::field_slot("person.age");
    s.set("founder.status", person.at(kStatus));
    s.set("founder.returnee", person.at(kReturnee));
    s.set("founder.age", person.at(kAge));
  }
}

namespace {

// The columns of a venture's facts (alias v, founder p), then its id and name; $1 is the day.
const char* kVentureFactsSelect =
    "SELECT v.type, v.status, v.region_code, v.registered_on, v.industry, v.first_registration, "
    "v.in_park, (SELECT e.employees FROM venture_employment e WHERE e.venture_id = v.id AND "
    "e.counted_on <= $1 ORDER BY e.counted_on DESC LIMIT 1), p.id, p.status, p.status_since, "
    "p.birth_date, p.region_code, v.id, v.name FROM venture v LEFT JOIN person p ON p.id = "
    "(SELECT MIN(f.person_id) FROM venture_founder f WHERE f.venture_id = v.id) ";

VentureFacts venture_facts(const store::Row& r) {
  VentureFacts f;
  f.type = r.text(0);
  f.status = r.text(1);
  f.region_code = r.text(2);
  f.registered_on = r.opt_text(3);
  f.industry = r.opt_text(4);
  if (!r.is_null(5)) f.first_registration = r.i64(5) != 0;
  if (!r.is_null(6)) f.in_park = r.i64(6) != 0;
  f.employees = r.opt_i64(7);
  if (!r.is_null(8)) f.founder = PersonFacts{r.text(9), r.opt_text(10), r.opt_text(11), r.text(12)};
  return f;
}

}  // namespace

void for_each_policy_subject(
    store::Conn& c, const std::string& kind, const std::string& region,
    const std::optional<std::string>& since, core::Date on,
    const std::function<void(int64_t, const std::string&, rules::Situation*)>& fn) {
  store::SqlBuilder sql;
  rules::Situation s;
  if (kind == "person") {
    std::string where = subtree_condition(sql, "p.region_code", region);
    if (since) where += " AND p.updated_at >= " + sql.bind(*since);
    c.run(
        "SELECT p.id, p.region_code, p.status, p.status_since, p.birth_date, p.merged_into "
        "FROM person p WHERE " +
            where,
        sql.params(), [&](const store::Row& r) {
          if (!r.is_null(5)) return fn(r.i64(0), r.text(1), nullptr);
          fill_person_situation(s, {r.text(2), r.opt_text(3), r.opt_text(4), r.text(1)}, on);
          fn(r.i64(0), r.text(1), &s);
        });
    return;
  }
  if (kind != "venture") throw std::invalid_argument("no bulk subjects of kind " + kind);
  sql.bind(on.to_iso());  // $1, the day of the employment count
  std::string where = subtree_condition(sql, "v.region_code", region);
  if (since) {
    std::string t = sql.bind(*since);
    where += " AND (v.updated_at >= " + t + " OR p.updated_at >= " + t +
             " OR EXISTS (SELECT 1 FROM venture_employment e WHERE e.venture_id = v.id AND "
             "e.recorded_at >= " +
             t + "))";
  }
  c.run(std::string(kVentureFactsSelect) + "WHERE " + where, sql.params(),
        [&](const store::Row& r) {
          fill_venture_situation(s, venture_facts(r), on);
          fn(r.i64(13), r.text(2), &s);
        });
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
  if (kind == "venture") {
    auto r = store::query_one(c, std::string(kVentureFactsSelect) + "WHERE v.id = $2",
                              {on.to_iso(), id});
    if (!r) return std::nullopt;
    PolicySubject subject{kind, id, r->text(14), r->text(2), {}};
    fill_venture_situation(subject.situation, venture_facts(*r), on);
    subject.situation.awards = subject_awards(c, kind, id);
    return subject;
  }
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
