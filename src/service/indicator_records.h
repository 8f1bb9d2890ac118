// The record sets indicators count (data/indicators.toml names them): the table, its region and
// dates, the fields a definition may filter or sum, and how one record is shown and opened.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace guiyan::service {

struct IndicatorRecordSet {
  std::string key;
  std::string label;   // Chinese name of one record, e.g. "返乡创业主体"
  std::string from;    // SQL FROM clause with its alias
  std::string where;   // conditions every counted record meets; {as_of} binds the as-of date
  std::string region;  // SQL expression of the record's region code (the data scope)
  std::map<std::string, std::string> dates;   // date name → SQL expression (YYYY-MM-DD text)
  std::map<std::string, std::string> fields;  // field name → SQL expression (filters, sums)
  std::string distinct;  // SQL expression a "distinct" measure counts (a person, a borrower)
  std::string id;        // SQL expression of the record's id (the link's target)
  std::string title;     // SQL expression of the record's title in a drill-down list
  std::string link;      // console route of one record, "{id}" replaced: "/ventures/{id}"
  bool as_of = false;    // where binds {as_of}: a snapshot on a date, no dates of its own
  // Cheap queries (one value each, read from an index's end or a small table) whose answers
  // change whenever a record the set counts is added or changed: MAX(updated_at), MAX(id). The
  // indicator cache reuses a figure while they answer the same.
  std::vector<std::string> probes;
};

// The record set named `key`, or nullptr.
const IndicatorRecordSet* find_indicator_record_set(const std::string& key);

}  // namespace guiyan::service
