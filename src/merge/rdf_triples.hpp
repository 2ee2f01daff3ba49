#pragma once
// The triples of an RDF file as plain values grouped by subject, for the readers of
// src/merge (exported graphs, alias files); parsed through src/rdf.
#include <map>
#include <string>
#include <vector>

namespace newskg::detail {

/// One object of a subject's property: an IRI (or "_:" blank id) or a literal's lexical form.
struct Value {
    bool iri = false;
    std::string text;
};

/// A subject's properties: predicate IRI → objects, in parse order.
using Description = std::map<std::string, std::vector<Value>>;
/// Every subject of a file.
using Descriptions = std::map<std::string, Description>;

/// Parses a local file with librdf's parser `syntax` ("turtle", "ntriples", "nquads",
/// "trig", "rdfxml"). throws input/rdf errors as rdf::Parser::parse_file does.
Descriptions parse_rdf_file(const std::string& path, const std::string& syntax);

} // namespace newskg::detail
