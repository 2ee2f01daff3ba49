// Collective actors named by common nouns: crowds, a country's opposition and
// prosecutors, the West; demonyms before acts and things as mentions of the country.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;
using newskg::test::relation;

namespace {

const Relation* event_between(const Extraction& x, const std::string& s, const std::string& o,
                              const std::string& cameo_root) {
    const Entity* a = entity_named(x, s);
    const Entity* b = entity_named(x, o);
    if (!a || !b) return nullptr;
    for (const auto& r : x.relations)
        if (r.subject == a->id && r.object == b->id && r.cameo.rfind(cameo_root, 0) == 0) return &r;
    return nullptr;
}

} // namespace

TEST_CASE("the crowd in the street is one actor per article", "[actors][society]") {
    auto x = extract_text(
        "Thousands of anti-government protesters marched through Minsk on Sunday.\n\n"
        "Riot police fired tear gas at the demonstrators near the station. "
        "Belarusian police later detained dozens of protesters.");
    const Entity* crowd = entity_named(x, "anti-government protesters");
    REQUIRE(crowd);
    CHECK(crowd->type == ActorType::Person);
    CHECK(entity_named(x, "demonstrators") == crowd);
    CHECK(entity_named(x, "protesters") == crowd);
    const Entity* police = entity_named(x, "Belarusian police");
    REQUIRE(police);
    CHECK(police->type == ActorType::Military);
    CHECK(police != crowd);
}

TEST_CASE("the opposition is the organised opposition of the country in context", "[actors][society]") {
    auto x = extract_text(
        "Kenya's opposition rejected the results of the vote on Friday. "
        "The opposition said it would appeal to the courts.");
    const Entity* opp = entity_named(x, "Kenya's opposition");
    REQUIRE(opp);
    CHECK(opp->type == ActorType::Organization);
    CHECK(entity_named(x, "The opposition") == opp);
    CHECK(relation(x, "Kenya's opposition", "affiliatedWith", "Kenya"));

    auto y = extract_text("Two opposition figures were detained in Nairobi on Friday.");
    CHECK_FALSE(entity_named(y, "opposition"));
    auto z = extract_text("Senegal held its vote in March. The opposition won most seats.");
    const Entity* sen = entity_named(z, "The opposition");
    REQUIRE(sen);
    CHECK(sen->iri.find("sn-opposition") != std::string::npos);
}

TEST_CASE("supporters of the opposition are the crowd, not the opposition", "[actors][society]") {
    auto x = extract_text("Police beat opposition supporters in the capital of Uganda.");
    const Entity* crowd = entity_named(x, "opposition supporters");
    REQUIRE(crowd);
    CHECK(crowd->type == ActorType::Person);
}

TEST_CASE("the West and Western leaders", "[actors][society]") {
    auto x = extract_text(
        "Russia accused the West of meddling in the election. "
        "Western leaders condemned the crackdown, and Western governments recalled their envoys.");
    const Entity* west = entity_named(x, "West");
    REQUIRE(west);
    CHECK(west->type == ActorType::Country);
    CHECK(entity_named(x, "Western governments") == west);
    const Entity* leaders = entity_named(x, "Western leaders");
    REQUIRE(leaders);
    CHECK(leaders->type == ActorType::Person);
    CHECK(relation(x, "Western leaders", "memberOf", "West"));

    auto y = extract_text("The troops left West Africa in May, and the West Bank stayed calm.");
    CHECK_FALSE(entity_named(y, "West"));
}

TEST_CASE("a country's prosecutors are part of its state", "[actors][society]") {
    auto x = extract_text(
        "Bolivia arrested a retired colonel on Thursday. The prosecutor's office said he faced "
        "charges of terrorism.");
    const Entity* pros = entity_named(x, "The prosecutor's office");
    REQUIRE(pros);
    CHECK(pros->type == ActorType::Government);
    CHECK(relation(x, "The prosecutor's office", "partOf", "Bolivia"));
}

TEST_CASE("a demonym before an act or a thing is a mention of the country", "[actors][society]") {
    auto x = extract_text("Turkish strikes on Syria killed ten people on Monday.");
    REQUIRE(entity_named(x, "Turkey"));
    CHECK(event_between(x, "Turkey", "Syria", "19"));

    auto y = extract_text("Japan said Chinese vessels had entered its waters near the islands.");
    REQUIRE(entity_named(y, "China"));

    // A lone adjective before anything else still names no actor.
    auto z = extract_text("The convoy reached Malian soil on Tuesday.");
    CHECK_FALSE(entity_named(z, "Mali"));
}

TEST_CASE("people who stand against a country's rulers are not the country", "[actors][society]") {
    auto x = extract_text("Sweden granted asylum to a Latvian opposition leader.");
    CHECK_FALSE(newskg::test::event(x, "Sweden", "Latvia"));
    auto y = extract_text("Poland detained two Latvian dissidents on Monday.");
    CHECK_FALSE(newskg::test::event(y, "Poland", "Latvia"));
    // Control: the country's own soldiers stand for it.
    auto z = extract_text("Poland detained two Latvian soldiers on Monday.");
    CHECK(newskg::test::event(z, "Poland", "Latvian soldiers"));
}

TEST_CASE("each adjective of a coordination before a party's noun names its country", "[actors][society]") {
    auto x = extract_text("Finland hosted Latvian and Estonian leaders on Thursday.");
    CHECK(newskg::test::event(x, "Finland", "Latvia"));
    CHECK(newskg::test::event(x, "Finland", "Estonia"));
}
