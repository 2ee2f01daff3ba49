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

int run_render(const Args& args) {
    if (args.positionals().empty()) throw usage_error("expected a GRAPH file (a newskg JSON or RDF export, or -)");
    const io::FormatInfo* format = io::format_named(*args.value("--format"));
    io::WriteOptions wo;
    wo.picture.dot.clusters_by_country = args.flag("--clusters");
    wo.picture.dot.top = *args.number("--top");
    wo.picture.title = args.value("--title").value_or("");

    const Ontology onto = Ontology::load(ontology_dir(args));
    GraphUnion all(&onto);
    for (const auto& path : args.positionals()) all.add(io::read_graph(path, onto));
    // Several graphs are merged as `newskg merge` merges them.
    const KnowledgeGraph graph = resolve_union(all, onto, MergeOptions{}).graph;
    write_file_atomically(*args.value("--output"), io::write_graph(*format, graph, onto, wo));
    return 0;
}

} // namespace

Command render_command() {
    using K = OptionKind;
    CommandSpec spec{
        "render",
        "draw an extracted graph (JSON or RDF) as an explorable HTML page, SVG, PNG or DOT",
        "newskg render [OPTIONS] GRAPH...",
        R"(Draws a knowledge graph written earlier by `newskg extract` or `newskg merge`: GRAPH is
its JSON (.json), JSON-LD (.jsonld) or RDF export (.ttl, .nt, .nq, .trig, .rdf), or -
for standard input (JSON, JSON-LD, RDF/XML or Turtle, told by content). Several graphs
are merged first, as `newskg merge` merges them, whatever their order.
)",
        {{"Options",
          "",
          {{"--format", K::Choice, "",
            "html: explorable page, the picture with details on click, filters and search, self-contained\n"
            "svg, png: picture drawn by Graphviz\n"
            "dot: Graphviz DOT",
            "html", {"html", "svg", "png", "dot"}},
           {"--output", K::Text, "PATH", "where to write (- is standard output)", "-", {}},
           shared_option("--top"),
           shared_option("--clusters"),
           {"--title", K::Text, "TEXT", "html: the page's heading (default: the article's title, or the number "
                                        "and dates of the articles)", "", {}},
           shared_option("--ontology")}}},
        "Exit status: 0 success; 1 the graph cannot be read or drawn; 2 wrong usage.\n",
        {}};
    return {spec, run_render};
}

} // namespace newskg::cli
