// Layout time of generated merged-news graphs through newskg's own libgvc path
// (to_dot → render_dot), per engine and label style: the figures behind image.hpp's
// choice of engine by size (bench/RESULTS.md, "Pictures"). Hidden: run with
//   build/tests/newskg_tests "[.picture-bench]"
// It prints a table and asserts only that every drawing is a valid SVG.
#include <catch2/catch.hpp>

#include <ctime>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "graph/graph_fixtures.hpp"
#include "newskg/export/dot.hpp"
#include "newskg/export/image.hpp"
#include "newskg/ontology/ontology.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::testing;

namespace {

/// A graph shaped like many merged articles: `nodes` actors of every type, two relations
/// per actor on average, drawn to a few hubs (countries and governments get most), mixed
/// QuadClasses and standing relations, dated. Deterministic (a fixed LCG).
KnowledgeGraph news_like(std::size_t nodes) {
    static const ActorType types[] = {ActorType::Country,      ActorType::Government, ActorType::Military,
                                      ActorType::ArmedGroup,   ActorType::Organization, ActorType::Person,
                                      ActorType::Person,       ActorType::Organization};
    static const char* predicates[][3] = {{"met", "040", "1"},        {"accused", "112", "3"},
                                          {"attacked", "190", "4"},   {"signedAgreement", "057", "1"},
                                          {"providedAid", "070", "2"}, {"threatened", "130", "3"}};
    std::uint64_t state = 42;
    const auto next = [&](std::uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % bound;
    };
    KnowledgeGraph g;
    std::vector<std::string> iris;
    for (std::size_t i = 0; i < nodes; ++i) {
        iris.push_back("https://ex.org/actor/" + std::to_string(100000 + i));
        g.upsert_node(node(iris.back(), "Actor number " + std::to_string(i), types[i % 8]));
    }
    for (std::size_t k = 0; k < 2 * nodes; ++k) {
        // Half the relations touch one of the first tenth of the actors (the hubs).
        const std::size_t s = k % 2 ? next(nodes) : next(nodes / 10 + 1);
        std::size_t o = next(nodes);
        if (o == s) o = (o + 1) % nodes;
        if (k % 7 == 0) {
            g.upsert_edge(iris[s], standing("partOf", {evidence("d", k, "s")}), iris[o]);
            continue;
        }
        const auto& p = predicates[next(6)];
        g.upsert_edge(iris[s],
                      event(p[0], p[1], p[2][0] - '0', -2.0, {evidence("d", k, "s")},
                            day(2023, 1 + static_cast<int>(next(12)), 1 + static_cast<int>(next(28)))),
                      iris[o]);
    }
    return g;
}

/// CPU seconds of this process since `start` (std::clock): layouts run on one thread,
/// and CPU time does not count the waits of a machine shared with other jobs.
double cpu_seconds_since(std::clock_t start) {
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

} // namespace

TEST_CASE("picture layout time by engine and label style", "[.picture-bench]") {
    const Ontology onto = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    struct Style {
        const char* name;
        const char* engine;
        bool labels;
        std::size_t max_nodes; // larger graphs are skipped: dot took over 150 s on 500, neato 53 s on 200
    };
    const Style styles[] = {
        {"dot, edge text", "dot", true, 200},    {"dot, no labels", "dot", false, 200},
        {"sfdp, no labels", "sfdp", false, 500}, {"sfdp, edge text", "sfdp", true, 500},
        {"neato, no labels", "neato", false, 100},
    };
    std::printf("| actors | edges drawn | layout | CPU seconds | SVG KB |\n|---|---|---|---|---|\n");
    for (std::size_t nodes : {50, 100, 200, 500}) {
        const KnowledgeGraph g = news_like(nodes);
        for (const Style& s : styles) {
            if (nodes > s.max_nodes) continue;
            DotOptions options;
            options.edge_labels = s.labels;
            const std::string dot = to_dot(g, &onto, options);
            const std::clock_t start = std::clock();
            const std::string svg = render_dot(dot, ImageFormat::Svg, s.engine);
            const double took = cpu_seconds_since(start);
            CHECK(svg.find("<svg") != std::string::npos);
            std::printf("| %zu | %zu | %s | %.2f | %zu |\n", nodes, g.edge_count(), s.name, took, svg.size() / 1024);
            std::fflush(stdout);
        }
    }
}
