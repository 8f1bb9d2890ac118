#include "service/import_jobs.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/clock.h"
#include "core/person_vocabulary.h"
#include "http/api_error.h"
#include "io/sheet_error.h"
#include "io/sheet_reader.h"
#include "service/audit.h"
#include "service/auth_service.h"
#include "service/data_scope.h"
#include "service/import_rejected.h"
#include "service/import_report.h"
#include "service/merchant_import.h"
#include "service/person_import.h"
#include "service/venture_import.h"
#include "store/conn_pool.h"

namespace guiyan::service {
namespace {

using http::bad_request;

const char* kJobColumns =
    "id, kind, filename, source, dry_run, status, rows_read, accepted, rejected, created, updated, "
    "unchanged, conflicts, error, created_at, started_at, finished_at, region_code, created_by, "
    "file_id";

nlohmann::json job_json(const store::Row& r) {
  auto opt = [&](size_t i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); };
  return {{"id", r.i64(0)},         {"kind", r.text(1)},        {"filename", r.text(2)},
          {"source", r.text(3)},    {"dry_run", r.i64(4) != 0}, {"status", r.text(5)},
          {"rows_read", r.i64(6)},  {"accepted", r.i64(7)},     {"rejected", r.i64(8)},
          {"new", r.i64(9)},        {"updated", r.i64(10)},     {"unchanged", r.i64(11)},
          {"conflicts", r.i64(12)}, {"error", opt(13)},         {"created_at", r.text(14)},
          {"started_at", opt(15)},  {"finished_at", opt(16)}};
}

// 403 unless the account may import something.
void require_any_import(const Principal& p) {
  if (!p.can("person:import") && !p.can("merchant:import") && !p.can("venture:write")) {
    throw http::forbidden();
  }
}

store::Row job_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto r = store::query_one(
      c, std::string("SELECT ") + kJobColumns + " FROM import_job WHERE id = $1", {id});
  if (!r || !in_scope(p, r->text(17), r->i64(18))) throw http::not_found("导入任务");
  require(p, import_permission(r->text(1)));
  return *r;
}

std::string extension_of(const std::string& filename) {
  auto dot = filename.rfind('.');
  std::string ext = dot == std::string::npos ? "" : filename.substr(dot + 1);
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext;
}

int64_t queue_job(store::Conn& c, const Principal& p, const std::string& kind, int64_t file_id,
                  const std::string& filename, const std::string& source, bool dry_run) {
  int64_t id = store::query_int(
      c,
      "INSERT INTO import_job (kind, file_id, filename, source, dry_run, status, region_code, "
      "created_by, created_at) VALUES ($8, $1, $2, $3, $4, 'queued', $5, $6, $7) RETURNING id",
      {file_id, filename, source, int64_t{dry_run}, p.region_code, p.user_id, core::now_iso(),
       kind});
  audit(c, Actor::of(p),
        {"create",
         "import_job",
         std::to_string(id),
         p.region_code,
         nullptr,
         {{"kind", kind}, {"filename", filename}, {"source", source}, {"dry_run", dry_run}}});
  return id;
}

void save_progress(store::Db& db, int64_t id, const ImportSummary& s, const std::string& status) {
  auto conn = db.acquire();
  store::exec(
      *conn,
      "UPDATE import_job SET rows_read = $2, accepted = $3, rejected = $4, created = $5, "
      "updated = $6, unchanged = $7, conflicts = $8, heartbeat_at = $9, status = $10 "
      "WHERE id = $1",
      {id, int64_t(s.rows_read), int64_t(s.accepted), int64_t(s.rejected), int64_t(s.created),
       int64_t(s.updated), int64_t(s.unchanged), int64_t(s.conflicts), core::now_iso(), status});
}

}  // namespace

nlohmann::json enqueue_import(store::Db& db, const Principal& p, const std::string& kind,
                              const std::string& filename, const std::string& source_in,
                              bool dry_run, const std::string& bytes) {
  require(p, import_permission(kind));
  if (!io::is_sheet_file_name(filename)) throw bad_request("filename", io::kSheetFileTypes);
  auto source = core::find_term(core::data_sources(), source_in.empty() ? "survey" : source_in);
  if (!source) throw bad_request("source", "数据来源应为 大数据、入户调查、自主填报 或 手工录入");
  if (bytes.empty()) throw bad_request("file", "上传的文件是空的");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  int64_t file_id = store::query_int(
      *conn,
      "INSERT INTO import_file (filename, content, created_at) VALUES ($1, $2, $3) RETURNING id",
      {filename, store::Blob{bytes}, core::now_iso()});
  int64_t id = queue_job(*conn, p, kind, file_id, filename, *source, dry_run);
  auto job = job_in_scope(*conn, p, id);
  tx.commit();
  return job_json(job);
}

nlohmann::json list_imports(store::Db& db, const Principal& p, const std::string& kind) {
  if (kind.empty()) {
    require_any_import(p);
  } else {
    require(p, import_permission(kind));
  }
  auto conn = db.acquire();
  nlohmann::json items = nlohmann::json::array();
  store::SqlBuilder sql;
  std::string where = "created_by = " + sql.bind(p.user_id);
  if (!kind.empty()) where += " AND kind = " + sql.bind(kind);
  for (const auto& r :
       store::query(*conn,
                    std::string("SELECT ") + kJobColumns + " FROM import_job WHERE " + where +
                        " ORDER BY id DESC LIMIT 50",
                    sql.params())) {
    items.push_back(job_json(r));
  }
  return {{"items", items}};
}

nlohmann::json get_import(store::Db& db, const Principal& p, int64_t id) {
  require_any_import(p);
  auto conn = db.acquire();
  auto job = job_json(job_in_scope(*conn, p, id));
  auto issues = store::query_one(*conn, "SELECT issues_json FROM import_job WHERE id = $1", {id});
  nlohmann::json list = nlohmann::json::array();
  if (issues && !issues->is_null(0)) {
    auto all = nlohmann::json::parse(issues->text(0), nullptr, false);
    // Refusals and warnings first, then the rows passed over (a ledger's subtotals can be many).
    for (bool skipped : {false, true}) {
      for (size_t i = 0; all.is_array() && i < all.size() && list.size() < 200; ++i) {
        if (all[i].value("skipped", false) == skipped) list.push_back(all[i]);
      }
    }
    job["issue_count"] = all.is_array() ? all.size() : 0;
  }
  job["issues"] = list;
  return job;
}

namespace {

// A job's counts, issues and where it read its rows, as the import summed them up.
ImportSummary stored_summary(store::Conn& c, const store::Row& job) {
  ImportSummary s;
  s.rows_read = job.i64(6);
  s.accepted = job.i64(7);
  s.rejected = job.i64(8);
  auto stored = store::query_one(
      c, "SELECT issues_json, sheet_index, header_row FROM import_job WHERE id = $1", {job.i64(0)});
  if (stored && !stored->is_null(0)) {
    for (const auto& i : nlohmann::json::parse(stored->text(0))) {
      s.issues.push_back({i.value("row", size_t{0}), i.value("column", ""), i.value("value", ""),
                          i.value("reason", ""), i.value("kept", false),
                          i.value("skipped", false)});
    }
  }
  if (stored) {
    s.sheet_index = static_cast<size_t>(stored->opt_i64(1).value_or(0));
    s.header_row = static_cast<size_t>(stored->opt_i64(2).value_or(0));
  }
  return s;
}

// Writes the uploaded file `file_id` to `path`; false when it is gone.
bool write_stored_file(store::Conn& c, int64_t file_id, const std::string& path) {
  auto content = store::query_one(c, "SELECT content FROM import_file WHERE id = $1", {file_id});
  if (!content) return false;
  std::ofstream(path, std::ios::binary) << content->text(0);
  return true;
}

// Removes a temporary file when it goes out of scope, however the scope is left.
struct TempFileGuard {
  std::string path;
  ~TempFileGuard() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

std::string import_permission(const std::string& kind) {
  if (kind == "people") return "person:import";
  if (kind == "merchants") return "merchant:import";
  if (kind == "ventures") return "venture:write";
  throw bad_request(
      "kind", "导入类型应为 people（返乡人员）、merchants（楚商楚才）或 ventures（返乡创业主体）");
}

std::string temp_file(const std::string& stem, int64_t id, const std::string& ext) {
  return (std::filesystem::temp_directory_path() /
          (stem + std::to_string(id) + "-" + std::to_string(::getpid()) + "-" +
           std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "." + ext))
      .string();
}

std::string import_report_file(store::Db& db, const Principal& p, int64_t id) {
  require_any_import(p);
  auto conn = db.acquire();
  auto s = stored_summary(*conn, job_in_scope(*conn, p, id));
  std::string path = temp_file("guiyan-report-", id, "xlsx");
  write_import_report(path, s);
  return path;
}

std::string import_rejected_file(store::Db& db, const Principal& p, int64_t id) {
  require_any_import(p);
  auto conn = db.acquire();
  auto job = job_in_scope(*conn, p, id);
  auto s = stored_summary(*conn, job);
  if (job.text(5) != "done") throw http::ApiError(409, "not_done", "导入任务尚未完成");
  if (s.rejected == 0) throw http::ApiError(409, "nothing_rejected", "本次导入没有未导入的行");
  if (s.header_row == 0) {
    // A job from before the sheet's layout was recorded (migration 031).
    throw http::ApiError(409, "layout_unknown",
                         "这次导入未记录表头位置，无法取回未导入的行，请重新检查该文件");
  }
  TempFileGuard source{temp_file("guiyan-rejected-source-", id, extension_of(job.text(2)))};
  if (!write_stored_file(*conn, job.i64(19), source.path)) throw http::not_found("导入文件");
  std::string out = temp_file("guiyan-rejected-", id, "xlsx");
  const std::string kind = job.text(1);
  FieldOf field_of = kind == "merchants"  ? merchant_field_for_header
                     : kind == "ventures" ? venture_field_for_header
                                          : field_for_header;
  size_t rows = write_rejected_rows(source.path, s, field_of, out);
  // The rows hand back personal data as uploaded, unmasked: the download is recorded.
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p),
        {"export",
         "import_job",
         std::to_string(id),
         job.text(17),
         nullptr,
         {{"rejected_rows", rows}, {"filename", job.text(2)}}});
  tx.commit();
  return out;
}

nlohmann::json commit_import(store::Db& db, const Principal& p, int64_t id) {
  require_any_import(p);
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = job_in_scope(*conn, p, id);
  if (row.i64(4) == 0 || row.text(5) != "done") {
    throw http::ApiError(409, "not_a_finished_dry_run", "只有已完成的预检查任务可以确认导入");
  }
  int64_t job = queue_job(*conn, p, row.text(1), row.i64(19), row.text(2), row.text(3), false);
  auto out = job_json(job_in_scope(*conn, p, job));
  tx.commit();
  return out;
}

bool run_next_import(store::Db& db, const std::string& worker_id, const std::atomic<bool>* stop) {
  int64_t id = 0;
  int64_t creator = 0;
  std::string filename, source, kind;
  bool dry_run = false;
  int64_t file_id = 0;
  {
    auto conn = db.acquire();
    std::string now = core::now_iso();
    std::string stale = core::to_iso(core::now() - std::chrono::minutes{2});
    store::Tx tx(*conn);
    // One UPDATE decides: two servers racing for the same job cannot both get it.
    auto claimed = store::query_one(
        *conn,
        "UPDATE import_job SET status = 'running', claimed_by = $1, started_at = $2, "
        "heartbeat_at = $2 WHERE id = (SELECT id FROM import_job WHERE status = 'queued' OR "
        "(status = 'running' AND heartbeat_at < $3) ORDER BY id LIMIT 1) AND (status = 'queued' "
        "OR (status = 'running' AND heartbeat_at < $3)) RETURNING id, created_by, filename, "
        "source, dry_run, file_id, kind",
        {worker_id, now, stale});
    tx.commit();
    if (!claimed) return false;
    id = claimed->i64(0);
    creator = claimed->i64(1);
    filename = claimed->text(2);
    source = claimed->text(3);
    dry_run = claimed->i64(4) != 0;
    file_id = claimed->i64(5);
    kind = claimed->text(6);
  }
  std::string path;
  try {
    std::optional<Principal> by;
    {
      auto conn = db.acquire();
      by = load_principal(*conn, creator);
      path =
          (std::filesystem::temp_directory_path() /
           ("guiyan-import-" + std::to_string(id) + "-" + worker_id + "." + extension_of(filename)))
              .string();
      if (!by || !write_stored_file(*conn, file_id, path)) {
        throw std::runtime_error("导入任务的文件或账号已不存在");
      }
    }
    by->ip = "import";
    ImportOptions opt;
    opt.source = source;
    opt.dry_run = dry_run;
    opt.file_label = filename;
    opt.stop = stop;
    // The progress is written on a connection of its own, so that it commits apart from the
    // import's batches and others see it while the import goes on.
    store::SecondConnection progress_apart;
    auto on_batch = [&](const ImportSummary& s) {
      save_progress(db, id, s, "running");
      if (stop && *stop) throw ImportStopped{};
    };
    auto summary =
        kind == "merchants"  ? import_merchants(db, Actor::of(*by), &*by, path, opt, on_batch)
        : kind == "ventures" ? import_ventures(db, Actor::of(*by), &*by, path, opt, on_batch)
                             : import_people(db, Actor::of(*by), &*by, path, opt, on_batch);
    nlohmann::json issues = nlohmann::json::array();
    for (const auto& i : summary.issues) {
      issues.push_back({{"row", i.row},
                        {"column", i.column},
                        {"value", i.value},
                        {"reason", i.reason},
                        {"kept", i.kept},
                        {"skipped", i.skipped}});
    }
    for (const auto& col : summary.ignored_columns) {
      issues.push_back(
          {{"row", 0}, {"column", col}, {"value", ""}, {"reason", "未识别的列，已忽略"}});
    }
    // The issues and the final counts land before (never after) the job reads as done.
    save_progress(db, id, summary, "running");
    auto conn = db.acquire();
    store::exec(*conn,
                "UPDATE import_job SET issues_json = $2, finished_at = $3, sheet_index = $4, "
                "header_row = $5, status = 'done' WHERE id = $1",
                {id, issues.dump(), core::now_iso(), int64_t(summary.sheet_index),
                 int64_t(summary.header_row)});
  } catch (const ImportStopped&) {
    // This server is stopping (between batches, or inside one, which was rolled back): hand the
    // job back; any server (this one restarted, or another) takes it up and skips the rows
    // already committed.
    auto conn = db.acquire();
    store::exec(*conn, "UPDATE import_job SET status = 'queued', claimed_by = NULL WHERE id = $1",
                {id});
  } catch (const std::exception& e) {
    auto conn = db.acquire();
    store::exec(
        *conn,
        "UPDATE import_job SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1",
        {id, std::string(e.what()), core::now_iso()});
  }
  if (!path.empty()) std::filesystem::remove(path);
  return true;
}

ImportWorker::ImportWorker(store::Db& db, std::string worker_id, std::chrono::milliseconds interval)
    : db_(db), id_(std::move(worker_id)), interval_(interval), thread_([this] { loop(); }) {}

ImportWorker::~ImportWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;  // a running job stops after its current batch
  }
  cv_.notify_all();
  thread_.join();
}

void ImportWorker::notify() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void ImportWorker::loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, interval_, [&] { return stop_ || woken_; });
      if (stop_) return;
      woken_ = false;
    }
    try {
      while (!stop_ && run_next_import(db_, id_, &stop_)) {
      }
    } catch (const std::exception& e) {
      std::cerr << "import worker: " << e.what() << std::endl;  // database away: try again later
    }
  }
}

}  // namespace guiyan::service
