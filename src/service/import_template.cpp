#include "service/import_template.h"

#include <map>
#include <set>
#include <stdexcept>

#include "core/merchant_fields.h"
#include "core/person_fields.h"
#include "core/venture_fields.h"
#include "http/api_error.h"
#include "service/data_scope.h"
#include "service/import_jobs.h"
#include "service/region_service.h"
#include "store/db.h"

namespace guiyan::service {
namespace {

using core::Field;
using core::FieldKind;

// What a kind's template holds beyond its fields' own rules.
struct KindSpec {
  std::string sheet;     // the form's worksheet
  std::string filename;  // offered for download
  std::vector<Field> fields;
  std::set<std::string> required;
  std::map<std::string, std::string> notes;  // field → a sentence added to its rule
  std::vector<std::string> rules;            // general rules of the kind
};

// The fields of `catalogue` named in `names`, in that order, `more` consulted as well.
std::vector<Field> pick(const std::vector<Field>& catalogue, const std::vector<Field>& more,
                        const std::vector<std::string>& names) {
  std::vector<Field> out;
  for (const auto& name : names) {
    const Field* f = core::find_field(catalogue, name);
    if (!f) f = core::find_field(more, name);
    if (!f) throw std::logic_error("import template: no field " + name);
    out.push_back(*f);
  }
  return out;
}

// The rule of the people's and merchants' importers for a cell they cannot read (kCellLeftOut;
// the ventures' template states its narrower rule itself).
constexpr const char* kLeftOutRule =
    "金额、日期、行业等无法识别的，该项不导入，该行其余内容照常导入，并在导入报告中列出，"
    "改正后再次导入即可补上。";

const KindSpec& spec(const std::string& kind) {
  using K = FieldKind;
  static const std::map<std::string, KindSpec> specs = [] {
    std::map<std::string, KindSpec> m;
    m["people"] = {"返乡人员台账",
                   "返乡人员台账导入模板.xlsx",
                   pick(core::person_fields(), core::person_identity_fields(),
                        {"name",
                         "id_number",
                         "gender",
                         "birth_date",
                         "phone",
                         "phone2",
                         "region_code",
                         "address",
                         "work_province",
                         "work_city",
                         "work_employer",
                         "education",
                         "skills",
                         "skills_note",
                         "labour_brand",
                         "willing",
                         "capable",
                         "creditworthy",
                         "status",
                         "status_since",
                         "funnel_stage",
                         "intention_industry",
                         "intention_investment_wan",
                         "intention_funding_wan",
                         "help_wanted",
                         "help_wanted_note",
                         "intention_note",
                         "mentor_name",
                         "notes"}),
                   {"name", "region_code"},
                   {{"id_number", "没有身份证号的可留空，并填写性别和出生日期。"},
                    {"gender", "有身份证号的可不填（由身份证号得出；填写的须与之一致）。"},
                    {"birth_date", "有身份证号的可不填（由身份证号得出；填写的须与之一致）。"},
                    {"work_province", "如 广东省、上海市；在境外务工的填“境外”。"},
                    {"skills", "字典外的技能记入技能说明。"},
                    {"help_wanted", "可选范围外的需求记入其他需求。"},
                    {"phone", "一格写两个号码（用“/”隔开）的，第二个记为备用电话。"},
                    {"status", "新登记的人员不填为“返乡”。"},
                    {"status_since", "返乡或外出的日期（“返乡时间”“外出时间”列也按此读取）。"},
                    {"funnel_stage", "新登记的人员不填为“摸得清”。"}},
                   {"一行填写一人；同一身份证号再次导入时更新原档案，不会重复登记。",
                    "数据来源在导入页面选择，表中不必填写。",
                    "没有或不清楚的内容留空，填“无”“/”“不详”的也按空白处理。", kLeftOutRule}};
    m["merchants"] = {"楚商楚才名录",
                      "楚商楚才名录导入模板.xlsx",
                      pick(core::merchant_fields(), {{"verified_on", "核实日期", K::date}},
                           {"name",
                            "categories",
                            "position",
                            "phone",
                            "enterprise_name",
                            "credit_code",
                            "industry",
                            "enterprise_size",
                            "operating_status",
                            "revenue_band",
                            "hometown_code",
                            "location_city",
                            "location_country",
                            "chambers",
                            "influence",
                            "tags",
                            "intention_strength",
                            "intention_industries",
                            "intention_min_wan",
                            "intention_max_wan",
                            "intention_regions",
                            "intention_note",
                            "verified_on",
                            "notes"}),
                      {"hometown_code"},
                      {{"name", "姓名与企业名称至少填写一项。"},
                       {"enterprise_name", "姓名与企业名称至少填写一项。"},
                       {"hometown_code", "籍贯所在的区县、乡镇或村。"},
                       {"verified_on", "最近一次核实信息的日期，不填为导入当天。"}},
                      {"一行填写一人（或一家企业）。", kLeftOutRule}};
    m["ventures"] = {
        "返乡创业主体台账",
        "返乡创业主体台账导入模板.xlsx",
        pick(core::venture_fields(),
             {{"founders", "创办人身份证号", K::id_number, 200},
              {"employees", "带动就业人数", K::integer},
              {"counted_on", "统计日期", K::date}},
             {"name", "type", "credit_code", "registered_on", "first_registration", "industry",
              "region_code", "address", "in_park", "status", "founders", "employees", "counted_on",
              "notes"}),
        {"name", "type", "region_code", "founders"},
        {{"founders",
          "创办人须已登记在返乡人员信息库中；多人合办的用“、”隔开。已登记的主体再次导入时可不填。"},
         {"employees", "含创办人本人，至少为1。"},
         {"counted_on", "带动就业人数的统计日期，不填为导入当天。"}},
        {"一行填写一个经营主体；有统一社会信用代码的按代码识别，再次导入时更新原记录。",
         "行业、经营地址、是否入驻创业园区、备注无法识别的，该项不导入，该行其余内容照常导入，"
         "并在导入报告中列出；主体类型、名称、所在地、日期、创办人、人数等计入统计的内容有误的，"
         "该行不导入。"}};
    return m;
  }();
  auto it = specs.find(kind);
  if (it == specs.end()) throw std::invalid_argument("unknown import kind: " + kind);
  return it->second;
}

// How to fill a field of this kind, in Chinese.
std::string rule_of(const Field& f, const std::string& place) {
  switch (f.kind) {
    case FieldKind::personal_name:
      return "姓名，最多" + std::to_string(f.max_chars) +
             "个字；两字姓名中间的空格不必删除，导入时自动去掉。";
    case FieldKind::text:
      return "文字，最多" + std::to_string(f.max_chars) + "个字。";
    case FieldKind::integer: {
      std::string unit = core::number_unit(f);
      if (unit == "万元") {
        return "不小于0的数字，单位万元（填“30”“30万”或“三十万”均可）；按元统计的，可把表头改为“" +
               core::split_label_unit(f.label).name + "（元）”，导入时换算为万元。";
      }
      if (unit == "人") return "人数，不小于0的整数（填“20”或“20人”均可）。";
      if (unit.empty()) return "编号，只填数字。";
      return "不小于0的数字，单位" + unit + "。";
    }
    case FieldKind::flag:
      return "填“是”或“否”（也识别 有/无、√/×、1/0）。";
    case FieldKind::date:
      return std::string("日期，如 2026-03-01、2026/3/1、2026年3月1日") +
             (f.future_dates ? "。" : "，不晚于今天。");
    case FieldKind::id_number:
      return "18位居民身份证号，末位可为X；请保持单元格为文本格式，以免Excel改写数字。";
    case FieldKind::phone:
      return "11位手机号，或带区号的固定电话，如 0716-8123456。";
    case FieldKind::region:
      return "12位区划代码，或“县/乡镇/村”的名称路径，如 " + place +
             "；村（社区）可写简称，如“车家垱村”。";
    case FieldKind::region_list:
      return "区划代码或名称（如 公安县），多个用“、”隔开。";
    case FieldKind::vocab:
      return "从下拉选项中选择（常用的其他写法也能识别）。";
    case FieldKind::vocab_list:
      return "可填多项，用“、”隔开。";
    case FieldKind::industry:
      return "国民经济行业分类（GB/T 4754）：门类字母、两位大类代码或行业名称，如 A、01、农业。";
    case FieldKind::industry_list:
      return "国民经济行业分类（GB/T 4754）门类、大类代码或名称，多个用“、”隔开。";
    case FieldKind::credit_code:
      return "18位统一社会信用代码。";
  }
  return "";
}

// How wide a field's column is made, in characters: an ID number's 18 digits show whole.
double column_width(const Field& f) {
  switch (f.kind) {
    case FieldKind::id_number:
      return f.max_chars > 18 ? 40 : 21;
    case FieldKind::credit_code:
      return 21;
    case FieldKind::phone:
      return 15;
    case FieldKind::region:
    case FieldKind::region_list:
      return 30;
    case FieldKind::date:
      return 12;
    case FieldKind::text:
      return f.max_chars > 40 ? 30 : 12;
    case FieldKind::personal_name:
      return 12;
    default:
      return 0;
  }
}

// The entries a field may take, as users read them (active vocabulary terms; 是/否).
std::vector<std::string> choices_of(const Field& f) {
  if (f.kind == FieldKind::flag) return {"是", "否"};
  if (!f.vocab) return {};
  std::vector<std::string> out;
  core::Terms terms = f.vocab();
  for (const auto& t : core::active_terms(*terms)) out.push_back(t.label);
  return out;
}

// The village of the account's region with the smallest code, as a name path from its county
// down ("公安县/斑竹垱镇/车家垱村村民委员会"); a fixed example when the region has none.
std::string example_place(store::Db& db, const std::string& region) {
  std::optional<std::string> village;
  {
    auto c = db.acquire();
    auto r = store::query_one(
        *c, "SELECT code FROM region WHERE level = 5 AND code LIKE $1 ORDER BY code LIMIT 1",
        {region_prefix(region) + "%"});
    if (r) village = r->text(0);
  }
  if (!village) return "公安县/斑竹垱镇/车家垱村";
  std::string path;
  nlohmann::json found = region_with_path(db, *village);  // held: the loop reads into it
  for (const auto& step : found["path"]) {
    if (step["level"].get<int64_t>() < 3) continue;
    path += (path.empty() ? "" : "/") + step["name"].get<std::string>();
  }
  return path;
}

}  // namespace

std::vector<io::FormColumn> import_template_columns(const std::string& kind,
                                                    const std::string& place) {
  const KindSpec& s = spec(kind);
  std::vector<io::FormColumn> out;
  for (const Field& f : s.fields) {
    io::FormColumn col;
    col.header = f.label;
    col.required = s.required.count(f.name) > 0;
    col.note = (col.required ? "必填。" : "") + rule_of(f, place);
    if (auto it = s.notes.find(f.name); it != s.notes.end()) col.note += it->second;
    col.keep_digits = f.kind == FieldKind::id_number || f.kind == FieldKind::phone ||
                      f.kind == FieldKind::region || f.kind == FieldKind::region_list ||
                      f.kind == FieldKind::industry || f.kind == FieldKind::industry_list ||
                      f.kind == FieldKind::credit_code;
    col.width = column_width(f);
    std::vector<std::string> choices = choices_of(f);
    if (f.kind == FieldKind::vocab_list) {
      // Several entries in one cell: no drop-down, the choices are listed in the instructions.
      std::string list;
      for (const auto& c : choices) list += (list.empty() ? "" : "、") + c;
      col.note += "可选：" + list + "。";
    } else {
      col.choices = std::move(choices);
    }
    out.push_back(std::move(col));
  }
  return out;
}

std::vector<std::vector<std::string>> import_template_notes(
    const std::string& kind, const std::vector<io::FormColumn>& columns) {
  std::vector<std::vector<std::string>> rows = {{"列名", "必填", "填写说明", "可选值"}};
  for (const auto& c : columns) {
    std::string choices;
    for (const auto& x : c.choices) choices += (choices.empty() ? "" : "、") + x;
    rows.push_back({c.header, c.required ? "是" : "", c.note, choices});
  }
  rows.push_back({});
  rows.push_back({"填表须知"});
  std::vector<std::string> rules = spec(kind).rules;
  rules.insert(rules.begin(),
               {"在第一个工作表中从第2行起填写，表头请勿改动（带*的列必填）；也可以把本模板的表头"
                "复制到已有台账中使用。",
                "身份证号、电话、代码等列已设为文本格式；从其他表格粘贴时请用“选择性粘贴—数值”，"
                "以免长数字被改写为科学计数法。"});
  rules.push_back(
      "导入前系统先检查全部行，有问题的行列入问题清单（行号、列、内容、原因），可下载“未导入的行”"
      "改正后重新导入；没有问题的行不受影响。");
  for (size_t i = 0; i < rules.size(); ++i) {
    rows.push_back({std::to_string(i + 1), "", rules[i]});
  }
  return rows;
}

TemplateFile import_template_file(store::Db& db, const Principal& p, const std::string& kind) {
  require(p, import_permission(kind));
  std::string place = example_place(db, p.region_code);
  const KindSpec& s = spec(kind);
  auto columns = import_template_columns(kind, place);
  std::string path = temp_file("guiyan-template-", 0, "xlsx");
  io::write_xlsx_form(path, s.sheet, columns, "填表说明", import_template_notes(kind, columns));
  return {path, s.filename};
}

}  // namespace guiyan::service
