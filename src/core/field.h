// A typed, labelled field of a record, and how a raw value (JSON from the API, or the text of a
// sheet cell) becomes the stored one. Catalogues of fields (person_fields, merchant_fields) are
// built from it, so the API and the sheet import check values the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary_registry.h"
#include "store/value.h"

namespace guiyan::core {

enum class FieldKind {
  text,           // free text up to max_chars
  personal_name,  // a person's name up to max_chars, in one form (normalize_personal_name)
  integer,        // whole number ≥ 0: an amount, area or head count in number_unit(), or an id
  flag,           // yes / no / unknown
  date,           // YYYY-MM-DD
  id_number,      // GB 11643, normalised
  phone,          // mobile or landline, normalised
  region,         // a region code (or a name path 荆州市/公安县/…, resolved by the caller)
  vocab,          // one key of a vocabulary
  vocab_list,     // several keys of a vocabulary, stored comma-separated
  industry,       // a GB/T 4754 code (section letter or two-digit division)
  credit_code,    // GB 32100 unified social credit code, normalised
  industry_list,  // several GB/T 4754 codes, stored comma-separated
  region_list,    // several region codes, stored comma-separated (existence: the caller's rule)
};

struct Field {
  std::string name;   // column and JSON name
  std::string label;  // Chinese label (also the sheet column header)
  FieldKind kind;
  size_t max_chars = 100;
  // The vocabulary's current snapshot (vocab and vocab_list fields), looked up at each use: the
  // skills and labour brands change while the program runs.
  Terms (*vocab)() = nullptr;
  // vocab_list only: words outside the vocabulary are kept as warnings (the caller stores them as
  // free text) instead of rejecting the value.
  bool keeps_unknown_words = false;
  // date only: dates after today are allowed (a term's end, a deadline).
  bool future_dates = false;
};

// The outcome of normalising one raw value: the stored value, or a Chinese reason it is wrong,
// plus warnings that do not reject it.
struct FieldValue {
  store::Value value;
  std::string error;
  std::vector<std::string> warnings;
  bool ok() const { return error.empty(); }
};

// Normalises a JSON value (null clears the field) for `field`; `today` (YYYY-MM-DD) bounds dates.
// Vocabularies accept the keys of retired terms too, so a record holding one can be saved again;
// whether a retired key may be newly set is the caller's rule.
FieldValue normalize_json(const Field& field, const nlohmann::json& raw, const std::string& today);

// Normalises the text of a sheet cell (empty = no value) for `field`; vocabularies accept their
// keys, labels and synonyms (of active terms only), lists accept 、，,;/ separators, flags
// 是/否/有/无/1/0.
FieldValue normalize_text(const Field& field, const std::string& raw, const std::string& today);

// True for a word sheets write in a cell that holds nothing: 无, 暂无, /, -, 不详, 待定, #N/A …
// (`s` trimmed). normalize_text reads such a cell as blank unless the field gives the word a
// meaning (无 in a yes/no field).
bool is_blank_word(const std::string& s);

// True when a sheet cell holds nothing for `field` (nullptr: a column no single field reads, such
// as a county or a work place): empty, or a blank word the field gives no meaning.
bool is_blank_cell(const Field* field, const std::string& raw);

// A label or sheet header split at the unit in its trailing brackets, full-width or half-width
// ("计划投资（万元）" → {"计划投资", "万元"}, "资金需求(万)" → {"资金需求", "万"}); without such
// brackets, {label, ""}.
struct LabelUnit {
  std::string name, unit;
};
LabelUnit split_label_unit(const std::string& label);

// The unit an integer field counts in: its label's trailing brackets ("计划投资（万元）" → "万元",
// "可用土地（亩）" → "亩"), "人" for a head count ("带动就业人数"), "" for an identifier
// (引荐大使).
std::string number_unit(const Field& field);

// `error` (from normalize_text for `field`) as a report beside its column shows it: without the
// leading "label：" a form needs ("联系电话：手机号应为11位…" → "手机号应为11位…").
std::string cell_reason(const Field& field, const std::string& error);

// The JSON form of a stored value for the API (lists become arrays, flags booleans).
nlohmann::json field_json(const Field& field, const store::Value& value);

// The field named `name` in `fields`, or nullptr.
const Field* find_field(const std::vector<Field>& fields, const std::string& name);

}  // namespace guiyan::core
