#include "store/http.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <curl/curl.h>

namespace newskg::store::http {

namespace detail {
void EasyDeleter::operator()(void* p) const noexcept { curl_easy_cleanup(static_cast<CURL*>(p)); }
} // namespace detail

namespace {

struct SlistDeleter {
    void operator()(curl_slist* p) const noexcept { curl_slist_free_all(p); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

struct CurlFreeDeleter {
    void operator()(char* p) const noexcept { curl_free(p); }
};

// libcurl wants one global initialisation before the first handle; a function-local
// static runs it once, thread-safely, and cleans up at exit.
struct GlobalInit {
    GlobalInit() {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::runtime_error("libcurl could not be initialised");
    }
    ~GlobalInit() { curl_global_cleanup(); }
    GlobalInit(const GlobalInit&) = delete;
    GlobalInit& operator=(const GlobalInit&) = delete;
};

void ensure_global_init() { static GlobalInit init; }

CURL* as_curl(void* p) { return static_cast<CURL*>(p); }

/// Where the body goes: kept up to a cap, after which the transfer is cut (returning
/// less than was given makes libcurl stop with CURLE_WRITE_ERROR).
struct BodySink {
    Response* response;
    std::size_t cap;
};

size_t append_body(char* data, size_t size, size_t n, void* user) {
    auto* sink = static_cast<BodySink*>(user);
    std::string& body = sink->response->body;
    const std::size_t room = sink->cap > body.size() ? sink->cap - body.size() : 0;
    if (size * n > room) {
        body.append(data, room);
        sink->response->body_truncated = true;
        return 0;
    }
    body.append(data, size * n);
    return size * n;
}

size_t append_header(char* data, size_t size, size_t n, void* user) {
    auto* headers = static_cast<Headers*>(user);
    std::string line(data, size * n);
    // A new response (after a 401 challenge or a redirect) starts with its status line.
    if (line.rfind("HTTP/", 0) == 0) {
        headers->clear();
        return size * n;
    }
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string value = line.substr(colon + 1);
        auto first = value.find_first_not_of(" \t");
        auto last = value.find_last_not_of(" \t\r\n");
        value = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
        headers->emplace_back(line.substr(0, colon), value);
    }
    return size * n;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

template <class T>
void set(CURL* c, CURLoption option, T value) {
    if (curl_easy_setopt(c, option, value) != CURLE_OK)
        throw TransportError(TransportError::Kind::Other, "libcurl refused an option");
}

} // namespace

std::string Response::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (iequals(n, name)) return v;
    return {};
}

Client::Client() {
    ensure_global_init();
    curl_.reset(curl_easy_init());
    if (!curl_) throw TransportError(TransportError::Kind::Other, "libcurl could not create a handle");
}

std::string Client::escape(std::string_view value) {
    std::unique_ptr<char, CurlFreeDeleter> out(
        curl_easy_escape(as_curl(curl_.get()), value.data(), static_cast<int>(value.size())));
    if (!out) throw TransportError(TransportError::Kind::Other, "libcurl could not escape a value");
    return out.get();
}

Response Client::perform(const Request& request) {
    CURL* c = as_curl(curl_.get());
    // Reset drops every option of the previous request but keeps its open connection.
    curl_easy_reset(c);
    Response response;
    char error_text[CURL_ERROR_SIZE] = {0};
    set(c, CURLOPT_ERRORBUFFER, error_text);
    set(c, CURLOPT_URL, request.url.c_str());
    set(c, CURLOPT_NOSIGNAL, 1L);
    set(c, CURLOPT_NOPROGRESS, 1L);
    BodySink sink{&response, request.max_body_bytes};
    set(c, CURLOPT_WRITEFUNCTION, append_body);
    set(c, CURLOPT_WRITEDATA, &sink);
    set(c, CURLOPT_HEADERFUNCTION, append_header);
    set(c, CURLOPT_HEADERDATA, &response.headers);
    set(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::lround(request.connect_timeout_s * 1000)));
    set(c, CURLOPT_TIMEOUT_MS, static_cast<long>(std::lround(request.total_timeout_s * 1000)));
    if (request.stall_timeout_s > 0) {
        set(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        set(c, CURLOPT_LOW_SPEED_TIME, request.stall_timeout_s);
    }
    if (request.method == "GET") {
        set(c, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "POST" || request.method == "PUT" || !request.body.empty()) {
        // The body is sent as POST data under the request's own method, so libcurl can
        // resend it after an authentication challenge without a rewind callback.
        set(c, CURLOPT_POSTFIELDS, request.body.data());
        set(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        if (request.method != "POST") set(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    } else {
        set(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        if (request.method == "HEAD") set(c, CURLOPT_NOBODY, 1L);
    }
    if (!request.user.empty()) {
        set(c, CURLOPT_USERNAME, request.user.c_str());
        set(c, CURLOPT_PASSWORD, request.password.c_str());
        long schemes = request.auth == Auth::Basic    ? CURLAUTH_BASIC
                       : request.auth == Auth::Digest ? CURLAUTH_DIGEST
                                                      : CURLAUTH_BASIC | CURLAUTH_DIGEST;
        set(c, CURLOPT_HTTPAUTH, schemes);
    }
    Slist headers;
    auto add_header = [&](const std::string& line) {
        curl_slist* next = curl_slist_append(headers.get(), line.c_str());
        if (!next) throw TransportError(TransportError::Kind::Other, "out of memory for headers");
        headers.release();
        headers.reset(next);
    };
    // No "Expect: 100-continue" round trip: some servers never answer it, which costs
    // a second per request.
    add_header("Expect:");
    for (const auto& [name, value] : request.headers) add_header(name + ": " + value);
    set(c, CURLOPT_HTTPHEADER, headers.get());

    CURLcode rc = curl_easy_perform(c);
    // A body cut at its cap is an answer all the same: its status came first.
    if (rc == CURLE_WRITE_ERROR && response.body_truncated) rc = CURLE_OK;
    if (rc != CURLE_OK) {
        // The error text names the host and port at most: the password was never in
        // the URL, so it cannot appear here.
        std::string why = error_text[0] ? error_text : curl_easy_strerror(rc);
        while (!why.empty() && (why.back() == '\n' || why.back() == '\r')) why.pop_back();
        TransportError::Kind kind = TransportError::Kind::Other;
        if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY)
            kind = TransportError::Kind::Connect;
        else if (rc == CURLE_OPERATION_TIMEDOUT)
            kind = TransportError::Kind::Timeout;
        throw TransportError(kind, why);
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

} // namespace newskg::store::http
