// The read stage: read_text_article turns a plain-text article into the cleaned text and
// paragraphs (furniture removal, headline, date line, agency credits, NFC).
//
// Bytes are those of the input file; items are the sentences the article turns into
// (counted once beforehand with analyse_text), so that every text stage reports the same
// unit and their rates can be set side by side.
#include <benchmark/benchmark.h>

#include "newskg/read/reader.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

void read_articles_bm(benchmark::State& state, const std::vector<bench::Article>& articles) {
    const std::size_t sentences = bench::sentence_count(bench::analysed(articles));
    const ReadOptions options;
    for (auto _ : state) {
        for (const auto& a : articles) {
            // read_text_article takes its content by value: the copy is part of what a
            // caller holding the file's bytes pays, so it stays inside the timing.
            Document d = read_text_article(a.content, a.path, options);
            benchmark::DoNotOptimize(d.text.data());
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bench::input_bytes(articles)));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
    state.counters["articles"] = static_cast<double>(articles.size());
    state.counters["sentences"] = static_cast<double>(sentences);
}

void BM_ReadTextArticle(benchmark::State& state) {
    read_articles_bm(state, {bench::sample_article()});
}
BENCHMARK(BM_ReadTextArticle);

void BM_ReadTextArticle_Corpus(benchmark::State& state) {
    read_articles_bm(state, bench::project_articles());
}
BENCHMARK(BM_ReadTextArticle_Corpus)->Unit(benchmark::kMicrosecond);

} // namespace
