// Word classes for the parser: words in the same contexts share a class, words in
// different contexts do not, learning is deterministic, and the table round-trips.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "syntax/clusters.hpp"
#include "syntax/hash.hpp"

using namespace newskg::syntax;

namespace {

// Two kinds of sentence: "the N barked/slept" with animals, "we/they V quickly ." with
// verbs of motion.
std::vector<std::vector<std::string>> toy_text() {
    const std::vector<std::string> nouns{"dog", "cat", "fox", "cow"};
    const std::vector<std::string> verbs{"ran", "walked", "swam", "drove"};
    std::vector<std::vector<std::string>> text;
    for (std::size_t r = 0; r < 6; ++r)
        for (std::size_t i = 0; i < nouns.size(); ++i) {
            text.push_back({"the", nouns[i], r % 2 ? "barked" : "slept"});
            text.push_back({r % 2 ? "we" : "they", verbs[(i + r) % verbs.size()], "quickly", "."});
        }
    return text;
}

std::uint16_t cls(const WordClusters& c, const std::string& w, std::size_t level) {
    return c.get(hash_string(cluster_form(w)), level);
}

} // namespace

TEST_CASE("word classes group words by their neighbours", "[syntax]") {
    ClusterOptions o;
    o.sizes = {4, 8};
    const WordClusters c = WordClusters::learn(toy_text(), o);
    CHECK(c.words() == 15);
    CHECK(c.levels() == 2);
    for (std::size_t level = 0; level < 2; ++level) {
        CHECK(cls(c, "dog", level) == cls(c, "cat", level));
        CHECK(cls(c, "fox", level) == cls(c, "cow", level));
        CHECK(cls(c, "dog", level) == cls(c, "cow", level));
        CHECK(cls(c, "ran", level) == cls(c, "swam", level));
        CHECK(cls(c, "Walked", level) == cls(c, "DROVE", level)); // looked up lowercased
        CHECK(cls(c, "ran", level) == cls(c, "drove", level));
        CHECK(cls(c, "dog", level) != cls(c, "ran", level));
    }
    CHECK(cls(c, "we", 1) == cls(c, "they", 1));
    CHECK(cls(c, "barked", 1) == cls(c, "slept", 1));
    CHECK(cls(c, "the", 1) != cls(c, "we", 1));
    CHECK(cls(c, "dog", 1) != cls(c, "the", 1));
    CHECK(cls(c, "giraffe", 0) == WordClusters::kUnknown);
}

TEST_CASE("word classes: rare words have none, digits read as 0", "[syntax]") {
    auto text = toy_text();
    text.push_back({"the", "aardvark", "barked"});
    text.push_back({"we", "ran", "1999"});
    text.push_back({"we", "ran", "2024"});
    ClusterOptions o;
    o.sizes = {4, 8};
    const WordClusters c = WordClusters::learn(text, o);
    CHECK(cls(c, "aardvark", 1) == WordClusters::kUnknown); // seen once, below min_count 2
    CHECK(cls(c, "1999", 1) != WordClusters::kUnknown);     // "0000" seen twice
    CHECK(cls(c, "1999", 1) == cls(c, "3000", 1));
}

TEST_CASE("word classes are learnt the same twice and round-trip", "[syntax]") {
    ClusterOptions o;
    o.sizes = {3, 5};
    const WordClusters a = WordClusters::learn(toy_text(), o), b = WordClusters::learn(toy_text(), o);
    ByteWriter wa, wb;
    a.write(wa);
    b.write(wb);
    CHECK(wa.bytes() == wb.bytes());
    ByteReader in(wa.bytes());
    WordClusters back;
    REQUIRE(back.read(in));
    CHECK(in.at_end());
    for (const char* w : {"the", "dog", "we", "quickly", "swam"})
        for (std::size_t level = 0; level < 2; ++level) CHECK(cls(back, w, level) == cls(a, w, level));
    std::string bad = wa.bytes();
    bad[4] = 0; // the first clustering with 0 classes
    ByteReader in2(bad);
    WordClusters refused;
    CHECK_FALSE(refused.read(in2));
}
