// An outlet the news passes through is not a party to it: "told the Harbour Gazette",
// "according to Radio Norvik". The one who speaks is still found; a phrase of
// attribution or benefit ("according to", "for") is no target of the verb.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("speaking to an outlet named as one is no event with it", "[relations][media]") {
    for (const char* text : {"Latvian minister Ilze Berzina told the Harbour Gazette that talks would resume.",
                             "Ilze Berzina told Norvik News on Monday that Estonia had broken the deal.",
                             "Ilze Berzina told Radio Norvik Television that the border stayed closed."}) {
        CAPTURE(text);
        auto x = extract_text(text);
        REQUIRE(entity_named(x, "Ilze Berzina"));
        for (const auto& r : x.relations) CHECK(r.cameo.empty());
    }
    // Control: telling a party is a statement to it.
    auto y = extract_text("Ilze Berzina told Estonia that the border stayed closed.");
    CHECK(event(y, "Ilze Berzina", "Estonia"));
}

TEST_CASE("the source of a report and a side one works for are not targets", "[relations][media]") {
    auto x = extract_text("According to Estonia, Latvia said the border would stay closed.");
    CHECK_FALSE(event(x, "Latvia", "Estonia"));
    auto y = extract_text("Ilze Berzina scored twice for Latvia on Sunday.");
    CHECK_FALSE(event(y, "Ilze Berzina", "Latvia"));
    // Control: "said to X" keeps X as the one addressed.
    auto z = extract_text("Latvia said to Estonia that the border would stay closed.");
    CHECK(event(z, "Latvia", "Estonia"));
}
