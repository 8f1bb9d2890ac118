// The in-memory facets must give exactly what the database alone gives: every list below is
// worked out both ways (ListPlan::best and ListPlan::sql) and compared, before and after edits
// that the change log has to carry, and after the log lost entries (a full reload). On SQLite
// and, with GUIYAN_TEST_DB=postgresql, on a real PostgreSQL server, whose change log is followed
// by transaction id (service/facet_support).
#include "service/person_facets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/id_number.h"
#include "core/person_vocabulary.h"
#include "core/vocabulary_registry.h"
#include "http/api_error.h"
#include "service/data_scope.h"
#include "service/person_query.h"
#include "service/person_search_hits.h"
#include "service/person_write.h"
#include "service/region_buckets.h"
#include "store/migrations.h"
#include "store/temp_database.h"
#include "support/postgres_server.h"
#include "text/tokenize.h"

using namespace guiyan;
using namespace guiyan::service;
using guiyan::testing::PostgresServer;
using guiyan::testing::testing_on_postgres;

namespace {

const char* kFacetVillages[] = {"421022101001", "421022101002", "421022101003", "421002001001",
                                "420102002003", "429004001001", "421022",       "420102002004"};
const char* kFacetNames[] = {"王芳", "王伟", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊"};
const char* kFacetNotes[] = {"电工，持证", "焊工", "想开电工维修店", "", "养殖小龙虾", "电工 焊工"};

class PersonFacetsTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"person_facets_test"};  // first: outlives db
  void SetUp() override {
    core::reset_vocabularies();
    // Three connections: a test may hold one in an open transaction while lists use another.
    db = store::open_db(
        testing_on_postgres() ? PostgresServer::shared().create_database() : tmp.url(), 3);
    store::migrate(*db);
    // Every search answer is kept in memory, so each comparison below also checks that kept
    // answers are brought up to date (service/person_search_hits).
    db->attachment<PersonSearchHits>().set_limits(1, 1'000'000);
    for (int i = 0; i < 80; ++i) add(i);
    // Two case workers, and people nobody is assigned to.
    for (const char* name : {"worker_a", "worker_b"}) {
      exec(std::string("INSERT INTO app_user (username, display_name, password_hash, region_code, "
                       "password_changed_at, created_at) VALUES ('") +
           name + "', '专员', 'x', '421000', '2026-01-01', '2026-01-01')");
    }
    auto c = db->acquire();
    worker_a = store::query_int(*c, "SELECT id FROM app_user WHERE username = 'worker_a'");
    worker_b = store::query_int(*c, "SELECT id FROM app_user WHERE username = 'worker_b'");
    store::exec(*c, "UPDATE person SET case_worker_id = $1 WHERE id % 3 = 1", {worker_a});
    store::exec(*c, "UPDATE person SET case_worker_id = $1 WHERE id % 5 = 2", {worker_b});
  }
  void TearDown() override { core::reset_vocabularies(); }

  // A person whose every listed field varies with i (some fields left empty).
  int64_t add(int i) {
    auto c = db->acquire();
    store::Tx tx(*c);
    const auto& statuses = core::person_statuses();
    const auto& stages = core::funnel_stages();
    const auto& sources = core::data_sources();
    const auto& helps = core::help_kinds();
    core::Terms brands = core::labour_brands();
    PersonValues v;
    v["name"] = std::string(kFacetNames[i % 8]);
    v["region_code"] = std::string(kFacetVillages[(i * 5) % 8]);
    v["status"] = statuses[i % statuses.size()].key;
    v["funnel_stage"] = stages[(i / 2) % stages.size()].key;
    if (i % 3 != 0) {
      v["help_wanted"] = helps[i % helps.size()].key + (i % 4 == 0 ? ",loan" : "");
    }
    if (i % 4 != 1) v["labour_brand"] = (*brands)[i % brands->size()].key;
    if (std::string(kFacetNotes[i % 6]).size()) v["skills_note"] = std::string(kFacetNotes[i % 6]);
    if (i % 7 != 3) {
      auto pad = [](int n, size_t width) {
        std::string digits = std::to_string(n);
        return std::string(width - std::min(width, digits.size()), '0') + digits;
      };
      std::string first17 = "421022" + pad(1960 + (i * 7) % 45, 4) + pad(1 + i % 12, 2) +
                            pad(1 + i % 28, 2) + pad(i % 1000, 3);
      v["id_number"] = core::complete_id_number(first17);
    }
    Provenance prov{sources[i % sources.size()].key, "", std::nullopt};
    std::optional<int64_t> by = i % 5 == 0 ? std::optional<int64_t>(7) : std::nullopt;
    int64_t id = create_person(*c, Actor::system("test"), by, v, prov);
    tx.commit();
    return id;
  }

  void exec(const std::string& sql) { store::exec(*db->acquire(), sql); }
  bool sqlite() const { return db->kind() == "sqlite"; }

  // The search expression of `q` as PersonSearchHits takes it on this database.
  std::string match_of(const std::string& q) const {
    auto terms = text::query_terms(q);
    return sqlite() ? text::fts5_match(terms) : text::tsquery(terms);
  }
  // The ids matching `q` straight from the database's full-text index, highest first.
  std::vector<int64_t> indexed(store::Conn& c, const std::string& q) const {
    std::vector<int64_t> ids;
    c.first_column_int64(sqlite() ? "SELECT rowid FROM person_fts WHERE person_fts MATCH $1 "
                                    "ORDER BY rowid DESC"
                                  : "SELECT id FROM person WHERE search_vector @@ "
                                    "to_tsquery('simple', $1) ORDER BY id DESC",
                         {match_of(q)}, ids);
    return ids;
  }

  static Principal principal(std::string region, std::vector<ScopeGrant> scopes) {
    Principal p;
    p.user_id = 7;
    p.region_code = std::move(region);
    p.permissions = {"person:read"};
    p.scopes = std::move(scopes);
    return p;
  }

  // Every query below, for every account below, both ways.
  void expect_facets_agree() {
    std::vector<std::pair<std::string, Principal>> accounts = {
        {"province", principal("420000", {{"all", {}}})},
        {"county", principal("421022", {{"own_region_down", {}}})},
        {"own records", principal("421002", {{"own_region", {}}, {"own_records", {}}})},
        {"regions", principal("421000", {{"regions", {"421022101", "420102"}}})},
        {"other regions", principal("421000", {{"regions", {"421002", "429004"}}})},
    };
    std::vector<std::pair<std::string, PersonQuery>> queries;
    auto query = [&](std::string name, auto set) {
      PersonQuery q;
      q.limit = 7;
      set(q);
      queries.emplace_back(std::move(name), q);
    };
    query("all", [](PersonQuery&) {});
    query("电工", [](PersonQuery& q) { q.q = "电工"; });
    query("王", [](PersonQuery& q) { q.q = "王"; });
    query("电工 in 公安县", [](PersonQuery& q) {
      q.q = "电工";
      q.region = "421022";
    });
    query("荆州市 returned", [](PersonQuery& q) {
      q.region = "421000";
      q.status = "returned";
    });
    query("contacted", [](PersonQuery& q) { q.funnel_stage = "contacted"; });
    query("loan", [](PersonQuery& q) { q.help = "loan"; });
    query("brand", [](PersonQuery& q) { q.labour_brand = (*core::labour_brands())[2].key; });
    query("survey", [](PersonQuery& q) { q.source = "survey"; });
    query("30 and over", [](PersonQuery& q) { q.age_min = 30; });
    query("40 and under", [](PersonQuery& q) { q.age_max = 40; });
    query("电工 25-45", [](PersonQuery& q) {
      q.q = "电工";
      q.age_min = 25;
      q.age_max = 45;
    });
    query("village", [](PersonQuery& q) { q.region = "421022101001"; });
    query("worker a", [&](PersonQuery& q) { q.case_worker = std::to_string(worker_a); });
    query("worker b returned", [&](PersonQuery& q) {
      q.case_worker = std::to_string(worker_b);
      q.status = "returned";
    });
    query("nobody assigned", [](PersonQuery& q) { q.case_worker = "none"; });
    query("an id past 32 bits", [](PersonQuery& q) { q.case_worker = "4294967297"; });
    query("page 2", [](PersonQuery& q) { q.offset = 7; });
    query("past the end", [](PersonQuery& q) { q.offset = 1000; });
    query("county page 2 by tally", [](PersonQuery& q) {
      q.region = "421022";
      q.offset = 7;
    });
    for (const auto& [who, p] : accounts) {
      for (const auto& [what, q] : queries) {
        SCOPED_TRACE(who + " / " + what);
        if (!q.region.empty() && !scope_reaches(p, q.region)) {
          // A filter on a region the account sees nothing of is refused (403), both ways.
          EXPECT_THROW(list_people(*db, p, q, ListPlan::sql), http::ApiError);
          EXPECT_THROW(list_people(*db, p, q, ListPlan::best), http::ApiError);
          ++refused;
          continue;
        }
        nlohmann::json best, sql;
        try {
          sql = list_people(*db, p, q, ListPlan::sql);
        } catch (const std::exception& e) {
          EXPECT_THROW(list_people(*db, p, q, ListPlan::best), std::exception);
          continue;
        }
        best = list_people(*db, p, q, ListPlan::best);
        EXPECT_EQ(best["total"], sql["total"]);
        EXPECT_EQ(best["by_region"], sql["by_region"]);
        auto ids = [](const nlohmann::json& list) {
          std::vector<int64_t> out;
          for (const auto& item : list["items"]) out.push_back(item["id"]);
          return out;
        };
        EXPECT_EQ(ids(best), ids(sql));
        ++compared;
      }
      // Statistics: accounts that see part of a subtree count from the facets too.
      for (const char* region : {"420000", "421000", "421022", "421022101"}) {
        SCOPED_TRACE(who + " / stats of " + region);
        if (!scope_reaches(p, region)) {
          EXPECT_THROW(people_stats(*db, p, region, ListPlan::best), http::ApiError);
          continue;
        }
        EXPECT_EQ(people_stats(*db, p, region, ListPlan::best),
                  people_stats(*db, p, region, ListPlan::sql));
      }
    }
  }

  std::unique_ptr<store::Db> db;
  int64_t worker_a = 0, worker_b = 0;
  int compared = 0;
  int refused = 0;
};

TEST_F(PersonFacetsTest, ListsAgreeWithTheDatabase) {
  expect_facets_agree();
  // The data set is not degenerate: the lists compared have people in them.
  PersonQuery q;
  q.q = "电工";
  auto all = list_people(*db, principal("420000", {{"all", {}}}), q);
  EXPECT_GT(all["total"].get<int>(), 10);
  // "other regions" (421002, 429004) is refused the three filters on 公安县 and below.
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(compared, 5 * 20 - 3);
  EXPECT_GE(db->attachment<PersonSearchHits>().kept(), 3u);  // 电工, 王, 电工 in a county
  // The lists' region tables are kept per shape (region, filter, the account's grants), so the
  // accounts above, asking the same questions with different grants, were told apart by them.
  EXPECT_GE(db->attachment<RegionBucketCache>().kept(), 8u);
}

TEST_F(PersonFacetsTest, EditsByAnyWriterReachTheFacets) {
  expect_facets_agree();  // loads the facets
  // Writes the API makes, and writes another process could make straight in SQL.
  {
    auto c = db->acquire();
    store::Tx tx(*c);
    auto before = *store::find_person(*c, 5);
    change_person(*c, Actor::system("test"), std::nullopt, before,
                  {{"region_code", std::string("420102002003")}, {"status", std::string("away")}},
                  Provenance{});
    tx.commit();
  }
  exec("UPDATE person SET help_wanted = 'loan,site' WHERE id IN (1, 2, 3)");
  exec("UPDATE person SET merged_into = 9 WHERE id IN (10, 11)");
  exec("UPDATE person SET labour_brand = NULL, source = 'survey' WHERE id = 12");
  // Case workers assigned, changed and taken away (the person file's case team does this).
  exec("UPDATE person SET case_worker_id = " + std::to_string(worker_b) + " WHERE id IN (1, 3, 6)");
  exec("UPDATE person SET case_worker_id = NULL WHERE id IN (4, 7)");
  for (int i = 80; i < 90; ++i) add(i);
  expect_facets_agree();
  // A village no one lived in before, after every list's region table was kept.
  exec("UPDATE person SET region_code = '420102002005' WHERE id IN (13, 14)");
  expect_facets_agree();
  // What a person is found by changes: kept search answers must follow.
  for (auto [id, note] :
       {std::pair<int64_t, const char*>{4, "电工 焊工"}, {1, "养殖"}, {3, "焊工"}}) {
    auto c = db->acquire();
    store::Tx tx(*c);
    auto before = *store::find_person(*c, id);
    change_person(*c, Actor::system("test"), std::nullopt, before,
                  {{"skills_note", std::string(note)}, {"name", std::string("王小电")}},
                  Provenance{});
    tx.commit();
  }
  expect_facets_agree();
  // A merge undone brings the person back.
  exec("UPDATE person SET merged_into = NULL WHERE id = 10");
  expect_facets_agree();
}

TEST_F(PersonFacetsTest, ALostLogMeansAFullReload) {
  expect_facets_agree();
  exec("UPDATE person SET status = 'away', region_code = '429004001001' WHERE id IN (20, 21, 22)");
  // The pruning trigger keeps only the newest entries: a reader that fell behind them must not
  // read the few left as if they were all. (PostgreSQL's pruning records how far it went.)
  exec("DELETE FROM person_change WHERE seq < (SELECT MAX(seq) FROM person_change)");
  if (!sqlite()) exec("UPDATE person_change_horizon SET xid = pg_current_xact_id()");
  expect_facets_agree();
}

TEST_F(PersonFacetsTest, AChangeCommittedAfterALaterOneStillArrives) {
  if (sqlite()) GTEST_SKIP() << "one writer at a time: the log's order is commit order";
  expect_facets_agree();  // loads the facets and keeps the search answers
  // One transaction logs person 30's change first and commits last: sequence order is not
  // commit order on PostgreSQL.
  auto slow = db->acquire();
  store::Tx tx(*slow);
  store::exec(*slow,
              "UPDATE person SET status = 'away', region_code = '429004001001', skills_note = "
              "'电工' WHERE id = 30");
  exec("UPDATE person SET status = 'away', skills_note = '电工' WHERE id = 31");
  expect_facets_agree();  // reads the log past 31's entry while 30's is not visible yet
  tx.commit();
  expect_facets_agree();  // 30's change arrives all the same
  auto c = db->acquire();
  auto dian = indexed(*c, "电工");
  EXPECT_NE(std::find(dian.begin(), dian.end(), 30), dian.end());
  EXPECT_EQ(*db->attachment<PersonSearchHits>().find(*c, match_of("电工")), dian);
}

TEST_F(PersonFacetsTest, AKeptAnswerFollowsOnePersonLeavingItAsAnotherJoins) {
  auto& hits = db->attachment<PersonSearchHits>();
  auto c = db->acquire();
  auto zhao = indexed(*c, "赵磊");
  ASSERT_GT(zhao.size(), 2u);
  EXPECT_EQ(*hits.find(*c, match_of("赵磊")), zhao);  // kept
  // Between two uses, one 赵磊 is renamed and someone else takes the name: as many people
  // match as before, but not the same ones.
  auto set = [&](int64_t id, const char* field, const char* value) {
    store::Tx tx(*c);
    auto before = *store::find_person(*c, id);
    change_person(*c, Actor::system("test"), std::nullopt, before, {{field, std::string(value)}},
                  Provenance{});
    tx.commit();
  };
  int64_t other = zhao.front() - 1;
  ASSERT_EQ(std::find(zhao.begin(), zhao.end(), other), zhao.end());
  set(zhao[1], "name", "孙悟");
  set(other, "name", "赵磊");
  auto now = indexed(*c, "赵磊");
  ASSERT_EQ(now.size(), zhao.size());
  EXPECT_EQ(*hits.find(*c, match_of("赵磊")), now);
  // A change the log carries that leaves the answer as it was.
  auto seq = [&] { return store::query_int(*c, "SELECT COUNT(*) FROM person_change"); };
  int64_t logged = seq();
  set(zhao[2], "status", "left_again");
  ASSERT_GT(seq(), logged);
  EXPECT_EQ(*hits.find(*c, match_of("赵磊")), now);
}

TEST_F(PersonFacetsTest, KeptSearchAnswersStayWithinTheirBudget) {
  auto& hits = db->attachment<PersonSearchHits>();
  auto c = db->acquire();
  size_t wang = indexed(*c, "王").size(), dian = indexed(*c, "电工").size();
  ASSERT_GT(wang, 5u);
  ASSERT_GT(dian, 5u);
  // Room for the larger of the two answers only: the older one goes.
  hits.set_limits(1, std::max(wang, dian));
  EXPECT_EQ(*hits.find(*c, match_of("王")), indexed(*c, "王"));
  EXPECT_EQ(hits.kept(), 1u);
  EXPECT_EQ(*hits.find(*c, match_of("电工")), indexed(*c, "电工"));
  EXPECT_EQ(hits.kept(), 1u);
  // Answers below the threshold are not kept, and still right.
  hits.set_limits(1000, 1'000'000);
  EXPECT_EQ(*hits.find(*c, match_of("焊工")), indexed(*c, "焊工"));
  EXPECT_EQ(hits.kept(), 1u);
}

// By default an answer is kept where working it out again costs the database more than about a
// millisecond: a few hundred hits on PostgreSQL (its GIN match reads every hit's row), but on
// SQLite only thousands (FTS5 reads rowids from its index).
TEST_F(PersonFacetsTest, ByDefaultTheKeptAnswersAreThoseCostlyOnTheDatabase) {
  for (int i = 80; i < 80 + 8 * 200; i += 8) add(i);  // 200 more people named 王芳
  auto& hits = db->attachment<PersonSearchHits>();
  hits.set_limits(0, 1'000'000);
  auto c = db->acquire();
  auto few = indexed(*c, "焊工"), wang = indexed(*c, "王芳");
  ASSERT_LT(few.size(), 100u);
  ASSERT_GE(wang.size(), 200u);
  ASSERT_LT(wang.size(), 2000u);
  EXPECT_EQ(*hits.find(*c, match_of("焊工")), few);
  EXPECT_EQ(hits.kept(), 0u);
  EXPECT_EQ(*hits.find(*c, match_of("王芳")), wang);
  EXPECT_EQ(hits.kept(), sqlite() ? 0u : 1u);
}

TEST_F(PersonFacetsTest, TheLogKeepsTheNewestEntriesOnly) {
  exec("DELETE FROM person_change");
  exec("INSERT INTO person_change (seq, person_id) VALUES (199999, 1)");
  exec("INSERT INTO person_change (seq, person_id) VALUES (399999, 1)");
  if (sqlite()) {
    exec("INSERT INTO person_change (person_id) VALUES (2)");  // seq 400000: prunes ≤ 200000
  } else {
    // PostgreSQL logs (and prunes) from the person trigger; the entry 200,000 back is 199999's
    // transaction, finished: it and everything older go, and the horizon says so.
    exec("SELECT setval(pg_get_serial_sequence('person_change', 'seq'), 399999)");
    exec("UPDATE person SET status = 'away' WHERE id = 2");  // seq 400000
  }
  auto c = db->acquire();
  EXPECT_EQ(store::query_int(*c, "SELECT COUNT(*) FROM person_change"), 2);
  EXPECT_EQ(store::query_int(*c, "SELECT MIN(seq) FROM person_change"), 399999);
  if (!sqlite()) {
    EXPECT_EQ(store::query_int(*c,
                               "SELECT COUNT(*) FROM person_change_horizon h JOIN "
                               "person_change p ON p.xid > h.xid AND h.xid > '0'"),
              2);
  }
}

}  // namespace
