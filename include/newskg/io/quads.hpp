#pragma once
/// The one reader of RDF files: every RDF syntax of the format table (Turtle, N-Triples,
/// N-Quads, TriG and RDF/XML through raptor; JSON-LD through newskg's reader of the
/// compacted form it writes) read into quads, each with its named graph. The graph
/// readers (read_graph), the store (load) and push all read RDF through it.
#include <functional>
#include <string>
#include <string_view>

#include "newskg/io/formats.hpp"
#include "newskg/io/term.hpp"

namespace newskg::io {

/// Receives each quad as it is read.
using QuadSink = std::function<void(Quad&&)>;

/// Reads an RDF file in `format` (requires format.rdf), handing every statement to
/// `each` in the order read. A graph name that is a blank node comes as "_:" and its id.
/// throws input_error (newskg.input.102) when the file cannot be opened; rdf_error
/// ("<path>:<line>: …") on an RDF syntax error; parse_error naming the file for JSON-LD
/// that is not JSON (newskg.parse.501) or outside the subset newskg writes (505). An
/// exception thrown by `each` stops the reading and is rethrown.
void read_quads(const std::string& path, const FormatInfo& format, const QuadSink& each);

/// The same for RDF text in memory; `name` stands for the source in messages, and
/// relative IRIs are resolved against `base_iri`.
void read_quads_text(std::string_view text, const FormatInfo& format, const std::string& base_iri,
                     const std::string& name, const QuadSink& each);

} // namespace newskg::io
