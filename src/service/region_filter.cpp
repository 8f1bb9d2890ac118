#include "service/region_filter.h"

#include "http/api_error.h"
#include "service/data_scope.h"
#include "service/region_tree.h"

namespace guiyan::service {

void check_region_filter(store::Db& db, store::Conn& c, const Principal& p,
                         const std::string& region, const std::string& field) {
  const RegionTree& tree = region_tree(db, c);
  if (!tree.holds(region)) throw http::bad_request(field, "区划代码不存在");
  if (scope_reaches(p, region)) return;
  const std::string& path = tree.text(region);
  throw http::ApiError(403, "out_of_scope",
                       "“" + (path.empty() ? tree.name(region) : path) + "”超出您的数据范围",
                       field);
}

}  // namespace guiyan::service
