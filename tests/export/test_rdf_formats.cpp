// The RDF syntaxes beyond Turtle (N-Quads, TriG, RDF/XML, JSON-LD) on a hand-built graph
// of two articles: each says what the Turtle export says (checked with rapper and
// rdflib, not with our own reader), datasets put every article's readings in the
// article's graph, awkward text survives, and the same graph gives the same bytes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_fixtures.hpp"
#include "newskg/export/jsonld.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/ontology/ontology.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
using newskg::testing::day;
using newskg::testing::evidence;
using newskg::testing::node;

namespace {

const Ontology& onto() {
    static const Ontology o = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    return o;
}

const std::string kBase = "https://example.org/kg/";
const std::string kMali = "https://newskg.org/actor/country/ML";
const std::string kFrance = "https://newskg.org/actor/country/FR";
const std::string kMinusma = "https://newskg.org/actor/org/minusma";
const std::string kUn = "https://newskg.org/actor/org/un";
const std::string kSpokesman = kBase + "person/spokesman";
const std::string kProvDerived = "http://www.w3.org/ns/prov#wasDerivedFrom";
// Quotes, a backslash, a newline, angle brackets, an ampersand, a tab and non-ASCII:
// what XML and JSON writers escape differently from Turtle.
const std::string kAwkward = "Col. \"Abdoulaye\" Ma\xC3\xAFga \\ <b>&amp;</b>\nline two\ttab";

std::string a1() { return article_iri(kBase, "a1"); }
std::string a2() { return article_iri(kBase, "a2"); }

/// Two articles about Mali. The demand is read in both; the attack is denied in a1; the
/// partOf edge has no evidence (added by hand), so its qualified node has no article.
/// `reversed` fills the graph in the opposite order.
KnowledgeGraph two_articles(bool reversed = false) {
    KnowledgeGraph g;
    std::vector<ArticleInfo> articles(2);
    articles[0].id = "a1";
    articles[0].iri = a1();
    articles[0].title = "Mali tells \"UN\" to leave";
    articles[0].published = DateValue{2023, 6, 16};
    articles[0].outlet = "Reuters";
    articles[0].agencies = {"AFP"};
    articles[0].url = "https://news.example.org/mali?id=1&x=<2>";
    articles[1].id = "a2";
    articles[1].iri = a2();
    articles[1].title = kAwkward;
    articles[1].published = DateValue{2023, 6, 0};
    articles[1].outlet = "Reuters";
    if (reversed) std::reverse(articles.begin(), articles.end());
    for (const auto& a : articles) g.add_article(a);

    std::vector<EntityNode> nodes = {
        node(kMali, "Mali", ActorType::Country, {"Malian"}, "ML"),
        node(kFrance, "France", ActorType::Country, {}, "FR"),
        node(kMinusma, "MINUSMA", ActorType::Organization, {"UN mission"}),
        node(kUn, "United Nations", ActorType::Organization),
        node(kSpokesman, kAwkward, ActorType::Person, {"the \"spokesman\""}),
    };
    for (auto& n : nodes) n.articles = {"a1", "a2"};
    if (reversed) std::reverse(nodes.begin(), nodes.end());
    for (const auto& n : nodes) g.upsert_node(n);

    RelationEdge demand = newskg::testing::event("demandedWithdrawal", "1056", 3, -5.0,
                                                 {evidence("a1", 0, "Mali demanded that \"MINUSMA\" leave.")},
                                                 day(2023, 6, 16));
    demand.speaker_iri = kSpokesman;
    demand.flags = kReported;
    RelationEdge again = newskg::testing::event("demandedWithdrawal", "1056", 3, -5.0,
                                                {evidence("a2", 3, kAwkward, 120)}, DateValue{2023, 6, 0});
    again.speaker_iri = kSpokesman;
    again.flags = kReported;
    RelationEdge part = newskg::testing::standing("partOf", {});
    RelationEdge denied = newskg::testing::event("attacked", "190", 4, -10.0,
                                                 {evidence("a1", 2, "France did not attack Mali.", 60)},
                                                 DateValue{2023, 0, 0});
    denied.flags = kNegated;

    if (reversed) {
        g.upsert_edge(kFrance, denied, kMali);
        g.upsert_edge(kMinusma, part, kUn);
        g.upsert_edge(kMali, again, kMinusma);
        g.upsert_edge(kMali, demand, kMinusma);
    } else {
        g.upsert_edge(kMali, demand, kMinusma);
        g.upsert_edge(kMali, again, kMinusma);
        g.upsert_edge(kMinusma, part, kUn);
        g.upsert_edge(kFrance, denied, kMali);
    }
    return g;
}

std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    std::sort(out.begin(), out.end());
    return out;
}

/// rapper (raptor2-utils) parses `text` as `syntax` and writes `output`; sorted lines.
std::vector<std::string> rapper(const std::string& text, const std::string& syntax,
                                const std::string& output = "ntriples") {
    test::TempDir tmp;
    const std::string file = tmp / "data";
    test::write_file(file, text);
    auto r = test::run("rapper -q -i " + syntax + " -o " + output + " " + test::sh_quote(file) + " " +
                       test::sh_quote(kBase));
    INFO(syntax << ": " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty()); // no warnings either
    return sorted_lines(r.out);
}

/// The subject, predicate, object and graph of an N-Quads line whose terms are IRIs;
/// nullopt for lines with a literal object.
struct IriQuad {
    std::string s, p, o, g;
};
std::optional<IriQuad> iri_quad(const std::string& line) {
    static const std::regex re(R"(^<([^>]*)> <([^>]*)> <([^>]*)>(?: <([^>]*)>)? \.$)");
    std::smatch m;
    if (!std::regex_match(line, m, re)) return std::nullopt;
    return IriQuad{m[1], m[2], m[3], m[4]};
}

/// The graph of an N-Quads line (empty for the default graph): the term after the
/// object, found by reading subject, predicate and object (IRIs, or a literal with its
/// escapes, datatype or language tag) rather than by guessing from the line's end.
std::string graph_of(const std::string& line) {
    std::size_t i = 0;
    auto skip_iri = [&] {
        i = line.find('>', i) + 1;
        while (i < line.size() && line[i] == ' ') ++i;
    };
    skip_iri(); // subject
    skip_iri(); // predicate
    if (line[i] == '<') {
        skip_iri();
    } else {
        for (++i; i < line.size() && line[i] != '"'; ++i)
            if (line[i] == '\\') ++i;
        ++i;
        if (line.compare(i, 2, "^^") == 0) {
            i += 2;
            skip_iri();
        } else {
            while (i < line.size() && line[i] != ' ') ++i; // @lang, if any
            while (i < line.size() && line[i] == ' ') ++i;
        }
    }
    if (i >= line.size() || line[i] != '<') return {};
    return line.substr(i + 1, line.find('>', i) - i - 1);
}

} // namespace

TEST_CASE("N-Quads, TriG and RDF/XML hold exactly the Turtle export's triples", "[export][rdf][formats]") {
    const KnowledgeGraph g = two_articles();
    const auto ttl = rapper(to_rdf(g, onto(), RdfSyntax::Turtle, kBase), "turtle");
    REQUIRE(ttl.size() > 60);
    CHECK(rapper(to_rdf(g, onto(), RdfSyntax::NQuads, kBase), "nquads") == ttl);
    CHECK(rapper(to_rdf(g, onto(), RdfSyntax::TriG, kBase), "trig") == ttl);
    CHECK(rapper(to_rdf(g, onto(), RdfSyntax::RdfXml, kBase), "rdfxml") == ttl);
    // The awkward label came through each syntax's own escaping intact (rapper writes
    // N-Triples in ASCII: U+00EF as \u00EF).
    CHECK(std::any_of(ttl.begin(), ttl.end(), [](const std::string& l) {
        return l.find("\"Col. \\\"Abdoulaye\\\" Ma\\u00EFga \\\\ <b>&amp;</b>\\nline two\\ttab\"") !=
               std::string::npos;
    }));
}

TEST_CASE("N-Quads: actors and direct triples in the default graph, readings in their article's graph",
          "[export][rdf][formats]") {
    const std::string nq = to_rdf(two_articles(), onto(), RdfSyntax::NQuads, kBase);
    const auto lines = sorted_lines(nq);
    // Our lines are already sorted and each quad is written once.
    CHECK(sorted_lines(nq) == std::vector<std::string>(lines.begin(), lines.end()));
    CHECK(std::adjacent_find(lines.begin(), lines.end()) == lines.end());

    std::map<std::string, std::string> source_of; // qualified node → article
    std::map<std::string, std::string> graph_of_subject;
    bool direct_in_default = false, actor_in_default = false, article_in_own_graph = false;
    for (const auto& line : lines) {
        const auto q = iri_quad(line);
        if (!q) continue;
        if (q->p == kProvDerived) {
            CHECK(q->g == q->o); // in the graph named by the article it is derived from
            source_of[q->s] = q->o;
        }
        if (q->s == kMali && q->p == std::string(kOntologyNs) + "demandedWithdrawal") {
            CHECK(q->g.empty());
            direct_in_default = true;
        }
        if (q->s == kMali && q->p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") {
            CHECK(q->g.empty());
            actor_in_default = true;
        }
        if (q->s == a1() && q->o == "https://schema.org/NewsArticle") {
            CHECK(q->g == a1());
            article_in_own_graph = true;
        }
    }
    CHECK(direct_in_default);
    CHECK(actor_in_default);
    CHECK(article_in_own_graph);
    // Three readings with evidence (a1 twice, a2 once), one per article graph they come from.
    REQUIRE(source_of.size() == 3);
    CHECK(std::count_if(source_of.begin(), source_of.end(), [](auto& kv) { return kv.second == a2(); }) == 1);
    // Every statement about a qualified node with evidence is in its article's graph; the
    // hand-added partOf reading (no evidence) stays in the default graph.
    std::size_t evidence_less = 0;
    for (const auto& line : lines) {
        const std::string subject = line.substr(1, line.find('>') - 1);
        if (subject.rfind(kBase + "statement/", 0) != 0) continue;
        const auto it = source_of.find(subject);
        if (it != source_of.end()) {
            INFO(line);
            CHECK(graph_of(line) == it->second);
        } else {
            CHECK(graph_of(line).empty());
            ++evidence_less;
        }
    }
    CHECK(evidence_less > 3);
}

TEST_CASE("TriG has the same graphs as N-Quads", "[export][rdf][formats]") {
    const KnowledgeGraph g = two_articles();
    const std::string trig = to_rdf(g, onto(), RdfSyntax::TriG, kBase);
    // Prefixes once at the top, then the default graph, then one block per article.
    CHECK(trig.rfind("@prefix rdf: ", 0) == 0);
    const auto block1 = trig.find("<" + a1() + "> {\n");
    const auto block2 = trig.find("<" + a2() + "> {\n");
    REQUIRE(block1 != std::string::npos);
    REQUIRE(block2 != std::string::npos);
    CHECK(block1 < block2);
    CHECK(trig.find("@prefix", block1) == std::string::npos);
    CHECK(trig.find("country:ML") < block1); // the actors come first, in the default graph
    // rapper reads the TriG's graphs back into exactly our N-Quads.
    CHECK(rapper(trig, "trig", "nquads") == sorted_lines(to_rdf(g, onto(), RdfSyntax::NQuads, kBase)));
}

TEST_CASE("RDF/XML is the abbreviated form with the usual prefixes", "[export][rdf][formats]") {
    const std::string xml = to_rdf(two_articles(), onto(), RdfSyntax::RdfXml, kBase);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0) == 0);
    CHECK(xml.find("xmlns:nkg=\"https://newskg.org/ontology#\"") != std::string::npos);
    CHECK(xml.find("<nkg:Country rdf:about=\"https://newskg.org/actor/country/ML\">") != std::string::npos);

    // XML 1.0 cannot hold most control characters: they become spaces rather than
    // failing the export (raptor refuses to write them).
    KnowledgeGraph g = two_articles();
    g.upsert_node(node(kBase + "org/bell", "bell\x07 and\x01 nul", ActorType::Organization));
    const auto triples = rapper(to_rdf(g, onto(), RdfSyntax::RdfXml, kBase), "rdfxml");
    CHECK(std::count_if(triples.begin(), triples.end(), [](const std::string& l) {
              return l.find("\"bell  and  nul\"") != std::string::npos;
          }) == 2); // prefLabel and rdfs:label
}

TEST_CASE("every RDF syntax and JSON-LD is byte-identical whatever order the graph was built in",
          "[export][rdf][formats][determinism]") {
    const KnowledgeGraph g = two_articles(false);
    const KnowledgeGraph r = two_articles(true);
    for (RdfSyntax s : {RdfSyntax::Turtle, RdfSyntax::NTriples, RdfSyntax::NQuads, RdfSyntax::TriG,
                        RdfSyntax::RdfXml}) {
        INFO("syntax " << static_cast<int>(s));
        const std::string once = to_rdf(g, onto(), s, kBase);
        CHECK(once == to_rdf(g, onto(), s, kBase));
        CHECK(once == to_rdf(r, onto(), s, kBase));
    }
    const std::string jsonld = to_jsonld(g, onto(), kBase);
    CHECK(jsonld == to_jsonld(g, onto(), kBase));
    CHECK(jsonld == to_jsonld(r, onto(), kBase));
}

TEST_CASE("JSON-LD embeds the published context and groups nodes by graph", "[export][jsonld]") {
    // ontology/context.jsonld is what the exporter embeds.
    const std::string published = test::read_file(test::source_path("ontology/context.jsonld"));
    REQUIRE(!published.empty());
    CHECK(nlohmann::json::parse(published) == jsonld_context());

    const auto doc = nlohmann::json::parse(to_jsonld(two_articles(), onto(), kBase));
    CHECK(doc["@context"] == jsonld_context()["@context"]);
    const auto& items = doc["@graph"];
    REQUIRE(items.is_array());
    std::map<std::string, nlohmann::json> by_id;
    std::vector<std::string> order;
    for (const auto& item : items) {
        by_id[item["@id"]] = item;
        order.push_back(item["@id"]);
    }
    // Default-graph nodes first, in IRI order, then the two article graphs.
    REQUIRE(order.size() >= 3);
    CHECK(order[order.size() - 2] == a1());
    CHECK(order.back() == a2());
    CHECK(std::is_sorted(order.begin(), order.end() - 2));

    const auto& mali = by_id.at(kMali);
    CHECK(mali["@type"] == "Country");
    CHECK(mali["prefLabel"] == "Mali");
    CHECK(mali["altLabel"] == nlohmann::json::array({"Malian"}));
    CHECK(mali["demandedWithdrawal"] == nlohmann::json{{"@id", kMinusma}});
    CHECK(!mali.contains("attacked")); // denied: only the qualified node says it
    CHECK(by_id.at(kSpokesman)["prefLabel"] == kAwkward);

    const auto& graph1 = by_id.at(a1())["@graph"];
    bool article = false, reading = false;
    for (const auto& n : graph1) {
        if (n["@id"] == a1()) {
            article = true;
            CHECK(n["datePublished"] == nlohmann::json{{"@value", "2023-06-16"}, {"@type", "xsd:date"}});
            CHECK(n["url"] == "https://news.example.org/mali?id=1&x=<2>");
        }
        if (n.value("predicate", "") == std::string(kOntologyNs) + "demandedWithdrawal") {
            reading = true;
            CHECK(n["@type"] == "Event");
            CHECK(n["cameoCode"] == "1056");
            CHECK(n["quadClass"] == 3);       // integers are JSON numbers
            CHECK(n["goldstein"] == "-5.0");  // decimals keep their lexical form
            CHECK(n["sentenceIndex"] == 0);
            CHECK(n["wasDerivedFrom"] == a1());
            CHECK(n["speaker"] == kSpokesman);
            CHECK(n["flag"] == nlohmann::json::array({"reported"}));
        }
    }
    CHECK(article);
    CHECK(reading);
    // The a2 reading's month-precision date is typed as such.
    bool month = false;
    for (const auto& n : by_id.at(a2())["@graph"])
        if (n.contains("date")) month = n["date"] == nlohmann::json{{"@value", "2023-06"}, {"@type", "xsd:gYearMonth"}};
    CHECK(month);
}

TEST_CASE("rdflib reads the same triples from Turtle, N-Quads, TriG, RDF/XML and JSON-LD",
          "[export][rdf][jsonld][rdflib]") {
    const KnowledgeGraph g = two_articles();
    test::TempDir tmp;
    test::write_file(tmp / "g.ttl", to_rdf(g, onto(), RdfSyntax::Turtle, kBase));
    test::write_file(tmp / "g.nq", to_rdf(g, onto(), RdfSyntax::NQuads, kBase));
    test::write_file(tmp / "g.trig", to_rdf(g, onto(), RdfSyntax::TriG, kBase));
    test::write_file(tmp / "g.rdf", to_rdf(g, onto(), RdfSyntax::RdfXml, kBase));
    test::write_file(tmp / "g.jsonld", to_jsonld(g, onto(), kBase));
    // Debian's python3-rdflib, by absolute path: `python3` on PATH may be another
    // interpreter without it. Each line: extension, triples, graphs, same-as-Turtle.
    const std::string script = R"(
import sys, rdflib
formats = {"ttl": "turtle", "nq": "nquads", "trig": "trig", "rdf": "xml", "jsonld": "json-ld"}
ref = None
for ext in ["ttl", "nq", "trig", "rdf", "jsonld"]:
    g = rdflib.ConjunctiveGraph()
    g.parse(sys.argv[1] + "." + ext, format=formats[ext])
    triples = set(g.triples((None, None, None)))
    graphs = len([c for c in g.contexts() if len(c) > 0])
    if ref is None:
        ref = triples
    print(ext, len(triples), graphs, "same" if triples == ref else "differs")
)";
    auto r = test::run("/usr/bin/python3 -c " + test::sh_quote(script) + " " + test::sh_quote(tmp / "g"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::istringstream in(r.out);
    std::map<std::string, std::pair<std::size_t, std::size_t>> counts;
    for (std::string ext, same; in >> ext;) {
        std::size_t triples = 0, graphs = 0;
        in >> triples >> graphs >> same;
        INFO(ext);
        CHECK(same == "same");
        counts[ext] = {triples, graphs};
    }
    REQUIRE(counts.size() == 5);
    CHECK(counts["ttl"].first > 60);
    CHECK(counts["ttl"].second == 1);
    CHECK(counts["rdf"].second == 1);
    // Datasets: the default graph and one graph per article.
    CHECK(counts["nq"].second == 3);
    CHECK(counts["trig"].second == 3);
    CHECK(counts["jsonld"].second == 3);
}

TEST_CASE("RDF export names an article's authors as schema:author literals", "[export][rdf]") {
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = "a1";
    a.iri = a1();
    a.authors = {"Zoe Quill", "Ana Bell"};
    a.agencies = {"AFP"};
    g.add_article(a);
    const std::string nt = to_rdf(g, onto(), RdfSyntax::NTriples, kBase);
    CHECK(nt.find("<" + a1() + "> <https://schema.org/author> \"Zoe Quill\" .") != std::string::npos);
    CHECK(nt.find("<" + a1() + "> <https://schema.org/author> \"Ana Bell\" .") != std::string::npos);
    const auto doc = nlohmann::json::parse(to_jsonld(g, onto(), kBase));
    CHECK(doc.dump().find("\"author\":[\"Ana Bell\",\"Zoe Quill\"]") != std::string::npos);
}
