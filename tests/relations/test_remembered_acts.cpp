// "Morales denounced the coup": a definite act noun with no author of its own is aimed at
// the author the article gave that act before — by its noun ("staged a coup"), or by the
// event told with a verb ("drones struck …" for "the strikes").
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("the act named again is aimed at its author", "[relations][acts]") {
    auto coup = extract_text("Estonian forces staged a coup in Latvia on Monday.\n\n"
                             "Lithuania denounced the coup on Tuesday.");
    CHECK(event(coup, "Lithuania", "Estonian forces", "11"));
    // Named with another word the act list files under the same key.
    auto putsch = extract_text("Estonian forces staged a coup in Latvia on Monday.\n\n"
                               "Lithuania condemned the putsch.");
    CHECK(event(putsch, "Lithuania", "Estonian forces", "11"));
    // Told with a verb: the strikes are the attack of the sentence before.
    auto strikes = extract_text("Latvian drones struck Estonian border posts on Monday.\n\n"
                                "Finland condemned the strikes.");
    CHECK(event(strikes, "Finland", "Latvia", "11"));
}

TEST_CASE("no remembered author where the act is new or has its own", "[relations][acts]") {
    // "a coup" is not the coup told before.
    auto fresh = extract_text("Estonian forces staged a coup in Latvia on Monday.\n\n"
                              "Lithuania said a coup would be a disaster.");
    CHECK_FALSE(event(fresh, "Lithuania", "Estonian forces"));
    // Its own author wins: "Norway's strikes" are Norway's.
    auto own = extract_text("Latvian drones struck Estonian border posts on Monday.\n\n"
                            "Finland condemned Norway's strikes.");
    CHECK(event(own, "Finland", "Norway", "11"));
    CHECK_FALSE(event(own, "Finland", "Latvia"));
    // Nothing told before: no target.
    auto none = extract_text("Finland condemned the strikes.");
    CHECK(none.relations.empty());
}

TEST_CASE("what is no deed, or has a phrase of its own, has no remembered author", "[relations][acts]") {
    // "the response" is no act of the attacker's; "the attack of the rebels" names its own.
    auto response = extract_text("Latvian drones struck Estonian border posts on Monday.\n\n"
                                 "Finland criticised the response.");
    CHECK_FALSE(event(response, "Finland", "Latvia"));
    auto own = extract_text("Latvian drones struck Estonian border posts on Monday.\n\n"
                            "Finland condemned the attack of the night before.");
    CHECK_FALSE(event(own, "Finland", "Latvia"));
}
