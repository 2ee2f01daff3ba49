// Analytics over the Boost graph behind KnowledgeGraph. Betweenness and components run on
// an undirected simple copy (one link per pair of related actors), PageRank on the
// directed multigraph (one link per relation), the chain search on the bidirectional
// graph itself.
#include "newskg/analytics/analytics.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "graph/knowledge_graph_impl.hpp"

namespace newskg {

namespace {

using Impl = KnowledgeGraph::Impl;
using Vertex = Impl::Vertex;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

bool counts(const RelationEdge& e) { return (e.flags & kNegated) == 0; }

/// One undirected link per pair of distinct actors related either way.
Undirected undirected_simple(const Impl::Graph& g) {
    const std::size_t n = boost::num_vertices(g);
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        if (!counts(g[*it])) continue;
        std::size_t s = boost::source(*it, g), t = boost::target(*it, g);
        if (s == t) continue;
        pairs.emplace(std::min(s, t), std::max(s, t));
    }
    Undirected u(n);
    for (const auto& [a, b] : pairs) boost::add_edge(a, b, u);
    return u;
}

/// Power iteration: r' = (1-d)/n + d * (sum over links u→v of r[u]/out(u) + dangling/n),
/// where dangling is the rank of actors without outgoing links, spread evenly.
std::vector<double> page_rank(const Impl::Graph& g, const CentralityOptions& opt) {
    const std::size_t n = boost::num_vertices(g);
    if (n == 0) return {};
    std::vector<std::size_t> out(n, 0);
    std::vector<std::pair<std::size_t, std::size_t>> links;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        if (!counts(g[*it])) continue;
        std::size_t s = boost::source(*it, g), t = boost::target(*it, g);
        if (s == t) continue;
        links.emplace_back(s, t);
        ++out[s];
    }
    const double nd = static_cast<double>(n);
    std::vector<double> rank(n, 1.0 / nd), next(n);
    for (std::size_t iter = 0; iter < opt.max_iterations; ++iter) {
        double dangling = 0.0;
        for (std::size_t v = 0; v < n; ++v)
            if (out[v] == 0) dangling += rank[v];
        const double base = (1.0 - opt.damping) / nd + opt.damping * dangling / nd;
        std::fill(next.begin(), next.end(), base);
        for (const auto& [s, t] : links) next[t] += opt.damping * rank[s] / static_cast<double>(out[s]);
        double change = 0.0;
        for (std::size_t v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
        rank.swap(next);
        if (change < opt.tolerance) break;
    }
    return rank;
}

std::string month_of(const std::optional<DateValue>& d) {
    if (!d || d->month == 0) {
        // A year alone has no month: its own bucket ("2024") rather than none.
        return d ? DateValue{d->year, 0, 0}.iso() : std::string("undated");
    }
    return DateValue{d->year, d->month, 0}.iso();
}

void add_to(BalanceBucket& b, const RelationEdge& e) {
    if (e.quad_class < 1 || e.quad_class > 4) return;
    b.quad_counts[static_cast<std::size_t>(e.quad_class)] += e.mention_count;
    b.goldstein += e.goldstein * static_cast<double>(e.mention_count);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(const std::string& s) {
    std::string r = s;
    for (char& c : r) c = lower(c);
    return r;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

} // namespace

GraphAnalysis analyse_graph(const KnowledgeGraph& graph, const CentralityOptions& options) {
    const Impl& im = graph.impl();
    const Impl::Graph& g = im.graph;
    const std::size_t n = boost::num_vertices(g);
    GraphAnalysis result;

    std::vector<ActorScore> scores(n);
    for (std::size_t v = 0; v < n; ++v) {
        scores[v].iri = g[v].iri;
        scores[v].label = g[v].label;
        scores[v].type = g[v].type;
    }
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const RelationEdge& e = g[*it];
        if (!counts(e)) continue;
        ++result.relations;
        const std::size_t s = boost::source(*it, g), t = boost::target(*it, g);
        ++scores[s].out_degree;
        ++scores[t].in_degree;
        scores[s].mentions += e.mention_count;
        scores[t].mentions += e.mention_count;
    }
    for (auto& s : scores) s.degree = s.in_degree + s.out_degree;

    const Undirected u = undirected_simple(g);
    if (n > 0) {
        std::vector<double> centrality(n, 0.0);
        boost::brandes_betweenness_centrality(
            u, boost::centrality_map(boost::make_iterator_property_map(
                   centrality.begin(), boost::get(boost::vertex_index, u))));
        for (std::size_t v = 0; v < n; ++v) scores[v].betweenness = centrality[v];
    }
    const std::vector<double> ranks = page_rank(g, options);
    for (std::size_t v = 0; v < n; ++v) scores[v].pagerank = ranks[v];

    std::vector<int> component_of(n, 0);
    const int count = n ? boost::connected_components(
                              u, boost::make_iterator_property_map(
                                     component_of.begin(), boost::get(boost::vertex_index, u)))
                        : 0;
    std::vector<Component> comps(static_cast<std::size_t>(count));
    for (std::size_t v = 0; v < n; ++v) comps[static_cast<std::size_t>(component_of[v])].members.push_back(g[v].iri);
    for (auto [it, end] = boost::edges(g); it != end; ++it)
        if (counts(g[*it])) ++comps[static_cast<std::size_t>(component_of[boost::source(*it, g)])].relations;
    for (auto& c : comps) std::sort(c.members.begin(), c.members.end());
    // Boost numbers components by first vertex; renumber largest first so the numbers
    // mean something and do not depend on insertion order.
    std::vector<std::size_t> order(comps.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (comps[a].members.size() != comps[b].members.size())
            return comps[a].members.size() > comps[b].members.size();
        return comps[a].members.front() < comps[b].members.front();
    });
    std::vector<std::size_t> rank_of(comps.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        rank_of[order[i]] = i;
        result.components.push_back(std::move(comps[order[i]]));
    }
    for (std::size_t v = 0; v < n; ++v) scores[v].component = rank_of[static_cast<std::size_t>(component_of[v])];

    std::sort(scores.begin(), scores.end(), [](const ActorScore& a, const ActorScore& b) { return a.iri < b.iri; });
    result.actors = std::move(scores);
    return result;
}

std::optional<Chain> shortest_chain(const KnowledgeGraph& graph, const std::string& from_iri,
                                    const std::string& to_iri) {
    const Impl& im = graph.impl();
    const Impl::Graph& g = im.graph;
    const Vertex from = im.vertex(from_iri);
    const Vertex to = im.vertex(to_iri);
    const std::size_t n = boost::num_vertices(g);

    // Neighbours of v (either direction, negated relations left out), in IRI order.
    auto neighbours = [&](Vertex v) {
        std::vector<Vertex> out;
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
            if (counts(g[*it])) out.push_back(boost::target(*it, g));
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
            if (counts(g[*it])) out.push_back(boost::source(*it, g));
        std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return g[a].iri < g[b].iri; });
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };

    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> parent(n, kNone);
    parent[from] = from;
    std::deque<Vertex> queue{from};
    while (!queue.empty() && parent[to] == kNone) {
        const Vertex v = queue.front();
        queue.pop_front();
        for (Vertex w : neighbours(v)) {
            if (parent[w] != kNone) continue;
            parent[w] = v;
            queue.push_back(w);
        }
    }
    if (parent[to] == kNone) return std::nullopt;

    std::vector<Vertex> path{to};
    while (path.back() != from) path.push_back(parent[path.back()]);
    std::reverse(path.begin(), path.end());

    Chain chain;
    for (Vertex v : path) chain.actors.push_back(g[v].iri);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const Vertex a = path[i], b = path[i + 1];
        ChainStep step{g[a].iri, g[b].iri, {}};
        auto take = [&](const Impl::Edge& e, bool forward) {
            const RelationEdge& r = g[e];
            if (!counts(r)) return;
            ChainRelation c;
            c.subject_iri = g[boost::source(e, g)].iri;
            c.predicate = r.predicate;
            c.object_iri = g[boost::target(e, g)].iri;
            c.forward = forward;
            c.cameo = r.cameo;
            c.quad_class = r.quad_class;
            c.goldstein = r.goldstein;
            c.date = r.date;
            c.last_date = r.last_date;
            c.mention_count = r.mention_count;
            if (!r.evidence.empty()) c.evidence = r.evidence.front();
            step.relations.push_back(std::move(c));
        };
        for (auto [it, end] = boost::out_edges(a, g); it != end; ++it)
            if (boost::target(*it, g) == b) take(*it, true);
        for (auto [it, end] = boost::out_edges(b, g); it != end; ++it)
            if (boost::target(*it, g) == a) take(*it, false);
        std::stable_sort(step.relations.begin(), step.relations.end(),
                         [](const ChainRelation& x, const ChainRelation& y) {
                             if (x.mention_count != y.mention_count) return x.mention_count > y.mention_count;
                             return std::tie(x.subject_iri, x.predicate, x.object_iri, x.cameo) <
                                    std::tie(y.subject_iri, y.predicate, y.object_iri, y.cameo);
                         });
        chain.steps.push_back(std::move(step));
    }
    return chain;
}

std::vector<PairBalance> pair_balances(const KnowledgeGraph& graph) {
    const Impl& im = graph.impl();
    const Impl::Graph& g = im.graph;
    struct Acc {
        std::map<std::pair<bool, DateValue>, BalanceBucket> periods; // (undated, month): undated last
        BalanceBucket total;
    };
    std::map<std::pair<std::string, std::string>, Acc> pairs;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const RelationEdge& e = g[*it];
        if (!counts(e) || e.quad_class < 1 || e.quad_class > 4) continue;
        const std::string& s = g[boost::source(*it, g)].iri;
        const std::string& t = g[boost::target(*it, g)].iri;
        Acc& acc = pairs[{std::min(s, t), std::max(s, t)}];
        const DateValue key = e.date ? DateValue{e.date->year, e.date->month, 0} : DateValue{};
        BalanceBucket& b = acc.periods[{!e.date.has_value(), key}];
        b.period = month_of(e.date);
        add_to(b, e);
        add_to(acc.total, e);
    }
    std::vector<PairBalance> result;
    for (auto& [key, acc] : pairs) {
        PairBalance p;
        p.first_iri = key.first;
        p.second_iri = key.second;
        for (auto& [k, b] : acc.periods) p.periods.push_back(std::move(b));
        p.total = acc.total;
        p.total.period = "all";
        result.push_back(std::move(p));
    }
    std::stable_sort(result.begin(), result.end(), [](const PairBalance& a, const PairBalance& b) {
        return a.total.mentions() > b.total.mentions();
    });
    return result;
}

std::vector<const EntityNode*> find_actors(const KnowledgeGraph& graph, const std::string& name) {
    if (const EntityNode* exact = graph.find(name)) return {exact};
    const std::string wanted = lowered(name);
    std::vector<const EntityNode*> found;
    for (const EntityNode* node : graph.nodes()) {
        bool match = lowered(node->label) == wanted;
        for (const auto& a : node->aliases) match = match || lowered(a) == wanted;
        if (match) found.push_back(node);
    }
    return found;
}

std::vector<std::string> similar_actor_names(const KnowledgeGraph& graph, const std::string& name,
                                             std::size_t limit) {
    const std::string wanted = lowered(name);
    // Lower is better: 0 for a name containing the query (or contained in it), else the
    // edit distance; names further than a third of the query's length are not offered.
    std::map<std::string, std::size_t> best; // label → score
    for (const EntityNode* node : graph.nodes()) {
        std::vector<std::string> names{node->label};
        names.insert(names.end(), node->aliases.begin(), node->aliases.end());
        for (const auto& n : names) {
            const std::string l = lowered(n);
            std::size_t score;
            if (!wanted.empty() && (l.find(wanted) != std::string::npos || wanted.find(l) != std::string::npos))
                score = 0;
            else
                score = edit_distance(l, wanted);
            if (score > std::max<std::size_t>(2, wanted.size() / 3)) continue;
            auto [it, added] = best.emplace(node->label, score);
            if (!added) it->second = std::min(it->second, score);
        }
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [label, score] : best) ranked.emplace_back(score, label);
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (const auto& r : ranked) {
        if (out.size() >= limit) break;
        out.push_back(r.second);
    }
    return out;
}

} // namespace newskg
