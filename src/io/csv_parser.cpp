#include "io/csv_parser.h"

namespace guiyan::io {
namespace {

constexpr size_t kMaxRecordBytes = 16u << 20;  // an open quote swallowing the file stops here

}  // namespace

CsvParser::CsvParser(char separator) : sep_(separator) {
  row_.number = 1;
}

void CsvParser::quote_error() const {
  throw SheetError("CSV 第" + std::to_string(row_.number) + "行引号不匹配");
}

void CsvParser::end_field() {
  row_.cells.push_back(std::move(field_));
  field_.clear();
}

bool CsvParser::end_record(const RowCallback& on_row) {
  end_field();
  while (!row_.cells.empty() && row_.cells.back().empty()) row_.cells.pop_back();
  bool go_on = row_.cells.empty() || on_row(row_);
  row_.cells.clear();
  ++row_.number;
  state_ = State::field_start;
  has_content_ = false;
  record_bytes_ = 0;
  return go_on;
}

bool CsvParser::feed(std::string_view text, const RowCallback& on_row) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (skip_lf_) {
      skip_lf_ = false;
      if (c == '\n') continue;
    }
    switch (state_) {
      case State::field_start:
        if (c == '"') {
          state_ = State::quoted;
          has_content_ = true;
          break;
        }
        [[fallthrough]];
      case State::unquoted:
        if (c == sep_) {
          end_field();
          state_ = State::field_start;
          has_content_ = true;
        } else if (c == '\n' || c == '\r') {
          skip_lf_ = c == '\r';
          if (!end_record(on_row)) return false;
        } else {
          field_.push_back(c);  // a quote inside an unquoted field is taken literally
          state_ = State::unquoted;
          has_content_ = true;
        }
        break;
      case State::quoted:
        if (c == '"') {
          state_ = State::after_quote;
        } else if (c == '\r') {
          state_ = State::quoted_cr;
        } else {
          field_.push_back(c);
        }
        break;
      case State::quoted_cr:  // CRLF inside quotes becomes LF, a lone CR stays
        if (c != '\n') field_.push_back('\r');
        if (c == '"') {
          state_ = State::after_quote;
        } else if (c == '\r') {
          state_ = State::quoted_cr;
        } else {
          field_.push_back(c);
          state_ = State::quoted;
        }
        break;
      case State::after_quote:
        if (c == '"') {
          field_.push_back('"');
          state_ = State::quoted;
        } else if (c == sep_) {
          end_field();
          state_ = State::field_start;
        } else if (c == '\n' || c == '\r') {
          skip_lf_ = c == '\r';
          if (!end_record(on_row)) return false;
        } else if (c != ' ') {
          quote_error();
        }
        break;
    }
    if (has_content_ && ++record_bytes_ > kMaxRecordBytes) {
      if (state_ == State::quoted || state_ == State::quoted_cr) quote_error();
      throw SheetError("CSV 第" + std::to_string(row_.number) + "行过长");
    }
  }
  return true;
}

bool CsvParser::finish(const RowCallback& on_row) {
  if (state_ == State::quoted || state_ == State::quoted_cr) quote_error();
  if (!has_content_) return true;
  return end_record(on_row);
}

}  // namespace guiyan::io
