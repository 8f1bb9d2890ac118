#include "service/import_report.h"

#include <nlohmann/json.hpp>

#include "io/xlsx_writer.h"

namespace guiyan::service {

void write_import_report(const std::string& path, const ImportSummary& s) {
  io::XlsxWriter w(path, "导入问题");
  w.header({"行号", "列", "内容", "原因", "处理"});
  w.row({"", "", "",
         "共读取 " + std::to_string(s.rows_read) + " 行，接受 " + std::to_string(s.accepted) +
             " 行，拒绝 " + std::to_string(s.rejected) + " 行"});
  for (const auto& issue : s.issues) {
    w.row({issue.row ? std::to_string(issue.row) : "", issue.column, issue.value, issue.reason,
           issue.row == 0  ? ""
           : issue.skipped ? "已跳过"
           : issue.kept    ? "已导入，待核实"
                           : "未导入"},
          {io::CellKind::number, io::CellKind::text, io::CellKind::text, io::CellKind::text,
           io::CellKind::text});
  }
  for (const auto& col : s.ignored_columns) {
    w.row({"", col, "", "未识别的列，已忽略"});
  }
  w.close();
}

std::string summary_json(const ImportSummary& s) {
  nlohmann::json j{{"rows_read", s.rows_read}, {"accepted", s.accepted}, {"rejected", s.rejected},
                   {"new", s.created},         {"updated", s.updated},   {"unchanged", s.unchanged},
                   {"conflicts", s.conflicts}};
  return j.dump();
}

}  // namespace guiyan::service
