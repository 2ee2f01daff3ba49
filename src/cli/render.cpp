// newskg render: draws a graph that was already extracted (a newskg JSON or RDF export)
// as an explorable HTML page, SVG, PNG or DOT, without reading the articles again.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/export/dot.hpp"
#include "newskg/export/html.hpp"
#include "newskg/export/image.hpp"
#include "newskg/export/json.hpp"
#include "newskg/merge/graph_files.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/read/reader.hpp"

namespace newskg::cli {

namespace {

const char* kRenderHelp = R"(Usage: newskg render [OPTIONS] GRAPH

Draws a knowledge graph written earlier by `newskg extract`: GRAPH is its JSON (.json,
or - for JSON on standard input) or RDF export (.ttl, .nt, .nq, .trig, .rdf).

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

std::string read_stdin() {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return text.str();
}

} // namespace

int run_render(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help" || a == "-h") {
            std::cout << kRenderHelp;
            return 0;
        }
    Args args(argv, {"--format", "--output", "--top", "--title", "--ontology"}, {"--clusters"});
    if (args.positionals().size() != 1) throw usage_error("expected one GRAPH file (a newskg JSON or RDF export)");
    const std::string input = args.positionals().front();
    const std::string format = args.value("--format").value_or("html");
    if (format != "html" && format != "svg" && format != "png" && format != "dot")
        throw usage_error("unknown format '" + format + "' (expected html, svg, png or dot)");
    HtmlOptions options;
    options.dot.clusters_by_country = args.flag("--clusters");
    if (auto t = args.value("--top")) {
        try {
            options.dot.top = std::stoull(*t);
        } catch (const std::exception&) {
            throw usage_error("--top expects a number, got '" + *t + "'");
        }
    }
    options.title = args.value("--title").value_or("");

    const Ontology onto = Ontology::load(ontology_dir(args));
    KnowledgeGraph graph;
    if (input == "-") {
        nlohmann::json json;
        try {
            json = nlohmann::json::parse(read_stdin());
        } catch (const nlohmann::json::parse_error& e) {
            throw parse_error(501, "<stdin>", 0, std::string("not valid JSON: ") + e.what());
        }
        graph = from_json(json, "<stdin>");
    } else {
        graph = read_graph_file(input, onto);
    }

    std::string out;
    if (format == "html") out = to_html(graph, &onto, options);
    else if (format == "svg") out = to_image(graph, &onto, options.dot, ImageFormat::Svg);
    else if (format == "png") out = to_image(graph, &onto, options.dot, ImageFormat::Png);
    else out = to_dot(graph, &onto, options.dot);
    write_file_atomically(args.value("--output").value_or("-"), out);
    return 0;
}

} // namespace newskg::cli
