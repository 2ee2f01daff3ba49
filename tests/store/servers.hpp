#pragma once
// The servers the push tests talk to: a real Virtuoso (virtuoso-t with its own ini and
// database in a temporary directory, on free loopback ports) and a small HTTP server
// written here in Python that misbehaves on purpose (500s, slowness, refused logins).
// Both are child processes owned by RAII objects that kill them when they go.
#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <netinet/in.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.hpp"
#include "store/http.hpp"

namespace newskg::test {

/// A loopback TCP port nothing listens on right now.
inline int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot find a free port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

/// Whether an executable of this name is on PATH.
inline bool on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string file = dirs.substr(start, end - start) + "/" + name;
        if (::access(file.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

/// The last `n` bytes of a file: for failure messages.
inline std::string tail_of(const std::string& path, std::size_t n = 2000) {
    std::string s = read_file(path);
    return s.size() > n ? s.substr(s.size() - n) : s;
}

/// A child process started with fork/exec: standard output and error to files, extra
/// environment variables set in the child only (so a password never sits in argv).
/// Killed (SIGKILL) and reaped when the object goes.
class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, const std::string& out_path, const std::string& err_path,
                 const std::vector<std::pair<std::string, std::string>>& env = {},
                 const std::string& cwd = {}) {
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            // Dies with the test process even when that one is killed or crashes, so no
            // server outlives its test.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int in = ::open("/dev/null", O_RDONLY);
            if (out < 0 || err < 0 || in < 0) ::_exit(126);
            ::dup2(in, 0);
            ::dup2(out, 1);
            ::dup2(err, 2);
            ::unsetenv("NEWSKG_PASSWORD");
            for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
            if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
    }
    ~ChildProcess() { kill(); }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    /// Whether it still runs (reaps it when it has ended).
    bool running() {
        if (status_) return false;
        int st = 0;
        if (::waitpid(pid_, &st, WNOHANG) == pid_) {
            status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
            return false;
        }
        return true;
    }
    /// Waits for the end; the exit status, -1 when killed by a signal.
    int wait() {
        if (!status_) {
            int st = 0;
            ::waitpid(pid_, &st, 0);
            status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        }
        return *status_;
    }
    void kill() {
        if (status_) return;
        ::kill(pid_, SIGKILL);
        wait();
    }

  private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

/// GET `url` once; the status, or 0 when nothing answered.
inline long http_status(const std::string& url) {
    try {
        store::http::Client client;
        store::http::Request r;
        r.url = url;
        r.connect_timeout_s = 2;
        r.total_timeout_s = 5;
        return client.perform(r).status;
    } catch (const std::exception&) {
        return 0;
    }
}

/// A real Virtuoso with a fresh database in a temporary directory.
class Virtuoso {
  public:
    Virtuoso() : sql_port_(free_port()), http_port_(free_port()) {
        if (!on_path("virtuoso-t") || !on_path("isql-vt"))
            throw std::runtime_error("virtuoso-t or isql-vt is not installed: run scripts/setup "
                                     "(it installs virtuoso-opensource-7-bin)");
        const std::string d = dir_.path().string();
        write_file(dir_ / "virtuoso.ini",
                   "[Database]\nDatabaseFile = " + d + "/virtuoso.db\nErrorLogFile = " + d +
                       "/virtuoso.log\nLockFile = " + d + "/virtuoso.lck\nTransactionFile = " + d +
                       "/virtuoso.trx\nxa_persistent_file = " + d +
                       "/virtuoso.pxa\nErrorLogLevel = 7\nFileExtend = 200\nStriping = 0\n"
                       "TempStorage = TempDatabase\n\n[TempDatabase]\nDatabaseFile = " + d +
                       "/virtuoso-temp.db\nTransactionFile = " + d + "/virtuoso-temp.trx\nStriping = 0\n\n"
                       "[Parameters]\nServerPort = 127.0.0.1:" + std::to_string(sql_port_) +
                       "\nServerThreads = 10\nCheckpointInterval = 0\nNumberOfBuffers = 10000\n"
                       "MaxDirtyBuffers = 6000\nDirsAllowed = " + d + "\nCaseMode = 2\n\n"
                       "[HTTPServer]\nServerPort = 127.0.0.1:" + std::to_string(http_port_) +
                       "\nServerRoot = " + d + "\nMaxClientConnections = 5\nServerThreads = 5\n\n"
                       "[SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 120\n");
        start();
    }
    ~Virtuoso() = default;

    std::string base() const { return "http://127.0.0.1:" + std::to_string(http_port_); }
    std::string graph_store() const { return base() + "/sparql-graph-crud-auth"; }
    std::string sparql() const { return base() + "/sparql"; }

    /// Starts virtuoso-t on the database of this directory and waits until its HTTP
    /// server answers SPARQL (a fresh database needs a few seconds, more on a busy machine).
    void start() {
        process_.reset();
        process_.emplace(std::vector<std::string>{"virtuoso-t", "+foreground", "+configfile", dir_ / "virtuoso.ini"},
                         dir_ / "stdout.log", dir_ / "stderr.log", std::vector<std::pair<std::string, std::string>>{},
                         dir_.path().string());
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(180);
        while (http_status(sparql() + "?query=ASK%7B%7D") != 200) {
            if (!process_->running())
                throw std::runtime_error("virtuoso-t stopped while starting; its log ends with:\n" +
                                         tail_of(dir_ / "virtuoso.log") + tail_of(dir_ / "stderr.log"));
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("virtuoso-t did not answer on " + sparql() +
                                         " within 180 s; its log ends with:\n" + tail_of(dir_ / "virtuoso.log"));
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
    /// Kills the server at once (SIGKILL), as a crash or a pulled plug would.
    void kill() {
        if (process_) process_->kill();
    }

    /// Runs SQL through isql-vt as dba. isql-vt exits 0 even when a statement fails, so
    /// its output is checked for errors too.
    void sql(const std::string& statements) {
        RunResult r = run("isql-vt 127.0.0.1:" + std::to_string(sql_port_) + " dba dba exec=" + sh_quote(statements));
        if (r.status != 0 || r.out.find("Error") != std::string::npos || r.err.find("Error") != std::string::npos)
            throw std::runtime_error("isql-vt failed on: " + statements + "\n" + r.out + r.err);
    }

    /// Runs a SPARQL query over HTTP; the JSON results.
    nlohmann::json query(const std::string& sparql_text) const {
        store::http::Client client;
        store::http::Request r;
        r.method = "POST";
        r.url = sparql();
        r.body = "query=" + client.escape(sparql_text);
        r.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/sparql-results+json"}};
        store::http::Response answer = client.perform(r);
        if (answer.status != 200)
            throw std::runtime_error("SPARQL query failed with HTTP " + std::to_string(answer.status) + ": " +
                                     answer.body);
        return nlohmann::json::parse(answer.body);
    }

    /// Triples in a named graph.
    std::size_t count(const std::string& graph) const {
        auto j = query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }");
        return std::stoull(j["results"]["bindings"].at(0)["n"]["value"].get<std::string>());
    }

  private:
    TempDir dir_;
    int sql_port_;
    int http_port_;
    std::optional<ChildProcess> process_;
};

/// An HTTP server that answers Graph Store requests as told: "flaky" (500 once, then
/// 201), "broken" (always 500), "slow" (answers after 30 s), "busy" (503 with
/// Retry-After: 0 once, then 201), "basic" (201 only with HTTP basic auth as
/// pusher:Pw-4f9q, else 401), "endless" (a 500 whose body never ends), "nodefault"
/// (400 for the default graph, 201 for named ones), "escape" (a 500 whose body holds
/// terminal escape sequences). Every request is logged: method, path and header lines.
class FaultServer {
  public:
    explicit FaultServer(const std::string& mode) {
        write_file(dir_ / "server.py", R"PY(
import base64, http.server, os, sys, time
mode, port_file, log_file = sys.argv[1], sys.argv[2], sys.argv[3]
seen = 0
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def answer(self):
        global seen
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen += 1
        with open(log_file, "a") as log:
            log.write("%s %s %d\n%s\n" % (self.command, self.path, len(body), str(self.headers)))
        if mode == "flaky" and seen == 1:
            return self.reply(500, b"store restarting")
        if mode == "broken":
            return self.reply(500, b"<html><body><h1>Internal error</h1><p>disk on fire</p></body></html>")
        if mode == "busy" and seen == 1:
            return self.reply(503, b"busy", [("Retry-After", "0")])
        if mode == "slow":
            time.sleep(30)
        if mode == "endless":
            return self.endless()
        if mode == "nodefault" and self.path.endswith("?default"):
            return self.reply(400, b"No default graph: this dataset's default graph is the union of its named graphs")
        if mode == "escape":
            return self.reply(500, b"\x1b]0;owned\x07\x1b[2J\x1b[31mstore\xc2\x9b31m down\x1b[0m")
        if mode == "basic":
            expected = "Basic " + base64.b64encode(b"pusher:Pw-4f9q").decode()
            if self.headers.get("Authorization") != expected:
                return self.reply(401, b"who are you", [("WWW-Authenticate", 'Basic realm="test"')])
        self.reply(201, b"")
    def endless(self):
        # A 500 whose body never ends; how much of it went out is logged when the
        # client hangs up.
        self.send_response(500)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"disk full, " * 6000
        sent = 0
        try:
            while True:
                self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        with open(log_file + ".sent", "a") as f:
            f.write("%d\n" % sent)
        self.close_connection = True
    def reply(self, status, body, headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_PUT = do_POST = do_DELETE = answer
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_port))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
)PY");
        process_.emplace(std::vector<std::string>{"/usr/bin/python3", dir_ / "server.py", mode, dir_ / "port", dir_ / "requests.log"},
                         dir_ / "stdout.log", dir_ / "stderr.log");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!std::filesystem::exists(dir_ / "port")) {
            if (!process_->running() || std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("the test HTTP server did not start: " + tail_of(dir_ / "stderr.log"));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        port_ = std::stoi(read_file(dir_ / "port"));
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/store"; }
    /// What the server received: one block per request.
    std::string requests() const { return read_file(dir_ / "requests.log"); }
    /// Bytes of endless answers sent before each client hung up, one line per request.
    std::string endless_sent() const { return read_file(dir_ / "requests.log.sent"); }
    /// The number of requests received.
    std::size_t request_count() const {
        std::size_t n = 0;
        std::string log = requests();
        for (const char* m : {"GET /", "PUT /", "POST /", "DELETE /"})
            for (auto pos = log.find(m); pos != std::string::npos; pos = log.find(m, pos + 1))
                if (pos == 0 || log[pos - 1] == '\n') ++n;
        return n;
    }

  private:
    TempDir dir_;
    std::optional<ChildProcess> process_;
    int port_ = 0;
};

/// Runs newskg with these arguments (no shell), a password in NEWSKG_PASSWORD when
/// given; captures its output.
inline RunResult run_push(const std::vector<std::string>& args, const std::string& password = {}) {
    TempDir tmp;
    std::vector<std::string> argv{NEWSKG_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::pair<std::string, std::string>> env;
    if (!password.empty()) env.emplace_back("NEWSKG_PASSWORD", password);
    ChildProcess p(argv, tmp / "out", tmp / "err", env);
    RunResult r;
    r.status = p.wait();
    r.out = read_file(tmp / "out");
    r.err = read_file(tmp / "err");
    return r;
}

} // namespace newskg::test
