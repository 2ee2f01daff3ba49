// Directory walks that end, and what reaches the terminal (issue 20, items 3 and 5): symbolic
// link loops, FIFOs, NUL bytes, control characters in file names, error ids, and the
// temporary files a killed run leaves. Every command runs under `timeout`, so a walk that
// hangs fails the test instead of hanging the suite.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>

#include "hostile_support.hpp"

using namespace newskg::test;
namespace fs = std::filesystem;

namespace {

const char* kArticle = "Border talks\n\nChad accused Sudan of shelling border towns on Monday, officials said.\n";

/// `newskg extract --format json --output -` on `inputs` under a one-minute timeout.
RunResult extract_all(const std::string& inputs) {
    return run("timeout 60 " + q(NEWSKG_CLI_PATH) + " extract --no-parser --format json --output - " + inputs);
}

std::size_t articles_in(const RunResult& r) {
    if (r.status != 0 && r.status != 1) return 0;
    return nlohmann::json::parse(r.out)["articles"].size();
}

} // namespace

TEST_CASE("walk: a symbolic link back to its own directory is read once, with a warning", "[hostile][walk]") {
    TempDir d;
    fs::create_directories(d / "in/sub");
    write_file(d / "in/sub/a.txt", kArticle);
    fs::create_directory_symlink(".", d / "in/sub/self");
    auto r = extract_all(q(d / "in"));
    INFO(r.err);
    REQUIRE(r.status == 0); // a loop is a warning: the articles are all read
    CHECK(articles_in(r) == 1); // once, not once per level until ELOOP
    CHECK(contains(r.err, "warning: " + (d / "in/sub/self") + ": symbolic link loop: this is " + (d / "in/sub") +
                              " again; not followed [newskg.input.111]"));
}

TEST_CASE("walk: two links to an ancestor end (they used to branch forever)", "[hostile][walk]") {
    TempDir d;
    fs::create_directories(d / "in/sub");
    write_file(d / "in/a.txt", kArticle);
    write_file(d / "in/sub/b.txt", kArticle);
    fs::create_directory_symlink("..", d / "in/sub/up1");
    fs::create_directory_symlink("..", d / "in/sub/up2");
    fs::create_directory_symlink("../..", d / "in/sub/up3");
    auto r = extract_all(q(d / "in"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(articles_in(r) == 2);
    CHECK(contains(r.err, (d / "in/sub/up1") + ": symbolic link loop"));
    CHECK(contains(r.err, (d / "in/sub/up2") + ": symbolic link loop"));
    // up3 leads out of the walk to d itself, which holds in/ again: read once, not twice.
    CHECK(contains(r.err, (d / "in/sub/up3/in") + ": symbolic link loop"));
}

TEST_CASE("walk: a second path to a directory already read is skipped", "[hostile][walk]") {
    TempDir d;
    fs::create_directories(d / "in/one");
    write_file(d / "in/one/a.txt", kArticle);
    fs::create_directory_symlink("one", d / "in/two");
    auto r = extract_all(q(d / "in") + " " + q(d / "in/one"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(articles_in(r) == 1);
    CHECK(contains(r.err, (d / "in/two") + ": the same directory as " + (d / "in/one") +
                              ", already read; skipped [newskg.input.111]"));
}

TEST_CASE("walk: a FIFO, a socket and a device in a directory are skipped, not opened", "[hostile][walk]") {
    TempDir d;
    fs::create_directories(d / "in");
    write_file(d / "in/a.txt", kArticle);
    REQUIRE(::mkfifo((d / "in/pipe.txt").c_str(), 0644) == 0); // nobody writes: opening it would block
    fs::create_symlink("/dev/zero", d / "in/zero.txt");        // an endless device
    auto r = extract_all(q(d / "in"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(articles_in(r) == 1);
    CHECK(contains(r.err, "warning: " + (d / "in/pipe.txt") +
                              ": a FIFO (named pipe), not a regular file; skipped [newskg.input.112]"));
    CHECK(contains(r.err, (d / "in/zero.txt") + ": a character device, not a regular file; skipped"));
    // Named on the command line, a pipe is what the user asked for ("<(zcat …)"): it is read.
    auto p = run("printf '%s' " + q(kArticle) + " | timeout 60 " + q(NEWSKG_CLI_PATH) +
                 " extract --no-parser --format json --output - /dev/stdin");
    INFO(p.err);
    CHECK(p.status == 0);
    CHECK(articles_in(p) == 1);
}

TEST_CASE("input: NUL bytes are replaced with a warning, the article is read", "[hostile][walk]") {
    TempDir d;
    const char raw[] = "Border talks\n\nChad accused Sudan of shelling border towns\0 on Monday.\n";
    write_file(d / "nul.txt", std::string(raw, sizeof raw - 1));
    auto r = extract_all(q(d / "nul.txt"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["articles"].size() == 1);
    CHECK(j["relations"].size() >= 1);
    CHECK(contains(r.err, "warning: " + (d / "nul.txt") + ": 1 NUL byte(s) replaced by spaces [newskg.input.109]"));
    // A file of mostly NULs is still binary.
    write_file(d / "zeros.txt", std::string(4000, '\0') + "Chad accused Sudan.");
    auto z = extract_all(q(d / "zeros.txt"));
    CHECK(z.status == 1);
    CHECK(contains(z.err, (d / "zeros.txt") + ": binary data"));
}

TEST_CASE("messages: control characters of file names are escaped, ids are printed", "[hostile][walk]") {
    TempDir d;
    // A name that would retitle the terminal and ring its bell.
    const std::string evil = d / "evil\x1b]0;pwned\x07\x9b.txt";
    write_file(evil, std::string("\x01\x02\x03\x04\x05\x06", 6) + std::string(200, '\x10'));
    auto r = extract_all(q(evil));
    CHECK(r.status == 1);
    INFO(r.err);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(r.err.find('\x9b') == std::string::npos);
    CHECK(contains(r.err, "evil\\x1b]0;pwned\\x07\\x9b.txt: binary data"));
    CHECK(contains(r.err, "not an article [newskg.input.103]"));
    // A missing file: its id too.
    auto m = extract_all(q(d / "missing\x1b[2J.txt"));
    CHECK(contains(m.err, "missing\\x1b[2J.txt: no such file or directory [newskg.input.101]"));
}

TEST_CASE("messages: stats, push, load and merge escape control characters of file names", "[hostile][walk]") {
    TempDir d;
    const std::string esc = "\x1b]0;pwned\x07\x1b[2J";
    const std::string shown = "\\x1b]0;pwned\\x07\\x1b[2J";
    auto clean = [](const RunResult& r) {
        return r.err.find('\x1b') == std::string::npos && r.err.find('\x07') == std::string::npos &&
               r.out.find('\x1b') == std::string::npos;
    };
    // stats over a directory with a FIFO: the walk's warning names it.
    fs::create_directories(d / "in");
    write_file(d / "in/a.txt", kArticle);
    const std::string pipe = d / ("in/pipe" + esc + ".txt");
    REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
    auto st = run("timeout 60 " + q(NEWSKG_CLI_PATH) + " stats --no-parser " + q(d / "in"));
    INFO(st.err);
    CHECK(st.status == 0);
    CHECK(clean(st));
    CHECK(contains(st.err, "pipe" + shown + ".txt: a FIFO (named pipe), not a regular file; skipped"));
    // push, load and merge of a broken file: their errors name it.
    const std::string bad_nq = d / ("bad" + esc + ".nq");
    write_file(bad_nq, "<urn:x:a> <urn:x:p> \"unterminated .\n");
    auto pu = run("timeout 60 " + q(NEWSKG_CLI_PATH) + " push --endpoint http://127.0.0.1:9/store --retries 0 " +
                  q(bad_nq));
    INFO(pu.err);
    CHECK(pu.status == 1);
    CHECK(clean(pu));
    CHECK(contains(pu.err, "bad" + shown + ".nq"));
    auto lo = run("timeout 60 " + q(NEWSKG_CLI_PATH) + " load --store " + q(d / "store") + " " + q(bad_nq));
    INFO(lo.err);
    CHECK(lo.status == 1);
    CHECK(clean(lo));
    CHECK(contains(lo.err, "bad" + shown + ".nq"));
    const std::string bad_json = d / ("bad" + esc + ".json");
    write_file(bad_json, "{\"entities\": 3}");
    auto me = run("timeout 60 " + q(NEWSKG_CLI_PATH) + " merge --output " + q(d / "m.json") + " " + q(bad_json) +
                  " " + q(bad_json));
    INFO(me.err);
    CHECK(me.status != 0);
    CHECK(clean(me));
    CHECK(contains(me.err, "bad" + shown + ".json"));
}

TEST_CASE("temporary files of a killed run are removed by the next run writing there", "[hostile][walk]") {
    TempDir d;
    fs::create_directories(d / "out");
    write_file(d / "a.txt", kArticle);
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    std::string host = buf[0] ? buf : "localhost";
    for (char& c : host)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
    // A process that has ended: its PID is free.
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    ::waitpid(child, nullptr, 0);
    const std::string dead = std::to_string(child), alive = std::to_string(::getpid());
    auto make = [&](const std::string& name, long age_seconds) {
        write_file(d / ("out/" + name), "partial");
        struct timeval tv[2];
        ::gettimeofday(&tv[0], nullptr);
        tv[0].tv_sec -= age_seconds;
        tv[1] = tv[0];
        ::utimes((d / ("out/" + name)).c_str(), tv);
    };
    const std::string stale = ".a.json.newskg-tmp." + host + "." + dead + ".Xy12ab";
    const std::string stale_other = ".merged.json.newskg-tmp." + host + "." + dead + ".Qw34er";
    const std::string live = ".a.json.newskg-tmp." + host + "." + alive + ".Zz99zz";
    const std::string elsewhere = ".a.json.newskg-tmp.another-host." + dead + ".Aa11aa";
    const std::string fresh = ".b.json.newskg-tmp." + host + "." + dead + ".Bb22bb";
    const std::string foreign = ".a.json.Cc33cc"; // not our pattern: never touched
    make(stale, 3600);
    make(stale_other, 3600);
    make(live, 3600);
    make(elsewhere, 3600);
    make(fresh, -3600); // newer than the run
    make(foreign, 3600);
    auto r = run("timeout 60 " + q(NEWSKG_CLI_PATH) + " extract --no-parser --format json --out-dir " +
                 q(d / "out") + " " + q(d / "a.txt"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(fs::exists(d / "out/a.json"));
    CHECK_FALSE(fs::exists(d / ("out/" + stale)));
    CHECK_FALSE(fs::exists(d / ("out/" + stale_other)));
    CHECK(fs::exists(d / ("out/" + live)));
    CHECK(fs::exists(d / ("out/" + elsewhere)));
    CHECK(fs::exists(d / ("out/" + fresh)));
    CHECK(fs::exists(d / ("out/" + foreign)));
}
