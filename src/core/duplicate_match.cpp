#include "core/duplicate_match.h"

namespace guiyan::core {
namespace {

// Weights of each reason; a pair's score is their sum, at most 100.
constexpr int kSameName = 20;
constexpr int kSamePhone = 45;
constexpr int kSameBirth = 20;
constexpr int kSameVillage = 15;
constexpr int kSameTownship = 5;
constexpr int kSameIdText = 60;
constexpr int kIdTypo = 40;

// "420106900307123" → "42010619900307123" (the 17 digits of its 18-digit form), else "".
std::string upgrade_first_generation(std::string_view id) {
  if (id.size() != 15) return {};
  for (char c : id) {
    if (c < '0' || c > '9') return {};
  }
  return std::string(id.substr(0, 6)) + "19" + std::string(id.substr(6));
}

bool same_nonempty(const std::string& a, const std::string& b) {
  return !a.empty() && a == b;
}

}  // namespace

const std::vector<Term>& duplicate_reasons() {
  static const std::vector<Term> t = {
      {"same_id_text", "身份证号相同（未通过校验）", {}},
      {"same_phone", "手机号相同", {}},
      {"id_number_typo", "身份证号仅差一位或两位颠倒", {}},
      {"same_birth_date", "出生日期相同", {}},
      {"same_village", "户籍村相同", {}},
      {"same_township", "户籍乡镇相同", {}},
      {"same_name", "姓名相同", {}},
  };
  return t;
}

std::string duplicate_name_key(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (name.substr(i, 3) == "\xE3\x80\x80") {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    out += name[i];
  }
  return out;
}

bool id_numbers_one_typo_apart(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a == b) return false;
  if (a.size() == 15 || b.size() == 15) {
    std::string_view longer = a.size() == 15 ? b : a;
    std::string up = upgrade_first_generation(a.size() == 15 ? a : b);
    return !up.empty() && longer.size() == 18 && longer.substr(0, 17) == up;
  }
  if (a.size() != b.size()) return false;
  size_t diff[2] = {0, 0}, n = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      if (n == 2) return false;
      diff[n++] = i;
    }
  }
  if (n == 1) return true;
  return diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
}

std::optional<DuplicateMatch> match_duplicate(const DuplicateRecord& a, const DuplicateRecord& b) {
  // Equal names are the common case (callers group by name): no copies then.
  if (a.name != b.name || a.name.find_first_of(" \t\r\n\xE3") != std::string::npos) {
    std::string ka = duplicate_name_key(a.name);
    if (ka.empty() || ka != duplicate_name_key(b.name)) return std::nullopt;
  } else if (a.name.empty()) {
    return std::nullopt;
  }
  // Two valid, different ID numbers are two people, whatever else they share (a family phone).
  if (!a.id_number.empty() && !b.id_number.empty()) return std::nullopt;
  const std::string& ida = a.id_number.empty() ? a.id_number_raw : a.id_number;
  const std::string& idb = b.id_number.empty() ? b.id_number_raw : b.id_number;
  bool same_id = same_nonempty(ida, idb);
  bool id_typo = id_numbers_one_typo_apart(ida, idb);
  bool phone = same_nonempty(a.phone, b.phone) || same_nonempty(a.phone, b.phone2) ||
               same_nonempty(a.phone2, b.phone) || same_nonempty(a.phone2, b.phone2);
  bool birth = same_nonempty(a.birth_date, b.birth_date);
  bool village = a.region_code.size() == 12 && a.region_code == b.region_code;
  bool township = !village && a.region_code.size() >= 9 && b.region_code.size() >= 9 &&
                  a.region_code.compare(0, 9, b.region_code, 0, 9) == 0;
  if (!(same_id || id_typo || phone || (birth && village))) return std::nullopt;
  DuplicateMatch m;
  auto add = [&](bool yes, const char* key, int weight) {
    if (!yes) return;
    m.reasons.push_back(key);
    m.score += weight;
  };
  add(same_id, "same_id_text", kSameIdText);
  add(phone, "same_phone", kSamePhone);
  add(id_typo, "id_number_typo", kIdTypo);
  add(birth, "same_birth_date", kSameBirth);
  add(village, "same_village", kSameVillage);
  add(township, "same_township", kSameTownship);
  add(true, "same_name", kSameName);
  if (m.score > 100) m.score = 100;
  return m;
}

}  // namespace guiyan::core
