// The actors stage: find_actors (gazetteer lookup, cues, acronyms and near-spellings,
// descriptions, pronouns, coreference) over analysed documents.
//
// find_actors fills the extraction it is given, so each iteration starts from a fresh
// copy of the analysed documents. The copy must not count, and PauseTiming around it
// would cost about as much clock reading as timing the stage directly, so the stage
// times itself with the thread's CPU clock (UseManualTime). Bytes are those of
// Document::text; items are sentences. BM_RecognizeNames times the statistical name
// recogniser alone (it runs inside find_actors when the pipeline has a model).
#include <benchmark/benchmark.h>

#include "newskg/actors/actors.hpp"
#include "newskg/actors/ner.hpp"
#include "newskg/syntax/syntax.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

void actors_bm(benchmark::State& state, const std::vector<bench::Article>& articles) {
    const auto& index = bench::resources().actors();
    std::vector<Extraction> input;
    for (auto& d : bench::analysed(articles)) {
        Extraction x;
        x.document = std::move(d);
        input.push_back(std::move(x));
    }
    std::size_t entities = 0;
    for (auto _ : state) {
        std::vector<Extraction> xs = input;
        const double start = bench::thread_cpu_seconds();
        for (auto& x : xs) find_actors(x, index, ActorOptions{});
        benchmark::DoNotOptimize(xs.data());
        state.SetIterationTime(bench::thread_cpu_seconds() - start);
        entities = 0;
        for (const auto& x : xs) entities += x.entities.size();
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bench::text_bytes(input)));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * bench::sentence_count(input)));
    state.counters["sentences"] = static_cast<double>(bench::sentence_count(input));
    state.counters["entities"] = static_cast<double>(entities);
}

void BM_FindActors(benchmark::State& state) { actors_bm(state, {bench::sample_article()}); }
BENCHMARK(BM_FindActors)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_FindActors_Corpus(benchmark::State& state) { actors_bm(state, bench::project_articles()); }
BENCHMARK(BM_FindActors_Corpus)->UseManualTime()->Unit(benchmark::kMicrosecond);

/// The statistical name recogniser alone (gazetteer marks, features, greedy decoding)
/// over documents the syntax stage has analysed; items are sentences.
void names_bm(benchmark::State& state, const std::vector<bench::Article>& articles) {
    const auto& r = bench::resources();
    if (!r.syntax() || !r.names()) {
        state.SkipWithError("no syntax model or name recogniser (models/)");
        return;
    }
    std::vector<Document> docs = bench::analysed(articles);
    std::size_t sentences = 0;
    for (auto& d : docs) {
        syntax::analyse_syntax(d, *r.syntax());
        sentences += d.sentences.size();
    }
    std::size_t names = 0;
    for (auto _ : state) {
        names = 0;
        for (const auto& d : docs) names += ner::recognize_document(d, *r.names(), r.actors()).size();
        benchmark::DoNotOptimize(names);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
    state.counters["sentences"] = static_cast<double>(sentences);
    state.counters["names"] = static_cast<double>(names);
}

void BM_RecognizeNames(benchmark::State& state) { names_bm(state, {bench::sample_article()}); }
BENCHMARK(BM_RecognizeNames)->Unit(benchmark::kMicrosecond);

void BM_RecognizeNames_Corpus(benchmark::State& state) { names_bm(state, bench::project_articles()); }
BENCHMARK(BM_RecognizeNames_Corpus)->Unit(benchmark::kMicrosecond);

} // namespace
