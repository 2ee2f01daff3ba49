// A denial negates what it denies: "denied supporting the rebels" states no support,
// and the denied clause's actor is not the denial's object either.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("a denied act is no event", "[relations][denial]") {
    for (const char* text : {"Estonia has denied directly supporting the Red Dune Front.",
                             "Estonia denied that it supports the Red Dune Front.",
                             "Estonia denies arming the Red Dune Front."}) {
        CAPTURE(text);
        auto x = extract_text(text);
        REQUIRE(entity_named(x, "Estonia"));
        CHECK_FALSE(event(x, "Estonia", "Red Dune Front"));
    }
}

TEST_CASE("a stopped or refused act is no event, a plain one is", "[relations][denial]") {
    // Stopping support is no support; it reduces relations (ontology/cessation-codes.tsv).
    auto x = extract_text("Latvia stopped supporting the Red Dune Front in May.");
    CHECK_FALSE(event(x, "Latvia", "Red Dune Front", "05"));
    CHECK(event(x, "Latvia", "Red Dune Front", "160"));
    auto y = extract_text("Latvia refused to condemn Estonia.");
    CHECK_FALSE(event(y, "Latvia", "Estonia"));
    // Control: the same acts asserted.
    auto z = extract_text("Latvia supported the Red Dune Front in May.");
    CHECK(event(z, "Latvia", "Red Dune Front"));
    // An adverbial -ing clause after a comma is not a complement: the condemnation stands.
    auto w = extract_text("Latvia condemned Estonia's decision, saying it was illegal.");
    CHECK(event(w, "Latvia", "Estonia"));
}

TEST_CASE("an act kept from happening is no event ('refrained from', 'against', 'without')", "[relations][denial]") {
    auto x = extract_text("Latvia refrained from attacking Estonia.");
    CHECK_FALSE(event(x, "Latvia", "Estonia"));
    auto y = extract_text("Poland warned Lithuania against hosting the Red Dune Front.");
    CHECK(event(y, "Poland", "Lithuania"));
    CHECK_FALSE(event(y, "Lithuania", "Red Dune Front"));
    auto z = extract_text("Latvia left the summit without meeting Estonia.");
    CHECK_FALSE(event(z, "Latvia", "Estonia"));
    // Control: the same act done.
    auto w = extract_text("Latvia attacked Estonia after the summit.");
    CHECK(event(w, "Latvia", "Estonia"));
}
