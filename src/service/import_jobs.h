// Imports as background jobs kept in the database: any server may enqueue one, exactly one
// server runs it (an atomic claim), and everyone sees its progress.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// The permission an import of `kind` (people, merchants, ventures) needs; 400 for another kind.
std::string import_permission(const std::string& kind);

// A new temporary file's path: `stem`, `id`, this process and the time, then `ext`.
std::string temp_file(const std::string& stem, int64_t id, const std::string& ext);

// Stores the uploaded bytes and queues a job (person:import); 400 for an unknown kind, source or
// file type, or an empty file. Returns the job.
nlohmann::json enqueue_import(store::Db& db, const Principal& p, const std::string& kind,
                              const std::string& filename, const std::string& source, bool dry_run,
                              const std::string& bytes);
// The account's 50 latest jobs, newest first, of one kind when `kind` is not empty (which then
// needs that kind's permission; 400 for an unknown kind), else of every kind (any import
// permission).
nlohmann::json list_imports(store::Db& db, const Principal& p, const std::string& kind = "");
// One job with its first 200 issues (person:import; 404 outside scope).
nlohmann::json get_import(store::Db& db, const Principal& p, int64_t id);
// Writes the job's issues as .xlsx to a temporary file and returns its path.
std::string import_report_file(store::Db& db, const Principal& p, int64_t id);
// Writes the rows a finished job refused, in its sheet's layout with a column 未导入原因, as .xlsx
// to a temporary file and returns its path (409 when the job is not done or refused nothing).
std::string import_rejected_file(store::Db& db, const Principal& p, int64_t id);
// Queues the real import of a finished dry run's file → the new job.
nlohmann::json commit_import(store::Db& db, const Principal& p, int64_t id);

// Claims the oldest queued job (or one whose server stopped beating for 2 minutes) and runs it;
// returns false when there was none. When *stop becomes true the job stops after its current
// batch and goes back to the queue (committed batches stay; the re-run skips them unchanged).
bool run_next_import(store::Db& db, const std::string& worker_id,
                     const std::atomic<bool>* stop = nullptr);

// A thread per server process that runs queued imports.
class ImportWorker {
 public:
  // Starts polling `db` every `interval` (and at once when notify() is called).
  ImportWorker(store::Db& db, std::string worker_id, std::chrono::milliseconds interval);
  // Stops after the job in hand (if any) is finished.
  ~ImportWorker();
  // Wakes the worker (a job was just queued by this process).
  void notify();

 private:
  void loop();
  store::Db& db_;
  std::string id_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace guiyan::service
