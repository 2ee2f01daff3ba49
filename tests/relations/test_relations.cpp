#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::extract_text;
using newskg::test::relation;

TEST_CASE("subject-verb-object with CAMEO code, QuadClass and Goldstein", "[relations]") {
    auto x = extract_text("Chad accused Sudan of arming rebels on Sunday.");
    const Relation* r = relation(x, "Chad", "accused", "Sudan");
    REQUIRE(r);
    CHECK(r->cameo.rfind("112", 0) == 0);
    CHECK(r->quad_class == 3);
    CHECK(r->goldstein < 0);
    REQUIRE(r->evidence.size() == 1);
    CHECK(r->evidence[0].text == "Chad accused Sudan of arming rebels on Sunday.");
    CHECK(x.document.slice(r->evidence[0].span) == r->evidence[0].text);
    REQUIRE(r->date);
    CHECK(r->date->iso() == "2024-03-10"); // the Sunday of publication
    CHECK_FALSE(r->rule.empty());
}

TEST_CASE("prepositional objects", "[relations]") {
    auto x = extract_text("The junta in Niger turned to Russia for support. Algeria clashed with Morocco.");
    auto fought = relation(x, "Algeria", "fought", "Morocco");
    CHECK(fought);
}

TEST_CASE("coordinated subjects and objects give one edge each", "[relations]") {
    auto x = extract_text("Mali and Burkina Faso criticized ECOWAS and France.");
    CHECK(relation(x, "Mali", "criticized", "ECOWAS"));
    CHECK(relation(x, "Burkina Faso", "criticized", "ECOWAS"));
    CHECK(relation(x, "Mali", "criticized", "France"));
    CHECK(relation(x, "Burkina Faso", "criticized", "France"));
}

TEST_CASE("demand that X withdraw is a demand for withdrawal", "[relations]") {
    auto x = extract_text("Niger's junta demanded that France withdraw its troops by the end of the year.");
    const Relation* r = relation(x, "Niger's junta", "demandedWithdrawal", "France");
    REQUIRE(r);
    CHECK(r->cameo == "1056");
}

TEST_CASE("passives swap agent and patient", "[relations]") {
    auto x = extract_text("Ukraine was attacked by Russia overnight, officials said.");
    CHECK(relation(x, "Russia", "attacked", "Ukraine"));
    CHECK_FALSE(relation(x, "Ukraine", "attacked", "Russia"));
}

TEST_CASE("negated events give no edge unless asked for", "[relations]") {
    auto x = extract_text("Chad did not attack Sudan.");
    CHECK_FALSE(relation(x, "Chad", "attacked", "Sudan"));
}

TEST_CASE("hedged events are flagged and less certain", "[relations]") {
    auto x = extract_text("Sudan may have attacked Chad.");
    const Relation* r = relation(x, "Sudan", "attacked", "Chad");
    REQUIRE(r);
    CHECK((r->flags & kHedged) != 0);
    CHECK(r->confidence < 0.7);
}

TEST_CASE("reported speech records the speaker", "[relations]") {
    auto x = extract_text("Sudan attacked Chad, the African Union said.");
    const Relation* r = relation(x, "Sudan", "attacked", "Chad");
    REQUIRE(r);
    REQUIRE(r->speaker);
    CHECK((r->flags & kReported) != 0);
}

TEST_CASE("event nouns: attack on, withdrawal from", "[relations]") {
    auto x = extract_text("Russia's attack on Ukraine drew protests.");
    CHECK(relation(x, "Russia", "attacked", "Ukraine"));
}

TEST_CASE("the same relation stated twice is one edge with two pieces of evidence", "[relations]") {
    auto x = extract_text("Chad accused Sudan of shelling. Later, Chad accused Sudan again.");
    const Relation* r = relation(x, "Chad", "accused", "Sudan");
    REQUIRE(r);
    CHECK(r->evidence.size() == 2);
}

TEST_CASE("headlines carry relations", "[relations]") {
    auto x = extract_text("Mali, Burkina Faso demonstrate solidarity with Niger junta\n\nThe two countries said so on Monday.");
    const Relation* r = relation(x, "Mali", "demonstratedSolidarity", "Niger junta");
    REQUIRE(r);
    CHECK((r->flags & kHeadline) != 0);
    CHECK(relation(x, "Burkina Faso", "demonstratedSolidarity", "Niger junta"));
}

TEST_CASE("trade measures on a country's goods target the country", "[relations]") {
    auto x = extract_text("The United States imposed 25% tariffs on Mexican and most Canadian imports on Saturday.");
    CHECK(relation(x, "United States", "imposedSanctions", "Mexico"));
    CHECK(relation(x, "United States", "imposedSanctions", "Canada"));
}

TEST_CASE("verb phrases with modifiers before their noun", "[relations]") {
    auto x = extract_text("Rwanda and Burundi signed a new peace agreement in Luanda.");
    CHECK((relation(x, "Burundi", "signedAgreement", "Rwanda") || relation(x, "Rwanda", "signedAgreement", "Burundi")));
}

TEST_CASE("relations are read from the dependency tree, token rules without the syntax stage", "[relations]") {
    auto x = extract_text("The Sudanese army accused the Rapid Support Forces of shelling the town.");
    const Relation* r = relation(x, "Sudanese army", "accused", "Rapid Support Forces");
    REQUIRE(r);
    CHECK(r->rule.rfind("syntax:", 0) == 0);
    CHECK_FALSE(x.document.words.empty());

    // Without the syntax stage (--no-parser) the token rules find the same edge.
    ReadOptions ro;
    ro.published = DateValue::parse_iso("2024-03-10");
    Extraction y;
    y.document = read_text_article("The Sudanese army accused the Rapid Support Forces of shelling the town.",
                                   "t.txt", ro);
    PipelineOptions po;
    po.use_parser = false;
    y = extract(std::move(y.document), newskg::test::resources(), po);
    const Relation* t = relation(y, "Sudanese army", "accused", "Rapid Support Forces");
    REQUIRE(t);
    CHECK(t->rule.rfind("lexicon:", 0) == 0);
}

TEST_CASE("call on X to leave is an appeal or demand to X", "[relations]") {
    auto x = extract_text("ECOWAS called on Niger's junta to release the president.");
    const Entity* junta = newskg::test::entity_named(x, "Niger's junta");
    REQUIRE(junta);
    bool found = false;
    for (const auto& r : x.relations)
        if (r.object == junta->id && (r.cameo.rfind("02", 0) == 0 || r.cameo.rfind("10", 0) == 0)) found = true;
    CHECK(found);
}

TEST_CASE("a reduced relative clause keeps the head as subject", "[relations]") {
    auto x = extract_text("The rebel alliance led by ethnic Tuaregs has accused Malian forces of breaking the truce.");
    const Entity* rebels = newskg::test::entity_named(x, "The rebel alliance led by ethnic Tuaregs");
    REQUIRE(rebels);
    CHECK(relation(x, "The rebel alliance led by ethnic Tuaregs", "accused", "Malian forces"));
}

TEST_CASE("nominal demand: the junta's demand for X to leave", "[relations]") {
    auto x = extract_text("Protests followed the Malian junta's demand for MINUSMA to leave.");
    const Relation* r = relation(x, "Malian junta", "demandedWithdrawal", "MINUSMA");
    REQUIRE(r);
    CHECK(r->cameo == "1056");
}

TEST_CASE("presence and location from the sentence's standing frames", "[relations]") {
    auto x = extract_text("Russia's Wagner Group has about 1,000 fighters in Mali. "
                          "Fighting broke out near Tessit, a town in northern Mali.");
    CHECK(relation(x, "Russia's Wagner Group", "presentIn", "Mali"));
    CHECK(relation(x, "Tessit", "locatedIn", "Mali"));
}

TEST_CASE("the lemmatiser knows regular and irregular forms", "[relations]") {
    const auto& lem = newskg::test::resources().relations().lemmatizer();
    auto has = [&](const std::string& form, const std::string& lemma) {
        auto ls = lem.lemmas(form);
        return std::find(ls.begin(), ls.end(), lemma) != ls.end();
    };
    CHECK(has("accused", "accuse"));
    CHECK(has("demanded", "demand"));
    CHECK(has("committed", "commit"));
    CHECK(has("denies", "deny"));
    CHECK(has("fallen", "fall"));
    CHECK(has("withdrew", "withdraw"));
    CHECK(has("attacking", "attack"));
    CHECK(has("seizing", "seize"));
}

TEST_CASE("a headline's present-tense verb and its 'X, Y' subjects are read as such", "[relations][headline]") {
    // "sign" and "meets" read as nouns in a headline without the known-verb tag.
    auto x = extract_text("Latvia and Estonia sign defence pact\n\nThe deal was signed in Riga on Monday.");
    const Relation* r = newskg::test::event(x, "Latvia", "Estonia", "06");
    REQUIRE(r);
    CHECK((r->flags & kHeadline) != 0);
    // A headline's comma coordinates: no address to Estonia.
    auto y = extract_text("Estonia, Latvia sign defence pact\n\nThe deal was signed in Riga on Monday.");
    CHECK(newskg::test::event(y, "Estonia", "Latvia", "06"));
    // A headline with a verb of its own is left as the tagger reads it.
    auto z = extract_text("Latvia slams Estonia over border closure\n\nThe border closed on Monday.");
    CHECK(newskg::test::event(z, "Latvia", "Estonia", "11"));
}
