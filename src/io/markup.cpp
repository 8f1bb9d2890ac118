#include "io/markup.h"

#include <algorithm>
#include <map>

#include "io/utf8.h"

namespace guiyan::io {
namespace {

// A "<" without a ">" within this many bytes is text, so a stray one cannot hold the file.
constexpr size_t kLongestTag = 1 << 20;

// True when `c` after a "<" makes it a tag, a closing tag, a comment or a declaration.
bool opens_tag(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
}

// Where `marker` (lower case, its first character no letter) starts in `s` from `from`, letters
// compared in either case; npos when nowhere.
size_t find_marker(std::string_view s, size_t from, std::string_view marker) {
  for (size_t at = s.find(marker[0], from); at != std::string_view::npos;
       at = s.find(marker[0], at + 1)) {
    if (s.size() - at < marker.size()) return std::string_view::npos;
    bool same = true;
    for (size_t k = 1; k < marker.size() && same; ++k) same = markup_lower(s[at + k]) == marker[k];
    if (same) return at;
  }
  return std::string_view::npos;
}

// `text` with each "&" written "&amp;".
std::string escape_ampersands(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '&' ? std::string_view("&amp;") : std::string_view(&c, 1);
  return out;
}

}  // namespace

char markup_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string markup_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = markup_lower(c);
  return out;
}

bool is_markup_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string decode_character_references(std::string_view raw) {
  static const std::map<std::string, char32_t, std::less<>> named = {
      {"amp", U'&'},    {"lt", U'<'},        {"gt", U'>'},        {"quot", U'"'},
      {"apos", U'\''},  {"nbsp", U'\u00A0'}, {"ensp", U'\u2002'}, {"emsp", U'\u2003'},
      {"middot", U'·'}, {"times", U'×'},     {"ldquo", U'“'},     {"rdquo", U'”'},
      {"lsquo", U'‘'},  {"rsquo", U'’'},     {"mdash", U'—'},     {"hellip", U'…'}};
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  for (size_t i = 0; i < raw.size();) {
    size_t semi = raw[i] == '&' ? raw.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += raw[i++];
      continue;
    }
    std::string_view name = raw.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0'
                : hex && markup_lower(c) >= 'a' && markup_lower(c) <= 'f'
                    ? markup_lower(c) - 'a' + 10
                    : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (!ok || cp == 0) cp = 0;
    } else if (auto it = named.find(markup_lowered(name)); it != named.end()) {
      cp = it->second;
    }
    if (cp == 0) {
      out += raw[i++];
      continue;
    }
    append_utf8(out, cp);
    i = semi + 1;
  }
  return out;
}

std::string tag_attribute(std::string_view attrs, std::string_view name) {
  std::string low = markup_lowered(attrs);
  std::string key = markup_lowered(name);
  for (size_t at = low.find(key); at != std::string::npos; at = low.find(key, at + 1)) {
    if (at > 0 && !is_markup_blank(low[at - 1])) continue;
    size_t i = at + key.size();
    while (i < low.size() && is_markup_blank(low[i])) ++i;
    if (i >= low.size() || low[i] != '=') continue;
    ++i;
    while (i < low.size() && is_markup_blank(low[i])) ++i;
    if (i < low.size() && (low[i] == '"' || low[i] == '\'')) {
      size_t end = low.find(low[i], i + 1);
      return std::string(
          attrs.substr(i + 1, (end == std::string::npos ? low.size() : end) - i - 1));
    }
    size_t end = i;
    while (end < low.size() && !is_markup_blank(low[end])) ++end;
    return std::string(attrs.substr(i, end - i));
  }
  return {};
}

bool MarkupScanner::feed(std::string_view text) {
  carry_ += text;
  std::string_view s = carry_;
  size_t i = 0;
  while (i < s.size() && !stopped_) {
    if (!skipping_.empty()) {
      // Inside a comment, a CDATA section, a script or a style, until its end.
      size_t end = find_marker(s, i, skipping_);
      size_t upto =
          end == std::string_view::npos ? s.size() - std::min(s.size() - i, skipping_.size()) : end;
      if (in_cdata_ && upto > i) on_text(escape_ampersands(s.substr(i, upto - i)));
      if (end == std::string_view::npos) {
        i = upto;
        break;
      }
      // A comment's and a section's end is passed over; a script's closing tag is read.
      i = skipping_.starts_with("</") ? end : end + skipping_.size();
      skipping_.clear();
      in_cdata_ = false;
      continue;
    }
    size_t lt = s.find('<', i);
    if (lt > i) on_text(s.substr(i, (lt == std::string_view::npos ? s.size() : lt) - i));
    if (lt == std::string_view::npos) {
      i = s.size();
      break;
    }
    if (lt + 1 == s.size()) {
      i = lt;  // what follows comes in the next piece
      break;
    }
    if (!opens_tag(s[lt + 1])) {
      // "a < b": a "<" before anything but a name, "/", "!" or "?" is text, as browsers read it.
      on_text("<");
      i = lt + 1;
      continue;
    }
    if (s[lt + 1] == '!' && s.size() - lt < 9) {
      i = lt;  // a comment or a CDATA section may begin here
      break;
    }
    if (s.substr(lt, 4) == "<!--") {
      skipping_ = "-->";
      i = lt + 4;
      continue;
    }
    if (s.substr(lt, 9) == "<![CDATA[") {
      skipping_ = "]]>";
      in_cdata_ = true;
      i = lt + 9;
      continue;
    }
    size_t gt = s.find('>', lt);
    if (gt == std::string_view::npos && s.size() - lt > kLongestTag) {
      on_text("<");  // a tag that never ends: its "<" is text
      i = lt + 1;
      continue;
    }
    if (gt == std::string_view::npos) {
      i = lt;  // the tag ends in the next piece
      break;
    }
    on_tag(s.substr(lt + 1, gt - lt - 1));
    i = gt + 1;
  }
  carry_.erase(0, i);
  return !stopped_;
}

bool scan_markup_file(
    const std::string& path, MarkupScanner& scanner,
    const std::function<std::optional<TextEncoding>(std::string_view first)>& declared) {
  bool whole = true;
  read_decoded(
      path,
      [&](std::string_view first) {
        auto encoding = declared(first);
        return encoding ? *encoding : detect_text_encoding(path);
      },
      [&](std::string_view text, bool) { return whole = scanner.feed(text); });
  return whole;
}

}  // namespace guiyan::io
