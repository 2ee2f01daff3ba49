#pragma once
/// A client for remote RDF stores: the SPARQL 1.1 Graph Store HTTP Protocol (PUT, POST
/// and DELETE of one graph) and SPARQL queries over HTTP, with authentication, bounded
/// retries with exponential back-off, and timeouts. Used by `newskg push`.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "newskg/core/error.hpp"

namespace newskg::store {

namespace http {
class Client;
}

/// A remote store refused a request or could not be reached. The message names the URL
/// and, for authentication, the user; never the password.
class remote_error : public error {
  public:
    enum class Kind {
        Unreachable = ids::remote::kUnreachable.code, ///< no connection (server down, wrong host or port)
        Timeout = ids::remote::kTimeout.code,         ///< connected, but no complete answer in time
        AuthRefused = ids::remote::kAuthRefused.code, ///< 401 or 403
        NotFound = ids::remote::kNotFound.code,       ///< 404: the endpoint URL is wrong
        Rejected = ids::remote::kRejected.code,       ///< another 4xx: the server refused this request
        ServerError = ids::remote::kServerError.code, ///< 5xx or 429 after every retry
        BadAnswer = ids::remote::kBadAnswer.code,     ///< a 2xx whose content is not what was asked for
    };
    remote_error(Kind kind, long status, const std::string& what_arg)
        : error(ids::text(ids::Family::Remote, static_cast<int>(kind)), what_arg), kind_(kind), status_(status) {}
    Kind kind() const noexcept { return kind_; }
    /// The last HTTP status, 0 when none came back.
    long status() const noexcept { return status_; }

  private:
    Kind kind_;
    long status_;
};

struct RemoteOptions {
    /// Graph Store endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth.
    std::string endpoint;
    /// SPARQL query endpoint; empty: the Graph Store endpoint's last path segment
    /// replaced by "sparql" (Virtuoso /sparql, Fuseki /DATASET/sparql).
    std::string query_endpoint;
    std::string user;     ///< no authentication when empty
    std::string password; ///< never logged
    /// Further attempts after a failed one (transport error, 5xx, 429); 4xx never retried.
    int retries = 3;
    /// Wait before the first retry; doubled for each next one, capped at max_delay_s.
    double retry_delay_s = 0.5;
    double max_delay_s = 8;
    double connect_timeout_s = 10;
    /// Every request of this RemoteStore together, their retries and waits included,
    /// counted from the first request: no request starts, and none runs, past it.
    double timeout_s = 300;
    long stall_timeout_s = 30; ///< no byte moved for this long: abort the attempt
};

/// One graph of a store: a named graph, or the default graph when `name` is empty.
struct GraphName {
    std::string name;
    bool is_default() const { return name.empty(); }
    /// "<IRI>" or "the default graph": for messages.
    std::string describe() const { return name.empty() ? "the default graph" : "<" + name + ">"; }
};

/// Told about each retry before it waits: what failed, the attempt that comes next
/// (2 for the first retry), and the wait in seconds.
using RetryNotice = std::function<void(const std::string& problem, int next_attempt, double wait_s)>;

class RemoteStore {
  public:
    explicit RemoteStore(RemoteOptions options);
    ~RemoteStore();
    RemoteStore(RemoteStore&&) noexcept;
    RemoteStore& operator=(RemoteStore&&) noexcept;

    void on_retry(RetryNotice notice) { on_retry_ = std::move(notice); }
    const RemoteOptions& options() const { return options_; }

    /// Replaces the graph with these triples (HTTP PUT). `ntriples` is N-Triples text.
    void put_graph(const GraphName& graph, const std::string& ntriples);
    /// Adds these triples to the graph (HTTP POST).
    void post_graph(const GraphName& graph, const std::string& ntriples);
    /// Deletes the graph (HTTP DELETE); a graph that does not exist is not an error.
    void delete_graph(const GraphName& graph);
    /// Runs a SPARQL query on the query endpoint; the parsed
    /// application/sparql-results+json answer.
    nlohmann::json query(const std::string& sparql);
    /// The number of triples in a named graph, counted by a SPARQL query.
    std::size_t count_triples(const std::string& graph_iri);

  private:
    /// Sends to the Graph Store endpoint with retries; returns the final 2xx status.
    long send_graph(const std::string& method, const GraphName& graph, const std::string& body);
    std::string graph_url(const GraphName& graph);
    /// When the time of the whole exchange (RemoteOptions::timeout_s) runs out.
    std::chrono::steady_clock::time_point deadline();

    RemoteOptions options_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    std::unique_ptr<http::Client> http_;
    RetryNotice on_retry_;
};

/// The default query endpoint for a Graph Store endpoint (see RemoteOptions).
std::string default_query_endpoint(const std::string& graph_store_endpoint);

} // namespace newskg::store
