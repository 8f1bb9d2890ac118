// Generates N synthetic merchants and talents as a 名录 (.csv or .xlsx) for the merchant library
// benchmark: hometowns across every Hubei county, township and village, valid credit codes,
// industries written as names, intentions (two in five naming counties or cities to invest in),
// verification dates spread over two years. About 1% of
// rows have a bad credit code check character and 1% repeat an earlier enterprise (an update).
// Usage: gen_merchants N OUT.csv|OUT.xlsx
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/credit_code.h"
#include "io/csv.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"
#include "store/embedded.h"

namespace {

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡",
                           "朱", "高", "何", "郭", "马", "罗", "彭", "邓", "曾", "肖", "田", "熊"};
const char* kGiven[] = {"建国", "志强", "海波", "卫东", "红梅", "晓燕", "国华", "德胜",
                        "明",   "军",   "涛",   "丽",   "斌",   "俊",   "文华", "家明"};
const char* kCities[] = {"深圳市", "广州市", "东莞市", "上海市", "北京市",
                         "杭州市", "苏州市", "武汉市", "长沙市", "厦门市"};
const char* kTrades[][2] = {{"计算机、通信和其他电子设备制造业", "电子科技"},
                            {"汽车制造业", "汽车零部件"},
                            {"农副食品加工业", "农产品"},
                            {"纺织服装、服饰业", "服饰"},
                            {"通用设备制造业", "机械"},
                            {"软件和信息技术服务业", "软件"},
                            {"批发业", "贸易"},
                            {"房地产业", "置业"},
                            {"医药制造业", "医药"},
                            {"渔业", "水产"}};
const char* kBrands[] = {"楚天", "荆楚", "长江", "华中", "鸿泰", "明辉",
                         "恒信", "金瑞", "宏达", "天成", "汇丰", "嘉禾"};
const char* kSizes[] = {"大型", "中型", "小型", "小型", "微型"};
const char* kStrengths[] = {"强烈", "有意向", "有意向", "暂无", "未知"};
const char* kIntent[] = {"制造业",     "农业",       "软件和信息技术服务业", "批发业",
                         "汽车制造业", "医药制造业", "农副食品加工业",       ""};
const char kCharset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

}  // namespace

// Two in five merchants name where they would invest: one or two counties or cities, written as
// codes, near a Hubei place drawn at random.
std::string intended_regions(const std::vector<std::string>& places, std::mt19937_64& rng) {
  if (rng() % 5 >= 2) return "";
  std::string out;
  for (int k = 0, n = 1 + static_cast<int>(rng() % 2); k < n; ++k) {
    const std::string& place = places[rng() % places.size()];
    // The province-administered cities (4290xx) have no prefecture above them.
    bool city = rng() % 3 == 0 && place.compare(0, 4, "4290") != 0;
    std::string code = city ? place.substr(0, 4) + "00" : place.substr(0, 6);
    out += (out.empty() ? "" : "、") + code;
  }
  return out;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_merchants N OUT.csv|OUT.xlsx\n");
    return 2;
  }
  long n = std::stol(argv[1]);
  std::string out = argv[2];
  std::vector<std::string> places;  // counties, townships and villages
  guiyan::io::for_each_csv_line(*guiyan::store::embedded_file("data/hubei_regions.csv"),
                                [&](const auto& f, size_t) {
                                  if (f.size() == 4 && f[3] >= "3") places.push_back(f[0]);
                                });
  std::mt19937_64 rng(4242);
  std::vector<std::string> header = {"姓名",         "企业名称", "统一社会信用代码",
                                     "联系电话",     "所属行业", "企业规模",
                                     "籍贯",         "所在城市", "所属商会",
                                     "返乡投资意向", "意向行业", "意向投资金额（万元）",
                                     "核实日期",     "意向地区"};
  bool xlsx = out.size() > 5 && out.substr(out.size() - 5) == ".xlsx";
  std::unique_ptr<guiyan::io::XlsxWriter> xw;
  std::unique_ptr<guiyan::io::CsvWriter> cw;
  if (xlsx) {
    xw = std::make_unique<guiyan::io::XlsxWriter>(out, "楚商楚才名录");
    xw->header(header);
  } else {
    cw = std::make_unique<guiyan::io::CsvWriter>(out);
    cw->header(header);
  }
  std::vector<std::vector<std::string>> recent;
  for (long i = 0; i < n; ++i) {
    std::vector<std::string> row;
    if (!recent.empty() && rng() % 100 == 0) {
      row = recent[rng() % recent.size()];  // the same enterprise again: a newer city
      row[7] = kCities[rng() % 10];
    } else {
      const char* city = kCities[rng() % 10];
      const auto& trade = kTrades[rng() % 10];
      std::string stem = "91420100MA";
      for (int k = 0; k < 7; ++k) stem += kCharset[rng() % 31];
      std::string code = guiyan::core::complete_credit_code(stem);
      if (rng() % 100 == 0) code.back() = code.back() == '1' ? '2' : '1';  // a mistyped code
      char phone[16];
      std::snprintf(phone, sizeof phone, "13%09llu",
                    static_cast<unsigned long long>(rng() % 1000000000ULL));
      std::string city_word = std::string(city).substr(0, std::string(city).size() - 3);
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2025 + static_cast<int>(rng() % 2),
                    1 + static_cast<int>(rng() % 11), 1 + static_cast<int>(rng() % 28));
      long lo = 500 + static_cast<long>(rng() % 40) * 250;
      row = {std::string(kSurnames[rng() % 24]) + kGiven[rng() % 16],
             city_word + kBrands[rng() % 12] + trade[1] + "有限公司",
             code,
             phone,
             trade[0],
             kSizes[rng() % 5],
             places[rng() % places.size()],
             city,
             rng() % 2 == 0 ? city_word + "湖北商会" : "",
             kStrengths[rng() % 5],
             kIntent[rng() % 8],
             rng() % 2 == 0 ? std::to_string(lo) + "-" + std::to_string(lo * 4) : "",
             date,
             intended_regions(places, rng)};
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
  }
  if (xw) xw->close();
  if (cw) cw->close();
  return 0;
}
