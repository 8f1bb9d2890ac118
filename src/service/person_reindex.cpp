#include "service/person_reindex.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/text.h"
#include "service/person_write.h"
#include "store/person_repo.h"

namespace guiyan::service {
namespace {

constexpr int64_t kPage = 1000;

bool holds(const store::PersonRow& p, const std::string& vocabulary, const std::string& key) {
  if (vocabulary == "labour_brands") return p.text("labour_brand") == key;
  auto keys = core::split(p.text("skills"), ',');
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

int64_t reindex_people_with_term(store::Conn& c, const std::string& vocabulary,
                                 const std::string& key, const core::TermList& skills,
                                 const core::TermList& brands) {
  // The LIKE pattern may match a few more rows ('_' is a wildcard): holds() keeps the right ones.
  std::string where = vocabulary == "labour_brands"
                          ? "p.labour_brand = $1"
                          : "(',' || COALESCE(p.skills, '') || ',') LIKE $1";
  store::Value match = vocabulary == "labour_brands" ? key : "%," + key + ",%";
  int64_t done = 0, after = 0;
  for (;;) {
    std::vector<std::pair<int64_t, std::string>> page;
    int64_t last = after;
    c.run("SELECT " + store::person_columns() + " FROM person p WHERE " + where +
              " AND p.id > $2 ORDER BY p.id LIMIT $3",
          {match, after, kPage}, [&](const store::Row& r) {
            auto p = store::person_from_row(r);
            last = p.id;
            if (holds(p, vocabulary, key)) {
              page.emplace_back(p.id, person_search_tokens(p, skills, brands));
            }
          });
    store::write_search_tokens(c, page);
    done += static_cast<int64_t>(page.size());
    if (last == after) return done;
    after = last;
  }
}

}  // namespace guiyan::service
