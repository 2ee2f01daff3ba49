// Rules found on news the relation rules were not written for (sport and election
// reports, agencies named with their country): a game or a vote is no fight or meeting,
// one pair of actors gets its most precise belonging only, and a name in brackets is
// another name, not a wider place.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::extract_text;
using newskg::test::relation;

TEST_CASE("a game or a vote between two parties is no fight and no meeting", "[relations][contest]") {
    auto score = extract_text("Latvia defeated Estonia 2 – 1 in the last match of the group stage.");
    CHECK_FALSE(event(score, "Latvia", "Estonia"));
    auto hyphen = extract_text("Latvia beat Estonia 3-0 on Sunday.");
    CHECK_FALSE(event(hyphen, "Latvia", "Estonia"));
    auto stadium = extract_text("Latvia faced Estonia at the National Stadium in Riga.");
    CHECK_FALSE(event(stadium, "Latvia", "Estonia"));
    CHECK_FALSE(event(stadium, "Estonia", "Latvia"));
    auto vote = extract_text("Ana Varga defeated Juris Kalns by 4,000 votes in the Riga constituency.");
    CHECK_FALSE(event(vote, "Ana Varga", "Juris Kalns"));
}

TEST_CASE("a defeat on the battlefield is still a fight", "[relations][contest]") {
    auto war = extract_text("Latvian forces defeated Estonian troops near the border.");
    CHECK(event(war, "Latvian forces", "Estonian troops", "19"));
    // A word of sport is not enough without a verb of contest.
    auto strike = extract_text("Latvian troops attacked Estonian soldiers near the stadium in Narva.");
    CHECK(event(strike, "Latvian troops", "Estonian soldiers", "19"));
}

TEST_CASE("one pair of actors keeps its most precise belonging", "[relations][standing]") {
    // The country modifier says "affiliated", the gazetteer "part of": affiliatedWith is
    // a link without being part, so only partOf stays, with the evidence of both.
    auto x = extract_text("The US State Department criticised Latvia on Monday.");
    CHECK(relation(x, "US State Department", "partOf", "United States"));
    CHECK_FALSE(relation(x, "US State Department", "affiliatedWith", "United States"));
}

TEST_CASE("a place in brackets is another name, not where the place lies", "[relations][standing]") {
    auto x = extract_text("Twelve people were hurt when a hotel near the Riga Castle (Old Town Hall) collapsed.");
    CHECK_FALSE(relation(x, "Riga Castle", "locatedIn", "Old Town Hall"));
    auto y = extract_text("Twelve people were hurt when a hotel near Narva, Estonia, collapsed.");
    CHECK(relation(y, "Narva", "locatedIn", "Estonia"));
}

TEST_CASE("two parties that exchange fire or agree to a truce relate to each other", "[relations][mutual]") {
    auto fire = extract_text("Latvia and Estonia exchanged fire along their border.");
    CHECK(event(fire, "Latvia", "Estonia", "19"));
    auto truce = extract_text("Latvia and Estonia agreed to a ceasefire.");
    CHECK(event(truce, "Latvia", "Estonia"));
}

TEST_CASE("a mutual event runs both ways, for every party", "[relations][mutual]") {
    // Either party is the actor: "whom did Estonia sign with?" finds Latvia.
    auto signed_deal = extract_text("Latvia and Estonia signed a border treaty on Monday.");
    CHECK(event(signed_deal, "Latvia", "Estonia", "05"));
    CHECK(event(signed_deal, "Estonia", "Latvia", "05"));
    auto ties = extract_text("Old rivals Latvia and Estonia have restored diplomatic ties after a long break.");
    CHECK(event(ties, "Latvia", "Estonia"));
    CHECK(event(ties, "Estonia", "Latvia"));
    auto three = extract_text("Latvia, Estonia and Lithuania signed a defence pact in Riga.");
    CHECK(event(three, "Lithuania", "Latvia", "06"));
    CHECK(event(three, "Estonia", "Lithuania", "06"));
    auto talks = extract_text("The talks between Latvia and Estonia in Riga ended without agreement.");
    CHECK(event(talks, "Latvia", "Estonia", "04"));
    CHECK(event(talks, "Estonia", "Latvia", "04"));
    auto passive = extract_text("The treaty was signed by Latvia and Estonia in Riga.");
    CHECK(event(passive, "Estonia", "Latvia", "05"));
    CHECK(event(passive, "Latvia", "Estonia", "05"));
    // A deal with a third party is not between the coordinated subjects.
    auto with = extract_text("Latvia and Estonia signed a gas deal with Norway.");
    CHECK(event(with, "Estonia", "Norway", "05"));
    CHECK_FALSE(event(with, "Latvia", "Estonia", "05"));
}

TEST_CASE("committing something to something is no wrongdoing", "[relations][mutual]") {
    auto entrust = extract_text("According to Ana Varga, Juris Kalns committed the image to the screen.");
    CHECK_FALSE(event(entrust, "Ana Varga", "Juris Kalns", "112"));
    auto wrong = extract_text("According to Ana Varga, Juris Kalns committed grave abuses.");
    CHECK(event(wrong, "Ana Varga", "Juris Kalns", "112"));
}

TEST_CASE("headlines: traded accusations, landed in a capital", "[relations][mutual]") {
    auto blame = extract_text("Latvia, Estonia trade accusations over border incident\n\nThe talks continued on Monday.");
    CHECK(event(blame, "Latvia", "Estonia", "112"));
    auto lands = extract_text("Vladimir Putin lands in Tallinn for talks\n\nThe talks continued on Monday.");
    CHECK(event(lands, "Vladimir Putin", "Tallinn", "042"));
}

TEST_CASE("lodging representations or a complaint with a state is an official complaint", "[relations][mutual]") {
    auto x = extract_text("Riga lodged stern representations with Tallinn over the arms sale.");
    CHECK(event(x, "Latvia", "Estonia", "114"));
}

TEST_CASE("a mediator named in the passive mediates between the parties who take the deal up", "[relations][mutual]") {
    auto passive = extract_text("The deal, brokered by Norway and the African Union, was signed by Latvia and Estonia.");
    CHECK(event(passive, "Norway", "Latvia", "045"));
    CHECK(event(passive, "African Union", "Estonia", "045"));
    auto participle = extract_text("Latvia and Estonia signed a truce brokered by Norway.");
    CHECK(event(participle, "Norway", "Estonia", "045"));
    // The mediator is no party to the truce itself.
    CHECK_FALSE(event(participle, "Latvia", "Norway", "08"));
    CHECK(event(participle, "Latvia", "Estonia", "08"));
    auto between = extract_text("A ceasefire between Latvia and Estonia, mediated by Norway, took effect on Sunday.");
    CHECK(event(between, "Norway", "Latvia", "045"));
    auto opening = extract_text("Brokered by Norway, the agreement was signed by Latvia and Estonia in Oslo.");
    CHECK(event(opening, "Norway", "Latvia", "045"));
    CHECK(event(opening, "Latvia", "Estonia", "05"));
    // Welcoming a deal makes no party of the one who welcomes it.
    auto welcomed = extract_text("Finland welcomed the truce brokered by Norway.");
    CHECK_FALSE(event(welcomed, "Norway", "Finland", "045"));
}
