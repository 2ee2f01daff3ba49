#pragma once
/// The one RDF term and quad of newskg, as plain values: what the RDF wrappers copy out
/// of librdf, what the exporters build JSON-LD from, what the graph readers rebuild
/// graphs from, what the ontology is loaded from, and what the store loads and answers.
#include <string>

namespace newskg {

/// One RDF term: an IRI, a blank node or a literal.
struct Term {
    enum class Kind { Iri, Blank, Literal };
    Kind kind = Kind::Iri;
    std::string value;    ///< IRI, blank node id (without "_:") or lexical form
    std::string datatype; ///< literals: datatype IRI; empty for a plain literal
    std::string language; ///< literals: language tag, if any

    static Term iri(std::string v) { return {Kind::Iri, std::move(v), {}, {}}; }
    static Term blank(std::string id) { return {Kind::Blank, std::move(id), {}, {}}; }
    static Term literal(std::string v, std::string datatype = {}, std::string language = {}) {
        return {Kind::Literal, std::move(v), std::move(datatype), std::move(language)};
    }

    bool is_iri() const noexcept { return kind == Kind::Iri; }
    bool is_blank() const noexcept { return kind == Kind::Blank; }
    bool is_literal() const noexcept { return kind == Kind::Literal; }
    /// An IRI or a blank node: something a statement can be about.
    bool is_node() const noexcept { return kind != Kind::Literal; }

    /// The IRI, "_:" and the blank node id, or the lexical form (without datatype or
    /// language): the text the graph readers compare and keep.
    std::string text() const { return kind == Kind::Blank ? "_:" + value : value; }
    /// N-Triples form: <iri>, _:id, "text"@lang or "text"^^<datatype>, the literal's
    /// control characters (C0, DEL, C1) escaped, so the form never carries a raw escape
    /// sequence to a terminal.
    std::string ntriples() const;

    friend bool operator==(const Term& a, const Term& b) {
        return a.kind == b.kind && a.value == b.value && a.datatype == b.datatype && a.language == b.language;
    }
    friend bool operator!=(const Term& a, const Term& b) { return !(a == b); }
};

/// One statement and the graph it is in.
struct Quad {
    Term subject;
    Term predicate;    ///< always an IRI
    Term object;
    std::string graph; ///< IRI of the named graph; empty for the default graph

    /// The N-Quads line, ending in " .\n".
    std::string nquads() const;
};

} // namespace newskg
