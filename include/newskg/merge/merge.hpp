#pragma once
/// Merging graphs: the union by IRI (GraphUnion, newskg/graph/union.hpp: order-free,
/// associative, commutative, idempotent), then cross-article actor resolution (aliases, acronyms, near-spellings), with a log
/// of every merge that was not an exact IRI match.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/graph/union.hpp"

namespace newskg {

class Ontology;

/// A user's alias file: Turtle in the gazetteer's format. Each subject with names
/// (skos:prefLabel, skos:altLabel, rdfs:label, nkg:acronym) is one actor: every node
/// whose IRI is the subject or one of whose names is one of those names is merged into
/// one. `owl:differentFrom` between two subjects (actor IRIs, or alias-file entries and
/// so their names) forbids merging them.
struct AliasRules {
    struct Entry {
        std::string iri;
        std::vector<std::string> names;
    };
    std::vector<Entry> entries;
    std::vector<std::pair<std::string, std::string>> different; ///< IRI pairs

    /// throws input_error / rdf_error naming the file.
    static AliasRules load(const std::string& path);
};

struct MergeOptions {
    /// Resolve actors beyond exact IRIs (aliases, acronyms, near-spellings). The alias
    /// file's merges apply either way.
    bool fuzzy = true;
    AliasRules aliases;
};

/// One actor merged into another by resolution.
struct MergeLogEntry {
    std::string kept;         ///< the surviving IRI
    std::string kept_label;
    std::string merged;       ///< the IRI that disappeared
    std::string merged_label;
    std::string via;          ///< the node it matched, when not the survivor itself
    std::string kind;         ///< "alias", "acronym", "edit-distance", "alias-file"
    std::string reason;       ///< human-readable: alias "Mali", edit distance 1 "MIMUSMA"~"MINUSMA"
};

struct MergeResult {
    KnowledgeGraph graph;
    std::vector<MergeLogEntry> log; ///< sorted by kept, then merged IRI
    std::size_t nodes_before = 0;   ///< after the IRI union, before resolution
};

/// Resolves the actors of a graph (usually a union of several articles): candidate pairs
/// of nodes by a shared proper name (alias), acronym ↔ initials of a name, and
/// near-spelling (edit distance 1 for names of 5+ characters, 2 for 12+), merged only
/// when their types agree (or one is the generic Actor), their country codes do not
/// differ, no gazetteer entry separates them (two gazetteer actors never merge; a name
/// that is a gazetteer entry's own is not a misspelling of another's) and the alias file
/// does not forbid it; a node whose names are two gazetteer actors' joins neither. The
/// surviving IRI: the gazetteer's, else the alias file's, else a specifically typed
/// node's, else one not labelled by an acronym, else the smallest. Deterministic and independent of the
/// order the graph was built in.
MergeResult resolve_actors(const KnowledgeGraph& graph, const Ontology& ontology,
                           const MergeOptions& options);
/// The same, taking the graph's edges instead of copying them; the graph is left empty.
MergeResult resolve_actors(KnowledgeGraph&& graph, const Ontology& ontology, const MergeOptions& options);

/// What every command that combines graphs writes: the union's graph, with its actors
/// resolved (resolve_actors) when it holds more than one graph. A single graph is taken
/// as it is, since resolution is across graphs; so `merge`, `stats`, `path`, `render` and
/// `extract` agree on the same inputs.
MergeResult resolve_union(const GraphUnion& all, const Ontology& ontology, const MergeOptions& options);
/// The same, taking the union's edges (GraphUnion::take) instead of copying them; the
/// union is empty afterwards.
MergeResult resolve_union(GraphUnion&& all, const Ontology& ontology, const MergeOptions& options);

/// GraphUnion of the graphs, then resolve_union.
MergeResult merge_graphs(const std::vector<const KnowledgeGraph*>& graphs, const Ontology& ontology,
                         const MergeOptions& options);

/// The log as JSON Lines: {"kept", "kept_label", "merged", "merged_label", "via", "kind",
/// "reason"} per line.
std::string merge_log_jsonl(const std::vector<MergeLogEntry>& log);
/// "N merges (alias: a, acronym: b, edit distance: c, alias file: d)".
std::string merge_log_summary(const std::vector<MergeLogEntry>& log);

} // namespace newskg
