// Generates N synthetic people as an office ledger (.csv or .xlsx) for the import benchmark:
// real Hubei village codes, valid ID numbers, Chinese names and skills; about 2% of rows have a
// bad ID check character and 1% repeat an earlier person from another source: half with the same
// ID number, a quarter without it (same name and phone), a quarter with a digit mistyped.
// With --floor FILE it also writes the same rows with their search tokens, for the plain-SQLite
// floor (`sqlite3 .import` + indexes + FTS5).
// Usage: gen_people N OUT.csv|OUT.xlsx [--floor FLOOR.csv]
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/id_number.h"
#include "io/csv.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"
#include "store/embedded.h"
#include "text/tokenize.h"

namespace {

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
                           "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢"};
const char* kGiven[] = {"伟",   "芳",   "娟",   "敏",   "静",   "强",  "磊", "军",
                        "洋",   "勇",   "艳",   "杰",   "涛",   "明",  "超", "秀英",
                        "建国", "海燕", "志强", "丽娟", "小龙", "春梅"};
const char* kSkills[] = {"电工", "焊工",   "泥瓦工", "木工", "驾驶员", "叉车", "厨师",
                         "护工", "缝纫工", "防水工", "电商", "种养殖", "机修", "家政"};
const char* kBrands[] = {"", "", "", "洪湖莲藕师", "石首防水工", "监利铍铝商", "咸宁护工"};
const char* kHelp[] = {"", "贷款", "培训", "场地", "贷款、培训", "导师", "政策咨询"};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_people N OUT.csv|OUT.xlsx [--floor FLOOR.csv]\n");
    return 2;
  }
  long n = std::stol(argv[1]);
  std::string out = argv[2];
  std::string floor = argc >= 5 && std::string(argv[3]) == "--floor" ? argv[4] : "";
  std::vector<std::string> villages;
  guiyan::io::for_each_csv_line(*guiyan::store::embedded_file("data/hubei_regions.csv"),
                                [&](const auto& f, size_t) {
                                  if (f.size() == 4 && f[3] == "5") villages.push_back(f[0]);
                                });
  std::mt19937_64 rng(42);
  std::vector<std::string> header = {"姓名",   "身份证号",         "联系电话",
                                     "户籍地", "技能特长",         "劳务品牌",
                                     "需求",   "资金需求（万元）", "人员状态"};
  bool xlsx = out.size() > 5 && out.substr(out.size() - 5) == ".xlsx";
  std::unique_ptr<guiyan::io::XlsxWriter> xw;
  std::unique_ptr<guiyan::io::CsvWriter> cw;
  if (xlsx) {
    xw = std::make_unique<guiyan::io::XlsxWriter>(out, "返乡人员");
    xw->header(header);
  } else {
    cw = std::make_unique<guiyan::io::CsvWriter>(out);
    cw->header(header);
  }
  std::unique_ptr<guiyan::io::CsvWriter> fw;
  if (!floor.empty()) {
    fw = std::make_unique<guiyan::io::CsvWriter>(floor);
    fw->header({"name", "id_number", "phone", "region_code", "tokens"});
  }
  std::vector<std::vector<std::string>> recent;
  const char* statuses[] = {"外出", "返乡", "返乡就业", "返乡创业", "再外出"};
  for (long i = 0; i < n; ++i) {
    std::vector<std::string> row;
    if (!recent.empty() && rng() % 100 == 0) {
      row = recent[rng() % recent.size()];  // the same person again, from another sheet
      unsigned kind = rng() % 4;
      if (kind == 2) row[1].clear();
      if (kind == 3) row[1].back() = row[1].back() == '1' ? '2' : '1';
    } else {
      const std::string& village = villages[rng() % villages.size()];
      char stem[24];
      std::snprintf(stem, sizeof stem, "%s%04d%02d%02d%03d", village.substr(0, 6).c_str(),
                    1960 + static_cast<int>(rng() % 45), 1 + static_cast<int>(rng() % 12),
                    1 + static_cast<int>(rng() % 28), static_cast<int>(i % 1000));
      std::string id = guiyan::core::complete_id_number(stem);
      if (rng() % 50 == 0) id.back() = id.back() == '1' ? '2' : '1';  // a mistyped number
      char phone[16];
      std::snprintf(phone, sizeof phone, "13%09llu",
                    static_cast<unsigned long long>(rng() % 1000000000ULL));
      std::string skills = kSkills[rng() % 14];
      if (rng() % 3 == 0) skills += std::string("、") + kSkills[rng() % 14];
      row = {std::string(kSurnames[rng() % 24]) + kGiven[rng() % 22],
             id,
             phone,
             village,
             skills,
             kBrands[rng() % 7],
             kHelp[rng() % 7],
             rng() % 4 == 0 ? std::to_string(rng() % 50) : "",
             statuses[rng() % 5]};
      if (recent.size() < 1000) {
        recent.push_back(row);
      } else {
        recent[rng() % recent.size()] = row;
      }
    }
    if (xw) {
      xw->row(row);
    } else {
      cw->row(row);
    }
    if (fw) {
      fw->row({row[0], row[1], row[2], row[3],
               guiyan::text::index_document({row[0], row[4], row[5], row[1], row[2]})});
    }
  }
  if (xw) xw->close();
  if (cw) cw->close();
  if (fw) fw->close();
  return 0;
}
