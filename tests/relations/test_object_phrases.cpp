// A verb whose sense says "what it does to its object" finds its target in the object
// phrase the parse gives it: the owner of the assets or forces hit, not a place named
// beyond the object, not the owner of the adversaries beaten; and a participle that
// only modifies a noun ("the recently released X") has no subject to guess.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("the target of a direct-object sense lies in the object phrase", "[relations][object]") {
    auto x = extract_text("Latvia evacuated about 80 people in the town of Valka after shells landed nearby.");
    REQUIRE(entity_named(x, "Latvia"));
    CHECK_FALSE(event(x, "Latvia", "Valka"));
    auto y = extract_text("The Red Dune Front defeated their opponents near the river, hence Latvia sent troops.");
    CHECK_FALSE(event(y, "Red Dune Front", "Latvia"));
    // Controls: the owner of forces and facilities hit is hit.
    auto z = extract_text("Latvian troops attacked Estonian border posts on Monday.");
    CHECK(event(z, "Latvian troops", "Estonia"));
    auto w = extract_text("The Red Dune Front said Latvia had hit its bases and depots.");
    CHECK(event(w, "Latvia", "Red Dune Front"));
}

TEST_CASE("a participle modifying a noun has no subject of its own", "[relations][object]") {
    auto x = extract_text("Norvik Motors, its main rival, kept growing while the recently released Baltic Star "
                          "Cars was losing buyers.");
    CHECK_FALSE(event(x, "Norvik Motors", "Baltic Star Cars"));
    auto y = extract_text("Estonia, a neighbour, watched closely while the recently attacked Latvian convoy "
                          "returned home.");
    CHECK_FALSE(event(y, "Estonia", "Latvia"));
}
