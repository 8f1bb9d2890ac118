// guiyan import people FILE [--dry-run] [--report R.xlsx] [--source 大数据|入户调查|自主填报],
// guiyan import merchants FILE [--dry-run] [--report R.xlsx] (the 楚商楚才 名录), and
// guiyan import ventures FILE [--dry-run] [--report R.xlsx] (the 返乡创业主体台账).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/person_vocabulary.h"
#include "io/sheet_error.h"
#include "service/import_report.h"
#include "service/merchant_import.h"
#include "service/person_import.h"
#include "service/venture_import.h"

namespace guiyan::cli {

namespace {

// Writes the report file when asked and lists the first problems on standard error.
void report(const service::ImportSummary& summary, const std::string& report_path) {
  if (!report_path.empty()) service::write_import_report(report_path, summary);
  for (size_t i = 0; i < summary.issues.size() && i < 20; ++i) {
    const auto& issue = summary.issues[i];
    std::cerr << "第" << issue.row << "行 " << issue.column << "：" << issue.reason
              << (issue.kept ? "（已导入，待核实）" : "") << "\n";
  }
  if (summary.issues.size() > 20) {
    std::cerr << "……另有 " << summary.issues.size() - 20 << " 个问题"
              << (report_path.empty() ? "，用 --report 导出全部" : "，见报告") << "\n";
  }
}

}  // namespace

void add_import_command(CLI::App& app, Config& cfg, Action& action) {
  auto* imp = app.add_subcommand("import", "Import a ledger (.xlsx or .csv) into the database");
  imp->require_subcommand(1);
  struct Args {
    std::string file, report, source = "入户调查";
    bool dry_run = false;
    size_t batch_rows = service::ImportOptions{}.batch_rows;
  };
  auto a = std::make_shared<Args>();
  auto* people = imp->add_subcommand(
      "people",
      "People ledger 返乡人员台账. Prints a one-line JSON summary (rows_read, accepted, rejected, "
      "new, updated, unchanged, conflicts); exit 0 when every row was accepted, 1 otherwise");
  people->add_option("file", a->file, ".xlsx or .csv (UTF-8 or GB18030)")->required();
  people->add_flag("--dry-run", a->dry_run, "check every row and report, write nothing");
  people->add_option("--report", a->report, "write the problems to this .xlsx file");
  people->add_option("--source", a->source, "大数据 | 入户调查 | 自主填报 | 手工录入")
      ->capture_default_str();
  people
      ->add_option("--batch-rows", a->batch_rows,
                   "rows per transaction: a kill keeps whole batches; larger is faster")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
  add_db_option(*people, cfg);
  people->callback([&cfg, &action, a] {
    action = [&cfg, a] {
      auto source = core::find_term(core::data_sources(), a->source);
      if (!source) throw std::runtime_error("数据来源应为 大数据、入户调查、自主填报 或 手工录入");
      auto db = open_migrated(cfg, 2);
      service::ImportOptions opt;
      opt.source = *source;
      opt.dry_run = a->dry_run;
      opt.batch_rows = a->batch_rows;
      opt.file_label = std::filesystem::path(a->file).filename().string();
      service::ImportSummary summary;
      try {
        summary = service::import_people(*db, service::Actor::system("import"), nullptr, a->file,
                                         opt, [](const service::ImportSummary& s) {
                                           std::cerr << "\r已处理 " << s.rows_read << " 行"
                                                     << std::flush;
                                         });
        std::cerr << "\n";
      } catch (const io::SheetError& e) {
        throw std::runtime_error(e.what());
      }
      report(summary, a->report);
      if (!a->dry_run && summary.accepted > 0) {
        std::cerr << "疑似重复：新增 " << summary.duplicates_added << " 对，共 "
                  << summary.duplicates_found << " 对待核（guiyan dedupe people 可再次查找）\n";
      }
      std::cout << service::summary_json(summary) << std::endl;
      return summary.rejected == 0 ? 0 : 1;
    };
  });

  auto m = std::make_shared<Args>();
  auto* merchants = imp->add_subcommand(
      "merchants",
      "Merchant and talent list 楚商楚才名录. Prints a one-line JSON summary; exit 0 when every "
      "row was accepted, 1 otherwise");
  merchants->add_option("file", m->file, ".xlsx or .csv (UTF-8 or GB18030)")->required();
  merchants->add_flag("--dry-run", m->dry_run, "check every row and report, write nothing");
  merchants->add_option("--report", m->report, "write the problems to this .xlsx file");
  merchants
      ->add_option("--batch-rows", m->batch_rows,
                   "rows per transaction: a kill keeps whole batches; larger is faster")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
  add_db_option(*merchants, cfg);
  merchants->callback([&cfg, &action, m] {
    action = [&cfg, m] {
      auto db = open_migrated(cfg, 2);
      service::ImportOptions opt;
      opt.source = "manual";
      opt.dry_run = m->dry_run;
      opt.batch_rows = m->batch_rows;
      opt.file_label = std::filesystem::path(m->file).filename().string();
      service::ImportSummary summary;
      try {
        summary = service::import_merchants(*db, service::Actor::system("import"), nullptr, m->file,
                                            opt, [](const service::ImportSummary& s) {
                                              std::cerr << "\r已处理 " << s.rows_read << " 行"
                                                        << std::flush;
                                            });
        std::cerr << "\n";
      } catch (const io::SheetError& e) {
        throw std::runtime_error(e.what());
      }
      report(summary, m->report);
      std::cout << service::summary_json(summary) << std::endl;
      return summary.rejected == 0 ? 0 : 1;
    };
  });

  auto v = std::make_shared<Args>();
  auto* ventures = imp->add_subcommand(
      "ventures",
      "Ventures ledger 返乡创业主体台账 (founders found by ID number among the people). Prints a "
      "one-line JSON summary; exit 0 when every row was accepted, 1 otherwise");
  ventures->add_option("file", v->file, ".xlsx or .csv (UTF-8 or GB18030)")->required();
  ventures->add_flag("--dry-run", v->dry_run, "check every row and report, write nothing");
  ventures->add_option("--report", v->report, "write the problems to this .xlsx file");
  ventures
      ->add_option("--batch-rows", v->batch_rows,
                   "rows per transaction: a kill keeps whole batches; larger is faster")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
  add_db_option(*ventures, cfg);
  ventures->callback([&cfg, &action, v] {
    action = [&cfg, v] {
      auto db = open_migrated(cfg, 2);
      service::ImportOptions opt;
      opt.source = "manual";
      opt.dry_run = v->dry_run;
      opt.batch_rows = v->batch_rows;
      opt.file_label = std::filesystem::path(v->file).filename().string();
      service::ImportSummary summary;
      try {
        summary = service::import_ventures(*db, service::Actor::system("import"), nullptr, v->file,
                                           opt, [](const service::ImportSummary& s) {
                                             std::cerr << "\r已处理 " << s.rows_read << " 行"
                                                       << std::flush;
                                           });
        std::cerr << "\n";
      } catch (const io::SheetError& e) {
        throw std::runtime_error(e.what());
      }
      report(summary, v->report);
      std::cout << service::summary_json(summary) << std::endl;
      return summary.rejected == 0 ? 0 : 1;
    };
  });
}

}  // namespace guiyan::cli
