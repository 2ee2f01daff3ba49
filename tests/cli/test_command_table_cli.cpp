// End to end: every command of the table answers --help in the same layout and gives
// malformed options the same usage error (exit 2, naming the option and the command);
// load and push take --id as extract does.
#include <catch2/catch.hpp>

#include <sstream>

#include "process.hpp"
#include "store/servers.hpp"
#include "test_paths.hpp"

using namespace newskg::test;

namespace {

/// The command names `newskg --help` lists (the lines between "Commands:" and "help").
std::vector<std::string> listed_commands() {
    const auto help = run_newskg("--help");
    std::vector<std::string> names;
    std::istringstream lines(help.out.substr(help.out.find("Commands:\n") + 10));
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  help ", 0) == 0) break;
        if (line.size() > 2 && line[2] != ' ') names.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return names;
}

std::string usage_error(const std::string& command, const std::string& problem) {
    return "newskg " + command + ": [newskg.usage] " + problem + "\n(see newskg " + command + " --help)\n";
}

} // namespace

TEST_CASE("every command answers --help in one layout and refuses an unknown option alike", "[cli][e2e]") {
    const auto commands = listed_commands();
    CHECK(commands.size() >= 15);
    for (const auto& c : commands) {
        INFO(c);
        const auto help = run_newskg(c + " --help");
        CHECK(help.status == 0);
        CHECK(help.out.rfind("Usage: newskg " + c + " ", 0) == 0);
        CHECK(help.out.find("\nOptions:\n  --") != std::string::npos);
        std::istringstream lines(help.out);
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("  newskg ", 0) == 0) continue; // an example command is not cut
            INFO(line);
            CHECK(line.size() <= 88);
        }
        const auto bad = run_newskg(c + " --no-such-option");
        CHECK(bad.status == 2);
        CHECK(bad.err == usage_error(c, "unknown option '--no-such-option'"));
    }
}

TEST_CASE("malformed numbers and choices are the same usage error in every command", "[cli][e2e]") {
    const std::string article = sh_quote(source_path("examples/sahel-minusma-withdrawal.txt"));
    struct Case {
        std::string command, args, problem;
    };
    const std::vector<Case> cases{
        {"extract", "--top abc " + article, "--top expects a number, got 'abc'"},
        {"extract", "--jobs many " + article, "--jobs expects a number, got 'many'"},
        {"extract", "--input-format pdf " + article, "--input-format expects auto, text, html or jsonl, got 'pdf'"},
        {"read", "--max-bytes 12abc " + article, "--max-bytes expects a number, got '12abc'"},
        {"read", "--format xml " + article, "--format expects text or json, got 'xml'"},
        {"render", "--top -1 g.json", "--top expects a number, got '-1'"},
        {"merge", "--top x --output - g.json", "--top expects a number, got 'x'"},
        {"merge", "--format pdf --output - g.json", "--format expects "},
        {"stats", "--top 1.5 " + article, "--top expects a number, got '1.5'"},
        {"stats", "--format xml " + article, "--format expects table or json, got 'xml'"},
        {"path", "--jobs x --from A --to B " + article, "--jobs expects a number, got 'x'"},
        {"load", "--jobs x " + article, "--jobs expects a number, got 'x'"},
        {"query", "--format xml 'ASK {}'", "--format expects table, csv, tsv or json, got 'xml'"},
        {"push", "--endpoint http://127.0.0.1:9/x --timeout 0 " + article,
         "--timeout expects a number of at least 0.1, got '0'"},
        {"push", "--endpoint http://127.0.0.1:9/x --retries many " + article, "--retries expects a number, got 'many'"},
        {"push", "--endpoint http://127.0.0.1:9/x --mode erase " + article,
         "--mode expects auto, replace, append or retract, got 'erase'"},
        {"parse", "--max-bytes x " + article, "--max-bytes expects a number, got 'x'"},
        {"ner", "--max-bytes x " + article, "--max-bytes expects a number, got 'x'"},
        {"train-syntax", "--train a.conllu --output m --folds x", "--folds expects a number, got 'x'"},
        {"train-syntax", "--train a.conllu --output m --tagger-min-weight w",
         "--tagger-min-weight expects a number, got 'w'"},
        {"train-ner", "--train a.conllu --output m --epochs 0", "--epochs expects a number of at least 1, got '0'"},
        {"eval", "--save-graphs", "option --save-graphs needs a value"},
        {"unload", "--store", "option --store needs a value"},
        {"extract", "--clusters=yes " + article, "option --clusters takes no value"},
    };
    for (const auto& c : cases) {
        INFO(c.command + " " + c.args);
        const auto r = run_newskg(c.command + " " + c.args);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("newskg " + c.command + ": [newskg.usage] " + c.problem, 0) == 0);
        CHECK(r.err.find("(see newskg " + c.command + " --help)\n") != std::string::npos);
    }
}

TEST_CASE("load --id names the article read from standard input or one file", "[cli][e2e][store]") {
    TempDir tmp;
    const std::string store = sh_quote(tmp / "store");
    const auto loaded = run("printf 'Chad accused Sudan of shelling border towns.\\n' | " +
                            sh_quote(NEWSKG_CLI_PATH) + " load --store " + store +
                            " --id chad-sudan --no-parser --published 2024-01-02 -");
    INFO(loaded.err);
    REQUIRE(loaded.status == 0);
    CHECK(loaded.out.find("loaded 1 article(s)") != std::string::npos);
    // The store holds it under that id: unloading by the id finds it.
    const auto unloaded = run_newskg("unload --store " + store + " chad-sudan");
    INFO(unloaded.err);
    CHECK(unloaded.status == 0);
    CHECK(unloaded.out.find("unloaded <https://newskg.org/id/article/chad-sudan>") != std::string::npos);

    write_file(tmp / "a.txt", "Chad accused Sudan of shelling border towns.\n");
    const auto two = run_newskg("load --store " + store + " --id x " + sh_quote(tmp / "a.txt") + " " +
                                sh_quote(tmp / "a.txt"));
    CHECK(two.status == 2);
    CHECK(two.err.find("--id names one article") != std::string::npos);
}

TEST_CASE("push --id names the article's graph", "[cli][e2e][push]") {
    FaultServer server("plain");
    TempDir tmp;
    write_file(tmp / "a.txt", "Chad accused Sudan of shelling border towns.\n");
    const auto r = run_newskg("push --endpoint " + server.url() + " --id chad-sudan --no-parser --published "
                              "2024-01-02 " + sh_quote(tmp / "a.txt"));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("<https://newskg.org/id/article/chad-sudan>") != std::string::npos);
    CHECK(server.requests().find("PUT /store?graph=https%3A%2F%2Fnewskg.org%2Fid%2Farticle%2Fchad-sudan ") !=
          std::string::npos);
}
