#pragma once
/// The knowledge graph: actors as nodes, relations as edges, held in a Boost.Graph
/// adjacency_list behind this domain type. Vertex and edge descriptors never leak out:
/// callers address nodes by IRI and read values (EntityNode, RelationEdge).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newskg/core/model.hpp"

namespace newskg {

/// Provenance of one article in the graph.
struct ArticleInfo {
    std::string id;  ///< Document::id
    std::string iri; ///< minted from the base IRI and the id
    std::string title;
    std::optional<DateValue> published;
    std::string outlet;
    std::vector<std::string> agencies;
    std::vector<std::string> authors; ///< bylined people, in page order
    std::string url;
    std::string source_path;
};

/// Bundled vertex property: one actor.
struct EntityNode {
    std::string iri;
    std::string label;
    ActorType type = ActorType::Actor;
    std::vector<std::string> aliases; ///< sorted, unique, label excluded
    std::string country_code;
    std::vector<std::string> articles; ///< ids of the articles that mention it, sorted
};

/// Bundled edge property: one relation between two actors (subject → object), with all
/// the evidence for it. The same subject–predicate–object, CAMEO code and negation is
/// one edge (a denial never merges with the claim). How two versions of an edge, a node
/// or an article become one is the same everywhere (upsert_*, add_article, GraphUnion)
/// and does not depend on the order they come in:
///   - evidence: united, one item per (document, sentence), sorted;
///   - mention_count: the number of evidence items (edges without evidence: the largest);
///   - date: the earliest, last_date: the latest of the mentions' dates;
///   - confidence: the highest, with the rule that gave it (the smaller rule on a tie);
///   - flags: kHeadline when any mention has it; kHedged, kReported, kConditional and
///     kAlleged only when every mention has them (one plain statement outweighs hedged
///     ones), and speaker_iri (the smaller when two differ) is cleared when kReported is
///     dropped that way.
struct RelationEdge {
    std::string predicate;   ///< ontology local name
    std::string cameo;       ///< empty for standing relations
    int quad_class = 0;
    double goldstein = 0.0;
    std::vector<Evidence> evidence;
    std::optional<DateValue> date; ///< earliest date of the mentions
    std::optional<DateValue> last_date;
    std::string rule;
    double confidence = 1.0;   ///< highest confidence over the mentions (add() keeps 3 decimals)
    std::string speaker_iri;   ///< who said it, when reported
    unsigned flags = 0;
    std::size_t mention_count = 1;
    bool is_event() const noexcept { return !cameo.empty(); }
};

/// RelationFlag bits and the names every export writes and every reader reads, in bit
/// order (the order exports list them).
inline constexpr std::pair<unsigned, std::string_view> kFlagNames[] = {
    {kNegated, "negated"},         {kHedged, "hedged"},     {kReported, "reported"},
    {kConditional, "conditional"}, {kHeadline, "headline"}, {kAlleged, "alleged"},
};
/// The bit of the flag called `name`; 0 when there is none.
inline unsigned flag_named(std::string_view name) noexcept {
    for (const auto& [bit, n] : kFlagNames)
        if (n == name) return bit;
    return 0;
}

/// A read-only view of one edge with its ends.
struct EdgeView {
    const EntityNode& subject;
    const RelationEdge& relation;
    const EntityNode& object;
};

class KnowledgeGraph {
  public:
    KnowledgeGraph();
    ~KnowledgeGraph();
    KnowledgeGraph(KnowledgeGraph&&) noexcept;
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
    KnowledgeGraph(const KnowledgeGraph&);
    KnowledgeGraph& operator=(const KnowledgeGraph&);

    /// Adds an extraction: its article, its entities (by IRI: an IRI already present is the
    /// same node, its aliases are merged) and its relations (same subject IRI, predicate,
    /// object IRI and CAMEO code → one edge, evidence appended). `base_iri` mints the
    /// article IRI. throws std::invalid_argument when a relation names an entity id the
    /// extraction does not have.
    void add(const Extraction& extraction, const std::string& base_iri);
    /// The same, consuming `extraction`: the relations' evidence is moved into the graph
    /// (on a large article it is most of the graph's memory) and the document's text,
    /// tokens, words, mentions and relations are released before the graph is built.
    void add(Extraction&& extraction, const std::string& base_iri);

    /// Gets the node with this IRI, creating it from `node` when absent, else joining
    /// `node` into it: the better label (the name the IRI was minted from, then the
    /// longer, then the smaller; GraphUnion prefers the gazetteer's), every other name an
    /// alias, a specific type over Actor, the smaller country code, articles united.
    /// Returns the node. throws std::invalid_argument when node.iri is empty.
    const EntityNode& upsert_node(const EntityNode& node);
    /// Adds a relation between two existing IRIs (joined with an equal edge, see
    /// RelationEdge). throws std::out_of_range when an end is not a node.
    void upsert_edge(const std::string& subject_iri, const RelationEdge& edge,
                     const std::string& object_iri);
    /// The same, taking `edge` (its evidence) instead of copying it.
    void upsert_edge(const std::string& subject_iri, RelationEdge&& edge, const std::string& object_iri);

    std::size_t node_count() const;
    std::size_t edge_count() const;
    const EntityNode* find(const std::string& iri) const;

    /// Nodes in a deterministic order (by IRI).
    std::vector<const EntityNode*> nodes() const;
    /// Edges in a deterministic order (subject IRI, predicate, object IRI, CAMEO, then
    /// the plain edge before its negation).
    std::vector<EdgeView> edges() const;
    const std::vector<ArticleInfo>& articles() const;
    /// Adds an article; one with the same id is joined field by field (the smaller
    /// non-empty value), so re-adding it in any order gives the same result.
    void add_article(const ArticleInfo& article);

    /// For algorithms that need the Boost graph (analytics, write_graphviz): the
    /// implementation type is private to src/graph.
    struct Impl;
    const Impl& impl() const {
        // A moved-from graph has no Impl and reads as the empty graph.
        if (impl_) return *impl_;
        return empty_impl();
    }

  private:
    static const Impl& empty_impl();
    /// The Impl to write to, re-created when this graph was moved from.
    Impl& mutable_impl();
    std::unique_ptr<Impl> impl_;
};

/// Mints the IRI of an article from the base IRI and its id: base + "article/" + the
/// percent-encoded id (RFC 3986 unreserved characters kept). An empty base means
/// kDefaultBaseIri; a base not ending in '/' or '#' gets a '/'.
std::string article_iri(const std::string& base_iri, const std::string& article_id);

} // namespace newskg
