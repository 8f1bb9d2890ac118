#include "service/person_duplicates.h"

#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "core/clock.h"
#include "core/duplicate_match.h"
#include "core/text.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/person_service.h"
#include "service/region_tree.h"
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

// Compares, within one name, everyone lacking a valid ID number with everyone else; with
// `written`, only pairs of which one of those people is part.
void match_group(const std::vector<Candidate>& group, std::map<PairKey, Found>& out,
                 const std::set<int64_t>* written = nullptr) {
  for (size_t i = 0; i < group.size(); ++i) {
    if (!group[i].record.id_number.empty()) continue;
    for (size_t j = 0; j < group.size(); ++j) {
      if (i == j) continue;
      // Two people without a valid number are compared once, from the smaller index.
      if (group[j].record.id_number.empty() && j < i) continue;
      if (written && !written->count(group[i].id) && !written->count(group[j].id)) continue;
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

constexpr const char* kCandidateColumns =
    "id, name, phone, phone2, birth_date, region_code, id_number, id_number_raw";

Candidate candidate_of(const store::Row& r) {
  Candidate c;
  c.id = r.i64(0);
  c.record = {r.text(1), opt(r, 2), opt(r, 3), opt(r, 4), r.text(5), opt(r, 6), opt(r, 7)};
  return c;
}

// The people without a valid ID number, by name (migration 029). SQLite's planner, without
// statistics, takes "id_number IS NULL" for a lookup of one row in the ID-number index and would
// read every person without a number (24,690 of 994,387 in the bench registry) instead.
std::string without_id(store::Conn& c) {
  return c.dialect().name == "sqlite" ? "person INDEXED BY person_name_without_id" : "person";
}

// Matches the whole registry: every name that someone without a valid number bears.
size_t match_registry(store::Conn& c, std::map<PairKey, Found>& found) {
  size_t compared = 0;
  std::vector<Candidate> group;
  c.stream(std::string("SELECT ") + kCandidateColumns +
               " FROM person WHERE merged_into IS NULL AND name IN (SELECT name FROM " +
               without_id(c) +
               " WHERE id_number IS NULL AND merged_into IS NULL) ORDER BY name, id",
           {}, [&](const store::Row& r) {
             Candidate cand = candidate_of(r);
             if (!group.empty() && cand.record.name != group.front().record.name) {
               match_group(group, found);
               group.clear();
             }
             ++compared;
             group.push_back(std::move(cand));
           });
  match_group(group, found);
  return compared;
}

// Matches `written` with everyone they can pair with: a person with a valid number only with
// the people of their name without one (migration 029's index), a person without one with
// their whole name. Names are read a slice at a time and whole names one name at a time, so
// memory holds the people written and the largest name, whatever the number written.
size_t match_written(store::Conn& c, const std::vector<int64_t>& written,
                     std::map<PairKey, Found>& found) {
  std::map<std::string, std::vector<Candidate>> by_name;  // the people written
  std::set<std::string> whole;  // names of which someone written lacks a valid number
  store::for_each_chunk(written, [&](const std::vector<int64_t>& ids) {
    store::SqlBuilder b;
    c.run(std::string("SELECT ") + kCandidateColumns + " FROM person WHERE id IN (" +
              b.bind_list(ids) + ") AND merged_into IS NULL",
          b.params(), [&](const store::Row& r) {
            Candidate cand = candidate_of(r);
            if (cand.record.id_number.empty()) whole.insert(cand.record.name);
            by_name[cand.record.name].push_back(std::move(cand));
          });
  });
  std::vector<std::string> numbered, unnumbered;  // names by whether `whole` holds them
  for (const auto& [name, people] : by_name) {
    (whole.count(name) ? unnumbered : numbered).push_back(name);
  }
  std::set<int64_t> written_set(written.begin(), written.end());
  size_t compared = 0;
  // Names whose written people all hold a valid number: them and the name's people without one.
  store::for_each_chunk(numbered, [&](const std::vector<std::string>& names) {
    std::map<std::string, std::vector<Candidate>> groups;
    store::SqlBuilder b;
    c.run(std::string("SELECT ") + kCandidateColumns + " FROM " + without_id(c) +
              " WHERE id_number IS NULL AND merged_into IS NULL AND name IN (" +
              b.bind_list(names) + ")",
          b.params(), [&](const store::Row& r) { groups[r.text(1)].push_back(candidate_of(r)); });
    for (const auto& name : names) {
      auto& group = groups[name];
      const auto& own = by_name[name];
      group.insert(group.end(), own.begin(), own.end());
      compared += group.size();
      match_group(group, found, &written_set);
    }
  });
  // Names someone written bears without a valid number: everyone of the name, streamed by name.
  store::for_each_chunk(unnumbered, [&](const std::vector<std::string>& names) {
    std::vector<Candidate> group;
    store::SqlBuilder b;
    c.stream(std::string("SELECT ") + kCandidateColumns +
                 " FROM person WHERE merged_into IS NULL AND name IN (" + b.bind_list(names) +
                 ") ORDER BY name, id",
             b.params(), [&](const store::Row& r) {
               Candidate cand = candidate_of(r);
               if (!group.empty() && cand.record.name != group.front().record.name) {
                 match_group(group, found, &written_set);
                 group.clear();
               }
               ++compared;
               group.push_back(std::move(cand));
             });
    match_group(group, found, &written_set);
  });
  return compared;
}

}  // namespace

DuplicateScan scan_duplicates(store::Conn& c, const std::optional<std::vector<int64_t>>& written) {
  auto started = std::chrono::steady_clock::now();
  DuplicateScan s;
  std::map<PairKey, Found> found;
  store::Conn* conn = &c;
  size_t compared = written ? match_written(c, *written, found) : match_registry(c, found);
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
    auto keep = [&](const store::Row& r) {
      existing[{r.i64(1), r.i64(2)}] = {r.i64(0), r.text(3), static_cast<int>(r.i64(4)), r.text(5),
                                        r.i64(6) != 0};
    };
    if (!written) {
      conn->run(sql, {}, keep);
    } else {
      store::for_each_chunk(*written, [&](const std::vector<int64_t>& chunk) {
        store::SqlBuilder ids;
        std::string in = " IN (" + ids.bind_list(chunk) + ")";
        conn->run(sql + " WHERE d.person_a" + in + " OR d.person_b" + in, ids.params(), keep);
      });
    }
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
    attach_region_paths(db, *conn, items.back()["people"], "region_code", "region_path");
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
  auto pair = duplicate_in_scope(*conn, p, id);
  attach_region_paths(db, *conn, pair["people"], "region_code", "region_path");
  return pair;
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
