// The whole pipeline: extract() (text → actors → relations, with the Link Grammar parser
// as by default, and without it) over read documents, and the
// per-article work of `newskg extract --format json --out-dir`: read, extract, a graph of
// the one article, its JSON. The latter is the in-process counterpart of the whole-run
// figures of scripts/bench, which add start-up (loading the ontology) and file I/O.
//
// Items are articles here; sentences per second are a counter beside them. extract()
// takes its document by value and the copy of a read document (its text and paragraph
// spans, before tokens exist) is part of what a caller pays, so it stays in the timing.
#include <benchmark/benchmark.h>

#include "newskg/export/json.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/read/reader.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

void set_rates(benchmark::State& state, std::size_t bytes, std::size_t articles, std::size_t sentences) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * articles));
    state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences),
                                                       benchmark::Counter::kIsIterationInvariantRate);
    state.counters["sentences"] = static_cast<double>(sentences);
}

void extract_bm(benchmark::State& state, const std::vector<bench::Article>& articles,
                bool use_parser = true) {
    const auto& res = bench::resources();
    const auto docs = bench::read_all(articles);
    PipelineOptions options;
    options.use_parser = use_parser;
    std::size_t sentences = 0;
    for (auto _ : state) {
        sentences = 0;
        for (const auto& d : docs) {
            Extraction x = extract(d, res, options);
            sentences += x.document.sentences.size();
            benchmark::DoNotOptimize(x.relations.data());
        }
    }
    set_rates(state, bench::text_bytes(docs), docs.size(), sentences);
}

void BM_Extract(benchmark::State& state) { extract_bm(state, {bench::sample_article()}); }
BENCHMARK(BM_Extract)->Unit(benchmark::kMicrosecond);

void BM_Extract_Corpus(benchmark::State& state) { extract_bm(state, bench::project_articles()); }
BENCHMARK(BM_Extract_Corpus)->Unit(benchmark::kMillisecond);

// Token rules only, as `newskg extract --no-parser` runs.
void BM_Extract_NoParser_Corpus(benchmark::State& state) {
    extract_bm(state, bench::project_articles(), false);
}
BENCHMARK(BM_Extract_NoParser_Corpus)->Unit(benchmark::kMillisecond);

// From the file's bytes to the JSON text of its graph, one article at a time.
void BM_ArticleToJson_Corpus(benchmark::State& state) {
    const auto& res = bench::resources();
    const auto& articles = bench::project_articles();
    const std::string base(kDefaultBaseIri);
    std::size_t sentences = 0;
    for (auto _ : state) {
        sentences = 0;
        for (const auto& a : articles) {
            Extraction x = extract(read_text_article(a.content, a.path, ReadOptions{}), res);
            sentences += x.document.sentences.size();
            KnowledgeGraph g;
            g.add(x, base);
            std::string json = to_json_string(g, &res.ontology());
            benchmark::DoNotOptimize(json.data());
        }
    }
    set_rates(state, bench::input_bytes(articles), articles.size(), sentences);
}
BENCHMARK(BM_ArticleToJson_Corpus)->Unit(benchmark::kMillisecond);

} // namespace
