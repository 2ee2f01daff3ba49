#pragma once
/// Private RAII wrapper around libcurl's easy interface. http.cpp is the only file in
/// newskg that calls libcurl: the remote-store client speaks HTTP through these types.
///
/// Passwords travel in HttpRequest::password only: they are handed to libcurl as a
/// separate option (never in the URL) and no message built here contains them.
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newskg::store::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

/// Which authentication schemes to offer when the server asks (401 with a challenge).
enum class Auth { Any, Basic, Digest };

struct Request {
    std::string method = "GET"; ///< GET, PUT, POST, DELETE …
    std::string url;
    Headers headers;
    std::string body; ///< sent when not empty, or always for PUT and POST
    /// Credentials; no authentication when user is empty.
    std::string user;
    std::string password;
    Auth auth = Auth::Any;
    double connect_timeout_s = 10;
    double total_timeout_s = 300; ///< 0: no limit
    /// Abort when fewer than 1 byte/s moved for this long (a stalled server); 0: never.
    long stall_timeout_s = 30;
    /// The most of the answer's body kept: a server may send an endless one. When more
    /// comes, the transfer is cut there and the Response says so (body_truncated).
    std::size_t max_body_bytes = 64 * 1024;
};

struct Response {
    long status = 0;
    std::string body;          ///< at most Request::max_body_bytes
    bool body_truncated = false; ///< the server sent more, which was not read
    Headers headers; ///< names as the server sent them
    /// The value of the first header named `name` (case-insensitive), or "".
    std::string header(std::string_view name) const;
};

/// What went wrong below HTTP: no connection, a timeout, a reset. No status was received.
class TransportError : public std::runtime_error {
  public:
    enum class Kind { Connect, Timeout, Other };
    TransportError(Kind kind, const std::string& what_arg) : std::runtime_error(what_arg), kind_(kind) {}
    Kind kind() const noexcept { return kind_; }

  private:
    Kind kind_;
};

namespace detail {
struct EasyDeleter {
    void operator()(void* p) const noexcept;
};
} // namespace detail

/// One libcurl easy handle, reused across requests (keeps the connection open).
/// Not thread-safe: one Client per thread.
class Client {
  public:
    Client();
    Client(Client&&) noexcept = default;
    Client& operator=(Client&&) noexcept = default;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    ~Client() = default;

    /// Performs one request. Any HTTP status is a Response; throws TransportError when
    /// no response came back.
    Response perform(const Request& request);
    /// Percent-encodes a query-string value ("http://x/g" → "http%3A%2F%2Fx%2Fg").
    std::string escape(std::string_view value);

  private:
    std::unique_ptr<void, detail::EasyDeleter> curl_;
};

} // namespace newskg::store::http
