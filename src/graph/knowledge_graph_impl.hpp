#pragma once
/// The private representation of KnowledgeGraph, shared only with code under src/ that
/// needs the Boost graph itself (exporters, analytics). Public callers see values only.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

struct KnowledgeGraph::Impl {
    /// bidirectionalS so that in-degree is as cheap as out-degree (degree ranking for the
    /// DOT export, analytics); vecS for vertices because nodes are never removed, so the
    /// indices stay stable and double as the vertex_index property.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                        EntityNode, RelationEdge>;
    using Vertex = Graph::vertex_descriptor;
    using Edge = Graph::edge_descriptor;

    /// What makes two relations "the same": subject IRI, predicate, object IRI, CAMEO
    /// code, and whether it is negated. The negation belongs to the key because "X
    /// attacked Y" and "X did not attack Y" are opposite claims: merging them would make
    /// one of them disappear into the other's flags.
    using EdgeKey = std::tuple<std::string, std::string, std::string, std::string, bool>;

    Graph graph;
    /// IRI → vertex. An ordered map so that nodes() comes out sorted without a sort.
    std::map<std::string, Vertex> vertex_index;
    /// Key → edge. Ordered for the same reason; its order is the documented edges() order.
    std::map<EdgeKey, Edge> edge_index;
    /// Sorted by id (unique).
    std::vector<ArticleInfo> articles;

    Impl() = default;
    /// Edge descriptors of a bidirectional adjacency_list point at the edge properties of
    /// the graph they came from, so a copied graph needs its edge index rebuilt from its
    /// own edges rather than copied.
    Impl(const Impl& other);
    Impl& operator=(const Impl& other);
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;

    static EdgeKey key_of(const std::string& subject_iri, const RelationEdge& edge,
                          const std::string& object_iri);
    /// The vertex of an IRI; throws std::out_of_range when absent.
    Vertex vertex(const std::string& iri) const;
    void rebuild_edge_index();
};

} // namespace newskg
