// Actor dictionaries (`--actors FILE`): the PETRARCH/TABARI and TSV readers, their errors,
// and what the actor stage makes of them. Every name here is invented
// (tests/fixtures/actors/).
#include <catch2/catch.hpp>

#include "newskg/actors/dictionary.hpp"
#include "newskg/core/error.hpp"
#include "process.hpp"
#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::relation;

namespace {

std::string fixture(const std::string& name) { return std::string(NEWSKG_TEST_FIXTURES) + "/actors/" + name; }

/// The project's resources plus the test dictionaries, loaded once.
const Resources& with_dictionaries() {
    static const auto r = Resources::load(NEWSKG_DEFAULT_ONTOLOGY_DIR, false,
                                          {fixture("velmora.actors.txt"), fixture("velmora.agents.txt"),
                                           fixture("quorvia.tsv")});
    return *r;
}

Extraction extract_with(const Resources& resources, const std::string& text, const std::string& published) {
    ReadOptions ro;
    ro.published = DateValue::parse_iso(published);
    PipelineOptions po;
    po.use_parser = false;
    return extract(read_text_article(text, "test.txt", ro), resources, po);
}

const DictionaryActor* actor_labelled(const ActorDictionary& d, const std::string& label) {
    for (const auto& a : d.actors())
        if (a.label == label) return &a;
    return nullptr;
}

bool has_agent(const ActorDictionary& d, const std::string& phrase, const std::string& code) {
    for (const auto& a : d.agents())
        if (a.phrase == phrase && a.code == code) return true;
    return false;
}

std::string load_error(const std::string& file) {
    try {
        ActorDictionary d;
        d.load_file(fixture(file));
    } catch (const ontology_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("PETRARCH actor records: names, synonyms, codes, dates and comments", "[dictionary]") {
    ActorDictionary d;
    d.load_file(fixture("velmora.actors.txt"));
    const DictionaryActor* v = actor_labelled(d, "VELMORA");
    REQUIRE(v);
    CHECK(v->default_code == "VLM");
    REQUIRE(v->names.size() == 3);
    CHECK(dictionary_phrase(v->names[2]) == "REPUBLIC OF VELMORA");
    CHECK_FALSE(v->is_person());
    const DictionaryActor* b = actor_labelled(d, "BROTHERHOOD OF THE SALT MARSH");
    REQUIRE(b); // the " ;" remark is a comment
    CHECK(b->default_code == "VLMREB");
    CHECK(b->names.size() == 2);

    const DictionaryActor* p = actor_labelled(d, "OSKAR BRANDVIK");
    REQUIRE(p);
    CHECK(p->is_person());
    REQUIRE(p->dated.size() == 2);
    CHECK(p->default_code == "VLMELI");
    CHECK(p->code_at(DateValue::parse_iso("2021-06-01")) == "VLMGOV");
    CHECK(p->code_at(DateValue::parse_iso("2019-01-01")) == "VLMGOV"); // limits included
    CHECK(p->code_at(DateValue::parse_iso("2025-02-01")) == "VLMELI");
    CHECK(p->code_at(DateValue::parse_iso("2005-02-01")) == "VLMELI");
    CHECK(p->code_at(std::nullopt) == "VLMELI"); // no date: only the default applies
    // Comment blocks and "#" lines define nothing.
    CHECK(d.actors().size() == 9);
}

TEST_CASE("PETRARCH dates: YYMMDD and YYYYMMDD, open ranges", "[dictionary]") {
    CHECK(parse_dictionary_date("911226")->iso() == "1991-12-26");
    CHECK(parse_dictionary_date("080630")->iso() == "2008-06-30");
    CHECK(parse_dictionary_date("20130119")->iso() == "2013-01-19");
    CHECK_FALSE(parse_dictionary_date("2019013"));
    CHECK_FALSE(parse_dictionary_date("20191301"));
    ActorDictionary d;
    d.add_petrarch("A_B [XYZ]\n\t[XYZGOV <950601]\n\t[XYZREB >990816]\n", "inline");
    const auto& a = d.actors().front();
    CHECK(a.code_at(DateValue::parse_iso("1990-01-01")) == "XYZGOV");
    CHECK(a.code_at(DateValue::parse_iso("2001-01-01")) == "XYZREB");
    CHECK(a.code_at(DateValue::parse_iso("1997-01-01")) == "XYZ");
}

TEST_CASE("PETRARCH agents: ~ codes, plurals, {} and substitution sets", "[dictionary]") {
    ActorDictionary d;
    d.load_file(fixture("velmora.agents.txt"));
    CHECK(d.actors().empty());
    CHECK(has_agent(d, "SOLDIER", "MIL"));
    CHECK(has_agent(d, "SOLDIERS", "MIL"));          // regular plural
    CHECK(has_agent(d, "HARBOUR POLICE", "COP"));
    CHECK_FALSE(has_agent(d, "HARBOUR POLICES", "COP")); // {}: no plural
    CHECK(has_agent(d, "SALT TRADERS", "BUS"));       // the plural given
    CHECK(has_agent(d, "COASTMEN", "MIL"));            // !PERSON! expanded
    CHECK(has_agent(d, "COASTWOMAN", "MIL"));
    CHECK(has_agent(d, "FOREIGN MINISTERS", "GOVFRM"));
    bool before = false;
    for (const auto& a : d.agents())
        if (a.phrase == "AID AGENCY") before = a.before && a.code == "NGO";
    CHECK(before); // "NGO~": the code goes before the country's
}

TEST_CASE("newskg TSV dictionaries: types, roles over time, agents, IRIs", "[dictionary]") {
    ActorDictionary d;
    d.load_file(fixture("quorvia.tsv"));
    const DictionaryActor* q = actor_labelled(d, "Quorvia");
    REQUIRE(q);
    CHECK(*q->type == ActorType::Country);
    CHECK(q->names.size() == 2);
    const DictionaryActor* m = actor_labelled(d, "Ilse Marrow");
    REQUIRE(m);
    CHECK(m->is_person());
    CHECK(m->role == "leader:GOV");
    CHECK(m->code_at(DateValue::parse_iso("2022-01-01")) == "QRVGOV");
    CHECK(m->code_at(DateValue::parse_iso("2025-01-01")) == "QRVELI"); // the "+" row
    const DictionaryActor* a = actor_labelled(d, "Amber Tide Movement");
    REQUIRE(a);
    CHECK(a->iri == "https://example.org/amber-tide");
    CHECK(has_agent(d, "lancers", "MIL"));
}

TEST_CASE("a bad dictionary names its file and line", "[dictionary]") {
    const std::string date = load_error("bad-date.actors.txt");
    CHECK_THAT(date, Catch::Contains("bad-date.actors.txt:2:"));
    CHECK_THAT(date, Catch::Contains("2019013"));
    CHECK_THAT(load_error("bad-type.tsv"), Catch::Contains("bad-type.tsv:2: unknown type 'Wizard'"));
    CHECK_THAT(load_error("bad-bracket.actors.txt"), Catch::Contains("bad-bracket.actors.txt:1: '[' without ']'"));
    ActorDictionary d;
    CHECK_THROWS_WITH(d.add_tsv("Quorvia\tCountry\tQRV\t\t\t\n", "x.tsv"), Catch::Contains("x.tsv:1: the first line"));
    CHECK_THROWS_WITH(d.add_petrarch("+ORPHAN\n", "y.txt"), Catch::Contains("y.txt:1: a synonym"));
}

TEST_CASE("extract --actors: a bad file exits 2 with its name and line", "[dictionary]") {
    test::TempDir tmp;
    test::write_file(tmp / "a.txt", "Velmora protested.\n");
    auto r = test::run_newskg("extract --no-parser --format json --output " + test::sh_quote(tmp / "o.json") +
                              " --actors " + test::sh_quote(fixture("bad-date.actors.txt")) + " " +
                              test::sh_quote(tmp / "a.txt"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("bad-date.actors.txt:2:"));
}

TEST_CASE("invented names are actors only with their dictionary", "[dictionary]") {
    const std::string text = "Velmora accused Tarsenia of blocking the strait on Monday.\n";
    auto without = test::extract_text(text);
    const Entity* v0 = entity_named(without, "Velmora");
    CHECK((!v0 || v0->type != ActorType::Country));

    auto x = extract_with(with_dictionaries(), text, "2024-03-10");
    const Entity* v = entity_named(x, "Velmora");
    const Entity* t = entity_named(x, "Tarsenia");
    REQUIRE(v);
    REQUIRE(t);
    CHECK(v->type == ActorType::Country);
    CHECK(t->type == ActorType::Country);
    CHECK(v->id != t->id);
}

TEST_CASE("dictionary synonyms resolve to one actor, codes give the type", "[dictionary]") {
    auto x = extract_with(with_dictionaries(),
                          "The Republic of Velmora sent envoys. Velmora later denied it.\n"
                          "The Salt Marsh Brotherhood attacked the Grey Harbour League office.\n"
                          "The Velmoran Coastal Command closed the port.\n",
                          "2024-03-10");
    const Entity* v = entity_named(x, "Velmora");
    REQUIRE(v);
    CHECK(entity_named(x, "Republic of Velmora") == v);
    const Entity* b = entity_named(x, "Salt Marsh Brotherhood");
    REQUIRE(b);
    CHECK(b->type == ActorType::ArmedGroup);
    const Entity* l = entity_named(x, "Grey Harbour League");
    REQUIRE(l);
    CHECK(l->type == ActorType::Organization);
    const Entity* c = entity_named(x, "Velmoran Coastal Command");
    REQUIRE(c);
    CHECK(c->type == ActorType::Military);
}

TEST_CASE("dictionary names match with or without their apostrophes", "[dictionary]") {
    // The dictionary writes FISHERS_LIBERATION_FRONT for the text's "Fishers' Liberation
    // Front", and HARBOUR'S_WATCH, which the text may write "Harbours Watch" or with a
    // typographic apostrophe.
    auto x = extract_with(with_dictionaries(),
                          "Velmora signed a truce with the Fishers' Liberation Front on Monday.\n"
                          "The Harbour\u2019s Watch attacked a depot in Tarsenia.\n"
                          "Tarsenia accused the Harbours Watch of the raid.\n",
                          "2024-03-10");
    const Entity* front = entity_named(x, "Fishers' Liberation Front");
    REQUIRE(front);
    CHECK(front->type == ActorType::ArmedGroup);
    const Entity* watch = entity_named(x, "Harbour\u2019s Watch");
    REQUIRE(watch);
    CHECK(watch->type == ActorType::ArmedGroup);
    CHECK(entity_named(x, "Harbours Watch") == watch);
    CHECK(!entity_named(x, "Harbour"));
}

TEST_CASE("agents next to a country make its state bodies", "[dictionary]") {
    auto x = extract_with(with_dictionaries(),
                          "Velmoran soldiers crossed the river. The Velmoran army later withdrew.\n"
                          "Tarsenia harbour police arrested two men. The foreign minister of Tarsenia protested.\n"
                          "Quorvian lancers watched.\n",
                          "2024-03-10");
    const Entity* soldiers = entity_named(x, "Velmoran soldiers");
    REQUIRE(soldiers);
    CHECK(soldiers->type == ActorType::Military);
    CHECK(entity_named(x, "Velmoran army") == soldiers); // one node for the military
    // "VELMORAN_" is a synonym of the country: the country's mention here.
    CHECK(relation(x, "Velmoran soldiers", "partOf", "Velmoran"));
    const Entity* police = entity_named(x, "Tarsenia harbour police");
    REQUIRE(police);
    CHECK(police->type == ActorType::Military);
    CHECK(police != soldiers);
    const Entity* minister = entity_named(x, "The foreign minister of Tarsenia");
    REQUIRE(minister);
    CHECK(minister->type == ActorType::Government);
}

TEST_CASE("an agent noun alone is the body already called so, not counted people", "[dictionary]") {
    auto x = extract_with(with_dictionaries(),
                          "Tarsenia harbour police arrested two men. Later, harbour police released them.\n"
                          "A storm killed four coastmen.\n",
                          "2024-03-10");
    const Entity* police = entity_named(x, "Tarsenia harbour police");
    REQUIRE(police);
    CHECK(entity_named(x, "harbour police") == police);
    CHECK_FALSE(entity_named(x, "coastmen"));
}

TEST_CASE("a person's role holds on the article's date only", "[dictionary]") {
    const std::string text = "Oskar Brandvik of Velmora met Ilse Marrow in Quorvia.\n";
    SECTION("in office") {
        auto x = extract_with(with_dictionaries(), text, "2021-06-01");
        const Entity* p = entity_named(x, "Oskar Brandvik");
        REQUIRE(p);
        CHECK(p->type == ActorType::Person);
        bool member = false;
        for (const auto& r : x.relations) {
            const Entity* o = x.find(r.object);
            if (r.subject == p->id && r.predicate == "memberOf" && o && o->type == ActorType::Government)
                member = true;
        }
        CHECK(member);
        const Entity* m = entity_named(x, "Ilse Marrow");
        REQUIRE(m);
        bool leader = false;
        for (const auto& r : x.relations)
            if (r.subject == m->id && r.predicate == "leaderOf") leader = true;
        CHECK(leader); // the TSV's "leader:GOV"
    }
    SECTION("out of office") {
        auto x = extract_with(with_dictionaries(), text, "2025-02-01");
        const Entity* p = entity_named(x, "Oskar Brandvik");
        REQUIRE(p);
        for (const auto& r : x.relations) {
            CHECK_FALSE((r.subject == p->id && r.predicate == "memberOf"));
            CHECK_FALSE((r.predicate == "leaderOf"));
        }
        CHECK(relation(x, "Oskar Brandvik", "affiliatedWith", "Velmora")); // ELI: a former official
    }
}

TEST_CASE("the bundled Phoenix dictionary knows organisations and armed groups", "[dictionary]") {
    // Names from the converted Phoenix files that the hand-made gazetteer lacks.
    auto x = test::extract_text("The Kuki Liberation Army clashed with police. The Inter American Press Association protested.\n");
    const Entity* k = entity_named(x, "Kuki Liberation Army");
    REQUIRE(k);
    CHECK(k->type == ActorType::ArmedGroup);
    const Entity* i = entity_named(x, "Inter American Press Association");
    REQUIRE(i);
    CHECK(i->type == ActorType::Organization);
}
