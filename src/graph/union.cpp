#include "newskg/graph/union.hpp"

#include <algorithm>

#include "knowledge_graph_impl.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

using Renames = std::map<std::string, std::string>;

const std::string& renamed(const Renames& rename, const std::string& iri) {
    const auto it = rename.find(iri);
    return it == rename.end() ? iri : it->second;
}

/// The articles and nodes of `graph` into `all`, node IRIs renamed; both add()s start so.
void add_articles_and_nodes(KnowledgeGraph& all, const KnowledgeGraph& graph, const Renames& rename) {
    for (const ArticleInfo& a : graph.articles()) all.add_article(a);
    for (const EntityNode* n : graph.nodes()) {
        if (rename.empty()) {
            all.upsert_node(*n);
            continue;
        }
        EntityNode copy = *n;
        copy.iri = renamed(rename, n->iri);
        all.upsert_node(copy);
    }
}

/// The articles and nodes of the union `all` into `g`, each gazetteer actor labelled by
/// the gazetteer when its label is one of the node's names. Decided on the final set of
/// names, so it does not depend on the order either; graph() and take() start so.
void add_articles_and_labelled_nodes(KnowledgeGraph& g, const KnowledgeGraph& all, const Ontology& ontology) {
    for (const ArticleInfo& a : all.articles()) g.add_article(a);
    for (const EntityNode* n : all.nodes()) {
        const GazetteerEntry* gaz = ontology.actor(n->iri);
        if (!gaz || gaz->label == n->label ||
            !std::binary_search(n->aliases.begin(), n->aliases.end(), gaz->label)) {
            g.upsert_node(*n);
            continue;
        }
        EntityNode relabelled = *n;
        relabelled.aliases.push_back(n->label);
        relabelled.label = gaz->label;
        g.upsert_node(relabelled);
    }
}

} // namespace

void GraphUnion::add(const KnowledgeGraph& graph, const Renames& rename) {
    auto name = [&](const std::string& iri) -> const std::string& { return renamed(rename, iri); };
    ++added_;
    add_articles_and_nodes(all_, graph, rename);
    for (const EdgeView& e : graph.edges()) {
        if (rename.empty() || e.relation.speaker_iri.empty()) {
            all_.upsert_edge(name(e.subject.iri), e.relation, name(e.object.iri));
            continue;
        }
        RelationEdge r = e.relation;
        r.speaker_iri = name(r.speaker_iri);
        all_.upsert_edge(name(e.subject.iri), r, name(e.object.iri));
    }
}

void GraphUnion::add(KnowledgeGraph&& graph, const Renames& rename) {
    auto name = [&](const std::string& iri) -> const std::string& { return renamed(rename, iri); };
    ++added_;
    add_articles_and_nodes(all_, graph, rename);
    // The graph is ours to empty (an rvalue): its edges are moved, in edges() order.
    auto& im = const_cast<KnowledgeGraph::Impl&>(graph.impl());
    for (const auto& [key, e] : im.edge_index) {
        RelationEdge& r = im.graph[e];
        if (!rename.empty() && !r.speaker_iri.empty()) r.speaker_iri = name(r.speaker_iri);
        all_.upsert_edge(name(im.graph[boost::source(e, im.graph)].iri), std::move(r),
                         name(im.graph[boost::target(e, im.graph)].iri));
    }
    graph = KnowledgeGraph();
}

KnowledgeGraph GraphUnion::take() {
    KnowledgeGraph g;
    if (!ontology_) {
        g = std::move(all_);
    } else {
        // As graph() builds it (nodes in IRI order, then the edges in edges() order),
        // moving each edge instead of copying it.
        add_articles_and_labelled_nodes(g, all_, *ontology_);
        auto& im = const_cast<KnowledgeGraph::Impl&>(all_.impl()); // ours, emptied below
        for (const auto& [key, e] : im.edge_index)
            g.upsert_edge(im.graph[boost::source(e, im.graph)].iri, std::move(im.graph[e]),
                          im.graph[boost::target(e, im.graph)].iri);
    }
    all_ = KnowledgeGraph();
    added_ = 0;
    return g;
}

KnowledgeGraph GraphUnion::graph() const {
    if (!ontology_) return all_;
    KnowledgeGraph g;
    add_articles_and_labelled_nodes(g, all_, *ontology_);
    for (const EdgeView& e : all_.edges()) g.upsert_edge(e.subject.iri, e.relation, e.object.iri);
    return g;
}

} // namespace newskg
