#pragma once
/// GraphUnion: the one way to combine graphs. Every command that puts several graphs or
/// articles together (extract, merge, push, stats, path, render) goes through it, so each
/// gives the same nodes, labels and counts whatever the order of its inputs.
#include <map>
#include <string>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

/// The union of graphs by IRI, independent of the order and grouping the graphs are
/// added in, and of adding one twice. Nodes, edges and articles are joined by the rules
/// of KnowledgeGraph::upsert_node, RelationEdge and add_article; on top of those, a node
/// that is a gazetteer actor is labelled with the gazetteer's label whenever that is one
/// of its names.
class GraphUnion {
  public:
    /// `ontology` (may be null) gives the gazetteer labels; it must outlive the union.
    explicit GraphUnion(const Ontology* ontology = nullptr) : ontology_(ontology) {}
    /// Adds a graph, renaming node IRIs by `rename` (old → new) on the way.
    void add(const KnowledgeGraph& graph, const std::map<std::string, std::string>& rename = {});
    /// The same, taking the graph's edges (their evidence) instead of copying them; the
    /// graph is left empty.
    void add(KnowledgeGraph&& graph, const std::map<std::string, std::string>& rename = {});
    /// The union so far.
    KnowledgeGraph graph() const;
    /// The union, the same graph as graph(), its edges moved out rather than copied; the
    /// union is empty afterwards.
    KnowledgeGraph take();
    /// How many graphs were added.
    std::size_t size() const noexcept { return added_; }

  private:
    const Ontology* ontology_;
    KnowledgeGraph all_;
    std::size_t added_ = 0;
};

} // namespace newskg
