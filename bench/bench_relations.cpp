// The relations stage: find_relations over articles whose actors are resolved, as the
// pipeline runs it — with the syntax stage's dependency trees (Document::words filled)
// and with token rules only (`extract --no-parser`) — and the syntax stage alone on
// every sentence, which is what the tree path costs on top.

#include <benchmark/benchmark.h>

#include "newskg/actors/actors.hpp"
#include "newskg/relations/relations.hpp"
#include "newskg/syntax/syntax.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

benchmark::Counter per_sentence(std::size_t sentences) {
    return benchmark::Counter(static_cast<double>(sentences),
                              benchmark::Counter::kIsIterationInvariantRate |
                                  benchmark::Counter::kInvert);
}

/// Articles read, analysed, parsed (when `with_syntax` and the resources have a syntax
/// model) and with their actors found: the relation stage's input.
std::vector<Extraction> prepared(const std::vector<bench::Article>& articles, bool with_syntax) {
    std::vector<Extraction> xs;
    for (auto& d : bench::analysed(articles)) {
        if (with_syntax) syntax::analyse_syntax(d, *bench::resources().syntax());
        Extraction x;
        x.document = std::move(d);
        find_actors(x, bench::resources().actors(), ActorOptions{});
        xs.push_back(std::move(x));
    }
    return xs;
}

void relations_bm(benchmark::State& state, const std::vector<bench::Article>& articles, bool with_syntax) {
    if (with_syntax && !bench::resources().syntax()) {
        state.SkipWithError("the resources were loaded without a syntax model");
        return;
    }
    const auto& lexicon = bench::resources().relations();
    const std::vector<Extraction> input = prepared(articles, with_syntax);
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
    state.counters["time/sentence"] = per_sentence(sentences);
}

void BM_FindRelations(benchmark::State& state) {
    relations_bm(state, {bench::sample_article()}, true);
}
BENCHMARK(BM_FindRelations)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_FindRelations_Corpus(benchmark::State& state) {
    relations_bm(state, bench::project_articles(), true);
}
BENCHMARK(BM_FindRelations_Corpus)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_FindRelations_TokenRules_Corpus(benchmark::State& state) {
    relations_bm(state, bench::project_articles(), false);
}
BENCHMARK(BM_FindRelations_TokenRules_Corpus)->UseManualTime()->Unit(benchmark::kMicrosecond);

// The syntax stage alone (tagger, lemmatizer, parser) on every sentence of the corpus.
void BM_SyntaxStage_Corpus(benchmark::State& state) {
    const auto* model = bench::resources().syntax();
    if (!model) {
        state.SkipWithError("the resources were loaded without a syntax model");
        return;
    }
    const std::vector<Document> input = bench::analysed(bench::project_articles());
    const std::size_t sentences = bench::sentence_count(input);
    for (auto _ : state) {
        std::vector<Document> docs = input;
        const double start = bench::thread_cpu_seconds();
        for (auto& d : docs) syntax::analyse_syntax(d, *model);
        benchmark::DoNotOptimize(docs.data());
        state.SetIterationTime(bench::thread_cpu_seconds() - start);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
    state.counters["sentences"] = static_cast<double>(sentences);
    state.counters["time/sentence"] = per_sentence(sentences);
}
BENCHMARK(BM_SyntaxStage_Corpus)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace
