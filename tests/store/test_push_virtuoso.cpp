// newskg push against a real Virtuoso: every triple arrives in the graph it belongs to,
// pushing again replaces instead of duplicating, wrong passwords are refused without
// retries, and a server killed in the middle of a push leaves no graph claimed that is
// not there. The expected counts come from rdflib, not from newskg's own parser.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "process.hpp"
#include "servers.hpp"
#include "test_paths.hpp"

using namespace newskg::test;

namespace {

const std::string kArticlePrefix = "https://newskg.org/id/article/";
const std::string kShared = "urn:newskg:test:shared";
const std::string kUser = "pusher";
const std::string kPassword = "Pw-4f9q";

/// One Virtuoso for every section of this file's test cases in one run: starting it
/// takes seconds. It has a user `pusher` allowed to write over the Graph Store protocol.
Virtuoso& shared_virtuoso() {
    // A static object, not a leaked pointer: its destructor stops virtuoso-t at exit.
    static Virtuoso server;
    static const bool user_created = [] {
        server.sql("DB.DBA.USER_CREATE('" + kUser + "', '" + kPassword + "'); GRANT SPARQL_UPDATE TO \"" + kUser + "\";");
        return true;
    }();
    (void)user_created;
    return server;
}

/// The graphs of an N-Quads file and their sizes, read by rdflib; "" is the default graph.
std::map<std::string, std::size_t> rdflib_counts(const std::string& nq) {
    const std::string script = R"(
import json, sys, rdflib
ds = rdflib.ConjunctiveGraph()
ds.parse(sys.argv[1], format="nquads")
out = {}
for g in ds.contexts():
    if len(g):
        name = str(g.identifier)
        out["" if name.startswith("file:") else name] = len(g)
print(json.dumps(out))
)";
    RunResult r = run("/usr/bin/python3 -c " + sh_quote(script) + " " + sh_quote(nq));
    if (r.status != 0) throw std::runtime_error("rdflib could not read " + nq + ": " + r.err);
    std::map<std::string, std::size_t> counts;
    const nlohmann::json parsed = nlohmann::json::parse(r.out);
    for (auto it = parsed.begin(); it != parsed.end(); ++it) counts[it.key()] = it.value().get<std::size_t>();
    return counts;
}

/// The example articles extracted to N-Quads (token rules only, for speed), once per run.
const std::string& examples_nq() {
    static TempDir dir;
    static const std::string path = [] {
        std::string out = dir / "examples.nq";
        RunResult r = run_newskg("extract --no-parser --format nq --output " + sh_quote(out) + " " +
                                 sh_quote(source_path("examples/red-sea-shipping.txt")) + " " +
                                 sh_quote(source_path("examples/rwanda-drc-talks.txt")) + " " +
                                 sh_quote(source_path("examples/sahel-minusma-withdrawal.txt")));
        if (r.status != 0) throw std::runtime_error("extract failed: " + r.err);
        return out;
    }();
    return path;
}

std::vector<std::string> push_args(Virtuoso& v, std::vector<std::string> more) {
    std::vector<std::string> args{"push", "--endpoint", v.graph_store(), "--user", kUser};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

/// The named graphs under the article prefix and their sizes, as Virtuoso holds them.
std::map<std::string, std::size_t> stored_article_graphs(Virtuoso& v) {
    auto j = v.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" +
                     kArticlePrefix + "\")) } GROUP BY ?g");
    std::map<std::string, std::size_t> out;
    for (const auto& b : j["results"]["bindings"])
        out[b["g"]["value"].get<std::string>()] = std::stoull(b["n"]["value"].get<std::string>());
    return out;
}

} // namespace

TEST_CASE("push sends every graph of an export to Virtuoso and pushing again replaces", "[push][virtuoso]") {
    Virtuoso& v = shared_virtuoso();
    const std::string nq = examples_nq();
    const auto expected = rdflib_counts(nq);
    REQUIRE(expected.size() == 4); // the default graph and three articles
    // Each section starts from an empty store.
    for (const auto& [g, n] : stored_article_graphs(v)) v.sql("SPARQL CLEAR GRAPH <" + g + ">;");
    v.sql("SPARQL CLEAR GRAPH <" + kShared + ">;");

    SECTION("every triple arrives in its own graph") {
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--verify", nq}), kPassword);
        INFO(r.err);
        REQUIRE(r.status == 0);
        std::map<std::string, std::size_t> stored = stored_article_graphs(v);
        stored[""] = v.count(kShared);
        CHECK(stored == expected);
        for (const auto& [g, n] : expected) {
            const std::string target = g.empty() ? "<" + kShared + "> (appended)" : "<" + g + ">";
            CHECK(r.out.find("pushed " + std::to_string(n) + " triples to " + target + "\n") != std::string::npos);
        }
        CHECK(r.out.find("verified 4 graph(s)") != std::string::npos);
        // The password is in neither output.
        CHECK(r.out.find(kPassword) == std::string::npos);
        CHECK(r.err.find(kPassword) == std::string::npos);
    }

    SECTION("pushing the same export again leaves the same graphs, not twice as many triples") {
        REQUIRE(run_push(push_args(v, {"--graph", kShared, nq}), kPassword).status == 0);
        REQUIRE(run_push(push_args(v, {"--graph", kShared, nq}), kPassword).status == 0);
        std::map<std::string, std::size_t> stored = stored_article_graphs(v);
        stored[""] = v.count(kShared);
        CHECK(stored == expected);
    }

    SECTION("an article graph pushed again with fewer triples is replaced, not merged") {
        REQUIRE(run_push(push_args(v, {"--graph", kShared, nq}), kPassword).status == 0);
        // Keep only the first five quads of one article's graph.
        const std::string article = kArticlePrefix + "rwanda-drc-talks";
        TempDir tmp;
        std::istringstream in(read_file(nq));
        std::ostringstream smaller;
        int kept = 0;
        for (std::string line; std::getline(in, line);)
            if (line.find("<" + article + "> .") != std::string::npos && kept < 5) {
                smaller << line << "\n";
                ++kept;
            }
        REQUIRE(kept == 5);
        write_file(tmp / "smaller.nq", smaller.str());
        RunResult r = run_push(push_args(v, {tmp / "smaller.nq"}), kPassword);
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.out == "pushed 5 triples to <" + article + ">\n");
        CHECK(v.count(article) == 5);
        // The other graphs are untouched.
        CHECK(v.count(kArticlePrefix + "red-sea-shipping") == expected.at(kArticlePrefix + "red-sea-shipping"));
        CHECK(v.count(kShared) == expected.at(""));
    }

    SECTION("--mode replace replaces the shared graph too; auto appends to it") {
        TempDir tmp;
        write_file(tmp / "a.ttl", "<urn:x:a> <urn:x:p> \"one\" .\n<urn:x:a> <urn:x:p> \"two\" .\n");
        write_file(tmp / "b.ttl", "<urn:x:b> <urn:x:p> \"three\" .\n");
        REQUIRE(run_push(push_args(v, {"--graph", kShared, tmp / "a.ttl"}), kPassword).status == 0);
        REQUIRE(run_push(push_args(v, {"--graph", kShared, tmp / "b.ttl"}), kPassword).status == 0);
        CHECK(v.count(kShared) == 3);
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--mode", "replace", tmp / "b.ttl"}), kPassword);
        REQUIRE(r.status == 0);
        CHECK(r.out == "pushed 1 triples to <" + kShared + ">\n");
        CHECK(v.count(kShared) == 1);
    }

    SECTION("literals arrive unchanged: non-ASCII text, language tags, datatypes") {
        TempDir tmp;
        write_file(tmp / "t.ttl", "<urn:x:ci> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Côte d’Ivoire\"@fr ;\n"
                                  "  <urn:x:date> \"2024-03-10\"^^<http://www.w3.org/2001/XMLSchema#date> ;\n"
                                  "  <urn:x:quote> \"He said \\\"no\\\"\\nthen left\" .\n");
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--mode", "replace", tmp / "t.ttl"}), kPassword);
        INFO(r.err);
        REQUIRE(r.status == 0);
        auto j = v.query("SELECT ?p ?o WHERE { GRAPH <" + kShared + "> { <urn:x:ci> ?p ?o } } ORDER BY ?p");
        const auto& b = j["results"]["bindings"];
        REQUIRE(b.size() == 3);
        // Ordered by predicate: skos:prefLabel (http:…) before urn:x:date and urn:x:quote.
        CHECK(b[0]["o"]["value"] == "Côte d’Ivoire");
        CHECK(b[0]["o"]["xml:lang"] == "fr");
        CHECK(b[1]["o"]["value"] == "2024-03-10");
        CHECK(b[1]["o"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date");
        CHECK(b[2]["o"]["value"] == "He said \"no\"\nthen left");
    }

    SECTION("articles are extracted and pushed in one step") {
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--no-parser",
                                             source_path("examples/rwanda-drc-talks.txt")}),
                               kPassword);
        INFO(r.err);
        REQUIRE(r.status == 0);
        const std::string article = kArticlePrefix + "rwanda-drc-talks";
        CHECK(v.count(article) == expected.at(article));
        CHECK(r.out.find("pushed " + std::to_string(expected.at(article)) + " triples to <" + article + ">") !=
              std::string::npos);
    }

    SECTION("several articles pushed directly give the graphs of their extract --output export") {
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--mode", "replace", "--no-parser",
                                             source_path("examples/red-sea-shipping.txt"),
                                             source_path("examples/rwanda-drc-talks.txt"),
                                             source_path("examples/sahel-minusma-withdrawal.txt")}),
                               kPassword);
        INFO(r.err);
        REQUIRE(r.status == 0);
        std::map<std::string, std::size_t> stored = stored_article_graphs(v);
        stored[""] = v.count(kShared);
        CHECK(stored == expected);
    }

    SECTION("--mode retract deletes the articles' graphs and leaves the shared graph") {
        REQUIRE(run_push(push_args(v, {"--graph", kShared, nq}), kPassword).status == 0);
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--mode", "retract", "--verify", nq}), kPassword);
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.out.find("retracted <" + kArticlePrefix + "rwanda-drc-talks>\n") != std::string::npos);
        CHECK(r.out.find("pushed") == std::string::npos);
        CHECK(stored_article_graphs(v).empty());
        CHECK(v.count(kShared) == expected.at("")); // actors and relations stay
    }

    SECTION("the password can come from a file") {
        TempDir tmp;
        write_file(tmp / "password", kPassword + "\n");
        RunResult r = run_push(push_args(v, {"--password-file", tmp / "password", "--graph", kShared, nq}));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(v.count(kShared) == expected.at(""));
    }

    SECTION("a wrong password is refused at once, without retries, and not printed") {
        const std::string wrong = "Wrong-77zq";
        RunResult r = run_push(push_args(v, {"--graph", kShared, "--retries", "3", nq}), wrong);
        CHECK(r.status == 1);
        CHECK(r.err.find("authentication refused for pusher at " + v.graph_store()) != std::string::npos);
        CHECK(r.err.find("retrying") == std::string::npos);
        CHECK(r.err.find("0 of 4 graph(s) loaded") != std::string::npos);
        CHECK(r.out.empty());
        CHECK(r.err.find(wrong) == std::string::npos);
        CHECK(stored_article_graphs(v).empty());
    }
}

TEST_CASE("a Virtuoso killed in the middle of a push leaves only the claimed graphs loaded",
          "[push][virtuoso]") {
    Virtuoso v;
    v.sql("DB.DBA.USER_CREATE('" + kUser + "', '" + kPassword + "'); GRANT SPARQL_UPDATE TO \"" + kUser + "\";");
    // Many graphs of many triples, so the push lasts long enough to be interrupted.
    TempDir tmp;
    {
        std::ofstream out(tmp / "many.nq");
        for (int g = 0; g < 300; ++g)
            for (int t = 0; t < 200; ++t)
                out << "<urn:x:s" << t << "> <urn:x:p> \"value " << t << " of graph " << g << "\" <"
                    << kArticlePrefix << "g" << g << "> .\n";
    }
    ChildProcess push({NEWSKG_CLI_PATH, "push", "--endpoint", v.graph_store(), "--user", kUser, "--retries", "2",
                       "--retry-delay", "0.2", "--timeout", "20", tmp / "many.nq"},
                      tmp / "out", tmp / "err", {{"NEWSKG_PASSWORD", kPassword}});
    // Wait for the first graph to be claimed, then pull the plug.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (read_file(tmp / "out").find("pushed") == std::string::npos) {
        REQUIRE(push.running());
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // While it runs, the password is not among its arguments.
    CHECK(read_file("/proc/" + std::to_string(push.pid()) + "/cmdline").find(kPassword) == std::string::npos);
    v.kill();
    const int status = push.wait();
    const std::string out = read_file(tmp / "out"), err = read_file(tmp / "err");
    INFO(out);
    INFO(err);
    REQUIRE(status == 1);
    CHECK(err.find("push stopped") != std::string::npos);
    CHECK(err.find("not loaded: ") != std::string::npos);

    // The graphs claimed as pushed are those the summary lists as loaded, and none of
    // those it lists as not loaded.
    std::vector<std::string> claimed;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        REQUIRE(line.rfind("pushed 200 triples to <", 0) == 0);
        claimed.push_back(line.substr(line.find('<') + 1, line.size() - line.find('<') - 2));
    }
    REQUIRE(!claimed.empty());
    REQUIRE(claimed.size() < 300);
    CHECK(err.find(std::to_string(claimed.size()) + " of 300 graph(s) loaded") != std::string::npos);
    const std::string not_loaded = err.substr(err.find("not loaded: "));
    for (const auto& g : claimed) CHECK(not_loaded.find("<" + g + ">") == std::string::npos);

    // After a restart (Virtuoso replays its transaction log) every claimed graph is whole.
    v.start();
    for (const auto& g : claimed) CHECK(v.count(g) == 200);
}
