// The reader keeps an article's structure and metadata, not the page's: banners never
// become the headline, list items stay separate sentences, credits, summary-box labels,
// "Read more" lines and pull quotes leave the body, and an undated article is reported.
#include "export/article_span.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string fixture_text(const std::string& name) {
    std::ifstream f(std::string(NEWSKG_TEST_FIXTURES) + "/read/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

bool has(const newskg::Document& d, const std::string& s) { return d.text.find(s) != std::string::npos; }

// The sentence of `doc` that holds `needle`, as text.
std::string sentence_with(const newskg::Document& doc, const std::string& needle) {
    for (const auto& s : doc.sentences) {
        const std::string_view t = doc.range_text(s.tokens);
        if (t.find(needle) != std::string_view::npos) return std::string(t);
    }
    return {};
}

std::vector<newskg::Diagnostic> diagnostics_of(const std::string& path, const newskg::ReadOptions& o = {}) {
    std::vector<newskg::Diagnostic> diags;
    newskg::read_articles({path}, o, [](newskg::Document&&) {}, diags);
    return diags;
}

} // namespace

TEST_CASE("structure: a subscription banner is never the headline", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("subscription_banner.html"), "banner.html", {});
    CHECK(d.title == "Harbour authority reopens eastern pier after repairs");
    CHECK_FALSE(has(d, "subscription"));
    CHECK_FALSE(has(d, "Renew today"));
}

TEST_CASE("structure: headline and date from JSON-LD first, consent h1 ignored", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("ld_headline.html"), "ld.html", {});
    CHECK(d.title == "Valley bridge toll to be scrapped from January");
    REQUIRE(d.published);
    CHECK(d.published->iso() == "2024-09-30");
    CHECK(d.outlet == "Valley Courier");
    CHECK_FALSE(has(d, "cookies"));
    CHECK(newskg::body_text(d).rfind("The regional assembly voted", 0) == 0);
}

TEST_CASE("structure: captions, credits, box labels, read-more lines and pull quotes leave the body",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("subscription_banner.html"), "banner.html", {});
    for (const char* gone : {"What you need to know", "PHOTO/ REUTERS", "Photo: AFP", "Read more", "All rights"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
    // The pull quote repeats the body: the body keeps its sentence once.
    const std::string quote = "Work crews replaced forty wooden pilings";
    REQUIRE(has(d, quote));
    CHECK(d.text.find(quote) == d.text.rfind(quote));
    CHECK(has(d, "The council will vote next month"));
}

TEST_CASE("structure: bullets separated by <br> are separate sentences", "[read][html][structure]") {
    auto d = newskg::read_html_article(fixture_text("subscription_banner.html"), "banner.html", {});
    newskg::analyse_text(d);
    const std::string first = sentence_with(d, "3,000 tonnes");
    REQUIRE_FALSE(first.empty());
    CHECK(first.find("Freight") == std::string::npos);
    const std::string second = sentence_with(d, "Freight traffic resumes");
    REQUIRE_FALSE(second.empty());
    CHECK(second.find("museum") == std::string::npos);
}

TEST_CASE("structure: bulleted lines of a text article are separate sentences", "[read][text][structure]") {
    auto d = newskg::read_text_article(fixture_text("bullets_undated.txt"), "bullets_undated.txt", {});
    newskg::analyse_text(d);
    CHECK(d.title == "Lake Orrin water board raises summer prices");
    const std::string farmers = sentence_with(d, "twelve percent");
    REQUIRE_FALSE(farmers.empty());
    CHECK(farmers.find("Households") == std::string::npos);
    CHECK(farmers.find("changes approved") == std::string::npos);
    const std::string households = sentence_with(d, "Households keep");
    CHECK(households.find("council gets") == std::string::npos);
}

TEST_CASE("structure: an undated article is named in a warning, and stays undated", "[read][input][structure]") {
    const std::string path = std::string(NEWSKG_TEST_FIXTURES) + "/read/bullets_undated.txt";
    auto diags = diagnostics_of(path);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].id == "newskg.input.110");
    CHECK_FALSE(diags[0].error);
    CHECK(diags[0].message.find("bullets_undated.txt") != std::string::npos);
    auto d = newskg::read_text_article(fixture_text("bullets_undated.txt"), "bullets_undated.txt", {});
    CHECK_FALSE(d.published);
    // --published silences it; so does a date in the page's metadata.
    newskg::ReadOptions o;
    o.published = newskg::DateValue::parse_iso("2024-06-01");
    CHECK(diagnostics_of(path, o).empty());
    CHECK(diagnostics_of(std::string(NEWSKG_TEST_FIXTURES) + "/read/ld_headline.html").empty());
    // An undated HTML page is named too.
    const auto html = diagnostics_of(std::string(NEWSKG_TEST_FIXTURES) + "/read/subscription_banner.html");
    REQUIRE(html.size() == 1);
    CHECK(html[0].id == "newskg.input.110");
}

TEST_CASE("structure: a merged graph's title gives the span of the dates it has", "[read][structure][export]") {
    using newskg::ArticleInfo;
    std::vector<ArticleInfo> eight(8);
    for (std::size_t i = 0; i < eight.size(); ++i) eight[i].id = "a" + std::to_string(i);
    CHECK(newskg::exporting::merged_title(eight) == "8 articles");
    eight[3].published = newskg::DateValue::parse_iso("2024-09-18");
    CHECK(newskg::exporting::merged_title(eight) == "8 articles, 1 dated 2024-09-18");
    eight[5].published = newskg::DateValue::parse_iso("2024-10-02");
    CHECK(newskg::exporting::merged_title(eight) == "8 articles, 2 dated 2024-09-18 to 2024-10-02");
    for (auto& a : eight)
        if (!a.published) a.published = newskg::DateValue::parse_iso("2024-09-20");
    CHECK(newskg::exporting::merged_title(eight) == "8 articles, 2024-09-18 to 2024-10-02");
}

TEST_CASE("structure: a comment section under a \"3 responses\" heading is not the article",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("comments_section.html"), "c.html", {});
    CHECK(has(d, "The town library of Riverside will open"));
    CHECK(has(d, "finance officer"));
    for (const char* gone : {"responses", "Marek", "swimming pool", "exam season"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
}

TEST_CASE("structure: a one-paragraph article beside teaser cards is still read", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("short_with_cards.html"), "s.html", {});
    CHECK(d.title == "Ferry timetable changes on Sunday");
    CHECK(has(d, "The island ferry will leave half an hour earlier"));
    for (const char* gone : {"Harbour fees", "pontoons", "cafe", "lifeboat"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
}

TEST_CASE("structure: a body split around an advertisement is read whole", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("split_body.html"), "split.html", {});
    CHECK(d.title == "Rail strike suspended after overnight talks");
    CHECK(has(d, "The national rail union suspended"));
    CHECK(has(d, "Passenger groups welcomed the news"));
    CHECK_FALSE(has(d, "Advertisement"));
    CHECK_FALSE(has(d, "Storm closes"));
}

TEST_CASE("structure: Chinese text, without spaces between words, is read as prose", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("cjk_article.html"), "cjk.html", {});
    CHECK(d.title == "\u6CB3\u53E3\u5927\u6865\u5468\u4E00\u91CD\u65B0\u901A\u8F66");
    REQUIRE(d.paragraphs.size() == 4);
    CHECK_FALSE(has(d, "\u9996\u9875")); // the menu's "home page"
}

TEST_CASE("structure: a page set with <br> alone keeps headline, date line and paragraphs apart",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("br_table_layout.html"), "t.html", {});
    CHECK(d.title == "Village council elects new mayor");
    // The bold headline and the date line end their lines: the first paragraph starts
    // with the article, not with "Village council … Posted on …".
    const std::string body = newskg::body_text(d);
    CHECK(body.rfind("The village council of Eastbrook elected", 0) == 0);
    CHECK_FALSE(has(d, "Posted on"));
    CHECK(has(d, "after two terms in office."));
}

TEST_CASE("structure: of several JSON-LD articles, the headline is the one the page shows",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("ld_two_articles.html"), "two.html", {});
    // The <h1> says the same as the second JSON-LD headline, in its own (longer) words.
    CHECK(d.title == "Glassworks to hire two hundred workers after winning export order");
    CHECK_FALSE(has(d, "Storm closes"));
    // And the date is that article's, not the first JSON-LD object's.
    REQUIRE(d.published);
    CHECK(d.published->iso() == "2024-03-11");
}

TEST_CASE("structure: a date line under the headline dates a page without date metadata",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("visible_date.html"), "v.html", {});
    REQUIRE(d.published);
    // "Published 9:15 AM CET Mar 3, 2024 | Updated …": the time before the date is skipped,
    // and the related stories' dates below the article are not taken.
    CHECK(d.published->iso() == "2024-03-03");
    CHECK_FALSE(has(d, "Published"));
    CHECK_FALSE(has(d, "Bridge repairs"));
}

TEST_CASE("structure: microdata datePublished dates the article", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("microdata_date.html"), "m.html", {});
    REQUIRE(d.published);
    CHECK(d.published->iso() == "2023-09-14");
    CHECK(d.title == "Orchard harvest beats forecast");
    CHECK(has(d, "Apple growers in the southern valley"));
}

TEST_CASE("structure: slideshow captions printed per slide, slide counters and an author box leave the body",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("gallery_and_bio.html"), "g.html", {});
    CHECK(newskg::body_text(d).rfind("The old grain mill of Westerby", 0) == 0);
    CHECK(has(d, "the association's chairwoman said at the opening."));
    const std::string caption = "Volunteers paint the walls";
    CHECK(d.text.find(caption) == d.text.rfind(caption)); // at most once
    for (const char* gone : {"1 / 3", "Back to Gallery", "About Lena Marsh", "mountain guide"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
}

TEST_CASE("structure: a page holding the article twice is read once", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("article_twice.html"), "twice.html", {});
    for (const std::string s : {"Crews of the coastal ferries voted", "raises wages by eleven percent",
                                "the full timetable would return"}) {
        INFO(s);
        REQUIRE(has(d, s));
        CHECK(d.text.find(s) == d.text.rfind(s));
    }
}

TEST_CASE("structure: a 'Most read' rail inside the article leaves, the paragraphs after it stay",
          "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("rail_in_article.html"), "rail.html", {});
    CHECK(has(d, "Beekeepers in the eastern hills"));
    // After the rail, and after a "Recommended" heading whose next element is the article.
    CHECK(has(d, "Prices at the farm gate fell"));
    CHECK(has(d, "asked members to report any sightings."));
    for (const char* gone : {"Most read", "SHOCK RESULT", "Village team", "Landslide"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
}

TEST_CASE("structure: a page saved as text loses banner, credit, box label and read-more line",
          "[read][text][structure]") {
    auto d = newskg::read_text_article(fixture_text("saved_with_banner.txt"), "saved_with_banner.txt", {});
    CHECK(d.title == "Lighthouse keepers' cottages to become a museum");
    for (const char* gone : {"subscription", "PHOTO", "What you need to know", "Read more"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
    newskg::analyse_text(d);
    const std::string june = sentence_with(d, "open in June");
    REQUIRE_FALSE(june.empty());
    CHECK(june.find("children") == std::string::npos);
    CHECK(has(d, "for a symbolic sum."));
}

TEST_CASE("structure: glued credits, share counts and legal small print leave the body", "[read][html][structure]") {
    const std::string page =
        "<html><head><title>Night trains return to the coast line</title></head><body><div>"
        "<h1>Night trains return to the coast line</h1>"
        "<div>The sleeper train at the harbour station on its first night backCredit: Jane Roe</div>"
        "<div>14</div>"
        "<p>Night trains between the capital and the coast returned on Friday after a pause of six years, the rail "
        "company said, with two departures a week in each direction.</p>"
        "<p>Tickets for the first month sold out within a day, and the company said it would add a third departure "
        "if demand stayed high through the winter.</p>"
        "<div>The material on this site may not be reproduced, distributed or otherwise used without the prior "
        "written permission of the publisher.</div>"
        "</div></body></html>";
    const auto d = newskg::read_html_article(page, "night.html", {});
    CHECK(newskg::body_text(d).rfind("Night trains between the capital", 0) == 0);
    CHECK(has(d, "through the winter."));
    for (const char* gone : {"Credit:", "sleeper train at the harbour", "14", "may not be reproduced"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
}

TEST_CASE("structure: a live blog keeps its entries, not their clock stamps", "[read][html][structure]") {
    const auto d = newskg::read_html_article(fixture_text("live_blog.html"), "live.html", {});
    CHECK(d.title == "Live: floods in the river valley");
    REQUIRE(d.published);
    CHECK(d.published->iso() == "2024-05-02");
    CHECK(has(d, "Firefighters began evacuating"));
    CHECK(has(d, "according to the weather service."));
    for (const char* gone : {"10:45", "09:15", "About us"}) {
        INFO(gone);
        CHECK_FALSE(has(d, gone));
    }
}
