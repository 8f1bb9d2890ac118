#include "core/identifier_json.h"

namespace guiyan::core {

void to_json(nlohmann::json& json, const IdNumberResult& result) {
  json = nlohmann::json{
      {"valid", result.valid},
      {"normalized", result.normalized},
      {"reason_code", result.reason_code},
      {"reason", result.reason},
      {"birth_date", result.birth_date},
      {"gender", result.gender},
      {"region_code", result.region_code},
      {"province_code", result.province_code},
      {"province_name", result.province_name},
      {"residence_permit", result.residence_permit},
      {"warnings", result.warnings},
  };
}

void to_json(nlohmann::json& json, const CreditCodeResult& result) {
  json = nlohmann::json{
      {"valid", result.valid},
      {"normalized", result.normalized},
      {"reason_code", result.reason_code},
      {"reason", result.reason},
      {"authority_code", result.authority_code},
      {"authority_name", result.authority_name},
      {"type_code", result.type_code},
      {"type_name", result.type_name},
      {"region_code", result.region_code},
      {"organisation_code", result.organisation_code},
  };
}

void to_json(nlohmann::json& json, const PhoneResult& result) {
  json = nlohmann::json{
      {"valid", result.valid},
      {"normalized", result.normalized},
      {"reason_code", result.reason_code},
      {"reason", result.reason},
      {"kind", result.kind},
      {"area_code", result.area_code},
      {"local_number", result.local_number},
      {"extension", result.extension},
      {"city", result.city},
  };
}

}  // namespace guiyan::core
