#pragma once
// The RDF dataset of an export as plain values, for writers that build their syntax
// themselves (JSON-LD) from the same librdf model as the Turtle, N-Quads and TriG
// exports, without calling librdf (src/rdf/ stays the only place that does).
#include <string>
#include <vector>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

namespace detail {

/// One RDF term, copied out of librdf.
struct RdfTerm {
    enum class Kind { Iri, Blank, Literal };
    Kind kind = Kind::Iri;
    std::string value;    ///< IRI, blank node id (without "_:") or lexical form
    std::string datatype; ///< literals: datatype IRI; empty for a plain (xsd:string) literal
    std::string language; ///< literals: language tag, if any
};

/// One statement and the graph it is in.
struct RdfQuad {
    std::string graph; ///< IRI of the named graph; empty for the default graph
    RdfTerm subject;
    std::string predicate;
    RdfTerm object;
};

/// The dataset the N-Quads and TriG exports write (see rdf_export.cpp for what goes in
/// which graph), in no particular order. `base_iri` as for to_rdf.
std::vector<RdfQuad> rdf_dataset(const KnowledgeGraph& graph, const Ontology& ontology,
                                 const std::string& base_iri);

} // namespace detail
} // namespace newskg
