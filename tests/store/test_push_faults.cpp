// newskg push when the store misbehaves: nothing listening, 500s, a slow server, a 503
// asking to come back, refused logins; and the rules for passwords. The misbehaving
// server is a small Python HTTP server (servers.hpp) that logs what it received.
#include <catch2/catch.hpp>

#include <sstream>

#include "newskg/store/push.hpp"
#include "newskg/store/remote.hpp"
#include "process.hpp"
#include "servers.hpp"

using namespace newskg;
using namespace newskg::test;

namespace {

const std::string kPassword = "Pw-4f9q";

/// A small dataset: a default graph of two triples and a named graph of one.
std::string small_nq(const TempDir& dir) {
    std::string path = dir / "small.nq";
    write_file(path, "<urn:x:a> <urn:x:p> \"one\" .\n<urn:x:a> <urn:x:p> \"two\" .\n"
                     "<urn:x:b> <urn:x:p> \"three\" <https://newskg.org/id/article/b> .\n");
    return path;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

} // namespace

TEST_CASE("push to a port where nothing listens fails after its retries", "[push]") {
    TempDir tmp;
    const std::string url = "http://127.0.0.1:" + std::to_string(free_port()) + "/store";
    RunResult r = run_push({"push", "--endpoint", url, "--retries", "2", "--retry-delay", "0.05", small_nq(tmp)});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("[newskg.remote.101]") != std::string::npos);
    CHECK(r.err.find("cannot reach the server") != std::string::npos);
    CHECK(r.err.find("gave up after 3 attempts") != std::string::npos);
    CHECK(count_of(r.err, "retrying in") == 2);
    CHECK(r.err.find("0 of 2 graph(s) loaded") != std::string::npos);
    CHECK(r.err.find("not loaded: the default graph (the one that failed), <https://newskg.org/id/article/b>") !=
          std::string::npos);
}

TEST_CASE("push retries a 500 and succeeds when the server recovers", "[push]") {
    FaultServer server("flaky");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), "--retry-delay", "0.05", small_nq(tmp)});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == "pushed 2 triples to the default graph (appended)\n"
                   "pushed 1 triples to <https://newskg.org/id/article/b>\n");
    CHECK(r.err.find("HTTP 500") != std::string::npos);
    CHECK(r.err.find("store restarting") != std::string::npos);
    CHECK(count_of(r.err, "retrying in") == 1);
    // Two tries of the default graph (POST ?default), one of the article graph (PUT).
    const std::string log = server.requests();
    CHECK(count_of(log, "POST /store?default ") == 2);
    CHECK(count_of(log, "PUT /store?graph=https%3A%2F%2Fnewskg.org%2Fid%2Farticle%2Fb ") == 1);
    CHECK(log.find("Content-Type: application/n-triples") != std::string::npos);
}

TEST_CASE("push gives up on a server that always answers 500", "[push]") {
    FaultServer server("broken");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), "--graph", "urn:x:shared", "--retries", "2",
                            "--retry-delay", "0.05", small_nq(tmp)});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(server.request_count() == 3);
    CHECK(r.err.find("[newskg.remote.106]") != std::string::npos);
    // The server's HTML page is reduced to its text.
    CHECK(r.err.find("HTTP 500: Internal error disk on fire (gave up after 3 attempts)") != std::string::npos);
    CHECK(r.err.find("0 of 2 graph(s) loaded") != std::string::npos);
}

TEST_CASE("push honours a 503 with Retry-After", "[push]") {
    FaultServer server("busy");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), "--retry-delay", "5", small_nq(tmp)});
    INFO(r.err);
    CHECK(r.status == 0);
    // Retry-After: 0 replaces the configured 5 s wait.
    CHECK(r.err.find("retrying in 0.0 s (attempt 2 of 4)") != std::string::npos);
}

TEST_CASE("push abandons a request the server does not answer in time", "[push]") {
    FaultServer server("slow");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), "--timeout", "1", "--retries", "1", "--retry-delay",
                            "0.05", small_nq(tmp)});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("[newskg.remote.102]") != std::string::npos);
    CHECK(r.err.find("no answer in time") != std::string::npos);
    // --timeout bounds the whole push: the first attempt used it all, none followed.
    CHECK(server.request_count() == 1);
}

TEST_CASE("push spends at most --timeout on a slow server, retries and waits included", "[push]") {
    FaultServer server("slow");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), "--timeout", "2", "--retries", "5", "--retry-delay",
                            "0.1", small_nq(tmp)});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("[newskg.remote.102]") != std::string::npos);
    CHECK(r.err.find("gave up after 1 attempt: the --timeout of 2 s for the whole push ends before another") !=
          std::string::npos);
    CHECK(r.err.find("0 of 2 graph(s) loaded") != std::string::npos);
    CHECK(server.request_count() == 1); // 6 attempts of 2 s each before
}

TEST_CASE("push reads at most 64 KiB of an error answer that never ends", "[push]") {
    FaultServer server("endless");
    TempDir tmp;
    // Peak memory from /usr/bin/time: the answer is not kept beyond its cap.
    const std::string cmd = "/usr/bin/time -f 'maxrss_kb=%M' " + sh_quote(NEWSKG_CLI_PATH) + " push --endpoint " +
                            sh_quote(server.url()) + " --graph urn:x:g --retries 1 --retry-delay 0.05 --timeout 60 " +
                            sh_quote(small_nq(tmp));
    RunResult r = run(cmd);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("[newskg.remote.106]") != std::string::npos);
    CHECK(r.err.find("HTTP 500: disk full, disk full,") != std::string::npos);
    CHECK(r.err.find("the rest of the answer, past 64 KiB, was not read") != std::string::npos);
    CHECK(r.err.find("gave up after 2 attempts") != std::string::npos);
    const auto at = r.err.find("maxrss_kb=");
    REQUIRE(at != std::string::npos);
    CHECK(std::stol(r.err.substr(at + 10)) < 200 * 1024);
    // The client hung up after each 64 KiB: the server got out what the socket buffers
    // hold at most, not the minute's worth --timeout would allow.
    // (The server notices a hang-up at its next write: wait for both to be logged.)
    std::size_t answers = 0;
    for (int i = 0; i < 200 && answers < 2; ++i) {
        std::istringstream sent(server.endless_sent());
        answers = 0;
        for (long bytes; sent >> bytes; ++answers) CHECK(bytes < 64L * 1024 * 1024);
        if (answers < 2) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(answers == 2);
}

TEST_CASE("push to a store without a default graph suggests --graph", "[push]") {
    FaultServer server("nodefault");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), small_nq(tmp)});
    CHECK(r.status == 1);
    CHECK(r.err.find("No default graph") != std::string::npos);
    CHECK(r.err.find("send the inputs' default graph (actors and relations) to a named graph with --graph IRI") !=
          std::string::npos);
    RunResult named = run_push({"push", "--endpoint", server.url(), "--graph", "urn:x:shared", small_nq(tmp)});
    INFO(named.err);
    CHECK(named.status == 0);
}

TEST_CASE("push shows a reply's control characters escaped, never raw", "[push]") {
    FaultServer server("escape");
    TempDir tmp;
    RunResult r = run_push({"push", "--endpoint", server.url(), "--retries", "0", small_nq(tmp)});
    CHECK(r.status == 1);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(r.err.find("\xc2\x9b") == std::string::npos);
    CHECK(r.err.find("HTTP 500: \\x1b]0;owned\\x07\\x1b[2J\\x1b[31mstore") != std::string::npos);
    CHECK(r.err.find("\\u009b31m down") != std::string::npos);
}

TEST_CASE("push authenticates with basic auth and never shows the password", "[push]") {
    FaultServer server("basic");
    TempDir tmp;
    SECTION("right password") {
        RunResult r = run_push({"push", "--endpoint", server.url(), "--user", "pusher", small_nq(tmp)}, kPassword);
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(count_of(r.out, "pushed") == 2);
    }
    SECTION("wrong password: refused once, not retried, not printed") {
        RunResult r = run_push({"push", "--endpoint", server.url(), "--user", "pusher", "--retries", "3",
                                small_nq(tmp)},
                               "Wrong-77zq");
        CHECK(r.status == 1);
        CHECK(r.err.find("[newskg.remote.103] authentication refused for pusher at " + server.url()) !=
              std::string::npos);
        CHECK(r.err.find("Wrong-77zq") == std::string::npos);
        CHECK(r.out.find("Wrong-77zq") == std::string::npos);
        // curl asks without credentials first to learn the scheme, then once with them.
        CHECK(server.request_count() <= 2);
    }
    SECTION("no user at all") {
        RunResult r = run_push({"push", "--endpoint", server.url(), small_nq(tmp)});
        CHECK(r.status == 1);
        CHECK(r.err.find("asks for authentication (HTTP 401) and no user was given") != std::string::npos);
    }
    // Never in the URL or request line.
    CHECK(server.requests().find(kPassword) == std::string::npos);
}

TEST_CASE("push takes passwords only from the environment or a file", "[push]") {
    TempDir tmp;
    const std::string nq = small_nq(tmp);
    SECTION("--password is refused, and its value not echoed") {
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"push", "--endpoint", "http://127.0.0.1:9/x", "--password", "Sekrit-1", nq},
              std::vector<std::string>{"push", "--endpoint", "http://127.0.0.1:9/x", "--password=Sekrit-1", nq}}) {
            RunResult r = run_push(args);
            CHECK(r.status == 2);
            CHECK(r.err.find("there is no --password option") != std::string::npos);
            CHECK(r.err.find("process listing") != std::string::npos);
            CHECK(r.err.find("Sekrit-1") == std::string::npos);
        }
    }
    SECTION("a user without a password") {
        RunResult r = run_push({"push", "--endpoint", "http://127.0.0.1:9/x", "--user", "pusher", nq});
        CHECK(r.status == 2);
        CHECK(r.err.find("needs a password: set NEWSKG_PASSWORD or give --password-file") != std::string::npos);
    }
    SECTION("a password file that cannot be read") {
        RunResult r = run_push({"push", "--endpoint", "http://127.0.0.1:9/x", "--user", "pusher", "--password-file",
                                tmp / "missing", nq});
        CHECK(r.status == 2);
        CHECK(r.err.find(tmp / "missing" + ": cannot read the password file") != std::string::npos);
    }
    SECTION("credentials inside the URL") {
        RunResult r = run_push({"push", "--endpoint", "http://pusher:Sekrit-1@127.0.0.1:9/x", nq});
        CHECK(r.status == 2);
        CHECK(r.err.find("must not hold a user or password") != std::string::npos);
    }
}

TEST_CASE("push reports malformed RDF by file and line and sends nothing", "[push]") {
    FaultServer server("flaky");
    TempDir tmp;
    write_file(tmp / "bad.nq", "<urn:x:a> <urn:x:p> \"one\" .\n<urn:x:a> <urn:x:p> oops .\n");
    RunResult r = run_push({"push", "--endpoint", server.url(), tmp / "bad.nq"});
    CHECK(r.status == 1);
    CHECK(r.err.find(tmp / "bad.nq" + ":2: ") != std::string::npos);
    CHECK(r.err.find("nothing was pushed") != std::string::npos);
    CHECK(server.request_count() == 0);
}

TEST_CASE("the push dataset keeps named graphs and merges inputs by destination", "[push]") {
    TempDir tmp;
    write_file(tmp / "a.trig", "<urn:g:1> { <urn:x:a> <urn:x:p> \"one\" . }\n<urn:x:a> <urn:x:p> \"shared\" .\n");
    write_file(tmp / "b.nq", "<urn:x:b> <urn:x:p> \"two\" <urn:g:1> .\n<urn:x:b> <urn:x:p> \"two\" <urn:g:1> .\n"
                             "<urn:x:b> <urn:x:p> \"three\" <urn:g:2> .\n");
    store::PushDataset dataset("urn:g:shared");
    REQUIRE(store::PushDataset::is_rdf_file(tmp / "a.trig"));
    dataset.add_file(tmp / "a.trig");
    dataset.add_file(tmp / "b.nq");
    auto payloads = dataset.payloads();
    REQUIRE(payloads.size() == 3);
    CHECK(payloads[0].target.name == "urn:g:1");
    CHECK(payloads[0].triples == 2); // the duplicate quad counts once
    CHECK(!payloads[0].holds_default_graph);
    CHECK(payloads[0].replaces(store::PushMode::Auto));
    CHECK(payloads[1].target.name == "urn:g:shared");
    CHECK(payloads[1].holds_default_graph);
    CHECK(!payloads[1].replaces(store::PushMode::Auto));
    CHECK(payloads[1].replaces(store::PushMode::Replace));
    CHECK(payloads[1].ntriples == "<urn:x:a> <urn:x:p> \"shared\" .\n");
    CHECK(payloads[2].target.name == "urn:g:2");
    CHECK(store::default_query_endpoint("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql");
    CHECK(store::default_query_endpoint("http://h:3030/ds/data?x=1") == "http://h:3030/ds/sparql");
    CHECK(store::default_query_endpoint("http://h:3030") == "http://h:3030/sparql");
}

TEST_CASE("push reads a JSON-LD export as it reads the N-Quads export of the same graph", "[push][jsonld]") {
    TempDir tmp;
    write_file(tmp / "a.txt", "Mali accuses France\n\nMarch 4, 2024\n\nMali accused France of backing armed groups.\n");
    for (const char* format : {"nq", "jsonld"}) {
        RunResult x = run_newskg("extract --no-parser --format " + std::string(format) + " --output " +
                                 sh_quote(tmp / ("a." + std::string(format))) + " " + sh_quote(tmp / "a.txt"));
        INFO(x.err);
        REQUIRE(x.status == 0);
    }
    CHECK(store::PushDataset::is_rdf_file(tmp / "a.jsonld"));
    CHECK(store::PushDataset::is_rdf_file(tmp / "A.JSONLD"));
    CHECK(store::PushDataset::is_rdf_file(tmp / "a.Rdf"));
    CHECK(!store::PushDataset::is_rdf_file(tmp / "a.txt"));
    store::PushDataset from_nq(""), from_jsonld("");
    from_nq.add_file(tmp / "a.nq");
    from_jsonld.add_file(tmp / "a.jsonld");
    const auto want = from_nq.payloads(), got = from_jsonld.payloads();
    REQUIRE(got.size() == want.size());
    REQUIRE(want.size() == 2); // the default graph and the article's
    for (std::size_t i = 0; i < want.size(); ++i) {
        CHECK(got[i].target.name == want[i].target.name);
        CHECK(got[i].triples == want[i].triples);
        CHECK(got[i].holds_default_graph == want[i].holds_default_graph);
    }
}

TEST_CASE("RemoteStore tells each retry and reports the kind and status of a failure", "[push]") {
    FaultServer server("broken");
    store::RemoteOptions o;
    o.endpoint = server.url();
    o.retries = 2;
    o.retry_delay_s = 0.01;
    store::RemoteStore remote(o);
    std::vector<int> attempts;
    remote.on_retry([&](const std::string& problem, int next, double) {
        CHECK(problem.find("HTTP 500") != std::string::npos);
        attempts.push_back(next);
    });
    try {
        remote.put_graph(store::GraphName{"urn:g:1"}, "<urn:x:a> <urn:x:p> \"one\" .\n");
        FAIL("no error for a server that always answers 500");
    } catch (const store::remote_error& e) {
        CHECK(e.kind() == store::remote_error::Kind::ServerError);
        CHECK(e.status() == 500);
        CHECK(e.id() == "newskg.remote.106");
    }
    CHECK(attempts == std::vector<int>{2, 3});
    CHECK(server.request_count() == 3);
}
