// The relations stage: find_relations (verb frames, passives, coordination, event nouns,
// attribution, negation, hedges) over documents whose actors are resolved.
//
// find_relations appends to the extraction it is given, so each iteration starts from a
// fresh copy of the find_actors output; as in bench_actors.cpp the stage times itself
// with the thread's CPU clock so that the copy stays out. Bytes are those of
// Document::text; items are sentences. The "time/sentence" counter is the inverse rate,
// the figure scripts/bench sets beside link-parser's time per sentence.
#include <benchmark/benchmark.h>

#include "newskg/relations/relations.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

void relations_bm(benchmark::State& state, const std::vector<bench::Article>& articles) {
    const auto& lexicon = bench::resources().relations();
    const std::vector<Extraction> input = bench::with_actors(articles);
    const std::size_t sentences = bench::sentence_count(input);
    std::size_t relations = 0;
    for (auto _ : state) {
        std::vector<Extraction> xs = input;
        const double start = bench::thread_cpu_seconds();
        for (auto& x : xs) find_relations(x, lexicon);
        benchmark::DoNotOptimize(xs.data());
        state.SetIterationTime(bench::thread_cpu_seconds() - start);
        relations = 0;
        for (const auto& x : xs) relations += x.relations.size();
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bench::text_bytes(input)));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
    state.counters["sentences"] = static_cast<double>(sentences);
    // Standing relations from find_actors included: the count is the extraction's total.
    state.counters["relations"] = static_cast<double>(relations);
    state.counters["time/sentence"] = benchmark::Counter(
        static_cast<double>(sentences),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_FindRelations(benchmark::State& state) { relations_bm(state, {bench::sample_article()}); }
BENCHMARK(BM_FindRelations)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_FindRelations_Corpus(benchmark::State& state) {
    relations_bm(state, bench::project_articles());
}
BENCHMARK(BM_FindRelations_Corpus)->UseManualTime()->Unit(benchmark::kMicrosecond);

} // namespace
