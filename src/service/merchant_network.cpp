#include "service/merchant_network.h"

#include "core/clock.h"
#include "core/merchant_vocabulary.h"
#include "core/text.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/merchant_service.h"
#include "service/merchant_write.h"

namespace guiyan::service {
namespace {

using K = core::FieldKind;
using http::bad_request;

std::optional<int64_t> int_value(const RecordValues& v, const std::string& name) {
  auto it = v.find(name);
  if (it == v.end()) return std::nullopt;
  if (auto i = std::get_if<int64_t>(&it->second)) return *i;
  return std::nullopt;
}

// The Chinese level of the government a region code names (市级, 县级 …).
std::string level_label(const std::string& code) {
  if (code.size() != 6) return "乡镇级";
  if (code.substr(2) == "0000") return "省级";
  if (code.substr(4) == "00") return "市级";
  return "县级";
}

}  // namespace

const RecordTable& chamber_table() {
  static const RecordTable t = [] {
    RecordTable t;
    t.table = "chamber";
    t.entity = "chamber";
    t.title = "商会";
    t.fields = {{"name", "商会名称", K::text, 100},
                {"kind", "类型", K::vocab, 20, &core::fixed_terms<core::chamber_kinds>},
                {"city", "所在城市", K::text, 40},
                {"country", "所在国家或地区", K::text, 40},
                {"region_code", "联系地区", K::region, 12},
                {"contact_name", "联系人", K::personal_name, 40},
                {"contact_phone", "联系电话", K::phone, 20},
                {"established_on", "成立日期", K::date},
                {"notes", "备注", K::text, 1000}};
    t.required = {"name", "kind", "region_code"};
    t.search = {"name", "city", "country"};
    t.filters = {"kind"};
    t.read_perm = "merchant:read";
    t.write_perm = "merchant:write";
    t.unmask_perm = "merchant:unmask";
    return t;
  }();
  return t;
}

const RecordTable& station_table() {
  static const RecordTable t = [] {
    RecordTable t;
    t.table = "station";
    t.entity = "station";
    t.title = "联络站";
    t.fields = {{"kind", "站点类型", K::vocab, 20, &core::fixed_terms<core::station_kinds>},
                {"name", "站点名称", K::text, 100},
                {"city", "所在城市", K::text, 40},
                {"country", "所在国家或地区", K::text, 40},
                {"region_code", "设立地区", K::region, 12},
                {"host_chamber_id", "依托商会", K::integer},
                {"contact_name", "联系人", K::personal_name, 40},
                {"contact_phone", "联系电话", K::phone, 20},
                {"established_on", "设立日期", K::date},
                {"notes", "备注", K::text, 1000}};
    t.required = {"kind", "name", "city", "region_code"};
    t.search = {"name", "city", "country"};
    t.filters = {"kind", "host_chamber_id", "merchant_id"};
    t.filter_sql = {
        {"merchant_id", "id IN (SELECT station_id FROM station_merchant WHERE merchant_id = {})"}};
    t.filter_refs = {{"merchant_id", [](store::Conn& c, const Principal& p,
                                        int64_t id) { merchant_in_scope(c, p, id); }},
                     {"host_chamber_id", [](store::Conn& c, const Principal& p, int64_t id) {
                        record_in_scope(c, p, chamber_table(), id);
                      }}};
    t.read_perm = "merchant:read";
    t.write_perm = "merchant:write";
    t.unmask_perm = "merchant:unmask";
    t.check = [](store::Conn& c, const Principal& p, const RecordValues& v, const nlohmann::json*) {
      if (auto chamber = int_value(v, "host_chamber_id")) {
        try {
          record_in_scope(c, p, chamber_table(), *chamber);
        } catch (const http::ApiError&) {
          throw bad_request("host_chamber_id", "依托商会不存在或不在您的数据范围内");
        }
      }
    };
    t.decorate = [](store::Conn& c, const Principal& p, nlohmann::json& item) {
      item["host_chamber_name"] =
          item["host_chamber_id"].is_null()
              ? nlohmann::json()
              : nlohmann::json(store::query_one(c, "SELECT name FROM chamber WHERE id = $1",
                                                {item["host_chamber_id"].get<int64_t>()})
                                   ->text(0));
      // Every linked merchant counts; the account sees the names of those in its scope.
      nlohmann::json merchants = nlohmann::json::array();
      int64_t count = 0;
      for (const auto& r : store::query(
               c,
               "SELECT m.id, COALESCE(m.name, ''), COALESCE(m.enterprise_name, ''), "
               "m.hometown_code, m.created_by FROM station_merchant s JOIN merchant m ON m.id = "
               "s.merchant_id WHERE s.station_id = $1 ORDER BY m.id",
               {item["id"].get<int64_t>()})) {
        ++count;
        if (!in_scope(p, r.text(3), r.opt_i64(4))) continue;
        merchants.push_back(
            {{"id", r.i64(0)}, {"name", r.text(1)}, {"enterprise_name", r.text(2)}});
      }
      item["merchant_count"] = count;
      item["merchants"] = merchants;
      item["hidden_merchants"] = count - static_cast<int64_t>(merchants.size());
    };
    return t;
  }();
  return t;
}

const RecordTable& ambassador_table() {
  static const RecordTable t = [] {
    RecordTable t;
    t.table = "ambassador";
    t.entity = "ambassador";
    t.title = "招商大使";
    t.fields = {{"merchant_id", "楚商楚才编号", K::integer},
                {"region_code", "聘任地区", K::region, 12},
                {"appointed_on", "聘任日期", K::date},
                {"term_end", "任期截止", K::date, 10, nullptr, false, true},
                {"status", "状态", K::vocab, 20, &core::fixed_terms<core::ambassador_statuses>},
                {"notes", "备注", K::text, 1000}};
    t.required = {"merchant_id", "region_code", "appointed_on", "status"};
    t.filters = {"status", "merchant_id"};
    t.search = {
        "(SELECT COALESCE(m.name, '') || ' ' || COALESCE(m.enterprise_name, '') FROM "
        "merchant m WHERE m.id = ambassador.merchant_id)"};
    t.read_perm = "merchant:read";
    t.write_perm = "merchant:write";
    t.check = [](store::Conn& c, const Principal& p, const RecordValues& v,
                 const nlohmann::json* before) {
      if (auto m = int_value(v, "merchant_id")) {
        try {
          merchant_in_scope(c, p, *m);
        } catch (const http::ApiError&) {
          throw bad_request("merchant_id", "楚商楚才记录不存在或不在您的数据范围内");
        }
      }
      auto text = [&](const char* f) -> std::string {
        auto it = v.find(f);
        if (it != v.end()) {
          auto s = std::get_if<std::string>(&it->second);
          return s ? *s : "";
        }
        return before && (*before)[f].is_string() ? (*before)[f].get<std::string>() : "";
      };
      if (!text("term_end").empty() && text("term_end") < text("appointed_on")) {
        throw bad_request("term_end", "任期截止日期不能早于聘任日期");
      }
    };
    t.decorate = [](store::Conn& c, const Principal&, nlohmann::json& item) {
      auto m = store::query_one(
          c, "SELECT COALESCE(name, ''), COALESCE(enterprise_name, '') FROM merchant WHERE id = $1",
          {item["merchant_id"].get<int64_t>()});
      item["merchant_name"] = m ? m->text(0) : "";
      item["enterprise_name"] = m ? m->text(1) : "";
      item["level_label"] = level_label(item["region_code"].get<std::string>());
      // Referrals: the projects the ambassador referred, and how many of them have landed.
      auto refs = store::query_one(c,
                                   "SELECT COUNT(*), SUM(CASE WHEN stage IN ('landed', "
                                   "'construction', 'production') THEN 1 ELSE 0 END), "
                                   "COALESCE(SUM(amount_wan), 0) FROM project WHERE ambassador_id "
                                   "= $1",
                                   {item["id"].get<int64_t>()});
      item["referrals"] = refs->i64(0);
      item["referrals_landed"] = refs->i64(1);
      item["referrals_amount_wan"] = refs->i64(2);
    };
    // A merchant with an active appointment carries the tag the library filters by; one whose
    // appointments have all ended loses it.
    t.after_write = [](store::Conn& c, const Principal& p, const nlohmann::json& item) {
      int64_t merchant = item["merchant_id"].get<int64_t>();
      bool active = store::query_int(c,
                                     "SELECT COUNT(*) FROM ambassador WHERE merchant_id = $1 AND "
                                     "status = 'active'",
                                     {merchant}) > 0;
      auto m = store::find_merchant(c, merchant);
      // The other tags keep their order: saving an appointment changes the record only when the
      // tag comes or goes.
      std::vector<std::string> tags;
      bool tagged = false;
      for (const auto& tag : core::split(m->text("tags"), ',')) {
        if (tag == "ambassador") tagged = true;
        if (!tag.empty() && tag != "ambassador") tags.push_back(tag);
      }
      if (active == tagged) return;
      if (active) tags.push_back("ambassador");
      std::string joined;
      for (const auto& tag : tags) joined += (joined.empty() ? "" : ",") + tag;
      store::Value value = joined.empty() ? store::Value{store::Null{}} : store::Value{joined};
      change_merchant(c, Actor::of(p), p.user_id, *m, {{"tags", value}}, core::today_local());
    };
    return t;
  }();
  return t;
}

nlohmann::json link_station_merchant(store::Db& db, const Principal& p, int64_t station_id,
                                     int64_t merchant_id) {
  require(p, "merchant:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto station = record_in_scope(*conn, p, station_table(), station_id);
  std::string hometown;
  try {
    hometown = merchant_in_scope(*conn, p, merchant_id).text("hometown_code");
  } catch (const http::ApiError&) {
    throw bad_request("merchant_id", "楚商楚才记录不存在或不在您的数据范围内");
  }
  bool linked = store::query_one(*conn,
                                 "SELECT 1 FROM station_merchant WHERE station_id = $1 AND "
                                 "merchant_id = $2",
                                 {station_id, merchant_id})
                    .has_value();
  if (!linked) {
    store::exec(*conn,
                "INSERT INTO station_merchant (station_id, merchant_id, linked_at) VALUES ($1, "
                "$2, $3)",
                {station_id, merchant_id, core::now_iso()});
    audit(*conn, Actor::of(p),
          {"link",
           "station",
           std::to_string(station_id),
           station["region_code"].get<std::string>(),
           nullptr,
           {{"merchant_id", merchant_id}}});
    // The merchant's own trail shows it too, filed under the merchant's region (auditors of
    // its county see it).
    audit(*conn, Actor::of(p),
          {"link_station",
           "merchant",
           std::to_string(merchant_id),
           hometown,
           nullptr,
           {{"station_id", station_id}, {"station", station["name"]}}});
  }
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_record(db, p, station_table(), station_id);
}

nlohmann::json unlink_station_merchant(store::Db& db, const Principal& p, int64_t station_id,
                                       int64_t merchant_id) {
  require(p, "merchant:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto station = record_in_scope(*conn, p, station_table(), station_id);
  if (store::exec(*conn, "DELETE FROM station_merchant WHERE station_id = $1 AND merchant_id = $2",
                  {station_id, merchant_id}) == 0) {
    throw http::not_found("该站点与楚商的关联");
  }
  audit(*conn, Actor::of(p),
        {"unlink",
         "station",
         std::to_string(station_id),
         station["region_code"].get<std::string>(),
         {{"merchant_id", merchant_id}},
         nullptr});
  // A merchant another office linked may be unlinked too; its trail keeps its own region.
  auto hometown =
      store::query_one(*conn, "SELECT hometown_code FROM merchant WHERE id = $1", {merchant_id});
  audit(*conn, Actor::of(p),
        {"unlink_station",
         "merchant",
         std::to_string(merchant_id),
         hometown ? hometown->text(0) : station["region_code"].get<std::string>(),
         {{"station_id", station_id}, {"station", station["name"]}},
         nullptr});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_record(db, p, station_table(), station_id);
}

}  // namespace guiyan::service
