// Where a place lies, stated beside its name: "X, the Georgian capital", "Kenya's capital
// X", "X, a town in North Kivu province"; and not where the phrase says "near".
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;
using newskg::test::relation;

TEST_CASE("a place in apposition with a kind of place and its country", "[relations][places]") {
    auto x = extract_text("Thousands marched in Tbilisi, the Georgian capital, on Friday.");
    CHECK(relation(x, "Tbilisi", "locatedIn", "Georgia"));
    auto y = extract_text("Police dispersed a rally in Kutaisi, Georgia's second-largest city.");
    CHECK(relation(y, "Kutaisi", "locatedIn", "Georgia"));
    auto z = extract_text("Rebels took Kiwanja, a town in North Kivu province, on Monday.");
    CHECK(relation(z, "Kiwanja", "locatedIn", "North Kivu"));
}

TEST_CASE("the country and kind of place right before the name", "[relations][places]") {
    auto x = extract_text("Crowds gathered in the Georgian capital Tbilisi on Friday.");
    const Entity* tbilisi = entity_named(x, "Tbilisi");
    REQUIRE(tbilisi);
    CHECK(tbilisi->type == ActorType::Location); // a place here, not the country it stands for elsewhere
    CHECK(relation(x, "Tbilisi", "locatedIn", "Georgia"));
    auto y = extract_text("Talks opened in Kenya's capital Nairobi on Monday.");
    CHECK(relation(y, "Nairobi", "locatedIn", "Kenya"));
}

TEST_CASE("a place beside another is not inside it", "[relations][places]") {
    auto x = extract_text("Rebels took Kiwanja, a town near Goma, on Monday.");
    CHECK_FALSE(relation(x, "Kiwanja", "locatedIn", "Goma"));
    // A list of places is no apposition.
    auto y = extract_text("Rebels took Kiwanja, Rutshuru and Goma, the army said.");
    CHECK_FALSE(relation(y, "Kiwanja", "locatedIn", "Goma"));
}

TEST_CASE("'the Nigerian capital' does not make Nigeria the article's country", "[actors][places]") {
    // "The putschists" with no junta named yet are the government of the country the
    // article is about: the demonyms of the places where delegates met must not
    // outweigh it.
    auto x = extract_text("Soldiers seized power in Niger on Wednesday. Delegates met in the Nigerian "
                          "capital Abuja, then in the Nigerian port city and the Nigerian border region. "
                          "The putschists accused France of meddling.");
    CHECK(relation(x, "Abuja", "locatedIn", "Nigeria"));
    CHECK(relation(x, "The putschists", "partOf", "Niger"));
    CHECK_FALSE(relation(x, "The putschists", "partOf", "Nigeria"));
}
