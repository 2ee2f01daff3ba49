#include "newskg/read/reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "test_paths.hpp"

namespace {

std::string fixture(const std::string& name) {
    std::ifstream f(std::string(NEWSKG_TEST_FIXTURES) + "/read/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

newskg::Document html(const std::string& page, const std::string& path = "page.html") {
    return newskg::read_html_article(page, path, newskg::ReadOptions{});
}

bool has_text(const newskg::Document& d, const std::string& needle) {
    return d.text.find(needle) != std::string::npos;
}

} // namespace

using newskg::ParagraphKind;

TEST_CASE("html reader: article body without the page around it", "[read][html]") {
    const auto d = html(fixture("article.html"), "pages/article.html");
    CHECK(d.id == "article");
    CHECK(d.title == "Ministers agree grain corridor deal");
    REQUIRE(d.published);
    CHECK(d.published->iso() == "2024-04-18");
    CHECK(d.outlet == "The Meridian Post");
    CHECK(d.url == "https://meridian.example/world/grain-corridor-deal");
    CHECK(d.agencies == std::vector<std::string>{"Reuters"});

    REQUIRE(d.paragraphs.size() == 7);
    CHECK(d.paragraphs[0].kind == ParagraphKind::Title);
    CHECK(d.slice(d.paragraphs[1].span).rfind("Agriculture ministers from five", 0) == 0);
    CHECK(d.paragraphs[3].kind == ParagraphKind::Heading);
    CHECK(d.slice(d.paragraphs[3].span) == "Insurers cautious");
    CHECK(d.slice(d.paragraphs[6].span) == "The deal will be reviewed in six months, officials said.");
    // Entities are decoded.
    CHECK(has_text(d, "\u20AC40 million"));
    CHECK(has_text(d, "\u201CA signature is not a guarantee,\u201D"));

    for (const char* gone : {"cookies", "Skip to", "Business", "Home", "Priya Raman", "Share on", "Cargo ships",
                             "Advertisement", "Related stories", "Wheat prices", "Grain Shipping", "More from World",
                             "Floods close", "stranding hundreds", "common sense", "All rights reserved",
                             "Privacy policy", "analytics", "position: fixed"}) {
        INFO(gone);
        CHECK_FALSE(has_text(d, gone));
    }
    CHECK(newskg::body_text(d).rfind("Agriculture ministers", 0) == 0);
}

TEST_CASE("html reader: headline and date fall back through the metadata", "[read][html]") {
    // No <h1>, no og:title: the <title> without its site suffix.
    const auto a = html("<html><head><title>Dam breach floods valley villages - Valley News</title>"
                        "<meta name=\"date\" content=\"2022-11-03\"></head><body><div>"
                        "<p>A breach in an old dam flooded three villages in the valley overnight, rescuers said on "
                        "Thursday morning.</p><p>About 300 people were taken to a school on higher ground, where the "
                        "regional government set up a shelter.</p></div></body></html>");
    CHECK(a.title == "Dam breach floods valley villages");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2022-11-03");
    // JSON-LD (in a @graph) and <time>.
    const auto b = html("<html><head><script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\"}, "
                        "{\"@type\": [\"NewsArticle\"], \"headline\": \"Court frees activists\", "
                        "\"datePublished\": \"2021-06-09T18:00:00-04:00\", \"publisher\": {\"name\": \"Law Weekly\"}}]}"
                        "</script></head><body><article><p>A court ordered the release of four activists on "
                        "Wednesday, saying their detention had been unlawful from the start.</p></article></body></html>");
    CHECK(b.title == "Court frees activists");
    CHECK(b.outlet == "Law Weekly");
    REQUIRE(b.published);
    CHECK(b.published->iso() == "2021-06-09");
    const auto c = html("<html><body><article><h1>Bridge reopens to traffic</h1><time datetime=\"2020-02-01\">Feb 1"
                        "</time><p>The bridge reopened to traffic on Saturday after eight months of repairs, the "
                        "transport ministry said in a statement.</p></article></body></html>");
    CHECK(c.title == "Bridge reopens to traffic");
    REQUIRE(c.published);
    CHECK(c.published->iso() == "2020-02-01");
}

TEST_CASE("html reader: hidden elements, line breaks and empty pages", "[read][html]") {
    const auto d = html("<html><body><div class=\"content\">"
                        "<p>First sentence of the story ends here.<br><br>Second paragraph starts after the break "
                        "and goes on for a while, as paragraphs do.</p>"
                        "<p style=\"display: none\">Hidden promotional text that readers never see at all.</p>"
                        "<div hidden>Another hidden block with some text in it for nobody.</div>"
                        "<p>The council said the street was<br>closed until further notice, and that buses would "
                        "take another route.</p></div></body></html>");
    CHECK_FALSE(has_text(d, "Hidden"));
    CHECK_FALSE(has_text(d, "nobody"));
    REQUIRE(d.paragraphs.size() == 3);
    CHECK(d.slice(d.paragraphs[0].span) == "First sentence of the story ends here.");
    CHECK(has_text(d, "street was closed"));

    CHECK(html("").paragraphs.empty());
    CHECK(html("<html><body><nav><a href=\"/\">Home</a></nav></body></html>").paragraphs.empty());
}

TEST_CASE("html reader: a declared charset decodes non-UTF-8 pages", "[read][html]") {
    // ISO-8859-1 bytes for "Zürich" and "café".
    const std::string page = "<html><head><meta charset=\"iso-8859-1\"><title>Z\xFCrich</title></head><body><p>"
                             "The caf\xE9 in Z\xFCrich reopened on Monday after a long renovation of its old "
                             "dining room, the owners said.</p></body></html>";
    const auto d = html(page);
    CHECK(has_text(d, "caf\u00E9 in Z\u00FCrich"));
}
