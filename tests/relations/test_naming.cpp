// Verbs of naming ("called the attack unacceptable", "what it called X's annexation"): a
// description, no phone call; censure in the description is criticism of the author.
#include <catch2/catch.hpp>

#include "newskg/relations/relations.hpp"
#include "support.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("calling a thing illegal censures its author, it rings no one", "[relations][naming]") {
    auto x = extract_text("Latvia called the Estonian attack unacceptable.");
    const Relation* r = event(x, "Latvia", "Estonia", "11");
    REQUIRE(r);
    CHECK(r->cameo == "111");
    CHECK_FALSE(event(x, "Latvia", "Estonia", "04"));
    // A description without censure says nothing coded.
    auto y = extract_text("Latvia called the Estonian offer a good start.");
    CHECK_FALSE(event(y, "Latvia", "Estonia", "04"));
    CHECK_FALSE(event(y, "Latvia", "Estonia", "11"));
    // A call to a person is still one.
    auto z = extract_text("Latvia's president called his Estonian counterpart.");
    CHECK(event(z, "Latvia", "Estonia", "04"));
}

TEST_CASE("condemning what someone called a deed condemns its author", "[relations][naming]") {
    auto x = extract_text("Estonia condemned what it called Latvia's illegal annexation of the islands.");
    CHECK(event(x, "Estonia", "Latvia", "11"));
    CHECK_FALSE(event(x, "Estonia", "Latvia", "04"));
}
