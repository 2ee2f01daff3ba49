// The explorable HTML page (html.hpp, newskg render, extract --format html): what the
// page holds, checked on the HTML itself, and what a reader can do with it, checked in
// Debian's headless Chromium by check_page.mjs (playwright-core from tests/page).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

#include "newskg/export/dot.hpp"
#include "newskg/export/html.hpp"
#include "newskg/export/json.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/ontology/ontology.hpp"
#include "process.hpp"
#include "support.hpp"

using namespace newskg;
using namespace newskg::test;

namespace {

EntityNode actor(const std::string& iri, const std::string& label, ActorType type,
                 std::vector<std::string> aliases = {}) {
    EntityNode n;
    n.iri = iri;
    n.label = label;
    n.type = type;
    n.aliases = std::move(aliases);
    n.articles = {"a1"};
    return n;
}

RelationEdge event(const std::string& predicate, const std::string& cameo, int quad, const std::string& text,
                   const std::string& date) {
    RelationEdge r;
    r.predicate = predicate;
    r.cameo = cameo;
    r.quad_class = quad;
    r.date = DateValue::parse_iso(date);
    r.last_date = r.date;
    r.confidence = 0.8;
    Evidence ev;
    ev.document = "a1";
    ev.text = text;
    r.evidence.push_back(ev);
    return r;
}

/// Two actors and a relation whose texts try to break out of the page.
KnowledgeGraph hostile_graph() {
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = "a1";
    a.title = "Talks </script><script>alert(1)</script> collapse";
    a.outlet = "Test Wire";
    a.published = DateValue::parse_iso("2024-05-02");
    g.add_article(a);
    g.upsert_node(actor("https://ex.org/a", "Alpha </script> & <b>Co</b>", ActorType::Organization, {"A-Team"}));
    g.upsert_node(actor("https://ex.org/b", "Beta", ActorType::Country));
    g.upsert_node(actor("https://ex.org/c", "Gamma", ActorType::Person)); // named, no relation
    g.upsert_edge("https://ex.org/a",
                  event("threatened", "130", 3, "Alpha said \"</script><!-- {{DATA}} -->\" to Beta.", "2024-05-01"),
                  "https://ex.org/b");
    return g;
}

/// The JSON inside <script type="application/json" id="graph-data">.
std::string data_block(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"graph-data\">";
    const std::size_t start = page.find(open);
    REQUIRE(start != std::string::npos);
    const std::size_t end = page.find("</script>", start);
    REQUIRE(end != std::string::npos);
    return page.substr(start + open.size(), end - start - open.size());
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

/// The browser check's prerequisites, or a failure saying how to install them.
void require_browser() {
    INFO("the page test needs Debian's chromium (scripts/setup) and playwright-core: "
         "npm ci --prefix tests/page (scripts/test does both)");
    REQUIRE(std::filesystem::exists("/usr/bin/chromium"));
    REQUIRE(std::filesystem::exists(source_path("tests/page/node_modules/playwright-core")));
}

/// Screenshots and timings go to the build directory (the tests' working directory).
std::string screenshot_dir() { return std::filesystem::absolute("page-screenshots").string(); }

RunResult check_in_browser(const nlohmann::json& spec, const TempDir& tmp) {
    write_file(tmp / "spec.json", spec.dump(2));
    return run("node " + sh_quote(source_path("tests/page/check_page.mjs")) + " " + sh_quote(tmp / "spec.json"));
}

} // namespace

TEST_CASE("the page holds the drawing, the data and its code, and no text can end a script", "[page]") {
    const Ontology onto = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    const KnowledgeGraph g = hostile_graph();
    const std::string page = to_html(g, &onto);

    // Two script elements (data, code), each closed once: the article's "</script>" stays data.
    CHECK(count(page, "<script") == 2);
    CHECK(count(page, "</script>") == 2);
    CHECK(page.find("alert(1)</script>") == std::string::npos);
    // Placeholders are filled once: a "{{DATA}}" inside the data is not expanded again.
    CHECK(page.find("{{SVG}}") == std::string::npos);
    CHECK(page.find("{{SCRIPT}}") == std::string::npos);

    const nlohmann::json data = nlohmann::json::parse(data_block(page));
    REQUIRE(data["actors"].size() == 3);
    CHECK(data["actors"][0]["label"] == "Alpha </script> & <b>Co</b>");
    CHECK(data["actors"][0]["aliases"] == nlohmann::json::array({"A-Team"}));
    CHECK(data["actors"][0]["type_name"] == "organization");
    REQUIRE(data["relations"].size() == 1);
    const auto& r = data["relations"][0];
    CHECK(r["subject"] == 0);
    CHECK(r["object"] == 1);
    CHECK(r["cameo"] == "130");
    CHECK(r["quad_class"] == 3);
    CHECK(r["date"] == "2024-05-01");
    CHECK(r["evidence"][0]["text"] == "Alpha said \"</script><!-- {{DATA}} -->\" to Beta.");
    CHECK(r["evidence"][0]["article"] == 0);
    CHECK(data["articles"][0]["title"] == "Talks </script><script>alert(1)</script> collapse");
    CHECK(data["title"] == "Talks </script><script>alert(1)</script> collapse");
    // The heading is escaped HTML.
    CHECK(page.find("<h1 id=\"title\" title=\"Talks &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; collapse\">") !=
          std::string::npos);

    // The drawing: SVG elements named after the data's positions; no legend or caption in it
    // (the page has its own), and Gamma, with no relation, is not drawn.
    CHECK(page.find("<svg") != std::string::npos);
    CHECK(page.find("<?xml") == std::string::npos);
    CHECK(page.find("<!DOCTYPE svg") == std::string::npos);
    CHECK(page.find("id=\"actor_0\"") != std::string::npos);
    CHECK(page.find("id=\"actor_1\"") != std::string::npos);
    CHECK(page.find("id=\"actor_2\"") == std::string::npos);
    CHECK(page.find("id=\"relation_0\"") != std::string::npos);
    CHECK(page.find("cluster_legend") == std::string::npos);
}

TEST_CASE("the page refers to nothing outside itself", "[page]") {
    const Ontology onto = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    const std::string page = to_html(hostile_graph(), &onto);
    // No element that loads something, no CSS import or url().
    for (const char* loader : {"<link", "<img", "<iframe", " src=", "href=", "@import", "url(", "<base"})
        CHECK(page.find(loader) == std::string::npos);
    // "http" only in the data (IRIs) and the SVG namespace declarations.
    std::string outside = page;
    const std::string data = data_block(page);
    outside.erase(outside.find(data), data.size());
    outside = std::regex_replace(outside, std::regex(R"(xmlns(:xlink)?="http://www\.w3\.org/[0-9]{4}/(svg|xlink)\")"), "");
    INFO(outside.substr(outside.find("http") == std::string::npos ? 0 : outside.find("http"), 120));
    CHECK(outside.find("http") == std::string::npos);
}

TEST_CASE("DOT element ids are positions in nodes() and edges(), also under --top", "[page][dot]") {
    KnowledgeGraph g = hostile_graph();
    g.upsert_node(actor("https://ex.org/d", "Delta", ActorType::Country));
    g.upsert_edge("https://ex.org/d", event("endorsed", "051", 1, "Delta endorsed Beta.", "2024-05-01"),
                  "https://ex.org/b");
    DotOptions options;
    options.element_ids = true;
    options.furniture = false;
    const std::string dot = to_dot(g, nullptr, options);
    // nodes(): a, b, c, d by IRI; edges(): a→b, then d→b.
    CHECK(dot.find("id=\"actor_0\"") != std::string::npos);
    CHECK(dot.find("id=\"actor_3\"") != std::string::npos);
    CHECK(dot.find("id=\"relation_1\"") != std::string::npos);
    CHECK(dot.find("legend") == std::string::npos);
    CHECK(dot.find("Also named") == std::string::npos);
    options.top = 2; // b and one of its partners, ids still those of the whole graph
    const std::string top = to_dot(g, nullptr, options);
    CHECK(top.find("id=\"actor_1\"") != std::string::npos);
    CHECK(count(top, "id=\"actor_") == 2);
    CHECK(count(top, "id=\"relation_") == 1);
    // Without the option the DOT is as before.
    CHECK(to_dot(g).find("id=\"actor_") == std::string::npos);
}

TEST_CASE("newskg render draws a JSON export as a page, SVG, PNG or DOT", "[page][cli]") {
    TempDir tmp;
    const Ontology onto = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    write_file(tmp / "g.json", to_json_string(hostile_graph(), &onto));

    RunResult r = run_newskg("render " + sh_quote(tmp / "g.json") + " --output " + sh_quote(tmp / "g.html") +
                             " --title 'Desk test'");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string page = read_file(tmp / "g.html");
    CHECK(page.find("<h1 id=\"title\" title=\"Desk test\">Desk test</h1>") != std::string::npos);
    CHECK(nlohmann::json::parse(data_block(page))["relations"][0]["label"] == "threatened");

    r = run_newskg("render --format svg " + sh_quote(tmp / "g.json"));
    REQUIRE(r.status == 0);
    CHECK(r.out.find("<svg") != std::string::npos);
    r = run_newskg("render --format dot --top 1 " + sh_quote(tmp / "g.json"));
    REQUIRE(r.status == 0);
    CHECK(r.out.find("digraph") != std::string::npos);
    r = run_newskg("render --format png --output " + sh_quote(tmp / "g.png") + " " + sh_quote(tmp / "g.json"));
    REQUIRE(r.status == 0);
    CHECK(read_file(tmp / "g.png").substr(1, 3) == "PNG");

    // An RDF export is read back too.
    write_file(tmp / "g.ttl", to_rdf(hostile_graph(), onto, RdfSyntax::Turtle, ""));
    r = run_newskg("render " + sh_quote(tmp / "g.ttl") + " --output " + sh_quote(tmp / "t.html"));
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(data_block(read_file(tmp / "t.html")))["relations"][0]["cameo"] == "130");

    // Bad input: an error naming the file, and nothing written.
    write_file(tmp / "bad.json", "{\"entities\": [");
    r = run_newskg("render " + sh_quote(tmp / "bad.json") + " --output " + sh_quote(tmp / "bad.html"));
    CHECK(r.status == 1);
    CHECK(r.err.find("bad.json") != std::string::npos);
    CHECK(r.err.find("newskg.parse.501") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "bad.html"));
    write_file(tmp / "shape.json", "{\"entities\": [], \"relations\": [{\"subject\": \"x\"}]}");
    r = run_newskg("render " + sh_quote(tmp / "shape.json"));
    CHECK(r.status == 1);
    CHECK(r.err.find("shape.json") != std::string::npos);
    r = run_newskg("render " + sh_quote(tmp / "missing.json"));
    CHECK(r.status == 1);
    CHECK(r.err.find("missing.json") != std::string::npos);
    r = run_newskg("render --format pdf " + sh_quote(tmp / "g.json"));
    CHECK(r.status == 2);
    r = run_newskg("render");
    CHECK(r.status == 2);
}

TEST_CASE("the examples' page works in headless Chromium: actor, relation, filters, search, phone",
          "[page][browser][e2e]") {
    require_browser();
    TempDir tmp;
    RunResult r = run_newskg("extract --format json,html --out-dir " + sh_quote(tmp.path().string()) +
                             " --merge " + sh_quote(source_path("examples")));
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(std::filesystem::exists(tmp / "merged.html"));
    const nlohmann::json graph = nlohmann::json::parse(read_file(tmp / "merged.json"));

    // The expectations come from the JSON export, checked against the article files: the
    // actor with most aliases, and a conflict relation whose evidence sentence is
    // verbatim in its example article.
    const nlohmann::json* best = nullptr;
    for (const auto& e : graph["entities"])
        if (!best || e["aliases"].size() > (*best)["aliases"].size()) best = &e;
    REQUIRE(best);
    REQUIRE_FALSE((*best)["aliases"].empty());
    std::map<std::string, std::string> label_of;
    for (const auto& e : graph["entities"]) label_of[e["id"]] = e["label"];
    std::map<std::string, nlohmann::json> article;
    for (const auto& a : graph["articles"]) article[a["id"]] = a;
    nlohmann::json relation;
    for (const auto& rel : graph["relations"]) {
        if (rel["quad_class"] < 3 || !rel["date"].is_string() || rel["evidence"].empty()) continue;
        const auto& ev = rel["evidence"][0];
        const auto& a = article.at(ev["document"].get<std::string>());
        if (read_file(source_path(a["source"].get<std::string>())).find(ev["text"].get<std::string>()) ==
            std::string::npos)
            continue;
        relation = {{"subject", label_of.at(rel["subject"])}, {"object", label_of.at(rel["object"])},
                    {"label", rel["label"]}, {"evidence", ev["text"]}, {"title", a["title"]},
                    {"date", rel["date"]}};
        break;
    }
    REQUIRE_FALSE(relation.is_null());

    const nlohmann::json spec = {
        {"page", tmp / "merged.html"}, {"out", screenshot_dir()}, {"mode", "examples"},
        {"actor", {{"label", (*best)["label"]}, {"aliases", (*best)["aliases"]}}},
        {"relation", relation}};
    r = check_in_browser(spec, tmp);
    INFO(r.out);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("page checks passed") != std::string::npos);
    for (const char* shot : {"desktop.png", "desktop-actor.png", "desktop-relation.png", "desktop-no-conflict.png",
                             "phone.png", "phone-actor.png", "phone-relation.png"})
        CHECK(std::filesystem::file_size(screenshot_dir() + "/" + shot) > 10000);
}

TEST_CASE("a 300-actor graph's page loads and filters in headless Chromium", "[page][browser][e2e]") {
    require_browser();
    // A hub-shaped graph like a month of merged coverage: 300 actors of every type, 450
    // relations of every QuadClass over two years, one to four mentions each.
    const ActorType types[] = {ActorType::Country, ActorType::Person, ActorType::Government, ActorType::Military,
                               ActorType::ArmedGroup, ActorType::Organization, ActorType::Location};
    struct Kind { const char* predicate; const char* cameo; int quad; };
    const Kind kinds[] = {{"endorsed", "051", 1}, {"withdrewFrom", "087", 2}, {"threatened", "130", 3},
                          {"fought", "190", 4}, {"partOf", "", 0}};
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = "a1";
    a.title = "Generated coverage";
    a.published = DateValue::parse_iso("2024-12-31");
    g.add_article(a);
    const auto iri = [](std::size_t i) { return "https://ex.org/actor/" + std::to_string(1000 + i); };
    for (std::size_t i = 0; i < 300; ++i)
        g.upsert_node(actor(iri(i), "Actor " + std::to_string(i), types[i % 7], {"alias " + std::to_string(i)}));
    for (std::size_t k = 0; k < 450; ++k) {
        // Every third relation touches one of ten hubs, as coverage centres on a few actors.
        const std::size_t s = k % 3 == 0 ? k % 10 : (k * 7) % 300;
        std::size_t o = (k * 13 + 5 + (k / 300) * 37) % 300;
        if (o == s) o = (o + 1) % 300;
        const Kind& kind = kinds[k % 5];
        const std::string month = std::to_string(1 + k % 12);
        RelationEdge r = event(kind.predicate, kind.cameo, kind.quad, "Sentence " + std::to_string(k) + ".",
                               std::to_string(2023 + k % 2) + "-" + (month.size() == 1 ? "0" : "") + month + "-15");
        for (std::size_t m = 1; m <= k % 4; ++m) {
            r.evidence.push_back(r.evidence.front());
            r.evidence.back().sentence = m; // another sentence: a mention of its own
        }
        r.mention_count = r.evidence.size();
        g.upsert_edge(iri(s), r, iri(o));
    }
    TempDir tmp;
    write_file(tmp / "big.json", to_json_string(g));
    RunResult r = run_newskg("render " + sh_quote(tmp / "big.json") + " --output " + sh_quote(tmp / "big.html"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    r = check_in_browser({{"page", tmp / "big.html"}, {"out", screenshot_dir()}, {"mode", "large"}}, tmp);
    INFO(r.out);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("page checks passed") != std::string::npos);
}
