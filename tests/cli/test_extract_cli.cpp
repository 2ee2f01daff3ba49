// End-to-end: the CLI on an example article, its Turtle checked with rapper, its DOT
// rendered by Graphviz, its JSON read back.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg::test;

namespace {
const std::string kExample = "examples/sahel-minusma-withdrawal.txt";
}

TEST_CASE("extract writes Turtle that rapper parses with the expected triples", "[cli][e2e]") {
    TempDir out;
    auto r = run_newskg("extract --format ttl,nt,json,dot --out-dir " + sh_quote(out.path().string()) + " " +
                    sh_quote(source_path(kExample)));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string ttl = out / "sahel-minusma-withdrawal.ttl";
    REQUIRE(std::filesystem::exists(ttl));
    auto nt = run("rapper -q -i turtle -o ntriples " + sh_quote(ttl));
    INFO(nt.err);
    REQUIRE(nt.status == 0);
    // The junta's demand that the mission leave, as a direct triple.
    CHECK(nt.out.find("<https://newskg.org/ontology#demandedWithdrawal>") != std::string::npos);
    // Actors typed from the ontology and labelled.
    CHECK(nt.out.find("<https://newskg.org/actor/country/ML> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                      "<https://newskg.org/ontology#Country>") != std::string::npos);
    CHECK(nt.out.find("\"Mali\"") != std::string::npos);
    // N-Triples output parses and holds the same number of triples.
    auto nt2 = run("rapper -q -i ntriples -o ntriples " + sh_quote(out / "sahel-minusma-withdrawal.nt"));
    REQUIRE(nt2.status == 0);
    auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    CHECK(lines(nt2.out) == lines(nt.out));
}

TEST_CASE("extract writes DOT that Graphviz renders", "[cli][e2e]") {
    TempDir out;
    auto r = run_newskg("extract --format dot --output " + sh_quote(out / "g.dot") + " " +
                    sh_quote(source_path(kExample)));
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto svg = run("dot -Tsvg " + sh_quote(out / "g.dot"));
    INFO(svg.err);
    REQUIRE(svg.status == 0);
    CHECK(svg.out.find("<svg") != std::string::npos);
    CHECK(svg.out.find("Mali") != std::string::npos);
}

TEST_CASE("extract writes JSON with entities, relations and evidence", "[cli][e2e]") {
    auto r = run_newskg("extract --format json " + sh_quote(source_path(kExample)));
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["entities"].size() > 5);
    REQUIRE(j["relations"].size() > 3);
    bool found = false;
    for (const auto& rel : j["relations"]) {
        REQUIRE(rel.contains("evidence"));
        REQUIRE(!rel["evidence"].empty());
        if (rel["predicate"] == "demandedWithdrawal") found = true;
    }
    CHECK(found);
}

TEST_CASE("extract reads standard input", "[cli][e2e]") {
    auto r = run("printf 'Chad accused Sudan of shelling border towns.\\n' | " + sh_quote(NEWSKG_CLI_PATH) +
                 " extract --format json --published 2024-01-02 -");
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["relations"].size() == 1);
}

TEST_CASE("bad use and missing files give clear errors and exit codes", "[cli][e2e]") {
    auto usage = run_newskg("extract --format xml " + sh_quote(source_path(kExample)));
    CHECK(usage.status == 2);
    CHECK(usage.err.find("unknown format 'xml'") != std::string::npos);

    TempDir out;
    auto missing = run_newskg("extract --format json --out-dir " + sh_quote(out.path().string()) + " " +
                          sh_quote(source_path(kExample)) + " /nonexistent/article.txt");
    CHECK(missing.status == 1);
    CHECK(missing.err.find("/nonexistent/article.txt") != std::string::npos);
    // The good article of the batch was still written.
    CHECK(std::filesystem::exists(out / "sahel-minusma-withdrawal.json"));

    auto help = run_newskg("extract --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("--out-dir") != std::string::npos);
}

TEST_CASE("a failed write leaves no partial file", "[cli][e2e]") {
    auto r = run_newskg("extract --format json --output /dev/full " + sh_quote(source_path(kExample)));
    // /dev/full cannot be renamed over: the error names the path and nothing else changes.
    CHECK(r.status == 1);
    CHECK(r.err.find("/dev/full") != std::string::npos);
}

TEST_CASE("parallel extraction writes what a sequential run writes", "[cli][e2e]") {
    TempDir out;
    std::string inputs;
    for (const auto& e : std::filesystem::directory_iterator(source_path("tests/gold")))
        if (e.path().extension() == ".txt") inputs += " " + sh_quote(e.path().string());
    auto one = run_newskg("extract --jobs 1 --format json --output " + sh_quote(out / "one.json") + inputs);
    auto two = run_newskg("extract --jobs 2 --format json --output " + sh_quote(out / "two.json") + inputs);
    REQUIRE(one.status == 0);
    REQUIRE(two.status == 0);
    CHECK(read_file(out / "one.json") == read_file(out / "two.json"));
    auto bad = run_newskg("extract --jobs many " + sh_quote(source_path(kExample)));
    CHECK(bad.status == 2);
}
