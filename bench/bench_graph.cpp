// Graph building: KnowledgeGraph::add of extractions into one graph (nodes by IRI with
// alias merging, edges by subject–predicate–object–code with evidence appended).
//
// The argument is how many times the project's articles are added under distinct ids:
// 1 is a small graph; larger values show how adding scales once the actors are known
// and every new article lands on existing nodes and edges, as in a long news stream.
// Items are articles added; bytes are their Document::text.
#include <benchmark/benchmark.h>

#include "newskg/graph/knowledge_graph.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

void BM_GraphAdd_Corpus(benchmark::State& state) {
    const auto copies = static_cast<std::size_t>(state.range(0));
    const auto xs = bench::renamed_copies(bench::extracted(bench::project_articles()), copies);
    const std::string base(kDefaultBaseIri);
    std::size_t nodes = 0, edges = 0;
    for (auto _ : state) {
        KnowledgeGraph g;
        for (const auto& x : xs) g.add(x, base);
        nodes = g.node_count();
        edges = g.edge_count();
        benchmark::DoNotOptimize(nodes);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bench::text_bytes(xs)));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * xs.size()));
    state.counters["articles"] = static_cast<double>(xs.size());
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["edges"] = static_cast<double>(edges);
}
BENCHMARK(BM_GraphAdd_Corpus)->Arg(1)->Arg(8)->Arg(32)->Unit(benchmark::kMicrosecond);

} // namespace
