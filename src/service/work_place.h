// Where a returnee works away, as offices write it in one cell: 广东省东莞市, 广东东莞, 东莞,
// 深圳宝安, 浙江义乌, 上海, 境外 (日本).
#pragma once

#include <string>

namespace guiyan::service {

struct WorkPlace {
  std::string province;  // the full name (广东省, 上海市, 境外), or "" when the text names none
  std::string city;  // the rest as written; a city's short name completed (东莞 → 东莞市)
  bool not_away = false;  // the text says_not_away (then province and city are empty)
};

// The province and city of a work place written as one text (trimmed, spaces removed): a
// province by its full or short name (广东, 内蒙古) at the start, else a city or county-level
// place of China whose name is unique (东莞, 义乌市, 宝安区) gives its province; abroad (境外,
// 国外, 出国, or a country: 日本, 新加坡 …) is 境外 with the text as the city. A text that
// says_not_away gives neither, and not_away.
WorkPlace split_work_place(const std::string& text);

// True when a work-place text (务工地, 务工省份, 务工城市) says the person does not work away:
// 在家 and anything after it (在家务农), 家里, 本地, 本县, 未外出 … — the words alone, spaces
// aside.
bool says_not_away(const std::string& text);

}  // namespace guiyan::service
