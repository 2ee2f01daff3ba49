// The things and acts of an actor act for it as a subject too: "Latvian drones hit
// Estonian posts" is Latvia's attack, as "hit Latvian posts" is an attack on Latvia.
// (ontology/actor-cues.tsv, thing_head: the demonym before the noun names its actor.)
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("a country's weapons or strikes as subject make the country the agent", "[relations][thing-subject]") {
    auto drones = extract_text("Latvian drones hit Estonian border posts on Monday.");
    CHECK(event(drones, "Latvia", "Estonia", "19"));
    auto strikes = extract_text("Estonian air strikes hit Latvia on Saturday.");
    CHECK(event(strikes, "Estonia", "Latvia", "19"));
    // Blocking ships restricts their movement (CAMEO 191), it vetoes nothing.
    auto ships = extract_text("Estonian warships blocked Latvian fishing boats near the island.");
    const Relation* r = event(ships, "Estonia", "Latvia", "19");
    REQUIRE(r);
    CHECK(r->cameo == "191");
}
