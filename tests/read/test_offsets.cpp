// Every token, sentence, paragraph and date of every fixture article points at the right
// bytes of Document::text.
#include "newskg/read/json_view.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>
#include "test_paths.hpp"

namespace {

std::vector<newskg::Document> fixture_documents() {
    const std::string dir = std::string(NEWSKG_TEST_FIXTURES) + "/read/";
    std::vector<newskg::Document> docs;
    std::vector<newskg::Diagnostic> diags;
    newskg::read_articles({dir + "saved_page.txt", dir + "wrapped.txt", dir + "article.html", dir + "batch.jsonl"},
                          {}, [&](newskg::Document&& d) { docs.push_back(std::move(d)); }, diags);
    for (auto& d : docs) newskg::analyse_text(d);
    return docs;
}

bool only_space(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

} // namespace

TEST_CASE("offsets: tokens, sentences, paragraphs and dates point into the text", "[read][text][offsets]") {
    const auto docs = fixture_documents();
    REQUIRE(docs.size() == 7);
    std::size_t tokens = 0;
    for (const auto& d : docs) {
        INFO("document " << d.id);
        // Paragraphs: in order, separated by exactly "\n\n", trimmed.
        for (std::size_t i = 0; i < d.paragraphs.size(); ++i) {
            const auto& p = d.paragraphs[i];
            REQUIRE(p.span.end <= d.text.size());
            CHECK_FALSE(p.span.empty());
            if (i > 0) CHECK(d.text.substr(d.paragraphs[i - 1].span.end, p.span.begin - d.paragraphs[i - 1].span.end) == "\n\n");
        }
        if (!d.paragraphs.empty()) CHECK(d.paragraphs.back().span.end == d.text.size());
        // Tokens: inside a paragraph, in order, and a paragraph is its tokens with single
        // spaces between some of them: re-tokenizing the paragraph alone gives the same.
        std::size_t t = 0;
        for (const auto& p : d.paragraphs) {
            const auto again = newskg::tokenize(d.slice(p.span), p.span.begin);
            std::size_t prev_end = p.span.begin;
            for (const auto& tok : again) {
                REQUIRE(t < d.tokens.size());
                CHECK(d.tokens[t].span == tok.span);
                CHECK(d.tokens[t].kind == tok.kind);
                CHECK(only_space(std::string_view(d.text).substr(prev_end, tok.span.begin - prev_end)));
                CHECK(d.token_text(t) == d.slice(tok.span));
                CHECK(d.token_text(t).find(' ') == std::string_view::npos);
                prev_end = tok.span.end;
                ++t;
            }
            CHECK(prev_end == p.span.end);
        }
        CHECK(t == d.tokens.size());
        tokens += t;
        // Sentences: tile the tokens, span from first to last token, within one paragraph.
        std::size_t next = 0;
        for (const auto& s : d.sentences) {
            CHECK(s.tokens.first == next);
            next = s.tokens.last;
            REQUIRE_FALSE(s.tokens.empty());
            CHECK(s.span.begin == d.tokens[s.tokens.first].span.begin);
            CHECK(s.span.end == d.tokens[s.tokens.last - 1].span.end);
            CHECK(d.paragraphs[s.paragraph].span.contains(s.span));
            CHECK(d.range_text(s.tokens) == d.slice(s.span));
        }
        CHECK(next == d.tokens.size());
        // Dates: on token boundaries inside the text.
        for (const auto& e : d.dates) {
            REQUIRE(e.span.end <= d.text.size());
            bool starts = false, ends = false;
            for (const auto& tok : d.tokens) {
                starts = starts || tok.span.begin == e.span.begin;
                ends = ends || tok.span.end == e.span.end;
            }
            CHECK(starts);
            CHECK(ends);
        }
    }
    CHECK(tokens > 500);
}

TEST_CASE("json view and body text", "[read][json]") {
    const auto docs = fixture_documents();
    const auto& d = docs.at(0); // saved_page.txt
    const auto j = newskg::to_json_view(d);
    CHECK(j["id"] == "saved_page");
    CHECK(j["title"] == "Floodwaters force aid agency to relocate camp in Lower Varna");
    CHECK(j["published"] == "2024-03-05");
    CHECK(j["agencies"] == nlohmann::json::array({"AFP", "Reuters"}));
    CHECK(j["headings"] == nlohmann::json::array({"What happens to the displaced families?", "Levees under strain"}));
    REQUIRE(j["paragraphs"].size() == d.paragraphs.size());
    CHECK(j["paragraphs"][0]["kind"] == "title");
    REQUIRE(j["sentences"].size() == d.sentences.size());
    for (const auto& s : j["sentences"]) {
        const std::size_t b = s["begin"], e = s["end"];
        CHECK(d.text.substr(b, e - b) == s["text"].get<std::string>());
    }
    bool sunday = false;
    for (const auto& x : j["dates"])
        if (x["text"] == "Sunday") sunday = x["value"] == "2024-03-03";
    CHECK(sunday);

    const std::string body = newskg::body_text(d);
    CHECK(body.find("Floodwaters force") == std::string::npos); // no headline
    CHECK(body.rfind("The relief agency said", 0) == 0);
    CHECK(body.find("Levees under strain\n") != std::string::npos);
    std::size_t lines = 0;
    for (char c : body) lines += c == '\n';
    CHECK(lines == d.paragraphs.size() - 1);
    CHECK(newskg::to_json_view(newskg::Document{})["published"].is_null());
}
