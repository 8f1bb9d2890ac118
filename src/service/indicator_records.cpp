#include "service/indicator_records.h"

#include <vector>

namespace guiyan::service {
namespace {

// A person's listed fields changed (region, status, merge …: updated_at moves), or a status entry
// was added.
constexpr const char* kPersonChanged = "SELECT MAX(updated_at) FROM person";
constexpr const char* kHistoryAdded = "SELECT MAX(id) FROM person_status_history";
// A person moved to another region, merged, unmerged or deleted (migration 028): what counts of
// their history and service rows by region depend on, unlike most person edits.
constexpr const char* kPersonPlaced = "SELECT MAX(seq) FROM person_placement";

std::vector<IndicatorRecordSet> make_record_sets() {
  std::vector<IndicatorRecordSet> s;
  s.push_back(
      {"ventures",
       "返乡创业主体",
       "venture v",
       "1=1",
       "v.region_code",
       {{"registered_on", "v.registered_on"}},
       {{"type", "v.type"}, {"status", "v.status"}, {"first_registration", "v.first_registration"}},
       "v.id",
       "v.id",
       "v.name",
       "/ventures?id={id}",
       false,
       {"SELECT MAX(updated_at) FROM venture", "SELECT MAX(id) FROM venture"}});
  // The out-of-province migrant workers on a date: people working outside Hubei whose status on
  // that date (the last status history entry on or before it) was away or left again.
  s.push_back({"migrant_workers",
               "省外务工人员",
               "person p",
               "p.merged_into IS NULL AND p.work_province IS NOT NULL AND p.work_province <> '' "
               "AND p.work_province NOT LIKE '湖北%' AND (SELECT h.status FROM "
               "person_status_history h WHERE h.person_id = p.id AND h.since <= {as_of} ORDER BY "
               "h.since DESC, h.id DESC LIMIT 1) IN ('away', 'left_again')",
               "p.region_code",
               {},
               {{"work_province", "p.work_province"}},
               "p.id",
               "p.id",
               "p.name",
               "/people/{id}",
               true,
               {kPersonChanged, kHistoryAdded}});
  // Every stage a project entered, dated, with the project's amount and region copied.
  s.push_back({"project_stages",
               "招商项目",
               "project_stage e JOIN project pr ON pr.id = e.project_id",
               "1=1",
               "e.region_code",
               {{"entered_on", "e.entered_on"}},
               {{"stage", "e.stage"}, {"amount_wan", "e.amount_wan"}},
               "e.project_id",
               "e.project_id",
               "pr.name",
               "/projects/{id}",
               false,
               {"SELECT MAX(id) FROM project_stage", "SELECT MAX(updated_at) FROM project"}});
  s.push_back({"project_funding",
               "项目到资",
               "project_funding f JOIN project pr ON pr.id = f.project_id",
               "1=1",
               "pr.region_code",
               {{"arrived_on", "f.arrived_on"}},
               {{"amount_wan", "f.amount_wan"}},
               "f.project_id",
               "f.project_id",
               "pr.name",
               "/projects/{id}",
               false,
               {"SELECT COUNT(*) || '/' || MAX(id) || '/' || SUM(amount_wan) FROM project_funding",
                "SELECT MAX(updated_at) FROM project"}});
  // Counted by the loan's own region: the borrower (joined for the name only) changing does not
  // change the figures.
  s.push_back({"loans",
               "创业担保贷款",
               "loan l JOIN person lp ON lp.id = l.person_id",
               "1=1",
               "l.region_code",
               {{"contract_on", "l.contract_on"}},
               {{"amount_wan", "(l.amount_yuan / 10000.0)"},
                {"borrower_kind", "l.borrower_kind"},
                {"status", "l.status"}},
               "l.person_id",
               "l.id",
               "lp.name",
               "/loans?id={id}",
               false,
               {"SELECT MAX(updated_at) FROM loan", "SELECT MAX(id) FROM loan"}});
  s.push_back({"status_changes",
               "返乡人员状态变化",
               "person_status_history h JOIN person hp ON hp.id = h.person_id",
               "hp.merged_into IS NULL",
               "hp.region_code",
               {{"since", "h.since"}},
               {{"status", "h.status"}},
               "h.person_id",
               "h.person_id",
               "hp.name",
               "/people/{id}",
               false,
               {kPersonPlaced, kHistoryAdded}});
  s.push_back({"services",
               "返乡人员服务记录",
               "person_service sv JOIN person sp ON sp.id = sv.person_id",
               "sp.merged_into IS NULL",
               "sp.region_code",
               {{"served_on", "sv.served_on"}},
               {{"kind", "sv.kind"}},
               "sv.person_id",
               "sv.person_id",
               "sp.name",
               "/people/{id}",
               false,
               {kPersonPlaced, "SELECT MAX(id) FROM person_service"}});
  s.push_back({"events",
               "活动",
               "event ev",
               "1=1",
               "ev.region_code",
               {{"held_on", "ev.held_on"}},
               {{"level", "ev.level"},
                {"status", "ev.status"},
                {"type", "ev.type"},
                {"festival", "ev.festival"}},
               "ev.id",
               "ev.id",
               "ev.title",
               "/events?id={id}",
               false,
               {"SELECT COUNT(*) || '/' || MAX(updated_at) FROM event"}});
  s.push_back({"ambassadors",
               "招商大使",
               "ambassador a JOIN merchant am ON am.id = a.merchant_id",
               "1=1",
               "a.region_code",
               {{"appointed_on", "a.appointed_on"}},
               {{"status", "a.status"}},
               "a.merchant_id",
               "a.merchant_id",
               "am.name",
               "/merchants/{id}",
               false,
               {"SELECT COUNT(*) || '/' || MAX(updated_at) FROM ambassador",
                "SELECT MAX(updated_at) FROM merchant"}});
  s.push_back({"stations",
               "联络站和服务站",
               "station st",
               "1=1",
               "st.region_code",
               {{"established_on", "st.established_on"}},
               {{"kind", "st.kind"}},
               "st.id",
               "st.id",
               "st.name",
               "/merchants/stations?id={id}",
               false,
               {"SELECT COUNT(*) || '/' || MAX(updated_at) FROM station"}});
  s.push_back({"merchants",
               "楚商楚才",
               "merchant m",
               "1=1",
               "m.hometown_code",
               {{"verified_on", "m.verified_on"}, {"listed_on", "SUBSTR(m.created_at, 1, 10)"}},
               {},
               "m.id",
               "m.id",
               "m.name",
               "/merchants/{id}",
               false,
               {"SELECT MAX(updated_at) FROM merchant", "SELECT MAX(id) FROM merchant"}});
  return s;
}

}  // namespace

const IndicatorRecordSet* find_indicator_record_set(const std::string& key) {
  static const std::vector<IndicatorRecordSet> all = make_record_sets();
  for (const auto& s : all) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

}  // namespace guiyan::service
