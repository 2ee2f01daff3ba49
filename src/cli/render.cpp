// newskg render: draws a graph that was already extracted (a newskg JSON, JSON-LD or RDF
// export) as an explorable HTML page, SVG, PNG or DOT, without reading the articles again.
#include <iostream>

#include "cli.hpp"
#include "graph_inputs.hpp"
#include "newskg/core/error.hpp"
#include "newskg/io/graph_io.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg::cli {

namespace {

const char* kRenderHelp = R"(Usage: newskg render [OPTIONS] GRAPH...

Draws a knowledge graph written earlier by `newskg extract` or `newskg merge`: GRAPH is
its JSON (.json), JSON-LD (.jsonld) or RDF export (.ttl, .nt, .nq, .trig, .rdf), or -
for standard input (JSON, JSON-LD, RDF/XML or Turtle, told by content). Several graphs
are merged first, as `newskg merge` merges them, whatever their order.

Options:
  --format F       html (default): explorable page, the picture with details on
                                   click, filters and search, self-contained
                   svg, png:       picture drawn by Graphviz
                   dot:            Graphviz DOT
  --output PATH    where to write (default: standard output)
  --top N          draw only the N actors with the most relations
  --clusters       group actors by country
  --title TEXT     html: the page's heading (default: the article's title, or the
                   number and dates of the articles)
  --ontology DIR   ontology whose relation labels are shown

Exit status: 0 success; 1 the graph cannot be read or drawn; 2 wrong usage.
)";

} // namespace

int run_render(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help" || a == "-h") {
            std::cout << kRenderHelp;
            return 0;
        }
    Args args(argv, {"--format", "--output", "--top", "--title", "--ontology"}, {"--clusters"});
    if (args.positionals().empty()) throw usage_error("expected a GRAPH file (a newskg JSON or RDF export, or -)");
    const std::string name = args.value("--format").value_or("html");
    const io::FormatInfo* format = io::format_named(name);
    if (!format || (format->format != io::Format::Html && format->format != io::Format::Svg &&
                    format->format != io::Format::Png && format->format != io::Format::Dot))
        throw usage_error("unknown format '" + name + "' (expected html, svg, png or dot)");
    io::WriteOptions wo;
    wo.picture.dot.clusters_by_country = args.flag("--clusters");
    wo.picture.dot.top = number_option(args, "--top", 0);
    wo.picture.title = args.value("--title").value_or("");

    const Ontology onto = Ontology::load(ontology_dir(args));
    GraphUnion all(&onto);
    for (const auto& path : args.positionals()) all.add(io::read_graph(path, onto));
    // Several graphs are merged as `newskg merge` merges them.
    const KnowledgeGraph graph = resolve_union(all, onto, MergeOptions{}).graph;
    write_file_atomically(args.value("--output").value_or("-"), io::write_graph(*format, graph, onto, wo));
    return 0;
}

} // namespace newskg::cli
