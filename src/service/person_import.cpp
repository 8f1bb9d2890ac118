#include "service/person_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/clock.h"
#include "core/date.h"
#include "core/id_number.h"
#include "core/person_fields.h"
#include "core/phone.h"
#include "core/spring_festival.h"
#include "core/text.h"
#include "core/written_age.h"
#include "io/sheet_reader.h"
#include "service/data_scope.h"
#include "service/import_batch.h"
#include "service/import_rejected.h"
#include "service/import_sheet.h"
#include "service/import_text.h"
#include "service/industry_resolver.h"
#include "service/person_duplicates.h"
#include "service/person_identity.h"
#include "service/person_write.h"
#include "service/region_resolver.h"
#include "service/sheet_headers.h"
#include "service/vocabulary_sync.h"
#include "service/work_place.h"
#include "store/deferred_insert.h"
#include "store/person_repo.h"

namespace guiyan::service {
namespace {

// Said of a mistyped ID number kept as unverified (待核实) on a row that is saved.
constexpr const char* kKeptUnverified = "；已按待核实号码导入，请核对";
// True when a 创业意愿 cell that is neither yes nor no says what the person wants to do (想搞养殖,
// 开网店): Chinese text without a word that denies or doubts it (不, 没, 无, 未, 暂, 否, 待, 难).
bool said_wanting(const std::string& text) {
  if (text.empty() || static_cast<unsigned char>(text[0]) < 0xE0) return false;
  for (const char* word : {"不", "没", "无", "未", "暂", "否", "待", "难", "？", "?"}) {
    if (text.find(word) != std::string::npos) return false;
  }
  return true;
}

// True for the fields whose unreadable value refuses the row: who the person is, where they
// belong, and where they stand (a status guessed wrong would count them wrongly).
bool refuses_row(const std::string& field) {
  static const std::set<std::string> fields = {"name",        "id_number", "phone",       "phone2",
                                               "region_code", "status",    "funnel_stage"};
  return fields.count(field) > 0;
}

// The field of a yes/no need column is this and the help kind's key (help_answer_field).
constexpr std::string_view kHelpAnswer = "help_answer:";

// Header words offices use, beyond each field's own label.
const std::map<std::string, std::string>& header_words() {
  static const std::map<std::string, std::string> m = {
      {"身份证", "id_number"},
      {"身份证号码", "id_number"},
      {"公民身份号码", "id_number"},
      {"证件号码", "id_number"},
      {"身份证号", "id_number"},
      {"手机号", "phone"},
      {"手机号码", "phone"},
      {"电话", "phone"},
      {"联系方式", "phone"},
      {"手机", "phone"},
      {"户籍所在地", "region_code"},
      {"所在村", "region_code"},
      {"村（社区）", "region_code"},
      {"村(社区)", "region_code"},
      {"行政区划", "region_code"},
      {"行政区划代码", "region_code"},
      {"户籍地代码", "region_code"},  // the exported ledger's column (beside the name 户籍地)
      // The place split over columns: 县（市、区） | 乡镇（街道） | 村（社区）.
      {"县", "region_county"},
      {"县市区", "region_county"},
      {"所属县市区", "region_county"},
      {"村", "region_code"},
      {"社区", "region_code"},
      {"村居", "region_code"},
      {"村社区", "region_code"},
      {"乡镇", "region_town"},
      {"镇", "region_town"},
      {"乡镇街道", "region_town"},
      {"所属乡镇", "region_town"},
      {"镇街", "region_town"},
      {"户籍地址", "region_code"},
      {"所属村", "region_code"},
      {"家庭住址", "address"},
      {"家庭地址", "address"},
      {"住址", "address"},
      {"地址", "address"},
      {"务工地", "work_place"},
      {"务工地点", "work_place"},
      {"外出务工地点", "work_place"},
      {"外出地点", "work_place"},
      {"外出务工地", "work_place"},
      {"外出务工地址", "work_place"},
      {"务工地址", "work_place"},
      {"工作单位", "work_employer"},
      {"务工企业", "work_employer"},
      {"就业单位", "work_employer"},
      {"所在单位", "work_employer"},
      {"用工单位", "work_employer"},
      {"学历", "education"},
      {"技能", "skills"},
      {"工种", "skills"},
      {"从事工种", "skills"},
      {"特长", "skills"},
      {"意向", "intention_note"},
      {"创业意向说明", "intention_note"},
      {"创业项目", "intention_note"},
      {"创业行业", "intention_industry"},
      {"意向创业行业", "intention_industry"},
      {"拟创业行业", "intention_industry"},
      {"拟创业项目", "intention_note"},
      {"资金需求", "intention_funding_wan"},
      {"计划投资", "intention_investment_wan"},
      {"投资规模", "intention_investment_wan"},
      {"服务需求", "help_wanted"},
      {"帮扶需求", "help_wanted"},
      {"状态", "status"},
      {"人员状态", "status"},
      {"现状", "status"},
      {"人员现状", "status"},
      {"返乡状态", "status"},
      {"务工状态", "status"},
      {"外出状态", "status"},
      {"有意愿", "willing"},
      {"有能力", "capable"},
      {"有信誉", "creditworthy"},
      {"创业意愿", "willing"},
      {"导师", "mentor_name"},
      {"进度", "funnel_stage"},
      {"性别", "gender"},
      {"出生日期", "birth_date"},
      {"出生年月日", "birth_date"},
      {"出生年月", "birth_month"},  // a year and month, or a date
      {"年龄", "age"},              // checks the ID number, like 出生年月; not kept
      {"周岁", "age"},
      {"实际年龄", "age"},
      {"返乡时间", "returned_on"},
      {"返乡日期", "returned_on"},
      {"回乡时间", "returned_on"},
      {"返乡年月", "returned_on"},
      {"是否返乡", "home_answer"},
      {"是否已返乡", "home_answer"},
      {"已返乡", "home_answer"},
      {"外出时间", "left_on"},
      {"外出日期", "left_on"},
      {"外出务工时间", "left_on"},
      {"外出年月", "left_on"},
      {"序号", "serial"},
      // Columns the exported ledger adds for its readers: known, not read back.
      {"编号", "serial"},
      {"身份证号核验", "serial"},
      {"服务专员", "serial"},
      {"更新时间", "serial"},
      {kRejectedReasonHeader, "serial"},  // a rejected-rows file imported again
  };
  return m;
}

struct RowValues {
  size_t row = 0;
  PersonValues values;
  // 返乡时间 and 外出时间: the days the person came home and left to work away, applied to their
  // status once the record is known (see with_dates).
  std::optional<std::string> returned_on, left_on;
  // 是否返乡: whether the person is home now (see with_home_answer).
  std::optional<bool> home_answer;
  // 培训意愿, 是否需要贷款 …: help kind → wanted, applied to 需求 once the record is known (see
  // with_help_answers).
  std::map<std::string, bool> help_answers;
};

// A date with_dates moved: the field of its column (returned_on, left_on) and why, for the report.
struct DateNote {
  std::string field, text;
};

// A status of someone at home (返乡, 返乡就业, 返乡创业), against 外出 and 再外出.
bool at_home(const std::string& status) {
  return status == "returned" || status == "employed_home" || status == "started_business";
}

// The status a row states, or nullopt.
std::optional<std::string> stated_status(const PersonValues& values) {
  auto s = values.find("status");
  const std::string* text = s == values.end() ? nullptr : std::get_if<std::string>(&s->second);
  return text ? std::optional<std::string>(*text) : std::nullopt;
}

// The status a person holds, as their record and status history give it: the status, the day it
// began, and the status and day of the history entry before it (empty when there is none).
struct HeldStatus {
  std::string status, since, prior_status, prior_since;
};

// The values a row writes once its 返乡时间 and 外出时间 are applied to the person's status
// (`held`, or nullptr for a new person). A status the row states takes the day of its kind:
// 返乡时间 for one at home, 外出时间 for 外出 and 再外出. With no status stated, the later of the
// two days says where the person is now (the same day: at home):
// - 返乡时间: a new person (返乡 by default) or one recorded as 返乡 came home that day; a person
//   recorded away (外出, 再外出, none) is 返乡 since that day; one recorded as working or in
//   business at home keeps the date of that.
// - 外出时间: a new person is 外出 since that day (再外出 when they had come home before); one
//   recorded away has the date of it corrected; one recorded at home is 再外出 since that day when
//   it is after the day the held status began (before it, it is an earlier departure: no change).
// The day keeps the history in order: a status the row changes cannot begin before the held one
// did, a corrected date not before the entry ahead of it; such a day is moved to that entry's,
// and `note` says so.
PersonValues with_dates(const RowValues& rv, const HeldStatus* held, DateNote& note) {
  PersonValues v = rv.values;
  if ((!rv.returned_on && !rv.left_on) || v.count("status_since")) return v;
  auto stated = stated_status(v);
  bool left =
      stated ? !at_home(*stated) : rv.left_on && (!rv.returned_on || *rv.left_on > *rv.returned_on);
  const std::optional<std::string>& day = left ? rv.left_on : rv.returned_on;
  if (!day) return v;
  std::string since = *day;
  // Moves `since` of the status `to` to the day of the history entry it would precede.
  auto in_order = [&](const std::string& to) {
    if (!held) return;
    bool same = to == held->status;
    const std::string& floor = same ? held->prior_since : held->since;
    if (floor.empty() || since >= floor) return;
    note = {
        left ? "left_on" : "returned_on",
        std::string(left ? "外出时间" : "返乡时间") + "早于已记录的“" +
            core::term_label(core::person_statuses(), same ? held->prior_status : held->status) +
            "”开始日期" + floor + "，按" + floor + "记录"};
    since = floor;
  };
  if (stated) {
    in_order(*stated);
  } else if (left) {
    if (!held) {
      v["status"] = std::string(rv.returned_on ? "left_again" : "away");
    } else if (at_home(held->status)) {
      if (since <= held->since) return v;
      v["status"] = std::string("left_again");
    } else {
      in_order(held->status);
    }
  } else if (!held) {
  } else if (!at_home(held->status)) {
    v["status"] = std::string("returned");
    in_order("returned");
  } else if (held->status == "returned") {
    in_order("returned");
  } else {
    return v;
  }
  v["status_since"] = since;
  return v;
}

// The values once the sheet's 是否返乡 (`home`) is applied to a row that states no status and
// gives no 返乡时间 or 外出时间 (those decide the status themselves): a new person who is not home
// is 外出 (one who is home is 返乡, the default); a person recorded away who is home is 返乡 and
// one recorded at home who is not is 再外出, since the day of the import; a record that agrees
// is kept as it is (返乡创业 stays 返乡创业).
PersonValues with_home_answer(PersonValues v, const HeldStatus* held, bool home) {
  if (v.count("status")) return v;
  if (at_home(held ? held->status : "returned") == home) return v;
  v["status"] = std::string(home ? "returned" : held ? "left_again" : "away");
  return v;
}

// The values a row writes once what it says of the person's whereabouts (返乡时间, 外出时间,
// 是否返乡) is applied to `held` (nullptr for a new person): the days first (with_dates), the
// yes/no answer only for a row without them.
PersonValues with_status_answers(const RowValues& rv, const HeldStatus* held, DateNote& note) {
  PersonValues v = with_dates(rv, held, note);
  if (rv.home_answer && !rv.returned_on && !rv.left_on) {
    v = with_home_answer(std::move(v), held, *rv.home_answer);
  }
  return v;
}

// The field of a yes/no column that asks for one help kind ("help_answer:training" for 培训意愿,
// 是否需要贷款, 有无场地需求, 贷款需求（万元）), or "": the kind's label or synonym (as 需求 takes
// them) asked as a question (是否需要, 是否有, 有无 …) or named as a need (…需求, …意愿).
std::string help_answer_field(const std::string& header) {
  std::string h = clean_header(header);
  if (auto bracket = h.find('('); bracket != std::string::npos && bracket > 0) h.resize(bracket);
  bool asked = false;
  for (std::string_view prefix :
       {"是否愿意参加", "是否需要", "是否参加", "是否有", "有无", "是否"}) {
    if (h.size() > prefix.size() && h.starts_with(prefix)) {
      h.erase(0, prefix.size());
      asked = true;
      break;
    }
  }
  for (std::string_view suffix : {"需求", "意愿"}) {
    if (h.size() > suffix.size() && h.ends_with(suffix)) {
      h.resize(h.size() - suffix.size());
      asked = true;
      break;
    }
  }
  auto kind = asked ? core::find_term(core::help_kinds(), h) : std::nullopt;
  return kind ? std::string(kHelpAnswer) + *kind : std::string();
}

// `values` with the row's yes/no need answers (`answers`: help kind → wanted) applied to the 需求
// the row states, or else to the one the person holds (`held`, keys joined by ","; "" for none
// or a new person): a yes adds the kind (in the list's order), a no removes it.
PersonValues with_help_answers(PersonValues values, const std::map<std::string, bool>& answers,
                               const std::string& held) {
  auto stated = values.find("help_wanted");
  std::string base = stated != values.end() && std::holds_alternative<std::string>(stated->second)
                         ? std::get<std::string>(stated->second)
                         : held;
  std::vector<std::string> keys = core::split_items(base, ',');
  for (const auto& term : core::help_kinds()) {
    auto answer = answers.find(term.key);
    if (answer == answers.end()) continue;
    auto at = std::find(keys.begin(), keys.end(), term.key);
    if (answer->second && at == keys.end()) keys.push_back(term.key);
    if (!answer->second && at != keys.end()) keys.erase(at);
  }
  std::string joined;
  for (const auto& k : keys) joined += (joined.empty() ? "" : ",") + k;
  if (joined == base) return values;
  values["help_wanted"] = joined.empty() ? store::Value{store::Null{}} : store::Value{joined};
  return values;
}

// On PostgreSQL a new person's row, and every person's history, provenance and audit rows, wait
// for the end of the batch (the importer flushes them before it reads the registry): each
// statement is a round trip there (20,000 rows: 12.1 → 7.5 s for the side rows). On SQLite a
// statement is a function call and the multi-row form saved nothing (callgrind: 4% more
// instructions), so rows go in at once.
ImportOptions with_deferred_rows(ImportOptions opt, const std::string& db_kind) {
  opt.defer_rows = db_kind != "sqlite";
  return opt;
}

class Importer {
 public:
  Importer(store::Db& db, const Actor& actor, const Principal* by, const ImportOptions& opt)
      : db_(db),
        actor_(actor),
        by_(by),
        opt_(with_deferred_rows(opt, db.kind())),
        today_(core::today_local()),
        conn_(db_.acquire()) {
    sync_vocabularies(*conn_);  // the rows are read with the words the offices use today
    regions_ = std::make_unique<RegionResolver>(*conn_, by_ ? by_->region_code : "");
    industries_ = std::make_unique<IndustryResolver>(*conn_);
    // One connection for the whole import, so the large page cache serves every batch.
    if (!opt_.dry_run) {
      store::set_bulk_cache(*conn_, true);
      store::set_bulk_search_index(*conn_, true);
    }
  }

  ~Importer() {
    try {
      if (!opt_.dry_run) {
        store::set_bulk_search_index(*conn_, false);
        store::set_bulk_cache(*conn_, false);
      }
    } catch (const std::exception&) {
      // The connection is broken anyway; the pool replaces it.
    }
  }

  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // The import's own connection (for the duplicate scan that ends it).
  store::Conn& conn() { return *conn_; }

  // The people the import created or changed, for the duplicate scan that ends it; nullopt
  // once there are so many that the scan reads the whole registry instead.
  std::optional<std::vector<int64_t>> written() const {
    if (written_.size() > kWrittenScanLimit) return std::nullopt;
    return std::vector<int64_t>(written_.begin(), written_.end());
  }

  // Returns false while the header has not been found yet.
  bool header(const io::SheetRow& row) {
    std::vector<std::string> fields;
    int known = 0;
    for (const auto& cell : row.cells) {
      std::string f = field_for_header(cell);
      fields.push_back(f);
      if (!f.empty()) ++known;
    }
    bool has_name = std::find(fields.begin(), fields.end(), "name") != fields.end();
    bool has_region = false;
    for (const char* f : {"region_code", "region_town", "region_county"}) {
      has_region = has_region || std::find(fields.begin(), fields.end(), f) != fields.end();
    }
    if (known < 2 || !has_name) return false;
    // Without a place column, a household's address (家庭住址) gives the place it begins with.
    auto address = std::find(fields.begin(), fields.end(), "address");
    if (!has_region && address == fields.end()) {
      throw io::SheetError("第" + std::to_string(row.number) +
                           "行表头缺少“户籍地”（或“所在村”“行政区划代码”“家庭住址”）列");
    }
    columns_ = fields;
    headers_ = row.cells;
    money_units_ = header_money_units(headers_);
    if (!has_region) {
      region_from_address_ = address - fields.begin();
      summary.issues.push_back({0, headers_[*region_from_address_], "",
                                "表中没有户籍地列，户籍地按此列地址开头的县、乡镇、村（社区）记录",
                                true});
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string h = clean_header(row.cells[i]);
      if (h == "数据来源" || h == "来源") {
        // The exported ledger's column: a file's rows come from the source chosen for it.
        summary.issues.push_back({0, row.cells[i], "", "按本次导入选择的数据来源记录，此列未读取"});
      } else if (fields[i].empty() && !h.empty()) {
        summary.ignored_columns.push_back(row.cells[i]);
      }
    }
    for (auto& issue : read_region_code_column(columns_, headers_, "region_code")) {
      summary.issues.push_back(std::move(issue));
    }
    return true;
  }

  void row(const io::SheetRow& row) {
    ++summary.rows_read;
    RowValues rv{row.number, {}, {}, {}, {}, {}};
    bool bad = false;
    const size_t first_issue = summary.issues.size();
    // Gender and birth date as the sheet states them, with their columns.
    std::vector<std::pair<std::string, size_t>> stated;
    std::optional<size_t> written_month;                // the column of a year and month of birth
    std::optional<std::pair<int, size_t>> written_age;  // 年龄 and its column
    // A 联系电话 cell holding two numbers: the second, and its column, for 备用电话.
    std::optional<std::pair<std::string, size_t>> second_phone;
    // 需求 words outside the list (子女入学), for 其他需求, and the column that held them.
    std::vector<std::string> other_needs;
    size_t needs_column = headers_.size();
    // 技能特长 words outside the dictionary (无人机飞手), for 技能说明, and their column.
    std::vector<std::string> other_skills;
    size_t skills_column = headers_.size();
    // What yes/no need columns (培训意愿 …) say beyond yes or no.
    std::vector<NeedDetail> need_details;
    // Texts for 备注 (a phone's note in brackets: 联系电话：父亲) and for 创业意向说明 (what a
    // 创业意愿 column says beyond yes or no: 想搞养殖), each with its column, added after the row's
    // own 备注 and 创业意向说明 are read.
    std::vector<std::pair<std::string, size_t>> more_notes, more_intention;
    // The place, from one column or from the county's, town's and village's columns.
    struct {
      std::string county, town, village;
      size_t column;
    } region{{}, {}, {}, headers_.size()};
    bool name_refused = false;  // the name cell said why it was refused: no "姓名为空" after it
    auto reject = [&](size_t col, const std::string& value, const std::string& reason) {
      summary.issues.push_back(
          {row.number, col < headers_.size() ? headers_[col] : "", value, reason});
      bad = true;
      name_refused = name_refused || (col < columns_.size() && columns_[col] == "name");
    };
    auto leave_out = [&](size_t col, const std::string& value, const std::string& reason) {
      summary.issues.push_back({row.number, col < headers_.size() ? headers_[col] : "", value,
                                reason + std::string(kCellLeftOut), true});
    };
    for (size_t i = 0; i < row.cells.size() && i < columns_.size(); ++i) {
      const std::string& field = columns_[i];
      // A phone's notes in brackets are split off: 微信同号 says nothing, 父亲 goes to 备注.
      core::PhoneNotes noted;
      if (field == "phone" || field == "phone2") {
        noted = core::strip_phone_notes(row.cells[i]);
        for (const auto& note : noted.kept) {
          more_notes.emplace_back(clean_header(headers_[i]) + "：" + note, i);
        }
      }
      const std::string& cell = noted.cell.empty() ? row.cells[i] : noted.cell;
      if (field.empty() || field == "serial") continue;
      if (field == "home_answer") {
        // A yes/no column: 无 there is 否, as in 有创业意愿.
        static const core::Field answer{"home_answer", "是否返乡", core::FieldKind::flag};
        auto v = core::normalize_text(answer, cell, today_);
        if (!v.ok()) {
          reject(i, cell, v.error);
        } else if (auto yes = std::get_if<int64_t>(&v.value)) {
          rv.home_answer = *yes != 0;
        }
        continue;
      }
      if (field.starts_with(kHelpAnswer)) {
        read_help_answer(i, cell, field.substr(kHelpAnswer.size()), rv, need_details);
        continue;
      }
      // 无, / or 待定 says nothing, in any column (where a field gives 无 a meaning, it keeps it).
      const core::Field* f = core::find_person_field(field);  // nullptr for county, work place …
      if (!cell.empty() && core::is_blank_cell(f, cell)) continue;
      if (field == "returned_on" || field == "left_on") {
        std::string text = clean_header(cell);
        if (text.empty()) continue;
        const char* label = field == "returned_on" ? "返乡时间" : "外出时间";
        auto day = core::parse_written_date(text);
        auto month = day ? day : core::parse_written_month(text, std::stoi(today_.substr(0, 4)));
        // 春节前, 2025年春节后: the festival's day, said in the report.
        auto festival = day || month
                            ? std::nullopt
                            : core::parse_festival_time(text, *core::Date::parse_iso(today_));
        if (festival) {
          day = month = festival;
          summary.issues.push_back({row.number, headers_[i], cell,
                                    std::string(label) + "按" + std::to_string(festival->year) +
                                        "年春节（" + std::to_string(festival->month) + "月" +
                                        std::to_string(festival->day) + "日）记录",
                                    true});
        }
        if (!month) {
          leave_out(i, cell,
                    std::string(label) + "应为日期或年月，如 2026-02-10、2026年2月，实际为“" +
                        cell + "”");
        } else if (month->to_iso() > today_ || month->year < 1950) {
          leave_out(i, cell, std::string(label) + "应在1950年至今天之间");
        } else {
          (field == "returned_on" ? rv.returned_on : rv.left_on) = month->to_iso();
          if (!day) {
            // The year too, when the cell wrote it with two digits (24年2月).
            std::string year = std::to_string(month->year);
            summary.issues.push_back(
                {row.number, headers_[i], cell,
                 "只有年月，" + std::string(label) + "按" +
                     (text.find(year) == std::string::npos ? year + "年" : "") +
                     std::to_string(month->month) + "月1日记录",
                 true});
          }
        }
        continue;
      }
      if (field == "age") {
        if (clean_header(cell).empty()) continue;
        if (auto age = core::parse_written_age(cell)) {
          written_age = {*age, i};
        } else {
          summary.issues.push_back(
              {row.number, headers_[i], cell,
               "年龄应为整数岁数，如 35、35岁，实际为“" + cell + "”；未用于核对", true});
        }
        continue;
      }
      // 出生年月 holding a whole date is a birth date; a year and month checks the ID number.
      bool whole_date = field == "birth_month" && core::parse_written_date(cell);
      if (field == "birth_month" && !whole_date) {
        if (clean_header(cell).empty()) continue;
        auto month = core::parse_written_month(cell);
        if (!month) {
          reject(i, cell,
                 "出生年月应为年月或日期，如 1985.03、1985年3月、1985-03-04，实际为“" + cell + "”");
        } else if (month->year < 1900 || month->to_iso().substr(0, 7) > today_.substr(0, 7)) {
          reject(i, cell, "出生年月应在1900年1月至本月之间");
        } else {
          written_month = i;
        }
        continue;
      }
      if (const core::Field* f = identity_field(whole_date ? "birth_date" : field)) {
        const std::string& name = f->name;
        auto v = stated_identity(*f, cell, today_);
        if (!v.ok()) {
          reject(i, cell, v.error);
        } else if (auto text = std::get_if<std::string>(&v.value)) {
          rv.values[name] = *text;
          stated.emplace_back(name, i);
        }
        continue;
      }
      if (field == "work_place" || field == "work_province" || field == "work_city") {
        // 务工地 in one cell is split once; a column of its own is only asked whether it says 在家.
        WorkPlace place = field == "work_place" ? split_work_place(cell) : WorkPlace{};
        if (field == "work_place" ? place.not_away : says_not_away(cell)) {
          // 在家, 本地: where the person is belongs in 状态, not among the places of work.
          summary.issues.push_back({row.number, headers_[i], cell,
                                    "“" + clean_header(cell) + "”表示未外出务工，未记录务工地",
                                    true});
          continue;
        }
        if (field == "work_place") {
          if (!place.province.empty()) rv.values["work_province"] = place.province;
          if (!place.city.empty()) rv.values["work_city"] = place.city;
          continue;
        }
      }
      if (field == "region_code" || field == "region_town" || field == "region_county") {
        std::string text = clean_header(cell);
        if (text.empty()) continue;
        (field == "region_code"   ? region.village
         : field == "region_town" ? region.town
                                  : region.county) = text;
        region.column =
            field == "region_code" || region.column == headers_.size() ? i : region.column;
        continue;
      }
      if (field == "intention_industry" && !clean_header(cell).empty()) {
        // Offices write the industry's name (餐饮, 农业) as often as its code.
        if (auto code = industries_->code(clean_header(cell))) {
          rv.values[field] = *code;
        } else {
          leave_out(
              i, cell,
              "意向行业“" + clean_header(cell) + "”不是国民经济行业分类（GB/T 4754）的门类或大类");
        }
        continue;
      }
      if (field == "phone") {
        if (auto phones = core::split_phones(cell); !phones.empty()) {
          rv.values["phone"] = phones[0];
          second_phone.emplace(phones[1], i);
          if (phones.size() > 2) {
            summary.issues.push_back({row.number, i < headers_.size() ? headers_[i] : "", cell,
                                      "只保存前两个号码（联系电话、备用电话），其余请写在备注中",
                                      true});
          }
          continue;
        }
      }
      // 资金需求（元） 50000: the sum in the header's unit (a copy only under such a header).
      std::string in_unit = i < money_units_.size() && !money_units_[i].empty()
                                ? sum_in_unit(*f, cell, money_units_[i])
                                : std::string();
      const std::string& written = in_unit.empty() ? cell : in_unit;
      auto v = core::normalize_text(*f, written, today_);
      if (!v.ok() && field == "id_number") {
        if (auto raw = core::unverified_id_number(cell)) {
          // A mistyped number loses nobody: the person is kept with it marked unverified, and
          // duplicate detection pairs them with the record holding the right number.
          rv.values["id_number_raw"] = *raw;
          summary.issues.push_back({row.number, i < headers_.size() ? headers_[i] : "", cell,
                                    v.error + kKeptUnverified, true});
          continue;
        }
      }
      if (!v.ok() && f->kind == core::FieldKind::vocab_list && !f->keeps_unknown_words) {
        // 需求 “贷款、技术入股”: the person is saved with what is known; the rest is reported.
        core::Field keeping = *f;
        keeping.keeps_unknown_words = true;
        auto kept = core::normalize_text(keeping, cell, today_);
        if (kept.ok() && field == "help_wanted") {
          other_needs.insert(other_needs.end(), kept.warnings.begin(), kept.warnings.end());
          needs_column = i;
          if (!std::holds_alternative<store::Null>(kept.value)) rv.values[field] = kept.value;
          continue;
        }
      }
      if (!v.ok() && field == "willing" && said_wanting(clean_header(cell))) {
        // 创业意愿 “想搞养殖”: a yes, and what is wanted.
        rv.values[field] = int64_t{1};
        more_intention.emplace_back(clean_header(cell), i);
        continue;
      }
      if (!v.ok()) {
        if (refuses_row(field)) {
          reject(i, cell, core::cell_reason(*f, v.error));
        } else {
          leave_out(i, cell, core::cell_reason(*f, v.error));
        }
        continue;
      }
      if (std::holds_alternative<store::Null>(v.value) && field != "skills") continue;
      std::string header = i < headers_.size() ? headers_[i] : "";
      if (field != "skills") {
        // Saved, with what deserves a look (an age over 120 from the ID number).
        for (const auto& w : v.warnings)
          summary.issues.push_back({row.number, header, cell, w, true});
      }
      if (const auto* wan = std::get_if<int64_t>(&v.value);
          wan && *wan >= 10000 && field.ends_with("_wan") &&
          clean_header(written).find_first_not_of("0123456789.,") == std::string::npos) {
        // A returnee's plan of 1亿元 or more, written without a unit, was most likely in 元.
        summary.issues.push_back({row.number, header, cell,
                                  "按万元计为" + std::to_string(*wan) + "万元；如按元填写，应为" +
                                      std::to_string((*wan + 5000) / 10000) +
                                      "万元（或写明单位，如 “" + clean_header(cell) +
                                      "元”），请核对",
                                  true});
      }
      if (field == "skills" && !v.warnings.empty()) {
        // Skills outside the dictionary are kept as text rather than lost (after the row).
        other_skills.insert(other_skills.end(), v.warnings.begin(), v.warnings.end());
        skills_column = i;
      }
      if (!std::holds_alternative<store::Null>(v.value)) rv.values[field] = v.value;
    }
    if (!region.village.empty() || !region.town.empty() || !region.county.empty()) {
      // A code stands alone; names are a path from the county's column to the village's.
      bool code = !region.village.empty() &&
                  region.village.find_first_not_of("0123456789") == std::string::npos;
      std::string path = code ? region.village : "";
      for (const std::string* part : {&region.county, &region.town, &region.village}) {
        if (!code && !part->empty()) path += (path.empty() ? "" : "/") + *part;
      }
      try {
        rv.values["region_code"] = regions_->resolve(path);
      } catch (const std::invalid_argument& e) {
        reject(region.column, path, std::string("户籍地") + e.what());
      }
    }
    if (auto stated = stated_status(rv.values); stated) {
      // A day the stated status cannot use: 返乡时间 of someone away; 外出时间 after 返乡时间 of
      // someone at home (an earlier departure of a returnee is no contradiction).
      std::string label = core::term_label(core::person_statuses(), *stated);
      if (rv.returned_on && !at_home(*stated)) {
        summary.issues.push_back({row.number, headers_[column_of("returned_on")], "",
                                  "人员状态为“" + label + "”，返乡时间未使用", true});
      } else if (rv.left_on && rv.returned_on && at_home(*stated) &&
                 *rv.left_on > *rv.returned_on) {
        summary.issues.push_back(
            {row.number, headers_[column_of("left_on")], "",
             "外出时间晚于返乡时间，与人员状态“" + label + "”不符，外出时间未使用", true});
      }
      if (rv.home_answer && *rv.home_answer != at_home(*stated)) {
        summary.issues.push_back({row.number, headers_[column_of("home_answer")],
                                  *rv.home_answer ? "是" : "否",
                                  "与人员状态“" + label + "”不符，按人员状态记录", true});
      }
    }
    struct MoreText {
      const std::vector<std::pair<std::string, size_t>>* texts;
      const char* field;
      const char* said;  // what the cell was read as besides
    };
    for (const MoreText& more : {MoreText{&more_notes, "notes", ""},
                                 MoreText{&more_intention, "intention_note", "记为有创业意愿，"}}) {
      const std::string& label = core::find_person_field(more.field)->label;
      for (const auto& [text, col] : *more.texts) {
        bool saved =
            append_texts(rv.values, *core::find_person_field(more.field), {text}, "；", today_);
        summary.issues.push_back(
            {row.number, headers_[col], row.cells[col],
             more.said + (saved ? "“" + text + "”记入" + label
                                : label + "已超过长度上限，“" + text + "”未保存"),
             true});
      }
    }
    if (!other_needs.empty())
      keep_other_needs(row.number, other_needs, needs_column, row.cells[needs_column], rv);
    if (!other_skills.empty())
      keep_other_skills(row.number, other_skills, skills_column, row.cells[skills_column], rv);
    if (!rv.help_answers.empty()) settle_help_answers(row, rv, need_details);
    if (second_phone) {
      if (auto it = rv.values.find("phone2"); it == rv.values.end()) {
        rv.values["phone2"] = second_phone->first;
      } else if (std::get<std::string>(it->second) != second_phone->first) {
        summary.issues.push_back(
            {row.number, headers_[second_phone->second], row.cells[second_phone->second],
             "备用电话已另填，第二个号码" + second_phone->first + "未保存", true});
      }
    }
    // The same number twice (13800001111/13800001111, or again under 备用电话) is one phone.
    if (auto p2 = rv.values.find("phone2"), p1 = rv.values.find("phone");
        p2 != rv.values.end() && p1 != rv.values.end() && p2->second == p1->second) {
      rv.values.erase(p2);
    }
    // No place in the row: the household address gives the one it begins with, for a sheet
    // without a place column (said once at its header) or a row whose place cells are blank.
    auto address = rv.values.find("address");
    bool placeless = !rv.values.count("region_code") && region.village.empty() &&
                     region.town.empty() && region.county.empty();
    if (placeless && region_from_address_ && address == rv.values.end()) {
      reject(*region_from_address_, "",
             "户籍地为空（按" + headers_[*region_from_address_] + "读取）");
    } else if (placeless && address != rv.values.end()) {
      size_t col = region_from_address_ ? *region_from_address_ : column_of("address");
      const std::string& text = std::get<std::string>(address->second);
      std::string note;
      try {
        std::string code = regions_->resolve_address(text, &note);
        rv.values["region_code"] = code;
        if (!region_from_address_) {
          summary.issues.push_back(
              {row.number, headers_[col], text,
               "户籍地为空，按" + headers_[col] + "记为" + regions_->name_of(code), true});
        }
        if (!note.empty()) summary.issues.push_back({row.number, headers_[col], text, note, true});
      } catch (const std::invalid_argument& e) {
        if (region_from_address_) {
          reject(col, text, "户籍地（按" + headers_[col] + "读取）：" + e.what());
        } else {
          reject(column_of("region_code"), "",
                 "户籍地为空，" + headers_[col] + "中也读不出：" + std::string(e.what()));
        }
      }
    }
    if (!rv.values.count("name") && !name_refused) reject(column_of("name"), "", "姓名为空");
    if (!rv.values.count("region_code") && !bad) reject(column_of("region_code"), "", "户籍地为空");
    if (auto it = rv.values.find("region_code");
        it != rv.values.end() && by_ && !in_scope(*by_, std::get<std::string>(it->second))) {
      reject(column_of("region_code"), std::get<std::string>(it->second),
             "户籍地不在您的数据范围内");
    }
    if (auto it = rv.values.find("id_number"); it != rv.values.end()) {
      // A valid number gives gender and birth date; what the sheet states must agree with it.
      for (const auto& [field, column] : stated) {
        std::string why = identity_mismatch(std::get<std::string>(it->second), field,
                                            std::get<std::string>(rv.values[field]));
        if (!why.empty()) reject(column, row.cells[column], why);
        rv.values.erase(field);
      }
    }
    if (written_month) {
      const std::string& cell = row.cells[*written_month];
      if (auto it = rv.values.find("id_number"); it != rv.values.end()) {
        std::string why = birth_month_mismatch(std::get<std::string>(it->second), cell);
        if (!why.empty()) reject(*written_month, cell, why);
      } else if (!month_noted_) {
        month_noted_ = true;
        summary.issues.push_back({0, headers_[*written_month], "",
                                  "出生年月只有年和月：有身份证号的行用来核对身份证号；没有身份证号"
                                  "的人员未记录出生日期，"
                                  "需要时请填写完整的出生日期"});
      }
    }
    if (written_age) {
      // Weaker evidence than a birth month (a sheet's ages may be a year or two old): a warning.
      auto [age, col] = *written_age;
      if (auto it = rv.values.find("id_number"); it != rv.values.end()) {
        std::string why = age_mismatch(std::get<std::string>(it->second), age, today_);
        if (!why.empty())
          summary.issues.push_back({row.number, headers_[col], row.cells[col], why, true});
      } else if (!age_noted_ && !rv.values.count("birth_date")) {
        // The row gives no birth date beside its age: say once that the age was not kept.
        age_noted_ = true;
        summary.issues.push_back({0, headers_[col], "",
                                  "年龄用来核对身份证号，不单独保存；没有有效身份证号的人员未记录"
                                  "年龄，需要时请填写出生日期"});
      }
    }
    leave_out_dates_before_birth(row, rv, leave_out);
    if (bad) {
      // The row's warnings were written as if it were saved: it is not.
      refuse_kept_issues(summary, first_issue, row.number,
                         {std::string_view(kKeptUnverified), kCellLeftOut});
      ++summary.rejected;
      return;
    }
    batch_.push_back(std::move(rv));
    if (batch_.size() >= opt_.batch_rows) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    store::Conn* conn = conn_.get();
    if (opt_.dry_run) {
      for (const auto& rv : batch_) count_dry_row(*conn, rv);
    } else {
      size_t created = summary.created;
      write_import_batch(
          *conn, batch_.size(), summary, opt_,
          [&](store::Conn& c, size_t i) { write_row(c, batch_[i]); },
          [&](size_t i) { return batch_[i].row; },
          [&](store::Conn& c) {
            sync_vocabularies(c, true);
            load_known(c);  // again after a rollback: the batch's own creations are gone
          });
      people_.added(*conn, static_cast<int64_t>(summary.created - created));
    }
    batch_.clear();
    known_loaded_ = false;
  }

  ImportSummary summary;

 private:
  size_t column_of(const std::string& field) const {
    auto it = std::find(columns_.begin(), columns_.end(), field);
    return static_cast<size_t>(it - columns_.begin());
  }

  // Reads which of the batch's ID numbers the registry holds, a few hundred per query (one
  // round trip each on PostgreSQL, instead of one per row).
  void load_known(store::Conn& c) {
    known_.clear();
    std::vector<std::string> numbers;
    for (const auto& rv : batch_) {
      if (auto it = rv.values.find("id_number"); it != rv.values.end()) {
        numbers.push_back(std::get<std::string>(it->second));
      }
    }
    store::people_by_id_number(c, numbers, known_);
    known_loaded_ = true;
  }

  std::optional<int64_t> find_existing(store::Conn& c, const PersonValues& v) {
    if (auto it = v.find("id_number"); it != v.end() && known_loaded_) {
      auto found = known_.find(std::get<std::string>(it->second));
      if (found == known_.end()) return std::nullopt;
      return found->second;
    }
    // The registry is asked: the persons the batch created so far must be in it.
    store::flush_deferred_inserts(c);
    if (auto it = v.find("id_number"); it != v.end()) {
      return store::person_id_by_id_number(c, std::get<std::string>(it->second));
    }
    // Without a valid ID number: the same name and unverified number, or the same name and
    // phone, or the same name in the same village (only when that finds exactly one person).
    std::optional<store::Row> r;
    if (auto raw = v.find("id_number_raw"); raw != v.end()) {
      r = store::query_one(c,
                           "SELECT MIN(id), COUNT(*) FROM person WHERE id_number_raw = $2 "
                           "AND id_number_raw IS NOT NULL AND name = $1 AND "
                           "COALESCE(id_number, '') = '' AND merged_into IS NULL",
                           {v.at("name"), raw->second});
      if (r && r->i64(1) == 1) return r->i64(0);
    }
    // The planner has no statistics during an import: the conditions are written so that only
    // the selective index (phone, or village) can serve them — a common name matches thousands,
    // "id_number IS NULL" would pick the ID number index, and "merged_into IS NULL" lets
    // PostgreSQL read the whole partial index person_live (seen at 20,000 people: 6–9 ms a row).
    if (auto ph = v.find("phone"); ph != v.end()) {
      r = store::query_one(c,
                           "SELECT MIN(id), COUNT(*) FROM person WHERE phone = $2 AND "
                           "(name || '') = $1 AND COALESCE(id_number, '') = '' AND "
                           "COALESCE(merged_into, 0) = 0",
                           {v.at("name"), ph->second});
    } else {
      r = store::query_one(c,
                           "SELECT MIN(id), COUNT(*) FROM person WHERE region_code = $2 AND "
                           "(name || '') = $1 AND COALESCE(id_number, '') = '' AND phone IS NULL "
                           "AND merged_into IS NULL",
                           {v.at("name"), v.at("region_code")});
    }
    if (!r || r->i64(1) != 1) return std::nullopt;
    return r->i64(0);
  }

  // Writes one row. With `guarded`, a failing row is rolled back alone and reported; without,
  // the failure propagates (the caller rolls back the batch and replays it guarded).
  // Creates or updates the person of one row; throws when the database refuses it.
  void write_row(store::Conn& c, const RowValues& rv) {
    Provenance prov{opt_.source, opt_.file_label, static_cast<int64_t>(rv.row)};
    std::optional<int64_t> by = by_ ? std::optional<int64_t>(by_->user_id) : std::nullopt;
    {
      auto existing = find_existing(c, rv.values);
      // rv stays as read: a rolled back batch is written again.
      PersonValues values = answered(c, rv, existing);
      if (!existing) {
        PersonValues& v = values;
        v.try_emplace("status", std::string("returned"));
        v.try_emplace("funnel_stage", std::string("identified"));
        int64_t id = create_person(c, actor_, by, v, prov);
        note_written(id);
        if (auto number = v.find("id_number"); number != v.end() && known_loaded_) {
          known_[std::get<std::string>(number->second)] = id;  // a later row of the batch
        }
        ++summary.created;
      } else {
        auto plan = plan_update(c, *existing, values);
        for (const auto& field : plan.conflicts) {
          store::exec(
              c,
              "INSERT INTO person_conflict (person_id, field, kept_value, "
              "offered_value, offered_source, source_file, source_row, recorded_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              {*existing, field, held_value(plan.before, field), values.at(field), opt_.source,
               opt_.file_label.empty() ? store::Value{store::Null{}}
                                       : store::Value{opt_.file_label},
               static_cast<int64_t>(rv.row), core::now_iso()});
          ++summary.conflicts;
        }
        if (change_person(c, actor_, by, plan.before, plan.take, prov)) {
          note_written(plan.before.id);
          ++summary.updated;
        } else {
          ++summary.unchanged;
        }
      }
      ++summary.accepted;
    }
  }

  // What a row does to the existing person `id`: the values it takes (a later source at least
  // as trusted wins, and any value fills an empty field) and the fields whose stored value is
  // kept against it (a more trusted source set them: a conflict to list).
  struct Update {
    store::PersonRow before;
    PersonValues take;
    std::vector<std::string> conflicts;
  };
  // Adds `words` to the row's 其他需求 after what it holds (a word it holds is not repeated);
  // false, changing nothing, when 其他需求 would grow too long.

  // Keeps the 需求 words outside the list (`words`, read from `cell` in column `col` of row `row`)
  // in 其他需求 (append_texts) and reports them as a kept issue, or as unsaved when 其他需求
  // would grow too long.
  void keep_other_needs(size_t row, const std::vector<std::string>& words, size_t col,
                        const std::string& cell, RowValues& rv) {
    std::string header = col < headers_.size() ? headers_[col] : "需求";
    std::string all;
    for (const std::string& w : words) all += (all.empty() ? "" : "、") + w;
    const std::string& note = core::find_person_field("help_wanted_note")->label;
    if (!append_texts(rv.values, *core::find_person_field("help_wanted_note"), words, "、",
                      today_)) {
      summary.issues.push_back(
          {row, header, cell,
           "“" + all + "”不在可选范围内，" + note + "已超过长度上限，未保存（可填：" +
               core::active_labels(*core::find_person_field("help_wanted")->vocab()) + "）",
           true});
      return;
    }
    summary.issues.push_back({row, header, cell, "“" + all + "”不在可选范围内，记入" + note, true});
  }

  // Keeps the 技能特长 words outside the dictionary (`words`, read from `cell` in column `col` of
  // row `row`) in 技能说明 after what the row's own 技能说明 column says, whichever column comes
  // first; when 技能说明 would grow too long they are not saved and the report says so.
  void keep_other_skills(size_t row, const std::vector<std::string>& words, size_t col,
                         const std::string& cell, RowValues& rv) {
    const core::Field& note = *core::find_person_field("skills_note");
    if (append_texts(rv.values, note, words, "、", today_)) return;
    summary.issues.push_back({row, col < headers_.size() ? headers_[col] : "技能特长", cell,
                              "字典以外的技能未保存：记入" + note.label + "将超过" +
                                  std::to_string(note.max_chars) + "个字符的上限",
                              true});
  }

  // Leaves out (with `leave_out(column, cell, reason)`) the row's 返乡时间, 外出时间 and
  // 状态开始日期 that fall before the birth its valid ID number or stated birth date gives: a slip
  // of the keyboard (1960 for 1986) that would put the person home before they were born.
  template <typename LeaveOut>
  void leave_out_dates_before_birth(const io::SheetRow& row, RowValues& rv, LeaveOut& leave_out) {
    std::string birth;
    if (auto id = rv.values.find("id_number"); id != rv.values.end()) {
      birth = derive_from_id(id->second).second.value_or("");
    } else if (auto b = rv.values.find("birth_date"); b != rv.values.end()) {
      if (auto s = std::get_if<std::string>(&b->second)) birth = *s;
    }
    if (birth.empty()) return;
    auto check = [&](const char* field, const std::string& label, std::string day, auto clear) {
      std::string why = before_birth(label, day, birth);
      if (why.empty()) return;
      size_t col = column_of(field);
      leave_out(col, col < row.cells.size() ? row.cells[col] : day, why);
      clear();
    };
    if (rv.returned_on) {
      check("returned_on", "返乡时间", *rv.returned_on, [&] { rv.returned_on.reset(); });
    }
    if (rv.left_on) check("left_on", "外出时间", *rv.left_on, [&] { rv.left_on.reset(); });
    if (auto it = rv.values.find("status_since"); it != rv.values.end()) {
      if (auto s = std::get_if<std::string>(&it->second)) {
        check("status_since", core::find_person_field("status_since")->label, *s,
              [&] { rv.values.erase("status_since"); });
      }
    }
  }

  // A yes/no need column's cell that is neither: its column, and the text or the sum it holds.
  struct NeedDetail {
    size_t column;
    std::string kind, text;
    std::optional<int64_t> wan;  // a sum in a loan column (贷款需求 20万)
  };

  // Reads the cell of a yes/no need column (column `col`, help kind `kind`) into rv.help_answers:
  // 是, 需要, 愿意 … are a yes, 否, 不需要, 无 … a no (of two columns asking for one kind, a yes
  // wins), a word for nothing says nothing; any other text is a yes, its detail kept for
  // settle_help_answers (a sum in a loan column, or a description such as 电工).
  void read_help_answer(size_t col, const std::string& cell, const std::string& kind, RowValues& rv,
                        std::vector<NeedDetail>& details) {
    // Beyond a yes/no field's own words (是, 有, √ … / 否, 无, × …), the ways a need is answered.
    static const std::set<std::string> yes = {"需要", "愿意", "有需求", "有意愿", "要", "想"};
    static const std::set<std::string> no = {"不需要", "不愿意", "无需求", "无意愿", "暂不需要",
                                             "暂无",   "没有",   "不",     "不要"};
    static const core::Field answer{"help_answer", "需求", core::FieldKind::flag};
    std::string text = clean_header(cell);
    if (text.empty()) return;
    auto flag = core::normalize_text(answer, text, today_);
    const auto* said = flag.ok() ? std::get_if<int64_t>(&flag.value) : nullptr;
    bool wanted = true;
    if (no.count(text) || (said && *said == 0)) {
      wanted = false;
    } else if (!yes.count(text) && !said) {
      if (core::is_blank_cell(nullptr, cell)) return;
      NeedDetail detail{col, kind, text, std::nullopt};
      if (kind == "loan") {
        // 贷款需求（元）: a bare number there is in 元.
        const core::Field& funding = *core::find_person_field("intention_funding_wan");
        auto sum =
            core::normalize_text(funding, sum_in_unit(funding, text, money_units_[col]), today_);
        if (auto wan = std::get_if<int64_t>(&sum.value); sum.ok() && wan) detail.wan = *wan;
      }
      details.push_back(std::move(detail));
    }
    auto [it, added] = rv.help_answers.try_emplace(kind, wanted);
    if (!added) it->second = it->second || wanted;
  }

  // Settles the row's yes/no need answers against the rest of it: a no for a kind its 需求 names
  // gives way to 需求 (a kept issue); a loan sum fills an empty 资金需求; a description is kept
  // in 其他需求 as “培训：电工”. Each is reported as a kept issue.
  void settle_help_answers(const io::SheetRow& row, RowValues& rv,
                           const std::vector<NeedDetail>& details) {
    auto stated = rv.values.find("help_wanted");
    if (stated != rv.values.end() && std::holds_alternative<std::string>(stated->second)) {
      auto keys = core::split_items(std::get<std::string>(stated->second), ',');
      for (auto it = rv.help_answers.begin(); it != rv.help_answers.end();) {
        if (it->second || std::find(keys.begin(), keys.end(), it->first) == keys.end()) {
          ++it;
          continue;
        }
        size_t col = column_of(std::string(kHelpAnswer) + it->first);
        std::string label = core::term_label(core::help_kinds(), it->first);
        summary.issues.push_back({row.number, headers_[col], row.cells[col],
                                  "与需求“" + label + "”不符，按需求记录", true});
        it = rv.help_answers.erase(it);
      }
    }
    for (const NeedDetail& d : details) {
      std::string label = core::term_label(core::help_kinds(), d.kind);
      std::string said = "记为需要“" + label + "”";
      if (d.wan) {
        auto funding = rv.values.find("intention_funding_wan");
        if (funding == rv.values.end()) {
          rv.values["intention_funding_wan"] = *d.wan;
          said += "，资金需求按此记为" + std::to_string(*d.wan) + "万元";
        } else if (std::get<int64_t>(funding->second) != *d.wan) {
          said += "；资金需求已填" + std::to_string(std::get<int64_t>(funding->second)) +
                  "万元，此金额未保存";
        }
      } else if (append_texts(rv.values, *core::find_person_field("help_wanted_note"),
                              {label + "：" + d.text}, "、", today_)) {
        said += "，“" + d.text + "”记入其他需求";
      } else {
        said += "；其他需求已超过长度上限，“" + d.text + "”未保存";
      }
      summary.issues.push_back({row.number, headers_[d.column], row.cells[d.column], said, true});
    }
  }

  // Reports a 返乡时间 or 外出时间 moved by with_dates (`note`; none when its text is empty) as a
  // kept issue.
  void note_dates(const RowValues& rv, const DateNote& note) {
    if (note.text.empty()) return;
    size_t col = column_of(note.field);
    bool returned = note.field == "returned_on";
    summary.issues.push_back({rv.row,
                              col < headers_.size() ? headers_[col]
                              : returned            ? "返乡时间"
                                                    : "外出时间",
                              returned ? *rv.returned_on : *rv.left_on, note.text, true});
  }

  // The values a row writes to the person `existing` (nullopt: a new one): its 返乡时间, 外出时间
  // and 是否返乡 applied to the status held (a date moved is reported), and its yes/no need
  // answers to the 需求 held.
  PersonValues answered(store::Conn& c, const RowValues& rv, std::optional<int64_t> existing) {
    PersonValues values = rv.values;
    if (rv.returned_on || rv.left_on || rv.home_answer) {
      DateNote note;
      values = with_status_answers(rv, existing ? &held_status(c, *existing) : nullptr, note);
      note_dates(rv, note);
    }
    if (!rv.help_answers.empty()) {
      std::string held;
      if (existing) {
        store::flush_deferred_inserts(c);  // the person may be one the batch created
        held = store::find_person(c, *existing)->text("help_wanted");
      }
      values = with_help_answers(std::move(values), rv.help_answers, held);
    }
    return values;
  }

  // The status of `id` as the registry holds it now (rows created earlier in the batch included).
  const HeldStatus& held_status(store::Conn& c, int64_t id) {
    store::flush_deferred_inserts(c);
    auto person = store::find_person(c, id);
    held_ = {person->text("status"), person->text("status_since"), "", ""};  // without history
    int n = 0;
    c.run(
        "SELECT status, since FROM person_status_history WHERE person_id = $1 "
        "ORDER BY since DESC, id DESC LIMIT 2",
        {id}, [&](const store::Row& r) {
          (n == 0 ? held_.since : held_.prior_since) = r.text(1);
          if (n++ == 1) held_.prior_status = r.text(0);
        });
    return held_;
  }

  Update plan_update(store::Conn& c, int64_t id, const PersonValues& values) {
    // This person may have been created earlier in the batch: their provenance is read next.
    store::flush_deferred_inserts(c);
    Update u{*store::find_person(c, id), {}, {}};
    auto sources = field_sources(c, id);
    int incoming = core::source_rank(opt_.source);
    for (const auto& [field, value] : values) {
      store::Value old = held_value(u.before, field);
      bool had = !std::holds_alternative<store::Null>(old);
      if (had && old == value) continue;
      auto src = sources.find(field);
      int existing_rank = src == sources.end() ? -1 : core::source_rank(src->second);
      if (!had || incoming >= existing_rank) {
        u.take[field] = value;
      } else {
        u.conflicts.push_back(field);
      }
    }
    return u;
  }

  // A dry run's count of one accepted row, as write_row would count it: a person of the registry
  // updated or unchanged (with its conflicts), or a new one; a later row of the file with the ID
  // number of a person the file would create counts as that person's update, or as unchanged
  // when it repeats the row.
  void count_dry_row(store::Conn& c, const RowValues& rv) {
    ++summary.accepted;
    if (auto existing = find_existing(c, rv.values)) {
      auto plan = plan_update(c, *existing, answered(c, rv, existing));
      summary.conflicts += plan.conflicts.size();
      ++(person_changes(plan.before, plan.take).empty() ? summary.unchanged : summary.updated);
      return;
    }
    auto number = rv.values.find("id_number");
    if (number == rv.values.end()) {
      ++summary.created;
      return;
    }
    std::string text;
    for (const auto& [field, value] : rv.values) {
      text += field + static_cast<char>('0' + value.index()) + store::Row({value}).text(0) + '\x1e';
    }
    auto [it, added] =
        dry_created_.try_emplace(std::hash<std::string>{}(std::get<std::string>(number->second)),
                                 std::hash<std::string>{}(text));
    if (added) {
      ++summary.created;
    } else if (it->second == std::hash<std::string>{}(text)) {
      ++summary.unchanged;
    } else {
      it->second = std::hash<std::string>{}(text);
      ++summary.updated;
    }
  }

  void note_written(int64_t id) {
    if (written_.size() <= kWrittenScanLimit) written_.insert(id);
  }

  // Beyond this many people, the duplicate scan reads the whole registry instead: as cheap by
  // then, and the set of ids stops growing (bench/results/2026-12-05-written-scan-1m-sqlite.txt).
  static constexpr size_t kWrittenScanLimit = 100000;

  store::Db& db_;
  Actor actor_;
  const Principal* by_;
  ImportOptions opt_;
  std::string today_;
  store::ConnLease conn_;
  std::unique_ptr<RegionResolver> regions_;
  std::unique_ptr<IndustryResolver> industries_;
  std::vector<std::string> columns_, headers_;
  std::vector<std::string> money_units_;  // header_money_unit of each column
  std::vector<RowValues> batch_;
  // Dry run: hash of the ID number of each person the file would create → hash of its row.
  std::unordered_map<size_t, size_t> dry_created_;
  // ID number → person id for the open batch's numbers (load_known), while known_loaded_.
  std::unordered_map<std::string, int64_t> known_;
  bool known_loaded_ = false;
  HeldStatus held_;  // held_status's answer
  // The address column the place is read from when the sheet has no place column.
  std::optional<size_t> region_from_address_;
  bool month_noted_ = false;  // the file-level note on years and months of birth was given
  bool age_noted_ = false;    // the file-level note on ages without a valid number was given
  std::set<int64_t> written_;
  GrowingTable people_{*conn_, "person"};
};

}  // namespace

std::string field_for_header(const std::string& header) {
  std::string field = header_field(core::person_fields(), header_words(), header);
  if (!field.empty()) return field;
  // A field's own name in another unit (资金需求（美元）, not read) is no need column.
  std::string bare = core::split_label_unit(clean_header(header)).name;
  if (!header_field(core::person_fields(), header_words(), bare).empty()) return {};
  return help_answer_field(header);
}

ImportSummary import_people(store::Db& db, const Actor& actor, const Principal* by,
                            const std::string& path, const ImportOptions& options,
                            const std::function<void(const ImportSummary&)>& progress) {
  if (core::source_rank(options.source) < 0) {
    throw std::invalid_argument("数据来源应为 大数据、入户调查、自主填报 或 手工录入");
  }
  Importer imp(db, actor, by, options);
  feed_sheet(imp, path, options, "表头应包含“姓名”和“户籍地”等列", field_for_header, progress);
  if (!options.dry_run && imp.summary.accepted > 0) {
    // Only pairs involving someone this import wrote can have changed.
    auto scan = scan_duplicates(imp.conn(), imp.written());
    imp.summary.duplicates_found = scan.open;
    imp.summary.duplicates_added = scan.added;
  }
  if (progress) progress(imp.summary);
  return imp.summary;
}

}  // namespace guiyan::service
