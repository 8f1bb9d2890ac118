#include "service/masking.h"

namespace guiyan::service {

std::string mask_id_number(std::string_view id) {
  if (id.size() < 9) return std::string(id.size(), '*');
  return std::string(id.substr(0, 4)) + std::string(id.size() - 8, '*') +
         std::string(id.substr(id.size() - 4));
}

std::string mask_phone(std::string_view phone) {
  if (phone.empty()) return {};
  auto dash = phone.find('-');
  if (dash != std::string_view::npos && dash < 5) {
    std::string_view local = phone.substr(dash + 1);
    if (local.size() < 5)
      return std::string(phone.substr(0, dash + 1)) + std::string(local.size(), '*');
    return std::string(phone.substr(0, dash + 1)) + std::string(local.size() - 4, '*') +
           std::string(local.substr(local.size() - 4));
  }
  if (phone.size() < 8) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') +
         std::string(phone.substr(phone.size() - 4));
}

}  // namespace guiyan::service
