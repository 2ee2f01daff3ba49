// A verb whose sense says "what it does to its object" finds its target in the object
// phrase the parse gives it: the owner of the assets or forces hit, not a place named
// beyond the object, not the owner of the adversaries beaten; and a participle that
// only modifies a noun ("the recently released X") has no subject to guess.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("the target of a direct-object sense lies in the object phrase", "[relations][object]") {
    auto x = extract_text("Latvia evacuated about 80 people in the town of Valka after shells landed nearby.");
    REQUIRE(entity_named(x, "Latvia"));
    CHECK_FALSE(event(x, "Latvia", "Valka"));
    auto y = extract_text("The Red Dune Front defeated their opponents near the river, hence Latvia sent troops.");
    CHECK_FALSE(event(y, "Red Dune Front", "Latvia"));
    // Controls: the owner of forces and facilities hit is hit.
    auto z = extract_text("Latvian troops attacked Estonian border posts on Monday.");
    CHECK(event(z, "Latvian troops", "Estonia"));
    auto w = extract_text("The Red Dune Front said Latvia had hit its bases and depots.");
    CHECK(event(w, "Latvia", "Red Dune Front"));
}

TEST_CASE("a participle modifying a noun has no subject of its own", "[relations][object]") {
    auto x = extract_text("Norvik Motors, its main rival, kept growing while the recently released Baltic Star "
                          "Cars was losing buyers.");
    CHECK_FALSE(event(x, "Norvik Motors", "Baltic Star Cars"));
    auto y = extract_text("Estonia, a neighbour, watched closely while the recently attacked Latvian convoy "
                          "returned home.");
    CHECK_FALSE(event(y, "Estonia", "Latvia"));
}

TEST_CASE("a blow or aid at what a party has or did is not aimed at the party", "[relations][object]") {
    auto x = extract_text("During questions on Wednesday, Latvian prime minister Ilze Berzina defended the "
                          "government's record.");
    REQUIRE(entity_named(x, "Ilze Berzina"));
    for (const auto& r : x.relations) CHECK(r.cameo.rfind("07", 0) != 0);
    // Words and attitudes are aimed at the owner: criticising a decision criticises its maker.
    auto y = extract_text("Latvian prime minister Ilze Berzina criticized Estonia's decision.");
    CHECK(event(y, "Ilze Berzina", "Estonia", "11"));
    // A possession that is no abstraction: defending a border defends its country.
    auto z = extract_text("Latvia defended Estonia's border against the Red Dune Front.");
    CHECK(event(z, "Latvia", "Estonia"));
}

TEST_CASE("a preposition inside a clause the verb governs is not the verb's", "[relations][object]") {
    auto x = extract_text("Latvia said the lapses raise serious questions about Estonia and its border guards.");
    CHECK_FALSE(event(x, "Latvia", "Estonia"));
    // Control: the verb's own phrase.
    auto y = extract_text("Latvia turned to Estonia for help.");
    CHECK(event(y, "Latvia", "Estonia"));
}

TEST_CASE("a dictionary pattern naming the object takes the phrase on it as the target", "[relations][object]") {
    // PETRARCH's "* CASE (AGAINST)" under FILE: the phrase hangs on "case", the object.
    auto x = extract_text("Latvia filed a case against Estonia at the regional court.");
    CHECK(event(x, "Latvia", "Estonia", "115"));
    auto y = extract_text("Latvia filed a fraud case against Estonia.");
    CHECK(event(y, "Latvia", "Estonia", "115"));
    // Without the pattern's noun, a disapproval's phrase on its object names the victim.
    auto z = extract_text("Latvia condemned the violence against Estonian fishermen.");
    CHECK_FALSE(event(z, "Latvia", "Estonia", "11"));
}

TEST_CASE("the body a plural group belongs to, and a subject's own people, are parties", "[relations][object]") {
    // "rebels of the Red Dune Front": one body's members; a place they are in is no owner.
    auto x = extract_text("Latvian soldiers killed twenty fighters of the Red Dune Front in eastern Estonia.");
    CHECK(event(x, "Latvian soldiers", "Red Dune Front", "18"));
    CHECK_FALSE(event(x, "Latvian soldiers", "Estonia"));
    // Office holders of a list of states meeting: the states meet.
    auto y = extract_text("Representatives of Latvia, Estonia and Lithuania met in Riga.");
    CHECK(event(y, "Latvia", "Estonia", "04"));
    // "its soldiers" as the subject act for the one "its" stands for.
    auto z = extract_text("The Latvian army said its soldiers had attacked the Red Dune Front near the border.");
    CHECK(event(z, "Latvian army", "Red Dune Front", "19"));
    // As the object, "its ambassador" is the subject's own: no party.
    auto w = extract_text("Latvia recalled its ambassador from Estonia.");
    CHECK(event(w, "Latvia", "Estonia", "16"));
}

TEST_CASE("giving back people or property to someone is releasing them (084)", "[relations][object]") {
    auto things = extract_text("Latvia returned hundreds of looted paintings to Estonia.");
    const Relation* t = event(things, "Latvia", "Estonia", "084");
    REQUIRE(t);
    CHECK(t->cameo == "0842");
    auto people = extract_text("Latvia returned dozens of detained fishermen and prisoners to Estonia.");
    CHECK(event(people, "Latvia", "Estonia", "084"));
    // Without an object it is going back; a dictionary pattern for the object decides.
    auto back = extract_text("The Latvian foreign minister returned to Estonia on Monday.");
    CHECK_FALSE(event(back, "Latvian foreign minister", "Estonia", "08"));
    CHECK_FALSE(event(back, "Latvia", "Estonia", "08"));
    auto envoy = extract_text("Latvia returned its ambassador to Estonia.");
    CHECK(event(envoy, "Latvia", "Estonia", "050"));
    // Handing over what is no aid gives it up: a base is property, suspects are people.
    auto base = extract_text("Latvia handed over a military base in the town of Valka to Estonia.");
    const Relation* b = event(base, "Latvia", "Estonia", "084");
    REQUIRE(b);
    CHECK(b->cameo == "0842");
    auto suspects = extract_text("Latvia handed over two suspects to Estonia.");
    CHECK(event(suspects, "Latvia", "Estonia", "0841"));
}

TEST_CASE("a blow at a party's statement or decision hits no party", "[relations][object]") {
    // "statement" stands for its owner as a thing of it, but a blockade of words is none.
    auto x = extract_text("Latvia blocked an EU statement criticising Estonia, diplomats said.");
    CHECK_FALSE(event(x, "Latvia", "European Union", "19"));
    CHECK_FALSE(event(x, "Latvia", "Estonia", "19"));
    // Control: a blockade of a party's convoys.
    auto y = extract_text("Latvian troops blocked Estonian convoys near the border.");
    CHECK(event(y, "Latvian troops", "Estonia", "191"));
}

TEST_CASE("sending, delivering or providing arms, food or money is aid to the 'to' phrase", "[relations][object]") {
    // The parser may hang "to Estonia" on the object; the recipient is the same.
    auto x = extract_text("Latvia sent air defence systems to Estonia.");
    CHECK(event(x, "Latvia", "Estonia", "072"));
    auto y = extract_text("Latvia delivered food to Estonia.");
    CHECK(event(y, "Latvia", "Estonia", "073"));
    // What is no aid keeps the dictionary's reading: a delegation is diplomacy.
    auto z = extract_text("Latvia sent a delegation to Estonia.");
    CHECK_FALSE(event(z, "Latvia", "Estonia", "07"));
}

TEST_CASE("a quantity stands for what it counts, people from a party are its", "[relations][object]") {
    auto x = extract_text("Latvia deported hundreds of Estonian workers.");
    CHECK(event(x, "Latvia", "Estonia", "174"));
    auto y = extract_text("A delegation from the Latvian government visited Estonia to discuss trade.");
    CHECK(event(y, "Latvian government", "Estonia", "042"));
    // A noun of a noun is still no party: "the price of Estonian food".
    auto z = extract_text("Latvia discussed the price of Estonian food.");
    CHECK_FALSE(event(z, "Latvia", "Estonia"));
}

TEST_CASE("'each other' and 'one another' make the coordinated subjects each other's targets", "[relations][object]") {
    // Expelling diplomats is the diplomatic expulsion, 166 (see verbs.tsv).
    auto x = extract_text("Latvia and Estonia expelled each other's diplomats.");
    CHECK(event(x, "Latvia", "Estonia", "166"));
    CHECK(event(x, "Estonia", "Latvia", "166"));
    auto y = extract_text("Latvia and Estonia accused each other of violating the truce.");
    CHECK(event(y, "Latvia", "Estonia", "112"));
    CHECK(event(y, "Estonia", "Latvia", "112"));
    auto z = extract_text("Latvia and Estonia blamed one another for the collapse of the talks.");
    CHECK(event(z, "Estonia", "Latvia", "11"));
}

TEST_CASE("crowd-control weapons turned on people are repression, not an armed attack", "[relations]") {
    auto x = extract_text("Police in Latvia deployed water cannon against protesters on Sunday.");
    CHECK(event(x, "Police", "protesters", "175"));
    CHECK_FALSE(event(x, "Police", "protesters", "154"));
    auto y = extract_text("Latvian police fired tear gas at protesters on Sunday.");
    CHECK(event(y, "Latvian police", "protesters", "175"));
    CHECK_FALSE(event(y, "Latvian police", "protesters", "19"));
    // A gun fired at people stays an attack.
    auto z = extract_text("Latvian soldiers fired on Estonian troops at the border.");
    CHECK(event(z, "Latvian soldiers", "Estonian troops", "19"));
}

TEST_CASE("forces crossing into a country, or across its border, make an incursion", "[relations]") {
    auto x = extract_text("Latvian troops crossed into Estonia.");
    CHECK(event(x, "Latvian troops", "Estonia", "19"));
    auto y = extract_text("Latvian forces crossed the border into Estonia on Monday.");
    CHECK(event(y, "Latvian forces", "Estonia", "19"));
    CHECK_FALSE(event(y, "Estonia", "Latvian forces", "07")); // not Estonia protecting them
    auto z = extract_text("Latvian soldiers crossed into Estonia overnight, Tallinn said.");
    CHECK(event(z, "Latvian soldiers", "Estonia", "19"));
}

TEST_CASE("a past form the tagger reads as a noun in a sentence without a verb is its verb", "[relations]") {
    // "shot" is a noun as often as a verb; a sentence needs one.
    auto x = extract_text("Estonia shot down a Latvian drone.");
    CHECK(event(x, "Estonia", "Latvia", "19"));
    auto y = extract_text("A Latvian drone was shot down by Estonian air defences overnight.");
    CHECK(event(y, "Estonian air defences", "Latvia", "19"));
    // Sending forces to a country's border faces that country (154), not aid to it.
    auto z = extract_text("Estonia will send troops to the Latvian border.");
    CHECK(event(z, "Estonia", "Latvia", "154"));
    CHECK_FALSE(event(z, "Estonia", "Latvia", "07"));
}

TEST_CASE("the goods of a trade argument name their country ('banned imports of Chinese apps')", "[relations]") {
    auto x = extract_text("Latvia banned imports of Estonian apps, citing national security.");
    CHECK(event(x, "Latvia", "Estonia", "16"));
}

TEST_CASE("forces placed or put near a country's border face that country", "[relations]") {
    auto x = extract_text("Latvia placed its troops on high alert near the Estonian border.");
    CHECK(event(x, "Latvia", "Estonia", "154"));
    auto y = extract_text("Latvia put Estonia on a list of hostile states.");
    CHECK_FALSE(event(y, "Latvia", "Estonia", "15"));
}

TEST_CASE("lifting or removing tariffs on a country's goods eases sanctions on it", "[relations]") {
    auto x = extract_text("Latvia lifted tariffs on Estonian wine.");
    CHECK(event(x, "Latvia", "Estonia", "085"));
    auto y = extract_text("Estonia welcomed Latvia's decision to remove duties on Estonian steel.");
    CHECK(event(y, "Latvia", "Estonia", "085"));
}

TEST_CASE("an arrest warrant for a country's official is an arrest order against it, and no state is joined",
          "[relations]") {
    // "warrant" read as a bare infinitive is the compound's noun.
    auto x = extract_text("Latvia issued an arrest warrant for the Estonian president.");
    CHECK(event(x, "Latvia", "Estonia", "173"));
    // One joins a body, not a state: "joined Estonia in condemning X".
    auto y = extract_text("Latvia joined Estonia in condemning the attack.");
    CHECK_FALSE(newskg::test::relation(y, "Latvia", "memberOf", "Estonia"));
    auto z = extract_text("Sweden joined NATO in March.");
    CHECK(newskg::test::relation(z, "Sweden", "memberOf", "NATO"));
}

TEST_CASE("expelling a state's diplomats is the diplomatic expulsion (166), as expelling its envoy", "[relations]") {
    auto x = extract_text("Estonia expelled a Latvian diplomat for spying.");
    CHECK(event(x, "Estonia", "Latvian diplomat", "166"));
    CHECK_FALSE(event(x, "Estonia", "Latvian diplomat", "174"));
    auto y = extract_text("Latvia expelled Estonia's envoy.");
    CHECK(event(y, "Latvia", "Estonia", "166"));
}
