// Data-driven tests for the identifier checks: every case lives in testdata/<identifier>.tsv
// (the header of each file explains the columns), and each listed field is compared against
// the result's JSON form.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/credit_code.h"
#include "core/date.h"
#include "core/id_number.h"
#include "core/identifier_json.h"
#include "core/phone.h"
#include "core/test_cases.h"
#include "core/text.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

using Checker = std::function<nlohmann::json(std::string_view)>;

constexpr Date kToday{2026, 11, 22};  // the "today" every ID number case is checked against
constexpr std::size_t kMinCasesPerFile = 30;

struct Case {
  std::string file;
  int line = 0;
  std::string input;
  bool expected_valid = false;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string comment;
};

struct CaseFile {
  std::vector<Case> cases;
  std::vector<std::string> errors;  // unreadable file or malformed lines
};

// Parses one case line; returns an error message, or an empty string on success.
std::string parse_case(const std::string& line, Case& out) {
  std::vector<std::string> columns = split(line, '\t');
  if (columns.size() != 4) {
    return "expected 4 tab-separated columns, found " + std::to_string(columns.size());
  }
  if (columns[1] != "0" && columns[1] != "1") return "expected valid must be 0 or 1";
  out.input = columns[0];
  out.expected_valid = columns[1] == "1";
  for (const std::string& pair : split(columns[2], ';')) {
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) return "expected key=value, found \"" + pair + "\"";
    out.fields.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  out.comment = columns[3];
  return "";
}

CaseFile load_cases(const std::string& name) {
  CaseFile file;
  std::string path = std::string(GUIYAN_CORE_TESTDATA_DIR) + "/" + name;
  std::ifstream in(path);
  if (!in) {
    file.errors.push_back("cannot open " + path);
    return file;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Case c;
    c.file = name;
    c.line = number;
    std::string error = parse_case(line, c);
    if (error.empty()) {
      file.cases.push_back(std::move(c));
    } else {
      file.errors.push_back(name + ":" + std::to_string(number) + ": " + error);
    }
  }
  return file;
}

// A JSON value as the TSV writes it: strings as they are, booleans as true/false, arrays as
// their elements joined by '|', null as empty.
std::string as_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "";
  if (value.is_array()) {
    std::string joined;
    for (std::size_t i = 0; i < value.size(); ++i) joined += (i ? "|" : "") + as_text(value[i]);
    return joined;
  }
  return value.dump();
}

// Every way `actual` differs from what the case expects; empty when the case passes.
std::vector<std::string> mismatches(const Case& c, const nlohmann::json& actual) {
  std::vector<std::string> out;
  if (!actual.contains("valid") || actual["valid"] != c.expected_valid) {
    out.push_back(std::string("valid: expected ") + (c.expected_valid ? "1" : "0") + ", got " +
                  (actual.value("valid", false) ? "1" : "0"));
  }
  for (const auto& [key, expected] : c.fields) {
    if (!actual.contains(key)) {
      out.push_back(key + ": no such field in the result");
      continue;
    }
    std::string got = as_text(actual[key]);
    if (got != expected)
      out.push_back(key + ": expected \"" + expected + "\", got \"" + got + "\"");
  }
  return out;
}

std::string failure_report(const Case& c, const std::vector<std::string>& problems,
                           const nlohmann::json& actual) {
  std::string report = c.file + ":" + std::to_string(c.line) + " (" + c.comment + ")\n";
  report += "  input: \"" + c.input + "\"\n";
  for (const std::string& problem : problems) report += "  " + problem + "\n";
  report += "  actual: " + actual.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return report;
}

void run_cases(const std::string& name, const Checker& check) {
  CaseFile file = load_cases(name);
  for (const std::string& error : file.errors) ADD_FAILURE() << error;
  for (const Case& c : file.cases) {
    nlohmann::json actual = check(c.input);
    std::vector<std::string> problems = mismatches(c, actual);
    if (!problems.empty()) ADD_FAILURE() << failure_report(c, problems, actual);
  }
}

nlohmann::json id_json(std::string_view input) {
  return check_id_number(input, kToday);
}
nlohmann::json credit_json(std::string_view input) {
  return check_credit_code(input);
}
nlohmann::json phone_json(std::string_view input) {
  return check_phone(input);
}

TEST(IdentifierCases, IdNumbers) {
  run_cases("id_number.tsv", id_json);
}

TEST(IdentifierCases, CreditCodes) {
  run_cases("credit_code.tsv", credit_json);
}

TEST(IdentifierCases, Phones) {
  run_cases("phone.tsv", phone_json);
}

// Each file keeps enough cases and asserts every reason code at least once.
TEST(IdentifierCases, FilesCoverEveryReasonCode) {
  const std::pair<std::string, std::set<std::string>> files[] = {
      {"id_number.tsv",
       {"empty", "first_generation", "scientific", "length", "character", "province", "date",
        "check"}},
      {"credit_code.tsv", {"empty", "length", "character", "authority", "check"}},
      {"phone.tsv",
       {"empty", "scientific", "character", "length", "prefix", "area_code", "local_number"}},
  };
  for (const auto& [name, reason_codes] : files) {
    CaseFile file = load_cases(name);
    EXPECT_TRUE(file.errors.empty()) << name;
    EXPECT_GE(file.cases.size(), kMinCasesPerFile) << name;
    std::set<std::string> covered;
    for (const Case& c : file.cases) {
      for (const auto& [key, value] : c.fields) {
        if (key == "reason_code" && !value.empty()) covered.insert(value);
      }
    }
    EXPECT_EQ(covered, reason_codes) << name;
  }
}

// The harness itself: a wrong expectation must be reported with its file, line and comment.
TEST(IdentifierCases, WrongExpectationIsReported) {
  Case c;
  c.file = "id_number.tsv";
  c.line = 7;
  c.input = "11010519491231002X";
  c.expected_valid = true;
  c.fields = {{"gender", "female"}, {"birth_date", "1949-12-31"}};
  c.comment = "GB 11643 example";
  nlohmann::json actual = id_json(c.input);
  EXPECT_TRUE(mismatches(c, actual).empty());

  c.fields = {{"gender", "male"}, {"no_such_field", "x"}, {"warnings", "年龄超过120岁，请核实"}};
  c.expected_valid = false;
  std::vector<std::string> problems = mismatches(c, actual);
  ASSERT_EQ(problems.size(), 4u);
  std::string report = failure_report(c, problems, actual);
  EXPECT_NE(report.find("id_number.tsv:7 (GB 11643 example)"), std::string::npos) << report;
  EXPECT_NE(report.find("gender: expected \"male\", got \"female\""), std::string::npos) << report;

  Case parsed;
  EXPECT_EQ(parse_case("123\t1\treason_code", parsed), "expected 4 tab-separated columns, found 3");
  EXPECT_EQ(parse_case("123\t2\t\tcomment", parsed), "expected valid must be 0 or 1");
  EXPECT_EQ(parse_case("123\t1\tkind\tcomment", parsed), "expected key=value, found \"kind\"");
}

TEST(IdentifierCases, CellsHoldingSeveralPhones) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/phone_cells.tsv", 3,
                            [](const std::vector<std::string>& cols, int number) {
                              std::string got;
                              for (const auto& p : split_phones(cols[0]))
                                got += (got.empty() ? "" : "|") + p;
                              EXPECT_EQ(got.empty() ? "none" : got, cols[1])
                                  << "line " << number << ": " << cols[2];
                            });
  EXPECT_GE(cases, 10);
}

TEST(IdentifierCases, NotesInBracketsBesideAPhone) {
  auto joined = [](const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "|") + item;
    return out.empty() ? std::string("-") : out;
  };
  int cases =
      for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/phone_notes.tsv", 5,
                    [&](const std::vector<std::string>& cols, int number) {
                      PhoneNotes got = strip_phone_notes(cols[0]);
                      EXPECT_EQ(got.cell, cols[1]) << "line " << number << ": " << cols[4];
                      EXPECT_EQ(joined(got.idle), cols[2]) << "line " << number << ": " << cols[4];
                      EXPECT_EQ(joined(got.kept), cols[3]) << "line " << number << ": " << cols[4];
                    });
  EXPECT_GE(cases, 10);
}

TEST(IdentifierLookups, ProvinceAndCityNames) {
  EXPECT_EQ(province_name("42"), "湖北省");
  EXPECT_EQ(province_name("83"), "台湾省");
  EXPECT_EQ(province_name("99"), "");
  EXPECT_EQ(province_name(""), "");
  EXPECT_EQ(hubei_city("027"), "武汉");
  EXPECT_EQ(hubei_city("0716"), "荆州");
  EXPECT_EQ(hubei_city("0755"), "");
}

// Malformed UTF-8 must come back as valid UTF-8, so the JSON always serialises.
TEST(IdentifierRobustness, MalformedUtf8StillSerialises) {
  const std::string inputs[] = {"\xff",         "4201061990030712\xe5\x8f", "\xc0\xaf",
                                "\xed\xa0\x80", "9142\xf4\x90\x80\x80",     "138\xe2\x82"};
  for (const std::string& input : inputs) {
    for (Checker check : {Checker(id_json), Checker(credit_json), Checker(phone_json)}) {
      nlohmann::json result = check(input);
      EXPECT_FALSE(result["valid"].get<bool>());
      EXPECT_NO_THROW((void)result.dump()) << result["reason_code"];
    }
  }
}

// Random inputs built from meaningful fragments: nothing crashes, every result serialises, and
// a valid result's normalized form is itself valid and unchanged.
TEST(IdentifierRobustness, RandomInputsAreHandled) {
  const std::vector<std::string> fragments = {
      "0",   "1",    "2",   "4",      "7",  "8",    "9",    "X",  "x",   "-",
      "+",   "(",    ")",   " ",      "　", "８",   "Ｘ",   "转", "ext", "86",
      "027", "0716", "138", "420106", "91", "\xff", "\xe5", "号", "I"};
  std::mt19937 random(20261122);
  std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
  std::uniform_int_distribution<int> length(0, 14);
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (int n = length(random); n > 0; --n) input += fragments[pick(random)];
    for (Checker check : {Checker(id_json), Checker(credit_json), Checker(phone_json)}) {
      nlohmann::json result = check(input);
      ASSERT_NO_THROW((void)result.dump()) << input;
      if (result["valid"].get<bool>()) {
        nlohmann::json again = check(result["normalized"].get<std::string>());
        EXPECT_TRUE(again["valid"].get<bool>()) << input;
        EXPECT_EQ(again["normalized"], result["normalized"]) << input;
      } else {
        EXPECT_FALSE(result["reason_code"].get<std::string>().empty()) << input;
        EXPECT_FALSE(result["reason"].get<std::string>().empty()) << input;
      }
    }
  }
}

}  // namespace
}  // namespace guiyan::core

TEST(IdentifierGeneration, CompletedCreditCodesPassTheCheckAndAnyOtherLastCharacterFails) {
  for (std::string stem : {"91350100M000100Y4", "91420100MA4K00000", "5242100000000000X"}) {
    std::string code = guiyan::core::complete_credit_code(stem);
    EXPECT_TRUE(guiyan::core::check_credit_code(code).valid) << code;
    char wrong = code.back() == '0' ? '1' : '0';
    EXPECT_FALSE(guiyan::core::check_credit_code(stem + wrong).valid) << stem + wrong;
  }
  EXPECT_EQ(guiyan::core::complete_credit_code("91350100M000100Y4"), "91350100M000100Y43");
}
