#pragma once
/// RDF export of a knowledge graph (Turtle, N-Triples, N-Quads, TriG, RDF/XML), built
/// and serialised with librdf so that IRIs and literals are escaped by the RDF library,
/// not by hand. JSON-LD of the same model: jsonld.hpp.
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
/// The dataset syntaxes (N-Quads, TriG) hold the same triples, each in exactly one graph:
/// actors, outlets and the direct triples in the default graph; each article's
/// description and the qualified nodes read from it in the named graph whose name is
/// the article's IRI. Loading a dataset as one graph (its union) gives the Turtle export.
///
/// The output is deterministic: the same graph gives the same bytes (N-Triples and
/// N-Quads lines are sorted; Turtle, TriG and RDF/XML are written subject by subject in
/// IRI order, TriG's graphs in IRI order after the default graph).
#include <string>

#include <vector>

#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/io/term.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

enum class RdfSyntax {
    Turtle,
    NTriples,
    NQuads,  ///< N-Quads: N-Triples with the graph name, one article per named graph
    TriG,    ///< TriG: Turtle with named graphs, as N-Quads
    RdfXml,  ///< RDF/XML (abbreviated form: one typed element per subject); control
             ///< characters XML 1.0 cannot hold become spaces in literals, invalid
             ///< UTF-8 becomes U+FFFD
};

/// Serialises the graph. `base_iri` is the namespace of minted IRIs (qualified edge
/// nodes, outlets); empty means kDefaultBaseIri. throws rdf_error when librdf fails.
std::string to_rdf(const KnowledgeGraph& graph, const Ontology& ontology, RdfSyntax syntax,
                   const std::string& base_iri);

/// The dataset the N-Quads and TriG exports write, as quads in no particular order: for
/// writers that build their syntax themselves (JSON-LD) and for the store, which loads
/// an extraction without writing and parsing it. `base_iri` as for to_rdf.
std::vector<Quad> to_quads(const KnowledgeGraph& graph, const Ontology& ontology, const std::string& base_iri);

} // namespace newskg
