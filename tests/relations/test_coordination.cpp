// Coordinated parties share a frame; the subject of a new clause after ", and" does not.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("', and X verbed' opens a clause: X is no further party", "[relations][coordination]") {
    auto x = extract_text("Latvia sent troops and weapons to help the Red Dune Front, and President Ana Varga "
                          "likened the move to an invasion.");
    CHECK(event(x, "Latvia", "Red Dune Front"));
    CHECK_FALSE(event(x, "Latvia", "Ana Varga"));
    // A plain list stays a list.
    auto y = extract_text("Latvia sent troops to Estonia, Lithuania and Poland.");
    CHECK(event(y, "Latvia", "Estonia"));
    CHECK(event(y, "Latvia", "Lithuania"));
    CHECK(event(y, "Latvia", "Poland"));
}

TEST_CASE("every name of a list of subjects after 'and' acts", "[relations][coordination]") {
    auto x = newskg::test::extract_text(
        "Latvia warned Estonia would pay a heavy price, and the United States, Germany and Britain demanded "
        "Estonia not escalate the conflict further.");
    CHECK(newskg::test::event(x, "United States", "Estonia", "10"));
    CHECK(newskg::test::event(x, "Germany", "Estonia", "10"));
}
