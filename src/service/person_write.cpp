#include "service/person_write.h"

#include "core/clock.h"
#include "core/id_number.h"
#include "core/person_fields.h"
#include "core/text.h"
#include "service/audit.h"
#include "service/search_words.h"
#include "store/deferred_insert.h"
#include "text/tokenize.h"

namespace guiyan::service {
namespace {

std::string value_text(const store::Value& v) {
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return {};
}

nlohmann::json row_json(const store::PersonRow& p) {
  // The audit record: every field, unmasked (the audit log is read by auditors only).
  nlohmann::json j{{"id", p.id}};
  for (const auto& f : core::person_fields()) {
    auto it = p.fields.find(f.name);
    j[f.name] =
        core::field_json(f, it == p.fields.end() ? store::Value{store::Null{}} : it->second);
  }
  j["id_number_raw"] = p.id_number_raw ? nlohmann::json(*p.id_number_raw) : nlohmann::json();
  j["gender"] = p.gender ? nlohmann::json(*p.gender) : nlohmann::json();
  j["birth_date"] = p.birth_date ? nlohmann::json(*p.birth_date) : nlohmann::json();
  return j;
}

// True for the keys of a stated gender or birth date (person_identity_fields).
bool is_identity(const std::string& field) {
  return field == "gender" || field == "birth_date";
}

// The text of a stated value, or nullopt for none (null).
std::optional<std::string> stated_text(const PersonValues& values, const char* field) {
  auto it = values.find(field);
  if (it == values.end()) return std::nullopt;
  auto s = std::get_if<std::string>(&it->second);
  return s ? std::optional<std::string>(*s) : std::nullopt;
}

// Gender and birth date read from an unverified number whose first 17 characters are digits
// (a wrong check character or one wrong digit leaves them mostly right): what the matching of
// probable duplicates compares.
std::pair<std::optional<std::string>, std::optional<std::string>> derive_from_raw(
    const PersonValues& values) {
  auto it = values.find("id_number_raw");
  if (it == values.end() || values.count("id_number")) return {std::nullopt, std::nullopt};
  auto raw = std::get_if<std::string>(&it->second);
  if (!raw || raw->size() != 18) return {std::nullopt, std::nullopt};
  for (size_t i = 0; i < 17; ++i) {
    if ((*raw)[i] < '0' || (*raw)[i] > '9') return {std::nullopt, std::nullopt};
  }
  return derive_from_id(core::complete_id_number(std::string_view(*raw).substr(0, 17)));
}

void record_history(store::Conn& c, int64_t id, const std::string& field, const store::Value& value,
                    const PersonValues& values, const Provenance& prov, std::optional<int64_t> by,
                    const std::string& now) {
  // Called for every field written: only these two read the clock (the day in China, as every
  // date the user sees).
  if (field == "status") {
    auto since = values.find("status_since");
    std::string date = since != values.end() && !value_text(since->second).empty()
                           ? value_text(since->second)
                           : core::today_local();
    store::insert_row(c, "person_status_history",
                      {"person_id", "status", "since", "source", "recorded_by", "recorded_at"},
                      {id, value, date, prov.source, store::nullable(by), now});
  } else if (field == "funnel_stage") {
    store::insert_row(c, "person_funnel_history",
                      {"person_id", "stage", "reached_on", "recorded_by", "recorded_at"},
                      {id, value, core::today_local(), store::nullable(by), now});
  }
}

void record_provenance(store::Conn& c, int64_t id, const PersonValues& values,
                       const Provenance& prov, std::optional<int64_t> by, const std::string& now) {
  std::string fields;
  for (const auto& [field, value] : values) fields += (fields.empty() ? "" : ",") + field;
  if (fields.empty()) return;
  store::insert_row(
      c, "person_provenance",
      {"person_id", "fields", "source", "source_file", "source_row", "set_by", "set_at"},
      {id, fields, prov.source,
       prov.file.empty() ? store::Value{store::Null{}} : store::Value{prov.file},
       store::nullable(prov.row), store::nullable(by), now});
}

}  // namespace

std::map<std::string, std::string> field_sources(store::Conn& c, int64_t person_id) {
  std::map<std::string, std::string> out;
  c.run("SELECT fields, source FROM person_provenance WHERE person_id = $1 ORDER BY id",
        {person_id}, [&](const store::Row& r) {
          for (const auto& f : core::split(r.text(0), ',')) out[f] = r.text(1);
        });
  return out;
}

std::pair<std::optional<std::string>, std::optional<std::string>> derive_from_id(
    const store::Value& id_number) {
  auto s = std::get_if<std::string>(&id_number);
  if (!s) return {std::nullopt, std::nullopt};
  auto r = core::check_id_number(*s, core::Date{9999, 12, 31});
  if (!r.valid) return {std::nullopt, std::nullopt};
  return {r.gender, r.birth_date};
}

std::string person_search_tokens(const store::PersonRow& p) {
  return person_search_tokens(p, *core::skill_terms(), *core::labour_brands());
}

std::string person_search_tokens(const store::PersonRow& p, const core::TermList& skills,
                                 const core::TermList& brands) {
  std::vector<std::string> parts = {
      p.text("name"),           p.text("skills_note"), p.text("help_wanted_note"),
      p.text("intention_note"), p.text("work_city"),   p.text("address"),
      p.text("work_employer")};
  for (const auto& key : core::split(p.text("skills"), ',')) {
    if (!key.empty()) parts.push_back(core::term_label(skills, key));
  }
  if (!p.text("labour_brand").empty()) {
    parts.push_back(core::term_label(brands, p.text("labour_brand")));
  }
  // Whole identifiers and the tails people search by: last 4–6 of the ID, last 4 of phones.
  std::string id = p.text("id_number");
  if (id.empty() && p.id_number_raw) id = *p.id_number_raw;
  if (id.size() >= 6) {
    parts.push_back(id);
    for (size_t n = 4; n <= 6; ++n) parts.push_back(id.substr(id.size() - n));
  }
  for (const char* phone_field : {"phone", "phone2"}) {
    std::string phone = p.text(phone_field);
    std::string digits;
    for (char ch : phone) {
      if (ch >= '0' && ch <= '9') digits += ch;
    }
    if (digits.size() >= 4) {
      parts.push_back(digits);
      parts.push_back(digits.substr(digits.size() - 4));
    }
  }
  // Last, the household region at every level (rg42 rg4210 rg421022 rg421022100 …): a search
  // within a region asks the full-text index for that token too, so it only walks the region's
  // hits. Migration 010 appends the same tokens in SQL; keep the two in step.
  for (const auto& token : region_tokens(p.text("region_code"))) parts.push_back(token);
  std::vector<std::string_view> views(parts.begin(), parts.end());
  return text::index_document(views);
}

int64_t create_person(store::Conn& c, const Actor& actor, std::optional<int64_t> by,
                      const PersonValues& values, const Provenance& prov) {
  std::string now = core::now_iso();
  std::optional<std::string> gender, birth;
  if (values.count("id_number")) {
    std::tie(gender, birth) = derive_from_id(values.at("id_number"));
  } else {
    // Stated values are what a person without a valid number has; an unverified number's
    // digits are the fallback.
    std::tie(gender, birth) = derive_from_raw(values);
    if (auto g = stated_text(values, "gender")) gender = g;
    if (auto b = stated_text(values, "birth_date")) birth = b;
  }
  // The row as it will read back, built here: no second query per created person.
  store::PersonRow row;
  for (const auto& [field, value] : values) {
    if (field == "id_number_raw") {
      if (auto s = std::get_if<std::string>(&value)) row.id_number_raw = *s;
    } else if (!is_identity(field)) {
      row.fields[field] = value;
    }
  }
  row.gender = gender;
  row.birth_date = birth;
  // Stated values are written as the system columns they are, not as fields.
  bool stated = values.count("gender") || values.count("birth_date");
  PersonValues fields;
  if (stated) {
    for (const auto& [field, value] : values) {
      if (!is_identity(field)) fields.emplace(field, value);
    }
  }
  int64_t id = store::insert_person(c, stated ? fields : values, gender, birth, prov.source, by,
                                    now, person_search_tokens(row));
  row.id = id;
  PersonValues set;
  for (const auto& [field, value] : values) {
    if (std::holds_alternative<store::Null>(value)) continue;
    // A stated value a valid number overrides is not this source's.
    if (is_identity(field) && values.count("id_number")) continue;
    set[field] = value;
    record_history(c, id, field, value, values, prov, by, now);
  }
  record_provenance(c, id, set, prov, by, now);
  // A creation's audit record lists the values set (an empty field says nothing).
  nlohmann::json after = row_json(row);
  for (auto it = after.begin(); it != after.end();) {
    it = it->is_null() ? after.erase(it) : std::next(it);
  }
  audit(c, actor,
        {"create", "person", std::to_string(id), row.text("region_code"), nullptr, after});
  return id;
}

store::Value held_value(const store::PersonRow& person, const std::string& field) {
  if (is_identity(field)) {
    const auto& held = field == "gender" ? person.gender : person.birth_date;
    return held ? store::Value{*held} : store::Value{store::Null{}};
  }
  auto it = person.fields.find(field);
  return it == person.fields.end() ? store::Value{store::Null{}} : it->second;
}

PersonValues person_changes(const store::PersonRow& before, const PersonValues& values) {
  PersonValues changed;
  // A valid number, kept or given, decides gender and birth date: stated ones are not written.
  auto id = values.find("id_number");
  bool numbered = id != values.end() ? std::holds_alternative<std::string>(id->second)
                                     : !before.text("id_number").empty();
  for (const auto& [field, value] : values) {
    if (is_identity(field)) {
      if (!numbered && held_value(before, field) != value) changed[field] = value;
      continue;
    }
    if (field == "id_number_raw") {
      // A system column, not an editable field: compared with what the record holds.
      auto raw = std::get_if<std::string>(&value);
      if ((raw ? std::optional<std::string>(*raw) : std::nullopt) != before.id_number_raw) {
        changed[field] = value;
      }
      continue;
    }
    auto it = before.fields.find(field);
    if (it == before.fields.end() || it->second != value) changed[field] = value;
  }
  return changed;
}

bool change_person(store::Conn& c, const Actor& actor, std::optional<int64_t> by,
                   const store::PersonRow& before, const PersonValues& values,
                   const Provenance& prov) {
  PersonValues changed = person_changes(before, values);
  if (changed.empty()) return false;
  std::string now = core::now_iso();
  std::optional<std::string> gender, birth;
  if (changed.count("id_number")) std::tie(gender, birth) = derive_from_id(changed["id_number"]);
  store::update_person(c, before.id, changed, gender, birth, now);
  for (const auto& [field, value] : changed) {
    record_history(c, before.id, field, value, values, prov, by, now);
  }
  if (auto since = changed.find("status_since");
      since != changed.end() && !changed.count("status") && !value_text(since->second).empty()) {
    // A new date for the status held: the history's entry for it says the same.
    store::exec(c,
                "UPDATE person_status_history SET since = $1 WHERE id = (SELECT MAX(id) FROM "
                "person_status_history WHERE person_id = $2)",
                {since->second, before.id});
  }
  record_provenance(c, before.id, changed, prov, by, now);
  auto after = *store::find_person(c, before.id);
  store::write_search_tokens(c, before.id, person_search_tokens(after));
  audit(c, actor,
        {"update", "person", std::to_string(before.id), after.text("region_code"), row_json(before),
         row_json(after)});
  return true;
}

}  // namespace guiyan::service
