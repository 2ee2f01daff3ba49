#pragma once
/// RDF export of a knowledge graph (Turtle or N-Triples), built and serialised with
/// librdf so that IRIs and literals are escaped by the RDF library, not by hand.
///
/// What is written:
///   - each actor: rdf:type nkg:<Type>, skos:prefLabel and rdfs:label, skos:altLabel per
///     alias, nkg:isoCode;
///   - each article: schema:NewsArticle and prov:Entity with schema:headline,
///     schema:datePublished, schema:publisher, nkg:agency, schema:url, schema:mentions;
///   - each edge twice: as the direct triple (subject nkg:<predicate> object) and as one
///     qualified node per piece of evidence (nkg:Event or nkg:StandingRelationStatement)
///     carrying the CAMEO code, scores, date, confidence, rule, speaker, flags, the
///     evidence sentence and its offsets, and prov:wasDerivedFrom the article.
///
/// The output is deterministic: the same graph gives the same bytes (N-Triples lines
/// are sorted; Turtle is written subject by subject in IRI order).
#include <string>

#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

enum class RdfSyntax { Turtle, NTriples };

/// Serialises the graph. `base_iri` is the namespace of minted IRIs (qualified edge
/// nodes, outlets); empty means kDefaultBaseIri. throws rdf_error when librdf fails.
std::string to_rdf(const KnowledgeGraph& graph, const Ontology& ontology, RdfSyntax syntax,
                   const std::string& base_iri);

} // namespace newskg
