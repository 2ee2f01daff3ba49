// Tokens → UD words: clitics and hyphenated compounds split as the English UD treebanks
// split them, each piece with its own byte span and the index of its token.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newskg/read/reader.hpp"
#include "newskg/syntax/syntax.hpp"
#include "newskg/text/analyse.hpp"

using namespace newskg;

namespace {

Document analysed(const std::string& text) {
    ReadOptions ro;
    Document doc = read_text_article(text, "words.txt", ro);
    analyse_text(doc);
    return doc;
}

std::vector<std::string> forms(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& s : doc.sentences)
        for (const auto& w : syntax::split_ud_words(doc, s.tokens)) {
            CHECK(w.span.begin < w.span.end); // every piece spans its own bytes
            out.emplace_back(doc.form(w));
        }
    return out;
}

} // namespace

TEST_CASE("clitics split into UD words", "[syntax]") {
    const Document doc = analysed("Zorbak don't know. I'm sure they can't, won't and cannot; we're told she'd go.\n");
    const std::vector<std::string> want = {"Zorbak", "do", "n't", "know", ".", "I", "'m", "sure", "they", "ca",
                                           "n't", ",", "wo", "n't", "and", "can", "not", ";", "we", "'re",
                                           "told", "she", "'d", "go", "."};
    CHECK(forms(doc) == want);
}

TEST_CASE("curly apostrophes split too, and the model reads them straight", "[syntax]") {
    const Document doc = analysed("They\xE2\x80\x99ve gone and it didn\xE2\x80\x99t rain.\n");
    const std::vector<std::string> want = {"They", "\xE2\x80\x99ve", "gone", "and", "it", "did",
                                           "n\xE2\x80\x99t", "rain", "."};
    CHECK(forms(doc) == want);
    CHECK(syntax::model_form("n\xE2\x80\x99t") == "n't");
}

TEST_CASE("hyphenated compounds split unless prefixed, numeric or spelled numbers", "[syntax]") {
    const Document doc =
        analysed("The Quelland-led truce of the 40-year-old co-founder, re-elected in mid-Brumaire, cost "
                 "forty-two crowns; call 555-123-4567 by e-mail.\n");
    const std::vector<std::string> want = {
        "The", "Quelland", "-", "led", "truce", "of", "the", "40", "-", "year", "-", "old", "co-founder",
        ",", "re-elected", "in", "mid-Brumaire", ",", "cost", "forty-two", "crowns", ";", "call",
        "555-123-4567", "by", "e-mail", "."};
    CHECK(forms(doc) == want);
}

TEST_CASE("UD words keep their source token and exact byte offsets", "[syntax]") {
    const Document doc = analysed("Glorm won't yield.\n");
    REQUIRE(doc.sentences.size() == 1);
    const auto words = syntax::split_ud_words(doc, doc.sentences[0].tokens);
    REQUIRE(words.size() == 5);
    // "won't" is one token of the tokenizer and two UD words.
    CHECK(words[1].token == words[2].token);
    CHECK(doc.token_text(words[1].token) == "won't");
    CHECK(words[1].span.end == words[2].span.begin);
    CHECK(doc.slice(words[1].span) == "wo");
    CHECK(doc.slice(words[2].span) == "n't");
    CHECK(words[3].token == words[2].token + 1);
}
