// The vocabulary of the RDF exports: actor names tagged @en, the gazetteer's organisations
// under a prefix that is not the W3C Organization ontology's org:.
#include <catch2/catch.hpp>

#include "graph/graph_fixtures.hpp"
#include "newskg/export/jsonld.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::testing;

namespace {
const Ontology& onto() {
    static const Ontology o = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    return o;
}
} // namespace

TEST_CASE("actor labels are tagged @en in every RDF syntax", "[export][rdf][vocabulary]") {
    const KnowledgeGraph g = sample_graph();
    const std::string nt = to_rdf(g, onto(), RdfSyntax::NTriples, "");
    CHECK(nt.find("<" + std::string(kMali) + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Mali\"@en .") !=
          std::string::npos);
    CHECK(nt.find("<" + std::string(kMali) + "> <http://www.w3.org/2000/01/rdf-schema#label> \"Mali\"@en .") !=
          std::string::npos);
    CHECK(nt.find("core#prefLabel> \"Mali\" .") == std::string::npos);
    // JSON-LD says it once, in the context, and keeps the names plain strings.
    const auto ld = nlohmann::json::parse(to_jsonld(g, onto(), ""));
    CHECK(ld["@context"]["prefLabel"]["@language"] == "en");
    CHECK(ld["@context"]["altLabel"]["@language"] == "en");
}

TEST_CASE("organisations are nkgorg:, never the W3C Organization ontology's org:", "[export][rdf][vocabulary]") {
    const KnowledgeGraph g = sample_graph();
    const std::string ttl = to_rdf(g, onto(), RdfSyntax::Turtle, "");
    CHECK(ttl.find("@prefix nkgorg: <https://newskg.org/actor/org/> .") != std::string::npos);
    CHECK(ttl.find("@prefix org:") == std::string::npos);
    for (const auto& p : vocab::kActorPrefixes) CHECK(p.name != "org");
}
