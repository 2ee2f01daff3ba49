#include "newskg/read/reader.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "test_paths.hpp"

namespace {

std::string fixture_path(const std::string& name) { return std::string(NEWSKG_TEST_FIXTURES) + "/read/" + name; }

std::string fixture(const std::string& name) {
    std::ifstream f(fixture_path(name), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Batch {
    std::vector<newskg::Document> docs;
    std::vector<newskg::Diagnostic> diags;
    const newskg::Diagnostic* find(const std::string& id) const {
        for (const auto& d : diags)
            if (d.id == id) return &d;
        return nullptr;
    }
};

Batch read_all(const std::vector<std::string>& paths, const newskg::ReadOptions& o = {}) {
    Batch b;
    newskg::read_articles(paths, o, [&](newskg::Document&& d) { b.docs.push_back(std::move(d)); }, b.diags);
    // Most articles here have no date; the undated warning is tested in test_structure.cpp.
    b.diags.erase(std::remove_if(b.diags.begin(), b.diags.end(),
                                 [](const newskg::Diagnostic& d) { return d.id == "newskg.input.110"; }),
                  b.diags.end());
    return b;
}

const char* kArticle = "Harbour reopens\n\nThe harbour reopened on Monday after the storm, officials said.\n";

} // namespace

TEST_CASE("input: JSON Lines with broken lines go on", "[read][input]") {
    const auto b = read_all({fixture_path("batch.jsonl")});
    REQUIRE(b.docs.size() == 4);
    CHECK(b.docs[0].id == "jl-1");
    CHECK(b.docs[0].title == "Council approves new tram line");
    CHECK(b.docs[0].url == "https://example.org/tram");
    CHECK(b.docs[0].outlet == "City Courier");
    CHECK(b.docs[0].published->iso() == "2024-05-14");
    // The title repeated as the first line of the text is not kept twice.
    CHECK(b.docs[0].paragraphs.size() == 2);
    CHECK(b.docs[1].id == "3"); // a numeric id
    CHECK(b.docs[1].published->iso() == "2024-05-14");
    CHECK(b.docs[2].id == "jl-6"); // an HTML article
    CHECK(b.docs[2].title == "Museum reopens after repairs");
    CHECK(b.docs[2].published->iso() == "2024-05-10");
    CHECK(b.docs[2].text.find("Home") == std::string::npos);
    CHECK(b.docs[2].text.find("rights reserved") == std::string::npos);
    CHECK(b.docs[3].id == "jl-8"); // empty text: passed on, with a warning
    CHECK(b.docs[3].paragraphs.empty());
    for (const auto& d : b.docs) CHECK(d.source_path == fixture_path("batch.jsonl"));

    std::vector<std::string> seen;
    for (const auto& d : b.diags) seen.push_back(d.path.substr(d.path.rfind(':') + 1) + " " + d.id);
    CHECK(seen == std::vector<std::string>{"2 newskg.parse.201", "5 newskg.parse.202", "6 newskg.parse.202",
                                           "8 newskg.parse.202", "9 newskg.input.106"});
    for (const auto& d : b.diags) CHECK(d.message.rfind(fixture_path("batch.jsonl") + ":", 0) == 0);
    CHECK_FALSE(b.diags.back().error);
}

TEST_CASE("input: a directory is read recursively, sorted, by extension", "[read][input]") {
    newskg::test::TempDir t;
    t.write("b.txt", kArticle);
    t.write("a.html", "<html><body><p>The harbour reopened on Monday after the storm, officials said in a "
                      "statement.</p></body></html>");
    t.write("notes.md", "# not an article\n");
    t.write("sub/c.text", kArticle);
    t.write_gz("sub/d.txt.gz", kArticle);
    t.write("sub/e.jsonl", "{\"id\": \"e1\", \"text\": \"One line article with a full stop.\"}\n");
    const auto b = read_all({t.path().string()});
    std::vector<std::string> ids;
    for (const auto& d : b.docs) ids.push_back(d.id);
    CHECK(ids == std::vector<std::string>{"a", "b", "c", "d", "e1"});
    CHECK(b.diags.empty());
}

TEST_CASE("input: gzip is read transparently", "[read][input]") {
    newskg::test::TempDir t;
    const auto p = t.write_gz("story.txt.gz", kArticle);
    const auto b = read_all({p});
    REQUIRE(b.docs.size() == 1);
    CHECK(b.docs[0].id == "story");
    CHECK(b.docs[0].title == "Harbour reopens");
    // Gzip recognised by its magic bytes, whatever the name.
    const auto q = t.write_gz("story.data", fixture("article.html"));
    const auto c = read_all({q});
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].title == "Ministers agree grain corridor deal");
    // A corrupt gzip file is an error naming it.
    std::string broken = fixture("article.html");
    {
        const auto full = t.write_gz("full.gz", broken);
        std::ifstream f(full, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        broken = ss.str().substr(0, ss.str().size() / 2);
    }
    const auto r = read_all({t.write("cut.html.gz", broken)});
    REQUIRE(r.find("newskg.input.102"));
    CHECK(r.find("newskg.input.102")->message.find("cut.html.gz") != std::string::npos);
}

TEST_CASE("input: empty article is a warning and still passed on", "[read][input]") {
    newskg::test::TempDir t;
    const auto b = read_all({t.write("empty.txt", "  \n\n")});
    REQUIRE(b.docs.size() == 1);
    CHECK(b.docs[0].id == "empty");
    CHECK(b.docs[0].paragraphs.empty());
    REQUIRE(b.diags.size() == 1);
    CHECK(b.diags[0].id == "newskg.input.106");
    CHECK_FALSE(b.diags[0].error);
    // Only furniture: also a warning.
    const auto c = read_all({t.write("menu.txt", "Skip to content\nShare\n")});
    REQUIRE(c.docs.size() == 1);
    CHECK(c.find("newskg.input.106"));
}

TEST_CASE("input: binary data is an error naming the file", "[read][input]") {
    newskg::test::TempDir t;
    std::string bytes = "PK\x03\x04";
    bytes += std::string("\x00\x01\x02\x14\x00\x08", 6);
    for (int i = 0; i < 200; ++i) bytes += static_cast<char>(i % 32);
    const auto p = t.write("archive.txt", bytes);
    const auto b = read_all({p});
    CHECK(b.docs.empty());
    REQUIRE(b.diags.size() == 1);
    CHECK(b.diags[0].id == "newskg.input.103");
    CHECK(b.diags[0].error);
    CHECK(b.diags[0].path == p);
    CHECK(b.diags[0].message.find(p) != std::string::npos);
}

TEST_CASE("input: Latin-1 text is repaired with a warning, other encodings are errors", "[read][input]") {
    newskg::test::TempDir t;
    const auto p = t.write("latin1.txt", "Caf\xE9 owners protest\n\nThe owners of a caf\xE9 in Z\xFCrich said on "
                                         "Monday the new rules were \x93unfair\x94.\n");
    const auto b = read_all({p});
    REQUIRE(b.docs.size() == 1);
    CHECK(b.docs[0].title == "Caf\u00E9 owners protest");
    CHECK(b.docs[0].text.find("Z\u00FCrich said on Monday the new rules were \u201Cunfair\u201D.") != std::string::npos);
    REQUIRE(b.diags.size() == 1);
    CHECK(b.diags[0].id == "newskg.input.104");
    CHECK_FALSE(b.diags[0].error);

    // KOI8-R Cyrillic: every letter a high byte, which Windows-1252 would turn into
    // accented Latin gibberish.
    std::string koi8;
    for (int i = 0; i < 40; ++i) koi8 += "\xF0\xD2\xC9\xD7\xC5\xD4 ";
    const auto c = read_all({t.write("koi8.txt", koi8)});
    CHECK(c.docs.empty());
    REQUIRE(c.find("newskg.input.104"));
    CHECK(c.find("newskg.input.104")->error);
    // A byte that Windows-1252 leaves undefined.
    const auto e = read_all({t.write("undef.txt", "Some text with an \x81 odd byte in it.\n")});
    REQUIRE(e.find("newskg.input.104"));
    CHECK(e.find("newskg.input.104")->error);
}

TEST_CASE("input: missing paths and oversized files are errors, the batch goes on", "[read][input]") {
    newskg::test::TempDir t;
    const auto missing = (t.path() / "nope.txt").string();
    const auto good = t.write("good.txt", kArticle);
    const auto big = t.write("big.txt", std::string(2000, 'a'));
    newskg::ReadOptions o;
    o.max_bytes = 1000;
    const auto b = read_all({missing, big, good}, o);
    REQUIRE(b.docs.size() == 1);
    CHECK(b.docs[0].id == "good");
    REQUIRE(b.diags.size() == 2);
    CHECK(b.diags[0].id == "newskg.input.101");
    CHECK(b.diags[0].path == missing);
    CHECK(b.diags[0].message.find(missing) != std::string::npos);
    CHECK(b.diags[1].id == "newskg.input.105");
    CHECK(b.diags[1].path == big);
    // The limit applies after decompression too.
    const auto gz = t.write_gz("big.txt.gz", std::string(5000, 'a'));
    const auto c = read_all({gz}, o);
    REQUIRE(c.find("newskg.input.105"));
    // And to each line of a JSON Lines file.
    const auto jl = t.write("lines.jsonl", "{\"id\": \"small\", \"text\": \"A short article.\"}\n{\"id\": \"big\", "
                                           "\"text\": \"" + std::string(1500, 'b') + "\"}\n");
    const auto d = read_all({jl}, o);
    REQUIRE(d.docs.size() == 1);
    CHECK(d.docs[0].id == "small");
    REQUIRE(d.find("newskg.input.105"));
    CHECK(d.find("newskg.input.105")->path == jl + ":2");
}

TEST_CASE("input: format option and content sniffing", "[read][input]") {
    newskg::test::TempDir t;
    const auto page = t.write("page.dat", fixture("article.html"));
    CHECK(read_all({page}).docs.at(0).title == "Ministers agree grain corridor deal");
    newskg::ReadOptions text;
    text.format = "text";
    // Read as text, the markup stays (the caller asked for it).
    CHECK(read_all({page}, text).docs.at(0).text.find("<p>") != std::string::npos);
    const auto jl = t.write("x.log", "{\"id\": \"j\", \"text\": \"A sniffed JSON line.\"}\n");
    CHECK(read_all({jl}).docs.at(0).id == "j");
    newskg::ReadOptions bad;
    bad.format = "pdf";
    const auto b = read_all({page}, bad);
    CHECK(b.docs.empty());
    REQUIRE(b.diags.size() == 1);
    CHECK(b.diags[0].id == "newskg.input.107");
}

TEST_CASE("input: standard input", "[read][input]") {
    newskg::test::TempDir t;
    const auto p = t.write_gz("in.gz", kArticle);
    // Put the file on file descriptor 0 for the duration of the read, then restore it.
    const int saved = dup(0);
    REQUIRE(saved >= 0);
    const int fd = open(p.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    dup2(fd, 0);
    close(fd);
    const auto b = read_all({"-"});
    dup2(saved, 0);
    close(saved);
    REQUIRE(b.docs.size() == 1);
    CHECK(b.docs[0].id.rfind("stdin-", 0) == 0); // named by its text: no path to name it by
    CHECK(b.docs[0].source_path == "-");
    CHECK(b.docs[0].title == "Harbour reopens");
}

TEST_CASE("input: UTF-16 with a byte-order mark is converted", "[read][input]") {
    newskg::test::TempDir t;
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string(kArticle)) {
        utf16 += c;
        utf16 += '\0';
    }
    const auto b = read_all({t.write("wide.txt", utf16)});
    REQUIRE(b.docs.size() == 1);
    CHECK(b.docs[0].title == "Harbour reopens");
    CHECK(b.diags.empty());
}
