// GraphUnion: the union of graphs by IRI as a join of a semilattice. Every rule below
// picks from the set of values seen by a fixed total order (smallest, largest, "specific
// before generic") or unites sets, never "the first one seen": so the result does not
// depend on the order or grouping of the inputs, and adding a graph twice changes
// nothing. KnowledgeGraph::upsert_* keep "the first label seen", which is right for
// one run over inputs in a fixed order but not for merging files in any order.
#include <algorithm>
#include <iterator>
#include <tuple>

#include "core/sorted_merge.hpp"
#include "newskg/actors/actors.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

std::string last_segment(const std::string& iri) {
    const std::size_t slash = iri.find_last_of("/#");
    return slash == std::string::npos ? iri : iri.substr(slash + 1);
}

/// Whether `label` is the name `iri` was minted from (mint_iri: type slug / name slug).
bool minted_from(const std::string& iri, ActorType type, const std::string& label) {
    return last_segment(mint_iri(std::string(kDefaultBaseIri), type, name_key(label))) == last_segment(iri);
}

/// Is label a better than label b for the node `iri`? A total order, so the best of a
/// set does not depend on the order it is looked at in.
bool better_label(const std::string& a, const std::string& b, const std::string& iri, ActorType type,
                  const GazetteerEntry* gaz) {
    auto rank = [&](const std::string& s) {
        return std::make_tuple(gaz && gaz->label == s, minted_from(iri, type, s), s.size());
    };
    const auto ra = rank(a), rb = rank(b);
    if (ra != rb) return ra > rb;
    return a < b;
}

EntityNode join_nodes(const std::string& iri, const std::vector<EntityNode>& versions,
                      const Ontology* ontology) {
    EntityNode n;
    n.iri = iri;
    for (const auto& v : versions)
        if (v.type != ActorType::Actor && (n.type == ActorType::Actor || v.type < n.type)) n.type = v.type;
    const GazetteerEntry* gaz = ontology ? ontology->actor(iri) : nullptr;
    std::vector<std::string> names;
    for (const auto& v : versions) {
        if (!v.label.empty()) {
            if (n.label.empty() || better_label(v.label, n.label, iri, n.type, gaz)) n.label = v.label;
            names.push_back(v.label);
        }
        names.insert(names.end(), v.aliases.begin(), v.aliases.end());
        if (!v.country_code.empty() && (n.country_code.empty() || v.country_code < n.country_code))
            n.country_code = v.country_code;
        n.articles.insert(n.articles.end(), v.articles.begin(), v.articles.end());
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (auto& name : names)
        if (name != n.label && !name.empty()) n.aliases.push_back(name);
    std::sort(n.articles.begin(), n.articles.end());
    n.articles.erase(std::unique(n.articles.begin(), n.articles.end()), n.articles.end());
    return n;
}

constexpr unsigned kAllFlags = kHedged | kReported | kConditional | kAlleged;

bool evidence_before(const Evidence& a, const Evidence& b) {
    return std::tie(a.document, a.sentence, a.span.begin, a.span.end, a.text) <
           std::tie(b.document, b.sentence, b.span.begin, b.span.end, b.text);
}

/// Joins `from` into `into` (same key). Commutative, associative and idempotent.
void join_edge(RelationEdge& into, const RelationEdge& from) {
    // `into` is already sorted and unique (an edge joins itself first), so the new
    // evidence is merged in rather than everything re-sorted. One item per article and
    // sentence (KnowledgeGraph's rule), the smallest kept.
    detail::merge_sorted(into.evidence, from.evidence, evidence_before,
                         [](const Evidence& a, const Evidence& b) {
                             return a.document == b.document && a.sentence == b.sentence;
                         });
    into.mention_count = into.evidence.empty() ? std::max(into.mention_count, from.mention_count)
                                               : into.evidence.size();
    auto lo = [](const std::optional<DateValue>& a, const std::optional<DateValue>& b) {
        return !a ? b : !b ? a : (*b < *a ? b : a);
    };
    auto hi = [](const std::optional<DateValue>& a, const std::optional<DateValue>& b) {
        return !a ? b : !b ? a : (*a < *b ? b : a);
    };
    into.date = lo(lo(into.date, from.date), lo(into.last_date, from.last_date));
    into.last_date = hi(hi(into.last_date, from.last_date), hi(into.date, from.date));
    if (from.confidence > into.confidence ||
        (from.confidence == into.confidence && !from.rule.empty() && (into.rule.empty() || from.rule < into.rule))) {
        into.confidence = from.confidence;
        into.rule = from.rule;
    }
    if (from.quad_class > into.quad_class) {
        into.quad_class = from.quad_class;
        into.goldstein = from.goldstein;
    } else if (from.quad_class == into.quad_class) {
        into.goldstein = std::min(into.goldstein, from.goldstein);
    }
    const unsigned any = into.flags | from.flags;
    const unsigned all = into.flags & from.flags;
    const unsigned merged = (any & ~kAllFlags) | (all & kAllFlags);
    if ((any & kReported) && !(merged & kReported)) {
        // Someone also stated it outright: it is no longer only a speaker's claim.
        into.speaker_iri.clear();
    } else if (!from.speaker_iri.empty() && (into.speaker_iri.empty() || from.speaker_iri < into.speaker_iri)) {
        into.speaker_iri = from.speaker_iri;
    }
    into.flags = merged;
}

void join_article(ArticleInfo& into, const ArticleInfo& from) {
    auto pick = [](std::string& a, const std::string& b) {
        if (!b.empty() && (a.empty() || b < a)) a = b;
    };
    pick(into.iri, from.iri);
    pick(into.title, from.title);
    pick(into.outlet, from.outlet);
    pick(into.url, from.url);
    pick(into.source_path, from.source_path);
    if (from.published && (!into.published || *from.published < *into.published)) into.published = from.published;
    if (!from.agencies.empty() && (into.agencies.empty() || from.agencies < into.agencies))
        into.agencies = from.agencies;
    if (!from.authors.empty() && (into.authors.empty() || from.authors < into.authors))
        into.authors = from.authors;
}

} // namespace

void GraphUnion::add(const KnowledgeGraph& graph, const std::map<std::string, std::string>& rename) {
    auto name = [&](const std::string& iri) -> const std::string& {
        const auto it = rename.find(iri);
        return it == rename.end() ? iri : it->second;
    };
    for (const ArticleInfo& a : graph.articles()) {
        auto [it, fresh] = articles_.emplace(a.id, a);
        if (!fresh) join_article(it->second, a);
    }
    for (const EntityNode* n : graph.nodes()) {
        EntityNode copy = *n;
        copy.iri = name(n->iri);
        nodes_[copy.iri].push_back(std::move(copy));
    }
    for (const EdgeView& e : graph.edges()) {
        RelationEdge r = e.relation;
        if (!r.speaker_iri.empty()) r.speaker_iri = name(r.speaker_iri);
        EdgeKey key{name(e.subject.iri), r.predicate, name(e.object.iri), r.cameo, (r.flags & kNegated) != 0};
        auto it = edges_.find(key);
        if (it == edges_.end()) {
            // Joined with itself so that a lone edge is in the same normal form (evidence
            // sorted and unique) as a joined one.
            std::sort(r.evidence.begin(), r.evidence.end(), evidence_before);
            RelationEdge self = r;
            join_edge(r, self);
            edges_.emplace(std::move(key), std::move(r));
        } else {
            join_edge(it->second, r);
        }
    }
}

KnowledgeGraph GraphUnion::graph() const {
    KnowledgeGraph g;
    for (const auto& [id, a] : articles_) g.add_article(a);
    for (const auto& [iri, versions] : nodes_) g.upsert_node(join_nodes(iri, versions, ontology_));
    for (const auto& [key, r] : edges_) g.upsert_edge(std::get<0>(key), r, std::get<2>(key));
    return g;
}

} // namespace newskg
