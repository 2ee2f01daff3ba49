// Where the parse says an actor is: the subject of a verb of being or gathering
// somewhere or of a copula with "in": presentIn.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::extract_text;
using newskg::test::relation;

TEST_CASE("verbs of being somewhere place their subject", "[relations][presence]") {
    auto x = extract_text("Thousands of protesters gathered in Valmiera on Sunday.");
    CHECK(relation(x, "protesters", "presentIn", "Valmiera"));
    auto y = extract_text("The Red Dune Front holds territory in eastern Latvia.");
    CHECK(relation(y, "Red Dune Front", "presentIn", "Latvia"));
    auto z = extract_text("Ilze Berzina was imprisoned in Estonia for two years.");
    CHECK(relation(z, "Ilze Berzina", "presentIn", "Estonia"));
}

TEST_CASE("a copula with 'in', not a description with its place", "[relations][presence]") {
    auto x = extract_text("The Latvian soldiers in Valmiera chanted slogans against the tax.");
    CHECK_FALSE(relation(x, "Latvian soldiers", "presentIn", "Valmiera"));
    auto y = extract_text("Ilze Berzina is in Estonia, her office said.");
    CHECK(relation(y, "Ilze Berzina", "presentIn", "Estonia"));
}

TEST_CASE("no presence denied, intended, or said of other verbs", "[relations][presence]") {
    auto x = extract_text("The Red Dune Front does not hold territory in Latvia.");
    CHECK_FALSE(relation(x, "Red Dune Front", "presentIn", "Latvia"));
    auto y = extract_text("The Red Dune Front plans to hold a rally in Valmiera.");
    CHECK_FALSE(relation(y, "Red Dune Front", "presentIn", "Valmiera"));
    auto z = extract_text("Ilze Berzina praised the reforms in Estonia.");
    CHECK_FALSE(relation(z, "Ilze Berzina", "presentIn", "Estonia"));
}
