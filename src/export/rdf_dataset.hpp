#pragma once
// The RDF dataset of an export as plain values, for writers that build their syntax
// themselves (JSON-LD) from the same librdf model as the Turtle, N-Quads and TriG
// exports, without calling librdf (src/rdf/ stays the only place that does).
#include <string>
#include <vector>

#include "newskg/graph/knowledge_graph.hpp"
#include "rdf/term.hpp"

namespace newskg {

class Ontology;

namespace detail {

/// The dataset the N-Quads and TriG exports write (see rdf_export.cpp for what goes in
/// which graph), in no particular order. `base_iri` as for to_rdf.
std::vector<RdfQuad> rdf_dataset(const KnowledgeGraph& graph, const Ontology& ontology,
                                 const std::string& base_iri);

} // namespace detail
} // namespace newskg
