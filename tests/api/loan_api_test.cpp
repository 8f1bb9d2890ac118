// Loans and financing through the real server, on SQLite and PostgreSQL alike: the guaranteed-loan
// ledger checked against the shipped policy (the 3rd and 4th loan, a rate at the cap and one basis
// point above), its subsidy schedule worked out by hand, loan products, and financing requests
// with their tracking code, the public lookup and its limiter, and the 15-working-day limit.
//
// The suite runs on a server of its own: its borrowers are people, and the people API tests count
// every person of 荆州市 (a loan test registered before them would change their figures).
#include <memory>

#include "api/api_env.h"

using namespace guiyan::testing;

namespace {

struct LoanEnv {
  std::unique_ptr<ServerProcess> server;
  std::map<std::string, std::string> tokens;

  static LoanEnv& get() {
    static LoanEnv env = [] {
      LoanEnv e;
      e.server = std::make_unique<ServerProcess>();
      e.server->add_user("ln_clerk", "clerk", "421088", "监利市人社局", kPassword);
      e.server->add_user("ln_leader", "leader", "421088", "监利市人社局", kPassword);
      e.server->add_user("ln_ga_clerk", "clerk", "421022", "公安县人社局", kPassword);
      e.server->add_user("ln_sys", "sysadmin", "421088", "监利市人社局", kPassword);
      e.server->add_user("ln_aud", "auditor", "421000", "荆州市人社局", kPassword);
      e.server->start();
      return e;
    }();
    return env;
  }
  HttpClient client() { return HttpClient(server->port()); }
  std::string token(const std::string& user) {
    auto it = tokens.find(user);
    if (it != tokens.end()) return it->second;
    auto r = client().post("/api/v1/auth/login", {{"username", user}, {"password", kPassword}});
    if (r.status != 200) throw std::runtime_error("login failed: " + r.body);
    return tokens[user] = r.json()["token"].get<std::string>();
  }
};

HttpResult loan_get(const std::string& user, const std::string& path) {
  return LoanEnv::get().client().get(path, LoanEnv::get().token(user));
}
HttpResult loan_post(const std::string& user, const std::string& path, const nlohmann::json& body) {
  return LoanEnv::get().client().post(path, body, LoanEnv::get().token(user));
}
HttpResult loan_patch(const std::string& user, const std::string& path,
                      const nlohmann::json& body) {
  return LoanEnv::get().client().patch(path, body, LoanEnv::get().token(user));
}

// A person in 监利市 who came home and started a business in 2024 (a returnee on every contract
// date the tests use).
int64_t loan_borrower(const std::string& name, const std::string& status = "returned") {
  auto r = loan_post("ln_clerk", "/api/v1/people",
                     {{"name", name},
                      {"region_code", "421088113001"},
                      {"status", status},
                      {"status_since", "2024-03-01"}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json()["id"];
}

nlohmann::json loan_body(int64_t person, int64_t amount_yuan, int64_t rate_bp,
                         const std::string& contract_on, int64_t term = 12) {
  return {{"person_id", person},        {"borrower_kind", "individual"},
          {"bank", "监利农商银行"},     {"guarantor", "监利市融资担保公司"},
          {"amount_yuan", amount_yuan}, {"rate_bp", rate_bp},
          {"contract_on", contract_on}, {"term_months", term}};
}

std::string loan_path(int64_t id, const std::string& tail = "") {
  return "/api/v1/loans/" + std::to_string(id) + tail;
}

}  // namespace

TEST(LoanApi, TheThirdLoanOfABorrowerIsAcceptedAndTheFourthRefused) {
  int64_t who = loan_borrower("贷款测试甲");
  int64_t third = 0;
  for (auto on : {"2025-06-02", "2025-07-01", "2025-08-01"}) {
    auto r = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 100000, 400, on));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["verdict"], "eligible");
    EXPECT_EQ(r.json()["needs_review"], false);
    third = r.json()["id"];
  }
  auto got = loan_get("ln_clerk", loan_path(third));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["check"]["previous_loans"], 2);
  EXPECT_EQ(got.json()["check"]["policy"]["code"], "guaranteed_loan");
  bool said = false;
  auto conditions = got.json()["check"]["conditions"];
  for (const auto& c : conditions) {
    said |= c["label"] == "累计获贷不超过3次" && c["result"] == "eligible";
  }
  EXPECT_TRUE(said) << got.body;

  auto fourth = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 100000, 400, "2025-09-01"));
  ASSERT_EQ(fourth.status, 400) << fourth.body;
  EXPECT_EQ(fourth.json()["error"]["code"], "not_eligible");
  EXPECT_EQ(fourth.json()["error"]["field"], "person_id");
  EXPECT_NE(fourth.json()["error"]["message"].get<std::string>().find("累计获贷已达3次"),
            std::string::npos)
      << fourth.body;
  auto list = loan_get("ln_clerk", "/api/v1/loans?person_id=" + std::to_string(who));
  EXPECT_EQ(list.json()["total"], 3);
  EXPECT_EQ(list.json()["totals"]["amount_yuan"], 300000);
}

TEST(LoanApi, ARateExactlyAtTheCapIsAcceptedAndOneBasisPointAboveRefused) {
  int64_t who = loan_borrower("贷款测试乙");
  // LPR 3.00% from 2025-05-20: the cap is 4.50%.
  auto above = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 200000, 451, "2025-06-10"));
  ASSERT_EQ(above.status, 400) << above.body;
  EXPECT_EQ(above.json()["error"]["field"], "rate_bp");
  EXPECT_NE(above.json()["error"]["message"].get<std::string>().find(
                "利率超过合同签订日LPR+150BP上限（上限 4.50%）"),
            std::string::npos)
      << above.body;
  auto at = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 200000, 450, "2025-06-10"));
  ASSERT_EQ(at.status, 201) << at.body;
  EXPECT_EQ(at.json()["cap_bp"], 450);
  EXPECT_EQ(at.json()["rate_percent"], "4.50");
  // Signed the day before the LPR fell (3.10%): 4.60% was within its cap.
  auto earlier = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 200000, 460, "2025-05-19"));
  ASSERT_EQ(earlier.status, 201) << earlier.body;
  EXPECT_EQ(earlier.json()["cap_bp"], 460);
  // A later change of rate is checked again.
  int64_t id = at.json()["id"];
  auto patched = loan_patch("ln_clerk", loan_path(id), {{"rate_bp", 451}});
  EXPECT_EQ(patched.status, 400) << patched.body;
  EXPECT_EQ(loan_get("ln_clerk", loan_path(id)).json()["rate_bp"], 450);
  // Amount above the individual limit of 30万.
  auto big = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 310000, 400, "2025-06-10"));
  EXPECT_EQ(big.status, 400);
  EXPECT_EQ(big.json()["error"]["field"], "amount_yuan");
}

TEST(LoanApi, TheSubsidyScheduleIsWorkedOutByHandAndPaymentsAreShownAgainstIt) {
  int64_t who = loan_borrower("贷款测试丙");
  auto created =
      loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 300000, 450, "2025-06-01", 12));
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json()["id"];
  auto loan = created.json();
  // 300,000元 × 4.50% ÷ 12 = 1,125.00元 of interest a month; the treasury pays 50%: 562.50元;
  // over 12 months 6,750元 (the policy's own case: 30万 × 4.5% × 50%).
  EXPECT_EQ(loan["share_bp"], 5000);
  EXPECT_EQ(loan["maturity_on"], "2026-06-01");
  auto months = loan["schedule"]["months"];
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months[0]["from"], "2025-06-01");
  EXPECT_EQ(months[0]["to"], "2025-07-01");
  EXPECT_EQ(months[0]["interest_fen"], 112500);
  EXPECT_EQ(months[0]["subsidy_fen"], 56250);
  EXPECT_EQ(months[11]["to"], "2026-06-01");
  EXPECT_EQ(loan["subsidy_total_fen"], 675000);
  EXPECT_EQ(loan["schedule"]["interest_fen"], 1350000);

  // Month 1 paid in full, month 2 in part.
  auto paid = loan_post("ln_clerk", loan_path(id, "/subsidies"),
                        {{"month", 1},
                         {"amount_fen", 56250},
                         {"paid_on", "2025-07-05"},
                         {"reference", "监财贴〔2025〕7号"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  paid = loan_post("ln_clerk", loan_path(id, "/subsidies"),
                   {{"month", 2}, {"amount_fen", 30000}, {"paid_on", "2025-08-05"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  auto after = paid.json();
  EXPECT_EQ(after["schedule"]["months"][0]["paid_fen"], 56250);
  EXPECT_EQ(after["schedule"]["months"][0]["outstanding_fen"], 0);
  EXPECT_EQ(after["schedule"]["months"][1]["paid_fen"], 30000);
  EXPECT_EQ(after["schedule"]["months"][1]["outstanding_fen"], 26250);
  EXPECT_EQ(after["subsidy_paid_fen"], 86250);
  // Every month ended before today (the tests run after 2026-06-01).
  EXPECT_EQ(after["subsidy_fallen_due_fen"], 675000);
  EXPECT_EQ(after["subsidy_outstanding_fen"], 675000 - 86250);
  EXPECT_EQ(after["subsidies"].size(), 2u);

  // One fen more than month 2 still owes, a month beyond the term, a date in the future.
  auto over = loan_post("ln_clerk", loan_path(id, "/subsidies"),
                        {{"month", 2}, {"amount_fen", 26251}, {"paid_on", "2025-09-05"}});
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.json()["error"]["field"], "amount_fen");
  auto beyond = loan_post("ln_clerk", loan_path(id, "/subsidies"),
                          {{"month", 13}, {"amount_fen", 100}, {"paid_on", "2025-09-05"}});
  EXPECT_EQ(beyond.json()["error"]["field"], "month");
  auto future = loan_post("ln_clerk", loan_path(id, "/subsidies"),
                          {{"month", 3}, {"amount_fen", 100}, {"paid_on", "2099-01-01"}});
  EXPECT_EQ(future.json()["error"]["field"], "paid_on");

  // Audited: the creation and each payment.
  auto audit = loan_get("ln_aud", "/api/v1/audit?entity=loan&entity_id=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::multiset<std::string> actions;
  auto entries = audit.json()["items"];
  for (const auto& e : entries) actions.insert(e["action"].get<std::string>());
  EXPECT_EQ(actions.count("create"), 1u);
  EXPECT_EQ(actions.count("record_subsidy"), 2u);
}

TEST(LoanApi, LoansAreReadWithinTheDataScopeAndWrittenWithThePermission) {
  int64_t who = loan_borrower("贷款测试丁");
  auto created = loan_post("ln_clerk", "/api/v1/loans", loan_body(who, 50000, 420, "2025-10-15"));
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json()["id"];
  EXPECT_EQ(loan_get("ln_ga_clerk", loan_path(id)).status, 404);
  EXPECT_EQ(loan_get("ln_ga_clerk", "/api/v1/loans").json()["total"], 0);
  EXPECT_EQ(loan_get("ln_sys", "/api/v1/loans").status, 403);
  EXPECT_EQ(loan_get("ln_leader", loan_path(id)).status, 200);
  EXPECT_EQ(loan_patch("ln_leader", loan_path(id), {{"status", "repaid"}}).status, 403);
  // A borrower out of scope is refused as a field.
  auto foreign =
      loan_post("ln_ga_clerk", "/api/v1/loans", loan_body(who, 50000, 420, "2025-10-15"));
  EXPECT_EQ(foreign.status, 400);
  EXPECT_EQ(foreign.json()["error"]["field"], "person_id");
  auto patched =
      loan_patch("ln_clerk", loan_path(id), {{"status", "repaid"}, {"notes", "提前结清"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["status_label"], "已结清");
  EXPECT_EQ(loan_get("ln_clerk", "/api/v1/loans?status=repaid&region=421088113").json()["total"],
            1);
}

TEST(LoanApi, ABorrowerWhoIsAwayIsRefusedAndOneWithAnUnknownStatusIsKeptForReview) {
  int64_t away = loan_borrower("贷款测试戊", "away");
  auto refused = loan_post("ln_clerk", "/api/v1/loans", loan_body(away, 50000, 400, "2025-10-15"));
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.json()["error"]["message"].get<std::string>().find("借款人不是返乡创业人员"),
            std::string::npos);
  // Home since December only: on an October contract date the status is not known.
  auto unknown = loan_post("ln_clerk", "/api/v1/people",
                           {{"name", "贷款测试己"},
                            {"region_code", "421088113002"},
                            {"status", "returned"},
                            {"status_since", "2025-12-01"}});
  ASSERT_EQ(unknown.status, 201) << unknown.body;
  auto kept = loan_post("ln_clerk", "/api/v1/loans",
                        loan_body(unknown.json()["id"], 50000, 400, "2025-10-15"));
  ASSERT_EQ(kept.status, 201) << kept.body;
  EXPECT_EQ(kept.json()["verdict"], "unknown");
  EXPECT_EQ(kept.json()["needs_review"], true);
  EXPECT_NE(kept.json()["warning"].get<std::string>().find("借款人为返乡创业人员"),
            std::string::npos);
  EXPECT_GE(loan_get("ln_clerk", "/api/v1/loans?needs_review=true").json()["total"], 1);
}

TEST(LoanApi, ProductsOfTheCityReachItsCountiesAndAreChangedOnlyWhereTheyAreOffered) {
  auto list = loan_get("ln_clerk", "/api/v1/loan-products?limit=100");
  ASSERT_EQ(list.status, 200) << list.body;
  std::map<std::string, nlohmann::json> by_name;
  auto items = list.json()["items"];
  for (const auto& p : items) by_name[p["name"]] = p;
  ASSERT_TRUE(by_name.count("军创贷")) << list.body;  // 荆州市's
  EXPECT_FALSE(by_name.count("咸创贷"));              // 咸安区's
  EXPECT_EQ(by_name["楚商贷"]["bank"], "中国邮政储蓄银行");
  EXPECT_TRUE(by_name["军创贷"]["bank"].is_null());  // the source names no bank
  EXPECT_EQ(by_name["稳岗扩岗专项贷款"]["max_amount_wan"], 5000);
  EXPECT_EQ(by_name["军创贷"]["editable"], false);
  int64_t city = by_name["军创贷"]["id"];
  EXPECT_EQ(
      loan_patch("ln_clerk", "/api/v1/loan-products/" + std::to_string(city), {{"active", false}})
          .status,
      403);

  auto made = loan_post("ln_clerk", "/api/v1/loan-products",
                        {{"bank", "监利农商银行"},
                         {"name", "监利返乡创业贷"},
                         {"target_group", "返乡创业人员"},
                         {"max_amount_wan", 50},
                         {"rate_description", "LPR+50BP"},
                         {"term_description", "最长3年"},
                         {"guarantee", "信用"},
                         {"region_code", "421088"}});
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t id = made.json()["id"];
  auto path = "/api/v1/loan-products/" + std::to_string(id);
  auto off = loan_patch("ln_clerk", path, {{"active", false}, {"max_amount_wan", nullptr}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json()["active"], false);
  EXPECT_TRUE(off.json()["max_amount_wan"].is_null());
  EXPECT_EQ(loan_patch("ln_ga_clerk", path, {{"active", true}}).status, 404);
  auto active = loan_get("ln_clerk", "/api/v1/loan-products?active=true&limit=100");
  auto active_items = active.json()["items"];
  for (const auto& p : active_items) EXPECT_NE(p["id"], id);
  // A region filter that is no region code: a clear 400, not a 500 (PostgreSQL refused the
  // filter's byte slices of “电工” as broken UTF-8).
  for (const char* region : {"%E7%94%B5%E5%B7%A5", "421099", "42102"}) {
    auto odd = loan_get("ln_clerk", std::string("/api/v1/loan-products?region=") + region);
    EXPECT_EQ(odd.status, 400) << region << " " << odd.body;
    EXPECT_EQ(odd.json()["error"]["field"], "region");
  }
}

TEST(FinancingApi, ARequestMovesThroughItsStatusesAndTheApplicantLooksItUp) {
  auto products = loan_get("ln_clerk", "/api/v1/loan-products?q=%E8%99%BE%E5%86%9C");  // 虾农
  ASSERT_EQ(products.json()["total"], 1) << products.body;
  int64_t product = products.json()["items"][0]["id"];
  auto made = loan_post("ln_clerk", "/api/v1/financing",
                        {{"applicant_name", "融资测试甲"},
                         {"phone", "13800001234"},
                         {"amount_yuan", 200000},
                         {"purpose", "扩大小龙虾养殖"},
                         {"product_id", product},
                         {"region_code", "421088114001"}});
  ASSERT_EQ(made.status, 201) << made.body;
  auto request = made.json();
  std::string code = request["code"];
  EXPECT_EQ(code.size(), 14u);
  EXPECT_EQ(request["phone"], "138****1234");
  EXPECT_EQ(request["status"], "submitted");
  EXPECT_EQ(request["product_name"], "虾农贷");
  EXPECT_EQ(request["overdue"], false);
  int64_t id = request["id"];
  std::string path = "/api/v1/financing/" + std::to_string(id);

  auto c = LoanEnv::get().client();
  auto look = c.get("/api/v1/public/financing/" + code + "?phone4=1234");
  ASSERT_EQ(look.status, 200) << look.body;
  EXPECT_EQ(look.json()["status_label"], "已提交");
  EXPECT_FALSE(look.json().contains("applicant_name"));
  EXPECT_FALSE(look.json().contains("amount_yuan"));
  EXPECT_FALSE(look.json().contains("phone"));
  auto wrong = c.get("/api/v1/public/financing/" + code + "?phone4=4321");
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(wrong.json()["error"]["message"], "查询码或手机号后四位不正确");
  // Typed in lower case, a space (sent as %20) for the first dash and none for the second: the
  // same code.
  std::string typed;
  for (char ch : code.substr(0, 4)) typed += static_cast<char>(std::tolower(ch));
  typed += "%20";
  for (char ch : code.substr(5, 4) + code.substr(10)) typed += static_cast<char>(std::tolower(ch));
  EXPECT_EQ(c.get("/api/v1/public/financing/" + typed + "?phone4=1234").status, 200) << typed;

  EXPECT_EQ(loan_post("ln_clerk", path + "/moves", {{"status", "approved"}}).status, 400);
  EXPECT_EQ(loan_post("ln_leader", path + "/moves", {{"status", "accepted"}}).status, 403);
  std::string today = request["submitted_on"];
  auto accepted = loan_post("ln_clerk", path + "/moves", {{"status", "accepted"}, {"on", today}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  auto approved = loan_post("ln_clerk", path + "/moves",
                            {{"status", "approved"}, {"on", today}, {"note", "授信20万元"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["decided_on"], today);
  EXPECT_EQ(approved.json()["decided_late"], false);
  auto disbursed = loan_post("ln_clerk", path + "/moves", {{"status", "disbursed"}});
  ASSERT_EQ(disbursed.status, 200) << disbursed.body;
  EXPECT_EQ(disbursed.json()["moves"].size(), 4u);
  EXPECT_EQ(loan_post("ln_clerk", path + "/moves", {{"status", "rejected"}, {"note", "x"}}).status,
            409);
  look = c.get("/api/v1/public/financing/" + code + "?phone4=1234");
  EXPECT_EQ(look.json()["status"], "disbursed");
  EXPECT_EQ(look.json()["approved_on"], today);

  EXPECT_EQ(loan_get("ln_ga_clerk", path).status, 404);
  auto unmasked = loan_get("ln_clerk", path + "?unmask=true");
  ASSERT_EQ(unmasked.status, 200) << unmasked.body;
  EXPECT_EQ(unmasked.json()["phone"], "13800001234");
  auto audit = loan_get("ln_aud", "/api/v1/audit?entity=financing&entity_id=" + std::to_string(id));
  std::multiset<std::string> actions;
  auto entries = audit.json()["items"];
  for (const auto& e : entries) actions.insert(e["action"].get<std::string>());
  EXPECT_EQ(actions.count("create"), 1u);
  EXPECT_EQ(actions.count("move"), 3u);
  EXPECT_EQ(actions.count("view_unmasked"), 1u);
}

TEST(FinancingApi, RepeatedWrongDigitsAreRefusedFor429OnEveryServer) {
  auto made = loan_post("ln_clerk", "/api/v1/financing",
                        {{"applicant_name", "融资测试乙"},
                         {"phone", "13900005678"},
                         {"amount_yuan", 100000},
                         {"region_code", "421088114001"}});
  ASSERT_EQ(made.status, 201) << made.body;
  std::string code = made.json()["code"];
  auto& env = LoanEnv::get();
  // A second server on the same database: the tries are counted in the database.
  ServerProcess second(env.server->db_url());
  second.start();
  HttpClient one = env.client(), two(second.port());
  for (int i = 0; i < 5; ++i) {
    auto r = (i % 2 ? two : one).get("/api/v1/public/financing/" + code + "?phone4=0000");
    EXPECT_EQ(r.status, 404) << i << r.body;
  }
  for (HttpClient* c : {&one, &two}) {
    auto r = c->get("/api/v1/public/financing/" + code + "?phone4=5678");
    EXPECT_EQ(r.status, 429) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "too_many_attempts");
    EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("一小时后再试"),
              std::string::npos);
  }
}

TEST(FinancingApi, ADecisionIsDueFifteenWorkingDaysAfterSubmissionAcrossTheHolidays) {
  // Submitted Friday 2025-09-26: 28 Sep (a Sunday worked), 29, 30 Sep, then 国庆·中秋 1–8 Oct,
  // 9, 10, 11 (a Saturday worked), 13–17, 20–23 Oct: the 15th working day is 2025-10-23 (on
  // weekdays alone it would have been 2025-10-17).
  auto submit = [](const std::string& name) {
    auto r = loan_post("ln_clerk", "/api/v1/financing",
                       {{"applicant_name", name},
                        {"phone", "13700001111"},
                        {"amount_yuan", 80000},
                        {"region_code", "421088114206"},
                        {"submitted_on", "2025-09-26"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  };
  auto waiting = submit("融资时限甲");
  EXPECT_EQ(waiting["due_on"], "2025-10-23");
  EXPECT_EQ(waiting["overdue"], true);
  auto in_time = submit("融资时限乙");
  auto late = submit("融资时限丙");
  auto move = [](int64_t id, const std::string& status, const std::string& on) {
    auto r = loan_post("ln_clerk", "/api/v1/financing/" + std::to_string(id) + "/moves",
                       {{"status", status}, {"on", on}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  };
  move(in_time["id"], "accepted", "2025-10-09");
  auto decided = move(in_time["id"], "approved", "2025-10-23");
  EXPECT_EQ(decided["overdue"], false);
  EXPECT_EQ(decided["decided_late"], false);
  move(late["id"], "accepted", "2025-10-09");
  auto late_decided = move(late["id"], "approved", "2025-10-24");
  EXPECT_EQ(late_decided["decided_late"], true);
  auto early = loan_post(
      "ln_clerk", "/api/v1/financing/" + std::to_string(late["id"].get<int64_t>()) + "/moves",
      {{"status", "disbursed"}, {"on", "2025-10-01"}});
  EXPECT_EQ(early.json()["error"]["field"], "on");  // before the approval

  auto overdue = loan_get("ln_clerk", "/api/v1/financing?overdue=true&region=421088114206");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  EXPECT_EQ(overdue.json()["total"], 1);
  EXPECT_EQ(overdue.json()["items"][0]["applicant_name"], "融资时限甲");
  auto all = loan_get("ln_clerk", "/api/v1/financing?region=421088114206");
  EXPECT_EQ(all.json()["total"], 3);
  EXPECT_EQ(all.json()["overdue"], 1);
}
