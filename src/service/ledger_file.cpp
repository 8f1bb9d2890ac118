#include "service/ledger_file.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/text.h"
#include "http/api_error.h"
#include "io/csv_writer.h"
#include "service/masking.h"

namespace guiyan::service {

LedgerFile::LedgerFile(const std::string& format, const std::string& sheet_name,
                       const std::vector<std::string>& header, std::vector<io::CellKind> kinds)
    : kinds_(std::move(kinds)) {
  if (format != "xlsx" && format != "csv") {
    throw http::bad_request("format", "导出格式应为 xlsx 或 csv");
  }
  path_ =
      (std::filesystem::temp_directory_path() /
       ("guiyan-export-" + std::to_string(::getpid()) + "-" +
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "." + format))
          .string();
  if (format == "xlsx") {
    xlsx_ = std::make_unique<io::XlsxWriter>(path_, sheet_name);
    xlsx_->header(header);
  } else {
    csv_ = std::make_unique<io::CsvWriter>(path_);
    csv_->header(header);
  }
}

LedgerFile::~LedgerFile() {
  if (closed_) return;
  xlsx_.reset();
  csv_.reset();
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

void LedgerFile::row(const std::vector<std::string>& cells) {
  if (xlsx_) {
    xlsx_->row(cells, kinds_);
  } else {
    csv_->row(cells);
  }
  ++rows_;
}

std::string LedgerFile::close() {
  if (xlsx_) xlsx_->close();
  if (csv_) csv_->close();
  closed_ = true;
  return path_;
}

io::CellKind cell_kind(const core::Field& f) {
  return f.kind == core::FieldKind::integer ? io::CellKind::number
         : f.kind == core::FieldKind::date  ? io::CellKind::date
                                            : io::CellKind::text;
}

std::string cell_text(const core::Field& f, const store::Value& v, const core::Terms& vocab,
                      bool unmask) {
  if (std::holds_alternative<store::Null>(v)) return {};
  if (auto i = std::get_if<int64_t>(&v)) {
    if (f.kind == core::FieldKind::flag) return *i != 0 ? "是" : "否";
    return std::to_string(*i);
  }
  const std::string& s = std::get<std::string>(v);
  if (f.kind == core::FieldKind::id_number) return unmask ? s : mask_id_number(s);
  if (f.kind == core::FieldKind::phone) return unmask ? s : mask_phone(s);
  if (f.kind == core::FieldKind::vocab_list || f.kind == core::FieldKind::industry_list ||
      f.kind == core::FieldKind::region_list) {
    std::string out;
    for (const auto& k : core::split(s, ',')) {
      out += (out.empty() ? "" : "、") + (vocab ? core::term_label(*vocab, k) : k);
    }
    return out;
  }
  return vocab ? core::term_label(*vocab, s) : s;
}

}  // namespace guiyan::service
