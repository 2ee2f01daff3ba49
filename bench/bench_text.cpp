// The text stage: analyse_text (tokens, sentences, dates) and, to see where its time
// goes, its three parts on their own.
//
// analyse_text clears what the document holds before filling it, so the same read
// documents serve every iteration and nothing but the stage is timed.
// Bytes are those of Document::text; items are sentences.
#include <benchmark/benchmark.h>

#include "newskg/text/analyse.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

void set_rates(benchmark::State& state, const std::vector<Document>& docs, std::size_t sentences) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bench::text_bytes(docs)));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
    state.counters["sentences"] = static_cast<double>(sentences);
}

void analyse_bm(benchmark::State& state, const std::vector<bench::Article>& articles) {
    auto docs = bench::read_all(articles);
    for (auto _ : state) {
        for (auto& d : docs) {
            analyse_text(d);
            benchmark::DoNotOptimize(d.sentences.data());
        }
    }
    set_rates(state, docs, bench::sentence_count(docs));
}

void BM_AnalyseText(benchmark::State& state) { analyse_bm(state, {bench::sample_article()}); }
BENCHMARK(BM_AnalyseText);

void BM_AnalyseText_Corpus(benchmark::State& state) { analyse_bm(state, bench::project_articles()); }
BENCHMARK(BM_AnalyseText_Corpus)->Unit(benchmark::kMicrosecond);

// Tokenizing paragraph by paragraph, as analyse_text does (no token crosses a paragraph).
void BM_Tokenize_Corpus(benchmark::State& state) {
    const auto docs = bench::analysed(bench::project_articles());
    for (auto _ : state)
        for (const auto& d : docs)
            for (const auto& p : d.paragraphs) {
                auto toks = tokenize(d.slice(p.span), p.span.begin);
                benchmark::DoNotOptimize(toks.data());
            }
    set_rates(state, docs, bench::sentence_count(docs));
}
BENCHMARK(BM_Tokenize_Corpus)->Unit(benchmark::kMicrosecond);

void BM_SplitSentences_Corpus(benchmark::State& state) {
    const auto docs = bench::analysed(bench::project_articles());
    for (auto _ : state)
        for (const auto& d : docs) {
            auto sentences = split_sentences(d);
            benchmark::DoNotOptimize(sentences.data());
        }
    set_rates(state, docs, bench::sentence_count(docs));
}
BENCHMARK(BM_SplitSentences_Corpus)->Unit(benchmark::kMicrosecond);

void BM_FindDates_Corpus(benchmark::State& state) {
    const auto docs = bench::analysed(bench::project_articles());
    for (auto _ : state)
        for (const auto& d : docs) {
            auto dates = find_dates(d);
            benchmark::DoNotOptimize(dates.data());
        }
    set_rates(state, docs, bench::sentence_count(docs));
}
BENCHMARK(BM_FindDates_Corpus)->Unit(benchmark::kMicrosecond);

} // namespace
