// The exporters over one graph of the project's articles: Turtle and N-Triples (librdf),
// JSON (nlohmann/json, pretty-printed as the CLI writes it) and DOT, then the other
// formats of the CLI (N-Quads, TriG, RDF/XML, JSON-LD, GraphML) on the smaller graph.
//
// The argument is how many times the articles are added under distinct ids (see
// bench_graph.cpp): 1 is the graph of 18 articles, 32 the same actors and edges with 32
// times the evidence, which is what the RDF export's size follows (one qualified node
// per piece of evidence). Bytes are those written; items are the graph's edges.
#include <benchmark/benchmark.h>

#include "newskg/export/dot.hpp"
#include "newskg/export/graphml.hpp"
#include "newskg/export/json.hpp"
#include "newskg/export/jsonld.hpp"
#include "newskg/export/rdf.hpp"
#include "support.hpp"

namespace {

using namespace newskg;

template <typename Export>
void export_bm(benchmark::State& state, Export&& write) {
    const auto copies = static_cast<std::size_t>(state.range(0));
    const KnowledgeGraph g = bench::build_graph(bench::extracted(bench::project_articles()), copies);
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string out = write(g);
        bytes = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    std::size_t evidence = 0;
    for (const auto& e : g.edges()) evidence += e.relation.evidence.size();
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * g.edge_count()));
    state.counters["nodes"] = static_cast<double>(g.node_count());
    state.counters["edges"] = static_cast<double>(g.edge_count());
    state.counters["evidence"] = static_cast<double>(evidence);
    state.counters["out_bytes"] = static_cast<double>(bytes);
}

const std::string kBase(kDefaultBaseIri);

void BM_ToTurtle(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_rdf(g, bench::resources().ontology(), RdfSyntax::Turtle, kBase);
    });
}
BENCHMARK(BM_ToTurtle)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);

void BM_ToNTriples(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_rdf(g, bench::resources().ontology(), RdfSyntax::NTriples, kBase);
    });
}
BENCHMARK(BM_ToNTriples)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);

void BM_ToJsonString(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_json_string(g, &bench::resources().ontology());
    });
}
BENCHMARK(BM_ToJsonString)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);

void BM_ToDot(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_dot(g, &bench::resources().ontology());
    });
}
BENCHMARK(BM_ToDot)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);

// The other formats of `--format`, for completeness: the dataset syntaxes put each
// article's evidence in its own named graph.
void BM_ToNQuads(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_rdf(g, bench::resources().ontology(), RdfSyntax::NQuads, kBase);
    });
}
BENCHMARK(BM_ToNQuads)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ToTriG(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_rdf(g, bench::resources().ontology(), RdfSyntax::TriG, kBase);
    });
}
BENCHMARK(BM_ToTriG)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ToRdfXml(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_rdf(g, bench::resources().ontology(), RdfSyntax::RdfXml, kBase);
    });
}
BENCHMARK(BM_ToRdfXml)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ToJsonLd(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_jsonld(g, bench::resources().ontology(), kBase);
    });
}
BENCHMARK(BM_ToJsonLd)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ToGraphMl(benchmark::State& state) {
    export_bm(state, [](const KnowledgeGraph& g) {
        return to_graphml(g, &bench::resources().ontology());
    });
}
BENCHMARK(BM_ToGraphMl)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace
