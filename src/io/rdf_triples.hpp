#pragma once
// The triples of an RDF file grouped by subject, for the graph readers of src/io
// (exported graphs, JSON-LD) and the alias files of src/merge; read through the one
// RDF reader (newskg/io/quads.hpp). Also the JSON-LD half of that reader.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "newskg/io/formats.hpp"
#include "newskg/io/quads.hpp"
#include "newskg/io/term.hpp"

namespace newskg::detail {

/// A subject's properties: predicate IRI → objects, in parse order.
using Description = std::map<std::string, std::vector<Term>>;
/// Every subject of a file (graph names are not kept).
using Descriptions = std::map<std::string, Description>;

/// The descriptions of a local RDF file in `format` (io::read_quads, whose errors it throws).
Descriptions parse_rdf_file(const std::string& path, const io::FormatInfo& format);
/// The same for RDF text in memory; `name` stands for the source in messages.
Descriptions parse_rdf_text(std::string_view text, const io::FormatInfo& format, const std::string& name);
/// The descriptions of a JSON-LD document already parsed.
Descriptions jsonld_descriptions(const nlohmann::json& doc, const std::string& name);

/// JSON text parsed. throws parse_error (newskg.parse.501) naming `name` and the line.
nlohmann::json parse_json_text(const std::string& text, const std::string& name);
/// The quads of a JSON-LD document in the compacted form newskg writes (see
/// src/io/jsonld_reader.cpp for the subset read), literals with their datatype and
/// language. throws parse_error (newskg.parse.505) naming `name` on anything outside it.
void jsonld_quads(const nlohmann::json& doc, const std::string& name, const io::QuadSink& each);

} // namespace newskg::detail
