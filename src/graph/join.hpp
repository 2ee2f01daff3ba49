#pragma once
// The one set of rules by which two versions of a node, an edge or an article become
// one: used by KnowledgeGraph::upsert_* / add_article and so by GraphUnion, the reader of
// exported graphs and everything else that combines graphs. Each rule picks from the
// values seen by a fixed total order or unites sets, never "the first one seen": the
// result does not depend on the order or grouping of the versions, and joining a
// version twice changes nothing (commutative, associative, idempotent).
#include "newskg/graph/knowledge_graph.hpp"

namespace newskg::detail {

/// Whether label `a` names the node `iri` better than `b`: the name the IRI was minted
/// from, then the longer, then the smaller. A total order.
bool better_label(const std::string& a, const std::string& b, const std::string& iri);

/// Puts a node in normal form: aliases and articles sorted and unique, no empty ones,
/// the label not among the aliases.
void normalise(EntityNode& n);
/// Joins `from` into `into` (same IRI): the better label (better_label), every other
/// name an alias, a specific type over Actor (the smaller of two specific ones), the
/// smaller non-empty country code, articles united.
void join(EntityNode& into, const EntityNode& from);

/// Puts an edge in normal form: evidence sorted, one item per (article, sentence) (the
/// smallest), mention_count the evidence's size when there is any (else at least 1),
/// date ≤ last_date.
void normalise(RelationEdge& e);
/// Joins `from` into `into` (same key, see KnowledgeGraph::edge_key): evidence united,
/// the earliest date and latest last date, the highest confidence with its rule (the
/// smaller rule on a tie), the higher QuadClass with its Goldstein value (the smaller
/// on a tie), hedged/reported/conditional/alleged only when both are, the speaker only
/// while reported (the smaller IRI), without evidence the larger count.
void join(RelationEdge& into, const RelationEdge& from);
/// The same, taking `from`'s evidence rather than copying it.
void join(RelationEdge& into, RelationEdge&& from);

/// Joins `from` into `into` (same id): field by field, the smaller non-empty value.
void join(ArticleInfo& into, const ArticleInfo& from);

} // namespace newskg::detail
