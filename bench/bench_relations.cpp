// The relations stage: find_relations (verb frames read from the Link Grammar parse of
// sentences where a lexicon verb could relate two actors, token frames elsewhere and as
// fallback; event nouns, attribution, negation, hedges) over documents whose actors are
// resolved. Measured as the pipeline runs it (with the parser) and with token rules only
// (`extract --no-parser`), and the parser alone on every sentence, which is the in-process
// counterpart of the link-parser comparison in scripts/bench.
//
// find_relations appends to the extraction it is given, so each iteration starts from a
// fresh copy of the find_actors output; as in bench_actors.cpp the stage times itself
// with the thread's CPU clock so that the copy stays out. Bytes are those of
// Document::text; items are sentences. The "time/sentence" counter is the inverse rate.
#include <benchmark/benchmark.h>

#include "newskg/relations/relations.hpp"
#include "newskg/relations/syntax.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

benchmark::Counter per_sentence(std::size_t sentences) {
    return benchmark::Counter(static_cast<double>(sentences),
                              benchmark::Counter::kIsIterationInvariantRate |
                                  benchmark::Counter::kInvert);
}

void relations_bm(benchmark::State& state, const std::vector<bench::Article>& articles,
                  bool with_parser) {
    const auto& lexicon = bench::resources().relations();
    RelationOptions options;
    options.parser = with_parser ? bench::resources().parser() : nullptr;
    if (with_parser && !options.parser) {
        state.SkipWithError("the resources were loaded without a parser");
        return;
    }
    const std::vector<Extraction> input = bench::with_actors(articles);
    const std::size_t sentences = bench::sentence_count(input);
    std::size_t relations = 0;
    for (auto _ : state) {
        std::vector<Extraction> xs = input;
        const double start = bench::thread_cpu_seconds();
        for (auto& x : xs) find_relations(x, lexicon, options);
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

// The parser on every sentence of the corpus, words as the tokenizer gives them (the
// relations stage parses fewer sentences, with actor names collapsed into one word).
// No copy is needed, so CPU time is Google Benchmark's own.
void BM_ParseEverySentence_Corpus(benchmark::State& state) {
    const SyntaxParser* parser = bench::resources().parser();
    if (!parser) {
        state.SkipWithError("the resources were loaded without a parser");
        return;
    }
    std::vector<std::vector<std::string>> sentences;
    for (const auto& d : bench::analysed(bench::project_articles()))
        for (const auto& s : d.sentences) {
            std::vector<std::string> words;
            for (std::size_t t = s.tokens.first; t < s.tokens.last; ++t)
                words.emplace_back(d.token_text(t));
            sentences.push_back(std::move(words));
        }
    std::size_t parsed = 0;
    for (auto _ : state) {
        parsed = 0;
        for (const auto& words : sentences) {
            auto parse = parser->parse(words);
            parsed += parse ? 1 : 0;
            benchmark::DoNotOptimize(parse);
        }
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences.size()));
    state.counters["sentences"] = static_cast<double>(sentences.size());
    state.counters["parsed"] = static_cast<double>(parsed);
    state.counters["time/sentence"] = per_sentence(sentences.size());
}
BENCHMARK(BM_ParseEverySentence_Corpus)->Unit(benchmark::kMillisecond);

} // namespace
