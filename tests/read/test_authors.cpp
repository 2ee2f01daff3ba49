// Authors of an article: JSON-LD author, else <meta name="author">, else the byline; never
// an agency or the outlet. The pages are invented.
#include "newskg/read/json_view.hpp"
#include "newskg/read/reader.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using Names = std::vector<std::string>;

newskg::Document html(const std::string& page) {
    return newskg::read_html_article(page, "page.html", newskg::ReadOptions{});
}

const std::string kBody =
    "<p>The river ferry between the two villages resumed service on Tuesday after a week of repairs "
    "to its landing stage, the operator said in a statement.</p>"
    "<p>Passengers had been taking a forty-minute detour by road while engineers replaced the timber "
    "piles that the spring floods had loosened, the operator added.</p>"
    "<p>The council said it would review the landing stages on the rest of the route before the "
    "autumn rains and publish a schedule of further works next month.</p>";

std::string page(const std::string& head, const std::string& header = "") {
    return "<html><head><title>Ferry service resumes after repairs | Valley Courier</title>" + head +
           "</head><body><article><h1>Ferry service resumes after repairs</h1>" + header + kBody +
           "</article></body></html>";
}

} // namespace

TEST_CASE("authors: JSON-LD author array keeps people, drops organizations", "[read][html][authors]") {
    const auto d = html(page(R"(<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Someone Else">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ferry service resumes after repairs",
 "author": [{"@type": "Person", "name": " Mara Lindqvist "},
            {"@type": "Organization", "name": "Valley Courier Newsroom"},
            {"name": "Tomas Okafor"}, "Mara Lindqvist", {"@type": "Person", "name": "Valley Courier"}],
 "publisher": {"@type": "Organization", "name": "Valley Courier"}}</script>)"));
    CHECK(d.authors == Names{"Mara Lindqvist", "Tomas Okafor"});
    CHECK(d.outlet == "Valley Courier");
}

TEST_CASE("authors: JSON-LD author as one object or one string", "[read][html][authors]") {
    const auto obj = html(page(R"(<script type="application/ld+json">{"@type": "NewsArticle",
 "headline": "Ferry service resumes after repairs", "author": {"@type": "Person", "name": "Ines Dufort"}}</script>)"));
    CHECK(obj.authors == Names{"Ines Dufort"});
    const auto str = html(page(R"(<script type="application/ld+json">{"@type": "NewsArticle",
 "headline": "Ferry service resumes after repairs", "author": "Ines Dufort and Pavel Rusu"}</script>)"));
    CHECK(str.authors == Names{"Ines Dufort", "Pavel Rusu"});
    // Only an organization: no author from JSON-LD, the meta tag is next.
    const auto org = html(page(R"(<meta name="author" content="Pavel Rusu">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry service resumes after repairs",
 "author": {"@type": "Organization", "name": "Valley Courier"}}</script>)"));
    CHECK(org.authors == Names{"Pavel Rusu"});
}

TEST_CASE("authors: meta author when it is a name, not a URL", "[read][html][authors]") {
    CHECK(html(page(R"(<meta name="author" content="Lena Hoffmann">)")).authors == Names{"Lena Hoffmann"});
    CHECK(html(page(R"(<meta property="article:author" content="https://social.example/lena.hoffmann">
<meta name="author" content="By Lena Hoffmann, Ravi Menon">)"))
              .authors == Names{"Lena Hoffmann", "Ravi Menon"});
    // A URL alone names no one; an agency is not an author.
    CHECK(html(page(R"(<meta property="article:author" content="https://social.example/lena">)")).authors.empty());
    CHECK(html(page(R"(<meta name="author" content="AFP">)")).authors.empty());
}

TEST_CASE("authors: the byline's people, its agency stays an agency", "[read][html][authors]") {
    const auto d = html(page("", "<p class=\"byline\">By Anna Berg and Carl Dahl, AFP</p>"));
    CHECK(d.authors == Names{"Anna Berg", "Carl Dahl"});
    CHECK(d.agencies == Names{"AFP"});
    CHECK(d.text.find("Anna Berg") == std::string::npos);

    const auto one = html(page("", "<p>By Jane Roe, Reuters</p>"));
    CHECK(one.authors == Names{"Jane Roe"});
    CHECK(one.agencies == Names{"Reuters"});

    // "By Reuters" credits an agency, no person.
    const auto agency = html(page("", "<p>By Reuters</p>"));
    CHECK(agency.authors.empty());
}

TEST_CASE("authors: a page without any author", "[read][html][authors]") {
    const auto d = html(page(R"(<meta property="og:site_name" content="Valley Courier">)"));
    CHECK(d.authors.empty());
    CHECK(newskg::to_json_view(d)["authors"] == nlohmann::json::array());
}

TEST_CASE("authors: plain text byline", "[read][text][authors]") {
    const auto d = newskg::read_text_article(
        "Ferry service resumes after repairs\n\nBy Anna Berg and Carl Dahl, AFP\n\n"
        "The river ferry between the two villages resumed service on Tuesday after a week of repairs, "
        "the operator said.\n",
        "ferry.txt", newskg::ReadOptions{});
    CHECK(d.authors == Names{"Anna Berg", "Carl Dahl"});
    CHECK(d.agencies == Names{"AFP"});
}

TEST_CASE("authors: JSON Lines author and authors fields", "[read][input][authors]") {
    newskg::test::TempDir t;
    t.write("a.jsonl",
            "{\"id\": \"a1\", \"authors\": [\" Anna Berg \", \"Carl Dahl\"], \"text\": \"The ferry resumed service.\"}\n"
            "{\"id\": \"a2\", \"author\": \"Anna Berg and Carl Dahl\", \"text\": \"The ferry resumed service.\"}\n"
            "{\"id\": \"a3\", \"text\": \"The ferry resumed service.\"}\n"
            "{\"id\": \"a4\", \"author\": 7, \"text\": \"The ferry resumed service.\"}\n");
    std::vector<newskg::Document> docs;
    std::vector<newskg::Diagnostic> diags;
    newskg::read_articles({(t.path() / "a.jsonl").string()}, newskg::ReadOptions{},
                          [&](newskg::Document&& d) { docs.push_back(std::move(d)); }, diags);
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].authors == Names{"Anna Berg", "Carl Dahl"});
    CHECK(docs[1].authors == Names{"Anna Berg", "Carl Dahl"});
    CHECK(docs[2].authors.empty());
    CHECK(std::any_of(diags.begin(), diags.end(), [](const newskg::Diagnostic& g) {
        return g.error && g.message.find("\"author\"") != std::string::npos;
    }));
}
