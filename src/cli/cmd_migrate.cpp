// guiyan migrate and guiyan demo.
#include <iostream>

#include "cli/commands.h"
#include "service/demo_data.h"
#include "service/policy_service.h"
#include "store/copy_db.h"
#include "store/migrations.h"

namespace guiyan::cli {

void add_db_option(CLI::App& sub, Config& cfg) {
  sub.add_option("--db", cfg.db, "database URL: sqlite:PATH (default sqlite:./guiyan.db)")
      ->capture_default_str();
}

std::unique_ptr<store::Db> open_migrated(const Config& cfg, int pool_size) {
  auto db = store::open_db(cfg.db, pool_size);
  store::migrate(*db);
  service::sync_shipped_policies(*db);
  return db;
}

void add_migrate_command(CLI::App& app, Config& cfg, Action& action) {
  auto* sub = app.add_subcommand(
      "migrate",
      "Apply pending schema migrations (or show --status); with --from and --to, copy a SQLite "
      "installation into a new PostgreSQL database");
  add_db_option(*sub, cfg);
  auto status = std::make_shared<bool>(false);
  sub->add_flag("--status", *status, "only list migrations and whether each is applied");
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  sub->add_option("--from", *from,
                  "copy this installation (sqlite:PATH, fully migrated; only read) into --to");
  sub->add_option("--to", *to,
                  "new, empty PostgreSQL database to copy into (postgresql://user@host:port/db); "
                  "migrated first, then every table copied with its ids in one transaction and "
                  "verified by row counts and checksums");
  CLI::Option* db_option = sub->get_option("--db");
  sub->callback([&cfg, &action, status, from, to, db_option] {
    action = [&cfg, status, from, to, db_option] {
      if (!from->empty() || !to->empty()) {
        if (from->empty() || to->empty()) {
          std::cerr << "错误：--from 与 --to 须同时给出\n";
          return 2;
        }
        if (*status || db_option->count() > 0) {
          std::cerr << "错误：--from/--to 不能与 --db、--status 同时使用\n";
          return 2;
        }
        store::CopyOptions options;
        options.log = [](const std::string& line) { std::cerr << line << "\n"; };
        auto tables = store::copy_database(*from, *to, options);
        int64_t copied = 0;
        for (const auto& t : tables) {
          if (!t.not_copied.empty()) {
            std::cout << t.table << "\t" << t.rows << "\t-\t" << t.not_copied << "\n";
            continue;
          }
          std::string note = "复制 " + std::to_string(t.copied) + " 行";
          if (t.reference > 0) {
            note = "迁移自带 " + std::to_string(t.reference) + " 行两边一致，" + note;
          }
          std::cout << t.table << "\t" << t.rows << "\t" << t.checksum << "\t" << note << "\n";
          copied += t.copied;
        }
        std::cout << "完成：共复制 " << copied << " 行，每张复制的表行数与校验和两边一致\n";
        return 0;
      }
      auto db = store::open_db(cfg.db, 1);
      if (!*status) {
        int n = store::migrate(*db, [](const store::Migration& m) {
          std::cout << "已应用迁移 " << m.version << " " << m.name << "\n";
        });
        std::cout << (n == 0 ? "数据库已是最新结构" : "完成") << "\n";
        if (int added = service::sync_shipped_policies(*db)) {
          std::cout << "已载入随系统发布的政策 " << added << " 项\n";
        }
      }
      for (const auto& m : store::migration_status(*db)) {
        std::cout << m.version << "\t" << m.name << "\t"
                  << (m.applied_at ? *m.applied_at : std::string("待应用")) << "\n";
      }
      return 0;
    };
  });
}

void add_demo_command(CLI::App& app, Config& cfg, Action& action) {
  auto* sub = app.add_subcommand("demo", "Create the demo data set when the database is empty");
  add_db_option(*sub, cfg);
  auto city = std::make_shared<std::string>("421000");
  sub->add_option("--city", *city, "prefecture code of the demo city (default 421000 荆州市)");
  sub->callback([&cfg, &action, city] {
    action = [&cfg, city] {
      auto db = open_migrated(cfg, 2);
      auto accounts = service::create_demo_data(*db, *city);
      if (accounts.empty()) {
        std::cout
            << "数据库中已有账号，未重复创建演示数据。忘记密码可用 guiyan user passwd 重置。\n";
        return 0;
      }
      std::cout << "已创建演示数据。以下演示账号的密码只显示这一次，请妥善保存：\n";
      for (const auto& a : accounts) {
        std::cout << "  " << a.username << "\t" << a.password << "\t" << a.role << "\t"
                  << a.region_name << "\n";
      }
      return 0;
    };
  });
}

}  // namespace guiyan::cli
