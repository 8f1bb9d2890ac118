// guiyan serve.
#include <unistd.h>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

#include "auth/password.h"
#include "cli/commands.h"
#include "core/background.h"
#include "http/api_context.h"
#include "http/server.h"
#include "http/static_files.h"
#include "service/import_jobs.h"
#include "service/indicator_cache.h"
#include "service/indicator_service.h"
#include "service/merchant_facets.h"
#include "service/person_facets.h"
#include "service/policy_service.h"
#include "service/region_resolver.h"
#include "service/region_tree.h"
#include "store/migrations.h"

namespace guiyan::cli {

void add_serve_command(CLI::App& app, Config& cfg, Action& action) {
  auto* sub = app.add_subcommand("serve", "Serve the JSON API (/api/v1) and the web console");
  sub->add_option("--listen", cfg.listen, "HOST:PORT to listen on")->capture_default_str();
  add_db_option(*sub, cfg);
  sub->add_option("--web", cfg.web, "folder of the built web console")->capture_default_str();
  sub->add_option("--workers", cfg.workers, "request worker threads")->capture_default_str();
  sub->add_option("--session-idle-minutes", cfg.session_idle_minutes,
                  "minutes of inactivity after which a session expires")
      ->capture_default_str();
  sub->add_option("--log-level", cfg.log_level, "error, info or debug")->capture_default_str();
  sub->add_option("--db-pool", cfg.db_pool,
                  "database connections of this process (0: workers + 3, at least 2)")
      ->capture_default_str();
  sub->callback([&cfg, &action] {
    action = [&cfg] {
      auto [host, port] = split_listen(cfg.listen);
      if (cfg.session_idle_minutes < 1) throw std::runtime_error("会话空闲时长至少1分钟");
      if (cfg.workers < 1) throw std::runtime_error("workers 至少为1");
      // A running import holds two connections at once (its batches, and its progress apart).
      if (cfg.db_pool < 0 || cfg.db_pool == 1)
        throw std::runtime_error("db_pool 应为 0（自动）或至少为2：导入时同时使用两个数据库连接");
      // One connection per worker, one for the dashboard's figures, two for an import.
      auto db = store::open_db(cfg.db, cfg.db_pool > 0 ? cfg.db_pool : cfg.workers + 3);
      int applied = store::migrate(*db);
      service::sync_shipped_policies(*db);
      int version = 0;
      {
        auto conn = db->acquire();
        version = store::schema_version(*conn);
      }
      // The in-memory list indexes load while the server starts answering; then the province's
      // dashboard figures are kept ready, looked at again every five minutes (a figure unchanged
      // costs a few probe queries; one kept ten minutes is computed again).
      std::jthread warm([&db](std::stop_token stop) {
        try {
          service::warm_person_facets(*db);
          service::warm_merchant_facets(*db);
          auto conn = db->acquire();
          service::region_tree(*db, *conn);  // the region tree: lists’ place paths and children
          service::shared_region_resolver(*db, *conn);  // the places a search's words name
        } catch (const std::exception& e) {
          std::cerr << "列表索引预加载失败（首次查询时再加载）：" << e.what() << std::endl;
        }
        // Requests come first: the dashboard's figures (several seconds of CPU at a million
        // people, no one waiting for them) run at the lowest priority from here on. The list
        // indexes above load at normal priority, since the first lists wait for them.
        core::yield_cpu_to_requests();
        std::mutex mu;
        std::condition_variable_any cv;
        auto wait = [&](std::chrono::milliseconds how_long) {
          std::unique_lock lock(mu);
          cv.wait_for(lock, stop, how_long, [] { return false; });
          return !stop.stop_requested();
        };
        do {
          try {
            service::warm_indicator_figures(
                *db,
                [&] {
                  return wait(service::IndicatorCache::kSettle + std::chrono::milliseconds(100));
                },
                [&] { return !stop.stop_requested(); });
          } catch (const std::exception& e) {
            std::cerr << "驾驶舱指标预计算失败（查看时再计算）：" << e.what() << std::endl;
          }
        } while (wait(std::chrono::minutes(5)));
      });
      http::ApiContext ctx{*db, {}, GUIYAN_VERSION, false};
      ctx.auth.idle_timeout = std::chrono::minutes{cfg.session_idle_minutes};
      // Each process runs queued imports; the claim in the database keeps a job to one process.
      char hostname[256] = {0};
      gethostname(hostname, sizeof hostname - 1);
      service::ImportWorker imports(*db, std::string(hostname) + ":" + std::to_string(getpid()),
                                    std::chrono::seconds(2));
      ctx.imports_queued = [&imports] { imports.notify(); };
      http::Router api = http::build_api(ctx);
      http::StaticFiles web(cfg.web);
      bool debug = cfg.log_level == "debug";
      http::ServerOptions options;
      options.address = host;
      options.port = port;
      options.workers = cfg.workers;
      auto handler = [&](http::Request& req) {
        http::Response resp = req.path.rfind("/api/", 0) == 0 ? api.dispatch(req) : web.serve(req);
        if (debug) {
          std::cerr << req.remote_ip << " " << req.method << " " << req.path << " " << resp.status
                    << "\n";
        }
        return resp;
      };
      http::serve(options, handler, [&] {
        std::cout << "归雁已启动：http://" << cfg.listen << "/  （数据库 " << db->kind()
                  << "，结构版本 " << version << (applied ? "，本次应用了迁移" : "") << "）"
                  << std::endl;
        if (auth::insecure_test_hashing()) {
          std::cerr << "警告：已设置 " << auth::kTestHashVariable
                    << "=1，新密码以测试用的最低强度散列，仅供自动化测试，切勿用于生产"
                    << std::endl;
        }
      });
      std::cout << "归雁已停止" << std::endl;
      return 0;
    };
  });
}

}  // namespace guiyan::cli
