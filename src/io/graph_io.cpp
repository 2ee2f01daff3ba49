#include "newskg/io/graph_io.hpp"

#include <iostream>
#include <iterator>

#include "newskg/core/error.hpp"
#include "newskg/export/dot.hpp"
#include "newskg/export/graphml.hpp"
#include "newskg/export/image.hpp"
#include "newskg/export/json.hpp"
#include "newskg/export/jsonld.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/io/graph_files.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg::io {

namespace {

/// The format of standard input, told by its first bytes.
const FormatInfo& sniff(const std::string& text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const std::string_view head = start == std::string::npos ? std::string_view() : std::string_view(text).substr(start);
    if (head.rfind("{", 0) == 0) return info(Format::Json); // JSON-LD is told apart by its "@context"
    if (head.rfind("<?xml", 0) == 0 || head.rfind("<rdf:RDF", 0) == 0) return info(Format::RdfXml);
    return info(Format::TriG);
}

} // namespace

KnowledgeGraph read_graph(const std::string& path, const Ontology& ontology) {
    if (path != "-") return read_graph_file(path, ontology);
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    if (std::cin.bad()) throw input_error(ids::input::kUnreadable, "<stdin>", "cannot read standard input");
    return read_graph_text(text, sniff(text), "<stdin>", ontology);
}

std::string write_graph(const FormatInfo& format, const KnowledgeGraph& g, const Ontology& onto,
                        const WriteOptions& options) {
    const std::string& base = options.base_iri;
    switch (format.format) {
    case Format::Turtle: return to_rdf(g, onto, RdfSyntax::Turtle, base);
    case Format::NTriples: return to_rdf(g, onto, RdfSyntax::NTriples, base);
    case Format::NQuads: return to_rdf(g, onto, RdfSyntax::NQuads, base);
    case Format::TriG: return to_rdf(g, onto, RdfSyntax::TriG, base);
    case Format::RdfXml: return to_rdf(g, onto, RdfSyntax::RdfXml, base);
    case Format::JsonLd: return to_jsonld(g, onto, base);
    case Format::Json: return to_json_string(g, &onto);
    case Format::Dot: return to_dot(g, &onto, options.picture.dot);
    case Format::GraphMl: return to_graphml(g, &onto);
    case Format::Svg: return to_image(g, &onto, options.picture.dot, ImageFormat::Svg);
    case Format::Png: return to_image(g, &onto, options.picture.dot, ImageFormat::Png);
    case Format::Html: return to_html(g, &onto, options.picture);
    }
    return {};
}

void write_graph(const FormatInfo& format, const KnowledgeGraph& g, const Ontology& onto, const WriteOptions& options,
                 const std::function<void(std::string_view)>& sink) {
    if (format.format == Format::Json) {
        write_json(g, &onto, sink);
        return;
    }
    sink(write_graph(format, g, onto, options));
}

} // namespace newskg::io
