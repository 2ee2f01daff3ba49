// ArticleIds: one id per article of a run, the same on every run over the same inputs.
#include <catch2/catch.hpp>

#include "newskg/core/article_ids.hpp"

using newskg::ArticleIds;
using Kind = ArticleIds::Claim::Kind;

TEST_CASE("article ids: a second article with the same name gets the next free number", "[core][ids]") {
    ArticleIds ids;
    const auto a = ids.claim("article", false, "a/article.txt", "Chad accused Sudan.");
    const auto b = ids.claim("article", false, "b/article.txt", "Mali met Niger.");
    CHECK(a.kind == Kind::Kept);
    CHECK(a.id == "article");
    REQUIRE(b.kind == Kind::Renamed);
    CHECK(b.taken_by == "a/article.txt");
    CHECK(b.id == "article-2");

    // Another run over the same inputs names them the same way.
    ArticleIds again;
    CHECK(again.claim("article", false, "a/article.txt", "Chad accused Sudan.").id == a.id);
    CHECK(again.claim("article", false, "b/article.txt", "Mali met Niger.").id == b.id);
}

TEST_CASE("article ids: a name already taken by a renamed article is skipped", "[core][ids]") {
    ArticleIds ids;
    CHECK(ids.claim("x", false, "1.txt", "one").id == "x");
    CHECK(ids.claim("x-2", false, "x-2.txt", "two").id == "x-2");
    const auto c = ids.claim("x", false, "3.txt", "three");
    CHECK(c.kind == Kind::Renamed);
    CHECK(c.id == "x-3");
}

TEST_CASE("article ids: standard input is named by its text", "[core][ids]") {
    ArticleIds ids;
    const auto a = ids.claim("stdin", true, "-", "first text");
    const auto b = ids.claim("stdin", true, "-", "second text");
    CHECK(a.id == "stdin-" + newskg::stable_hash_hex({"first text"}, 8));
    CHECK(b.id == "stdin-" + newskg::stable_hash_hex({"second text"}, 8));
    CHECK(a.kind == Kind::Kept);
    CHECK(b.kind == Kind::Kept);
    const auto again = ids.claim("stdin", true, "-", "first text");
    CHECK(again.kind == Kind::Renamed);
    CHECK(again.id == a.id + "-2");
}

TEST_CASE("article ids: ids that share a file name count as taken", "[core][ids]") {
    ArticleIds ids;
    CHECK(ids.claim("a/b", false, "f.jsonl", "one").id == "a/b");
    const auto c = ids.claim("a_b", false, "f.jsonl", "two");
    CHECK(c.kind == Kind::Renamed);
    CHECK(newskg::article_file_stem(c.id) != "a_b");
}

TEST_CASE("article ids: a given id names the first article only", "[core][ids]") {
    ArticleIds ids(std::string("gazette-7"));
    const auto a = ids.claim("stdin", true, "-", "text");
    CHECK(a.kind == Kind::Kept);
    CHECK(a.id == "gazette-7");
    CHECK(ids.claim("stdin-2", false, "-", "more").kind == Kind::Refused);
}

TEST_CASE("article ids: file stems are safe names", "[core][ids]") {
    CHECK(newskg::article_file_stem("../etc/passwd") == "_._etc_passwd");
    CHECK(newskg::article_file_stem("") == "article");
    CHECK(newskg::article_file_stem(std::string(300, 'x')).size() == 200);
}

TEST_CASE("article ids: ids taken by another part of the batch count as taken", "[core][ids]") {
    ArticleIds ids(std::nullopt, {"red-sea", "red-sea-2"});
    const auto c = ids.claim("red-sea", false, "b/red-sea.txt", "text");
    CHECK(c.kind == Kind::Renamed);
    CHECK(c.id == "red-sea-3");
    CHECK(ids.claim("other", false, "b/other.txt", "text").kind == Kind::Kept);
}
