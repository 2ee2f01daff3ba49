// End-to-end: `newskg stats` and `newskg path` on an example article and on graphs
// written by `newskg extract`, their JSON parsed and checked against the graph itself.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <tuple>

#include "process.hpp"

using namespace newskg::test;
using nlohmann::json;

namespace {

const std::string kExample = "examples/sahel-minusma-withdrawal.txt";

/// The example extracted once into a JSON graph file.
json extract_example(const TempDir& dir, std::string& path) {
    path = dir / "sahel.json";
    const auto r = run_newskg("extract --output " + sh_quote(path) + " " + sh_quote(source_path(kExample)));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(read_file(path));
}

/// A hand-written graph in newskg JSON: two actors both called "Kivu" (one by alias).
const char* kTwoKivus = R"({
  "entities": [
    {"id": "https://example.org/a/north-kivu", "label": "North Kivu", "type": "Location", "aliases": ["Kivu"]},
    {"id": "https://example.org/a/kivu-lake", "label": "Kivu", "type": "Location"},
    {"id": "https://example.org/a/m23", "label": "M23", "type": "ArmedGroup"}
  ],
  "relations": [
    {"subject": "https://example.org/a/m23", "predicate": "presentIn", "object": "https://example.org/a/north-kivu"}
  ]
})";

} // namespace

TEST_CASE("path between two actors of an example gives a chain of its relations", "[analytics][cli]") {
    TempDir dir;
    std::string graph_path;
    const json graph = extract_example(dir, graph_path);
    std::set<std::tuple<std::string, std::string, std::string>> relations;
    for (const auto& r : graph["relations"])
        relations.emplace(r["subject"].get<std::string>(), r["predicate"].get<std::string>(),
                          r["object"].get<std::string>());

    const auto r = run_newskg("path " + sh_quote(graph_path) + " --from wagner --to MINUSMA --format json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json chain = json::parse(r.out);
    REQUIRE(chain["found"] == true);
    CHECK(chain["from"]["label"] == "Wagner Group");
    CHECK(chain["to"]["iri"] == "https://newskg.org/actor/org/minusma");
    const auto& actors = chain["actors"];
    REQUIRE(actors.size() >= 2);
    CHECK(chain["length"] == actors.size() - 1);
    CHECK(actors.front()["iri"] == chain["from"]["iri"]);
    CHECK(actors.back()["iri"] == chain["to"]["iri"]);
    REQUIRE(chain["steps"].size() == actors.size() - 1);
    for (std::size_t i = 0; i < chain["steps"].size(); ++i) {
        const json& step = chain["steps"][i];
        CHECK(step["from"] == actors[i]["iri"]);
        CHECK(step["to"] == actors[i + 1]["iri"]);
        REQUIRE_FALSE(step["relations"].empty());
        for (const auto& rel : step["relations"]) {
            // Every relation of the chain is one of the graph's, joining the step's actors
            // in the direction it says.
            CHECK(relations.count({rel["subject"], rel["predicate"], rel["object"]}) == 1);
            if (rel["direction"] == "forward") {
                CHECK(rel["subject"] == step["from"]);
                CHECK(rel["object"] == step["to"]);
            } else {
                CHECK(rel["direction"] == "backward");
                CHECK(rel["subject"] == step["to"]);
                CHECK(rel["object"] == step["from"]);
            }
            REQUIRE(rel["evidence"].is_object());
            CHECK_FALSE(rel["evidence"]["text"].get<std::string>().empty());
        }
    }

    // The article itself gives the same answer as its graph.
    const auto direct = run_newskg("path " + sh_quote(source_path(kExample)) +
                                   " --from wagner --to MINUSMA --format json");
    REQUIRE(direct.status == 0);
    CHECK(json::parse(direct.out) == chain);

    // So does its Turtle export, read back through librdf.
    const std::string ttl = dir / "sahel.ttl";
    REQUIRE(run_newskg("extract --format ttl --output " + sh_quote(ttl) + " " + sh_quote(source_path(kExample))).status == 0);
    const auto from_ttl = run_newskg("path " + sh_quote(ttl) + " --from wagner --to MINUSMA --format json");
    INFO(from_ttl.err);
    REQUIRE(from_ttl.status == 0);
    CHECK(json::parse(from_ttl.out)["actors"] == chain["actors"]);

    // The table names the actors by label, not IRI.
    const auto table = run_newskg("path " + sh_quote(graph_path) + " --from 'Wagner Group' --to minusma");
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Wagner Group → MINUSMA") == 0);
    CHECK(table.out.find("https://") == std::string::npos);
}

TEST_CASE("stats JSON agrees with the graph it ranks", "[analytics][cli]") {
    TempDir dir;
    std::string graph_path;
    const json graph = extract_example(dir, graph_path);
    const auto r = run_newskg("stats " + sh_quote(graph_path) + " --format json --top 0 --pairs");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json stats = json::parse(r.out);
    CHECK(stats["actors"] == graph["entities"].size());
    CHECK(stats["relations"] == graph["relations"].size());

    for (const char* key : {"degree", "betweenness", "pagerank"}) {
        const json& ranking = stats["rankings"][key];
        REQUIRE(ranking.size() == graph["entities"].size());
        for (std::size_t i = 1; i < ranking.size(); ++i)
            CHECK(ranking[i - 1][key].get<double>() >= ranking[i][key].get<double>());
    }
    double rank_sum = 0;
    std::size_t degree_sum = 0;
    for (const auto& a : stats["rankings"]["pagerank"]) {
        rank_sum += a["pagerank"].get<double>();
        degree_sum += a["degree"].get<std::size_t>();
        CHECK(a["degree"] == a["in_degree"].get<std::size_t>() + a["out_degree"].get<std::size_t>());
    }
    CHECK(rank_sum == Approx(1.0));
    CHECK(degree_sum == 2 * graph["relations"].size());

    std::size_t members = 0;
    for (const auto& c : stats["components"]) members += c["size"].get<std::size_t>();
    CHECK(members == graph["entities"].size());
    CHECK(stats["component_count"] == stats["components"].size());

    // Pair balances: the periods add up to the total, and the total to the events.
    std::size_t event_mentions = 0;
    for (const auto& rel : graph["relations"])
        if (rel["quad_class"].get<int>() > 0) event_mentions += rel["mention_count"].get<std::size_t>();
    std::size_t pair_mentions = 0;
    REQUIRE_FALSE(stats["pairs"].empty());
    for (const auto& p : stats["pairs"]) {
        double goldstein = 0;
        std::size_t mentions = 0;
        for (const auto& b : p["periods"]) {
            goldstein += b["goldstein"].get<double>();
            mentions += b["mentions"].get<std::size_t>();
        }
        CHECK(goldstein == Approx(p["total"]["goldstein"].get<double>()));
        CHECK(mentions == p["total"]["mentions"]);
        pair_mentions += mentions;
    }
    CHECK(pair_mentions == event_mentions);

    // --top limits every list; the table is readable.
    const auto top = json::parse(run_newskg("stats " + sh_quote(graph_path) + " --format json --top 3").out);
    CHECK(top["rankings"]["degree"].size() == 3);
    CHECK_FALSE(top.contains("pairs"));
    const auto table = run_newskg("stats " + sh_quote(graph_path) + " --pairs");
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Actors by degree") != std::string::npos);
    CHECK(table.out.find("Actors by betweenness") != std::string::npos);
    CHECK(table.out.find("Actors by PageRank") != std::string::npos);
    CHECK(table.out.find("Cooperation and conflict by pair") != std::string::npos);
    CHECK(table.out.find("MINUSMA") != std::string::npos);
}

TEST_CASE("graph commands name the problem: ambiguous or unknown actors, bad inputs", "[analytics][cli]") {
    TempDir dir;
    const std::string kivus = dir / "kivus.json";
    write_file(kivus, kTwoKivus);

    auto r = run_newskg("path " + sh_quote(kivus) + " --from kivu --to M23");
    CHECK(r.status == 1);
    CHECK(r.err.find("newskg.actor.702") != std::string::npos);
    CHECK(r.err.find("https://example.org/a/north-kivu") != std::string::npos);
    CHECK(r.err.find("https://example.org/a/kivu-lake") != std::string::npos);
    // The IRI settles it.
    r = run_newskg("path " + sh_quote(kivus) + " --from https://example.org/a/north-kivu --to m23 --format json");
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out)["length"] == 1);
    r = run_newskg("path " + sh_quote(kivus) + " --from https://example.org/a/kivu-lake --to m23 --format json");
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out)["found"] == false);

    r = run_newskg("path " + sh_quote(kivus) + " --from M32 --to Kivu");
    CHECK(r.status == 1);
    CHECK(r.err.find("newskg.actor.701") != std::string::npos);
    CHECK(r.err.find("did you mean: M23") != std::string::npos);

    r = run_newskg("path " + sh_quote(kivus) + " --from M23");
    CHECK(r.status == 2);
    CHECK(r.err.find("--to") != std::string::npos);

    const std::string broken = dir / "broken.json";
    write_file(broken, "{\"entities\": [");
    r = run_newskg("stats " + sh_quote(broken));
    CHECK(r.status == 1);
    CHECK(r.err.find(broken) != std::string::npos);
    CHECK(r.out.empty());

    r = run_newskg("stats " + sh_quote(dir / "missing.txt"));
    CHECK(r.status == 1);
    CHECK(r.err.find("missing.txt") != std::string::npos);

    r = run_newskg("stats " + sh_quote(kivus) + " --top many");
    CHECK(r.status == 2);
    CHECK(r.err.find("--top") != std::string::npos);
}
