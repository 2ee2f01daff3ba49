// An act its source offers, pledges, plans or seeks to do is coded as the intent to do it
// (ontology/intent-codes.tsv, CAMEO 03…): the promise happened, the act has not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/relations/relations.hpp"
#include "support.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
using newskg::test::event;
using newskg::test::extract_text;
namespace fs = std::filesystem;

TEST_CASE("a promised or planned act is an intent", "[relations][intent]") {
    auto visit = extract_text("Latvia plans to visit Estonia next month.");
    const Relation* v = event(visit, "Latvia", "Estonia", "03");
    REQUIRE(v);
    CHECK(v->cameo == "036");
    CHECK_FALSE(event(visit, "Latvia", "Estonia", "04")); // no visit yet
    CHECK_FALSE(v->flags & kConditional);                // the plan itself is a fact
    auto mediate = extract_text("Estonia offered to mediate between Latvia and Lithuania.");
    const Relation* m = event(mediate, "Estonia", "Latvia", "03");
    REQUIRE(m);
    CHECK(m->cameo == "039");
    CHECK(event(mediate, "Estonia", "Lithuania", "039"));
}

TEST_CASE("a threat stays a threat, a refusal no intent, a deed a deed", "[relations][intent]") {
    auto threat = extract_text("Latvia threatened to impose sanctions on Estonia.");
    CHECK(event(threat, "Latvia", "Estonia", "1312"));
    CHECK_FALSE(event(threat, "Latvia", "Estonia", "03"));
    auto deed = extract_text("Latvia restored diplomatic relations with Estonia.");
    CHECK_FALSE(event(deed, "Latvia", "Estonia", "03"));
    auto refused = extract_text("Latvia did not offer to visit Estonia.");
    CHECK_FALSE(event(refused, "Latvia", "Estonia", "036"));
}

TEST_CASE("bad intent codes are an ontology_error naming file and line", "[relations][intent]") {
    test::TempDir dir;
    for (const auto& entry : fs::directory_iterator(NEWSKG_DEFAULT_ONTOLOGY_DIR))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), dir.path() / entry.path().filename());
    const Ontology o = Ontology::load(dir.path().string());
    auto error_of = [&](const std::string& text) -> std::string {
        std::ofstream(dir.path() / "intent-codes.tsv", std::ios::trunc) << text;
        try {
            RelationLexicon::load(o);
        } catch (const ontology_error& e) {
            return e.what();
        }
        return "";
    };
    CHECK(error_of("04\t036\n").empty());
    const std::string not_intent = error_of("# codes\n04\t130\n");
    CHECK(not_intent.find("intent-codes.tsv:2") != std::string::npos);
    CHECK(not_intent.find("newskg.ontology.311") != std::string::npos);
    CHECK(error_of("04 036\n").find("expected 'CAMEO<TAB>CAMEO'") != std::string::npos);
    CHECK(error_of("04\t036\n04\t030\n").find("listed twice") != std::string::npos);
    fs::remove(dir.path() / "intent-codes.tsv");
    try {
        RelationLexicon::load(o);
        FAIL("a missing intent code list must fail");
    } catch (const ontology_error& e) {
        CHECK(e.id() == "newskg.ontology.310");
    }
}

TEST_CASE("a promise to improve relations is an intent to cooperate, not aid, and a vow of peace no threat", "[relations][intent]") {
    auto pledge = extract_text("Latvia and Estonia pledged to improve relations during a meeting in Riga.");
    CHECK(event(pledge, "Latvia", "Estonia", "03"));
    CHECK_FALSE(event(pledge, "Latvia", "Estonia", "033"));
    CHECK_FALSE(event(pledge, "Estonia", "Latvia", "033"));
    auto vow = extract_text("Latvia and Estonia vowed to restore diplomatic relations.");
    const Relation* r = event(vow, "Latvia", "Estonia", "03");
    REQUIRE(r);
    CHECK(r->rule.find("+intent") != std::string::npos);
    CHECK_FALSE(event(vow, "Latvia", "Estonia", "054"));
    // A vow to strike is still a threat.
    auto strike = extract_text("Latvia vowed to attack Estonia.");
    CHECK(event(strike, "Latvia", "Estonia", "13"));
}
