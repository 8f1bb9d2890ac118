#include "service/department_service.h"

#include <utility>
#include <vector>

#include "core/clock.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// (key, Chinese name, a word in department names that suggests the kind)
const std::vector<std::tuple<std::string, std::string, std::string>>& kinds() {
  static const std::vector<std::tuple<std::string, std::string, std::string>> k = {
      {"hrss", "人力资源和社会保障局", "人社"},
      {"investment", "招商服务中心", "招商"},
      {"agriculture", "农业农村局", "农业"},
      {"commerce_federation", "工商业联合会", "工商联"},
      {"education", "教育局", "教育"},
      {"bank", "合作银行", "银行"},
      {"joint_office", "联席会议办公室", "联席"},
      {"development_zone", "开发区、功能区管委会", "管委会"},
      {"culture_tourism", "文化和旅游局", "文旅"},
      {"media", "融媒体中心", "融媒体"},
      {"financial_regulator", "金融监管部门", "金融监管"},
      {"government", "人民政府（乡镇、街道）", "政府"},
      {"village", "村（社区）委员会", "委员会"},
      {"other", "其他单位", ""},
  };
  return k;
}

std::string kind_name(const std::string& key) {
  for (const auto& [k, name, hint] : kinds()) {
    if (k == key) return name;
  }
  return {};
}

const char* kSelect =
    "SELECT d.id, d.name, d.kind, d.region_code, COALESCE(r.name, ''), "
    "(SELECT COUNT(*) FROM app_user u WHERE u.department_id = d.id) "
    "FROM department d LEFT JOIN region r ON r.code = d.region_code ";

nlohmann::json to_json(const store::Row& r) {
  return {{"id", r.i64(0)},           {"name", r.text(1)},
          {"kind", r.text(2)},        {"kind_name", kind_name(r.text(2))},
          {"region_code", r.text(3)}, {"region_name", r.text(4)},
          {"user_count", r.i64(5)}};
}

nlohmann::json must_find(store::Conn& c, const Principal* by, int64_t id) {
  auto r = store::query_one(c, std::string(kSelect) + "WHERE d.id = $1", {id});
  if (!r || (by && !in_scope(*by, r->text(3)))) throw http::not_found("部门");
  return to_json(*r);
}

void validate(store::Conn& c, const Principal* by, const DepartmentInput& in) {
  if (in.kind && kind_name(*in.kind).empty()) throw bad_request("kind", "部门类型不正确");
  if (in.region_code) {
    if (!region_exists(c, *in.region_code)) {
      throw bad_request("region_code", "行政区划代码“" + *in.region_code + "”不存在");
    }
    if (by && !in_scope(*by, *in.region_code)) {
      throw bad_request("region_code", "所选区划不在您的管理范围内", "out_of_scope");
    }
  }
}

void check_unique(store::Conn& c, const std::string& region, const std::string& name,
                  int64_t except_id) {
  if (store::query_int(c,
                       "SELECT COUNT(*) FROM department WHERE region_code = $1 AND name = $2 "
                       "AND id <> $3",
                       {region, name, except_id}) > 0) {
    throw http::ApiError(409, "duplicate", "该区划下已有名为“" + name + "”的部门", "name");
  }
}

}  // namespace

nlohmann::json department_kinds() {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [key, name, hint] : kinds()) items.push_back({{"key", key}, {"name", name}});
  return {{"items", items}};
}

std::string guess_department_kind(const std::string& name) {
  for (const auto& [key, kname, hint] : kinds()) {
    if (!hint.empty() && name.find(hint) != std::string::npos) return key;
  }
  if (name.find("镇") != std::string::npos || name.find("乡") != std::string::npos ||
      name.find("街道") != std::string::npos) {
    return "government";
  }
  return "other";
}

nlohmann::json list_departments(store::Db& db, const Principal& p, const std::string& region,
                                int64_t limit, int64_t offset) {
  require(p, "department:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "d.region_code");
  if (!region.empty()) {
    check_region_filter(db, *conn, p, region);
    where += " AND " + subtree_condition(sql, "d.region_code", region);
  }
  int64_t total =
      store::query_int(*conn, "SELECT COUNT(*) FROM department d WHERE " + where, sql.params());
  std::string page =
      " ORDER BY d.region_code, d.id LIMIT " + sql.bind(limit) + " OFFSET " + sql.bind(offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r :
       store::query(*conn, std::string(kSelect) + "WHERE " + where + page, sql.params())) {
    items.push_back(to_json(r));
  }
  return {{"items", items}, {"total", total}};
}

nlohmann::json create_department(store::Db& db, const Actor& actor, const Principal* by,
                                 const DepartmentInput& in) {
  if (by) require(*by, "department:write");
  if (!in.name) throw bad_request("name", "请填写部门名称");
  if (!in.region_code) throw bad_request("region_code", "请选择部门所在区划");
  auto conn = db.acquire();
  validate(*conn, by, in);
  store::Tx tx(*conn);
  check_unique(*conn, *in.region_code, *in.name, 0);
  std::string kind = in.kind.value_or(guess_department_kind(*in.name));
  int64_t id = store::query_int(*conn,
                                "INSERT INTO department (name, kind, region_code, created_at) "
                                "VALUES ($1, $2, $3, $4) RETURNING id",
                                {*in.name, kind, *in.region_code, core::now_iso()});
  auto after = must_find(*conn, nullptr, id);
  audit(*conn, actor,
        {"create", "department", std::to_string(id), *in.region_code, nullptr, after});
  tx.commit();
  return after;
}

nlohmann::json update_department(store::Db& db, const Principal& p, int64_t id,
                                 const DepartmentInput& in) {
  require(p, "department:write");
  auto conn = db.acquire();
  validate(*conn, &p, in);
  store::Tx tx(*conn);
  auto before = must_find(*conn, &p, id);
  std::string name = in.name.value_or(before["name"].get<std::string>());
  std::string region = in.region_code.value_or(before["region_code"].get<std::string>());
  check_unique(*conn, region, name, id);
  store::exec(*conn, "UPDATE department SET name = $2, kind = $3, region_code = $4 WHERE id = $1",
              {id, name, in.kind.value_or(before["kind"].get<std::string>()), region});
  auto after = must_find(*conn, nullptr, id);
  audit(*conn, Actor::of(p), {"update", "department", std::to_string(id), region, before, after});
  tx.commit();
  return after;
}

std::optional<int64_t> find_department(store::Db& db, const std::string& region,
                                       const std::string& name) {
  auto conn = db.acquire();
  auto r = store::query_one(*conn, "SELECT id FROM department WHERE region_code = $1 AND name = $2",
                            {region, name});
  if (!r) return std::nullopt;
  return r->i64(0);
}

}  // namespace guiyan::service
