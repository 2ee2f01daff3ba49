#pragma once
/// The embedded persistent RDF store: librdf's Berkeley DB "hashes" storage with named
/// graphs (contexts) in a directory, loaded with what newskg extracts or exports and
/// queried with SPARQL.
///
/// Layout of a store directory:
///   newskg-sp2o.db, -po2s.db, -so2p.db, -contexts.db   the triples and their graphs
///   lock      flock()ed: exclusively by a writer, shared by readers
///   journal   present only while a batch is being applied (see below)
///
/// Loading is idempotent and all-or-nothing per batch (one article, or one RDF file):
///   - an article's named graph (its IRI) is replaced: removed, then added again;
///   - every other quad (the default graph: actors, outlets, direct triples; the named
///     graphs of an RDF file) is added only when not already there, so loading the same
///     article or export twice leaves the same store, and articles that name the same
///     actor IRI merge into one node;
///   - before anything is written, the journal records the graphs to be replaced and the
///     quads to be added (N-Quads) and is synced; it is removed once the batch is
///     synced. Opening a store whose journal an interrupted run left behind rolls the
///     batch back (removes those graphs and quads), so the store holds all of a batch
///     or none of it and a rerun completes it without duplicates.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newskg/core/error.hpp"

namespace newskg {

class Ontology;
struct Extraction;

/// A store cannot be opened, is locked, or a load or query failed.
/// Ids "newskg.store.<code>".
class store_error : public error {
  public:
    store_error(int code, const std::string& what_arg)
        : error("newskg.store." + std::to_string(code), what_arg) {}
};

/// One RDF term, as plain values.
struct Term {
    enum class Kind { Iri, Blank, Literal };
    Kind kind = Kind::Iri;
    std::string value;    ///< IRI, blank node id (without "_:") or lexical form
    std::string datatype; ///< literals: datatype IRI; empty for a plain literal
    std::string language; ///< literals: language tag, if any

    static Term iri(std::string v) { return {Kind::Iri, std::move(v), {}, {}}; }
    static Term literal(std::string v, std::string datatype = {}, std::string language = {}) {
        return {Kind::Literal, std::move(v), std::move(datatype), std::move(language)};
    }
    /// N-Triples form: <iri>, _:id, "text"@lang or "text"^^<datatype>.
    std::string ntriples() const;
    bool operator==(const Term& o) const {
        return kind == o.kind && value == o.value && datatype == o.datatype && language == o.language;
    }
    bool operator!=(const Term& o) const { return !(*this == o); }
};

/// A statement and its graph.
struct Quad {
    Term subject;
    Term predicate;
    Term object;
    std::string graph; ///< IRI of the named graph; empty for the default graph
};

/// What a query answered: rows of bindings (SELECT), a boolean (ASK) or triples
/// (CONSTRUCT, DESCRIBE).
struct QueryResult {
    enum class Kind { Bindings, Boolean, Graph };
    Kind kind = Kind::Bindings;
    std::vector<std::string> variables;
    /// One entry per variable; nullopt when the variable is unbound in that row.
    std::vector<std::vector<std::optional<Term>>> rows;
    bool boolean = false;
    std::vector<Quad> triples; ///< graph results (graph names empty)
};

/// What a load added.
struct LoadStats {
    std::size_t articles = 0;       ///< articles loaded
    std::size_t files = 0;          ///< RDF files loaded
    std::size_t graphs = 0;         ///< named graphs written (replaced or added to)
    std::size_t triples_added = 0;  ///< quads that were not in the store before
    std::size_t triples_kept = 0;   ///< quads of the input already in the store
    LoadStats& operator+=(const LoadStats& o);
};

class TripleStore {
  public:
    enum class Mode { Read, Write };

    /// Opens the store in `dir`. Write mode creates the directory and an empty store
    /// when there is none, and locks it exclusively; Read mode needs an existing store
    /// and shares the lock with other readers. Either mode first rolls back a batch
    /// an interrupted run left in the journal. throws store_error: no store (Read),
    /// locked by another process, unreadable files.
    static TripleStore open(const std::string& dir, Mode mode);

    TripleStore(TripleStore&&) noexcept;
    TripleStore& operator=(TripleStore&&) noexcept;
    ~TripleStore();

    const std::string& dir() const noexcept;

    /// Applies one batch all-or-nothing (see the file comment): the named graphs in
    /// `replace` are emptied first, then each quad not already in its graph is added.
    LoadStats apply(const std::vector<Quad>& quads, const std::vector<std::string>& replace);

    /// Loads one article's extraction: its dataset as the N-Quads export would write it
    /// (`base_iri` as for to_rdf), replacing the article's named graph.
    LoadStats load_extraction(const Extraction& extraction, const Ontology& ontology,
                              const std::string& base_iri);

    /// Loads an RDF file (.ttl .nt .nq .trig .rdf .xml .owl), keeping the graph names of
    /// N-Quads and TriG, as one batch. throws parse_error naming the file and line, or
    /// store_error for a syntax librdf cannot read.
    LoadStats load_file(const std::string& path);

    /// Runs a SPARQL 1.1 query. throws store_error with Rasqal's message on a syntax error.
    QueryResult query(const std::string& sparql);

    /// Number of quads in the store (every graph).
    std::size_t size() const;
    /// Names of the named graphs, sorted.
    std::vector<std::string> graphs() const;
    /// Every quad, sorted by graph then N-Triples text: for comparing stores.
    std::vector<Quad> quads() const;

    /// Whether `path` names an RDF file load_file reads (by extension).
    static bool is_rdf_file(const std::string& path);
    /// The store directory used when none is given: $NEWSKG_STORE, else exports/store.
    static std::string default_dir();

  private:
    struct Impl;
    explicit TripleStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace newskg
