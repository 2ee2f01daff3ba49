#include "newskg/text/analyse.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// A one-paragraph document (Body, or the kind given), analysed.
newskg::Document doc_of(std::string text, newskg::ParagraphKind kind = newskg::ParagraphKind::Body) {
    newskg::Document d;
    d.text = std::move(text);
    d.paragraphs.push_back({newskg::CharSpan{0, d.text.size()}, kind});
    newskg::analyse_text(d);
    return d;
}

std::vector<std::string> sentences(const std::string& text) {
    const auto d = doc_of(text);
    std::vector<std::string> out;
    for (const auto& s : d.sentences) out.emplace_back(d.slice(s.span));
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("sentences: abbreviations do not end sentences", "[text][sentences]") {
    CHECK(sentences("Gen. Daskal met Lt. Col. Varga and Sen. Roe in St. Louis. They talked.") ==
          V{"Gen. Daskal met Lt. Col. Varga and Sen. Roe in St. Louis.", "They talked."});
    CHECK(sentences("Mr. and Mrs. Doe met Dr. Roe, Rep. Lee and Gov. Park on Jan. 5. Then they left.") ==
          V{"Mr. and Mrs. Doe met Dr. Roe, Rep. Lee and Gov. Park on Jan. 5.", "Then they left."});
    CHECK(sentences("Talks began Feb. 2 and Sept. 14 (see No. 4 vs. No. 5). Nothing changed.") ==
          V{"Talks began Feb. 2 and Sept. 14 (see No. 4 vs. No. 5).", "Nothing changed."});
    CHECK(sentences("Costs rose, e.g. for fuel, i.e. diesel, etc. and more. Prices fell.") ==
          V{"Costs rose, e.g. for fuel, i.e. diesel, etc. and more.", "Prices fell."});
}

TEST_CASE("sentences: company suffixes and initialisms can end a sentence", "[text][sentences]") {
    CHECK(sentences("Shares in Acme Inc. fell. Acme Corp. The firm said so.") ==
          V{"Shares in Acme Inc. fell.", "Acme Corp.", "The firm said so."});
    CHECK(sentences("The U.S. and the U.N. agreed. Troops left the U.S. The base closed.") ==
          V{"The U.S. and the U.N. agreed.", "Troops left the U.S.", "The base closed."});
    CHECK(sentences("He visited the U.S. President at noon.") == V{"He visited the U.S. President at noon."});
}

TEST_CASE("sentences: initials, decimals and thousands", "[text][sentences]") {
    CHECK(sentences("John F. Kennedy spoke. It was 3.5 degrees and 11,600 troops waited.") ==
          V{"John F. Kennedy spoke.", "It was 3.5 degrees and 11,600 troops waited."});
}

TEST_CASE("sentences: quotes and brackets after the stop", "[text][sentences]") {
    CHECK(sentences("The withdrawal took place \"without incident.\" Fighting went on.") ==
          V{"The withdrawal took place \"without incident.\"", "Fighting went on."});
    CHECK(sentences("\u201CWe will stay,\u201D he said. \u201CWe must.\u201D Others left.") ==
          V{"\u201CWe will stay,\u201D he said.", "\u201CWe must.\u201D", "Others left."});
    CHECK(sentences("It ended (finally.) Next came talks.") == V{"It ended (finally.)", "Next came talks."});
    CHECK(sentences("\"Why?\" he asked. \"Because!\" She laughed.") ==
          V{"\"Why?\" he asked.", "\"Because!\"", "She laughed."});
}

TEST_CASE("sentences: ellipses", "[text][sentences]") {
    CHECK(sentences("The talks failed... But the truce held.") == V{"The talks failed...", "But the truce held."});
    CHECK(sentences("He paused\u2026 and went on.") == V{"He paused\u2026 and went on."});
}

TEST_CASE("sentences: a heading paragraph is one sentence", "[text][sentences]") {
    const auto d = doc_of("What did the UN mission say? Nothing yet", newskg::ParagraphKind::Heading);
    REQUIRE(d.sentences.size() == 1);
    CHECK(d.sentences[0].heading);
    CHECK(d.slice(d.sentences[0].span) == "What did the UN mission say? Nothing yet");
}

TEST_CASE("sentences: never cross paragraphs and record their paragraph", "[text][sentences]") {
    newskg::Document d;
    d.text = "Rebels gain ground\n\nFighting spread on Sunday and the army withdrew\n\nTalks start. They end.";
    const std::size_t second = d.text.find("Fighting"), third = d.text.find("Talks");
    d.paragraphs = {{{0, second - 2}, newskg::ParagraphKind::Title},
                    {{second, third - 2}, newskg::ParagraphKind::Body},
                    {{third, d.text.size()}, newskg::ParagraphKind::Body}};
    newskg::analyse_text(d);
    REQUIRE(d.sentences.size() == 4);
    CHECK(d.sentences[0].heading);
    CHECK(d.sentences[0].paragraph == 0);
    CHECK(d.slice(d.sentences[1].span) == "Fighting spread on Sunday and the army withdrew");
    CHECK_FALSE(d.sentences[1].heading);
    CHECK(d.sentences[2].paragraph == 2);
    CHECK(d.slice(d.sentences[3].span) == "They end.");
    // Token ranges tile the tokens in order.
    for (std::size_t i = 1; i < d.sentences.size(); ++i) CHECK(d.sentences[i].tokens.first == d.sentences[i - 1].tokens.last);
    CHECK(d.sentences.back().tokens.last == d.tokens.size());
}

TEST_CASE("sentences: a run without a sentence end is cut into pieces of at most 200 tokens",
          "[text][sentences]") {
    // 1,000 words and no stop: once one sentence, which made later stages quadratic.
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "word" + std::to_string(i % 7) + " ";
    const auto d = doc_of(text);
    REQUIRE(d.sentences.size() == 5);
    std::size_t next = 0;
    for (const auto& s : d.sentences) {
        CHECK(s.tokens.first == next); // pieces follow each other, no token lost
        CHECK(s.tokens.size() == newskg::kMaxSentenceTokens);
        next = s.tokens.last;
    }
    CHECK(next == d.tokens.size());

    // Where the second half of a piece has a comma, the piece ends after the last one.
    std::string commas;
    for (int i = 0; i < 300; ++i) commas += (i == 150 || i == 170 || i == 260) ? "word, " : "word ";
    const auto c = doc_of(commas);
    REQUIRE(c.sentences.size() == 2);
    CHECK(c.sentences[0].tokens.size() == 171 + 2); // 171 words and the two commas before the cut
    CHECK(c.slice(c.sentences[0].span).substr(c.sentences[0].span.size() - 5) == "word,");

    // A heading is cut too.
    std::string heading;
    for (int i = 0; i < 450; ++i) heading += "Headline ";
    const auto h = doc_of(heading, newskg::ParagraphKind::Title);
    CHECK(h.sentences.size() == 3);
    for (const auto& s : h.sentences) CHECK(s.heading);

    // An ordinary sentence is untouched.
    CHECK(sentences("Chad accused Sudan of shelling border towns. Sudan denied it.") ==
          V{"Chad accused Sudan of shelling border towns.", "Sudan denied it."});
}
