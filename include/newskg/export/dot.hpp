#pragma once
/// The knowledge graph as Graphviz DOT, for `dot -Tsvg` / `-Tpng`.
///
/// Nodes are actors, labelled with their names, shaped and filled by actor type; edges
/// are relations, coloured by CAMEO QuadClass (verbal/material cooperation, verbal/
/// material conflict; standing relations grey and dashed) and labelled with the
/// relation's label, its date(s) and "×N" when the graph holds N mentions of it. A
/// legend cluster explains the shapes and colours present. Output is deterministic:
/// node ids are positions in IRI order, edges follow KnowledgeGraph::edges().
#include <cstddef>
#include <string>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

struct DotOptions {
    /// Keep only the `top` actors with the most relations (degree, ties broken by IRI)
    /// and the relations between them; 0 keeps everything.
    std::size_t top = 0;
    /// Group actors by country code in clusters (actors without one stay outside).
    bool clusters_by_country = false;
    /// Label edges; without labels large graphs read better and lay out faster.
    bool edge_labels = true;
};

/// Above this many edges the edge text is written as `xlabel` rather than `label`: dot
/// makes every `label` a virtual node in the middle of its edge (and doubles the ranks
/// to fit them), so ranking, crossing minimisation and positioning all work on a graph
/// about twice the size; an `xlabel` is placed after layout, off the layout problem.
/// On news graphs of a few hundred edges that is seconds instead of minutes, for labels
/// placed a little less tidily.
inline constexpr std::size_t kDotXlabelThreshold = 80;

/// Text safe inside a DOT double-quoted string that Graphviz renders as-is: '"' and '\'
/// escaped, line breaks as "\n", other control characters as spaces, '&', '<' and '>' as
/// HTML entities (Graphviz decodes entities in labels, so a literal "&amp;" would render
/// as "&" otherwise), invalid UTF-8 as U+FFFD. Returned without the enclosing quotes.
std::string dot_escape(const std::string& text);

/// `ontology` (may be null) supplies the relation labels ("demanded withdrawal of");
/// without it edges show the predicate.
std::string to_dot(const KnowledgeGraph& graph, const Ontology* ontology = nullptr,
                   const DotOptions& options = DotOptions{});

} // namespace newskg
