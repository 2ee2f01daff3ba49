// The catalogue of error ids (newskg/core/error_ids.hpp): every id documented in the
// README's table and nothing else there, and real failures of the command line giving
// the catalogued id with its exit status.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "newskg/core/error.hpp"
#include "newskg/core/error_ids.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::test;

namespace {

struct Documented {
    std::string meaning;
    int exit_status;
};

/// The rows of the README's "## Error ids" table, by id.
std::map<std::string, Documented> readme_table() {
    const std::string readme = read_file(source_path("README.md"));
    const auto start = readme.find("\n## Error ids\n");
    REQUIRE(start != std::string::npos);
    const auto end = readme.find("\n## ", start + 1);
    std::istringstream lines(readme.substr(start, end - start));
    const std::regex row(R"(^\| `(newskg\.[a-z]+(?:\.[0-9]+)?)` \| (.*) \| ([0-9]) \|$)");
    std::map<std::string, Documented> out;
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (line.rfind("| `", 0) != 0) continue;
        INFO(line);
        REQUIRE(std::regex_match(line, m, row));
        CHECK(out.emplace(m[1], Documented{m[2], std::stoi(m[3])}).second); // each id once
    }
    return out;
}

int catalogued_exit(const std::string& id) {
    for (const auto& e : ids::kCatalogue)
        if (ids::text(e.family, e.code) == id) return e.exit_status;
    FAIL("not in the catalogue: " << id);
    return -1;
}

} // namespace

TEST_CASE("every catalogued error id is in the README's table, and only those", "[core][error-ids]") {
    const auto documented = readme_table();
    std::set<std::string> catalogued;
    for (const auto& e : ids::kCatalogue) {
        const std::string id = ids::text(e.family, e.code);
        INFO(id);
        CHECK(catalogued.insert(id).second); // no id declared twice
        const auto row = documented.find(id);
        REQUIRE(row != documented.end());
        CHECK(row->second.meaning == e.meaning);
        CHECK(row->second.exit_status == e.exit_status);
    }
    for (const auto& [id, row] : documented) {
        INFO(id);
        CHECK(catalogued.count(id) == 1);
    }
}

TEST_CASE("the exceptions carry the catalogue's ids", "[core][error-ids]") {
    CHECK(usage_error("x").id() == "newskg.usage");
    CHECK(input_error(ids::input::kUnreadable, "a.txt", "cannot open").id() == "newskg.input.102");
    CHECK(std::string(input_error(ids::input::kUnreadable, "a.txt", "cannot open").what()) ==
          "[newskg.input.102] a.txt: cannot open");
    CHECK(parse_error(ids::parse::kGraphNotJson, "g.json", 3, "not valid JSON").id() == "newskg.parse.501");
    CHECK(ids::text(ids::store::kDamaged) == "newskg.store.7");
}

TEST_CASE("real failures give their catalogued id and exit status", "[cli][e2e][error-ids]") {
    TempDir tmp;
    write_file(tmp / "broken.json", "{\"entities\": [");
    std::filesystem::create_directories(tmp / "dir.json");
    write_file(tmp / "gold.json", "{\"text\": \"missing-article.txt\"}");
    const std::string article = sh_quote(source_path("examples/sahel-minusma-withdrawal.txt"));
    struct Case {
        std::string command, id;
    };
    const std::vector<Case> cases{
        {"extract --top abc " + article, "newskg.usage"},
        {"extract --format json /nonexistent/article.txt", "newskg.input.101"},
        {"query --file /nonexistent/query.rq", "newskg.input.102"},
        {"render " + sh_quote(tmp / "dir.json"), "newskg.input.102"},
        {"render " + sh_quote(tmp / "broken.json"), "newskg.parse.501"},
        {"eval " + sh_quote(tmp / "gold.json"), "newskg.input.101"},
        {"eval " + sh_quote(tmp / "missing-gold.json"), "newskg.input.102"},
        {"query --store " + sh_quote(tmp / "no-store") + " 'ASK {}'", "newskg.store.1"},
        {"extract --ontology " + sh_quote(tmp / "no-ontology") + " " + article, "newskg.ontology.1"},
        {"parse --model " + sh_quote(tmp / "no-model.nskg") + " " + article, "newskg.syntax.101"},
        {"path --no-parser --from Atlantis --to Mali " + article, "newskg.actor.701"},
    };
    for (const auto& c : cases) {
        INFO(c.command);
        const auto r = run_newskg(c.command);
        INFO(r.err);
        CHECK(r.err.find("[" + c.id + "]") != std::string::npos);
        CHECK(r.status == catalogued_exit(c.id));
    }
    // A number too large for a double in a graph on standard input is a parse error, as
    // it is in a file, not an internal error.
    const auto stdin_graph = run("printf '{\"entities\":[],\"x\":8e730}' | " + sh_quote(NEWSKG_CLI_PATH) + " render -");
    CHECK(stdin_graph.err.find("[newskg.parse.501]") != std::string::npos);
    CHECK(stdin_graph.status == 1);
}
