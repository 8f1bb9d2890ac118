#include "service/vocabulary_sync.h"

#include <nlohmann/json.hpp>

#include "core/vocabulary_registry.h"

namespace guiyan::service {
namespace {

std::vector<std::string> parse_synonyms(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& s : j) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

void reload(store::Conn& c) {
  std::map<std::string, core::TermList> terms;
  int64_t revision = 0;
  // One statement: on PostgreSQL each statement sees one snapshot, so the revision read here is
  // the one these terms belong to.
  c.run(
      "SELECT (SELECT revision FROM vocabulary_revision WHERE id = 1), vocabulary, key, label, "
      "synonyms, retired FROM vocabulary_term ORDER BY vocabulary, sort_order, key",
      {}, [&](const store::Row& r) {
        revision = r.i64(0);
        terms[r.text(1)].push_back(
            {r.text(2), r.text(3), parse_synonyms(r.text(4)), r.i64(5) != 0});
      });
  core::install_vocabularies(revision, std::move(terms));
}

}  // namespace

void sync_vocabularies(store::Conn& c, bool hold) {
  std::string sql = "SELECT revision FROM vocabulary_revision WHERE id = 1";
  if (hold && c.dialect().name == "postgresql") sql += " FOR SHARE";
  int64_t revision = store::query_int(c, sql, {}, 0);
  if (revision != core::vocabulary_revision()) reload(c);
}

void sync_vocabularies(store::Db& db) {
  auto conn = db.acquire();
  sync_vocabularies(*conn);
}

}  // namespace guiyan::service
