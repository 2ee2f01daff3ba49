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
    /// Give every drawn actor and relation an `id` naming it in the graph: "actor_K" and
    /// "relation_K", K its position in KnowledgeGraph::nodes() / edges(). Graphviz keeps
    /// ids in its SVG (<g id="actor_3" class="node">), which is how the HTML page (html.hpp)
    /// finds the element drawn for an actor or a relation.
    bool element_ids = false;
    /// Draw the legend, the box of actors without a relation and the source line. The
    /// HTML page shows those itself, as HTML, and turns them off.
    bool furniture = true;
};

/// Above this many edges the edge text is written as `xlabel` rather than `label`. dot
/// turns every `label` into a virtual node in the middle of its edge (and doubles the
/// number of ranks to make room), so ranking, crossing minimisation and above all the
/// network simplex that assigns x positions work on a bigger graph; an `xlabel` is
/// placed after layout and leaves the layout problem the size of the graph itself.
/// Measured with Graphviz 2.43 on generated hub-shaped graphs: at 400 edges the position
/// phase shrank from ~15.7k to ~14.2k nodes and the run from 59 s to 47 s; around 100–250
/// edges either may win by a second or two (placing xlabels has its own cost), and below
/// that `label` places text tidier at no cost, hence the threshold. For still larger graphs
/// `top` is the lever that matters.
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
