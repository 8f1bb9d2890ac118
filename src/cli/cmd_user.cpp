// guiyan user add|passwd|roles.
#include <iostream>

#include "cli/commands.h"
#include "service/audit.h"
#include "service/department_service.h"
#include "service/principal.h"
#include "service/user_service.h"
#include "store/user_repo.h"

namespace guiyan::cli {
namespace {

std::string read_password_stdin() {
  std::string line;
  if (!std::getline(std::cin, line)) throw std::runtime_error("未从标准输入读到密码");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

struct UserArgs {
  std::string username;
  std::vector<std::string> roles;
  std::string region;
  std::string department;
  std::string display_name;
  bool password_stdin = false;
};

int64_t must_find_user(store::Db& db, const std::string& username) {
  auto id = service::user_id_by_name(db, username);
  if (!id) throw std::runtime_error("用户“" + username + "”不存在");
  return *id;
}

}  // namespace

void add_user_command(CLI::App& app, Config& cfg, Action& action) {
  auto* user = app.add_subcommand("user", "Manage accounts from the server's shell");
  user->require_subcommand(1);
  auto a = std::make_shared<UserArgs>();

  auto* add = user->add_subcommand("add", "Create an account");
  add->add_option("username", a->username, "login name")->required();
  add->add_option("--role", a->roles,
                  "role key (repeatable): sysadmin, secadmin, auditor, "
                  "leader, clerk or a defined one")
      ->required();
  add->add_option("--region", a->region, "region code the account belongs to")->required();
  add->add_option("--department", a->department,
                  "department name in that region (created when missing)");
  add->add_option("--display-name", a->display_name, "name shown in the console");
  add->add_flag("--password-stdin", a->password_stdin, "read the password from standard input")
      ->required();
  add_db_option(*add, cfg);
  add->callback([&cfg, &action, a] {
    action = [&cfg, a] {
      auto db = open_migrated(cfg, 2);
      service::NewUser u;
      u.username = a->username;
      u.display_name = a->display_name.empty() ? a->username : a->display_name;
      u.password = read_password_stdin();
      u.region_code = a->region;
      u.roles = a->roles;
      if (!a->department.empty()) {
        u.department_id = service::find_department(*db, a->region, a->department);
        if (!u.department_id) {
          auto d = service::create_department(*db, service::Actor::system("cli"), nullptr,
                                              {a->department, std::nullopt, a->region});
          u.department_id = d["id"].get<int64_t>();
        }
      }
      auto created = service::create_user(*db, service::Actor::system("cli"), nullptr, u);
      std::cout << "已创建用户 " << created.username << "（id " << created.id << "）\n";
      return 0;
    };
  });

  auto* passwd = user->add_subcommand("passwd", "Set an account's password");
  passwd->add_option("username", a->username)->required();
  passwd->add_flag("--password-stdin", a->password_stdin, "read the password from standard input")
      ->required();
  add_db_option(*passwd, cfg);
  passwd->callback([&cfg, &action, a] {
    action = [&cfg, a] {
      auto db = open_migrated(cfg, 2);
      int64_t id = must_find_user(*db, a->username);
      service::set_password(*db, service::Actor::system("cli"), nullptr, id, read_password_stdin());
      std::cout << "已重置用户 " << a->username << " 的密码，其登录会话已全部失效\n";
      return 0;
    };
  });

  auto* roles =
      user->add_subcommand("roles", "Show an account's roles, or replace them with --set");
  roles->add_option("username", a->username)->required();
  auto set = std::make_shared<std::vector<std::string>>();
  roles->add_option("--set", *set, "role keys to give the account (replaces the current ones)");
  add_db_option(*roles, cfg);
  roles->callback([&cfg, &action, a, set] {
    action = [&cfg, a, set] {
      auto db = open_migrated(cfg, 2);
      int64_t id = must_find_user(*db, a->username);
      if (!set->empty()) {
        auto conn = db->acquire();
        store::Tx tx(*conn);
        for (const auto& key : *set) {
          if (!store::role_id_by_key(*conn, key))
            throw std::runtime_error("角色“" + key + "”不存在");
        }
        auto before = *store::find_user(*conn, id);
        store::set_user_roles(*conn, id, *set);
        auto after = *store::find_user(*conn, id);
        service::audit(*conn, service::Actor::system("cli"),
                       {"update",
                        "user",
                        std::to_string(id),
                        after.region_code,
                        {{"roles", before.roles}},
                        {{"roles", after.roles}}});
        tx.commit();
      }
      auto conn = db->acquire();
      auto user = store::find_user(*conn, id);
      for (const auto& r : user->roles) std::cout << r << "\n";
      return 0;
    };
  });
}

}  // namespace guiyan::cli
