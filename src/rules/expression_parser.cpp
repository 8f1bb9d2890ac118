// Parsing, name resolution and type checking of rule expressions (grammar in docs/rules.md).
#include <cctype>

#include "rules/expression_node.h"
#include "rules/field_catalogue.h"

namespace guiyan::rules {
namespace {

using Node = Expression::Node;

enum class Tok { end, number, string, ident, param, symbol };

struct Token {
  Tok kind = Tok::end;
  std::string text;  // the token itself (a string without its quotes)
  size_t begin = 0;  // byte offsets in the source
  size_t end = 0;
};

// 1-based character position of a byte offset in UTF-8 text.
size_t char_position(std::string_view text, size_t byte) {
  size_t chars = 0;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + 1;
}

bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

class Parser {
 public:
  Parser(std::string_view src, const ParameterScope& scope, std::string_view subject)
      : src_(src), scope_(scope), subject_(subject) {
    advance();
  }

  std::vector<Node> take() { return std::move(nodes_); }

  size_t parse_all() {
    size_t root = parse_or();
    if (tok_.kind != Tok::end) fail("多余的内容“" + tok_.text + "”", tok_.begin);
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& message, size_t byte) {
    size_t pos = char_position(src_, byte);
    throw RuleError("第" + std::to_string(pos) + "个字符处：" + message, pos);
  }

  void advance() {
    size_t i = pos_;
    while (i < src_.size() && std::isspace(static_cast<unsigned char>(src_[i]))) ++i;
    tok_ = Token{};
    tok_.begin = i;
    if (i >= src_.size()) {
      tok_.kind = Tok::end;
      tok_.text = "结尾";
      tok_.end = pos_ = i;
      return;
    }
    char c = src_[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < src_.size() && std::isdigit(static_cast<unsigned char>(src_[j]))) ++j;
      if (j + 1 < src_.size() && src_[j] == '.' &&
          std::isdigit(static_cast<unsigned char>(src_[j + 1]))) {
        ++j;
        while (j < src_.size() && std::isdigit(static_cast<unsigned char>(src_[j]))) ++j;
      }
      tok_.kind = Tok::number;
      tok_.text = std::string(src_.substr(i, j - i));
      tok_.end = pos_ = j;
      return;
    }
    if (c == '"') {
      size_t j = i + 1;
      std::string text;
      while (j < src_.size() && src_[j] != '"') {
        if (src_[j] == '\\' && j + 1 < src_.size()) ++j;
        text += src_[j++];
      }
      if (j >= src_.size()) fail("字符串缺少结尾的引号", i);
      tok_.kind = Tok::string;
      tok_.text = std::move(text);
      tok_.end = pos_ = j + 1;
      return;
    }
    if (ident_start(c) || c == '@') {
      size_t j = c == '@' ? i + 1 : i;
      if (j >= src_.size() || !ident_start(src_[j])) fail("“@”后应是参数名", i);
      while (j < src_.size()) {
        if (ident_char(src_[j])) {
          ++j;
        } else if (src_[j] == '.' && j + 1 < src_.size() && ident_start(src_[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      tok_.kind = c == '@' ? Tok::param : Tok::ident;
      tok_.text = std::string(src_.substr(c == '@' ? i + 1 : i, j - (c == '@' ? i + 1 : i)));
      tok_.end = pos_ = j;
      return;
    }
    static const char* kTwo[] = {"==", "!=", "<=", ">="};
    for (const char* two : kTwo) {
      if (src_.substr(i, 2) == two) {
        tok_.kind = Tok::symbol;
        tok_.text = two;
        tok_.end = pos_ = i + 2;
        return;
      }
    }
    if (std::string_view("()[],+-*/<>").find(c) != std::string_view::npos) {
      tok_.kind = Tok::symbol;
      tok_.text = std::string(1, c);
      tok_.end = pos_ = i + 1;
      return;
    }
    size_t j = i + 1;
    while (j < src_.size() && (static_cast<unsigned char>(src_[j]) & 0xC0) == 0x80) ++j;
    fail("无法识别的字符“" + std::string(src_.substr(i, j - i)) + "”", i);
  }

  bool is(std::string_view symbol_or_word) const {
    return (tok_.kind == Tok::symbol || tok_.kind == Tok::ident) && tok_.text == symbol_or_word;
  }

  void expect(std::string_view symbol) {
    if (!is(symbol))
      fail("此处应为“" + std::string(symbol) + "”，却是“" + tok_.text + "”", tok_.begin);
    advance();
  }

  size_t add(Node node, size_t begin, size_t end) {
    node.text = std::string(src_.substr(begin, end - begin));
    nodes_.push_back(std::move(node));
    return nodes_.size() - 1;
  }
  size_t begin_of(size_t at) const { return begins_.at(at); }

  // Adds a node spanning from `begin` to the end of the last consumed token.
  size_t make(Op op, Type type, std::vector<size_t> kids, size_t begin, bool traced = false) {
    Node node;
    node.op = op;
    node.type = type;
    node.kids = std::move(kids);
    node.traced = traced;
    size_t at = add(std::move(node), begin, last_end_);
    begins_.push_back(begin);
    return at;
  }

  void need(size_t at, Type type, const std::string& what) {
    if (nodes_[at].type != type) {
      fail(what + "应为" + type_name(type) + "，“" + nodes_[at].text + "”是" +
               type_name(nodes_[at].type),
           begin_of(at));
    }
  }

  void consume() {
    last_end_ = tok_.end;
    advance();
  }

  size_t parse_or() {
    size_t begin = tok_.begin;
    size_t left = parse_and();
    if (!is("or")) return left;
    std::vector<size_t> kids{left};
    need(left, Type::boolean, "“or”两边");
    while (is("or")) {
      consume();
      size_t right = parse_and();
      need(right, Type::boolean, "“or”两边");
      kids.push_back(right);
    }
    return make(Op::logical_or, Type::boolean, std::move(kids), begin);
  }

  size_t parse_and() {
    size_t begin = tok_.begin;
    size_t left = parse_not();
    if (!is("and")) return left;
    std::vector<size_t> kids{left};
    need(left, Type::boolean, "“and”两边");
    while (is("and")) {
      consume();
      size_t right = parse_not();
      need(right, Type::boolean, "“and”两边");
      kids.push_back(right);
    }
    return make(Op::logical_and, Type::boolean, std::move(kids), begin);
  }

  size_t parse_not() {
    if (!is("not")) return parse_compare();
    size_t begin = tok_.begin;
    consume();
    size_t operand = parse_not();
    need(operand, Type::boolean, "“not”之后");
    return make(Op::logical_not, Type::boolean, {operand}, begin);
  }

  size_t parse_compare() {
    size_t begin = tok_.begin;
    size_t left = parse_sum();
    static const std::pair<const char*, Op> kOps[] = {{"==", Op::eq}, {"!=", Op::ne},
                                                      {"<=", Op::le}, {">=", Op::ge},
                                                      {"<", Op::lt},  {">", Op::gt}};
    for (const auto& [symbol, op] : kOps) {
      if (tok_.kind == Tok::symbol && tok_.text == symbol) {
        size_t at = tok_.begin;
        consume();
        size_t right = parse_sum();
        Type lt = nodes_[left].type, rt = nodes_[right].type;
        if (lt != rt) {
          fail("无法比较" + std::string(type_name(lt)) + "“" + nodes_[left].text + "”与" +
                   type_name(rt) + "“" + nodes_[right].text + "”",
               at);
        }
        bool ordering = op != Op::eq && op != Op::ne;
        if (ordering && lt != Type::number && lt != Type::date) {
          fail(std::string(type_name(lt)) + "只能用 == 或 != 比较", at);
        }
        return make(op, Type::boolean, {left, right}, begin);
      }
    }
    if (is("in")) {
      consume();
      Type t = nodes_[left].type;
      if (t != Type::text && t != Type::number) fail("“in”左边应为文本或数值", begin);
      expect("[");
      std::vector<size_t> kids{left};
      do {
        size_t item = parse_primary();
        if (nodes_[item].op != Op::literal || nodes_[item].type != t) {
          fail("“in”的列表应是与左边同类型的常量", begin_of(item));
        }
        kids.push_back(item);
        if (!is(",")) break;
        consume();
      } while (true);
      if (!is("]")) fail("列表缺少“]”", tok_.begin);
      consume();
      return make(Op::in_list, Type::boolean, std::move(kids), begin);
    }
    return left;
  }

  size_t parse_sum() {
    size_t begin = tok_.begin;
    size_t left = parse_product();
    while (tok_.kind == Tok::symbol && (tok_.text == "+" || tok_.text == "-")) {
      Op op = tok_.text == "+" ? Op::add : Op::sub;
      consume();
      size_t right = parse_product();
      need(left, Type::number, "加减运算的数");
      need(right, Type::number, "加减运算的数");
      left = make(op, Type::number, {left, right}, begin);
    }
    return left;
  }

  size_t parse_product() {
    size_t begin = tok_.begin;
    size_t left = parse_unary();
    while (tok_.kind == Tok::symbol && (tok_.text == "*" || tok_.text == "/")) {
      Op op = tok_.text == "*" ? Op::mul : Op::div;
      consume();
      size_t right = parse_unary();
      need(left, Type::number, "乘除运算的数");
      need(right, Type::number, "乘除运算的数");
      left = make(op, Type::number, {left, right}, begin);
    }
    return left;
  }

  size_t parse_unary() {
    if (!(tok_.kind == Tok::symbol && tok_.text == "-")) return parse_primary();
    size_t begin = tok_.begin;
    consume();
    size_t operand = parse_unary();
    need(operand, Type::number, "负号之后");
    return make(Op::neg, Type::number, {operand}, begin);
  }

  size_t literal(Value value, Type type, size_t begin) {
    Node node;
    node.op = Op::literal;
    node.type = type;
    node.literal = std::move(value);
    size_t at = add(std::move(node), begin, last_end_);
    begins_.push_back(begin);
    return at;
  }

  std::vector<size_t> arguments() {
    expect("(");
    std::vector<size_t> args;
    if (!is(")")) {
      args.push_back(parse_or());
      while (is(",")) {
        consume();
        args.push_back(parse_or());
      }
    }
    if (!is(")")) fail("函数参数之后应为“)”，却是“" + tok_.text + "”", tok_.begin);
    consume();
    return args;
  }

  size_t parse_call(const std::string& name, size_t begin) {
    auto args = arguments();
    auto count = [&](size_t n) {
      if (args.size() != n) {
        fail("函数 " + name + " 需要 " + std::to_string(n) + " 个参数", begin);
      }
    };
    if (name == "date") {
      count(1);
      const auto& arg = nodes_[args[0]];
      auto d = arg.op == Op::literal && arg.type == Type::text
                   ? core::Date::parse_iso(arg.literal.as_text())
                   : std::nullopt;
      if (!d) fail("date(\"YYYY-MM-DD\") 的参数应是一个真实日期", begin);
      return literal(Value::of(*d), Type::date, begin);
    }
    if (name == "months_between" || name == "days_between" || name == "years_between") {
      count(2);
      need(args[0], Type::date, name + " 的参数");
      need(args[1], Type::date, name + " 的参数");
      Op op = name == "months_between" ? Op::months_between
              : name == "days_between" ? Op::days_between
                                       : Op::years_between;
      return make(op, Type::number, args, begin, true);
    }
    if (name == "min" || name == "max") {
      if (args.empty()) fail("函数 " + name + " 至少需要 1 个参数", begin);
      for (size_t a : args) need(a, Type::number, name + " 的参数");
      return make(name == "min" ? Op::min : Op::max, Type::number, args, begin);
    }
    if (name == "if") {
      count(3);
      need(args[0], Type::boolean, "if 的条件");
      if (nodes_[args[1]].type != nodes_[args[2]].type) {
        fail("if 的两个结果应为同一类型", begin);
      }
      Type t = nodes_[args[1]].type;
      return make(Op::if_then_else, t, args, begin);
    }
    if (name == "known") {
      count(1);
      return make(Op::known, Type::boolean, args, begin);
    }
    if (name == "round") {
      count(1);
      need(args[0], Type::number, "round 的参数");
      return make(Op::round, Type::number, args, begin);
    }
    fail("未知函数“" + name + "”", begin);
  }

  size_t parse_primary() {
    size_t begin = tok_.begin;
    if (tok_.kind == Tok::number) {
      double n = std::stod(tok_.text);
      consume();
      return literal(Value::of(n), Type::number, begin);
    }
    if (tok_.kind == Tok::string) {
      std::string text = tok_.text;
      consume();
      return literal(Value::of(std::move(text)), Type::text, begin);
    }
    if (tok_.kind == Tok::param) {
      std::string name = tok_.text;
      consume();
      const Parameter* param = nullptr;
      for (const auto* set : {scope_.own, scope_.shared}) {
        if (!set || param) continue;
        auto it = set->find(name);
        if (it != set->end()) param = &it->second;
      }
      if (!param) fail("未定义的参数“@" + name + "”", begin);
      std::vector<size_t> kids;
      if (is("[")) {
        consume();
        size_t on = parse_or();
        need(on, Type::date, "参数的取值日期");
        if (!is("]")) fail("参数取值日期之后应为“]”", tok_.begin);
        consume();
        kids.push_back(on);
      }
      Type type = Type::number;
      for (const auto& v : param->values) {
        if (v.value.is_text()) type = Type::text;
        if (v.value.is_bool()) type = Type::boolean;
        if (v.value.is_date()) type = Type::date;
      }
      size_t at = make(Op::param, type, std::move(kids), begin, true);
      nodes_[at].param = param;
      return at;
    }
    if (tok_.kind == Tok::ident) {
      std::string name = tok_.text;
      consume();
      if (name == "true" || name == "false") {
        return literal(Value::of(name == "true"), Type::boolean, begin);
      }
      if (is("(")) return parse_call(name, begin);
      auto slot = field_slot(name);
      if (!slot) fail("未知字段“" + name + "”", begin);
      if (!subject_.empty() && !field_belongs_to(name, subject_)) {
        fail("字段“" + name + "”不属于本政策的申请对象", begin);
      }
      size_t at = make(Op::field, field_at(*slot).type, {}, begin, true);
      nodes_[at].slot = *slot;
      return at;
    }
    if (is("(")) {
      consume();
      size_t inner = parse_or();
      if (!is(")")) fail("缺少“)”", tok_.begin);
      consume();
      return inner;
    }
    fail(tok_.kind == Tok::end ? "表达式不完整" : "此处不应出现“" + tok_.text + "”", begin);
  }

  std::string_view src_;
  const ParameterScope& scope_;
  std::string_view subject_;
  size_t pos_ = 0;
  size_t last_end_ = 0;
  Token tok_;
  std::vector<Node> nodes_;
  std::vector<size_t> begins_;
};

}  // namespace

Expression Expression::compile(std::string_view text, const ParameterScope& scope,
                               std::string_view subject) {
  Parser parser(text, scope, subject);
  size_t root = parser.parse_all();
  Expression e;
  e.nodes_ = std::make_shared<const std::vector<Node>>(parser.take());
  e.root_ = root;
  e.text_ = std::string(text);
  return e;
}

}  // namespace guiyan::rules
