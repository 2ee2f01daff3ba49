#pragma once
/// The knowledge graph as JSON-LD 1.0/1.1: the same RDF dataset as the N-Quads and TriG
/// exports (rdf.hpp: actors, outlets and direct triples in the default graph, each
/// article's description and qualified nodes in the graph named by the article IRI),
/// written with nlohmann/json under newskg's published context.
///
/// The context is ontology/context.jsonld (jsonld_context() returns the same, and a
/// test keeps the two equal). It is embedded in every document rather than referenced
/// by URL, so a JSON-LD processor needs no network to read an export. In it:
///   - "@vocab" is the ontology namespace, so ontology terms are keys and types as
///     they are ("accused", "cameoCode", "@type": "Country");
///   - terms from other vocabularies get short names ("prefLabel", "headline",
///     "wasDerivedFrom" …) and the prefixes rdf, rdfs, xsd, skos, prov, schema, nkg,
///     cameo are declared;
///   - values of properties whose range is an actor or article are IRI strings; numbers
///     with a fixed datatype are JSON numbers (integers) or strings (decimals, to keep
///     their exact lexical form); dates are {"@value", "@type"} objects because their
///     datatype (xsd:date, xsd:gYearMonth, xsd:gYear) follows the precision the text
///     gives.
///
/// Output is deterministic: nodes in IRI order, the default graph's first, then one
/// {"@id": article, "@graph": [...]} per article in IRI order; keys sorted; values
/// sorted.
#include <string>

#include <nlohmann/json.hpp>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

/// The context document ({"@context": {...}}) that ontology/context.jsonld publishes.
const nlohmann::json& jsonld_context();

/// The JSON-LD document of the graph (pretty-printed, trailing newline). `base_iri` as
/// for to_rdf. throws rdf_error when librdf fails to build the model.
std::string to_jsonld(const KnowledgeGraph& graph, const Ontology& ontology,
                      const std::string& base_iri);

} // namespace newskg
