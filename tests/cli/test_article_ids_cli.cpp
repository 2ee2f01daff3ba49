// End to end: article ids never collide within a run, stay the same across runs, and
// name the --out-dir files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "newskg/read/reader.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg::test;

namespace {

std::set<std::string> article_ids(const nlohmann::json& graph) {
    std::set<std::string> ids;
    for (const auto& a : graph["articles"]) ids.insert(a["id"].get<std::string>());
    return ids;
}

/// Two folders each holding an article.txt, with different texts.
struct TwoFolders {
    TempDir dir;
    TwoFolders() {
        std::filesystem::create_directories(dir.path() / "a");
        std::filesystem::create_directories(dir.path() / "b");
        write_file(dir / "a/article.txt", "Chad accused Sudan of shelling border towns.\n");
        write_file(dir / "b/article.txt", "Mali expelled the French ambassador on Monday.\n");
    }
    std::string args() const { return sh_quote(dir / "a") + " " + sh_quote(dir / "b"); }
};

} // namespace

TEST_CASE("extract: articles with the same file name in two folders keep both", "[cli][e2e][ids]") {
    TwoFolders in;
    const auto r = run_newskg("extract --no-parser --published 2024-01-02 --output - " + in.args());
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto ids = article_ids(nlohmann::json::parse(r.out));
    REQUIRE(ids.size() == 2);
    CHECK(ids == std::set<std::string>{"article", "article-2"});
    // The rename is said, and another run gives the same ids.
    CHECK(r.err.find("already the id of an article") != std::string::npos);
    const auto again = run_newskg("extract --no-parser --published 2024-01-02 --output - " + in.args());
    CHECK(article_ids(nlohmann::json::parse(again.out)) == ids);
}

TEST_CASE("load: articles with the same file name, or both from standard input, are two graphs",
          "[cli][e2e][ids][store]") {
    TwoFolders in;
    const std::string store = in.dir / "store";
    const auto r = run_newskg("load --no-parser --published 2024-01-02 --store " + sh_quote(store) + " " + in.args());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("loaded 2 article(s)") != std::string::npos);
    CHECK(r.out.find("2 named graph(s) written") != std::string::npos);
    CHECK(r.out.find("in 2 named graph(s)") != std::string::npos);

    // Two different articles piped in, one after the other: both stay.
    const std::string cli = sh_quote(NEWSKG_CLI_PATH), piped = in.dir / "piped";
    for (const char* text : {"Chad accused Sudan of shelling border towns.", "Mali expelled the French ambassador."}) {
        const auto p = run("printf '%s\\n' " + sh_quote(text) + " | " + cli +
                           " load --no-parser --published 2024-01-02 --store " + sh_quote(piped) + " -");
        INFO(p.err);
        REQUIRE(p.status == 0);
        CHECK(p.err.find("replaced") == std::string::npos);
    }
    const auto q = run_newskg("query --store " + sh_quote(piped) +
                              " --format tsv 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }'");
    REQUIRE(q.status == 0);
    CHECK(std::count(q.out.begin(), q.out.end(), '\n') == 3); // the header and two graphs
}

TEST_CASE("extract --out-dir: file names and the ids inside agree", "[cli][e2e][ids]") {
    TwoFolders in;
    TempDir out;
    const auto r = run_newskg("extract --no-parser --published 2024-01-02 --out-dir " +
                              sh_quote(out.path().string()) + " " + in.args());
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(out.path())) {
        ++files;
        const auto j = nlohmann::json::parse(read_file(f.path().string()));
        REQUIRE(j["articles"].size() == 1);
        CHECK(j["articles"][0]["id"].get<std::string>() == f.path().stem().string());
    }
    CHECK(files == 2);
}

TEST_CASE("extract: standard input is named by its text, or by --id", "[cli][e2e][ids]") {
    const std::string cli = sh_quote(NEWSKG_CLI_PATH);
    auto first = run("printf 'Chad accused Sudan of shelling border towns.\\n' | " + cli +
                     " extract --no-parser --published 2024-01-02 -");
    auto second = run("printf 'Mali expelled the French ambassador.\\n' | " + cli +
                      " extract --no-parser --published 2024-01-02 -");
    REQUIRE(first.status == 0);
    REQUIRE(second.status == 0);
    const auto a = article_ids(nlohmann::json::parse(first.out));
    const auto b = article_ids(nlohmann::json::parse(second.out));
    REQUIRE(a.size() == 1);
    CHECK(a.begin()->rfind("stdin-", 0) == 0);
    CHECK(a != b);

    auto named = run("printf 'Chad accused Sudan.\\n' | " + cli +
                     " extract --no-parser --published 2024-01-02 --id gazette-7 -");
    REQUIRE(named.status == 0);
    CHECK(article_ids(nlohmann::json::parse(named.out)) == std::set<std::string>{"gazette-7"});

    TwoFolders in;
    auto two = run_newskg("extract --id x " + in.args());
    CHECK(two.status == 2);
    CHECK(two.err.find("--id names one article") != std::string::npos);
}

TEST_CASE("extract: a JSON Lines id is honoured and a duplicate one reported", "[cli][e2e][ids]") {
    TempDir dir;
    write_file(dir / "feed.jsonl",
               "{\"id\": \"wire-1\", \"text\": \"Chad accused Sudan of shelling border towns.\"}\n"
               "{\"id\": \"wire-1\", \"text\": \"Mali expelled the French ambassador.\"}\n");
    const auto r = run_newskg("extract --no-parser --published 2024-01-02 --output - " + sh_quote(dir / "feed.jsonl"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto ids = article_ids(nlohmann::json::parse(r.out));
    CHECK(ids.size() == 2);
    CHECK(ids.count("wire-1") == 1);
    CHECK(r.err.find("article id 'wire-1' is already the id of an article") != std::string::npos);
}

TEST_CASE("extract --out-dir --merge: an article called merged keeps its own file", "[cli][e2e][ids]") {
    TempDir in, out;
    write_file(in / "merged.txt", "Chad accused Sudan of shelling border towns.\n");
    write_file(in / "other.txt", "Mali expelled the French ambassador on Monday.\n");
    const auto r = run_newskg("extract --no-parser --published 2024-01-02 --merge --out-dir " +
                              sh_quote(out.path().string()) + " " + sh_quote(in / "merged.txt") + " " +
                              sh_quote(in / "other.txt"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto article = nlohmann::json::parse(read_file(out / "merged-2.json"));
    CHECK(article_ids(article) == std::set<std::string>{"merged-2"});
    const auto merged = nlohmann::json::parse(read_file(out / "merged.json"));
    CHECK(article_ids(merged) == std::set<std::string>{"merged-2", "other"});
}

TEST_CASE("usage errors: --merge without --out-dir, read --max-bytes abc", "[cli][e2e]") {
    TwoFolders in;
    const auto merge = run_newskg("extract --merge " + in.args());
    CHECK(merge.status == 2);
    CHECK(merge.err.find("--merge needs --out-dir") != std::string::npos);
    const auto read = run_newskg("read --max-bytes abc " + sh_quote(in.dir / "a/article.txt"));
    CHECK(read.status == 2);
    CHECK(read.err.find("--max-bytes expects a number") != std::string::npos);
    const auto read2 = run_newskg("read --max-bytes 12abc " + sh_quote(in.dir / "a/article.txt"));
    CHECK(read2.status == 2);
}

TEST_CASE("read_articles: a renamed id is a warning with its own id, --id a second time an error",
          "[read][ids]") {
    TwoFolders in;
    std::vector<newskg::Diagnostic> diagnostics;
    std::vector<std::string> ids;
    newskg::read_articles({in.dir / "a", in.dir / "b"}, newskg::ReadOptions{},
                          [&](newskg::Document&& d) { ids.push_back(d.id); }, diagnostics);
    CHECK(ids == std::vector<std::string>{"article", "article-2"});
    REQUIRE(diagnostics.size() >= 1);
    bool renamed = false;
    for (const auto& d : diagnostics)
        if (d.id == "newskg.input.114") {
            renamed = true;
            CHECK_FALSE(d.error);
            CHECK(d.path == in.dir / "b/article.txt");
        }
    CHECK(renamed);

    write_file(in.dir / "feed.jsonl", "{\"text\": \"Chad accused Sudan.\"}\n{\"text\": \"Mali met Niger.\"}\n");
    newskg::ReadOptions one;
    one.id = "given";
    diagnostics.clear();
    ids.clear();
    newskg::read_articles({in.dir / "feed.jsonl"}, one, [&](newskg::Document&& d) { ids.push_back(d.id); },
                          diagnostics);
    CHECK(ids == std::vector<std::string>{"given"});
    std::size_t refused = 0;
    for (const auto& d : diagnostics)
        if (d.id == "newskg.input.115") {
            ++refused;
            CHECK(d.error);
        }
    CHECK(refused == 1);
}
