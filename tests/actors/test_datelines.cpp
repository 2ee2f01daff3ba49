// A dateline says where a story was filed: never an actor, whatever place it names.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;
using newskg::test::relation;

TEST_CASE("a dateline with its country and agency is no actor", "[actors][datelines]") {
    auto x = extract_text("GOMA, Democratic Republic of Congo (newskg wire) — The Red Dune Front clashed with "
                          "Congolese troops near Sake on Monday.");
    CHECK_FALSE(entity_named(x, "GOMA"));
    CHECK_FALSE(entity_named(x, "Goma"));
    CHECK_FALSE(relation(x, "DR Congo", "fought", "Congolese troops"));
    CHECK(entity_named(x, "Congolese troops"));
}

TEST_CASE("datelines of any place, with a dash, a colon or a date", "[actors][datelines]") {
    auto x = extract_text("KIWANJA: Rebels entered the town at dawn, residents said.");
    CHECK_FALSE(entity_named(x, "KIWANJA"));
    auto y = extract_text("KYIV, March 3 — Estonia sent envoys to Latvia.");
    CHECK_FALSE(entity_named(y, "Ukraine"));
    CHECK_FALSE(entity_named(y, "KYIV"));
}

TEST_CASE("an acronym opening a sentence is no dateline", "[actors][datelines]") {
    auto x = extract_text("NATO, the EU and Kenya condemned Russia on Monday.");
    CHECK(relation(x, "NATO", "criticized", "Russia"));
    // Only at the head of a paragraph.
    auto y = extract_text("Talks ended on Monday. GOMA, the largest city, stayed calm.");
    CHECK(entity_named(y, "GOMA"));
}
