#include "core/festival_season.h"

namespace guiyan::core {
namespace {

struct Season {
  const char* key;
  const char* label;
  int from, to;  // MMDD, inclusive; from > to wraps over the new year
};

// 春节 falls between 21 January and 20 February: greetings from mid-December (腊月) to 元宵.
// 清明 is 4–6 April; 端午 28 May–25 June; 中秋 7 September–6 October; 国庆 1 October.
constexpr Season kSeasons[] = {
    {"spring_festival", "春节", 1215, 310}, {"qingming", "清明", 320, 430},
    {"dragon_boat", "端午", 510, 705},      {"mid_autumn", "中秋", 820, 1020},
    {"national_day", "国庆", 915, 1031},
};

std::string month_day(int mmdd) {
  return std::to_string(mmdd / 100) + "月" + std::to_string(mmdd % 100) + "日";
}

}  // namespace

std::optional<std::string> festival_season_error(const std::string& festival,
                                                 const std::string& date) {
  if (date.size() != 10) return std::nullopt;
  int mmdd = std::stoi(date.substr(5, 2)) * 100 + std::stoi(date.substr(8, 2));
  for (const auto& s : kSeasons) {
    if (festival != s.key) continue;
    bool in = s.from <= s.to ? mmdd >= s.from && mmdd <= s.to : mmdd >= s.from || mmdd <= s.to;
    if (in) return std::nullopt;
    return std::string("“") + s.label + "”节日慰问的日期应在" + month_day(s.from) + "至" +
           month_day(s.to) + "之间，" + date + " 不在其中";
  }
  return std::nullopt;
}

}  // namespace guiyan::core
