#include "newskg/store/remote.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <thread>

#include "newskg/store/query.hpp"
#include "store/http.hpp"

namespace newskg::store {

namespace {

/// The server's explanation, short enough for one message line: HTML tags dropped,
/// whitespace collapsed, at most 300 characters, control characters escaped (a reply
/// must not drive the terminal the message is printed on).
std::string snippet(const std::string& body) {
    std::string text;
    bool in_tag = false, space = false;
    for (char c : body) {
        if (c == '<') in_tag = true;
        if (in_tag) {
            if (c == '>') {
                in_tag = false;
                space = true;
            }
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !text.empty()) text += ' ';
        space = false;
        text += c;
    }
    if (text.size() > 300) text = text.substr(0, 297) + "...";
    return escape_controls(text, false);
}

std::string with_snippet(const std::string& message, const http::Response& r) {
    std::string s = snippet(r.body);
    if (r.body_truncated) s += " [the rest of the answer, past " + std::to_string(r.body.size() / 1024) + " KiB, was not read]";
    return s.empty() ? message : message + ": " + s;
}

/// Seconds from a Retry-After header given in seconds, or -1.
double retry_after_s(const http::Response& r) {
    std::string v = r.header("Retry-After");
    if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
    try {
        return std::stod(v);
    } catch (const std::exception&) {
        return -1;
    }
}

bool has_userinfo(const std::string& url) {
    auto scheme = url.find("://");
    std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
    auto end = url.find_first_of("/?#", start);
    auto at = url.find('@', start);
    return at != std::string::npos && (end == std::string::npos || at < end);
}

} // namespace

std::string default_query_endpoint(const std::string& endpoint) {
    std::string base = endpoint.substr(0, endpoint.find_first_of("?#"));
    auto scheme = base.find("://");
    auto path = base.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (path == std::string::npos) return base + "/sparql";
    auto last = base.find_last_of('/');
    return base.substr(0, last + 1) + "sparql";
}

RemoteStore::RemoteStore(RemoteOptions options) : options_(std::move(options)), http_(std::make_unique<http::Client>()) {
    if (options_.endpoint.empty()) throw usage_error("no endpoint URL");
    // A password in the URL would end up in messages and process listings.
    if (has_userinfo(options_.endpoint) || has_userinfo(options_.query_endpoint))
        throw usage_error("the endpoint URL must not hold a user or password: give the user with "
                          "--user and the password in NEWSKG_PASSWORD or --password-file");
    if (options_.query_endpoint.empty()) options_.query_endpoint = default_query_endpoint(options_.endpoint);
    if (options_.retries < 0) options_.retries = 0;
}

RemoteStore::~RemoteStore() = default;
RemoteStore::RemoteStore(RemoteStore&&) noexcept = default;
RemoteStore& RemoteStore::operator=(RemoteStore&&) noexcept = default;

std::string RemoteStore::graph_url(const GraphName& graph) {
    const char sep = options_.endpoint.find('?') == std::string::npos ? '?' : '&';
    if (graph.is_default()) return options_.endpoint + sep + "default";
    return options_.endpoint + sep + "graph=" + http_->escape(graph.name);
}

namespace {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return buf;
}

/// Sends `request` until it succeeds, a non-retryable answer comes, or the retries are
/// spent. Messages name `endpoint` and, when given, `action` ("PUT <graph>"), rather than
/// the request's URL with its percent-encoded graph IRI.
http::Response exchange(http::Client& client, const http::Request& request, const std::string& endpoint,
                        const std::string& action, const RemoteOptions& o, const RetryNotice& on_retry,
                        Deadline deadline) {
    using Kind = remote_error::Kind;
    const std::string url = action.empty() ? endpoint : endpoint + " (" + action + ")";
    const int attempts = o.retries + 1;
    const std::string out_of_time = "--timeout of " + seconds_text(o.timeout_s) + " s for the whole push";
    for (int attempt = 1;; ++attempt) {
        std::string problem;
        Kind kind = Kind::ServerError;
        long status = 0;
        double wait = std::min(o.max_delay_s, o.retry_delay_s * std::pow(2.0, attempt - 1));
        // Every attempt gets what is left of the push's time, no more.
        const double left = std::chrono::duration<double>(deadline - Clock::now()).count();
        if (left <= 0)
            throw remote_error(Kind::Timeout, 0, url + ": not sent: the " + out_of_time + " has passed");
        http::Request attempt_request = request;
        attempt_request.total_timeout_s = std::min(request.total_timeout_s, left);
        attempt_request.connect_timeout_s = std::min(request.connect_timeout_s, left);
        attempt_request.stall_timeout_s =
            std::min<long>(request.stall_timeout_s, std::max<long>(1, std::lround(std::ceil(left))));
        try {
            http::Response r = client.perform(attempt_request);
            status = r.status;
            if (r.status >= 200 && r.status < 300) return r;
            const std::string http_status = "HTTP " + std::to_string(r.status);
            if (r.status == 401 || r.status == 403) {
                // Wrong credentials do not get better by asking again.
                throw remote_error(Kind::AuthRefused, r.status,
                                   request.user.empty()
                                       ? url + ": the server asks for authentication (" + http_status +
                                             ") and no user was given"
                                       : "authentication refused for " + request.user + " at " + endpoint +
                                             " (" + http_status + ")");
            }
            if (r.status == 404)
                throw remote_error(Kind::NotFound, r.status,
                                   with_snippet(url + ": not found (" + http_status +
                                                    "): is the endpoint URL right?",
                                                r));
            if (r.status != 429 && r.status < 500)
                throw remote_error(Kind::Rejected, r.status,
                                   with_snippet(url + ": the server refused the request (" + http_status + ")",
                                                r));
            problem = with_snippet(url + ": " + http_status, r);
            if (double after = retry_after_s(r); after >= 0) wait = std::min(after, o.max_delay_s);
        } catch (const http::TransportError& e) {
            if (e.kind() == http::TransportError::Kind::Timeout) {
                kind = Kind::Timeout;
                problem = url + ": no answer in time (" + escape_controls(e.what()) + ")";
            } else {
                kind = Kind::Unreachable;
                problem = url + ": cannot reach the server (" + escape_controls(e.what()) + ")";
            }
        }
        if (attempt >= attempts)
            throw remote_error(kind, status,
                               problem + (attempts > 1 ? " (gave up after " + std::to_string(attempts) + " attempts)"
                                                       : std::string()));
        if (Clock::now() + std::chrono::duration<double>(wait) >= deadline)
            throw remote_error(kind, status,
                               problem + " (gave up after " + std::to_string(attempt) + " attempt" +
                                   (attempt > 1 ? "s" : "") + ": the " + out_of_time + " ends before another)");
        if (on_retry) on_retry(problem, attempt + 1, wait);
        std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
}

http::Request base_request(const RemoteOptions& o) {
    http::Request r;
    r.user = o.user;
    r.password = o.password;
    r.connect_timeout_s = std::min(o.connect_timeout_s, o.timeout_s);
    r.total_timeout_s = o.timeout_s;
    r.stall_timeout_s = std::min<long>(o.stall_timeout_s, std::max<long>(1, std::lround(o.timeout_s)));
    return r;
}

} // namespace

long RemoteStore::send_graph(const std::string& method, const GraphName& graph, const std::string& body) {
    http::Request r = base_request(options_);
    r.method = method;
    r.url = graph_url(graph);
    r.body = body;
    if (method != "DELETE") r.headers.emplace_back("Content-Type", "application/n-triples");
    return exchange(*http_, r, options_.endpoint, method + " " + graph.describe(), options_, on_retry_, deadline())
        .status;
}

std::chrono::steady_clock::time_point RemoteStore::deadline() {
    // The clock starts with the first request: parsing and extracting inputs do not count.
    if (!deadline_)
        deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(options_.timeout_s));
    return *deadline_;
}

void RemoteStore::put_graph(const GraphName& graph, const std::string& ntriples) {
    send_graph("PUT", graph, ntriples);
}

void RemoteStore::post_graph(const GraphName& graph, const std::string& ntriples) {
    send_graph("POST", graph, ntriples);
}

void RemoteStore::delete_graph(const GraphName& graph) {
    try {
        send_graph("DELETE", graph, "");
    } catch (const remote_error& e) {
        if (e.kind() != remote_error::Kind::NotFound) throw;
    }
}

nlohmann::json RemoteStore::query(const std::string& sparql) {
    http::Request r = base_request(options_);
    r.method = "POST";
    r.url = options_.query_endpoint;
    r.body = "query=" + http_->escape(sparql);
    r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    r.headers.emplace_back("Accept", "application/sparql-results+json");
    r.max_body_bytes = 16 * 1024 * 1024; // counts and small answers; never a whole store
    http::Response answer = exchange(*http_, r, r.url, "", options_, on_retry_, deadline());
    nlohmann::json results = nlohmann::json::parse(answer.body, nullptr, false);
    if (results.is_discarded() || !results.is_object())
        throw remote_error(remote_error::Kind::BadAnswer, answer.status,
                           with_snippet(r.url + ": the answer to a query is not SPARQL results in JSON", answer));
    return results;
}

std::size_t RemoteStore::count_triples(const std::string& graph_iri) {
    nlohmann::json results =
        query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph_iri + "> { ?s ?p ?o } }");
    try {
        const auto& bindings = results.at("results").at("bindings");
        if (bindings.empty()) return 0;
        return std::stoull(bindings.at(0).at("n").at("value").get<std::string>());
    } catch (const std::exception&) {
        throw remote_error(remote_error::Kind::BadAnswer, 200,
                           options_.query_endpoint + ": the count of " + graph_iri + " is not a number");
    }
}

} // namespace newskg::store
