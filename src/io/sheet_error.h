// The one error type of the spreadsheet I/O library; its message is Chinese, for a clerk.
#pragma once

#include <stdexcept>
#include <string>

namespace guiyan::io {

// A file that cannot be read or written as a sheet; what() is a Chinese message fit to show.
class SheetError : public std::runtime_error {
 public:
  // Wraps a user-facing Chinese message.
  explicit SheetError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace guiyan::io
