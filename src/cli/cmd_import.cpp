// guiyan import people FILE [--dry-run] [--report R.xlsx] [--rejected X.xlsx]
//   [--source 大数据|入户调查|自主填报],
// guiyan import merchants FILE [--dry-run] [--report R.xlsx] [--rejected X.xlsx] (the 楚商楚才
// 名录), and guiyan import ventures FILE … (the 返乡创业主体台账).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/person_vocabulary.h"
#include "io/sheet_error.h"
#include "service/import_rejected.h"
#include "service/import_report.h"
#include "service/merchant_import.h"
#include "service/person_import.h"
#include "service/venture_import.h"

namespace guiyan::cli {

namespace {

// The options of an import command.
struct Args {
  std::string file, report, rejected, source = "入户调查";
  bool dry_run = false;
  size_t batch_rows = service::ImportOptions{}.batch_rows;
};

// The options every import command has: what to read, how, and where the problems go.
void add_common_options(CLI::App& sub, Args& a) {
  sub.add_option("file", a.file, ".xlsx or .csv (UTF-8 or GB18030)")->required();
  sub.add_flag("--dry-run", a.dry_run, "check every row and report, write nothing");
  sub.add_option("--report", a.report, "write the problems to this .xlsx file");
  sub.add_option("--rejected", a.rejected,
                 "write the refused rows, as the sheet has them plus a column 未导入原因, to this "
                 ".xlsx file (correct them and import it again)");
  sub.add_option("--batch-rows", a.batch_rows,
                 "rows per transaction: a kill keeps whole batches; larger is faster")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
}

// Writes the report and rejected-rows files when asked and lists on standard error the columns
// not read, then the first problems.
void report(const service::ImportSummary& summary, const Args& a, service::FieldOf field_of) {
  if (!a.report.empty()) service::write_import_report(a.report, summary);
  if (!a.rejected.empty()) service::write_rejected_rows(a.file, summary, field_of, a.rejected);
  if (!summary.ignored_columns.empty()) {
    std::string names;
    for (const auto& col : summary.ignored_columns) names += (names.empty() ? "" : "、") + col;
    std::cerr << "未识别的列，已忽略：" << names << "\n";
  }
  for (size_t i = 0; i < summary.issues.size() && i < 20; ++i) {
    const auto& issue = summary.issues[i];
    if (issue.row) std::cerr << "第" << issue.row << "行 ";
    if (!issue.column.empty()) std::cerr << issue.column << "：";
    std::cerr << issue.reason << (issue.kept ? "（已导入，待核实）" : "") << "\n";
  }
  if (summary.issues.size() > 20) {
    std::cerr << "……另有 " << summary.issues.size() - 20 << " 个问题"
              << (a.report.empty() ? "，用 --report 导出全部" : "，见报告") << "\n";
  }
}

// A sheet importer of the service layer (import_merchants, import_ventures).
using Importer = std::function<service::ImportSummary(
    store::Db&, const service::Actor&, const service::Principal*, const std::string&,
    const service::ImportOptions&, const std::function<void(const service::ImportSummary&)>&)>;

// `guiyan import NAME FILE [--dry-run] [--report R] [--batch-rows N]` for a ledger whose rows
// have no source of their own (recorded as manual), read with `importer`, whose headers
// `field_of` names.
void add_ledger_import(CLI::App& imp, Config& cfg, Action& action, const std::string& name,
                       const std::string& description, Importer importer,
                       service::FieldOf field_of) {
  auto a = std::make_shared<Args>();
  auto* sub = imp.add_subcommand(name, description);
  add_common_options(*sub, *a);
  add_db_option(*sub, cfg);
  sub->callback([&cfg, &action, a, importer, field_of] {
    action = [&cfg, a, importer, field_of] {
      auto db = open_migrated(cfg, 2);
      service::ImportOptions opt;
      opt.source = "manual";
      opt.dry_run = a->dry_run;
      opt.batch_rows = a->batch_rows;
      opt.file_label = std::filesystem::path(a->file).filename().string();
      service::ImportSummary summary;
      try {
        summary = importer(*db, service::Actor::system("import"), nullptr, a->file, opt,
                           [](const service::ImportSummary& s) {
                             std::cerr << "\r已处理 " << s.rows_read << " 行" << std::flush;
                           });
        std::cerr << "\n";
      } catch (const io::SheetError& e) {
        throw std::runtime_error(e.what());
      }
      report(summary, *a, field_of);
      std::cout << service::summary_json(summary) << std::endl;
      return summary.rejected == 0 ? 0 : 1;
    };
  });
}

}  // namespace

void add_import_command(CLI::App& app, Config& cfg, Action& action) {
  auto* imp = app.add_subcommand("import", "Import a ledger (.xlsx or .csv) into the database");
  imp->require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* people = imp->add_subcommand(
      "people",
      "People ledger 返乡人员台账. Prints a one-line JSON summary (rows_read, accepted, rejected, "
      "new, updated, unchanged, conflicts); exit 0 when every row was accepted, 1 otherwise");
  add_common_options(*people, *a);
  people->add_option("--source", a->source, "大数据 | 入户调查 | 自主填报 | 手工录入")
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
      report(summary, *a, service::field_for_header);
      if (!a->dry_run && summary.accepted > 0) {
        std::cerr << "疑似重复：新增 " << summary.duplicates_added << " 对，共 "
                  << summary.duplicates_found << " 对待核（guiyan dedupe people 可再次查找）\n";
      }
      std::cout << service::summary_json(summary) << std::endl;
      return summary.rejected == 0 ? 0 : 1;
    };
  });

  add_ledger_import(*imp, cfg, action, "merchants",
                    "Merchant and talent list 楚商楚才名录. Prints a one-line JSON summary; exit 0 "
                    "when every row was accepted, 1 otherwise",
                    service::import_merchants, service::merchant_field_for_header);
  add_ledger_import(*imp, cfg, action, "ventures",
                    "Ventures ledger 返乡创业主体台账 (founders found by ID number among the "
                    "people). Prints a one-line JSON summary; exit 0 when every row was accepted, "
                    "1 otherwise",
                    service::import_ventures, service::venture_field_for_header);
}

}  // namespace guiyan::cli
