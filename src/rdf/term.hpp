#pragma once
// One RDF term and one quad as plain values, copied out of librdf/raptor: what the
// exporters hand the JSON-LD writer (export/rdf_dataset.hpp) and what the readers of
// src/merge and src/io build graphs from (io/rdf_triples.hpp).
#include <string>

namespace newskg::detail {

/// One RDF term.
struct RdfTerm {
    enum class Kind { Iri, Blank, Literal };
    Kind kind = Kind::Iri;
    std::string value;    ///< IRI, blank node id (without "_:") or lexical form
    std::string datatype; ///< literals: datatype IRI; empty for a plain (xsd:string) literal
    std::string language; ///< literals: language tag, if any

    static RdfTerm iri(std::string v) { return {Kind::Iri, std::move(v), {}, {}}; }
    static RdfTerm blank(std::string id) { return {Kind::Blank, std::move(id), {}, {}}; }
    static RdfTerm literal(std::string v) { return {Kind::Literal, std::move(v), {}, {}}; }

    /// An IRI or a blank node: something a statement can be about.
    bool is_node() const noexcept { return kind != Kind::Literal; }
    /// The IRI, "_:" and the blank node id, or the lexical form.
    std::string text() const { return kind == Kind::Blank ? "_:" + value : value; }
};

/// One statement and the graph it is in.
struct RdfQuad {
    std::string graph; ///< IRI of the named graph; empty for the default graph
    RdfTerm subject;
    std::string predicate;
    RdfTerm object;
};

} // namespace newskg::detail
