// The ontology as loaded from the source tree, and the loader's checks on broken data.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
namespace fs = std::filesystem;

namespace {

const Ontology& onto() {
    static const Ontology o = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    return o;
}

const std::string kCountry = "https://newskg.org/actor/country/";
const std::string kOrg = "https://newskg.org/actor/org/";

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

/// A copy of the real ontology directory to break things in.
struct OntologyCopy {
    test::TempDir dir;
    OntologyCopy() {
        for (const auto& entry : fs::directory_iterator(NEWSKG_DEFAULT_ONTOLOGY_DIR))
            if (entry.is_regular_file()) fs::copy_file(entry.path(), dir.path() / entry.path().filename());
    }
    std::string path() const { return dir.path().string(); }
    void write(const std::string& name, const std::string& text) const { test::write_file(dir / name, text); }
    void append(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::app) << text;
    }
};

/// The message of the ontology_error that loading `dir` throws ("" when none).
std::string load_error(const std::string& dir) {
    try {
        Ontology::load(dir);
    } catch (const ontology_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("the ontology loads from the source tree", "[ontology]") {
    const Ontology& o = onto();
    CHECK(o.dir() == NEWSKG_DEFAULT_ONTOLOGY_DIR);
    CHECK(o.relation_types().size() >= 67); // 7 standing relations and 60 or more events
    CHECK(o.gazetteer().size() > 400);
    CHECK(o.verbs().size() >= 300);
}

TEST_CASE("the seven standing relations are there and are not events", "[ontology]") {
    for (const char* name : {"partOf", "memberOf", "affiliatedWith", "leaderOf", "spokespersonOf",
                             "locatedIn", "presentIn"}) {
        INFO(name);
        const RelationType* r = onto().relation(name);
        REQUIRE(r);
        CHECK_FALSE(r->event);
        CHECK(r->cameo.empty());
        CHECK(r->quad_class == 0);
        CHECK(r->iri == std::string(kOntologyNs) + name);
        CHECK_FALSE(r->label.empty());
        CHECK_FALSE(r->comment.empty());
    }
}

TEST_CASE("event properties carry their CAMEO code, QuadClass and Goldstein score", "[ontology]") {
    const RelationType* accused = onto().relation("accused");
    REQUIRE(accused);
    CHECK(accused->event);
    CHECK(accused->cameo == "112");
    CHECK(accused->quad_class == 3);
    CHECK(accused->goldstein == Approx(-2.0));
    CHECK(accused->plover == "ACCUSE");

    const RelationType* withdrawal = onto().relation("demandedWithdrawal");
    REQUIRE(withdrawal);
    CHECK(withdrawal->cameo == "1056"); // the manual's numbering, not GDELT's 106
    CHECK(withdrawal->quad_class == 3);

    const RelationType* attacked = onto().relation("attacked");
    REQUIRE(attacked);
    CHECK(attacked->cameo == "190");
    CHECK(attacked->quad_class == 4);
    CHECK(attacked->goldstein == Approx(-10.0));

    CHECK(onto().relation("met")->symmetric);
    CHECK_FALSE(onto().relation("accused")->symmetric);
    CHECK(onto().relation("noSuchProperty") == nullptr);
}

TEST_CASE("every event property's code exists and matches the concept scheme", "[ontology]") {
    std::set<std::string> roots;
    for (const auto& r : onto().relation_types()) {
        if (!r.event) continue;
        INFO(r.name);
        const CameoCode* c = onto().cameo(r.cameo);
        REQUIRE(c);
        CHECK(r.quad_class == onto().quad_class(r.cameo));
        CHECK(r.goldstein == Approx(onto().goldstein(r.cameo)));
        roots.insert(r.cameo.substr(0, 2));
    }
    CHECK(roots.size() == 20); // every CAMEO root has at least one property
}

TEST_CASE("the CAMEO scheme has every code with its figures", "[ontology]") {
    const Ontology& o = onto();
    const CameoCode* c = o.cameo("1056");
    REQUIRE(c);
    CHECK(c->name == "Demand de-escalation of military engagement");
    CHECK(c->quad_class == 3);
    REQUIRE(c->goldstein);
    CHECK(*c->goldstein == Approx(-5.0));
    CHECK(c->plover == "REQUEST");
    for (int root = 1; root <= 20; ++root) {
        std::string code = (root < 10 ? "0" : "") + std::to_string(root);
        CHECK(o.cameo(code));
    }
    // QuadClass from the root; Goldstein from the nearest ancestor when a code has none.
    CHECK(o.quad_class("0871") == 2);
    CHECK(o.quad_class("14") == 3);
    CHECK(o.quad_class("195") == 4);
    CHECK(o.quad_class("99") == 0);
    REQUIRE(o.cameo("1213"));
    CHECK_FALSE(o.cameo("1213")->goldstein);
    CHECK(o.goldstein("1213") == Approx(-4.0));
    CHECK(o.cameo("999") == nullptr);
}

TEST_CASE("relation_for_cameo takes the longest prefix and the preferred of a shared code", "[ontology]") {
    const Ontology& o = onto();
    REQUIRE(o.relation_for_cameo("112"));
    CHECK(o.relation_for_cameo("112")->name == "accused");
    CHECK(o.relation_for_cameo("1124")->name == "accusedOfWarCrimes");
    CHECK(o.relation_for_cameo("1125")->name == "accused"); // no property of its own
    CHECK(o.relation_for_cameo("1056")->name == "demandedWithdrawal");
    CHECK(o.relation_for_cameo("040")->name == "consulted");
    CHECK(o.relation_for_cameo("051")->name == "praised");
    CHECK(o.relation_for_cameo("190")->name == "attacked");
    CHECK(o.relation_for_cameo("113") == nullptr);
}

TEST_CASE("every verb lexicon entry names a property of the ontology", "[ontology]") {
    std::set<std::string> roots;
    for (const auto& v : onto().verbs()) {
        INFO(v.lemma << " / " << v.frame << " / " << v.predicate);
        const RelationType* r = onto().relation(v.predicate);
        REQUIRE(r);
        if (r->event) {
            REQUIRE(onto().cameo(v.cameo));
            CHECK(v.cameo.substr(0, 2) == r->cameo.substr(0, 2));
            roots.insert(v.cameo.substr(0, 2));
        } else {
            CHECK(v.cameo.empty());
        }
    }
    CHECK(roots.size() == 20);
    auto has = [](const std::string& lemma, const std::string& frame, const std::string& predicate) {
        for (const auto& v : onto().verbs())
            if (v.lemma == lemma && v.frame == frame && v.predicate == predicate) return true;
        return false;
    };
    CHECK(has("accuse", "accuse_of", "accused"));
    CHECK(has("fall out", "prep:with", "reducedRelations"));
    CHECK(has("cut ties", "prep:with", "brokeOffRelations"));
    CHECK(has("demand", "demand_withdraw", "demandedWithdrawal"));
    CHECK(has("call", "call_on", "appealedTo"));
    CHECK(has("turn", "prep:to", "appealedForAid"));
}

TEST_CASE("the gazetteer knows Mali, its adjective and capital", "[ontology][gazetteer]") {
    const GazetteerEntry* mali = onto().actor(kCountry + "ML");
    REQUIRE(mali);
    CHECK(mali->type == ActorType::Country);
    CHECK(mali->label == "Mali");
    CHECK(mali->country_code == "ML");
    CHECK(contains(mali->adjectives, "Malian"));
    CHECK(mali->capital == "Bamako");
    CHECK(contains(mali->names, "Mali"));
    CHECK(contains(mali->names, "Republic of Mali"));
}

TEST_CASE("Niger and Nigeria are distinct countries", "[ontology][gazetteer]") {
    const GazetteerEntry* niger = onto().actor(kCountry + "NE");
    const GazetteerEntry* nigeria = onto().actor(kCountry + "NG");
    REQUIRE(niger);
    REQUIRE(nigeria);
    CHECK(niger->label == "Niger");
    CHECK(nigeria->label == "Nigeria");
    CHECK(contains(niger->adjectives, "Nigerien"));
    CHECK(contains(nigeria->adjectives, "Nigerian"));
    CHECK_FALSE(contains(niger->adjectives, "Nigerian"));
    CHECK_FALSE(contains(nigeria->names, "Niger"));
    CHECK(niger->capital == "Niamey");
    CHECK(nigeria->capital == "Abuja");
}

TEST_CASE("country names news copy uses are preferred, official ones kept", "[ontology][gazetteer]") {
    const GazetteerEntry* ru = onto().actor(kCountry + "RU");
    REQUIRE(ru);
    CHECK(ru->label == "Russia");
    CHECK(contains(ru->names, "Russian Federation"));
    const GazetteerEntry* us = onto().actor(kCountry + "US");
    REQUIRE(us);
    CHECK(contains(us->acronyms, "US"));
    CHECK(contains(us->acronyms, "U.S."));
    CHECK(contains(us->names, "America"));
    CHECK(contains(us->adjectives, "American"));
    const GazetteerEntry* cd = onto().actor(kCountry + "CD");
    REQUIRE(cd);
    CHECK(contains(cd->names, "Democratic Republic of the Congo"));
    CHECK(contains(cd->acronyms, "DRC"));
    // iso-codes' inverted form is no use for matching text and is left out.
    CHECK_FALSE(contains(cd->names, "Congo, The Democratic Republic of the"));
    const GazetteerEntry* bf = onto().actor(kCountry + "BF");
    REQUIRE(bf);
    CHECK(contains(bf->adjectives, "Burkinabe"));
    CHECK(contains(bf->adjectives, "Burkinabè"));

    std::size_t countries = 0;
    for (const auto& e : onto().gazetteer())
        if (e.type == ActorType::Country) ++countries;
    CHECK(countries >= 250); // every ISO 3166-1 entry, and Kosovo
}

TEST_CASE("organisations are linked to what they belong to", "[ontology][gazetteer]") {
    const GazetteerEntry* minusma = onto().actor(kOrg + "minusma");
    REQUIRE(minusma);
    CHECK(minusma->type == ActorType::Organization);
    CHECK(minusma->parent_iri == kOrg + "un");
    CHECK(minusma->parent_relation == "partOf");
    CHECK(contains(minusma->acronyms, "MINUSMA"));

    const GazetteerEntry* wagner = onto().actor(kOrg + "wagner-group");
    REQUIRE(wagner);
    CHECK(wagner->type == ActorType::ArmedGroup);
    CHECK(contains(wagner->names, "Wagner"));
    CHECK(wagner->parent_relation == "affiliatedWith");
    CHECK(wagner->parent_iri == kCountry + "RU");
    CHECK(wagner->country_code == "RU");

    const GazetteerEntry* idf = onto().actor(kOrg + "idf");
    REQUIRE(idf);
    CHECK(idf->type == ActorType::Military);
    CHECK(idf->country_code == "IL");
    // Two levels up: the Quds Force is part of the IRGC, part of Iran.
    REQUIRE(onto().actor(kOrg + "quds-force"));
    CHECK(onto().actor(kOrg + "quds-force")->country_code == "IR");
    // Located in Lebanon and Iran-backed: Lebanese.
    REQUIRE(onto().actor(kOrg + "hezbollah"));
    CHECK(onto().actor(kOrg + "hezbollah")->country_code == "LB");

    REQUIRE(onto().actor(kOrg + "afp"));
    CHECK(onto().actor(kOrg + "afp")->type == ActorType::Organization);
    CHECK(onto().actor(kOrg + "fsb")->type == ActorType::Government);
}

TEST_CASE("every gazetteer entry has a label and its parent exists", "[ontology][gazetteer]") {
    std::set<std::string> iris;
    for (const auto& e : onto().gazetteer()) {
        INFO(e.iri);
        CHECK_FALSE(e.label.empty());
        CHECK(e.iri.rfind(std::string(kActorNs), 0) == 0);
        CHECK(iris.insert(e.iri).second);
        if (!e.parent_iri.empty()) CHECK(onto().actor(e.parent_iri));
    }
}

TEST_CASE("default_dir prefers $NEWSKG_ONTOLOGY", "[ontology]") {
    const char* old = std::getenv("NEWSKG_ONTOLOGY");
    std::string saved = old ? old : "";
    ::setenv("NEWSKG_ONTOLOGY", "/some/where", 1);
    CHECK(Ontology::default_dir() == "/some/where");
    ::unsetenv("NEWSKG_ONTOLOGY");
    // Without the variable, the test binary has no share/ or ontology/ beside it, so
    // the source tree's directory is the answer.
    CHECK_FALSE(Ontology::default_dir().empty());
    if (old) ::setenv("NEWSKG_ONTOLOGY", saved.c_str(), 1);
}

TEST_CASE("a broken Turtle file is an ontology_error naming the file and line", "[ontology][errors]") {
    OntologyCopy copy;
    copy.write("broken.ttl", "@prefix nkg: <https://newskg.org/ontology#> .\n"
                             "nkg:a nkg:b nkg:c .\n"
                             "nkg:a nkg:b \"unterminated .\n");
    std::string msg = load_error(copy.path());
    INFO(msg);
    CHECK(msg.find("[newskg.ontology.") == 0);
    CHECK(msg.find("broken.ttl:3") != std::string::npos);
}

TEST_CASE("inconsistent ontology data is rejected with the file and the problem", "[ontology][errors]") {
    SECTION("a missing directory") {
        std::string msg = load_error("/no/such/ontology/dir");
        CHECK(msg.find("/no/such/ontology/dir") != std::string::npos);
    }
    SECTION("a lexicon line naming no property") {
        OntologyCopy copy;
        copy.append("verbs.tsv", "frobnicate\tdobj\tfrobnicated\t112\n");
        std::string msg = load_error(copy.path());
        INFO(msg);
        CHECK(msg.find("verbs.tsv:") != std::string::npos);
        CHECK(msg.find("nkg:frobnicated") != std::string::npos);
    }
    SECTION("a lexicon code in another root than its property") {
        OntologyCopy copy;
        copy.append("verbs.tsv", "frobnicate\tdobj\taccused\t190\n");
        CHECK(load_error(copy.path()).find("not in the root") != std::string::npos);
    }
    SECTION("an event property whose Goldstein score contradicts its code") {
        OntologyCopy copy;
        copy.write("extra.ttl", "@prefix nkg: <https://newskg.org/ontology#> .\n"
                                "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                                "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                                "nkg:slandered a owl:ObjectProperty , nkg:EventProperty ;\n"
                                "  rdfs:label \"slandered\" ; rdfs:comment \"c\" ;\n"
                                "  nkg:cameoCode \"112\" ; nkg:quadClass 3 ; nkg:goldstein 5.0 .\n");
        std::string msg = load_error(copy.path());
        INFO(msg);
        CHECK(msg.find("extra.ttl") != std::string::npos);
        CHECK(msg.find("nkg:slandered") != std::string::npos);
        CHECK(msg.find("Goldstein") != std::string::npos);
    }
    SECTION("an event property with a code the scheme does not have") {
        OntologyCopy copy;
        copy.write("extra.ttl", "@prefix nkg: <https://newskg.org/ontology#> .\n"
                                "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                                "nkg:zapped a nkg:EventProperty ; rdfs:label \"zapped\" ; rdfs:comment \"c\" ;\n"
                                "  nkg:cameoCode \"999\" ; nkg:quadClass 4 ; nkg:goldstein -1.0 .\n");
        std::string msg = load_error(copy.path());
        CHECK(msg.find("999") != std::string::npos);
    }
    SECTION("a gazetteer entry without a label") {
        OntologyCopy copy;
        copy.write("extra.ttl", "@prefix nkg: <https://newskg.org/ontology#> .\n"
                                "<https://newskg.org/actor/org/nameless> a nkg:Organization .\n");
        std::string msg = load_error(copy.path());
        INFO(msg);
        CHECK(msg.find("extra.ttl") != std::string::npos);
        CHECK(msg.find("nameless") != std::string::npos);
    }
    SECTION("a shared code without a preferred property") {
        OntologyCopy copy;
        copy.write("extra.ttl", "@prefix nkg: <https://newskg.org/ontology#> .\n"
                                "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                                "nkg:blamed a nkg:EventProperty ; rdfs:label \"blamed\" ; rdfs:comment \"c\" ;\n"
                                "  nkg:cameoCode \"112\" ; nkg:quadClass 3 ; nkg:goldstein -2.0 .\n");
        CHECK(load_error(copy.path()).find("preferredForCode") != std::string::npos);
    }
}
