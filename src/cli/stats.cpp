// newskg stats: actor rankings (degree, betweenness, PageRank), components and the
// balance of cooperation and conflict per pair of actors, as a table or JSON.
#include <algorithm>
#include <functional>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "graph_inputs.hpp"
#include "newskg/analytics/analytics.hpp"
#include "newskg/core/error.hpp"

#include <nlohmann/json.hpp>

namespace newskg::cli {

namespace {

struct Ranking {
    const char* key;
    const char* title;
    std::function<bool(const ActorScore&, const ActorScore&)> before;
};

const std::vector<Ranking>& rankings() {
    static const std::vector<Ranking> r{
        {"degree", "Actors by degree",
         [](const ActorScore& a, const ActorScore& b) {
             if (a.degree != b.degree) return a.degree > b.degree;
             return a.mentions > b.mentions;
         }},
        {"betweenness", "Actors by betweenness",
         [](const ActorScore& a, const ActorScore& b) { return a.betweenness > b.betweenness; }},
        {"pagerank", "Actors by PageRank",
         [](const ActorScore& a, const ActorScore& b) { return a.pagerank > b.pagerank; }},
    };
    return r;
}

/// The first `top` actors in this ranking (ties in IRI order: actors come sorted by IRI
/// and the sort is stable).
std::vector<const ActorScore*> ranked(const GraphAnalysis& a, const Ranking& r, std::size_t top) {
    std::vector<const ActorScore*> v;
    for (const auto& s : a.actors) v.push_back(&s);
    std::stable_sort(v.begin(), v.end(), [&](const ActorScore* x, const ActorScore* y) { return r.before(*x, *y); });
    if (top && v.size() > top) v.resize(top);
    return v;
}

std::string label_of(const KnowledgeGraph& g, const std::string& iri) {
    const EntityNode* n = g.find(iri);
    return n && !n->label.empty() ? n->label : iri;
}

nlohmann::json actor_json(const KnowledgeGraph& g, const std::string& iri) {
    const EntityNode* n = g.find(iri);
    return {{"iri", iri}, {"label", label_of(g, iri)}, {"type", n ? std::string(to_string(n->type)) : "Actor"}};
}

nlohmann::json bucket_json(const BalanceBucket& b) {
    return {{"period", b.period},
            {"verbal_cooperation", b.quad_counts[1]},
            {"material_cooperation", b.quad_counts[2]},
            {"verbal_conflict", b.quad_counts[3]},
            {"material_conflict", b.quad_counts[4]},
            {"mentions", b.mentions()},
            {"goldstein", b.goldstein}};
}

std::string to_json_text(const KnowledgeGraph& g, const GraphAnalysis& a,
                         const std::vector<PairBalance>* pairs, std::size_t top) {
    nlohmann::json out;
    out["actors"] = a.actors.size();
    out["relations"] = a.relations;
    nlohmann::json ranks = nlohmann::json::object();
    for (const auto& r : rankings()) {
        nlohmann::json list = nlohmann::json::array();
        std::size_t rank = 0;
        for (const ActorScore* s : ranked(a, r, top)) {
            list.push_back({{"rank", ++rank},
                            {"iri", s->iri},
                            {"label", s->label},
                            {"type", std::string(to_string(s->type))},
                            {"in_degree", s->in_degree},
                            {"out_degree", s->out_degree},
                            {"degree", s->degree},
                            {"mentions", s->mentions},
                            {"betweenness", s->betweenness},
                            {"pagerank", s->pagerank},
                            {"component", s->component + 1}});
        }
        ranks[r.key] = list;
    }
    out["rankings"] = ranks;
    nlohmann::json comps = nlohmann::json::array();
    for (std::size_t i = 0; i < a.components.size() && (!top || i < top); ++i) {
        nlohmann::json members = nlohmann::json::array();
        for (const auto& iri : a.components[i].members) members.push_back(actor_json(g, iri));
        comps.push_back({{"component", i + 1},
                         {"size", a.components[i].members.size()},
                         {"relations", a.components[i].relations},
                         {"members", members}});
    }
    out["component_count"] = a.components.size();
    out["components"] = comps;
    if (pairs) {
        nlohmann::json list = nlohmann::json::array();
        for (std::size_t i = 0; i < pairs->size() && (!top || i < top); ++i) {
            const PairBalance& p = (*pairs)[i];
            nlohmann::json periods = nlohmann::json::array();
            for (const auto& b : p.periods) periods.push_back(bucket_json(b));
            list.push_back({{"first", actor_json(g, p.first_iri)},
                            {"second", actor_json(g, p.second_iri)},
                            {"total", bucket_json(p.total)},
                            {"periods", periods}});
        }
        out["pair_count"] = pairs->size();
        out["pairs"] = list;
    }
    return out.dump(2) + "\n";
}

std::string to_table(const KnowledgeGraph& g, const GraphAnalysis& a,
                     const std::vector<PairBalance>* pairs, std::size_t top) {
    std::ostringstream out;
    const std::size_t largest = a.components.empty() ? 0 : a.components.front().members.size();
    out << "Graph: " << a.actors.size() << " actors, " << a.relations << " relations, "
        << a.components.size() << " components (largest: " << largest << " actors)\n";
    const std::string limit = top ? " (top " + std::to_string(top) + ")" : std::string();

    for (const auto& r : rankings()) {
        out << "\n" << r.title << limit << "\n";
        out << right("#", 3) << "  " << fit("actor", 30) << "  " << fit("type", 12) << right("in", 5)
            << right("out", 5) << right("degree", 8) << right("mentions", 10) << right("betweenness", 13)
            << right("pagerank", 10) << right("comp", 6) << "\n";
        std::size_t rank = 0;
        for (const ActorScore* s : ranked(a, r, top)) {
            out << right(std::to_string(++rank), 3) << "  " << fit(s->label, 30) << "  "
                << fit(std::string(to_string(s->type)), 12) << right(std::to_string(s->in_degree), 5)
                << right(std::to_string(s->out_degree), 5) << right(std::to_string(s->degree), 8)
                << right(std::to_string(s->mentions), 10) << right(fixed(s->betweenness, 2), 13)
                << right(fixed(s->pagerank, 4), 10) << right(std::to_string(s->component + 1), 6) << "\n";
        }
    }

    out << "\nComponents" << limit << "\n";
    out << right("#", 4) << right("actors", 8) << right("relations", 11) << "  members\n";
    for (std::size_t i = 0; i < a.components.size() && (!top || i < top); ++i) {
        const Component& c = a.components[i];
        std::string members;
        const std::size_t shown = std::min<std::size_t>(c.members.size(), 6);
        for (std::size_t m = 0; m < shown; ++m) members += (m ? ", " : "") + label_of(g, c.members[m]);
        if (c.members.size() > shown) members += ", … (+" + std::to_string(c.members.size() - shown) + ")";
        out << right(std::to_string(i + 1), 4) << right(std::to_string(c.members.size()), 8)
            << right(std::to_string(c.relations), 11) << "  " << members << "\n";
    }

    if (pairs) {
        out << "\nCooperation and conflict by pair" << limit
            << " (event mentions per QuadClass; Goldstein sum: > 0 cooperation, < 0 conflict)\n";
        out << fit("pair", 44) << "  " << fit("period", 8) << right("v.coop", 8) << right("m.coop", 8)
            << right("v.confl", 9) << right("m.confl", 9) << right("goldstein", 11) << "\n";
        for (std::size_t i = 0; i < pairs->size() && (!top || i < top); ++i) {
            const PairBalance& p = (*pairs)[i];
            const std::string name = label_of(g, p.first_iri) + " — " + label_of(g, p.second_iri);
            auto row = [&](const std::string& first, const BalanceBucket& b) {
                out << fit(first, 44) << "  " << fit(b.period, 8) << right(std::to_string(b.quad_counts[1]), 8)
                    << right(std::to_string(b.quad_counts[2]), 8) << right(std::to_string(b.quad_counts[3]), 9)
                    << right(std::to_string(b.quad_counts[4]), 9) << right(fixed(b.goldstein, 1), 11) << "\n";
            };
            if (p.periods.size() == 1) {
                row(name, p.periods.front()); // the total is that period
                continue;
            }
            row(name, p.total);
            for (const auto& b : p.periods) row("", b);
        }
        if (pairs->empty()) out << "(no events between actors)\n";
    }
    return out.str();
}

int run_stats(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no graph or article files given");
    const std::string format = *args.value("--format");
    const std::size_t top = *args.number("--top");

    const GraphInputs in = load_graph_inputs(args.positionals(), args);
    const GraphAnalysis analysis = analyse_graph(in.graph);
    std::vector<PairBalance> pairs;
    if (args.flag("--pairs")) pairs = pair_balances(in.graph);
    const std::vector<PairBalance>* shown = args.flag("--pairs") ? &pairs : nullptr;
    write_file_atomically("-", format == "json" ? to_json_text(in.graph, analysis, shown, top)
                                                : to_table(in.graph, analysis, shown, top));
    return 0;
}

} // namespace

Command stats_command() {
    using K = OptionKind;
    CommandSpec spec{
        "stats",
        "rank actors (degree, betweenness, PageRank), components, pair balances",
        "newskg stats [OPTIONS] GRAPH_OR_ARTICLE...",
        R"(Ranks the actors of a knowledge graph and summarises its shape:
  degree        relations in and out (and mentions: each relation as often as reported)
  betweenness   Brandes betweenness on the undirected graph: how many shortest paths
                between other actors pass through this one (brokers score high)
  PageRank      on the directed graph (subject -> object, damping 0.85): actors that
                are acted upon by actors that are acted upon score high
  components    groups of actors linked by relations in either direction
  pairs         with --pairs: per pair of actors, the events between them by QuadClass
                (verbal/material cooperation, verbal/material conflict), the sum of
                their Goldstein values (cooperation > 0 > conflict), by month
Negated relations (kept with extract --keep-negated) are not counted.
)",
        {{"Options",
          "",
          {{"--format", K::Choice, "", "table for reading, json for programs", "table", {"table", "json"}},
           {"--top", K::Number, "N", "show the N first actors, components and pairs; 0 shows all", "10", {}},
           {"--pairs", K::Flag, "", "also show the pair balances", "", {}}}},
         graph_input_section()},
        "",
        {}};
    return {spec, run_stats};
}

} // namespace newskg::cli
