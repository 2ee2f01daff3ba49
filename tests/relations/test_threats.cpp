// A threatened act is coded as the threat of it (ontology/threat-codes.tsv): it is the
// threat that happened. "Threatened to impose sanctions" is 1312, "warned it would
// strike" 1384; a vow to help stays what it is.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("a threatened act is a threat", "[relations][threat]") {
    auto x = extract_text("Latvia threatened to impose sanctions on Estonia.");
    const Relation* r = event(x, "Latvia", "Estonia", "13");
    REQUIRE(r);
    CHECK(r->cameo == "1312");
    CHECK_FALSE(event(x, "Latvia", "Estonia", "16")); // the sanctions are not imposed
    CHECK_FALSE(r->flags & kConditional);              // the threat itself is a fact
    auto y = extract_text("Latvia warned it would strike Estonian bases if the raids continued.");
    const Relation* s = event(y, "Latvia", "Estonia", "13");
    REQUIRE(s);
    CHECK(s->cameo == "1384");
    auto z = extract_text("Norway vowed retaliatory tariffs on Latvian goods.");
    CHECK(event(z, "Norway", "Latvia", "1312"));
}

TEST_CASE("no threat where none is made", "[relations][threat]") {
    auto x = extract_text("Latvia imposed sanctions on Estonia.");
    CHECK(event(x, "Latvia", "Estonia", "163"));
    auto y = extract_text("Latvia vowed to support Estonia.");
    CHECK_FALSE(event(y, "Latvia", "Estonia", "13"));
    // The warned party is the target; one's own side is not.
    auto z = extract_text("Latvia warned Estonia would pay a heavy price if it responded.");
    CHECK(event(z, "Latvia", "Estonia", "13"));
    auto w = extract_text("Latvian President Ana Varga warned Latvia could stop gas deliveries to Estonia.");
    CHECK_FALSE(event(w, "Ana Varga", "Latvia"));
}

TEST_CASE("what a speaker says another party must or should do is a demand of it", "[relations][demand]") {
    auto x = extract_text("Latvia says Estonia must withdraw its troops from the island.");
    const Relation* r = event(x, "Latvia", "Estonia", "10");
    REQUIRE(r);
    CHECK(r->cameo == "1056"); // a withdrawal: verb class leaving
    auto y = extract_text("Latvia said Estonia should apologise for the incident.");
    CHECK(event(y, "Latvia", "Estonia", "10"));
    // Not what the speaker says it must do itself, not a passive, not without a modal.
    auto z = extract_text("Latvia said it must defend itself against Estonia.");
    CHECK_FALSE(event(z, "Latvia", "Estonia", "10"));
    auto p = extract_text("Latvia said Estonia must be punished.");
    CHECK_FALSE(event(p, "Latvia", "Estonia", "10"));
    auto q = extract_text("Latvia said Estonia withdrew its troops.");
    CHECK_FALSE(event(q, "Latvia", "Estonia", "10"));
}

TEST_CASE("a warning after the clause it reports threatens the clause's subject", "[relations][threats]") {
    auto x = extract_text("Estonia would pay a heavy price, Latvia warned.");
    CHECK(newskg::test::event(x, "Latvia", "Estonia", "13"));
    auto y = extract_text("Estonia could face sanctions if it fails to comply, Latvia warned.");
    CHECK(newskg::test::event(y, "Latvia", "Estonia", "13"));
    // The speaker's own side, or no prospect, threatens no one.
    auto z = extract_text("Latvia's economy could shrink, Latvia warned.");
    CHECK(z.relations.empty());
    auto u = extract_text("Estonia paid a heavy price, Latvia said.");
    CHECK_FALSE(newskg::test::event(u, "Latvia", "Estonia", "13"));
}

TEST_CASE("a relative clause set off by commas does not swallow the sentence's verb", "[relations]") {
    auto x = extract_text("The Estonian prime minister, who visited Riga last week, criticized the Latvian plan.");
    CHECK(newskg::test::event(x, "Estonia", "Latvia", "11"));
}
