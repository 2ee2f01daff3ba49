#pragma once
/// What every benchmark program shares: the project's own articles as input, the
/// resources loaded once, and each stage's output prepared ahead so that a benchmark of
/// one stage times that stage alone.
///
/// Input is the articles written for the project (examples/*.txt and tests/gold/*.txt of
/// the source tree), never third-party text: the figures can be published and reproduced
/// by anyone with the repository.
#include <cstddef>
#include <string>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/pipeline/pipeline.hpp"

namespace newskg::bench {

/// One input file as it lies on disk.
struct Article {
    std::string path;
    std::string content;
};

/// examples/*.txt then tests/gold/*.txt, each group in name order (a stable order keeps
/// runs comparable). Loaded once. Exits the program with a message when none is found,
/// since every figure would otherwise be a meaningless zero.
const std::vector<Article>& project_articles();

/// The single article of the "one article" benchmarks: examples/sahel-minusma-withdrawal.txt,
/// a wire story with a headline, date line, sub-heading, agency credit and reported
/// speech, i.e. everything the reader and the extractor have to deal with.
const Article& sample_article();

/// The ontology, gazetteer, lexicons and Link Grammar parser, loaded once from the default
/// ontology directory (loading takes far longer than one article and is not what the
/// stage benchmarks time).
const Resources& resources();

/// The articles read (read_text_article), not yet analysed.
std::vector<Document> read_all(const std::vector<Article>& articles);
/// read_all followed by analyse_text: tokens, sentences and dates set.
std::vector<Document> analysed(const std::vector<Article>& articles);
/// analysed followed by find_actors: the input of the relations stage.
std::vector<Extraction> with_actors(const std::vector<Article>& articles);
/// The whole pipeline (extract) over each article.
std::vector<Extraction> extracted(const std::vector<Article>& articles);

/// CPU time of the calling thread in seconds. The stages that need a fresh copy of their
/// input every iteration time themselves with it (UseManualTime) so that the copy stays
/// outside the figure; CPU time rather than wall time keeps them comparable with the other
/// benchmarks, which Google Benchmark rates by CPU time, and unaffected by other processes
/// on a shared machine.
double thread_cpu_seconds();

/// Sum of the input files' sizes in bytes.
std::size_t input_bytes(const std::vector<Article>& articles);
/// Sum of Document::text sizes: what the text, actor and relation stages walk over.
std::size_t text_bytes(const std::vector<Document>& docs);
std::size_t text_bytes(const std::vector<Extraction>& xs);
std::size_t sentence_count(const std::vector<Document>& docs);
std::size_t sentence_count(const std::vector<Extraction>& xs);

/// One graph of the extractions, each added `copies` times under a distinct article id
/// ("ID~2", "ID~3" …). The same text under new ids is what a stream of articles about the
/// same actors does to the graph: the nodes stay, evidence and edge counts grow. Adding an
/// extraction under its own id twice would only deduplicate evidence.
KnowledgeGraph build_graph(const std::vector<Extraction>& xs, std::size_t copies);
/// The extractions repeated `copies` times under distinct ids, as build_graph adds them.
std::vector<Extraction> renamed_copies(const std::vector<Extraction>& xs, std::size_t copies);

} // namespace newskg::bench
