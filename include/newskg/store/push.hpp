#pragma once
/// What `newskg push` sends: the graphs of RDF files and extracted articles, merged by
/// destination, each serialised as N-Triples, and the loop that sends them one request
/// per graph, stopping at the first failure.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/io/term.hpp"
#include "newskg/store/remote.hpp"

namespace newskg::store {

/// How a graph replaces what the store holds under its name.
enum class PushMode {
    Auto,    ///< named graphs replaced (PUT), the inputs' default graph appended (POST)
    Replace, ///< every graph replaced
    Append,  ///< every graph appended
    /// Each named graph of the inputs (an article's) deleted from the store; the
    /// inputs' default graph is left alone (actors and relations other articles share).
    Retract,
};

/// One graph ready to send.
struct GraphPayload {
    GraphName target;
    bool holds_default_graph = false; ///< the inputs' default graph goes here
    std::size_t triples = 0;
    std::string ntriples;
    /// Whether `mode` deletes this graph (Retract: the inputs' named graphs).
    bool retracted(PushMode mode) const { return mode == PushMode::Retract && !holds_default_graph; }
    /// Whether this graph is sent with PUT under `mode`.
    bool replaces(PushMode mode) const {
        return mode == PushMode::Replace || (mode == PushMode::Auto && !holds_default_graph);
    }
};

/// The graphs of several inputs, merged by destination in order of first appearance: a
/// named graph goes to its own name, the default graph to `default_target` (empty: the
/// store's default graph).
class PushDataset {
  public:
    explicit PushDataset(std::string default_target);
    ~PushDataset();
    PushDataset(const PushDataset&) = delete;
    PushDataset& operator=(const PushDataset&) = delete;

    /// Whether `path` names an RDF file (an RDF format of newskg/io/formats.hpp, by its
    /// extension in any case: .ttl .nt .nq .trig .rdf .xml .owl .jsonld).
    static bool is_rdf_file(const std::string& path);
    /// Adds every statement of an RDF file, read by io::read_quads. throws what it
    /// throws (rdf_error, parse_error, input_error, each naming the file), and rdf_error
    /// for a graph name that is not an IRI.
    void add_file(const std::string& path);
    /// Adds quads (the dataset of extracted articles, newskg/export/rdf.hpp to_quads);
    /// `name` stands for them in messages.
    void add(const std::vector<Quad>& quads, const std::string& name);
    bool empty() const;
    /// Each destination graph with its triples (duplicates within a graph dropped).
    std::vector<GraphPayload> payloads() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// What a push did.
struct PushReport {
    std::vector<GraphName> loaded;     ///< accepted by the store (2xx), in order
    std::vector<GraphName> not_loaded; ///< the failing graph first, then the unsent ones
    std::string error;                 ///< the failure's message; empty when all loaded
    bool complete() const { return not_loaded.empty(); }
};

/// Sends each payload in turn (PUT or POST by `mode`; DELETE, or nothing for the default
/// graph, under Retract), calling `pushed` after each one the store accepted; stops at
/// the first remote_error (after its retries).
PushReport push_graphs(RemoteStore& remote, const std::vector<GraphPayload>& payloads, PushMode mode,
                       const std::function<void(const GraphPayload&)>& pushed = {});

} // namespace newskg::store
