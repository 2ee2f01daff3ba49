// A denial negates what it denies: "denied supporting the rebels" states no support,
// and the denied clause's actor is not the denial's object either.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;

namespace {

bool any_edge(const Extraction& x, const std::string& s, const std::string& o) {
    const Entity* a = entity_named(x, s);
    const Entity* b = entity_named(x, o);
    if (!a || !b) return false;
    for (const auto& r : x.relations)
        if (r.subject == a->id && r.object == b->id && !r.cameo.empty()) return true;
    return false;
}

} // namespace

TEST_CASE("a denied act is no event", "[relations][denial]") {
    for (const char* text : {"Estonia has denied directly supporting the Red Dune Front.",
                             "Estonia denied that it supports the Red Dune Front.",
                             "Estonia denies arming the Red Dune Front."}) {
        CAPTURE(text);
        auto x = extract_text(text);
        REQUIRE(entity_named(x, "Estonia"));
        CHECK_FALSE(any_edge(x, "Estonia", "Red Dune Front"));
    }
}

TEST_CASE("a stopped or refused act is no event, a plain one is", "[relations][denial]") {
    auto x = extract_text("Latvia stopped supporting the Red Dune Front in May.");
    CHECK_FALSE(any_edge(x, "Latvia", "Red Dune Front"));
    auto y = extract_text("Latvia refused to condemn Estonia.");
    CHECK_FALSE(any_edge(y, "Latvia", "Estonia"));
    // Control: the same acts asserted.
    auto z = extract_text("Latvia supported the Red Dune Front in May.");
    CHECK(any_edge(z, "Latvia", "Red Dune Front"));
    // An adverbial -ing clause after a comma is not a complement: the condemnation stands.
    auto w = extract_text("Latvia condemned Estonia's decision, saying it was illegal.");
    CHECK(any_edge(w, "Latvia", "Estonia"));
}
