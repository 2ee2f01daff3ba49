// The target of a force event noun: the actor after its preposition, or the country or
// place a thing it hits lies in; the phrase may hang on the light verb instead.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("a blow at things in a country hits the country", "[relations][nouns]") {
    CHECK(event(extract_text("Latvia launched strikes on military sites in Estonia on Monday."), "Latvia",
                "Estonia", "19"));
    CHECK(event(extract_text("The Red Dune Front launched rocket salvos at residential areas in northern Estonia."),
                "Red Dune Front", "Estonia", "19"));
    CHECK(event(extract_text("The Red Dune Front fired a barrage at Estonia overnight."), "Red Dune Front",
                "Estonia", "19"));
}

TEST_CASE("a blow described, condemned or only near a country is no attack by the speaker", "[relations][nouns]") {
    // Condemning strikes is not striking.
    CHECK_FALSE(event(extract_text("Latvia condemned the strikes on military sites in Estonia."), "Latvia",
                      "Estonia", "19"));
    // "near the border with X" says where, not whom.
    CHECK_FALSE(event(extract_text("Latvia launched strikes near the border with Estonia."), "Latvia", "Estonia",
                      "19"));
}

TEST_CASE("an infinitive on a noun is the act of whoever decided, planned or used it", "[relations][nouns]") {
    // The possessor decided: "Latvia's decision to expel Estonia's envoy".
    CHECK(event(extract_text("Latvia's decision to expel the envoy of Estonia angered many."), "Latvia", "Estonia",
                "1"));
    // The subject of the verb whose object the noun is: used water cannon to disperse.
    auto x = extract_text("Latvian police used water cannon to disperse the Red Dune Front on Friday.");
    CHECK(event(x, "Latvian police", "Red Dune Front", "17"));
    // A plan is kept as an event flagged conditional, not as a deed.
    auto y = extract_text("Latvia announced plans to impose tariffs on Estonia.");
    const Entity* lv = entity_named(y, "Latvia");
    const Entity* ee = entity_named(y, "Estonia");
    REQUIRE(lv);
    REQUIRE(ee);
    bool planned = false;
    for (const auto& r : y.relations)
        if (r.subject == lv->id && r.object == ee->id && r.cameo.rfind("16", 0) == 0) planned = (r.flags & kConditional) != 0;
    CHECK(planned);
}

TEST_CASE("condemning or welcoming an act is aimed at its author", "[relations][nouns]") {
    CHECK(event(extract_text("Latvia condemned an attack by Estonian soldiers near the border on Thursday."),
                "Latvia", "Estonian soldiers", "11"));
    CHECK(event(extract_text("Latvia criticized a report by the Red Dune Front."), "Latvia", "Red Dune Front", "11"));
    CHECK(event(extract_text("Latvia welcomed Estonia's withdrawal from the talks."), "Latvia", "Estonia", "05"));
    // The victim after "on" is not the one condemned.
    CHECK_FALSE(event(extract_text("Latvia condemned an attack by Estonian soldiers on Lithuania."), "Latvia",
                      "Lithuania", "11"));
}

TEST_CASE("a demonym on what a party did names the party", "[relations][event-noun]") {
    CHECK(event(extract_text("The Latvian foreign ministry condemned the Estonian actions, saying they threatened peace."),
                "Latvian foreign ministry", "Estonia", "11"));
    CHECK(event(extract_text("Latvia sharply criticized the Estonian decision to close the border."), "Latvia",
                "Estonia", "11"));
    CHECK(event(extract_text("Latvia welcomed the Estonian proposal."), "Latvia", "Estonia", "05"));
}

TEST_CASE("aid approved or granted for a country is aid to it", "[relations][event-noun]") {
    auto x = newskg::test::extract_text("The Estonian government approved military aid for Latvia.");
    const Relation* r = newskg::test::event(x, "Estonian government", "Latvia", "07");
    REQUIRE(r);
    CHECK(r->rule.find("aid/for") != std::string::npos);
}

TEST_CASE("weapons launched at or into a party are a strike on it (195)", "[relations][nouns]") {
    auto x = extract_text("Latvia launched a missile at Estonia.");
    CHECK(event(x, "Latvia", "Estonia", "195"));
    auto y = extract_text("Latvia launched dozens of drones into Estonia overnight.");
    CHECK(event(y, "Latvia", "Estonia", "195"));
    // Bought weapons are no strike.
    auto z = extract_text("Latvia bought drones from Estonia.");
    CHECK_FALSE(event(z, "Latvia", "Estonia", "19"));
}

TEST_CASE("who claims an attack made it", "[relations][claims]") {
    auto claimed = extract_text("The Red Dune Front claimed an attack on a police station in Latvia.");
    CHECK(event(claimed, "Red Dune Front", "Latvia", "19"));
    auto responsibility = extract_text("The Red Dune Front claimed responsibility for the attack on the Latvian base.");
    CHECK(event(responsibility, "Red Dune Front", "Latvia", "19"));
    auto took = extract_text("The Red Dune Front took responsibility for the bombing of an Estonian convoy.");
    CHECK(event(took, "Red Dune Front", "Estonia", "1"));
    // A denial owns up to nothing; condemning an attack is no attack.
    auto denied = extract_text("The Red Dune Front denied responsibility for the attack on Latvia.");
    CHECK_FALSE(event(denied, "Red Dune Front", "Latvia", "19"));
    auto condemned = extract_text("The Red Dune Front condemned the attack on Latvia.");
    CHECK_FALSE(event(condemned, "Red Dune Front", "Latvia", "19"));
}

TEST_CASE("a blow with no one named as struck lands where it is made", "[relations][noun]") {
    auto offensive = extract_text("Latvia launched a military offensive in Narva.");
    const Relation* r = event(offensive, "Latvia", "Narva", "19");
    REQUIRE(r);
    CHECK(r->rule == "syntax-noun:offensive/in");
    auto inside = extract_text("Latvia carried out air strikes inside Estonia, killing eight people.");
    CHECK(event(inside, "Latvia", "Estonia", "19"));
    // Condemning an attack somewhere strikes nothing.
    auto condemned = extract_text("Latvia condemned the attack in Tallinn.");
    CHECK_FALSE(event(condemned, "Latvia", "Tallinn", "19"));
}

TEST_CASE("forces sent near a state face it, a tanker does not", "[relations][posture]") {
    auto warships = extract_text("Latvia sent warships near Estonia after the election.");
    CHECK(event(warships, "Latvia", "Estonia", "154"));
    auto troops = extract_text("Latvia deployed troops near Estonia.");
    CHECK(event(troops, "Latvia", "Estonia", "154"));
    auto tanker = extract_text("Latvia sent a tanker near Estonia to deliver fuel.");
    CHECK_FALSE(event(tanker, "Latvia", "Estonia", "15"));
}

TEST_CASE("whom a report puts behind an attack made it, as the report says", "[relations][claims]") {
    auto responsible = extract_text("Latvia said the Red Dune Front was responsible for the rocket attack on Narva.");
    const Relation* r = event(responsible, "Red Dune Front", "Narva", "19");
    REQUIRE(r);
    CHECK((r->flags & kReported) != 0);
    auto behind = extract_text("Latvia said the Red Dune Front was behind the attack on Estonia.");
    CHECK(event(behind, "Red Dune Front", "Estonia", "19"));
    auto denied = extract_text("The Red Dune Front was not responsible for the attack on Narva.");
    CHECK_FALSE(event(denied, "Red Dune Front", "Narva", "19"));
}

TEST_CASE("the agent of a participle on an event noun is the act's author", "[relations][noun]") {
    auto x = extract_text("Finland condemned the sanctions imposed on Latvia by the European Union.");
    CHECK(event(x, "European Union", "Latvia", "16"));
    auto y = extract_text("Finland condemned the sanctions imposed by the European Union on Latvia.");
    CHECK(event(y, "European Union", "Latvia", "16"));
    auto aid = extract_text("Finland welcomed the aid sent by Estonia to Latvia.");
    CHECK(event(aid, "Estonia", "Latvia", "07"));
}

TEST_CASE("a count of weapons a light verb launches is the launcher's blow", "[relations][noun]") {
    auto x = extract_text("The Red Dune Front launched dozens of rockets at northern Latvia on Sunday.");
    CHECK(event(x, "Red Dune Front", "Latvia", "19"));
}

TEST_CASE("an event noun's 'by' phrase, or its 'of' phrase before the target, names its author", "[relations]") {
    auto x = extract_text("An attack by Latvia on Estonia killed ten people.");
    CHECK(event(x, "Latvia", "Estonia", "19"));
    auto y = extract_text("The visit by Latvia's president to Estonia was the first in years.");
    CHECK(event(y, "Latvia", "Estonia", "042"));
    auto z = extract_text("The withdrawal of Latvian troops from Estonia began on Monday.");
    CHECK(event(z, "Latvian troops", "Estonia", "087"));
    CHECK_FALSE(event(z, "Estonia", "Latvian troops"));
    // The target's own "of" phrase is no author: "the bombing of Estonia" by nobody named.
    auto u = extract_text("The bombing of Estonia shocked the region.");
    CHECK(u.relations.empty());
}

TEST_CASE("an act aimed at a capital read as a place is aimed at its state, when the article names it",
          "[relations]") {
    auto x = extract_text("Latvia has recalled its ambassador from Tallinn in protest over Estonia's new law.");
    CHECK(event(x, "Latvia", "Estonia", "16"));
    CHECK_FALSE(event(x, "Latvia", "Tallinn"));
    // Where something is, the capital stays a place.
    auto y = extract_text("Estonian diplomats gathered in Riga, where Latvia hosted them.");
    CHECK(newskg::test::relation(y, "Estonian diplomats", "presentIn", "Riga"));
}

TEST_CASE("an event noun's 'to' before an infinitive names what is asked, not whom", "[relations]") {
    auto x = extract_text("Latvia gave Estonia a 48-hour ultimatum to withdraw its troops.");
    CHECK(event(x, "Latvia", "Estonia", "13"));
    CHECK_FALSE(event(x, "Estonia", "Latvia"));
}

TEST_CASE("joint exercises are military cooperation, and freeing people releases them", "[relations]") {
    auto x = extract_text("Estonia and Latvia held joint military exercises in the Baltic Sea.");
    CHECK(event(x, "Estonia", "Latvia", "062"));
    CHECK(event(x, "Latvia", "Estonia", "062"));
    auto y = extract_text("Latvian authorities freed an Estonian aid worker held for six months.");
    CHECK(event(y, "Latvian authorities", "Estonia", "0841"));
    CHECK_FALSE(event(y, "Latvian authorities", "Estonia", "07"));
}

TEST_CASE("joint patrols held together are military cooperation", "[relations]") {
    auto x = extract_text("Latvia and Estonia agreed to hold joint naval patrols in the Baltic Sea.");
    CHECK(event(x, "Latvia", "Estonia", "062"));
    CHECK(event(x, "Estonia", "Latvia", "062"));
}

TEST_CASE("a deal 'in' or 'under' which parties settled something, brokered by Q, is Q's mediation between them",
          "[relations]") {
    auto x = extract_text("Latvia restored diplomatic relations with Estonia in a deal brokered by Finland.");
    CHECK(event(x, "Finland", "Latvia", "045"));
    CHECK(event(x, "Finland", "Estonia", "045"));
    // A place owned by someone is no mediation.
    auto y = extract_text("Latvia met Estonia in a hotel owned by Finland.");
    CHECK_FALSE(event(y, "Finland", "Latvia", "04"));
}
