#include "newskg/text/analyse.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> texts(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : newskg::tokenize(s)) out.emplace_back(s.substr(t.span.begin, t.span.size()));
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("tokenizer: words, numbers and punctuation", "[text][tokenize]") {
    CHECK(texts("The mission deployed 11,600 troops.") == V{"The", "mission", "deployed", "11,600", "troops", "."});
    CHECK(texts("Growth of 3.5 percent, 1,500,000 people") ==
          V{"Growth", "of", "3.5", "percent", ",", "1,500,000", "people"});
    CHECK(texts("at 12:30 pm") == V{"at", "12:30", "pm"});
    // A comma between numbers that is not a thousands separator splits.
    CHECK(texts("in 2020,2021") == V{"in", "2020", ",", "2021"});
    CHECK(texts("in 2013.") == V{"in", "2013", "."});
}

TEST_CASE("tokenizer: hyphenated words stay whole", "[text][tokenize]") {
    CHECK(texts("a cease-fire by Tuareg-led rebels") == V{"a", "cease-fire", "by", "Tuareg-led", "rebels"});
    CHECK(texts("a 30-year-old U.S.-led mid-June") == V{"a", "30-year-old", "U.S.-led", "mid-June"});
    // A dash between spaces, or a double hyphen, is punctuation.
    CHECK(texts("rebels - and -- troops") == V{"rebels", "-", "and", "--", "troops"});
}

TEST_CASE("tokenizer: possessives and apostrophes", "[text][tokenize]") {
    CHECK(texts("Mali's junta") == V{"Mali", "'s", "junta"});
    CHECK(texts("Mali\u2019s junta") == V{"Mali", "\u2019s", "junta"});
    CHECK(texts("the rebels' base") == V{"the", "rebels", "'", "base"});
    CHECK(texts("O'Neill and Côte d'Ivoire") == V{"O'Neill", "and", "Côte", "d'Ivoire"});
    CHECK(texts("'Limited damage'") == V{"'", "Limited", "damage", "'"});
}

TEST_CASE("tokenizer: quotes and dashes are punctuation", "[text][tokenize]") {
    const auto toks = newskg::tokenize("\u201CNo,\u201D he said \u2014 twice \u2013 \u2018yes\u2019\u2026");
    std::vector<newskg::TokenKind> kinds;
    for (const auto& t : toks) kinds.push_back(t.kind);
    using K = newskg::TokenKind;
    CHECK(texts("\u201CNo,\u201D he said \u2014 twice \u2013 \u2018yes\u2019\u2026") ==
          V{"\u201C", "No", ",", "\u201D", "he", "said", "\u2014", "twice", "\u2013", "\u2018", "yes", "\u2019",
            "\u2026"});
    CHECK(kinds == std::vector<K>{K::Punct, K::Word, K::Punct, K::Punct, K::Word, K::Word, K::Punct, K::Word,
                                  K::Punct, K::Punct, K::Word, K::Punct, K::Punct});
}

TEST_CASE("tokenizer: abbreviations and initials keep their period", "[text][tokenize]") {
    CHECK(texts("Gen. Goïta met Mr. Doe on Aug. 13") == V{"Gen.", "Goïta", "met", "Mr.", "Doe", "on", "Aug.", "13"});
    CHECK(texts("John F. Kennedy") == V{"John", "F.", "Kennedy"});
    CHECK(texts("the U.S. and the U.N., e.g. here") == V{"the", "U.S.", "and", "the", "U.N.", ",", "e.g.", "here"});
    CHECK(texts("Room No. 10") == V{"Room", "No.", "10"});
    CHECK(texts("He said no.") == V{"He", "said", "no", "."});
    CHECK(texts("and so on...") == V{"and", "so", "on", "..."});
}

TEST_CASE("tokenizer: kinds, symbols, URLs", "[text][tokenize]") {
    const std::string s = "$155 billion, 25% of M23 at https://example.org/a.html.";
    const auto toks = newskg::tokenize(s);
    REQUIRE(texts(s) == V{"$", "155", "billion", ",", "25", "%", "of", "M23", "at", "https://example.org/a.html", "."});
    using K = newskg::TokenKind;
    CHECK(toks[0].kind == K::Symbol);
    CHECK(toks[1].kind == K::Number);
    CHECK(toks[2].kind == K::Word);
    CHECK(toks[5].kind == K::Symbol);
    CHECK(toks[7].kind == K::Word);
    CHECK(toks[9].kind == K::Symbol);
}

TEST_CASE("tokenizer: letters of any script", "[text][tokenize]") {
    CHECK(texts("Москва и Київ, Zürich, Ouagadougou") == V{"Москва", "и", "Київ", ",", "Zürich", ",", "Ouagadougou"});
    CHECK(texts("طهران.") == V{"طهران", "."});
    // Decomposed accents (combining marks) stay inside the word.
    CHECK(texts("Goi\u0308ta") == V{"Goi\u0308ta"});
}

TEST_CASE("tokenizer: offsets are bytes shifted by the base offset", "[text][tokenize]") {
    const std::string s = "Côte d'Ivoire’s army";
    const auto toks = newskg::tokenize(s, 100);
    REQUIRE(toks.size() == 4);
    CHECK(toks[0].span.begin == 100);
    CHECK(toks[0].span.end == 100 + std::string("Côte").size());
    CHECK(toks[3].span.end == 100 + s.size());
    for (const auto& t : toks) CHECK(s.substr(t.span.begin - 100, t.span.size()).find(' ') == std::string::npos);
}
