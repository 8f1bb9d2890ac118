#include "service/principal.h"

#include "http/api_error.h"

namespace guiyan::service {

void require(const Principal& p, const std::string& permission) {
  if (!p.can(permission)) throw http::forbidden();
}

}  // namespace guiyan::service
