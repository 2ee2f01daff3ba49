#pragma once
// The triples of an RDF file as plain values grouped by subject, for the graph readers
// of src/io (exported graphs, JSON-LD) and the alias files of src/merge; parsed through
// src/rdf.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "rdf/term.hpp"

namespace newskg::detail {

/// One object of a subject's property.
using Value = RdfTerm;

/// A subject's properties: predicate IRI → objects, in parse order.
using Description = std::map<std::string, std::vector<Value>>;
/// Every subject of a file.
using Descriptions = std::map<std::string, Description>;

/// Parses a local file with librdf's parser `syntax` ("turtle", "ntriples", "nquads",
/// "trig", "rdfxml"). throws input/rdf errors as rdf::Parser::parse_file does.
Descriptions parse_rdf_file(const std::string& path, const std::string& syntax);
/// The same for RDF text in memory; `name` stands for the source in messages.
Descriptions parse_rdf_text(std::string_view text, const std::string& syntax, const std::string& name);
/// The triples of a JSON-LD document in the compacted form newskg writes (see
/// src/io/jsonld_reader.cpp for the subset read). throws parse_error (newskg.parse.505)
/// naming `name` on anything outside it.
Descriptions jsonld_descriptions(const nlohmann::json& doc, const std::string& name);

} // namespace newskg::detail
