#pragma once
// The inputs of the graph commands (stats, path): newskg graphs and articles, merged into
// one KnowledgeGraph, and the small text-table helpers their terminal output shares.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cli.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/pipeline/pipeline.hpp"

namespace newskg::cli {

/// The options every graph command (stats, path) takes for reading its inputs, under
/// their own heading, with a paragraph on what the inputs may be.
OptionSection graph_input_section();

struct GraphInputs {
    KnowledgeGraph graph;
    std::unique_ptr<Resources> resources; ///< loaded once; its ontology names predicates
    std::size_t graph_files = 0;
    std::size_t articles = 0;
};

/// Reads every path into one graph, as `newskg merge` merges graphs (GraphUnion, then
/// actor resolution), so the result does not depend on their order: exported graphs
/// (the readable extensions of newskg/io/formats.hpp: .json, .jsonld, .ttl, .nt, .nq,
/// .trig, .rdf …) are read with io::read_graph; anything else is read as articles (.txt,
/// .html, .jsonl, .gz, directories, - for standard input) and extracted, with the parser
/// unless --no-parser. Warnings go to standard error. throws input_error / parse_error
/// naming the file when an input cannot be read, so a command never reports on part of
/// what it was given.
GraphInputs load_graph_inputs(const std::vector<std::string>& paths, const Args& args);

/// Columns a UTF-8 string takes in a terminal (one per code point).
std::size_t display_width(const std::string& s);
/// `s` cut to `width` columns (with "…") and padded with spaces to exactly `width`.
std::string fit(const std::string& s, std::size_t width);
/// `s` padded on the left to `width` columns.
std::string right(const std::string& s, std::size_t width);
/// printf-style "%.*f".
std::string fixed(double v, int decimals);

} // namespace newskg::cli
