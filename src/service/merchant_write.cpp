#include "service/merchant_write.h"

#include "core/clock.h"
#include "core/industry.h"
#include "core/merchant_fields.h"
#include "core/merchant_vocabulary.h"
#include "core/text.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/search_words.h"
#include "text/tokenize.h"

namespace guiyan::service {
namespace {

// Every editable field and system column of a row, for the audit log.
nlohmann::json row_json(const store::MerchantRow& m) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : core::merchant_fields()) {
    auto it = m.fields.find(f.name);
    if (it != m.fields.end() && !std::holds_alternative<store::Null>(it->second)) {
      j[f.name] = core::field_json(f, it->second);
    }
  }
  if (m.case_worker_id) j["case_worker_id"] = *m.case_worker_id;
  if (m.verified_on) j["verified_on"] = *m.verified_on;
  return j;
}

bool intention_changed(const store::MerchantRow& before, const store::MerchantRow& after) {
  for (const auto& name : core::intention_field_names()) {
    if (before.text(name) != after.text(name)) return true;
  }
  return false;
}

void add_intention_history(store::Conn& c, const store::MerchantRow& m, int64_t by,
                           const std::string& today) {
  auto opt = [&](const char* name) -> store::Value {
    auto it = m.fields.find(name);
    return it == m.fields.end() ? store::Value{store::Null{}} : it->second;
  };
  store::exec(c,
              "INSERT INTO merchant_intention (merchant_id, strength, industries, min_wan, "
              "max_wan, regions, note, recorded_on, recorded_by, recorded_at) VALUES ($1, $2, "
              "$3, $4, $5, $6, $7, $8, $9, $10)",
              {m.id, m.text("intention_strength"), opt("intention_industries"),
               opt("intention_min_wan"), opt("intention_max_wan"), opt("intention_regions"),
               opt("intention_note"), today, by, core::now_iso()});
}

// The industry_section column for a record's industry: its section letter, or NULL.
store::Value section_of(const std::map<std::string, store::Value>& fields) {
  auto it = fields.find("industry");
  auto code = it == fields.end() ? nullptr : std::get_if<std::string>(&it->second);
  std::string section = code ? core::industry_section(*code) : "";
  return section.empty() ? store::Value{store::Null{}} : store::Value{section};
}

// The editable fields of `values` (system columns left out).
std::map<std::string, store::Value> editable(const MerchantValues& values) {
  std::map<std::string, store::Value> out;
  for (const auto& [k, v] : values) {
    if (core::find_merchant_field(k)) out[k] = v;
  }
  return out;
}

}  // namespace

std::string merchant_search_tokens(const store::MerchantRow& m) {
  std::vector<std::string> parts;
  for (const char* f : {"name", "enterprise_name", "position", "location_city", "location_country",
                        "chambers", "intention_note", "notes"}) {
    if (!m.text(f).empty()) parts.push_back(m.text(f));
  }
  for (const auto& key : core::split(m.text("categories"), ',')) {
    if (!key.empty()) parts.push_back(core::term_label(core::merchant_categories(), key));
  }
  for (const auto& key : core::split(m.text("tags"), ',')) {
    if (!key.empty()) parts.push_back(core::term_label(core::merchant_tags(), key));
  }
  if (!m.text("credit_code").empty()) parts.push_back(m.text("credit_code"));
  std::string digits;
  for (char ch : m.text("phone")) {
    if (ch >= '0' && ch <= '9') digits += ch;
  }
  if (digits.size() >= 4) {
    parts.push_back(digits);
    parts.push_back(digits.substr(digits.size() - 4));
  }
  // Intention as match tokens (merchant_match_tokens): the offered-project matching finds its
  // candidates through the full-text index instead of reading every merchant.
  for (const auto& token : merchant_match_tokens(m)) parts.push_back(token);
  // The hometown at every level (rg42 … rg421022100): a search naming a place finds the
  // merchants from there. Migration 037 appends the same tokens in SQL; keep the two in step.
  for (const auto& token : region_tokens(m.text("hometown_code"))) parts.push_back(token);
  return text::index_document(parts);
}

std::vector<std::string> merchant_match_tokens(const store::MerchantRow& m) {
  std::vector<std::string> out;
  for (const auto& code : core::split(m.text("intention_industries"), ',')) {
    if (code.empty()) continue;
    out.push_back("ii" + code);
    std::string section = core::industry_section(code);
    if (section != code && !section.empty()) out.push_back("ii" + section);
  }
  for (const auto& code : core::split(m.text("intention_regions"), ',')) {
    if (!code.empty()) out.push_back("ir" + region_prefix(code));
  }
  return out;
}

int64_t create_merchant(store::Conn& c, const Actor& actor, int64_t by,
                        const MerchantValues& values, const std::string& today) {
  std::string now = core::now_iso();
  store::MerchantRow draft;
  draft.fields = editable(values);
  std::optional<int64_t> worker;
  if (auto it = values.find("case_worker_id"); it != values.end()) {
    if (auto w = std::get_if<int64_t>(&it->second)) worker = *w;
  }
  auto columns = draft.fields;
  columns["industry_section"] = section_of(draft.fields);
  int64_t id =
      store::insert_merchant(c, columns, worker, today, by, now, merchant_search_tokens(draft));
  auto row = *store::find_merchant(c, id);
  if (row.text("intention_strength") != "unknown" || !row.text("intention_note").empty() ||
      !row.text("intention_industries").empty()) {
    add_intention_history(c, row, by, today);
  }
  audit(c, actor,
        {"create", "merchant", std::to_string(id), row.text("hometown_code"), nullptr,
         row_json(row)});
  return id;
}

MerchantValues merchant_changes(const store::MerchantRow& before, const MerchantValues& values) {
  MerchantValues changed;
  for (const auto& [name, value] : values) {
    if (core::find_merchant_field(name)) {
      auto it = before.fields.find(name);
      if (it == before.fields.end() || it->second != value) changed[name] = value;
    } else if (name == "case_worker_id") {
      if (store::nullable(before.case_worker_id) != value) changed[name] = value;
    } else if (name == "verified_on") {
      if (store::nullable(before.verified_on) != value) changed[name] = value;
    }
  }
  return changed;
}

bool change_merchant(store::Conn& c, const Actor& actor, int64_t by,
                     const store::MerchantRow& before, const MerchantValues& values,
                     const std::string& today) {
  std::map<std::string, store::Value> changed = merchant_changes(before, values);
  if (changed.empty()) return false;
  if (changed.count("verified_on")) changed["verified_by"] = by;
  store::MerchantRow draft = before;
  for (const auto& [k, v] : changed) {
    if (core::find_merchant_field(k)) draft.fields[k] = v;
  }
  if (changed.count("industry")) changed["industry_section"] = section_of(draft.fields);
  store::update_merchant(c, before.id, changed, core::now_iso(), merchant_search_tokens(draft));
  auto after = *store::find_merchant(c, before.id);
  if (intention_changed(before, after)) add_intention_history(c, after, by, today);
  audit(c, actor,
        {"update", "merchant", std::to_string(before.id), after.text("hometown_code"),
         row_json(before), row_json(after)});
  return true;
}

}  // namespace guiyan::service
