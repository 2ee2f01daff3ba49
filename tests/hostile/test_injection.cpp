// No injection (issue 9, item 3): text from articles reaches Turtle, N-Triples, N-Quads,
// TriG, RDF/XML, JSON-LD, GraphML, DOT and SVG only escaped, and comes back exactly when
// real parsers (rdflib, raptor, xml.etree, Graphviz) read the files. Control characters
// other than tab, LF and CR in JSON Lines fields become spaces (warning newskg.input.109).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "hostile_support.hpp"
#include "newskg/export/graphml.hpp"
#include "newskg/export/image.hpp"
#include "newskg/export/jsonld.hpp"
#include "newskg/export/rdf.hpp"
#include "support.hpp"

using namespace newskg::test;

namespace {

const char* kHeadline = "https://schema.org/headline";
const char* kIdentifier = "https://schema.org/identifier";
const char* kName = "https://schema.org/name";
const char* kEvidence = "https://newskg.org/ontology#evidenceText";
const char* kPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";

RunResult check(const std::string& dir, const std::string& stem, const nlohmann::json& expected) {
    write_file(dir + "/expected.json", expected.dump());
    // Debian's python3-rdflib, by absolute path: `python3` on PATH may be another Python.
    return run("/usr/bin/python3 " + q(source_path("tests/hostile/check_injection.py")) + " " + q(dir) + " " + q(stem) + " " +
               q(dir + "/expected.json"));
}

} // namespace

TEST_CASE("hostile: titles, ids, outlets and evidence round-trip through every export", "[hostile][injection]") {
    TempDir d;
    const std::string title = "Quote \" angle <b> brace {x} back\\slash ]]> </script> \"> . } <!-- x --> "
                              "&amp; @prefix\nsecond line\ttab bell\x07 nul";
    const std::string id = "evil\"> . }<x>]]>&lt;";
    const std::string source = "Out\"let <&> \\ } ]]>";
    const std::string sentence = "France accused Mali of shelling \"border\" towns <near> {Gao} and \\ Kidal on Monday.";
    nlohmann::json row{{"id", id},
                       {"title", title + std::string(1, '\0') + " end"},
                       {"url", "http://example.org/a\"b>c d{e}"},
                       {"source", source},
                       {"published", "2024-03-10"},
                       {"text", sentence + "\n\nThe \"Sahel\" <Alliance> said {nothing} & more \\ later."}};
    write_file(d / "feed.jsonl", row.dump() + "\n");
    auto r = run_newskg("extract --no-parser --format ttl,nt,nq,trig,rdfxml,jsonld,graphml,dot,svg,json --out-dir " +
                        q(d / "out") + " " + q(d / "feed.jsonl"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(contains(r.err, "feed.jsonl:1: 2 control character(s) replaced by spaces"));
    // The file name is the id with nothing that could leave the directory.
    const std::string stem = id;
    REQUIRE(std::filesystem::exists(d / ("out/" + stem + ".ttl")));
    const std::string want_title = "Quote \" angle <b> brace {x} back\\slash ]]> </script> \"> . } <!-- x --> "
                                   "&amp; @prefix\nsecond line\ttab bell  nul  end";
    // raptor's own parsers too (rapper is what most stores use).
    for (const auto& [ext, syntax] : std::vector<std::pair<std::string, std::string>>{
             {"ttl", "turtle"}, {"nt", "ntriples"}, {"nq", "nquads"}, {"trig", "trig"}, {"rdf", "rdfxml"}}) {
        auto p = run("rapper -q -i " + syntax + " -c " + q(d / ("out/" + stem + "." + ext)));
        INFO(ext << ": " << p.err);
        CHECK(p.status == 0);
    }
    auto c = check(d / "out", stem,
                   {{"literals",
                     {{kHeadline, {want_title}}, {kIdentifier, {id}}, {kName, {source}}, {kEvidence, {sentence}}}},
                    {"labels", {"France", "Mali"}},
                    {"svg_text", {"Quote \" angle <b> brace {x} back\\slash ]]>", source}}});
    INFO(c.out << c.err);
    CHECK(c.status == 0);
    // DOT through the dot program as well as through libgvc (the svg above).
    auto dot = run("dot -Tsvg " + q(d / ("out/" + stem + ".dot")) + " -o " + q(d / "dot.svg"));
    INFO(dot.err);
    CHECK(dot.status == 0);
    // JSON keeps everything as it was.
    const auto j = nlohmann::json::parse(read_file(d / ("out/" + stem + ".json")));
    CHECK(j["articles"][0]["title"] == want_title);
    CHECK(j["articles"][0]["id"] == id);
}

TEST_CASE("hostile: actor labels with markup and control characters round-trip", "[hostile][injection]") {
    // Labels come from article text; names with quotes or brackets are rare but must not
    // break a file. Built directly so the label can hold anything a name could.
    TempDir d;
    const std::string label = "Front \"Lib\xc3\xa9ration\" <du> {Nord} \\ ]]> </script> & co";
    const std::string alias = "FLN\ttab\nline\rcr";
    newskg::KnowledgeGraph g;
    newskg::EntityNode n;
    n.iri = "https://newskg.org/id/actor/armedgroup/front";
    n.label = label;
    n.type = newskg::ActorType::ArmedGroup;
    n.aliases = {alias};
    g.upsert_node(n);
    n.iri = "https://newskg.org/actor/country/ML";
    n.label = "Mali";
    n.type = newskg::ActorType::Country;
    n.aliases = {};
    g.upsert_node(n);
    newskg::RelationEdge e;
    e.predicate = "accused";
    e.cameo = "112";
    e.quad_class = 3;
    e.goldstein = -2;
    e.rule = "test";
    e.confidence = 0.5;
    g.upsert_edge("https://newskg.org/id/actor/armedgroup/front", e, "https://newskg.org/actor/country/ML");
    const auto& onto = resources().ontology();
    const std::string dir = d / "out";
    std::filesystem::create_directories(dir);
    write_file(dir + "/g.ttl", newskg::to_rdf(g, onto, newskg::RdfSyntax::Turtle, ""));
    write_file(dir + "/g.nt", newskg::to_rdf(g, onto, newskg::RdfSyntax::NTriples, ""));
    write_file(dir + "/g.nq", newskg::to_rdf(g, onto, newskg::RdfSyntax::NQuads, ""));
    write_file(dir + "/g.trig", newskg::to_rdf(g, onto, newskg::RdfSyntax::TriG, ""));
    write_file(dir + "/g.rdf", newskg::to_rdf(g, onto, newskg::RdfSyntax::RdfXml, ""));
    write_file(dir + "/g.jsonld", newskg::to_jsonld(g, onto, ""));
    write_file(dir + "/g.graphml", newskg::to_graphml(g, &onto));
    write_file(dir + "/g.svg", newskg::to_image(g, &onto, newskg::DotOptions{}, newskg::ImageFormat::Svg));
    auto c = check(dir, "g",
                   {{"literals", {{kPrefLabel, {label, "Mali"}}, {"http://www.w3.org/2004/02/skos/core#altLabel", {alias}}}},
                    {"labels", {label, "Mali"}},
                    {"svg_text", {"Front \"Lib\xc3\xa9ration\" <du> {Nord}"}}});
    INFO(c.out << c.err);
    CHECK(c.status == 0);
}
