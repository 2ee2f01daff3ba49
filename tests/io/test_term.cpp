// The one RDF term and quad (newskg/io/term.hpp): their N-Triples forms, the round trip
// through librdf, and the vocabulary spelt once.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "newskg/export/rdf.hpp"
#include "newskg/io/term.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "rdf/rdf.hpp"
#include "graph/graph_fixtures.hpp"
#include "test_paths.hpp"

using namespace newskg;

TEST_CASE("a term's N-Triples form escapes what a terminal would act on", "[io][term]") {
    CHECK(Term::iri("https://a.example/x").ntriples() == "<https://a.example/x>");
    CHECK(Term::blank("b1").ntriples() == "_:b1");
    CHECK(Term::literal("Mali", "", "en").ntriples() == "\"Mali\"@en");
    CHECK(Term::literal("3", std::string(vocab::kXsd) + "integer").ntriples() ==
          "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    CHECK(Term::literal("say \"hi\"\n\t\\").ntriples() == "\"say \\\"hi\\\"\\n\\t\\\\\"");
    CHECK(Term::literal("\x1b[31m\x7f\xc2\x9b").ntriples() == "\"\\u001B[31m\\u007F\\u009B\"");
    CHECK(Term::blank("b1").text() == "_:b1");
    CHECK(Term::literal("x", "", "fr").text() == "x");
}

TEST_CASE("a quad's N-Quads line names its graph only when it has one", "[io][term]") {
    Quad q{Term::iri("https://a.example/s"), Term::iri("https://a.example/p"), Term::literal("o"), ""};
    CHECK(q.nquads() == "<https://a.example/s> <https://a.example/p> \"o\" .\n");
    q.graph = "https://a.example/g";
    CHECK(q.nquads() == "<https://a.example/s> <https://a.example/p> \"o\" <https://a.example/g> .\n");
}

TEST_CASE("terms go through librdf and come back equal", "[io][term][rdf]") {
    rdf::World world;
    const Term terms[] = {Term::iri("https://a.example/x"), Term::blank("n7"), Term::literal("plain"),
                          Term::literal("Mali", "", "fr"),
                          Term::literal("0.5", std::string(vocab::kXsd) + "decimal")};
    for (const Term& t : terms) {
        const rdf::Node n = rdf::Node::of(world, t);
        CHECK(n.ref().term() == t);
    }
}

TEST_CASE("to_quads is the dataset the N-Quads export writes", "[io][term][export]") {
    const Ontology onto = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    const KnowledgeGraph g = testing::sample_graph();
    std::set<std::string> built;
    for (const Quad& q : to_quads(g, onto, "")) {
        CHECK(q.predicate.is_iri());
        CHECK(q.subject.is_node());
        built.insert(q.nquads());
    }
    std::set<std::string> parsed;
    rdf::World world;
    rdf::Parser parser(world, "nquads");
    parser.parse_string_quads(to_rdf(g, onto, RdfSyntax::NQuads, ""), std::string(kDefaultBaseIri), "nq",
                              [&](rdf::StatementRef st, rdf::NodeRef graph) {
                                  parsed.insert(Quad{st.subject().term(), st.predicate().term(),
                                                     st.object().term(),
                                                     graph.is_null() ? "" : std::string(graph.iri())}
                                                    .nquads());
                              });
    CHECK(!built.empty());
    CHECK(built == parsed);
}

namespace {

/// The string literals of a C++ file that start with one of `namespaces`.
std::vector<std::string> literals_naming(const std::string& text, const std::vector<std::string_view>& namespaces) {
    std::vector<std::string> out;
    for (std::size_t q = text.find('"'); q != std::string::npos; q = text.find('"', q + 1))
        for (auto ns : namespaces)
            if (text.compare(q + 1, ns.size(), ns) == 0) out.push_back(text.substr(q + 1, ns.size()));
    return out;
}

} // namespace

TEST_CASE("every vocabulary IRI is spelt in newskg/rdf/vocabulary.hpp alone", "[io][vocabulary]") {
    namespace fs = std::filesystem;
    const std::vector<std::string_view> namespaces = {"https://newskg.org/", vocab::kRdf, vocab::kRdfs,
                                                      vocab::kXsd, vocab::kOwl, vocab::kSkos,
                                                      vocab::kProv, vocab::kSchema};
    const fs::path root(NEWSKG_SOURCE_DIR);
    const fs::path vocabulary = root / "include/newskg/rdf/vocabulary.hpp";
    std::vector<std::string> found;
    std::size_t files = 0;
    for (const char* dir : {"src", "include"})
        for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
            const auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp") || e.path() == vocabulary) continue;
            ++files;
            std::ifstream in(e.path());
            std::stringstream text;
            text << in.rdbuf();
            for (const auto& iri : literals_naming(text.str(), namespaces))
                found.push_back(fs::relative(e.path(), root).string() + ": \"" + iri);
        }
    CHECK(files > 100);
    CHECK(found == std::vector<std::string>{});
}
