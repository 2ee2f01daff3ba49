#pragma once
/// Analytics on the knowledge graph (Boost.Graph underneath): actor rankings by degree,
/// betweenness and PageRank, weakly connected components, the shortest chain of relations
/// between two actors, and the balance of cooperation and conflict per pair of actors
/// over time. Results are plain values; actors are named by IRI.
///
/// Which edges count: every relation except negated ones ("did not attack" is no link;
/// they are only in the graph with --keep-negated). Self-relations (an actor to itself)
/// count for degree only.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

struct CentralityOptions {
    /// PageRank damping factor: the probability of following a relation rather than
    /// jumping to a random actor.
    double damping = 0.85;
    /// PageRank stops when the L1 change of the rank vector in one iteration is below this.
    double tolerance = 1e-10;
    std::size_t max_iterations = 1000;
};

/// One actor's place in the graph.
struct ActorScore {
    std::string iri;
    std::string label;
    ActorType type = ActorType::Actor;
    std::size_t in_degree = 0;  ///< relations of which it is the object
    std::size_t out_degree = 0; ///< relations of which it is the subject
    std::size_t degree = 0;     ///< in + out (a self-relation counts twice)
    /// in + out weighted by mentions: each relation counts as often as it was reported.
    std::size_t mentions = 0;
    /// Brandes betweenness on the undirected simple graph (actors linked by at least one
    /// relation either way): the sum over unordered pairs {s, t} of the share of shortest
    /// s–t paths passing through this actor. The middle of a chain a–b–c scores 1.
    double betweenness = 0.0;
    /// PageRank on the directed graph (subject → object, one link per relation), so rank
    /// flows to the actors that are acted upon. Actors without outgoing relations spread
    /// their rank evenly over all actors; ranks sum to 1.
    double pagerank = 0.0;
    std::size_t component = 0; ///< index into connected_components()
};

/// One weakly connected component (relations taken in either direction).
struct Component {
    std::vector<std::string> members; ///< IRIs, sorted
    std::size_t relations = 0;        ///< edges between its members
};

struct GraphAnalysis {
    /// Sorted by IRI.
    std::vector<ActorScore> actors;
    /// Largest first (then by first member's IRI); ActorScore::component indexes this.
    std::vector<Component> components;
    std::size_t relations = 0; ///< relations counted (negated ones left out)
};

/// Degree, betweenness, PageRank and components of every actor.
GraphAnalysis analyse_graph(const KnowledgeGraph& graph, const CentralityOptions& options = {});

/// One relation along a chain.
struct ChainRelation {
    std::string subject_iri;
    std::string predicate;
    std::string object_iri;
    /// True when the relation points along the chain (from the earlier actor to the
    /// later one), false when it points back.
    bool forward = true;
    std::string cameo;
    int quad_class = 0;
    double goldstein = 0.0;
    std::optional<DateValue> date;
    std::optional<DateValue> last_date;
    std::size_t mention_count = 1;
    std::optional<Evidence> evidence; ///< the first evidence item, when there is one
};

/// One step of a chain: from one actor to the next, with every relation between them.
struct ChainStep {
    std::string from_iri;
    std::string to_iri;
    /// Most mentioned first (then in KnowledgeGraph::edges() order); never empty.
    std::vector<ChainRelation> relations;
};

struct Chain {
    std::vector<std::string> actors; ///< IRIs from the start to the end
    std::vector<ChainStep> steps;    ///< actors.size() - 1 steps
};

/// The shortest chain of relations (in either direction) from one actor to another: a
/// breadth-first search over actors, neighbours visited in IRI order so that the chain
/// is the same on every run. nullopt when they are not connected.
/// throws std::out_of_range when an IRI is not a node.
std::optional<Chain> shortest_chain(const KnowledgeGraph& graph, const std::string& from_iri,
                                    const std::string& to_iri);

/// Cooperation and conflict in one period between two actors.
struct BalanceBucket {
    std::string period; ///< "YYYY-MM", or "undated"
    /// Mentions per QuadClass: [1] verbal cooperation, [2] material cooperation,
    /// [3] verbal conflict, [4] material conflict; [0] is unused.
    std::array<std::size_t, 5> quad_counts{};
    /// Sum of Goldstein values, each relation counted once per mention.
    double goldstein = 0.0;
    std::size_t mentions() const noexcept {
        return quad_counts[1] + quad_counts[2] + quad_counts[3] + quad_counts[4];
    }
};

/// Events between two actors, in both directions. Standing relations (partOf …) carry
/// no QuadClass and are left out.
struct PairBalance {
    std::string first_iri;  ///< the smaller IRI of the pair
    std::string second_iri; ///< the larger
    /// By the month of each relation's (earliest) date, in date order, "undated" last.
    std::vector<BalanceBucket> periods;
    BalanceBucket total; ///< period "all"
};

/// Every pair of actors with at least one event between them, most mentions first (then
/// by IRIs).
std::vector<PairBalance> pair_balances(const KnowledgeGraph& graph);

/// The actors a user's name may mean: an exact IRI, else every actor whose label or
/// alias equals `name` ignoring case (ASCII letters). Sorted by IRI.
std::vector<const EntityNode*> find_actors(const KnowledgeGraph& graph, const std::string& name);

/// Up to `limit` actor labels close to `name` (labels or aliases that contain it, or
/// within a small edit distance), best first, for "did you mean" messages.
std::vector<std::string> similar_actor_names(const KnowledgeGraph& graph, const std::string& name,
                                             std::size_t limit = 5);

} // namespace newskg
