// GraphML export: read back by Python's XML parser (as Gephi, yEd and Cytoscape read
// XML), with the graph's node and edge counts, typed keys and the attribute values.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "graph/graph_fixtures.hpp"
#include "newskg/export/graphml.hpp"
#include "newskg/ontology/ontology.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::testing;

namespace {

/// The GraphML read with xml.etree (standard library of Debian's python3) and turned
/// into JSON: {"keys": {id: [for, name, type]}, "nodes": [{name: value}], "edges":
/// [{"source", "target", name: value}], "directed": bool}.
nlohmann::json parse_graphml(const std::string& graphml) {
    test::TempDir tmp;
    test::write_file(tmp / "g.graphml", graphml);
    const std::string script = R"(
import sys, json, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): [k.get("for"), k.get("attr.name"), k.get("attr.type")] for k in root.findall("g:key", ns)}
graph = root.find("g:graph", ns)
def data(el):
    return {keys[d.get("key")][1]: (d.text or "") for d in el.findall("g:data", ns)}
nodes = [dict(data(n), id=n.get("id")) for n in graph.findall("g:node", ns)]
edges = [dict(data(e), source=e.get("source"), target=e.get("target")) for e in graph.findall("g:edge", ns)]
print(json.dumps({"keys": keys, "nodes": nodes, "edges": edges,
                  "directed": graph.get("edgedefault") == "directed"}))
)";
    auto r = test::run("/usr/bin/python3 -c " + test::sh_quote(script) + " " + test::sh_quote(tmp / "g.graphml"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
}

const Ontology& onto() {
    static const Ontology o = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    return o;
}

} // namespace

TEST_CASE("GraphML parses as XML with the graph's nodes, edges and typed attributes", "[export][graphml]") {
    const KnowledgeGraph g = sample_graph();
    const std::string graphml = to_graphml(g, &onto());
    CHECK(graphml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    const auto doc = parse_graphml(graphml);
    CHECK(doc["directed"] == true);
    REQUIRE(doc["nodes"].size() == g.node_count());
    REQUIRE(doc["edges"].size() == g.edge_count());

    // Keys: names, what they belong to, and numeric types where the tools filter by them.
    std::map<std::string, std::string> node_keys, edge_keys; // name → type
    for (const auto& [id, k] : doc["keys"].items()) (k[0] == "node" ? node_keys : edge_keys)[k[1]] = k[2];
    CHECK(node_keys == std::map<std::string, std::string>{{"label", "string"},
                                                          {"type", "string"},
                                                          {"country", "string"},
                                                          {"iri", "string"},
                                                          {"aliases", "string"},
                                                          {"articles", "string"}});
    CHECK(edge_keys["articles"] == "string");
    CHECK(edge_keys["evidence"] == "string");
    CHECK(edge_keys["predicate"] == "string");
    CHECK(edge_keys["label"] == "string");
    CHECK(edge_keys["cameo"] == "string");
    CHECK(edge_keys["quad_class"] == "int");
    CHECK(edge_keys["mention_count"] == "int");
    CHECK(edge_keys["goldstein"] == "double");
    CHECK(edge_keys["weight"] == "double");
    CHECK(edge_keys["confidence"] == "double");
    CHECK(edge_keys["date"] == "string");
    CHECK(edge_keys["last_date"] == "string");
    CHECK(edge_keys["flags"] == "string");

    // Nodes in IRI order: n0 is the lowest IRI (Mali, ".../country/ML").
    std::map<std::string, nlohmann::json> nodes;
    for (const auto& n : doc["nodes"]) nodes[n["id"]] = n;
    CHECK(nodes["n0"]["label"] == "Mali");
    CHECK(nodes["n0"]["type"] == "Country");
    CHECK(nodes["n0"]["country"] == "ML");
    CHECK(nodes["n0"]["iri"] == kMali);
    const EntityNode* mali = g.find(kMali);
    std::string aliases, articles;
    for (const auto& a : mali->aliases) aliases += (aliases.empty() ? "" : " | ") + a;
    for (const auto& a : mali->articles) articles += (articles.empty() ? "" : " | ") + a;
    CHECK(nodes["n0"]["aliases"] == aliases);
    CHECK(nodes["n0"]["articles"] == articles);
    CHECK(!articles.empty());

    bool demand = false, standing_rel = false;
    for (const auto& e : doc["edges"]) {
        const std::string source = nodes[e["source"].get<std::string>()]["label"];
        const std::string target = nodes[e["target"].get<std::string>()]["label"];
        if (e["predicate"] == "demandedWithdrawal") {
            demand = true;
            CHECK(source == "Mali's junta");
            CHECK(target == "MINUSMA");
            CHECK(e["label"] == "demanded the withdrawal of"); // the ontology's label
            CHECK(e["cameo"] == "1056");
            CHECK(e["quad_class"] == "3");
            CHECK(e["goldstein"] == "-5");
            CHECK(e["date"] == "2023-06-16");
            CHECK(e["last_date"] == "2023-06-18");
            CHECK(e["mention_count"] == "2");
            CHECK(e["weight"] == "2");
            // Where it was read: the articles and the evidence sentences.
            const auto all_edges = g.edges();
            const auto& edge = *std::find_if(all_edges.begin(), all_edges.end(), [](const EdgeView& v) {
                return v.relation.predicate == "demandedWithdrawal";
            });
            std::string want_articles, want_evidence;
            for (const Evidence& ev : edge.relation.evidence) {
                if (want_articles.find(ev.document) == std::string::npos)
                    want_articles += (want_articles.empty() ? "" : " | ") + ev.document;
                want_evidence += (want_evidence.empty() ? "" : "\n") + ev.text;
            }
            CHECK(e["articles"] == want_articles);
            CHECK(e["evidence"] == want_evidence);
            CHECK(!want_evidence.empty());
        }
        if (e["predicate"] == "affiliatedWith") {
            standing_rel = true;
            CHECK(e["cameo"] == "");
            CHECK(e["quad_class"] == "0");
            CHECK(e["date"] == "");
        }
        if (e["predicate"] == "met") CHECK(e["flags"] == "headline");
    }
    CHECK(demand);
    CHECK(standing_rel);
}

TEST_CASE("GraphML stays well-formed XML with any text and is deterministic", "[export][graphml]") {
    KnowledgeGraph g = sample_graph();
    // Markup characters, a control character XML 1.0 forbids, invalid UTF-8.
    const std::string nasty = "A & B <x> \"q\" 'a'\x01 end\xC3";
    g.upsert_node(node("https://ex.org/nasty?a=1&b=<2>", nasty, ActorType::Organization));
    g.upsert_edge(kMali, event("accused", "112", 3, -2.0, {evidence("doc1", 7, "x")}),
                  "https://ex.org/nasty?a=1&b=<2>");
    const std::string graphml = to_graphml(g, nullptr);
    const auto doc = parse_graphml(graphml);
    CHECK(doc["nodes"].size() == g.node_count());
    CHECK(doc["edges"].size() == g.edge_count());
    bool found = false;
    for (const auto& n : doc["nodes"])
        if (n["iri"] == "https://ex.org/nasty?a=1&b=<2>") {
            found = true;
            CHECK(n["label"] == "A & B <x> \"q\" 'a'  end\xEF\xBF\xBD");
        }
    CHECK(found);
    // Without an ontology the edge label is the predicate.
    for (const auto& e : doc["edges"]) CHECK(e["label"] == e["predicate"]);

    CHECK(to_graphml(g, nullptr) == graphml);
    CHECK(to_graphml(KnowledgeGraph{}, nullptr).find("<graph id=\"G\" edgedefault=\"directed\"") !=
          std::string::npos);
}
