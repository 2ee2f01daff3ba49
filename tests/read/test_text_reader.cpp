#include "newskg/core/error.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"

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

struct Para {
    newskg::ParagraphKind kind;
    std::string text;
};

std::vector<Para> paragraphs(const newskg::Document& d) {
    std::vector<Para> out;
    for (const auto& p : d.paragraphs) out.push_back({p.kind, std::string(d.slice(p.span))});
    return out;
}

bool has_text(const newskg::Document& d, const std::string& needle) {
    return d.text.find(needle) != std::string::npos;
}

newskg::Document read(const std::string& text, const std::string& path = "article.txt") {
    return newskg::read_text_article(text, path, newskg::ReadOptions{});
}

} // namespace

using newskg::ParagraphKind;

TEST_CASE("text reader: a saved page loses its furniture", "[read][text]") {
    const auto d = newskg::read_text_article(fixture("saved_page.txt"), "dir/saved_page.txt", {});
    CHECK(d.id == "saved_page");
    CHECK(d.source_path == "dir/saved_page.txt");
    CHECK(d.title == "Floodwaters force aid agency to relocate camp in Lower Varna");
    REQUIRE(d.published);
    CHECK(d.published->iso() == "2024-03-05");
    CHECK(d.agencies == std::vector<std::string>{"AFP", "Reuters"});

    const auto ps = paragraphs(d);
    REQUIRE(ps.size() == 9);
    CHECK(ps[0].kind == ParagraphKind::Title);
    CHECK(ps[1].kind == ParagraphKind::Body);
    CHECK(ps[1].text.rfind("The relief agency said", 0) == 0);
    CHECK(ps[4].kind == ParagraphKind::Heading);
    CHECK(ps[4].text == "What happens to the displaced families?");
    CHECK(ps[6].kind == ParagraphKind::Heading);
    CHECK(ps[6].text == "Levees under strain");
    CHECK(ps[8].text.rfind("The government declared", 0) == 0);

    // Everything that is not the article is gone.
    for (const char* gone : {"Skip to", "World", "Tuesday, March 5", "Elena Markovic", "aerial photo",
                             "Image:", "picture alliance", "Share", "Facebook", "Photo by", "Advertisement",
                             "sandbags", "Photo:", "Read more", "cookies", "xy/ab"}) {
        INFO(gone);
        CHECK_FALSE(has_text(d, gone));
    }
    // Paragraphs are joined by a blank line and offsets point into that text.
    CHECK(d.text.substr(0, d.title.size() + 2) == d.title + "\n\n");
    for (std::size_t i = 1; i < d.paragraphs.size(); ++i)
        CHECK(d.text.substr(d.paragraphs[i - 1].span.end, 2) == "\n\n");
}

TEST_CASE("text reader: the --published override wins over the date line", "[read][text]") {
    newskg::ReadOptions o;
    o.published = newskg::DateValue{2024, 3, 6};
    const auto d = newskg::read_text_article(fixture("saved_page.txt"), "saved_page.txt", o);
    CHECK(d.published->iso() == "2024-03-06");
}

TEST_CASE("text reader: hard-wrapped paragraphs are joined", "[read][text]") {
    const auto d = newskg::read_text_article(fixture("wrapped.txt"), "wrapped.txt", {});
    const auto ps = paragraphs(d);
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].kind == ParagraphKind::Title);
    CHECK(ps[1].text ==
          "The dock workers' union said on Thursday that the strike at the port of Kellam would continue until "
          "the operator agreed to talks on pay, leaving dozens of cargo ships waiting offshore.");
    CHECK(ps[2].text.rfind("Operators said", 0) == 0);
}

TEST_CASE("text reader: one paragraph per line when lines end with stops", "[read][text]") {
    const auto d = read("Quake shakes coastal towns\n"
                        "A strong earthquake shook the coast on Friday, officials said.\n"
                        "No damage was reported in the capital.\n"
                        "Aftershocks\n"
                        "Several aftershocks followed during the night, the institute said.\n");
    const auto ps = paragraphs(d);
    REQUIRE(ps.size() == 5);
    CHECK(ps[0].kind == ParagraphKind::Title);
    CHECK(ps[3].kind == ParagraphKind::Heading);
    CHECK(ps[3].text == "Aftershocks");
}

TEST_CASE("text reader: no title when the text starts with prose", "[read][text]") {
    const auto d = read("The European Union has imposed new sanctions on two shipping firms, diplomats said.\n\n"
                        "The measures take effect at once.");
    CHECK(d.title.empty());
    REQUIRE(d.paragraphs.size() == 2);
    CHECK(d.paragraphs[0].kind == ParagraphKind::Body);
}

TEST_CASE("text reader: author lines with an outlet, captions with dates", "[read][text]") {
    const auto d = read("Ports reopen after storm passes\n\n"
                        "Lena Hartmann, NORTHERN HERALD\n"
                        "The main ports reopened on Sunday after the storm moved out to sea, the coast guard said.\n\n"
                        "Harbour master Ken Ito gestures during a briefing at the port of Aberline, Jan. 21, 2025.\n"
                        "Ships waiting offshore began to enter the harbour in the afternoon, officials said.\n\n"
                        "Storm\nPorts\nWeather\n");
    CHECK(d.outlet == "NORTHERN HERALD");
    CHECK_FALSE(has_text(d, "Lena Hartmann"));
    CHECK_FALSE(has_text(d, "gestures"));
    CHECK(has_text(d, "Ships waiting offshore"));
    // Tag lines after the last paragraph are dropped.
    CHECK_FALSE(has_text(d, "Weather"));
    CHECK(d.paragraphs.size() == 3);
}

TEST_CASE("text reader: bylines and credits record agencies", "[read][text]") {
    const auto d = read("Rebels take border town\n\nBy Jane Doe, Reuters\n\n"
                        "Rebels said on Monday they had taken the border town after two days of fighting.\n\n"
                        "ABC/xyz (dpa, AP)\n");
    CHECK(d.agencies == std::vector<std::string>{"Reuters", "dpa", "AP"});
    CHECK_FALSE(has_text(d, "Jane Doe"));
    CHECK_FALSE(has_text(d, "ABC/xyz"));
    const auto e = read("Storm hits coast\n\nBAMAKO (AFP) \u2014 A storm hit the coast on Monday, officials said.");
    CHECK(e.agencies == std::vector<std::string>{"AFP"});
}

TEST_CASE("text reader: skip links in other languages, CRLF and NFC", "[read][text]") {
    const auto d = read("\xD0\x9F\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB9\xD1\x82\xD0\xB8 \xD0\xBA \xD0\xBE\xD1\x81\xD0\xBD\xD0"
                        "\xBE\xD0\xB2\xD0\xBD\xD0\xBE\xD0\xBC\xD1\x83 \xD1\x81\xD0\xBE\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB6"
                        "\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x8E\r\n\r\n"
                        "Geneva press briefing\r\n\r\n"
                        "The spokesperson said the Secretary-General was in Jordan for a conference on aid.\r\n"
                        "Ms. Ferre\u0301 said more was needed.\r\n");
    CHECK(d.title == "Geneva press briefing");
    CHECK(d.text.find('\r') == std::string::npos);
    // "e" + combining acute became the precomposed "é".
    CHECK(has_text(d, "Ferr\u00E9"));
    CHECK_FALSE(has_text(d, "e\u0301"));
}

TEST_CASE("text reader: links, share prompts and numbered menus", "[read][text]") {
    const auto d = read("1. Home\n2. World\n3. Business\n\nCity bans cars from old town\n\n"
                        "The city council voted on Tuesday to ban private cars from the old town from next year.\n\n"
                        "Full council statement is available here.\n\n"
                        "Image 1 of 5\n\nContinue reading below\n\n"
                        "The mayor said the ban would cut noise and pollution in the narrow streets.\n\n"
                        "Email Ana Lopez at alopez@courier.example or follow her on social media.\n\n"
                        "Share this article\n\n"
                        "1. The ban covers all private vehicles, including motorbikes and vans.\n"
                        "2. Residents may apply for a permit for their own garages.\n");
    CHECK(d.title == "City bans cars from old town");
    CHECK_FALSE(has_text(d, "Home"));
    CHECK_FALSE(has_text(d, "available here"));
    CHECK_FALSE(has_text(d, "Share"));
    CHECK_FALSE(has_text(d, "Image 1"));
    CHECK_FALSE(has_text(d, "Continue reading"));
    CHECK_FALSE(has_text(d, "alopez"));
    CHECK(has_text(d, "The mayor said"));
    // A numbered list of full sentences inside the article is kept.
    CHECK(has_text(d, "1. The ban covers all private vehicles"));
}

TEST_CASE("text reader: empty and furniture-only input", "[read][text]") {
    CHECK(read("").paragraphs.empty());
    CHECK(read("   \n\n  \n").paragraphs.empty());
    const auto d = read("Skip to content\nShare\nAdvertisement\n");
    CHECK(d.paragraphs.empty());
    CHECK(d.text.empty());
}

TEST_CASE("text reader: undecodable content throws input_error", "[read][text]") {
    try {
        read(std::string("abc\0def", 7));
        FAIL("no exception");
    } catch (const newskg::input_error& e) {
        CHECK(e.id() == "newskg.input.103");
        CHECK(e.path() == "article.txt");
    }
    // Windows-1252 is repaired silently here (read_articles reports it).
    CHECK(read("Caf\xE9 reopens on Monday after a long renovation, owners said.").text.find("Caf\u00E9") == 0);
}
