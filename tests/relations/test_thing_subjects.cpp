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
    auto ships = extract_text("Estonian patrol boats blocked Latvian fishing boats near the island.");
    const Relation* r = event(ships, "Estonia", "Latvia", "19");
    REQUIRE(r);
    CHECK(r->cameo == "191");
}

TEST_CASE("a country adjective on a verb's subject or object names the country", "[relations][thing-subject]") {
    // The event coders read "the French ambassador" and "Israeli hostages" as the
    // country; so does the tree rule, for any noun that is a verb's argument.
    auto expel = extract_text("Estonia's government expelled the Latvian ambassador.");
    CHECK(event(expel, "Estonia's government", "Latvia"));
    auto prisoners = extract_text("Estonia released three Latvian prisoners on Saturday.");
    CHECK(event(prisoners, "Estonia", "Latvia", "08"));
    auto hackers = extract_text("Estonian hackers targeted Latvian banks.");
    CHECK(event(hackers, "Estonia", "Latvia"));
    // The person named after the title is the party, not the title's country.
    auto met = extract_text("Ana Varga met her Estonian counterpart Kaja Tamm in Riga.");
    CHECK(event(met, "Ana Varga", "Kaja Tamm", "04"));
    CHECK_FALSE(event(met, "Ana Varga", "Estonia"));
    // A country's soil or language is no party.
    auto soil = extract_text("The convoy reached Latvian soil on Tuesday.");
    CHECK_FALSE(newskg::test::entity_named(soil, "Latvia"));
}

TEST_CASE("a thing 'flagged', 'owned' or 'made' by a country stands for it", "[relations][thing-subject]") {
    auto tanker = extract_text("Estonia seized a Latvian-flagged tanker in the Gulf of Riga.");
    CHECK(event(tanker, "Estonia", "Latvia", "17"));
    const Entity* latvia = newskg::test::entity_named(tanker, "Latvia");
    REQUIRE(latvia);
    for (const auto& a : latvia->aliases) CHECK(a.find('-') == std::string::npos); // "Latvian", not "Latvian-flagged"
    auto apps = extract_text("Estonia banned Latvian-owned apps on government phones.");
    CHECK(event(apps, "Estonia", "Latvia"));
}

TEST_CASE("a gerund after a preposition of topic has no subject to guess", "[relations]") {
    auto x = newskg::test::extract_text(
        "Thousands of protesters marched in the Latvian capital Riga on Friday in anger at the "
        "government's decision to shelve talks on joining the European Union until 2030.");
    CHECK_FALSE(newskg::test::relation(x, "Riga", "memberOf", "European Union"));
    auto y = newskg::test::extract_text(
        "Protesters gathered in Riga, angry at the decision to halt talks on joining the European Union.");
    for (const auto& r : y.relations) CHECK(r.predicate != "memberOf");
    CHECK_FALSE(y.relations.empty()); // the presence in Riga stays
}

TEST_CASE("the act of an accusation keeps its actor, the accused ('accused X of backing Y')", "[relations]") {
    auto x = newskg::test::extract_text(
        "Latvia has repeatedly accused Estonia of backing the Red Dune Front rebels, a charge Tallinn denies.");
    const Relation* r = nullptr;
    for (const auto& rel : x.relations) {
        const Entity* s = x.find(rel.subject);
        const Entity* o = x.find(rel.object);
        if (s && o && s->label == "Estonia" && o->label == "Red Dune Front") r = &rel;
    }
    REQUIRE(r);
    CHECK((r->flags & kAlleged) != 0);
}
