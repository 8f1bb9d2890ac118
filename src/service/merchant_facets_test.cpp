// The merchant library's in-memory index must give exactly what the database alone gives: every
// list, classification and freshness view below is worked out both ways (ListPlan::best and
// ListPlan::sql) and compared, before and after edits the change log has to carry, and after the
// log lost entries (a full reload). So must the ranking of merchants for an offered project.
#include "service/merchant_facets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/clock.h"
#include "core/merchant_vocabulary.h"
#include "service/data_scope.h"
#include "service/merchant_query.h"
#include "service/merchant_write.h"
#include "service/project_offer.h"
#include "store/migrations.h"
#include "store/temp_database.h"

using namespace guiyan;
using namespace guiyan::service;

namespace {

const char* kPlaces[] = {"421022101001", "421022101002", "421022",    "421002001001",
                         "420102002003", "429004001001", "421022101", "420102002004"};
const char* kNames[] = {"王明", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "王芳"};
const char* kIndustries[] = {"39", "36", "C", "65", "I", "", "51", "01"};
const char* kIntents[] = {"39", "C", "36,65", "", "C,I", "51", "01", "I"};
const char* kIntentRegions[] = {"421022", "", "420000", "421000,420100", "", "421022101", "", ""};

class MerchantFacetsTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"merchant_facets_test"};  // first: outlives db
  void SetUp() override {
    db = store::open_db(tmp.url(), 2);
    store::migrate(*db);
    // Accounts 7 (the test's own) and 8, case workers of some records.
    for (int id : {7, 8}) {
      store::exec(
          *db->acquire(),
          "INSERT INTO app_user (id, username, display_name, password_hash, region_code, "
          "password_changed_at, created_at) VALUES ($1, $2, $3, 'x', '421022', 'now', 'now')",
          {int64_t{id}, "u" + std::to_string(id), "专员" + std::to_string(id)});
    }
    for (int i = 0; i < 80; ++i) add(i);
    // Offered projects in a county (a division), a city (a section), a village and elsewhere.
    const char* offers[][3] = {{"421022", "36", "5000"},
                               {"421000", "C", "20000"},
                               {"421022101001", "51", "800"},
                               {"420102", "I", "3000"}};
    for (const auto& o : offers) {
      store::exec(*db->acquire(),
                  "INSERT INTO project_offer (name, region_code, industry, amount_wan, status, "
                  "created_at, updated_at) VALUES ('招商项目', $1, $2, $3, 'open', 'now', 'now')",
                  {std::string(o[0]), std::string(o[1]), int64_t{std::stoll(o[2])}});
    }
  }

  // A merchant whose every counted field varies with i (some left empty).
  int64_t add(int i) {
    auto c = db->acquire();
    store::Tx tx(*c);
    MerchantValues v;
    v["name"] = std::string(kNames[i % 8]);
    if (i % 3 != 0) v["enterprise_name"] = kNames[(i + 3) % 8] + std::string("明辉科技有限公司");
    v["hometown_code"] = std::string(kPlaces[(i * 5) % 8]);
    if (std::string(kIndustries[i % 8]).size()) v["industry"] = std::string(kIndustries[i % 8]);
    v["intention_strength"] = core::intention_strengths()[i % 4].key;
    if (i % 4 != 1) v["enterprise_size"] = core::enterprise_sizes()[i % 4].key;
    if (i % 5 != 2) v["operating_status"] = core::operating_statuses()[i % 4].key;
    if (i % 2) v["influence"] = core::influence_levels()[i % 4].key;
    v["categories"] = core::merchant_categories()[i % 5].key +
                      (i % 3 == 0 ? "," + core::merchant_categories()[(i + 1) % 5].key : "");
    if (i % 6 == 0) v["tags"] = std::string("ambassador");
    if (*kIntents[(i * 3) % 8]) v["intention_industries"] = std::string(kIntents[(i * 3) % 8]);
    if (*kIntentRegions[i % 8]) v["intention_regions"] = std::string(kIntentRegions[i % 8]);
    if (i % 3 == 1) v["intention_min_wan"] = int64_t{500 * (i % 7)};
    if (i % 4 == 1) v["intention_max_wan"] = int64_t{3000 + 1000 * (i % 5)};
    if (i % 3 != 2) v["case_worker_id"] = int64_t{7 + i % 2};
    int64_t by = i % 5 == 0 ? 7 : 8;
    int64_t id = create_merchant(*c, Actor::system("test"), by, v, core::today_local());
    // Verification dates on both sides of the cycles' starts, and never.
    const char* dates[] = {"2020-01-01", "", nullptr, "2026-01-05", nullptr};
    if (const char* d = dates[i % 5]) {
      store::exec(*c, "UPDATE merchant SET verified_on = $1 WHERE id = $2",
                  {*d ? store::Value{std::string(d)} : store::Value{store::Null{}}, id});
    }
    if (i % 7 == 3) contact(*c, id);
    tx.commit();
    return id;
  }

  // Logs a call with merchant `id`.
  static void contact(store::Conn& c, int64_t id) {
    store::exec(
        c,
        "INSERT INTO merchant_contact (merchant_id, kind, contacted_on, result, created_at) "
        "VALUES ($1, 'call', '2026-03-01', '已联系', 'now')",
        {id});
  }

  void exec(const std::string& sql) { store::exec(*db->acquire(), sql); }

  static Principal principal(std::string region, std::vector<ScopeGrant> scopes) {
    Principal p;
    p.user_id = 7;
    p.region_code = std::move(region);
    p.permissions = {"merchant:read"};
    p.scopes = std::move(scopes);
    return p;
  }

  // Every query below, for every account below, in every view, both ways.
  void expect_index_agrees() {
    std::vector<std::pair<std::string, Principal>> accounts = {
        {"province", principal("420000", {{"all", {}}})},
        {"county", principal("421022", {{"own_region_down", {}}})},
        {"own records", principal("421002", {{"own_region", {}}, {"own_records", {}}})},
        {"regions", principal("421000", {{"regions", {"421022101", "420102"}}})},
    };
    std::vector<std::pair<std::string, MerchantQuery>> queries;
    auto query = [&](std::string name, auto set) {
      MerchantQuery q;
      q.limit = 7;
      set(q);
      queries.emplace_back(std::move(name), q);
    };
    query("all", [](MerchantQuery&) {});
    query("明辉", [](MerchantQuery& q) { q.q = "明辉"; });
    query("王 in 公安县", [](MerchantQuery& q) {
      q.q = "王";
      q.region = "421022";
    });
    query("荆州市 strong", [](MerchantQuery& q) {
      q.region = "421000";
      q.strength = "strong";
    });
    query("section C", [](MerchantQuery& q) { q.industry = "C"; });
    query("division 39", [](MerchantQuery& q) { q.industry = "39"; });
    query("medium operating", [](MerchantQuery& q) {
      q.size = "medium";
      q.operating_status = "operating";
    });
    query("influence", [](MerchantQuery& q) { q.influence = "provincial"; });
    query("alumni", [](MerchantQuery& q) { q.category = "alumnus"; });
    query("ambassadors", [](MerchantQuery& q) { q.tag = "ambassador"; });
    query("worker 8", [](MerchantQuery& q) { q.case_worker = "8"; });
    query("nobody's", [](MerchantQuery& q) { q.case_worker = "none"; });
    query("stale this quarter", [](MerchantQuery& q) { q.stale = true; });
    query("stale this year in 101", [](MerchantQuery& q) {
      q.stale = true;
      q.cycle = "year";
      q.region = "421022101";
    });
    query("at 公安县 itself", [](MerchantQuery& q) {
      q.region = "421022";
      q.region_exact = true;
    });
    query("page 2", [](MerchantQuery& q) { q.offset = 7; });
    query("past the end", [](MerchantQuery& q) { q.offset = 1000; });
    for (const auto& [who, p] : accounts) {
      for (const auto& [what, q] : queries) {
        SCOPED_TRACE(who + " / " + what);
        auto ids = [](const nlohmann::json& list) {
          std::vector<int64_t> out;
          for (const auto& item : list["items"]) out.push_back(item["id"]);
          return out;
        };
        auto sql = list_merchants(*db, p, q, ListPlan::sql);
        auto best = list_merchants(*db, p, q, ListPlan::best);
        EXPECT_EQ(best["total"], sql["total"]);
        EXPECT_EQ(best["by_region"], sql["by_region"]);
        EXPECT_EQ(ids(best), ids(sql));
        for (const char* by : {"region", "industry", "intention"}) {
          EXPECT_EQ(merchant_classification(*db, p, by, q, ListPlan::best),
                    merchant_classification(*db, p, by, q, ListPlan::sql))
              << by;
        }
        EXPECT_EQ(merchant_freshness(*db, p, q, ListPlan::best),
                  merchant_freshness(*db, p, q, ListPlan::sql));
        ++compared;
      }
      Principal reader = p;
      reader.permissions.insert("project:read");
      for (int64_t offer = 1; offer <= 4; ++offer) {
        SCOPED_TRACE(who + " / offer " + std::to_string(offer));
        auto c = db->acquire();
        auto region =
            store::query_one(*c, "SELECT region_code FROM project_offer WHERE id = $1", {offer})
                ->text(0);
        c.reset();
        if (!in_scope(reader, region)) continue;  // the offer itself is not visible
        auto sql = offer_matches(*db, reader, offer, 100, ListPlan::sql);
        EXPECT_EQ(offer_matches(*db, reader, offer, 100, ListPlan::best), sql);
        matched += sql["items"].size();
      }
    }
  }

  std::unique_ptr<store::Db> db;
  int compared = 0;
  size_t matched = 0;
};

TEST_F(MerchantFacetsTest, EveryViewAgreesWithTheDatabase) {
  expect_index_agrees();
  EXPECT_EQ(compared, 4 * 17);
  // The data set is not degenerate: the views compared have records and stale ones in them.
  auto p = principal("420000", {{"all", {}}});
  MerchantQuery q;
  q.q = "明辉";
  EXPECT_GT(list_merchants(*db, p, q)["total"].get<int>(), 20);
  auto fresh = merchant_freshness(*db, p, MerchantQuery{});
  EXPECT_GT(fresh["total"]["stale"].get<int>(), 10);
  EXPECT_GT(fresh["total"]["verified"].get<int>(), 10);
  EXPECT_GT(matched, 100u);
}

TEST_F(MerchantFacetsTest, EditsByAnyWriterReachTheIndex) {
  expect_index_agrees();  // loads the index
  {
    auto c = db->acquire();
    store::Tx tx(*c);
    auto before = *store::find_merchant(*c, 5);
    change_merchant(*c, Actor::system("test"), 7, before,
                    {{"hometown_code", std::string("420102002003")},
                     {"industry", std::string("65")},
                     {"verified_on", std::string("2019-02-02")}},
                    core::today_local());
    tx.commit();
  }
  exec("UPDATE merchant SET intention_strength = 'none', tags = 'ambassador' WHERE id IN (1, 2)");
  exec("UPDATE merchant SET case_worker_id = NULL, verified_on = NULL WHERE id = 3");
  exec("UPDATE merchant SET categories = 'overseas', influence = NULL WHERE id = 4");
  exec("DELETE FROM merchant_intention WHERE merchant_id = 6");
  exec("DELETE FROM merchant WHERE id = 6");
  exec(
      "UPDATE merchant SET intention_industries = '36', intention_regions = '421022' WHERE id = 7");
  exec("UPDATE merchant SET intention_min_wan = 4000, intention_max_wan = 6000 WHERE id = 8");
  exec("DELETE FROM merchant_contact WHERE merchant_id = 10");
  for (int64_t id : {11, 12, 12}) contact(*db->acquire(), id);
  for (int i = 80; i < 90; ++i) add(i);
  expect_index_agrees();
}

TEST_F(MerchantFacetsTest, ALostLogMeansAFullReload) {
  expect_index_agrees();
  exec(
      "UPDATE merchant SET hometown_code = '429004001001', intention_strength = 'strong' "
      "WHERE id IN (20, 21, 22)");
  exec("DELETE FROM merchant_change WHERE seq < (SELECT MAX(seq) FROM merchant_change)");
  expect_index_agrees();
}

TEST_F(MerchantFacetsTest, TheLogKeepsTheNewestEntriesOnly) {
  exec("DELETE FROM merchant_change");
  exec("INSERT INTO merchant_change (seq, merchant_id) VALUES (199999, 1)");
  exec("INSERT INTO merchant_change (seq, merchant_id) VALUES (399999, 1)");
  exec("INSERT INTO merchant_change (merchant_id) VALUES (2)");  // seq 400000: prunes ≤ 200000
  auto c = db->acquire();
  EXPECT_EQ(store::query_int(*c, "SELECT COUNT(*) FROM merchant_change"), 2);
  EXPECT_EQ(store::query_int(*c, "SELECT MIN(seq) FROM merchant_change"), 399999);
}

}  // namespace
