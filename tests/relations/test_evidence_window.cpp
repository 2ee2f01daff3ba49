// Evidence text of long sentences: a window around the relation, the sentence's offsets
// kept whole (src/core/evidence.cpp), and what the relation stage stores with it.
#include <catch2/catch.hpp>

#include "newskg/core/evidence.hpp"
#include "newskg/text/analyse.hpp"
#include "support.hpp"

#include <string>

using namespace newskg;

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

Document analysed(const std::string& text) {
    ReadOptions ro;
    ro.published = DateValue::parse_iso("2024-03-10");
    Document d = read_text_article(text, "test.txt", ro);
    analyse_text(d);
    return d;
}

// A filler clause of about 60 bytes with no actor and no sentence end.
std::string filler(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "while the quiet market stalls along the river stayed open ";
    return s;
}

// The pieces of an evidence text between its ellipses, each found in the sentence.
void check_pieces_in(const std::string& text, std::string_view sentence) {
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t at = text.find(kEllipsis, from);
        std::string piece = text.substr(from, at == std::string::npos ? std::string::npos : at - from);
        while (!piece.empty() && piece.front() == ' ') piece.erase(0, 1);
        while (!piece.empty() && piece.back() == ' ') piece.pop_back();
        INFO(piece);
        if (!piece.empty()) CHECK(sentence.find(piece) != std::string_view::npos);
        if (at == std::string::npos) break;
        from = at + kEllipsis.size();
    }
}

} // namespace

TEST_CASE("evidence: a sentence of news length is kept whole", "[relations][evidence]") {
    const Document d = analysed("Border row\n\nChad accused Sudan of shelling border towns on Monday.\n");
    REQUIRE(d.sentences.size() == 2);
    const Sentence& s = d.sentences[1];
    const Evidence ev = sentence_evidence(d, 1, CharSpan{s.span.begin, s.span.begin + 4});
    CHECK(ev.text == "Chad accused Sudan of shelling border towns on Monday.");
    CHECK(ev.span == s.span);
    CHECK(ev.sentence == 1);
    CHECK(ev.document == d.id);
}

TEST_CASE("evidence: a long sentence is cut to a window around the relation", "[relations][evidence]") {
    // About 3,000 bytes before and after the relation, in one sentence of under 200 tokens
    // is impossible, so the words are few and long: the cap on tokens does not cut it.
    std::string before, after;
    for (int i = 0; i < 60; ++i) before += "internationalisation-related ";
    for (int i = 0; i < 60; ++i) after += "counterintelligence-adjacent ";
    const std::string body = "The " + before + "Chad accused Sudan of shelling " + after + "towns.";
    const Document d = analysed("Title\n\n" + body + "\n");
    REQUIRE(d.sentences.size() == 2);
    const Sentence& s = d.sentences[1];
    REQUIRE(s.span.size() > 3000);
    const std::size_t at = d.text.find("Chad accused Sudan");
    const CharSpan focus{at, at + std::string("Chad accused Sudan").size()};
    const Evidence ev = sentence_evidence(d, 1, focus);
    CHECK(ev.span == s.span); // the whole sentence, recoverable from the article
    CHECK(d.slice(ev.span) == body);
    INFO(ev.text);
    CHECK(ev.text.size() <= focus.size() + 2 * kEvidenceContext + 2 * (kEllipsis.size() + 1));
    CHECK(ev.text.size() > 2 * kEvidenceContext - 2 * 30); // whole tokens of up to 29 bytes dropped at each cut
    CHECK(ev.text.rfind(kEllipsis + " ", 0) == 0);
    CHECK(ev.text.compare(ev.text.size() - kEllipsis.size() - 1, std::string::npos, " " + kEllipsis) == 0);
    CHECK(ev.text.find("Chad accused Sudan") != std::string::npos);
    check_pieces_in(ev.text, d.slice(s.span));
    // Cut at token boundaries: the first and last words are whole words of the sentence.
    const std::string inner = ev.text.substr(kEllipsis.size() + 1, ev.text.size() - 2 * (kEllipsis.size() + 1));
    CHECK(inner.rfind("internationalisation-related ", 0) == 0);
    CHECK(inner.compare(inner.size() - 28, 28, "counterintelligence-adjacent") == 0);
}

TEST_CASE("evidence: subject and object far apart keep each end with its context", "[relations][evidence]") {
    std::string middle;
    for (int i = 0; i < 40; ++i) middle += "internationalisation-related ";
    const std::string body = "Chad " + middle + "accused Sudan.";
    const Document d = analysed("Title\n\n" + body + "\n");
    REQUIRE(d.sentences.size() == 2);
    const Sentence& s = d.sentences[1];
    const CharSpan focus{s.span.begin, s.span.end - 1}; // "Chad" … "Sudan"
    const Evidence ev = sentence_evidence(d, 1, focus);
    INFO(ev.text);
    CHECK(ev.text.rfind("Chad ", 0) == 0);                     // the sentence start: no ellipsis
    CHECK(ev.text.compare(ev.text.size() - 6, 6, "Sudan.") == 0); // the sentence end: none either
    CHECK(ev.text.find(" " + kEllipsis + " ") != std::string::npos);
    CHECK(ev.text.find(kEllipsis + " " + kEllipsis) == std::string::npos); // one mark at the cut
    CHECK(ev.text.size() < 4 * kEvidenceContext);
    check_pieces_in(ev.text, d.slice(s.span));
}

TEST_CASE("evidence: relations of a page without punctuation carry bounded evidence", "[relations][evidence]") {
    // One 60 KB line: each relation used to copy all of it.
    std::string line;
    const char* pairs[][2] = {{"Chad", "Sudan"}, {"Mali", "France"}, {"Kenya", "Somalia"}, {"Egypt", "Ethiopia"}};
    for (int i = 0; i < 200; ++i)
        line += std::string(pairs[i % 4][0]) + " accused " + pairs[i % 4][1] + " of shelling border towns " +
                filler(4);
    auto x = test::extract_text("Title\n\n" + line + "\n");
    REQUIRE(x.relations.size() >= 4);
    std::size_t items = 0;
    for (const auto& r : x.relations)
        for (const auto& ev : r.evidence) {
            ++items;
            INFO(ev.text);
            CHECK(ev.text.size() <= 2 * kEvidenceContext + 700);
            CHECK(ev.span.size() <= x.document.text.size());
            check_pieces_in(ev.text, x.document.slice(ev.span));
        }
    CHECK(items >= 8); // each pair is reported in several pieces of the line
}
