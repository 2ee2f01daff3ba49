#pragma once
/// One reader and one writer of graphs: every command that reads a graph newskg wrote
/// (render, merge, stats, path) calls read_graph, every command that writes one
/// (extract, merge, render) calls write_graph, each with a format from the one table in
/// newskg/io/formats.hpp.
#include <functional>
#include <string>
#include <string_view>

#include "newskg/export/html.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/io/formats.hpp"

namespace newskg {
class Ontology;
}

namespace newskg::io {

/// Reads a graph newskg wrote from a file (its format by its extension, see
/// read_graph_file) or from standard input ("-"), whose format is told by its content:
/// JSON or JSON-LD when it starts with "{", RDF/XML when with "<?xml" or "<rdf:RDF",
/// else Turtle (which covers N-Triples; TriG too). Standard input is named "<stdin>" in
/// messages. throws as read_graph_file does.
KnowledgeGraph read_graph(const std::string& path, const Ontology& ontology);

/// What write_graph needs besides the graph.
struct WriteOptions {
    std::string base_iri;  ///< namespace of minted IRIs in RDF; empty: the default
    HtmlOptions picture;   ///< DOT, SVG, PNG and HTML: what to draw, the page's title
};

/// The graph in `format` (any writable format of the table).
std::string write_graph(const FormatInfo& format, const KnowledgeGraph& graph, const Ontology& ontology,
                        const WriteOptions& options);

/// The same text handed to `sink` a piece at a time: JSON a relation at a time (a large
/// graph's text is never held whole), the other formats in one piece.
void write_graph(const FormatInfo& format, const KnowledgeGraph& graph, const Ontology& ontology,
                 const WriteOptions& options, const std::function<void(std::string_view)>& sink);

} // namespace newskg::io
