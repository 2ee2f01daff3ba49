#include <catch2/catch.hpp>

#include <cmath>

#include <cstdlib>
#include <filesystem>

#include "graph/graph_fixtures.hpp"
#include "newskg/core/error.hpp"
#include "newskg/export/json.hpp"
#include "newskg/ontology/ontology.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::testing;
using nlohmann::json;

namespace {

const json* find_entity(const json& j, const std::string& iri) {
    for (const json& e : j.at("entities"))
        if (e.at("id") == iri) return &e;
    return nullptr;
}

const json* find_relation(const json& j, const std::string& predicate) {
    for (const json& r : j.at("relations"))
        if (r.at("predicate") == predicate) return &r;
    return nullptr;
}

/// The parse_error id thrown by from_json on `j`, or "" when it does not throw.
std::string parse_error_id(const json& j) {
    try {
        (void)from_json(j, "test.json");
    } catch (const parse_error& e) {
        CHECK(e.path() == "test.json");
        return e.id();
    }
    return "";
}

} // namespace

TEST_CASE("JSON export has the documented fields", "[export][json]") {
    KnowledgeGraph g = sample_graph();
    RelationEdge reported = event("accused", "112", 3, -2.0,
                                  {evidence("doc1", 6, "Russia said Mali accused it.", 300)});
    reported.flags = kReported | kHedged;
    reported.speaker_iri = kRussia;
    g.upsert_edge(kMali, reported, kMinusma);
    const json j = to_json(g, nullptr);

    REQUIRE(j.at("articles").size() == 1);
    const json& a = j["articles"][0];
    CHECK(a.at("id") == "doc1");
    CHECK(a.at("iri") == "https://newskg.org/id/article/doc1");
    CHECK(a.at("title") == "Mali asks UN mission to leave");
    CHECK(a.at("published") == "2023-06-16");
    CHECK(a.at("outlet") == "DW");
    CHECK(a.at("agencies") == json({"AFP", "Reuters"}));
    CHECK(a.at("url") == "https://example.org/mali");
    CHECK(a.at("source") == "doc1.html");

    REQUIRE(j.at("entities").size() == 5);
    const json* junta = find_entity(j, kJunta);
    REQUIRE(junta);
    CHECK(junta->at("iri") == kJunta);
    CHECK(junta->at("label") == "Mali's junta");
    CHECK(junta->at("type") == "Government");
    CHECK(junta->at("aliases") == json({"junta", "military junta"}));
    CHECK(junta->at("country") == "ML");
    CHECK(junta->at("articles") == json({"doc1"}));
    CHECK(find_entity(j, kMinusma)->at("country").is_null());

    REQUIRE(j.at("relations").size() == 4);
    const json* dw = find_relation(j, "demandedWithdrawal");
    REQUIRE(dw);
    CHECK(dw->at("subject") == kJunta);
    CHECK(dw->at("object") == kMinusma);
    CHECK(dw->at("cameo") == "1056");
    CHECK(dw->at("quad_class") == 3);
    CHECK(dw->at("goldstein") == -5.0);
    CHECK(dw->at("label") == "demandedWithdrawal"); // no ontology: the predicate
    CHECK(dw->at("date") == "2023-06-16");
    CHECK(dw->at("last_date") == "2023-06-18");
    CHECK(dw->at("confidence") == 0.8);
    CHECK(dw->at("rule") == "test");
    CHECK(dw->at("speaker").is_null());
    CHECK(dw->at("flags") == json::array());
    CHECK(dw->at("mention_count") == 2);
    REQUIRE(dw->at("evidence").size() == 2);
    const json& ev = dw->at("evidence")[1];
    CHECK(ev.at("document") == "doc1");
    CHECK(ev.at("sentence") == 4);
    CHECK(ev.at("start") == 200);
    CHECK(ev.at("end") == 200 + std::string("The junta again told MINUSMA to go.").size());
    CHECK(ev.at("text") == "The junta again told MINUSMA to go.");

    const json* acc = find_relation(j, "accused");
    REQUIRE(acc);
    CHECK(acc->at("flags") == json({"hedged", "reported"}));
    CHECK(acc->at("speaker") == kRussia);
    const json* aff = find_relation(j, "affiliatedWith");
    REQUIRE(aff);
    CHECK(aff->at("cameo") == "");
    CHECK(aff->at("quad_class") == 0);
    CHECK(aff->at("date").is_null());
    CHECK(find_relation(j, "met")->at("flags") == json({"headline"}));
}

TEST_CASE("JSON label falls back to the predicate for properties the ontology lacks",
          "[export][json]") {
    // A default-constructed Ontology knows no properties: every label is the predicate.
    const Ontology empty;
    const json j = to_json(sample_graph(), &empty);
    for (const json& r : j.at("relations")) CHECK(r.at("label") == r.at("predicate"));
}

TEST_CASE("JSON export is deterministic and reads back to an equal graph", "[export][json]") {
    const KnowledgeGraph g = sample_graph();
    const std::string text = to_json_string(g, nullptr);
    CHECK(text == to_json_string(sample_graph(), nullptr));
    CHECK(text.back() == '\n');

    const KnowledgeGraph back = from_json(json::parse(text));
    CHECK(to_json_string(back, nullptr) == text);

    REQUIRE(back.node_count() == g.node_count());
    REQUIRE(back.edge_count() == g.edge_count());
    const auto ga = g.nodes();
    const auto gb = back.nodes();
    for (std::size_t i = 0; i < ga.size(); ++i) {
        CHECK(ga[i]->iri == gb[i]->iri);
        CHECK(ga[i]->label == gb[i]->label);
        CHECK(ga[i]->type == gb[i]->type);
        CHECK(ga[i]->aliases == gb[i]->aliases);
        CHECK(ga[i]->country_code == gb[i]->country_code);
        CHECK(ga[i]->articles == gb[i]->articles);
    }
    const auto ea = g.edges();
    const auto eb = back.edges();
    for (std::size_t i = 0; i < ea.size(); ++i) {
        const RelationEdge& x = ea[i].relation;
        const RelationEdge& y = eb[i].relation;
        CHECK(ea[i].subject.iri == eb[i].subject.iri);
        CHECK(ea[i].object.iri == eb[i].object.iri);
        CHECK(x.predicate == y.predicate);
        CHECK(x.cameo == y.cameo);
        CHECK(x.quad_class == y.quad_class);
        CHECK(x.goldstein == y.goldstein);
        CHECK(x.date == y.date);
        CHECK(x.last_date == y.last_date);
        CHECK(x.confidence == y.confidence);
        CHECK(x.rule == y.rule);
        CHECK(x.speaker_iri == y.speaker_iri);
        CHECK(x.flags == y.flags);
        CHECK(x.mention_count == y.mention_count);
        REQUIRE(x.evidence.size() == y.evidence.size());
        for (std::size_t k = 0; k < x.evidence.size(); ++k) {
            CHECK(x.evidence[k].document == y.evidence[k].document);
            CHECK(x.evidence[k].sentence == y.evidence[k].sentence);
            CHECK(x.evidence[k].span == y.evidence[k].span);
            CHECK(x.evidence[k].text == y.evidence[k].text);
        }
    }
    REQUIRE(back.articles().size() == 1);
    CHECK(back.articles()[0].iri == g.articles()[0].iri);
    CHECK(back.articles()[0].published == g.articles()[0].published);
    CHECK(back.articles()[0].agencies == g.articles()[0].agencies);
    CHECK(back.articles()[0].source_path == g.articles()[0].source_path);
}

TEST_CASE("JSON export survives invalid UTF-8", "[export][json]") {
    KnowledgeGraph g;
    g.upsert_node(node("https://ex.org/a", std::string("bad \xC3 byte"), ActorType::Person));
    const std::string text = to_json_string(g, nullptr);
    CHECK(json::parse(text)["entities"][0]["label"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("from_json reads the scorer's minimal format", "[export][json]") {
    const json j = json::parse(R"({
      "entities": [{"id": "e1", "label": "Mali junta", "type": "Government", "aliases": ["junta"]},
                   {"id": "e2", "label": "MINUSMA"}],
      "relations": [{"subject": "e1", "predicate": "demandedWithdrawal", "object": "e2",
                     "cameo": "1056"}]
    })");
    const KnowledgeGraph g = from_json(j);
    REQUIRE(g.node_count() == 2);
    CHECK(g.find("e1")->type == ActorType::Government);
    CHECK(g.find("e2")->type == ActorType::Actor);
    REQUIRE(g.edge_count() == 1);
    CHECK(g.edges()[0].relation.cameo == "1056");
    CHECK(g.edges()[0].relation.mention_count == 1);
    CHECK(g.articles().empty());
}

TEST_CASE("from_json rejects a bad shape with parse_error", "[export][json]") {
    const json good = to_json(sample_graph(), nullptr);
    CHECK(parse_error_id(good).empty());

    CHECK(parse_error_id(json::array()) == "newskg.parse.401");
    json j = good;
    j.erase("entities");
    CHECK(parse_error_id(j) == "newskg.parse.402");
    j = good;
    j["relations"] = "none";
    CHECK(parse_error_id(j) == "newskg.parse.401");
    j = good;
    j["entities"][0]["label"] = 3;
    CHECK(parse_error_id(j) == "newskg.parse.402");
    j = good;
    j["entities"][0]["type"] = "Alien";
    CHECK(parse_error_id(j) == "newskg.parse.403");
    j = good;
    j["relations"][0]["flags"] = {"sarcastic"};
    CHECK(parse_error_id(j) == "newskg.parse.403");
    j = good;
    j["relations"][0]["date"] = "16 June 2023";
    CHECK(parse_error_id(j) == "newskg.parse.404");
    j = good;
    j["relations"][0]["object"] = "https://nowhere/x";
    CHECK(parse_error_id(j) == "newskg.parse.405");
    j = good;
    j["relations"][0]["evidence"][0]["sentence"] = -1;
    CHECK(parse_error_id(j) == "newskg.parse.402");
    j = good;
    j["relations"][0].erase("predicate");
    CHECK(parse_error_id(j) == "newskg.parse.402");

    // The message says where: a JSON pointer into the document.
    j = good;
    j["entities"][2]["aliases"] = {"ok", 7};
    try {
        (void)from_json(j, "g.json");
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(std::string(e.what()).find("g.json: /entities/2/aliases/1") != std::string::npos);
    }
}

TEST_CASE("score.py reads the JSON export and gives the expected numbers", "[export][json][score]") {
    const char* env = std::getenv("NEWSKG_SCORE_PY");
    const std::string script = env ? env : "/work/shared/corpus/score.py";
    if (!std::filesystem::exists(script)) {
        WARN("score.py not found at " << script << " (set NEWSKG_SCORE_PY): not run");
        return;
    }
    const std::string gold = std::string(NEWSKG_TEST_FIXTURES) + "/graph/tiny.gold.json";

    // The sample graph plus: a second junta→MINUSMA event of the same CAMEO root (a
    // duplicate, not an error), a second node for MINUSMA (fragmentation), a weekday the
    // gold file ignores, and a country the gold file does not have, with a relation.
    KnowledgeGraph g = sample_graph();
    const std::string un_mission = "https://newskg.org/id/actor/organization/un-mission";
    g.upsert_node(node(un_mission, "UN mission", ActorType::Organization));
    g.upsert_node(node(kSunday, "Sunday", ActorType::Actor));
    g.upsert_node(node(kGermany, "Germany", ActorType::Country, {}, "DE"));
    g.upsert_edge(kJunta, event("demanded", "1041", 3, -5.0, {evidence("doc1", 5, "x")}), kMinusma);
    g.upsert_edge(kGermany, event("accused", "112", 3, -2.0, {evidence("doc1", 8, "y")}), kMali);

    const auto graph_file = temp_path("score", ".json");
    write_file(graph_file, to_json_string(g, nullptr));
    const auto [out, status] = run_command("python3 " + shell_quote(script) + " --json " +
                                           shell_quote(gold) + " " +
                                           shell_quote(graph_file.string()));
    std::filesystem::remove(graph_file);
    REQUIRE(status == 0);
    const json result = json::parse(out);
    const json& doc = result.at("documents").at(0);

    const json& ent = doc.at("entities");
    CHECK(ent.at("tp") == 5); // AFP is optional
    CHECK(ent.at("fp") == 1); // Germany; Sunday is ignored
    CHECK(ent.at("fn") == 0);
    CHECK(ent.at("precision") == Approx(0.8333));
    CHECK(ent.at("recall") == Approx(1.0));
    CHECK(ent.at("fragmentation") == 1);
    CHECK(ent.at("conflation") == 0);
    CHECK(ent.at("spurious") == json({"Germany"}));

    const json& rel = doc.at("relations");
    CHECK(rel.at("tp") == 3);
    CHECK(rel.at("fp") == 1); // Germany accused Mali
    CHECK(rel.at("fn") == 1); // Russia criticised MINUSMA
    CHECK(rel.at("duplicates") == 1);
    CHECK(rel.at("f1") == Approx(0.75));
    CHECK(doc.at("pairs").at("recall") == Approx(0.75));
}

TEST_CASE("JSON relation labels come from the ontology", "[export][json][ontology]") {
    const Ontology onto = Ontology::load(std::string(NEWSKG_SOURCE_DIR) + "/ontology");
    const json j = to_json(sample_graph(), &onto);
    CHECK(find_relation(j, "demandedWithdrawal")->at("label") == "demanded the withdrawal of");
    CHECK(find_relation(j, "met")->at("label") == "met");
}

TEST_CASE("JSON export writes and reads back an article's authors", "[export][json]") {
    KnowledgeGraph g = sample_graph();
    ArticleInfo a = g.articles()[0];
    CHECK(a.authors.empty());
    CHECK(to_json(g, nullptr)["articles"][0].at("authors") == json::array());
    a.authors = {"Zoe Quill", "Ana Bell"};
    g.add_article(a);
    const json j = to_json(g, nullptr);
    CHECK(j["articles"][0].at("authors") == json({"Zoe Quill", "Ana Bell"}));
    const KnowledgeGraph back = from_json(j);
    CHECK(back.articles()[0].authors == a.authors);
    // Files written before authors existed still read, with none.
    json old = j;
    old["articles"][0].erase("authors");
    CHECK(from_json(old).articles()[0].authors.empty());
    old["articles"][0]["authors"] = "Zoe Quill";
    CHECK(parse_error_id(old) != "");
}

TEST_CASE("JSON text written relation by relation equals the dump of the whole tree", "[export][json]") {
    // to_json_string no longer builds the tree of the whole graph; its bytes must not change.
    auto whole = [](const KnowledgeGraph& g) {
        return to_json(g, nullptr).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    };
    KnowledgeGraph g = sample_graph();
    RelationEdge reported = event("accused", "112", 3, -2.0,
                                  {evidence("doc1", 6, "Russia said \"Mali\" accused it.\n\tTwice.", 300),
                                   evidence("doc1", 9, std::string("bad \xC3 byte"), 500)});
    reported.flags = kReported | kHedged;
    reported.speaker_iri = kRussia;
    g.upsert_edge(kMali, reported, kMinusma);
    REQUIRE(g.edges().size() >= 2);
    CHECK(to_json_string(g, nullptr) == whole(g));
    KnowledgeGraph only_nodes;
    only_nodes.upsert_node(node("https://ex.org/a", "A", ActorType::Person));
    CHECK(to_json_string(only_nodes, nullptr) == whole(only_nodes));
    CHECK(to_json_string(KnowledgeGraph(), nullptr) == whole(KnowledgeGraph()));
}

TEST_CASE("JSON text is handed over a relation at a time, never whole", "[export][json]") {
    // extract writes a large graph's text as it is made: the text of a 32 MB one-line
    // article's graph was ~450 MB held at once.
    KnowledgeGraph g = sample_graph();
    for (int i = 0; i < 20; ++i)
        g.upsert_edge(kMali, event("accused", "11" + std::to_string(i), 3, -2.0,
                                   {evidence("doc1", static_cast<std::size_t>(10 + i), std::string(400, 'a'), 600)}),
                      kMinusma);
    std::vector<std::string> pieces;
    write_json(g, nullptr, [&](std::string_view piece) { pieces.emplace_back(piece); });
    std::string joined;
    std::size_t largest = 0;
    for (const auto& p : pieces) {
        joined += p;
        largest = std::max(largest, p.size());
    }
    CHECK(joined == to_json_string(g, nullptr));
    CHECK(pieces.size() >= g.edges().size() + 2); // the head, each relation, the end
    CHECK(largest < 2000);                          // one relation's text, not the graph's
    CHECK(joined.size() > 10 * largest);
}

TEST_CASE("JSON export rounds confidences to three decimals", "[export][json]") {
    KnowledgeGraph g = sample_graph();
    RelationEdge r = event("accused", "112", 3, -2.0, {evidence("doc1", 7, "Mali accused MINUSMA.", 400)});
    r.confidence = 2.0 / 3.0;
    g.upsert_edge(kMali, r, kMinusma);
    const std::string text = to_json_string(g, nullptr);
    CHECK(text.find("0.667") != std::string::npos);
    CHECK(text.find("0.6666") == std::string::npos);
    const json parsed = json::parse(text); // kept: a range over a temporary's member dangles
    for (const auto& rel : parsed["relations"]) {
        const double c = rel["confidence"].get<double>();
        CHECK(std::abs(c * 1000.0 - std::round(c * 1000.0)) < 1e-9);
    }
}
