// The one RDF reader: raptor's parsers for the syntaxes it has, newskg's JSON-LD reader
// for the one it lacks, both handing on plain quads.
#include "newskg/io/quads.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "io/rdf_triples.hpp"
#include "newskg/core/error.hpp"
#include "rdf/rdf.hpp"

namespace newskg::io {

namespace {

/// The quad of a statement raptor reported, with its graph ("" for the default graph).
Quad quad_of(rdf::StatementRef st, rdf::NodeRef graph) {
    std::string name;
    if (!graph.is_null()) name = graph.is_iri() ? std::string(graph.iri()) : graph.term().text();
    return {st.subject().term(), st.predicate().term(), st.object().term(), std::move(name)};
}

/// The librdf world every read on this thread parses in. One world, not one per file:
/// librdf names the blank nodes it generates after the world's creation time, process
/// and a counter, so two worlds made in the same second would give two files' blank
/// nodes the same names, and a store or push that gathers several files would join them.
rdf::World& reading_world() {
    thread_local rdf::World world;
    return world;
}

void require_rdf(const FormatInfo& format, const std::string& name) {
    if (!format.rdf)
        throw parse_error(ids::parse::kGraphFormat, name, 0,
                          std::string(format.name) + " is not an RDF syntax (RDF is " + names_where(is_rdf) + ")");
}

} // namespace

void read_quads(const std::string& path, const FormatInfo& format, const QuadSink& each) {
    require_rdf(format, path);
    if (format.format == Format::JsonLd) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw input_error(ids::input::kUnreadable, path, "cannot open the file");
        std::stringstream text;
        text << in.rdbuf();
        detail::jsonld_quads(detail::parse_json_text(text.str(), path), path, each);
        return;
    }
    rdf::Parser parser(reading_world(), std::string(format.raptor_syntax));
    parser.parse_file_quads(path, [&](rdf::StatementRef st, rdf::NodeRef graph) { each(quad_of(st, graph)); });
}

void read_quads_text(std::string_view text, const FormatInfo& format, const std::string& base_iri,
                     const std::string& name, const QuadSink& each) {
    require_rdf(format, name);
    if (format.format == Format::JsonLd) {
        detail::jsonld_quads(detail::parse_json_text(std::string(text), name), name, each);
        return;
    }
    rdf::Parser parser(reading_world(), std::string(format.raptor_syntax));
    parser.parse_string_quads(text, base_iri, name,
                              [&](rdf::StatementRef st, rdf::NodeRef graph) { each(quad_of(st, graph)); });
}

} // namespace newskg::io
