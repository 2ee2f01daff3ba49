// One node per actor in an article: acronyms and long forms, titles split from names,
// aliases only when they name the actor.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;
using newskg::test::relation;

TEST_CASE("an acronym and its long form are one actor", "[actors][aliases]") {
    auto x = extract_text(
        "Fighters of the Popular Resistance Front attacked a convoy near the border on Monday. "
        "The PRF later said it had seized two trucks.");
    const Entity* prf = entity_named(x, "Popular Resistance Front");
    REQUIRE(prf);
    CHECK(entity_named(x, "PRF") == prf);
}

TEST_CASE("an acronym of the name in another language is the same actor", "[actors][aliases]") {
    // "Frente Unido de Liberación" → FUL; the article gives the English name.
    auto x = extract_text(
        "Peru's government met envoys of the United Liberation Front in Lima on Monday. "
        "The FUL said it would free three soldiers.");
    const Entity* full = entity_named(x, "United Liberation Front");
    REQUIRE(full);
    CHECK(entity_named(x, "FUL") == full);
}

TEST_CASE("unrelated acronyms stay their own actors", "[actors][aliases]") {
    auto x = extract_text(
        "The Popular Resistance Front attacked a convoy on Monday. "
        "The XQZ said it had seized two trucks.");
    const Entity* prf = entity_named(x, "Popular Resistance Front");
    REQUIRE(prf);
    CHECK(entity_named(x, "XQZ") != prf);
}

TEST_CASE("a portfolio title is split from the name and names the body", "[actors][aliases]") {
    auto x = extract_text(
        "Deputy Secretary of Energy Jeffrey Kupfer visited Warsaw on Tuesday. "
        "Canadian Minister of Foreign Affairs Anna Berg met him there.");
    const Entity* kupfer = entity_named(x, "Jeffrey Kupfer");
    REQUIRE(kupfer);
    CHECK(kupfer->type == ActorType::Person);
    CHECK(kupfer->label == "Jeffrey Kupfer");
    const Entity* energy = entity_named(x, "Department of Energy");
    REQUIRE(energy);
    CHECK(energy->type == ActorType::Government);
    CHECK(relation(x, "Jeffrey Kupfer", "memberOf", "Department of Energy"));
    CHECK_FALSE(relation(x, "Jeffrey Kupfer", "leaderOf", "Department of Energy"));
    const Entity* berg = entity_named(x, "Anna Berg");
    REQUIRE(berg);
    CHECK(berg->label == "Anna Berg");
    CHECK(relation(x, "Anna Berg", "leaderOf", "Ministry of Foreign Affairs"));
    CHECK(relation(x, "Ministry of Foreign Affairs", "partOf", "Canada"));
}

TEST_CASE("generic descriptions and state media are not aliases", "[actors][aliases]") {
    auto x = extract_text(
        "France closed its embassy in the capital on Monday. The country said its staff were safe. "
        "Iranian state media said the embassy had been attacked.");
    const Entity* france = entity_named(x, "France");
    REQUIRE(france);
    for (const auto& a : france->aliases) CHECK(a != "The country");
    const Entity* media = entity_named(x, "Iranian state media");
    REQUIRE(media);
    CHECK(media->type == ActorType::Organization);
    const Entity* iran = entity_named(x, "Iran");
    if (iran)
        for (const auto& a : iran->aliases) CHECK(a.find("state") == std::string::npos);
}
