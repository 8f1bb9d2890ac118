#include "service/person_merge.h"

#include "core/clock.h"
#include "core/person_fields.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/person_duplicates.h"
#include "service/person_service.h"
#include "service/person_write.h"
#include "service/vocabulary_sync.h"
#include "store/person_repo.h"

namespace guiyan::service {
namespace {

// The fields a merge never copies: the survivor's own state and case team stay as they are.
bool kept_by_survivor(const std::string& field) {
  return field == "status" || field == "status_since" || field == "funnel_stage";
}

bool is_null(const store::Value& v) {
  return std::holds_alternative<store::Null>(v);
}

nlohmann::json value_json(const store::Value& v) {
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto i = std::get_if<int64_t>(&v)) return *i;
  return nullptr;
}

store::Value json_value(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return j.get<int64_t>();
  return store::Null{};
}

// The derived system columns a survivor without them takes from the merged record.
std::map<std::string, std::optional<std::string>> system_columns(const store::PersonRow& p) {
  return {{"id_number_raw", p.id_number_raw}, {"birth_date", p.birth_date}, {"gender", p.gender}};
}

}  // namespace

nlohmann::json merge_duplicate_api(store::Db& db, const Principal& p, int64_t duplicate_id,
                                   const nlohmann::json& body) {
  require(p, "person:merge");
  if (!body.is_object() || !body.contains("keep") || !body["keep"].is_number_integer()) {
    throw http::bad_request("keep", "请指定保留哪一份档案（keep：人员编号）", "required");
  }
  for (const auto& [key, v] : body.items()) {
    if (key != "keep") throw http::bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  sync_vocabularies(*conn, true);
  auto pair = duplicate_in_scope(*conn, p, duplicate_id);  // 404 outside the scope
  int64_t a = pair["people"][0]["id"], b = pair["people"][1]["id"];
  int64_t keep = body["keep"];
  if (keep != a && keep != b) {
    throw http::bad_request("keep", "保留的档案应为这对疑似重复中的一人");
  }
  int64_t other = keep == a ? b : a;
  if (pair["status"] != "open") {
    throw http::ApiError(409, "decided", "该疑似重复已处理，请刷新后再看");
  }
  auto survivor = person_in_scope(*conn, p, keep);
  auto merged = person_in_scope(*conn, p, other);
  if (survivor.merged_into || merged.merged_into) {
    throw http::ApiError(409, "merged", "其中一人已合并到其他档案，请先处理那次合并");
  }
  std::string now = core::now_iso();
  // What the survivor takes: every value it lacks, grouped by the source that set it on the
  // merged record, so provenance stays true; differing values become conflicts to review.
  auto sources = field_sources(*conn, other);
  std::map<std::string, PersonValues> take_by_source;
  nlohmann::json taken = nlohmann::json::object();
  nlohmann::json conflict_ids = nlohmann::json::array();
  for (const auto& f : core::person_fields()) {
    if (kept_by_survivor(f.name)) continue;
    store::Value mine = held_value(survivor, f.name), theirs = held_value(merged, f.name);
    if (is_null(theirs) || mine == theirs) continue;
    if (is_null(mine)) {
      auto src = sources.find(f.name);
      take_by_source[src == sources.end() ? merged.source : src->second][f.name] = theirs;
      taken[f.name] = {{"before", nullptr}, {"after", value_json(theirs)}};
    } else {
      conflict_ids.push_back(store::query_int(
          *conn,
          "INSERT INTO person_conflict (person_id, field, kept_value, offered_value, "
          "offered_source, source_file, source_row, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, "
          "NULL, $7) RETURNING id",
          {keep, f.name, mine, theirs, merged.source, "合并自编号 " + std::to_string(other), now}));
    }
  }
  if (taken.contains("id_number")) {
    // The number moves: the unique index must never see it twice.
    store::exec(*conn, "UPDATE person SET id_number = NULL WHERE id = $1", {other});
  }
  nlohmann::json system = nlohmann::json::object();
  if (!taken.contains("id_number")) {
    auto mine = system_columns(survivor);
    for (const auto& [col, value] : system_columns(merged)) {
      if (!value || mine[col]) continue;
      if (col == "id_number_raw" && !survivor.text("id_number").empty()) continue;
      store::exec(*conn, "UPDATE person SET " + col + " = $2 WHERE id = $1", {keep, *value});
      system[col] = *value;
    }
  }
  Actor actor = Actor::of(p);
  for (const auto& [source, values] : take_by_source) {
    auto before = *store::find_person(*conn, keep);
    change_person(*conn, actor, p.user_id, before, values,
                  Provenance{source, "合并自编号 " + std::to_string(other), std::nullopt});
  }
  if (take_by_source.empty() && !system.empty()) {
    auto row = *store::find_person(*conn, keep);
    store::write_search_tokens(*conn, keep, person_search_tokens(row));
  }
  store::exec(*conn, "UPDATE person SET merged_into = $2, updated_at = $3 WHERE id = $1",
              {other, keep, now});
  // Taking an ID number re-derives gender and birth date: remember the survivor's own.
  nlohmann::json derived_before{
      {"birth_date", survivor.birth_date ? nlohmann::json(*survivor.birth_date) : nullptr},
      {"gender", survivor.gender ? nlohmann::json(*survivor.gender) : nullptr}};
  nlohmann::json record{{"fields", taken},
                        {"system", system},
                        {"conflicts", conflict_ids},
                        {"derived_before", derived_before}};
  int64_t merge_id = store::query_int(
      *conn,
      "INSERT INTO person_merge (duplicate_id, survivor_id, merged_id, taken_json, merged_by, "
      "merged_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {duplicate_id, keep, other, record.dump(), p.user_id, now});
  store::exec(*conn,
              "UPDATE person_duplicate SET status = 'merged', decided_by = $2, decided_at = $3 "
              "WHERE id = $1",
              {duplicate_id, p.user_id, now});
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [k, v] : taken.items()) fields.push_back(k);
  for (const auto& [k, v] : system.items()) fields.push_back(k);
  audit(*conn, actor,
        {"merge",
         "person",
         std::to_string(other),
         merged.text("region_code"),
         {{"merged_into", nullptr}},
         {{"merged_into", keep}, {"merge_id", merge_id}, {"duplicate_id", duplicate_id}}});
  audit(*conn, actor,
        {"merge",
         "person",
         std::to_string(keep),
         survivor.text("region_code"),
         nullptr,
         {{"merged_from", other},
          {"merge_id", merge_id},
          {"taken", fields},
          {"conflicts", conflict_ids.size()}}});
  auto after = *store::find_person(*conn, keep);
  tx.commit();
  return {{"merge_id", merge_id},
          {"survivor", person_json_with_path(db, *conn, after, false)},
          {"merged_id", other},
          {"taken", fields},
          {"conflicts", conflict_ids.size()}};
}

nlohmann::json undo_merge_api(store::Db& db, const Principal& p, int64_t merge_id) {
  require(p, "person:merge");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  sync_vocabularies(*conn, true);
  auto m = store::query_one(*conn,
                            "SELECT survivor_id, merged_id, taken_json, undone_at, duplicate_id "
                            "FROM person_merge WHERE id = $1",
                            {merge_id});
  if (!m) throw http::not_found("合并记录");
  int64_t keep = m->i64(0), other = m->i64(1);
  auto survivor = person_in_scope(*conn, p, keep);
  auto merged = person_in_scope(*conn, p, other);
  if (m->opt_text(3)) throw http::ApiError(409, "undone", "这次合并已撤销");
  if (survivor.merged_into) {
    throw http::ApiError(409, "merged",
                         "保留的档案后来又合并到编号 " + std::to_string(*survivor.merged_into) +
                             " 的档案，请先撤销那次合并");
  }
  auto record = nlohmann::json::parse(m->text(2));
  PersonValues restore;
  nlohmann::json kept = nlohmann::json::array();
  bool id_back = false;
  for (const auto& [field, change] : record["fields"].items()) {
    // Only what still holds the merged value goes back; a later edit on the survivor wins.
    if (held_value(survivor, field) == json_value(change["after"])) {
      restore[field] = json_value(change["before"]);
      if (field == "id_number") id_back = true;
    } else {
      kept.push_back(field);
    }
  }
  std::string now = core::now_iso();
  Actor actor = Actor::of(p);
  if (!restore.empty()) {
    change_person(*conn, actor, p.user_id, survivor, restore,
                  Provenance{"manual", "撤销合并编号 " + std::to_string(merge_id), std::nullopt});
  }
  auto current = system_columns(*store::find_person(*conn, keep));
  bool columns_reset = false;  // the search tokens read id_number_raw: rewrite them then
  for (const auto& [col, value] : record["system"].items()) {
    if (current[col] == value.get<std::string>()) {
      store::exec(*conn, "UPDATE person SET " + col + " = NULL WHERE id = $1", {keep});
      columns_reset = true;
    } else {
      kept.push_back(col);
    }
  }
  if (id_back) {
    store::exec(*conn, "UPDATE person SET id_number = $2 WHERE id = $1",
                {other, record["fields"]["id_number"]["after"].get<std::string>()});
    const auto& d = record["derived_before"];
    store::exec(*conn, "UPDATE person SET birth_date = $2, gender = $3 WHERE id = $1",
                {keep, json_value(d["birth_date"]), json_value(d["gender"])});
  }
  for (const auto& cid : record["conflicts"]) {
    store::exec(*conn, "DELETE FROM person_conflict WHERE id = $1", {cid.get<int64_t>()});
  }
  store::exec(*conn, "UPDATE person SET merged_into = NULL, updated_at = $2 WHERE id = $1",
              {other, now});
  auto after = *store::find_person(*conn, keep);
  if (columns_reset) store::write_search_tokens(*conn, keep, person_search_tokens(after));
  store::exec(*conn, "UPDATE person_merge SET undone_by = $2, undone_at = $3 WHERE id = $1",
              {merge_id, p.user_id, now});
  if (m->opt_i64(4)) {
    store::exec(*conn,
                "UPDATE person_duplicate SET status = 'open', decided_by = NULL, decided_at = NULL "
                "WHERE id = $1",
                {*m->opt_i64(4)});
  }
  audit(*conn, actor,
        {"merge_undo",
         "person",
         std::to_string(other),
         merged.text("region_code"),
         {{"merged_into", keep}},
         {{"merged_into", nullptr}, {"merge_id", merge_id}}});
  audit(*conn, actor,
        {"merge_undo",
         "person",
         std::to_string(keep),
         survivor.text("region_code"),
         nullptr,
         {{"merged_from", other}, {"merge_id", merge_id}, {"kept", kept}}});
  auto restored = *store::find_person(*conn, other);
  tx.commit();
  return {{"merge_id", merge_id},
          {"survivor", person_json_with_path(db, *conn, after, false)},
          {"restored", person_json_with_path(db, *conn, restored, false)},
          {"kept", kept}};
}

nlohmann::json merges_of(store::Conn& c, int64_t survivor_id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store::query(
           c,
           "SELECT m.id, m.merged_id, p.name, m.merged_at, COALESCE(u.display_name, ''), "
           "m.undone_at, m.taken_json FROM person_merge m JOIN person p ON p.id = m.merged_id "
           "LEFT JOIN app_user u ON u.id = m.merged_by WHERE m.survivor_id = $1 ORDER BY m.id DESC",
           {survivor_id})) {
    auto record = nlohmann::json::parse(r.text(6), nullptr, false);
    nlohmann::json taken = nlohmann::json::array();
    if (record.is_object()) {
      for (const auto& [k, v] : record["fields"].items()) taken.push_back(k);
      for (const auto& [k, v] : record["system"].items()) taken.push_back(k);
    }
    out.push_back({{"id", r.i64(0)},
                   {"merged_id", r.i64(1)},
                   {"merged_name", r.text(2)},
                   {"merged_at", r.text(3)},
                   {"merged_by", r.text(4)},
                   {"undone_at", r.opt_text(5) ? nlohmann::json(r.text(5)) : nlohmann::json()},
                   {"taken", taken}});
  }
  return out;
}

}  // namespace guiyan::service
