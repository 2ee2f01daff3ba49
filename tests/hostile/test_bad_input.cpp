// The catalogue of bad input (issue 9, item 1): each kind of hostile or broken input made
// here at test time and given to the real CLI. Every one ends in an error naming the file
// (and line where there is one) with a non-zero exit, or in a documented repair with a
// warning; none crashes or hangs, and the good articles of the same batch are still done.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <fstream>
#include <random>
#include <set>

#include "hostile_support.hpp"
#include "newskg/core/error.hpp"
#include "newskg/io/graph_files.hpp"
#include "support.hpp"

using namespace newskg::test;

namespace {

/// Runs `extract --format json --out-dir OUT` on `inputs` (already quoted) plus one good
/// article, and checks the good one was written whatever happened to the others.
RunResult batch_with_good(const TempDir& dir, const std::string& inputs, const std::string& extra = "") {
    write_file(dir / "good.txt", kGoodArticle);
    std::filesystem::create_directories(dir / "out");
    auto r = run_newskg("extract --no-parser --format json " + extra + " --out-dir " + q(dir / "out") + " " +
                        inputs + " " + q(dir / "good.txt"));
    INFO(r.err);
    CHECK(std::filesystem::exists(dir / "out/good.json"));
    return r;
}

} // namespace

TEST_CASE("hostile: an empty file is a warning and an empty article", "[hostile]") {
    TempDir d;
    write_file(d / "empty.txt", "");
    auto r = batch_with_good(d, q(d / "empty.txt"));
    CHECK(r.status == 0);
    CHECK(contains(r.err, "warning: " + (d / "empty.txt") + ": empty article"));
}

TEST_CASE("hostile: binary data is an error naming the file", "[hostile]") {
    TempDir d;
    std::string bytes(64 * 1024, '\0');
    std::mt19937 rng(9);
    for (auto& c : bytes) c = static_cast<char>(rng());
    write_file(d / "noise.txt", bytes);
    auto r = batch_with_good(d, q(d / "noise.txt"));
    CHECK(r.status == 1);
    CHECK(contains(r.err, "error: " + (d / "noise.txt") + ": binary data"));
    CHECK_FALSE(std::filesystem::exists(d / "out/noise.json"));
}

TEST_CASE("hostile: invalid UTF-8 is repaired as Windows-1252 with a warning", "[hostile]") {
    TempDir d;
    write_file(d / "latin.txt", "Caf\xe9 talks\n\nChad accused Sudan of shelling the caf\xe9 on Monday.\n");
    auto r = batch_with_good(d, q(d / "latin.txt"));
    CHECK(r.status == 0);
    CHECK(contains(r.err, "warning: " + (d / "latin.txt") + ": not valid UTF-8; decoded as Windows-1252"));
    const auto j = nlohmann::json::parse(read_file(d / "out/latin.json"));
    CHECK(j["articles"][0]["title"] == "Caf\xc3\xa9 talks");
}

TEST_CASE("hostile: a 100 MB article is refused by --max-bytes without reading it all", "[hostile]") {
    // Decision (README, Reliability): articles over --max-bytes (32 MiB by default) are
    // refused with newskg.input.105; only the limit is read, so memory stays bounded.
    TempDir d;
    {
        std::ofstream f(d / "huge.txt", std::ios::binary);
        const std::string para = "The council met on Monday and discussed the harbour and the tram line.\n\n";
        for (std::size_t n = 0; n < (100u << 20); n += para.size()) f << para;
    }
    REQUIRE(std::filesystem::file_size(d / "huge.txt") >= (100u << 20));
    auto r = batch_with_good(d, q(d / "huge.txt"));
    CHECK(r.status == 1);
    CHECK(contains(r.err, "error: " + (d / "huge.txt") + ": larger than the limit of 33554432 bytes"));
    // In JSON Lines the limit is per line: the other lines are still read.
    write_file(d / "feed.jsonl", "{\"id\": \"big\", \"text\": \"" + std::string(5000, 'a') + "\"}\n" +
                                     "{\"id\": \"small\", \"text\": \"Chad accused Sudan of shelling towns.\"}\n");
    auto j = batch_with_good(d, q(d / "feed.jsonl"), "--max-bytes 1000");
    CHECK(j.status == 1);
    CHECK(contains(j.err, (d / "feed.jsonl") + ":1: line longer than the limit of 1000 bytes"));
    CHECK(std::filesystem::exists(d / "out/small.json"));
}

TEST_CASE("hostile: a 20,000-word sentence without punctuation finishes, parser on", "[hostile]") {
    // The syntax stage is a greedy parser, linear in the sentence: this must end (ctest's
    // timeout catches a hang).
    TempDir d;
    std::string s = "Long sentence\n\n";
    const char* words[] = {"Chad", "accused", "Sudan", "and", "the", "council", "met", "officials", "in", "towns"};
    for (int i = 0; i < 20000; ++i) s += std::string(words[i % 10]) + " ";
    write_file(d / "long.txt", s + "\n");
    auto r = run_newskg("extract --format json " + q(d / "long.txt"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["articles"].size() == 1);
    CHECK(!j["entities"].empty());
}

TEST_CASE("hostile: HTML nested 100,000 deep is flattened with a warning, unclosed HTML is repaired", "[hostile]") {
    TempDir d;
    std::string deep = "<html><body>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    write_file(d / "deep.html", deep + "<p>Chad accused Sudan of shelling border towns on Monday, officials said in "
                                       "a statement.</p></body></html>");
    // Unclosed elements everywhere: libxml2 closes them, the text is read.
    write_file(d / "unclosed.html",
               "<html><head><title>Border row<body><div><article><h1>Border row<p>Chad accused Sudan of "
               "shelling border towns on Monday, officials said.<p>Sudan denied it in a statement <b>on "
               "Tuesday<div><span>");
    auto r = batch_with_good(d, q(d / "deep.html") + " " + q(d / "unclosed.html"));
    CHECK(r.status == 0);
    // html, body and 198 divs are kept; the other 99,802 divs and the p are flattened.
    CHECK(contains(r.err, "warning: " + (d / "deep.html") +
                              ": 99803 HTML element(s) nested deeper than 200 levels flattened into their "
                              "ancestor (libxml2 stops at 256) [newskg.input.108]"));
    REQUIRE(std::filesystem::exists(d / "out/deep.json"));
    const auto deep_json = nlohmann::json::parse(read_file(d / "out/deep.json"));
    CHECK(deep_json["relations"].size() >= 1);
    REQUIRE(std::filesystem::exists(d / "out/unclosed.json"));
    const auto j = nlohmann::json::parse(read_file(d / "out/unclosed.json"));
    CHECK(j["relations"].size() >= 1);
    // Nested JSON-LD metadata a million levels deep once overflowed the stack.
    std::string ld = "<html><head><script type=\"application/ld+json\">" + std::string(1000000, '[') +
                     std::string(1000000, ']') + "</script></head><body><p>Chad accused Sudan of shelling "
                     "border towns on Monday.</p></body></html>";
    write_file(d / "ld.html", ld);
    auto l = batch_with_good(d, q(d / "ld.html"));
    CHECK(l.status == 0);
    CHECK(std::filesystem::exists(d / "out/ld.json"));
}

TEST_CASE("hostile: external entities and remote references in HTML are never fetched", "[hostile]") {
    TempDir d;
    const std::string secret = d / "secret.txt";
    write_file(secret, "TOPSECRET-7f3a\n");
    LocalListener port;
    const std::string page =
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"" + port.url("/x.dtd") + "\" [\n"
        "  <!ENTITY leak SYSTEM \"file://" + secret + "\">\n  <!ENTITY remote SYSTEM \"" + port.url("/e") + "\">\n]>\n"
        "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><head><title>Border row</title>\n"
        "<link rel=\"stylesheet\" href=\"" + port.url("/s.css") + "\"><script src=\"" + port.url("/a.js") + "\"></script>\n"
        "</head><body><article><h1>Border row</h1>\n"
        "<p>Chad accused Sudan of shelling border towns on Monday, officials said. &leak; &remote;</p>\n"
        "<xi:include href=\"file://" + secret + "\" parse=\"text\"/>\n"
        "<img src=\"" + port.url("/i.png") + "\"><iframe src=\"file://" + secret + "\"></iframe>\n"
        "<p>Sudan denied the accusation in a statement on Tuesday.</p></article></body></html>\n";
    write_file(d / "page.html", page);
    write_file(d / "page.jsonl", nlohmann::json{{"id", "jl"}, {"html", page}}.dump() + "\n");
    for (const std::string in : {"page.html", "page.jsonl"}) {
        INFO(in);
        auto r = run_newskg("extract --format ttl " + q(d / in));
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(contains(r.out, "Chad accused Sudan"));
        CHECK_FALSE(contains(r.out, "TOPSECRET"));
        auto t = run_newskg("read --format json " + q(d / in));
        CHECK_FALSE(contains(t.out, "TOPSECRET"));
    }
    CHECK_FALSE(port.connected());
}

TEST_CASE("hostile: an article naming 10,000 actors finishes with all of them", "[hostile]") {
    // Token rules only (--no-parser): the parse of 5,000 sentences would add a minute
    // without exercising anything the actor index does not.
    TempDir d;
    const char* syl[] = {"ka", "lo", "mi", "ra", "tu", "ven", "dor", "sa", "bel", "gro", "nik", "pa", "zul", "ter", "om"};
    std::mt19937 rng(10000);
    auto word = [&] {
        std::string w;
        for (int i = 0; i < 3; ++i) w += syl[rng() % 15];
        w[0] = static_cast<char>(w[0] - 'a' + 'A');
        return w;
    };
    std::set<std::string> names;
    while (names.size() < 10000) names.insert(word() + " " + word());
    std::string text = "Ten thousand names\n\n";
    for (auto it = names.begin(); it != names.end();) {
        const std::string a = *it++, b = *it++;
        text += "Minister " + a + " met President " + b + " in Bamako on Monday.\n\n";
    }
    write_file(d / "crowd.txt", text);
    auto r = run_newskg("extract --no-parser --format json " + q(d / "crowd.txt"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["entities"].size() >= 10000);
    CHECK(j["relations"].size() >= 4000);
}

TEST_CASE("hostile: JSON Lines with broken lines, missing fields and wrong types", "[hostile]") {
    TempDir d;
    write_file(d / "feed.jsonl",
               "{\"id\": \"ok1\", \"text\": \"Chad accused Sudan of shelling border towns.\"}\n"
               "{\"id\": \"cut\", \"text\": \"Chad accused\n"                         // 2: broken
               "{\"id\": \"notext\", \"title\": \"No body\"}\n"                        // 3: missing field
               "{\"id\": \"wrong\", \"text\": 42}\n"                                   // 4: wrong type
               "[\"an\", \"array\"]\n"                                                 // 5: not an object
               "{\"id\": {\"nested\": 1}, \"text\": \"Chad accused Sudan.\"}\n"       // 6: id of wrong type
               "\xff\xfe garbage \x01\x02\n"                                          // 7: not JSON
               "{\"id\": \"ok2\", \"text\": \"Mali accused Niger of shelling border towns.\"}\n");
    auto r = batch_with_good(d, q(d / "feed.jsonl"));
    CHECK(r.status == 1);
    const std::string f = d / "feed.jsonl";
    CHECK(contains(r.err, f + ":2: not valid JSON"));
    CHECK(contains(r.err, f + ":3: no \"text\" or \"html\" field"));
    CHECK(contains(r.err, f + ":4: field \"text\" must be a string, not number"));
    CHECK(contains(r.err, f + ":5: a line must be a JSON object"));
    CHECK(contains(r.err, f + ":6: field \"id\" must be a string"));
    CHECK(contains(r.err, "error: " + f + ":7: "));
    CHECK(std::filesystem::exists(d / "out/ok1.json"));
    CHECK(std::filesystem::exists(d / "out/ok2.json"));
}

TEST_CASE("hostile: article ids cannot write outside --out-dir", "[hostile]") {
    TempDir d;
    std::filesystem::create_directories(d / "a/b");
    write_file(d / "ids.jsonl",
               "{\"id\": \"../../escaped\", \"text\": \"Chad accused Sudan of shelling towns.\"}\n"
               "{\"id\": \"/tmp/abs\", \"text\": \"Chad accused Sudan of shelling towns.\"}\n"
               "{\"id\": \"..\", \"text\": \"Chad accused Sudan of shelling towns.\"}\n"
               "{\"id\": \"" + std::string(5000, 'x') + "\", \"text\": \"Chad accused Sudan of shelling towns.\"}\n");
    auto r = run_newskg("extract --no-parser --format json --out-dir " + q(d / "a/b/out") + " " + q(d / "ids.jsonl"));
    INFO(r.err);
    CHECK(r.status == 0);
    std::size_t inside = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(d.path())) {
        if (!e.is_regular_file() || e.path().extension() != ".json") continue;
        CHECK(e.path().parent_path() == std::filesystem::path(d / "a/b/out"));
        CHECK(e.path().filename().string()[0] != '.');
        ++inside;
    }
    CHECK(inside == 4);
    CHECK_FALSE(std::filesystem::exists("/tmp/abs.json"));
}

TEST_CASE("hostile: Turtle and N-Quads with syntax errors name the file and line", "[hostile]") {
    // What `newskg merge` reads its inputs with (the CLI itself: the next test).
    TempDir d;
    const auto& onto = resources().ontology();
    const std::string ttl = d / "broken.ttl";
    write_file(ttl, "@prefix nkg: <https://newskg.org/ontology#> .\n<a> a nkg:Country .\n<b> a nkg:Country\n<c> <d> .\n");
    CHECK_THROWS_WITH(newskg::read_graph_file(ttl, onto), Catch::Contains(ttl + ":4"));
    const std::string nq = d / "broken.nq";
    write_file(nq, "<http://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                   "<https://newskg.org/ontology#Country> <http://ex.org/g> .\n"
                   "<http://ex.org/a> <http://ex.org/p> \"unterminated <http://ex.org/g> .\n");
    CHECK_THROWS_WITH(newskg::read_graph_file(nq, onto), Catch::Contains(nq + ":2"));
    const std::string bin = d / "noise.nq";
    write_file(bin, std::string("\x00\x01\xff\xfe<\x00>", 7));
    CHECK_THROWS_WITH(newskg::read_graph_file(bin, onto), Catch::Contains(bin));
    // A number JSON cannot hold once escaped as an internal error (found by fuzz_rdf_reader).
    const std::string huge = d / "huge.json";
    write_file(huge, "8e730");
    CHECK_THROWS_WITH(newskg::read_graph_file(huge, onto), Catch::Contains("newskg.parse.501") && Catch::Contains(huge));
    write_file(d / "huge2.json", "{\"entities\": [{\"id\": \"x\", \"confidence\": 1e999}]}");
    CHECK_THROWS_AS(newskg::read_graph_file(d / "huge2.json", onto), newskg::error);
    const std::string empty = d / "empty.ttl";
    write_file(empty, "");
    CHECK_THROWS_AS(newskg::read_graph_file(empty, onto), newskg::error);
}

TEST_CASE("hostile: newskg merge names broken Turtle and N-Quads and merges the rest", "[hostile]") {
    TempDir d;
    write_file(d / "good.txt", kGoodArticle);
    auto x = run_newskg("extract --no-parser --format ttl --output " + q(d / "good.ttl") + " " + q(d / "good.txt"));
    REQUIRE(x.status == 0);
    write_file(d / "broken.ttl", "@prefix nkg: <https://newskg.org/ontology#> .\n<a> a nkg:Country .\n<b> a nkg:Country\n<c> <d> .\n");
    write_file(d / "broken.nq", "<http://ex.org/a> <http://ex.org/p> \"unterminated <http://ex.org/g> .\n");
    write_file(d / "noise.ttl", std::string("\x00\x01\xff\xfe<\x00>", 7));
    write_file(d / "old.json", "{\"kept\": true}\n");
    auto r = run_newskg("merge --format json --output " + q(d / "merged.json") + " " + q(d / "broken.ttl") + " " +
                        q(d / "broken.nq") + " " + q(d / "noise.ttl") + " " + q(d / "missing.nq") + " " +
                        q(d / "good.ttl"));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(contains(r.err, (d / "broken.ttl") + ":4"));
    CHECK(contains(r.err, (d / "broken.nq") + ":1"));
    CHECK(contains(r.err, d / "noise.ttl"));
    CHECK(contains(r.err, d / "missing.nq"));
    CHECK_FALSE(contains(r.err, "internal error"));
    // The good graph is still merged and written.
    const auto j = nlohmann::json::parse(read_file(d / "merged.json"));
    CHECK(j["relations"].size() == 1);
    // An output on a full disk: an error naming it.
    auto f = run_newskg("merge --format json --output /dev/full " + q(d / "good.ttl"));
    CHECK(f.status == 1);
    CHECK(contains(f.err, "/dev/full"));
}

TEST_CASE("hostile: RDF/XML external entities given to the graph reader are never fetched", "[hostile]") {
    TempDir d;
    const std::string secret = d / "secret.txt";
    write_file(secret, "TOPSECRET-91bc");
    LocalListener port;
    const std::string rdf = d / "xxe.rdf";
    write_file(rdf,
               "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n"
               "  <!ENTITY leak SYSTEM \"file://" + secret + "\">\n"
               "  <!ENTITY remote SYSTEM \"" + port.url("/e") + "\">\n"
               "  <!ENTITY % dtd SYSTEM \"" + port.url("/p.dtd") + "\"> %dtd;\n]>\n"
               "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
               "         xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\"\n"
               "         xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
               "  <rdf:Description rdf:about=\"https://newskg.org/actor/country/TD\">\n"
               "    <rdf:type rdf:resource=\"https://newskg.org/ontology#Country\"/>\n"
               "    <skos:prefLabel>Chad &leak; &remote;</skos:prefLabel>\n"
               "    <xi:include href=\"file://" + secret + "\" parse=\"text\"/>\n"
               "  </rdf:Description>\n</rdf:RDF>\n");
    std::string what;
    try {
        const auto g = newskg::read_graph_file(rdf, resources().ontology());
        what = std::to_string(g.node_count());
        for (const auto* n : g.nodes()) what += " " + n->label;
    } catch (const newskg::error& e) {
        what = e.what(); // refusing the entities is fine too
    }
    INFO(what);
    CHECK_FALSE(contains(what, "TOPSECRET"));
    // And through the CLI, from the file and from standard input (parsed from memory).
    auto r = run_newskg("merge --format ttl --output - " + q(rdf));
    CHECK_FALSE(contains(r.out + r.err, "TOPSECRET"));
    r = run("cat " + q(rdf) + " | " + q(NEWSKG_CLI_PATH) + " merge --format ttl --output - -");
    CHECK_FALSE(contains(r.out + r.err, "TOPSECRET"));
    CHECK_FALSE(port.connected());
}

TEST_CASE("hostile: malformed gold files given to eval", "[hostile]") {
    TempDir d;
    write_file(d / "a.txt", kGoodArticle);
    write_file(d / "notjson.gold.json", "{\"text\": \"a.txt\",\n \"entities\": [\n");
    write_file(d / "notext.gold.json", "{\"entities\": []}");
    write_file(d / "missing.gold.json", "{\"text\": \"nowhere.txt\", \"entities\": [], \"relations\": []}");
    write_file(d / "types.gold.json", "{\"text\": \"a.txt\", \"entities\": 5, \"relations\": {\"x\": 1}}");
    write_file(d / "items.gold.json", "{\"text\": \"a.txt\", \"entities\": [1, null], \"relations\": []}");
    write_file(d / "rels.gold.json",
               "{\"text\": \"a.txt\", \"entities\": [{\"id\": \"td\", \"names\": [\"Chad\"], \"optional\": \"yes\"}], "
               "\"relations\": [\"x\", {\"s\": 5}]}");
    write_file(d / "good.gold.json",
               "{\"text\": \"a.txt\", \"entities\": [{\"id\": \"td\", \"type\": \"Country\", \"names\": [\"Chad\"]}], "
               "\"relations\": []}");
    auto r = run_newskg("eval --json " + q(d / "notjson.gold.json") + " " + q(d / "notext.gold.json") + " " +
                        q(d / "missing.gold.json") + " " + q(d / "types.gold.json") + " " +
                        q(d / "items.gold.json") + " " + q(d / "rels.gold.json") + " " + q(d / "good.gold.json"));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK_FALSE(contains(r.err, "internal error"));
    for (const char* f : {"notjson", "notext", "types", "items", "rels"})
        CHECK(contains(r.err, d / (std::string(f) + ".gold.json")));
    CHECK(contains(r.err, d / "nowhere.txt"));
    // The good gold file is still scored.
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["documents"].size() == 1);
}

TEST_CASE("hostile: missing, unreadable and unwritable paths", "[hostile]") {
    TempDir d;
    // Missing.
    auto m = batch_with_good(d, q(d / "nope.txt"));
    CHECK(m.status == 1);
    CHECK(contains(m.err, (d / "nope.txt") + ": no such file or directory"));
    // Unreadable: a symlink loop cannot be opened even by root.
    std::filesystem::create_symlink("loop.txt", d / "loop.txt");
    auto l = batch_with_good(d, q(d / "loop.txt"));
    CHECK(l.status == 1);
    CHECK(contains(l.err, (d / "loop.txt") + ": cannot access"));
    // Unwritable: the output's directory is a regular file.
    write_file(d / "file", "x");
    auto w = run_newskg("extract --no-parser --format json --output " + q(d / "file/out.json") + " " + q(d / "good.txt"));
    CHECK(w.status == 1);
    CHECK(contains(w.err, (d / "file/out.json") + ": cannot create a file here"));
    auto o = run_newskg("extract --no-parser --format json --out-dir " + q(d / "file/dir") + " " + q(d / "good.txt"));
    CHECK(o.status == 1);
    CHECK(contains(o.err, d / "file/dir"));
    CHECK_FALSE(contains(o.err, "internal error"));
    if (::geteuid() != 0) { // permissions do not stop root
        write_file(d / "locked.txt", kGoodArticle);
        ::chmod((d / "locked.txt").c_str(), 0);
        auto u = batch_with_good(d, q(d / "locked.txt"));
        CHECK(u.status == 1);
        CHECK(contains(u.err, (d / "locked.txt") + ": cannot open"));
    }
}

TEST_CASE("hostile: an output on a full disk is an error and nothing else changes", "[hostile]") {
    TempDir d;
    write_file(d / "good.txt", kGoodArticle);
    auto r = run_newskg("extract --no-parser --format ttl --output /dev/full " + q(d / "good.txt"));
    CHECK(r.status == 1);
    CHECK(contains(r.err, "/dev/full: write failed: No space left on device"));
    auto e = run_newskg("eval --save-graphs /dev/full/x " + q(source_path("tests/gold/chad-ends-france-defence-pact.gold.json")));
    CHECK(e.status != 0);
    CHECK(contains(e.err, "/dev/full"));
    CHECK_FALSE(contains(e.err, "internal error"));
}

TEST_CASE("hostile: class and id together classify an element (fuzz regression)", "[hostile][fuzz]") {
    // fuzz_html_reader found a heap-use-after-free here: the words of `class + " " + id`
    // were views into a destroyed temporary. Under scripts/test-sanitizers this test
    // fails on that bug; here it checks the classification the words feed.
    const std::string html =
        "<html><body><article class=\"story\" id=\"main-story\"><h1>Border row</h1>"
        "<p>Chad accused Sudan of shelling border towns on Monday, officials said in a statement.</p>"
        "<p>Sudan denied the accusation on Tuesday and called for talks between the two sides.</p></article>"
        "<div class=\"box wide\" id=\"related-stories\"><p>Related: Another story about the border that is "
        "long enough to look like a paragraph of text.</p></div></body></html>";
    const auto doc = newskg::read_html_article(html, "page.html", newskg::ReadOptions{});
    CHECK(contains(doc.text, "Chad accused Sudan"));
    CHECK_FALSE(contains(doc.text, "Another story about the border"));
}
