#pragma once
/// The knowledge graph as GraphML, written by boost::write_graphml, for Gephi, yEd and
/// Cytoscape (which read its <key>/<data> attributes as node and edge columns).
///
/// Nodes (ids n0, n1 … in IRI order) carry: label, type ("Country", "ArmedGroup" …),
/// country (ISO code or empty), iri. Edges (ids e0, e1 … in KnowledgeGraph::edges()
/// order) carry: predicate (ontology local name), label (its ontology label), cameo
/// (empty for standing relations), quad_class (1–4; 0 for standing relations), goldstein,
/// date and last_date (ISO, as precise as the text: 2023, 2023-06 or 2023-06-16; empty
/// when unknown), mention_count, weight (the mention count as a double: Gephi's edge
/// weight), confidence, flags (space-separated: negated, hedged, reported, conditional,
/// headline). Numbers are typed (int/double) so the tools can filter and size by them.
///
/// Output is deterministic: the same graph gives the same bytes.
#include <string>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

/// `ontology` (may be null) supplies edge labels; without it "label" is the predicate.
std::string to_graphml(const KnowledgeGraph& graph, const Ontology* ontology = nullptr);

} // namespace newskg
