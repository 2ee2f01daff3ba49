// An act its source refuses or declines to do is coded as the rejection of it
// (ontology/refusal-codes.tsv, CAMEO 12…): the refusal happened, the act did not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/relations/relations.hpp"
#include "process.hpp"
#include "support.hpp"
#include "test_paths.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::relation;
using newskg::test::extract_text;
namespace fs = std::filesystem;

TEST_CASE("refusing to meet, to extradite or to lift sanctions is a rejection", "[relations][refusal]") {
    auto meet = extract_text("Latvia refused to meet Estonia's foreign minister.");
    const Relation* m = event(meet, "Latvia", "Estonia", "12");
    REQUIRE(m);
    CHECK(m->cameo == "125");
    CHECK(m->rule.find("+refusal") != std::string::npos);
    CHECK_FALSE(event(meet, "Latvia", "Estonia", "04")); // no meeting
    CHECK_FALSE(m->flags & kNegated);                     // the refusal itself is a fact
    auto extradite = extract_text("Latvia declined to extradite the two suspects to Estonia.");
    const Relation* x = event(extradite, "Latvia", "Estonia", "12");
    REQUIRE(x);
    CHECK(x->cameo == "1213");
    auto lift = extract_text("Latvia refused to lift its sanctions on Estonia.");
    const Relation* l = event(lift, "Latvia", "Estonia", "12");
    REQUIRE(l);
    CHECK(l->cameo == "1244");
}

TEST_CASE("refusing to condemn is no rejection, not refusing is no refusal", "[relations][refusal]") {
    // No line for 11 in refusal-codes.tsv: refusing to condemn X is not acting against X.
    auto condemn = extract_text("Latvia refused to condemn Estonia.");
    CHECK_FALSE(event(condemn, "Latvia", "Estonia", "12"));
    CHECK_FALSE(event(condemn, "Latvia", "Estonia", "11"));
    auto agreed = extract_text("Latvia did not refuse to meet Estonia's foreign minister.");
    CHECK_FALSE(event(agreed, "Latvia", "Estonia", "125"));
    // "failed to" negates without being a rejection.
    auto failed = extract_text("Latvia failed to meet Estonia's foreign minister.");
    CHECK_FALSE(event(failed, "Latvia", "Estonia", "125"));
    CHECK_FALSE(event(failed, "Latvia", "Estonia", "04"));
}

TEST_CASE("bad refusal codes are an ontology_error naming file and line", "[relations][refusal]") {
    test::TempDir dir;
    for (const auto& entry : fs::directory_iterator(NEWSKG_DEFAULT_ONTOLOGY_DIR))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), dir.path() / entry.path().filename());
    const Ontology o = Ontology::load(dir.path().string());
    auto error_of = [&](const std::string& text) -> std::string {
        std::ofstream(dir.path() / "refusal-codes.tsv", std::ios::trunc) << text;
        try {
            RelationLexicon::load(o);
        } catch (const ontology_error& e) {
            return e.what();
        }
        return "";
    };
    CHECK(error_of("04\t125\n").empty());
    const std::string not_refusal = error_of("# codes\n04\t036\n");
    CHECK(not_refusal.find("refusal-codes.tsv:2") != std::string::npos);
    CHECK(not_refusal.find("newskg.ontology.313") != std::string::npos);
    fs::remove(dir.path() / "refusal-codes.tsv");
    try {
        RelationLexicon::load(o);
        FAIL("a missing refusal code list must fail");
    } catch (const ontology_error& e) {
        CHECK(e.id() == "newskg.ontology.312");
    }
}

TEST_CASE("an apology has a property of its own (CAMEO 055)", "[relations][diplomacy]") {
    auto x = extract_text("Estonia apologised to Latvia for the incident.");
    const Relation* r = event(x, "Estonia", "Latvia", "05");
    REQUIRE(r);
    CHECK(r->cameo == "055");
    CHECK(r->predicate == "apologizedTo");
}

// ontology/cessation-codes.tsv: stopping an act is the reduction of it (16…, 087).
TEST_CASE("stopping aid, trade or attacks is an event of its own", "[relations][cessation]") {
    auto arms = extract_text("Latvia will stop sending weapons to Estonia.");
    const Relation* a = event(arms, "Latvia", "Estonia", "16");
    REQUIRE(a);
    CHECK(a->cameo == "1622");
    CHECK(a->rule.find("+cessation") != std::string::npos);
    CHECK_FALSE(a->flags & kNegated);
    CHECK_FALSE(event(arms, "Latvia", "Estonia", "07")); // no sending
    auto trade = extract_text("Latvia suspended trading with Estonia.");
    const Relation* t = event(trade, "Latvia", "Estonia", "16");
    REQUIRE(t);
    CHECK(t->cameo == "163");
    auto shelling = extract_text("The Latvian army stopped shelling Estonian positions after the talks.");
    const Relation* s = event(shelling, "Latvian army", "Estonia", "08");
    REQUIRE(s);
    CHECK(s->cameo == "087");
    // What a report says stopped did.
    auto said = extract_text("Latvia said it would stop sending weapons to Estonia.");
    CHECK(event(said, "Latvia", "Estonia", "1622"));
}

TEST_CASE("a stop that did not happen, or of what has no code, is no event", "[relations][cessation]") {
    for (const char* text : {"Latvia refused to stop sending weapons to Estonia.",
                             "Latvia vowed to stop sending weapons to Estonia.",
                             "Latvia did not stop sending weapons to Estonia.",
                             "Latvia stopped criticizing Estonia."}) {
        auto x = extract_text(text);
        INFO(text);
        CHECK_FALSE(event(x, "Latvia", "Estonia", "16"));
        CHECK_FALSE(event(x, "Latvia", "Estonia", "11"));
    }
    auto urged = extract_text("Lithuania urged Latvia to stop sending weapons to Estonia.");
    CHECK_FALSE(event(urged, "Latvia", "Estonia", "16"));
}

TEST_CASE("ending or abandoning an act stops it like 'stop' does", "[relations][cessation]") {
    // A truce to end the fighting is no fight between its parties.
    for (const char* text : {"Latvia and Estonia agreed to end fighting along the border.",
                             "Latvia and Estonia signed a pact to end fighting that has killed hundreds."}) {
        auto x = extract_text(text);
        INFO(text);
        CHECK_FALSE(event(x, "Latvia", "Estonia", "19"));
        CHECK_FALSE(event(x, "Estonia", "Latvia", "19"));
    }
    auto ended = extract_text("Latvia ended supplying gas to Estonia in March.");
    CHECK(event(ended, "Latvia", "Estonia", "162"));
    CHECK_FALSE(event(ended, "Latvia", "Estonia", "07"));
}

TEST_CASE("bad cessation codes are an ontology_error, the list is optional", "[relations][cessation]") {
    test::TempDir dir;
    for (const auto& entry : fs::directory_iterator(NEWSKG_DEFAULT_ONTOLOGY_DIR))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), dir.path() / entry.path().filename());
    const Ontology o = Ontology::load(dir.path().string());
    std::ofstream(dir.path() / "cessation-codes.tsv", std::ios::trunc) << "# codes\n07\t162\n072\t125\n";
    try {
        RelationLexicon::load(o);
        FAIL("a cessation code outside 16 and 08 must fail");
    } catch (const ontology_error& e) {
        CHECK(std::string(e.what()).find("cessation-codes.tsv:3") != std::string::npos);
        CHECK(e.id() == "newskg.ontology.315");
    }
    fs::remove(dir.path() / "cessation-codes.tsv");
    const RelationLexicon without = RelationLexicon::load(o);
    CHECK(without.cessation_code("072").empty());
    const RelationLexicon shipped = RelationLexicon::load(Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR));
    CHECK(shipped.cessation_code("0721") == "1622");
}

TEST_CASE("ending an act a noun names is its cessation, ending what has none is no event", "[relations][cessation]") {
    auto aid = extract_text("Latvia suspended its aid to Estonia.");
    CHECK(event(aid, "Latvia", "Estonia", "162"));
    CHECK_FALSE(event(aid, "Latvia", "Estonia", "07")); // no aid given
    auto deal = extract_text("Latvia abandoned the agreement with Estonia.");
    const Relation* d = event(deal, "Latvia", "Estonia", "16");
    REQUIRE(d);
    CHECK(d->rule.find("+cessation") != std::string::npos);
    CHECK_FALSE(event(deal, "Latvia", "Estonia", "057"));
    // "froze": a past the treebanks lack, lemmatised by ontology/irregular-verbs.tsv.
    auto froze = extract_text("Latvia froze its cooperation with Estonia.");
    CHECK(event(froze, "Latvia", "Estonia", "16"));
    CHECK_FALSE(event(froze, "Latvia", "Estonia", "06"));
    auto criticism = extract_text("Latvia ended its criticism of Estonia.");
    CHECK_FALSE(event(criticism, "Latvia", "Estonia", "11"));
}

TEST_CASE("withdrawing an ambassador is breaking off relations, stopped talks are no talks", "[relations][cessation]") {
    // A possessive may stand between the verb and the noun of a multi-word lemma.
    auto x = extract_text("Latvia withdrew its ambassador from Estonia in protest.");
    CHECK(event(x, "Latvia", "Estonia", "161"));
    CHECK_FALSE(event(x, "Latvia", "Estonia", "087"));
    auto y = extract_text("Latvia suspended its talks with Estonia.");
    CHECK(event(y, "Latvia", "Estonia", "164"));
    CHECK_FALSE(event(y, "Latvia", "Estonia", "046"));
    // Control: troops withdrawn are a withdrawal.
    auto z = extract_text("Latvia withdrew from Estonia.");
    CHECK(event(z, "Latvia", "Estonia", "087"));
}

TEST_CASE("an order to leave expels, an order to stay does not", "[relations][ordering]") {
    for (const auto& [text, target] : std::vector<std::pair<const char*, const char*>>{
             {"Latvia ordered the Estonian ambassador to leave within 48 hours.", "Estonia"},
             {"Latvia ordered Estonian troops to leave the country.", "Estonian troops"},
             {"Latvia told the Estonian envoy to leave.", "Estonia"}}) {
        auto x = extract_text(text);
        INFO(text);
        const Relation* r = event(x, "Latvia", target, "16");
        REQUIRE(r);
        CHECK(r->cameo == "166");
        CHECK(r->rule == "syntax:order-to-leave");
    }
    auto stay = extract_text("Latvia ordered Estonian troops to stay in their bases.");
    CHECK_FALSE(event(stay, "Latvia", "Estonian troops", "16"));
    auto not_ordered = extract_text("Latvia did not order the Estonian ambassador to leave.");
    CHECK_FALSE(event(not_ordered, "Latvia", "Estonia", "16"));
}

TEST_CASE("a standing relation that is only wanted or tried does not hold", "[relations][standing]") {
    auto wants = extract_text("Latvia wants to join the Nordic Council.");
    CHECK_FALSE(relation(wants, "Latvia", "memberOf", "Nordic Council"));
    auto bid = extract_text("Estonia blocked Latvia's bid to join the Nordic Council.");
    CHECK_FALSE(relation(bid, "Latvia", "memberOf", "Nordic Council"));
    auto joined = extract_text("Latvia joined the Nordic Council in 2004.");
    CHECK(relation(joined, "Latvia", "memberOf", "Nordic Council"));
}
