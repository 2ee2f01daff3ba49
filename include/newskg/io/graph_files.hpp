#pragma once
/// Reading back the graphs newskg wrote: the RDF exports (through librdf's parsers) and
/// the JSON export (from_json). Part of the graph I/O layer: io::read_graph
/// (newskg/io/graph_io.hpp) is what the commands call.
#include <optional>
#include <string>
#include <string_view>

#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/io/formats.hpp"

namespace newskg {

class Ontology;

/// Reads a graph newskg exported, in a format of newskg/io/formats.hpp that is readable
/// (chosen by the extension, case-insensitively). From RDF (JSON-LD included) it rebuilds
///   - the actors (rdf:type nkg:<Type>, skos:prefLabel, skos:altLabel, nkg:isoCode) and,
///     from each article's schema:mentions, the articles that name them;
///   - the articles (schema:NewsArticle: identifier, headline, datePublished, publisher
///     and agency names, url);
///   - the edges from the qualified nodes (nkg:Event, nkg:StandingRelationStatement):
///     one edge per subject, predicate, object, CAMEO code and negation, with one
///     evidence item per qualified node and the dates, confidence, rule, speaker, flags
///     and mention count they carry. Direct triples are implied by them and not read.
/// What RDF does not carry: an article's source path (empty), the order of its agencies
/// and authors (they come back sorted), decimals beyond 6 places (confidence and Goldstein values are
/// written as xsd:decimal with 6), and in RDF/XML the control characters XML cannot hold
/// (written as spaces).
/// throws input_error (newskg.input.101) when the file does not exist; rdf_error
/// ("<path>:<line>: …") on an RDF syntax error; parse_error naming the file for JSON that
/// is not JSON or not a newskg graph (from_json's ids), for RDF that describes no newskg
/// actor or article (newskg.parse.502), a malformed value (503), or an unknown extension
/// (504), JSON-LD outside the subset newskg writes (505).
KnowledgeGraph read_graph_file(const std::string& path, const Ontology& ontology);

/// The same for text in memory in `format`; `name` stands for the source in messages.
KnowledgeGraph read_graph_text(const std::string& text, const io::FormatInfo& format, const std::string& name,
                               const Ontology& ontology);

} // namespace newskg
