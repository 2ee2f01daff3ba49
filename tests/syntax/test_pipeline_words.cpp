// The pipeline's syntax stage: every Document reaching the actor and relation stages has
// its UD words, one tree per sentence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "newskg/syntax/model.hpp"
#include "newskg/syntax/syntax.hpp"
#include "support.hpp"

using namespace newskg;

TEST_CASE("extract fills Document::words with one tree per sentence", "[syntax]") {
    if (!test::resources().syntax()) {
        WARN("skipped: no syntax model beside the ontology");
        return;
    }
    const Extraction x = test::extract_text(
        "Zorbian troops shelled the port of Glim\n\n"
        "Zorbian troops shelled the port of Glim on Sunday, officials said. The army didn't "
        "comment on the cease-fire.\n");
    const Document& d = x.document;
    REQUIRE(!d.words.empty());
    std::size_t covered = 0;
    for (const auto& s : d.sentences) {
        REQUIRE(!s.words.empty());
        CHECK(s.words.first == covered);
        covered = s.words.last;
        int roots = 0;
        for (std::size_t i = s.words.first; i < s.words.last; ++i) {
            const Word& w = d.words[i];
            CHECK(w.token >= s.tokens.first);
            CHECK(w.token < s.tokens.last);
            CHECK(w.span.begin < w.span.end);
            CHECK(d.tokens[w.token].span.contains(w.span));
            CHECK(!w.upos.empty());
            CHECK(!w.deprel.empty());
            if (w.head == kNoWord) {
                ++roots;
                CHECK(w.deprel == "root");
            } else {
                CHECK(w.head >= s.words.first);
                CHECK(w.head < s.words.last);
            }
        }
        CHECK(roots == 1);
    }
    CHECK(covered == d.words.size());
    // "shelled" heads its subject "troops" in the body's first sentence.
    const Sentence& body = d.sentences[1];
    std::size_t troops = kNoWord, shelled = kNoWord;
    for (std::size_t i = body.words.first; i < body.words.last; ++i) {
        if (d.form(i) == "troops") troops = i;
        if (d.form(i) == "shelled") shelled = i;
    }
    REQUIRE(troops != kNoWord);
    REQUIRE(shelled != kNoWord);
    CHECK(d.words[troops].head == shelled);
    CHECK(d.words[troops].deprel == "nsubj");
    CHECK(d.lemma(shelled) == "shell");

    // Tree queries: "troops" among the dependents of "shelled"; the words of the
    // tokens "the port of Glim" and their head "port".
    const auto deps = syntax::dependents(d, body, shelled);
    CHECK(std::find(deps.begin(), deps.end(), troops) != deps.end());
    std::size_t the = kNoWord;
    for (std::size_t i = body.words.first; i < body.words.last; ++i)
        if (d.form(i) == "the" && the == kNoWord) the = i;
    REQUIRE(the != kNoWord);
    const TokenRange np{d.words[the].token, d.words[the].token + 4};
    const WordRange wr = syntax::words_of_tokens(d, body, np);
    CHECK(wr.size() == 4);
    REQUIRE(syntax::head_of(d, wr) != kNoWord);
    CHECK(d.form(syntax::head_of(d, wr)) == "port");
    CHECK(syntax::words_of_tokens(d, body, TokenRange{0, 0}).empty());
}
