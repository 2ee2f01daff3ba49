#pragma once
/// The embedded persistent RDF store: librdf's Berkeley DB "hashes" storage with named
/// graphs (contexts), loaded with what newskg extracts or exports and queried with SPARQL.
///
/// librdf's hashes storage has no transactions (it opens its Berkeley DB files without an
/// environment, so there is no log to recover from), and a process killed while it
/// writes them leaves files Berkeley DB cannot read. The store therefore never writes
/// the files readers use. Layout of a store directory:
///   current        symlink to the committed generation, replaced atomically (rename)
///   gen-NNNNNNNN/  one generation: newskg-sp2o.db, -po2s.db, -so2p.db, -contexts.db,
///                  `manifest` (size and checksum of each file, written last) and
///                  `readers` (flock()ed shared by each process reading it)
///   lock           flock()ed exclusively by the one writer
/// A writer copies the current generation into a new directory, changes the copy,
/// syncs its files, writes its manifest, and commits by pointing `current` at it (a
/// rename of a symlink, then a sync of the directory). Killed at any instant, it leaves
/// `current` naming either the old generation or the new one, both complete; the
/// half-written copy is removed by the next writer. Readers never wait for a writer:
/// they read the generation `current` named when they opened it, and an old generation
/// is removed only when no reader holds it. Opening checks the files against the
/// manifest and every page for a well-formed B-tree page (librdf ends a cursor silently
/// where Berkeley DB cannot read a page), and a read (query, size, graphs, quads) checks
/// them again when it is done: a damaged store is an error, never a silently short
/// answer. A writer never commits files that fail the page check.
///
/// Loading is idempotent: a triple already in its graph is not added again, so loading
/// the same article or export twice leaves the same store, and articles that name the
/// same actor IRI merge into one node. A named graph (an article's, or one of an
/// N-Quads/TriG file) that the store already holds with different content is replaced,
/// and the replacement reported (LoadStats::replaced): two versions of an article are
/// never merged.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newskg/core/error.hpp"
#include "newskg/io/term.hpp"

namespace newskg {

class Ontology;
struct Extraction;

/// A store cannot be opened, is locked, or a load or query failed.
/// Ids "newskg.store.<code>" (ids::store in newskg/core/error_ids.hpp).
class store_error : public error {
  public:
    store_error(ids::Id<ids::Family::Store> id, const std::string& what_arg) : error(ids::text(id), what_arg) {}
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
    std::size_t triples_removed = 0; ///< quads of replaced graphs' old versions removed
    /// Named graphs the store held with different content, replaced by the new version.
    std::vector<std::string> replaced;
    LoadStats& operator+=(const LoadStats& o);
};

class TripleStore {
  public:
    enum class Mode { Read, Write };

    /// Opens the store in `dir`. Write mode creates the directory and an empty store
    /// when there is none, takes the writer lock, and removes what killed writers left;
    /// nothing it changes is seen by anyone until commit(). Read mode needs an existing
    /// store and reads its committed generation, whatever a writer is doing.
    /// throws store_error: no store (Read), another writer (Write), files that do not
    /// match their manifest (a damaged store), Berkeley DB refusing them.
    static TripleStore open(const std::string& dir, Mode mode);

    TripleStore(TripleStore&&) noexcept;
    TripleStore& operator=(TripleStore&&) noexcept;
    ~TripleStore();

    const std::string& dir() const noexcept;

    /// Applies one batch (see the file comment) to the uncommitted generation: each named
    /// graph of `quads` that the store holds with other content is replaced (its old
    /// version removed, with the direct triples no other article states), then each quad
    /// not already in its graph is added. requires Write mode. A parse error never gets
    /// here; a write that fails throws store_error, and the run can no longer commit.
    LoadStats apply(const std::vector<Quad>& quads);

    /// Whether apply() replaces a named graph the store holds with other content (the
    /// default), or refuses the batch: store_error newskg.store.11 naming the graph,
    /// before anything of the batch is written.
    void replace_changed_graphs(bool replace) noexcept;

    /// Makes every batch applied so far durable and visible at once (see the file
    /// comment); a store nothing was applied to is left as it was. The store stays open
    /// and further batches start a new generation. throws store_error when a write
    /// failed earlier or the files cannot be synced (the committed store is unchanged).
    void commit();

    /// What unload() did to one graph.
    struct Unloaded {
        std::string graph;              ///< the named graph asked for
        bool found = false;             ///< whether the store held it
        std::size_t triples_removed = 0; ///< its quads and its direct triples removed
    };
    /// Removes named graphs (articles) from the uncommitted generation: every quad of the
    /// graph, and the direct triples (subject nkg:accused object) of its readings that no
    /// other graph in the store states. Actors stay: other articles share them.
    /// requires Write mode; visible after commit().
    std::vector<Unloaded> unload(const std::vector<std::string>& graphs);

    /// Loads one article's extraction: its dataset as the N-Quads export would write it
    /// (`base_iri` as for to_rdf), replacing the article's named graph.
    LoadStats load_extraction(const Extraction& extraction, const Ontology& ontology,
                              const std::string& base_iri);

    /// Loads an RDF file (.ttl .nt .nq .trig .rdf .xml .owl), keeping the graph names of
    /// N-Quads and TriG, as one batch. throws parse_error naming the file and line, or
    /// store_error for a syntax librdf cannot read; either before anything is written.
    LoadStats load_file(const std::string& path);

    /// Runs a SPARQL 1.1 query on the store's own data. throws store_error with Rasqal's
    /// message on a syntax error, and before running anything for what the engine must
    /// not do or does wrong (see check_sparql in query.hpp): SERVICE, updates, ...; and
    /// store_error newskg.store.12 after running it when the committed files changed or
    /// show a damaged page (the answer may be short).
    QueryResult query(const std::string& sparql);
    /// The same, handing each row of a SELECT to `row` as it is read instead of keeping
    /// it (after `variables` got the names): the returned result then has no rows.
    /// Boolean and graph results are returned whole.
    QueryResult query(const std::string& sparql, const std::function<void(const std::vector<std::string>&)>& variables,
                      const std::function<void(std::vector<std::optional<Term>>&&)>& row);

    /// Number of quads in the store (every graph).
    std::size_t size() const;
    /// Names of the named graphs, sorted.
    std::vector<std::string> graphs() const;
    /// Every quad, sorted by graph then N-Triples text: for comparing stores.
    std::vector<Quad> quads() const;

    /// Whether `path` names an RDF file load_file reads (by extension).
    static bool is_rdf_file(const std::string& path);
    /// The directory of the generation this object reads (or writes, before commit()).
    std::string generation_dir() const;

    /// The store directory used when none is given: $NEWSKG_STORE, else exports/store.
    static std::string default_dir();

  private:
    struct Impl;
    explicit TripleStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace newskg
