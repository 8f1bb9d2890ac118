// A SQLite file for one test: a unique name in the temporary folder, removed with its WAL files.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace guiyan::store {

class TempDatabase {
 public:
  // Names a file "STEM_PID_N.db" in the temporary folder that no other test process or test uses.
  explicit TempDatabase(const std::string& stem) {
    static std::atomic<int> n{0};
    path_ = (std::filesystem::temp_directory_path() /
             (stem + "_" + std::to_string(getpid()) + "_" + std::to_string(++n) + ".db"))
                .string();
    remove_files();
  }
  // Removes the file; whatever opened it must be closed first (declare this member first).
  ~TempDatabase() { remove_files(); }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  // The file's path.
  const std::string& path() const { return path_; }
  // The database URL of the file, for open_db.
  std::string url() const { return "sqlite:" + path_; }

 private:
  void remove_files() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_ + suffix, ec);
    }
  }
  std::string path_;
};

}  // namespace guiyan::store
