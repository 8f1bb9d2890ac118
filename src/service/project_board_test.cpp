// The pipeline board read from the running tally (project_stage_tally, kept by triggers) must
// give exactly what the stage entries give: boards worked out both ways (ListPlan::best and
// ListPlan::sql) and compared for accounts of different reach, regions and years, after moves,
// skipped and unknown dates, drops, amount and region changes, and deleted entries.
#include "service/project_board.h"

#include <gtest/gtest.h>

#include "service/project_service.h"
#include "store/migrations.h"
#include "store/temp_database.h"

using namespace guiyan;
using namespace guiyan::service;

namespace {

const char* kRegions[] = {"421022", "421022101", "421002", "420102", "421000", "429004"};
const char* kStages[] = {"contact", "inspection", "reception", "negotiation", "signed", "landed"};

class ProjectBoardTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"project_board_test"};  // first: outlives db
  void SetUp() override {
    db = store::open_db(tmp.url(), 2);
    store::migrate(*db);
    store::exec(*db->acquire(),
                "INSERT INTO app_user (id, username, display_name, password_hash, region_code, "
                "password_changed_at, created_at) VALUES (7, 'u7', '专员', 'x', '420000', 'now', "
                "'now')");
    for (int i = 0; i < 48; ++i) add(i);
  }

  static Principal principal(std::string region, std::vector<ScopeGrant> scopes) {
    Principal p;
    p.user_id = 7;
    p.username = "u7";
    p.region_code = std::move(region);
    p.permissions = {"project:read", "project:write"};
    p.scopes = std::move(scopes);
    return p;
  }
  Principal writer() const { return principal("420000", {{"all", {}}}); }

  // A project whose region, amount, start and path along the pipeline vary with i.
  void add(int i) {
    nlohmann::json body = {{"name", "项目" + std::to_string(i)},
                           {"region_code", kRegions[i % 6]},
                           {"stage_on", i % 2 ? "2025-03-0" + std::to_string(1 + i % 9)
                                              : "2025-11-1" + std::to_string(i % 9)}};
    if (i % 5 != 4) body["amount_wan"] = i % 3 == 0 ? 12000 + i : 500 * (i + 1);
    int64_t id = create_project_api(*db, writer(), body)["id"];
    // Moves one to six stages on, a month apart, skipping one stage now and then (its date
    // known or not), and dropping every seventh.
    int steps = 1 + i % 6;
    int month = i % 2 ? 4 : 12;
    int year = 2025;
    std::string current = "lead";
    for (int s = 0; s < steps; ++s) {
      std::string on =
          std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-15";
      nlohmann::json move = {{"stage", kStages[s]}, {"on", on}};
      if (s + 1 < steps && i % 4 == 1) {
        move = {{"stage", kStages[s + 1]},
                {"on", on},
                {"dates", {{kStages[s], i % 8 == 1 ? nlohmann::json() : nlohmann::json(on)}}}};
        ++s;
      }
      move_project_api(*db, writer(), id, move);
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
    if (i % 7 == 3) {
      move_project_api(*db, writer(), id,
                       {{"stage", "dropped"}, {"on", "2026-10-01"}, {"reason", "投资方撤回"}});
    }
  }

  void expect_tally_agrees() {
    std::vector<std::pair<std::string, Principal>> accounts = {
        {"province", principal("420000", {{"all", {}}})},
        {"city", principal("421000", {{"own_region_down", {}}})},
        {"county", principal("421022", {{"own_region_down", {}}})},
        {"own records", principal("421002", {{"own_region", {}}, {"own_records", {}}})},
        {"regions", principal("421000", {{"regions", {"421022101", "420102"}}})},
    };
    for (const auto& [who, p] : accounts) {
      for (const char* region : {"", "420000", "421000", "421022", "421022101", "429004"}) {
        for (int year : {2025, 2026}) {
          SCOPED_TRACE(who + " / " + region + " / " + std::to_string(year));
          nlohmann::json sql, best;
          try {
            sql = project_board(*db, p, region, year, ListPlan::sql);
          } catch (const std::exception& e) {
            sql = e.what();
          }
          try {
            best = project_board(*db, p, region, year, ListPlan::best);
          } catch (const std::exception& e) {
            best = e.what();
          }
          EXPECT_EQ(best, sql);
          ++compared;
        }
      }
    }
  }

  int64_t tally_rows() {
    return store::query_int(*db->acquire(), "SELECT COUNT(*) FROM project_stage_tally");
  }

  std::unique_ptr<store::Db> db;
  int compared = 0;
};

TEST_F(ProjectBoardTest, TheTallyGivesWhatTheEntriesGive) {
  expect_tally_agrees();
  EXPECT_EQ(compared, 5 * 6 * 2);
  // Not degenerate: the province's 2025 board has entries in most stages, days and major ones.
  auto board = project_board(*db, principal("420000", {{"all", {}}}), "", 2025);
  int reached = 0, timed = 0;
  for (const auto& s : board["stages"]) {
    reached += s["reached_in_year"].get<int>() > 0;
    timed += s["timed_projects"].get<int>();
  }
  EXPECT_GE(reached, 5);
  EXPECT_GT(timed, 10);
  EXPECT_GT(board["major_signed"]["count"].get<int>(), 0);
}

TEST_F(ProjectBoardTest, ChangesOfAmountRegionAndEntriesReachTheTally) {
  auto w = writer();
  update_project_api(*db, w, 1, {{"amount_wan", 15000}});
  update_project_api(*db, w, 2, {{"region_code", "420102"}});
  update_project_api(*db, w, 3, {{"region_code", "421022101"}, {"amount_wan", nullptr}});
  store::exec(*db->acquire(),
              "UPDATE project_stage SET entered_on = '2026-01-20' WHERE project_id = 4 AND stage = "
              "'contact'");
  store::exec(*db->acquire(), "DELETE FROM project_stage WHERE project_id = 5 AND stage = 'lead'");
  store::exec(*db->acquire(), "DELETE FROM project WHERE id = 6");
  for (int i = 48; i < 54; ++i) add(i);
  expect_tally_agrees();
}

TEST_F(ProjectBoardTest, TheBoardReadsTheTallyWhereItAnswers) {
  // A tally off by 100 shows in the province's and the county's boards, not in a township's
  // (counted from the entries) nor in that of an account seeing part of its region.
  ASSERT_GT(tally_rows(), 0);
  store::exec(*db->acquire(), "UPDATE project_stage_tally SET entries = entries + 100");
  auto province = principal("420000", {{"all", {}}});
  EXPECT_NE(project_board(*db, province, "", 2025),
            project_board(*db, province, "", 2025, ListPlan::sql));
  EXPECT_NE(project_board(*db, province, "421022", 2025),
            project_board(*db, province, "421022", 2025, ListPlan::sql));
  EXPECT_EQ(project_board(*db, province, "421022101", 2025),
            project_board(*db, province, "421022101", 2025, ListPlan::sql));
  auto part = principal("421000", {{"regions", {"421022101", "420102"}}});
  EXPECT_EQ(project_board(*db, part, "", 2025), project_board(*db, part, "", 2025, ListPlan::sql));
}

}  // namespace
