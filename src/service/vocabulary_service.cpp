#include "service/vocabulary_service.h"

#include "core/clock.h"
#include "core/vocabulary_edit.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/person_reindex.h"
#include "service/vocabulary_sync.h"

namespace guiyan::service {
namespace {

using http::bad_request;

std::string title_of(const std::string& name) {
  return name == "skills" ? "技能字典" : "劳务品牌";
}

void check_name(const std::string& name) {
  if (!core::is_editable_vocabulary(name)) throw http::not_found("字典");
}

// The columns term_json reads, after the revision (so one statement gives both).
const char* kSelect =
    "SELECT (SELECT revision FROM vocabulary_revision WHERE id = 1), t.key, t.label, t.synonyms, "
    "t.retired, t.sort_order, t.updated_at, COALESCE(u.display_name, '') FROM vocabulary_term t "
    "LEFT JOIN app_user u ON u.id = t.updated_by ";

nlohmann::json term_json(const store::Row& r) {
  auto synonyms = nlohmann::json::parse(r.text(3), nullptr, false);
  return {{"key", r.text(1)},
          {"label", r.text(2)},
          {"synonyms", synonyms.is_array() ? synonyms : nlohmann::json::array()},
          {"retired", r.i64(4) != 0},
          {"sort_order", r.i64(5)},
          {"updated_at", r.opt_text(6) ? nlohmann::json(r.text(6)) : nlohmann::json()},
          {"updated_by", r.text(7).empty() ? nlohmann::json() : nlohmann::json(r.text(7))}};
}

nlohmann::json find_term_json(store::Conn& c, const std::string& name, const std::string& key) {
  auto r = store::query_one(c, std::string(kSelect) + "WHERE t.vocabulary = $1 AND t.key = $2",
                            {name, key});
  if (!r) throw http::not_found("词条");
  return term_json(*r);
}

// The vocabulary as the database holds it now (inside the editing transaction).
core::TermList load_terms(store::Conn& c, const std::string& name) {
  core::TermList out;
  for (const auto& r : store::query(
           c, std::string(kSelect) + "WHERE t.vocabulary = $1 ORDER BY t.sort_order, t.key",
           {name})) {
    auto j = term_json(r);
    out.push_back({j["key"], j["label"], j["synonyms"].get<std::vector<std::string>>(),
                   j["retired"].get<bool>()});
  }
  return out;
}

// Raises the revision first: on PostgreSQL the row lock makes edits wait for each other (and for
// writers holding the vocabularies, see sync_vocabularies), so the checks below see every
// committed term; SQLite has one writer anyway.
void lock_and_bump(store::Conn& c) {
  store::exec(c, "UPDATE vocabulary_revision SET revision = revision + 1 WHERE id = 1");
}

std::string checked_label(const std::string& raw) {
  std::string label = core::clean_word(raw);
  if (auto why = core::word_problem(label); !why.empty()) {
    throw bad_request("label", "名称" + why);
  }
  return label;
}

std::vector<std::string> checked_synonyms(const std::string& label,
                                          const std::vector<std::string>& raw) {
  auto synonyms = core::clean_synonyms(label, raw);
  if (synonyms.size() > core::kMaxSynonyms) {
    throw bad_request("synonyms", "同义词最多" + std::to_string(core::kMaxSynonyms) + "个",
                      "too_many");
  }
  for (const auto& s : synonyms) {
    if (auto why = core::word_problem(s); !why.empty()) {
      throw bad_request("synonyms", "同义词“" + s + "”" + why);
    }
  }
  return synonyms;
}

void check_clash(const core::TermList& terms, const core::Term& candidate) {
  if (auto clash = core::find_clash(terms, candidate)) {
    bool is_label = clash->word == candidate.label;
    throw http::ApiError(409, "word_conflict",
                         "“" + clash->word + "”已是词条“" + clash->other_label +
                             "”的名称或同义词，同一个词只能对应一个词条",
                         is_label ? "label" : "synonyms");
  }
}

std::string synonyms_text(const std::vector<std::string>& synonyms) {
  return nlohmann::json(synonyms).dump();
}

}  // namespace

nlohmann::json list_vocabulary(store::Db& db, const Principal& p, const std::string& name) {
  (void)p;  // any signed-in account: the words are not personal data
  check_name(name);
  auto conn = db.acquire();
  nlohmann::json items = nlohmann::json::array();
  int64_t revision = 0;
  conn->run(std::string(kSelect) + "WHERE t.vocabulary = $1 ORDER BY t.sort_order, t.key", {name},
            [&](const store::Row& r) {
              revision = r.i64(0);
              items.push_back(term_json(r));
            });
  return {{"name", name}, {"title", title_of(name)}, {"revision", revision}, {"items", items}};
}

nlohmann::json add_vocabulary_term(store::Db& db, const Principal& p, const std::string& name,
                                   const TermInput& in) {
  require(p, "vocabulary:write");
  check_name(name);
  if (!in.label) throw bad_request("label", "请填写名称", "required");
  core::Term term;
  term.label = checked_label(*in.label);
  term.synonyms = checked_synonyms(term.label, in.synonyms.value_or(std::vector<std::string>{}));
  if (in.key && !core::valid_key(*in.key)) {
    throw bad_request("key", "编码应为2到40位小写字母、数字或下划线，并以字母开头");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  lock_and_bump(*conn);
  core::TermList terms = load_terms(*conn, name);
  if (in.key && core::find_key(terms, *in.key)) {
    throw http::ApiError(409, "duplicate",
                         "编码“" + *in.key + "”已被使用（停用的词条也保留编码，不能再用）", "key");
  }
  term.key = in.key.value_or(core::next_key(name, terms));
  check_clash(terms, term);
  int64_t order = store::query_int(
      *conn, "SELECT COALESCE(MAX(sort_order), 0) FROM vocabulary_term WHERE vocabulary = $1",
      {name});
  store::exec(*conn,
              "INSERT INTO vocabulary_term (vocabulary, key, label, synonyms, retired, sort_order, "
              "updated_at, updated_by) VALUES ($1, $2, $3, $4, 0, $5, $6, $7)",
              {name, term.key, term.label, synonyms_text(term.synonyms), order + 1, core::now_iso(),
               p.user_id});
  auto after = find_term_json(*conn, name, term.key);
  audit(*conn, Actor::of(p),
        {"create", "vocabulary_term", name + "/" + term.key, p.region_code, nullptr, after});
  tx.commit();
  sync_vocabularies(*conn);
  return after;
}

nlohmann::json update_vocabulary_term(store::Db& db, const Principal& p, const std::string& name,
                                      const std::string& key, const TermInput& in) {
  require(p, "vocabulary:write");
  check_name(name);
  auto conn = db.acquire();
  store::Tx tx(*conn);
  lock_and_bump(*conn);
  core::TermList terms = load_terms(*conn, name);
  const core::Term* found = core::find_key(terms, key);
  if (!found) throw http::not_found("词条");
  core::Term before = *found;
  core::Term term = before;
  if (in.label) term.label = checked_label(*in.label);
  term.synonyms = in.synonyms ? checked_synonyms(term.label, *in.synonyms)
                              : core::clean_synonyms(term.label, term.synonyms);
  if (in.retired) term.retired = *in.retired;
  auto before_json = find_term_json(*conn, name, key);
  if (term.label == before.label && term.synonyms == before.synonyms &&
      term.retired == before.retired) {
    before_json["reindexed"] = 0;
    return before_json;  // nothing changed: rolled back, the revision stays as it was
  }
  check_clash(terms, term);
  store::exec(
      *conn,
      "UPDATE vocabulary_term SET label = $3, synonyms = $4, retired = $5, updated_at = $6, "
      "updated_by = $7 WHERE vocabulary = $1 AND key = $2",
      {name, key, term.label, synonyms_text(term.synonyms), int64_t{term.retired}, core::now_iso(),
       p.user_id});
  int64_t reindexed = 0;
  if (term.label != before.label) {
    // Search finds people by the labels of their skills and brand: index the new one now.
    for (auto& t : terms) {
      if (t.key == key) t = term;
    }
    core::TermList other = load_terms(*conn, name == "skills" ? "labour_brands" : "skills");
    reindexed = name == "skills" ? reindex_people_with_term(*conn, name, key, terms, other)
                                 : reindex_people_with_term(*conn, name, key, other, terms);
  }
  auto after = find_term_json(*conn, name, key);
  audit(*conn, Actor::of(p),
        {"update", "vocabulary_term", name + "/" + key, p.region_code, before_json, after});
  tx.commit();
  sync_vocabularies(*conn);
  after["reindexed"] = reindexed;
  return after;
}

}  // namespace guiyan::service
