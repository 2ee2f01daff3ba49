// Coordinated parties share a frame; the subject of a new clause after ", and" does not.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;

namespace {

bool any_event(const Extraction& x, const std::string& s, const std::string& o) {
    const Entity* a = entity_named(x, s);
    const Entity* b = entity_named(x, o);
    if (!a || !b) return false;
    for (const auto& r : x.relations)
        if (r.subject == a->id && r.object == b->id && !r.cameo.empty()) return true;
    return false;
}

} // namespace

TEST_CASE("', and X verbed' opens a clause: X is no further party", "[relations][coordination]") {
    auto x = extract_text("Latvia sent troops and weapons to help the Red Dune Front, and President Ana Varga "
                          "likened the move to an invasion.");
    CHECK(any_event(x, "Latvia", "Red Dune Front"));
    CHECK_FALSE(any_event(x, "Latvia", "Ana Varga"));
    // A plain list stays a list.
    auto y = extract_text("Latvia sent troops to Estonia, Lithuania and Poland.");
    CHECK(any_event(y, "Latvia", "Estonia"));
    CHECK(any_event(y, "Latvia", "Lithuania"));
    CHECK(any_event(y, "Latvia", "Poland"));
}
