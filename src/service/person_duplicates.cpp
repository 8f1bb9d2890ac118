#include "service/person_duplicates.h"

#include <chrono>
#include <cmath>
#include <map>

#include "core/clock.h"
#include "core/duplicate_match.h"
#include "core/text.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/person_service.h"
#include "store/person_repo.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

struct Candidate {
  int64_t id = 0;
  core::DuplicateRecord record;
};

struct Found {
  int score = 0;
  std::string reasons;  // comma-separated keys
};

using PairKey = std::pair<int64_t, int64_t>;  // (smaller id, larger id)

// Compares, within one name, everyone lacking a valid ID number with everyone else.
void match_group(const std::vector<Candidate>& group, std::map<PairKey, Found>& out) {
  for (size_t i = 0; i < group.size(); ++i) {
    if (!group[i].record.id_number.empty()) continue;
    for (size_t j = 0; j < group.size(); ++j) {
      if (i == j) continue;
      // Two people without a valid number are compared once, from the smaller index.
      if (group[j].record.id_number.empty() && j < i) continue;
      auto m = core::match_duplicate(group[i].record, group[j].record);
      if (!m) continue;
      std::string reasons;
      for (const auto& r : m->reasons) reasons += (reasons.empty() ? "" : ",") + r;
      int64_t a = std::min(group[i].id, group[j].id), b = std::max(group[i].id, group[j].id);
      out[{a, b}] = {m->score, reasons};
    }
  }
}

std::string opt(const store::Row& r, size_t i) {
  return r.opt_text(i).value_or("");
}

}  // namespace

DuplicateScan scan_duplicates(store::Conn& c,
                              const std::optional<std::vector<std::string>>& names) {
  auto started = std::chrono::steady_clock::now();
  DuplicateScan s;
  std::map<PairKey, Found> found;
  size_t compared = 0;
  store::Conn* conn = &c;
  // "$1, $2 …", one placeholder per name.
  std::string marks;
  store::Params name_params;
  for (const auto& n : names.value_or(std::vector<std::string>{})) {
    name_params.push_back(n);
    marks += (marks.empty() ? "$" : ", $") + std::to_string(name_params.size());
  }
  {
    // Over the whole registry the ID-number index finds the people without one; for a few
    // names the name index must serve, so the condition is written so that the other cannot
    // (it would read every person without a number: a rare name at 994,387 people, 24,690
    // of them without one, 94 ms warm against 0.3 ms).
    std::string sql =
        "SELECT id, name, phone, phone2, birth_date, region_code, id_number, id_number_raw FROM "
        "person WHERE merged_into IS NULL AND name IN (SELECT name FROM person WHERE ";
    if (names) {
      sql += "COALESCE(id_number, '') = '' AND merged_into IS NULL AND name IN (" +
             (marks.empty() ? "NULL" : marks) + ")";
    } else {
      sql += "id_number IS NULL AND merged_into IS NULL";
    }
    sql += ") ORDER BY name, id";
    std::vector<Candidate> group;
    std::string group_name;
    conn->run(sql, name_params, [&](const store::Row& r) {
      Candidate c;
      c.id = r.i64(0);
      c.record = {r.text(1), opt(r, 2), opt(r, 3), opt(r, 4), r.text(5), opt(r, 6), opt(r, 7)};
      if (c.record.name != group_name) {
        match_group(group, found);
        group.clear();
        group_name = c.record.name;
      }
      ++compared;
      group.push_back(std::move(c));
    });
    match_group(group, found);
  }
  s.people = compared;
  s.found = found.size();
  // Bring the queue up to date in batches, so a long scan never holds the database for long.
  struct Existing {
    int64_t id;
    std::string status;
    int score;
    std::string reasons;
    bool merged;  // one of the two is merged into a third record: left for an undo
  };
  std::map<PairKey, Existing> existing;
  {
    std::string sql =
        "SELECT d.id, d.person_a, d.person_b, d.status, d.score, d.reasons, CASE WHEN "
        "a.merged_into IS NULL AND b.merged_into IS NULL THEN 0 ELSE 1 END FROM person_duplicate "
        "d JOIN person a ON a.id = d.person_a JOIN person b ON b.id = d.person_b";
    if (names) {
      std::string in = " IN (" + (marks.empty() ? "NULL" : marks) + ")";
      sql += " WHERE a.name" + in + " OR b.name" + in;
    }
    conn->run(sql, name_params, [&](const store::Row& r) {
      existing[{r.i64(1), r.i64(2)}] = {r.i64(0), r.text(3), static_cast<int>(r.i64(4)), r.text(5),
                                        r.i64(6) != 0};
    });
  }
  std::string now = core::now_iso();
  std::vector<std::pair<std::string, store::Params>> writes;
  for (const auto& [key, f] : found) {
    auto it = existing.find(key);
    if (it == existing.end()) {
      writes.push_back(
          {"INSERT INTO person_duplicate (person_a, person_b, score, reasons, status, "
           "detected_at) VALUES ($1, $2, $3, $4, 'open', $5)",
           {key.first, key.second, int64_t(f.score), f.reasons, now}});
      ++s.added;
    } else if (it->second.status == "open" &&
               (it->second.score != f.score || it->second.reasons != f.reasons)) {
      writes.push_back(
          {"UPDATE person_duplicate SET score = $2, reasons = $3 WHERE id = $1 AND status = 'open'",
           {it->second.id, int64_t(f.score), f.reasons}});
    }
  }
  for (const auto& [key, e] : existing) {
    // An open pair of two unmerged people the rules no longer pair (a number corrected, a name
    // changed) leaves the queue.
    if (e.status != "open" || e.merged || found.count(key)) continue;
    writes.push_back({"DELETE FROM person_duplicate WHERE id = $1 AND status = 'open'", {e.id}});
    ++s.removed;
  }
  constexpr size_t kBatch = 2000;
  for (size_t i = 0; i < writes.size(); i += kBatch) {
    store::Tx tx(*conn);
    for (size_t j = i; j < writes.size() && j < i + kBatch; ++j) {
      store::exec(*conn, writes[j].first, writes[j].second);
    }
    tx.commit();
  }
  s.open = static_cast<size_t>(
      store::query_int(*conn, "SELECT COUNT(*) FROM person_duplicate WHERE status = 'open'"));
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return s;
}

nlohmann::json duplicate_scan_json(const DuplicateScan& s) {
  return {{"people", s.people}, {"found", s.found},
          {"added", s.added},   {"removed", s.removed},
          {"open", s.open},     {"seconds", std::round(s.seconds * 1000) / 1000}};
}

namespace {

const char* kQueueColumns =
    "d.id, d.person_a, d.person_b, d.score, d.reasons, d.status, d.detected_at, d.decided_at, "
    "COALESCE(u.display_name, ''), d.note, (SELECT MAX(m.id) FROM person_merge m WHERE "
    "m.duplicate_id = d.id AND m.undone_at IS NULL)";

std::string queue_from(const Principal& p, store::SqlBuilder& sql) {
  return " FROM person_duplicate d JOIN person a ON a.id = d.person_a JOIN person b ON b.id = "
         "d.person_b LEFT JOIN app_user u ON u.id = d.decided_by WHERE " +
         scope_condition(p, sql, "a.region_code", "a.created_by") + " AND " +
         scope_condition(p, sql, "b.region_code", "b.created_by");
}

nlohmann::json pair_json(store::Conn& c, const store::Row& r) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& key : core::split(r.text(4), ',')) {
    reasons.push_back({{"key", key}, {"label", core::term_label(core::duplicate_reasons(), key)}});
  }
  nlohmann::json people = nlohmann::json::array();
  for (int64_t id : {r.i64(1), r.i64(2)}) {
    auto row = store::find_person(c, id);
    people.push_back(row ? person_json(*row, false) : nlohmann::json());
  }
  auto text_or_null = [&](size_t i) {
    return r.opt_text(i) ? nlohmann::json(r.text(i)) : nlohmann::json();
  };
  return {{"id", r.i64(0)},
          {"score", r.i64(3)},
          {"reasons", reasons},
          {"status", r.text(5)},
          {"detected_at", r.text(6)},
          {"decided_at", text_or_null(7)},
          {"decided_by", r.opt_text(7) ? nlohmann::json(r.text(8)) : nlohmann::json()},
          {"note", text_or_null(9)},
          {"merge_id", r.opt_i64(10) ? nlohmann::json(*r.opt_i64(10)) : nlohmann::json()},
          {"people", people}};
}

}  // namespace

nlohmann::json list_duplicates_api(store::Db& db, const Principal& p, const std::string& status_in,
                                   int64_t limit, int64_t offset) {
  require(p, "person:read");
  std::string status = status_in.empty() ? "open" : status_in;
  if (status != "open" && status != "merged" && status != "dismissed") {
    throw http::bad_request("status",
                            "状态应为 open（待处理）、merged（已合并）或 dismissed（已排除）");
  }
  store::SqlBuilder sql;
  std::string from = queue_from(p, sql) + " AND d.status = " + sql.bind(status);
  if (status == "open") from += " AND a.merged_into IS NULL AND b.merged_into IS NULL";
  auto conn = db.acquire();
  int64_t total = store::query_int(*conn, "SELECT COUNT(*)" + from, sql.params());
  nlohmann::json items = nlohmann::json::array();
  std::string order =
      status == "open" ? " ORDER BY d.score DESC, d.id" : " ORDER BY d.decided_at DESC, d.id DESC";
  for (const auto& r :
       store::query(*conn,
                    std::string("SELECT ") + kQueueColumns + from + order + " LIMIT " +
                        std::to_string(limit) + " OFFSET " + std::to_string(offset),
                    sql.params())) {
    items.push_back(pair_json(*conn, r));
  }
  return {{"items", items}, {"total", total}};
}

nlohmann::json duplicate_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  require(p, "person:read");
  store::SqlBuilder sql;
  std::string from = queue_from(p, sql) + " AND d.id = " + sql.bind(id);
  auto r = store::query_one(c, std::string("SELECT ") + kQueueColumns + from, sql.params());
  if (!r) throw http::not_found("疑似重复记录");
  return pair_json(c, *r);
}

nlohmann::json get_duplicate_api(store::Db& db, const Principal& p, int64_t id) {
  auto conn = db.acquire();
  return duplicate_in_scope(*conn, p, id);
}

nlohmann::json scan_duplicates_api(store::Db& db, const Principal& p) {
  require(p, "person:merge");
  auto conn = db.acquire();
  auto j = duplicate_scan_json(scan_duplicates(*conn));
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p), {"scan", "person_duplicate", "", std::nullopt, nullptr, j});
  tx.commit();
  return j;
}

nlohmann::json dismiss_duplicate_api(store::Db& db, const Principal& p, int64_t id,
                                     const nlohmann::json& body) {
  require(p, "person:merge");
  if (!body.is_object()) throw http::bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  std::optional<std::string> note;
  for (const auto& [key, v] : body.items()) {
    if (key != "note") throw http::bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    if (!v.is_null() && !v.is_string()) throw http::bad_request("note", "备注应为文字");
    if (v.is_string() && !v.get<std::string>().empty()) note = v.get<std::string>();
  }
  if (note && http::utf8_length(*note) > 200) {
    throw http::bad_request("note", "备注过长（最多200个字）");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = duplicate_in_scope(*conn, p, id);
  if (before["status"] != "open") {
    throw http::ApiError(409, "decided",
                         "该疑似重复已处理（" +
                             std::string(before["status"] == "merged" ? "已合并" : "已排除") +
                             "），不能再排除");
  }
  int64_t changed =
      store::exec(*conn,
                  "UPDATE person_duplicate SET status = 'dismissed', decided_by = $2, "
                  "decided_at = $3, note = $4 WHERE id = $1 AND status = 'open'",
                  {id, p.user_id, core::now_iso(), store::nullable(note)});
  if (changed != 1) throw http::ApiError(409, "decided", "该疑似重复刚被他人处理，请刷新");
  audit(*conn, Actor::of(p),
        {"dismiss",
         "person_duplicate",
         std::to_string(id),
         before["people"][0].value("region_code", ""),
         nullptr,
         {{"people", {before["people"][0]["id"], before["people"][1]["id"]}},
          {"note", note ? nlohmann::json(*note) : nlohmann::json()}}});
  auto after = duplicate_in_scope(*conn, p, id);
  tx.commit();
  return after;
}

}  // namespace guiyan::service
