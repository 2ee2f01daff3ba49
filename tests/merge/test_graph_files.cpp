// read_graph_file: every export syntax read back gives the graph that was written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "merge_support.hpp"
#include "newskg/core/error.hpp"
#include "newskg/export/json.hpp"
#include "newskg/export/jsonld.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/graph/union.hpp"
#include "newskg/io/graph_files.hpp"

using namespace newskg;
using newskg::test::resources;

namespace {

/// The JSON of a graph without what RDF does not carry: the source path of the articles,
/// the order of their agencies and authors, and decimals beyond the 6 places xsd:decimal is written
/// with (confidences taken from the graph, not the JSON's 3 decimals).
nlohmann::json comparable(const KnowledgeGraph& g) {
    nlohmann::json j = to_json(g, &resources().ontology());
    for (auto& a : j["articles"]) {
        a["source"] = nullptr;
        for (const char* key : {"agencies", "authors"})
            if (a.contains(key) && a[key].is_array()) {
                auto v = a[key].get<std::vector<std::string>>();
                std::sort(v.begin(), v.end());
                a[key] = v;
            }
    }
    // The JSON rounds confidences to 3 decimals, so a value RDF carried to 6 may round
    // the other way there: they are compared from the graph itself, to 6 decimals.
    const auto edges = g.edges();
    REQUIRE(edges.size() == j["relations"].size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        auto& r = j["relations"][i];
        r["confidence"] = std::round(edges[i].relation.confidence * 1e6) / 1e6;
        r["goldstein"] = std::round(r["goldstein"].get<double>() * 1e6) / 1e6;
    }
    return j;
}

struct Syntax {
    const char* ext;
    RdfSyntax syntax;
};
const Syntax kSyntaxes[] = {{"ttl", RdfSyntax::Turtle}, {"nt", RdfSyntax::NTriples},
                            {"nq", RdfSyntax::NQuads},  {"trig", RdfSyntax::TriG},
                            {"rdf", RdfSyntax::RdfXml}};

void check_round_trip(const KnowledgeGraph& g, const std::string& name) {
    test::TempDir dir;
    const auto& onto = resources().ontology();
    const nlohmann::json want = comparable(g);
    for (const auto& s : kSyntaxes) {
        const std::string path = dir / (name + "." + s.ext);
        test::write_file(path, to_rdf(g, onto, s.syntax, ""));
        INFO(path);
        const KnowledgeGraph back = read_graph_file(path, onto);
        CHECK(back.node_count() == g.node_count());
        CHECK(back.edge_count() == g.edge_count());
        CHECK(comparable(back) == want);
        // And written again, the same bytes.
        CHECK(to_rdf(back, onto, s.syntax, "") == to_rdf(g, onto, s.syntax, ""));
    }
    const std::string json = dir / (name + ".json");
    test::write_file(json, to_json_string(g, &onto));
    CHECK(to_json(read_graph_file(json, onto), &onto) == to_json(g, &onto));
    // JSON-LD reads back too, and extensions are compared in any case.
    const std::string jsonld = dir / (name + ".JsonLD");
    test::write_file(jsonld, to_jsonld(g, onto, ""));
    const KnowledgeGraph from_jsonld = read_graph_file(jsonld, onto);
    CHECK(comparable(from_jsonld) == want);
    CHECK(to_jsonld(from_jsonld, onto, "") == to_jsonld(g, onto, ""));
    const std::string upper = dir / (name + ".TTL");
    test::write_file(upper, to_rdf(g, onto, RdfSyntax::Turtle, ""));
    CHECK(comparable(read_graph_file(upper, onto)) == want);
}

} // namespace

TEST_CASE("every article read back from each RDF syntax and JSON is the graph written",
          "[merge][graph_files]") {
    const auto& graphs = test::article_graphs();
    REQUIRE(graphs.size() >= 10);
    GraphUnion union_of_all;
    for (const auto& [id, g] : graphs) {
        check_round_trip(g, id);
        union_of_all.add(g);
    }
    // One graph of all of them: edges with evidence from several articles.
    check_round_trip(union_of_all.graph(), "all");
}

TEST_CASE("read_graph_file keeps flags, speakers, date ranges and edges without evidence",
          "[merge][graph_files]") {
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = "a 1";
    a.iri = article_iri("", a.id);
    a.title = "Title";
    a.published = DateValue{2024, 3, 0};
    a.outlet = "Reuters";
    a.agencies = {"AFP", "AP"};
    a.authors = {"Zoe Quill", "Ana Bell"};
    a.url = "https://example.org/x?y=1";
    g.add_article(a);
    EntityNode x{"https://newskg.org/id/person/x", "Ana X", ActorType::Person, {"X"}, "", {"a 1"}};
    EntityNode y{"https://newskg.org/actor/country/ML", "Mali", ActorType::Country, {}, "ML", {"a 1"}};
    g.upsert_node(x);
    g.upsert_node(y);
    RelationEdge denied;
    denied.predicate = "attacked";
    denied.cameo = "190";
    denied.quad_class = 4;
    denied.goldstein = -10;
    denied.flags = kNegated | kReported | kHedged;
    denied.speaker_iri = y.iri;
    denied.date = DateValue{2024, 1, 2};
    denied.last_date = DateValue{2024, 2, 0};
    denied.confidence = 0.55;
    denied.rule = "verb:attack";
    denied.evidence = {{"a 1", 3, {10, 40}, "X did not \"attack\"\nMali."}, {"a 1", 1, {0, 9}, "Headline"}};
    g.upsert_edge(x.iri, denied, y.iri);
    RelationEdge by_hand;
    by_hand.predicate = "presentIn";
    by_hand.mention_count = 3;
    g.upsert_edge(x.iri, by_hand, y.iri);
    check_round_trip(g, "edge-cases");
}

TEST_CASE("read_graph_file: missing files, syntax errors and foreign RDF are clear errors",
          "[merge][graph_files]") {
    test::TempDir dir;
    const auto& onto = resources().ontology();
    CHECK_THROWS_WITH(read_graph_file(dir / "nope.ttl", onto),
                      Catch::Contains("newskg.input.101") && Catch::Contains("nope.ttl"));
    const std::string bad = dir / "bad.ttl";
    test::write_file(bad, "@prefix nkg: <https://newskg.org/ontology#> .\n\n<a> a nkg:Country ;\n  nkg:x \"unclosed .\n");
    CHECK_THROWS_WITH(read_graph_file(bad, onto), Catch::Contains(bad + ":4"));
    // found by fuzz_rdf_reader (raptor leaks on this error path; see tests/sanitizers/lsan.supp)
    const std::string escape = dir / "escape.ttl";
    test::write_file(escape, "\"\\e\"Mkkkk\n");
    CHECK_THROWS_WITH(read_graph_file(escape, onto),
                      Catch::Contains(escape + ":1") && Catch::Contains("illegal escape"));
    const std::string foreign = dir / "foaf.nt";
    test::write_file(foreign, "<http://ex.org/a> <http://xmlns.com/foaf/0.1/knows> <http://ex.org/b> .\n");
    CHECK_THROWS_WITH(read_graph_file(foreign, onto),
                      Catch::Contains("newskg.parse.502") && Catch::Contains("not a newskg graph"));
    const std::string json = dir / "x.json";
    test::write_file(json, "{\"entities\": [\n  {\"id\": 1,}\n]}");
    CHECK_THROWS_WITH(read_graph_file(json, onto), Catch::Contains(json + ":2"));
    const std::string empty_jsonld = dir / "x.jsonld";
    test::write_file(empty_jsonld, "{}");
    CHECK_THROWS_WITH(read_graph_file(empty_jsonld, onto), Catch::Contains("newskg.parse.502"));
    const std::string other = dir / "x.dot"; // written, never read back
    test::write_file(other, "digraph {}");
    CHECK_THROWS_WITH(read_graph_file(other, onto), Catch::Contains("newskg.parse.504"));
    const std::string bad_value = dir / "v.nt";
    test::write_file(bad_value,
                     "<http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newskg.org/ontology#Country> .\n"
                     "<http://ex.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newskg.org/ontology#Event> .\n"
                     "<http://ex.org/s> <https://newskg.org/ontology#subject> <http://ex.org/a> .\n"
                     "<http://ex.org/s> <https://newskg.org/ontology#object> <http://ex.org/a> .\n"
                     "<http://ex.org/s> <https://newskg.org/ontology#predicate> <https://newskg.org/ontology#met> .\n"
                     "<http://ex.org/s> <https://newskg.org/ontology#confidence> \"high\" .\n");
    CHECK_THROWS_WITH(read_graph_file(bad_value, onto),
                      Catch::Contains("newskg.parse.503") && Catch::Contains("high"));
}
