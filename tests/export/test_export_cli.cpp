// End to end: the real CLI on the example articles in every export format, each file
// checked with the real tools: rapper and rdflib for the RDF syntaxes and JSON-LD (equal
// triples across syntaxes), rdf-validate-shacl against ontology/shapes.ttl, Python's XML
// parser for GraphML and SVG, the PNG signature, and byte-identical output on a rerun.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"

using namespace newskg::test;

namespace {

const std::vector<std::string> kExamples = {"red-sea-shipping", "rwanda-drc-talks", "sahel-minusma-withdrawal"};
const std::string kAllFormats = "ttl,nt,nq,trig,rdfxml,jsonld,json,dot,graphml,svg,png";
// What --out-dir writes per article and for --merge: one file per format.
const std::vector<std::string> kExtensions = {"ttl",  "nt",  "nq",      "trig", "rdf", "jsonld",
                                              "json", "dot", "graphml", "svg",  "png"};

std::string example_args() {
    std::string args;
    for (const auto& e : kExamples) args += " " + sh_quote(source_path("examples/" + e + ".txt"));
    return args;
}

/// The examples extracted once per test process into a directory of their own.
const TempDir& exports() {
    static const TempDir dir;
    static const bool done = [] {
        auto r = run_newskg("extract --format " + kAllFormats + " --merge --out-dir " +
                            sh_quote(dir.path().string()) + example_args());
        INFO(r.err);
        REQUIRE(r.status == 0);
        return true;
    }();
    (void)done;
    return dir;
}

/// Every example and the merged graph: the names of the file sets written.
std::vector<std::string> graphs() {
    std::vector<std::string> names = kExamples;
    names.push_back("merged");
    return names;
}

/// The tests/export/shacl validator, or a failure saying how to install it.
std::string shacl_validator() {
    const std::string dir = source_path("tests/export/shacl");
    INFO("the SHACL validator is not installed: run  npm ci --prefix tests/export/shacl  "
         "(see tests/export/shacl/README.md)");
    REQUIRE(std::filesystem::exists(dir + "/node_modules/rdf-validate-shacl"));
    return "node " + sh_quote(dir + "/validate.mjs") + " " + sh_quote(source_path("ontology/shapes.ttl"));
}

std::size_t rapper_count(const std::string& file, const std::string& syntax) {
    auto r = run("rapper -q -i " + syntax + " -o ntriples " + sh_quote(file));
    INFO(file << ": " << r.err);
    REQUIRE(r.status == 0);
    return static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\n'));
}

} // namespace

TEST_CASE("extract writes every format, and a rerun writes the same bytes", "[cli][e2e][export][determinism]") {
    const TempDir& first = exports();
    TempDir second;
    auto r = run_newskg("extract --format " + kAllFormats + " --merge --out-dir " +
                        sh_quote(second.path().string()) + example_args());
    INFO(r.err);
    REQUIRE(r.status == 0);
    for (const auto& name : graphs())
        for (const auto& ext : kExtensions) {
            const std::string file = name + "." + ext;
            INFO(file);
            REQUIRE(std::filesystem::exists(first / file));
            const std::string bytes = read_file(first / file);
            CHECK(!bytes.empty());
            CHECK(bytes == read_file(second / file));
        }
    // RDF/XML gets its conventional extension, not the format's name.
    CHECK(!std::filesystem::exists(first / "merged.rdfxml"));
}

TEST_CASE("rapper parses every RDF syntax of the examples with equal triple counts", "[cli][e2e][export][rdf]") {
    const TempDir& dir = exports();
    for (const auto& name : graphs()) {
        INFO(name);
        const std::size_t ttl = rapper_count(dir / (name + ".ttl"), "turtle");
        CHECK(ttl > 100);
        CHECK(rapper_count(dir / (name + ".nt"), "ntriples") == ttl);
        CHECK(rapper_count(dir / (name + ".nq"), "nquads") == ttl);
        CHECK(rapper_count(dir / (name + ".trig"), "trig") == ttl);
        CHECK(rapper_count(dir / (name + ".rdf"), "rdfxml") == ttl);
    }
}

TEST_CASE("rdflib reads the same triples from every syntax, JSON-LD included, with one graph per article",
          "[cli][e2e][export][rdf][jsonld][rdflib]") {
    const TempDir& dir = exports();
    // Debian's python3-rdflib (6.x, JSON-LD parser built in), by absolute path: `python3`
    // on PATH may be another interpreter. Per syntax it prints: extension, triples,
    // non-empty graphs, whether the triples equal the Turtle's, and whether every
    // reading derived from an article sits in that article's graph.
    const std::string script = R"(
import sys, rdflib
from rdflib.namespace import PROV
NKG = rdflib.Namespace("https://newskg.org/ontology#")
formats = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdf": "xml", "jsonld": "json-ld"}
ref = None
for ext in ["ttl", "nt", "nq", "trig", "rdf", "jsonld"]:
    g = rdflib.ConjunctiveGraph()
    g.parse(sys.argv[1] + "." + ext, format=formats[ext])
    triples = set(g.triples((None, None, None)))
    graphs = [c for c in g.contexts() if len(c) > 0]
    if ref is None:
        ref = triples
    placed = "placed"
    if len(graphs) > 1:
        for s, p, o, c in g.quads((None, PROV.wasDerivedFrom, None, None)):
            if c.identifier != o or (s, NKG.subject, None, c) not in g:
                placed = "misplaced"
        for s, p, o, c in g.quads((None, rdflib.namespace.SKOS.prefLabel, None, None)):
            if "/article/" in str(c.identifier):  # actors belong to the default graph
                placed = "misplaced"
    print(ext, len(triples), len(graphs), "same" if triples == ref else "differs", placed)
)";
    for (const auto& name : graphs()) {
        INFO(name);
        auto r = run("/usr/bin/python3 -c " + sh_quote(script) + " " + sh_quote(dir / name));
        INFO(r.err);
        REQUIRE(r.status == 0);
        const std::size_t articles = name == "merged" ? kExamples.size() : 1;
        std::istringstream in(r.out);
        std::size_t lines = 0;
        for (std::string ext, same, placed; in >> ext;) {
            std::size_t triples = 0, graph_count = 0;
            in >> triples >> graph_count >> same >> placed;
            INFO(ext);
            ++lines;
            CHECK(triples > 100);
            CHECK(same == "same");
            CHECK(placed == "placed");
            const bool dataset = ext == "nq" || ext == "trig" || ext == "jsonld";
            CHECK(graph_count == (dataset ? articles + 1 : 1));
        }
        CHECK(lines == 6);
    }
}

TEST_CASE("the Turtle and TriG exports conform to ontology/shapes.ttl", "[cli][e2e][export][shacl]") {
    const std::string validate = shacl_validator();
    const TempDir& dir = exports();
    for (const auto& name : graphs())
        for (const std::string ext : {"ttl", "trig"}) {
            auto r = run(validate + " " + sh_quote(dir / (name + "." + ext)));
            INFO(name << "." << ext << "\n" << r.out << r.err);
            CHECK(r.status == 0);
            CHECK(r.out.find("conforms: true (0 results)") != std::string::npos);
        }
}

TEST_CASE("the shapes reject what breaks the contract", "[e2e][export][shacl]") {
    const std::string validate = shacl_validator();
    TempDir tmp;
    // One fault per constraint the tests care about, each on its own focus node.
    write_file(tmp / "bad.ttl", R"(
@prefix nkg: <https://newskg.org/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://x/article> a schema:NewsArticle ; schema:identifier "a" .
<https://x/two-labels> a nkg:Country ; skos:prefLabel "Mali", "Republic of Mali" .
<https://x/untyped> skos:prefLabel "France" .
<https://x/event> a nkg:Event ;
    nkg:subject <https://x/two-labels> ; nkg:object <https://x/untyped> ; nkg:predicate nkg:accused ;
    nkg:cameoCode "999" ; nkg:quadClass 3 ; nkg:goldstein -2.0 ; nkg:confidence 0.5 ;
    nkg:date "June 2023" .
<https://x/good-date-bad-source> a nkg:StandingRelationStatement ;
    nkg:subject <https://x/two-labels> ; nkg:object <https://x/two-labels> ; nkg:predicate nkg:partOf ;
    nkg:confidence 1.0 ; nkg:evidenceText "x" ; nkg:date "2023-06"^^xsd:gYearMonth ;
    prov:wasDerivedFrom <https://x/not-an-article> .
)");
    auto r = run(validate + " " + sh_quote(tmp / "bad.ttl"));
    INFO(r.out << r.err);
    CHECK(r.status == 1);
    CHECK(r.out.find("conforms: false") != std::string::npos);
    const auto violation = [&](const std::string& focus, const std::string& path, const std::string& component) {
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);)
            if (line.find(" " + focus + " " + path + ":") != std::string::npos &&
                line.find("#" + component + "]") != std::string::npos)
                return true;
        return false;
    };
    const std::string skos = "http://www.w3.org/2004/02/skos/core#", nkg = "https://newskg.org/ontology#";
    CHECK(violation("https://x/two-labels", skos + "prefLabel", "MaxCountConstraintComponent"));
    CHECK(violation("https://x/untyped", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                    "QualifiedMinCountConstraintComponent"));
    CHECK(violation("https://x/event", nkg + "cameoCode", "PatternConstraintComponent"));
    CHECK(violation("https://x/event", nkg + "date", "OrConstraintComponent"));
    CHECK(violation("https://x/event", nkg + "evidenceText", "MinCountConstraintComponent"));
    CHECK(violation("https://x/event", "http://www.w3.org/ns/prov#wasDerivedFrom", "MinCountConstraintComponent"));
    CHECK(violation("https://x/good-date-bad-source", "http://www.w3.org/ns/prov#wasDerivedFrom",
                    "ClassConstraintComponent"));
    CHECK(!violation("https://x/good-date-bad-source", nkg + "date", "OrConstraintComponent"));
}

TEST_CASE("GraphML of the examples has the graph's node and edge counts", "[cli][e2e][export][graphml]") {
    const TempDir& dir = exports();
    const std::string script = R"(
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
graph = ET.parse(sys.argv[1]).getroot().find("g:graph", ns)
print(len(graph.findall("g:node", ns)), len(graph.findall("g:edge", ns)))
)";
    for (const auto& name : graphs()) {
        INFO(name);
        const auto json = nlohmann::json::parse(read_file(dir / (name + ".json")));
        auto r = run("/usr/bin/python3 -c " + sh_quote(script) + " " + sh_quote(dir / (name + ".graphml")));
        INFO(r.err);
        REQUIRE(r.status == 0);
        std::istringstream in(r.out);
        std::size_t nodes = 0, edges = 0;
        in >> nodes >> edges;
        CHECK(nodes == json["entities"].size());
        CHECK(edges == json["relations"].size());
        CHECK(edges > 3);
    }
}

TEST_CASE("SVG and PNG of the examples are valid pictures", "[cli][e2e][export][image]") {
    const TempDir& dir = exports();
    const std::string script = R"(
import sys, xml.etree.ElementTree as ET
print(ET.parse(sys.argv[1]).getroot().tag)
)";
    for (const auto& name : graphs()) {
        INFO(name);
        const std::string png = read_file(dir / (name + ".png"));
        CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        auto r = run("/usr/bin/python3 -c " + sh_quote(script) + " " + sh_quote(dir / (name + ".svg")));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.out == "{http://www.w3.org/2000/svg}svg\n");
    }
    // One format to standard output works for binary PNG too.
    auto r = run_newskg("extract --format png --output - " + sh_quote(source_path("examples/red-sea-shipping.txt")));
    REQUIRE(r.status == 0);
    CHECK(r.out == read_file(dir / "red-sea-shipping.png"));
}

TEST_CASE("extract --help and format errors name the new formats", "[cli][export]") {
    auto help = run_newskg("extract --help");
    REQUIRE(help.status == 0);
    for (const std::string f : {"nq", "trig", "rdfxml", "jsonld", "graphml", "svg", "png"})
        CHECK(help.out.find(" " + f + " ") != std::string::npos);
    auto bad = run_newskg("extract --format xml " + sh_quote(source_path("examples/red-sea-shipping.txt")));
    CHECK(bad.status == 2);
    CHECK(bad.err.find("rdfxml") != std::string::npos);
}
