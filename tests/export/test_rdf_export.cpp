// RDF export of a hand-built graph: Turtle and N-Triples say the same thing (checked with
// rapper, raptor's command-line tool), awkward text survives, the output is stable.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newskg/export/rdf.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/ontology/ontology.hpp"
#include "process.hpp"
#include "rdf/rdf.hpp"
#include "test_paths.hpp"

using namespace newskg;

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
const std::string kSpokesman = kBase + "person/abdoulaye-maiga";
// Quotes, a backslash, a newline, angle brackets, a tab and non-ASCII text: everything a
// hand-rolled serialiser gets wrong.
const std::string kAwkward = "Col. \"Abdoulaye\" Ma\xC3\xAF" "ga \\ spokesman\nline two <b>\ttab";

EntityNode make_node(const std::string& iri, const std::string& label, ActorType type,
                     std::vector<std::string> aliases = {}, const std::string& code = "") {
    EntityNode n;
    n.iri = iri;
    n.label = label;
    n.type = type;
    n.aliases = std::move(aliases);
    n.country_code = code;
    n.articles = {"a1"};
    return n;
}

Evidence make_evidence(std::size_t sentence, const std::string& text, std::size_t begin) {
    Evidence ev;
    ev.document = "a1";
    ev.sentence = sentence;
    ev.span = CharSpan{begin, begin + text.size()};
    ev.text = text;
    return ev;
}

/// The graph of a short made-up article about Mali, built without the extractor.
KnowledgeGraph sample_graph(bool reversed = false) {
    std::vector<EntityNode> nodes = {
        make_node(kMali, "Mali", ActorType::Country, {"Malian"}, "ML"),
        make_node(kFrance, "France", ActorType::Country, {}, "FR"),
        make_node(kMinusma, "MINUSMA", ActorType::Organization, {"UN mission"}),
        make_node(kUn, "United Nations", ActorType::Organization),
        make_node(kSpokesman, kAwkward, ActorType::Person, {"the \"spokesman\""}),
    };
    if (reversed) std::reverse(nodes.begin(), nodes.end());
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = "a1";
    a.iri = article_iri(kBase, "a1");
    a.title = "Mali tells \"UN\" to leave \\ now";
    a.published = DateValue{2023, 6, 16};
    a.outlet = "Reuters";
    a.agencies = {"AFP", "Some Local Wire"};
    a.url = "https://news.example.org/mali?id=1&x=<2>";
    g.add_article(a);
    for (const auto& n : nodes) g.upsert_node(n);

    RelationEdge demand;
    demand.predicate = "demandedWithdrawal";
    demand.cameo = "1056";
    demand.quad_class = 3;
    demand.goldstein = -5.0;
    demand.evidence = {make_evidence(0, "Mali demanded that \"MINUSMA\" leave.", 0),
                       make_evidence(3, "The junta repeated that the mission must go.", 120)};
    demand.date = DateValue{2023, 6, 0};
    demand.last_date = DateValue{2023, 6, 16};
    demand.rule = "lexicon:demand/demand_withdraw";
    demand.confidence = 0.85;
    demand.speaker_iri = kSpokesman;
    demand.flags = kReported;
    demand.mention_count = 2;

    RelationEdge part;
    part.predicate = "partOf";
    part.rule = "gazetteer";
    part.confidence = 1.0;

    RelationEdge not_attacked;
    not_attacked.predicate = "attacked";
    not_attacked.cameo = "190";
    not_attacked.quad_class = 4;
    not_attacked.goldstein = -10.0;
    not_attacked.evidence = {make_evidence(2, "France did not attack Mali.", 60)};
    not_attacked.date = DateValue{2023, 0, 0};
    not_attacked.rule = "lexicon:attack/dobj";
    not_attacked.confidence = 0.6;
    not_attacked.flags = kNegated | kHedged;

    if (reversed) {
        g.upsert_edge(kFrance, not_attacked, kMali);
        g.upsert_edge(kMinusma, part, kUn);
        g.upsert_edge(kMali, demand, kMinusma);
    } else {
        g.upsert_edge(kMali, demand, kMinusma);
        g.upsert_edge(kMinusma, part, kUn);
        g.upsert_edge(kFrance, not_attacked, kMali);
    }
    return g;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    std::sort(out.begin(), out.end());
    return out;
}

/// Runs rapper (raptor2-utils) on `text` in `syntax`; returns sorted N-Triples lines.
std::vector<std::string> rapper_ntriples(const std::string& text, const std::string& syntax) {
    test::TempDir tmp;
    const std::string file = tmp / ("graph." + syntax);
    test::write_file(file, text);
    auto r = test::run("rapper -q -i " + syntax + " -o ntriples " + test::sh_quote(file) + " " +
                       test::sh_quote(kBase));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return lines_of(r.out);
}

/// The export parsed back with librdf, for looking at values rather than bytes.
struct Parsed {
    rdf::World world;
    rdf::Storage storage;
    rdf::Model model;
    explicit Parsed(const std::string& turtle) : storage(rdf::Storage::in_memory(world)), model(world, storage) {
        rdf::Parser(world, "turtle").parse_string(turtle, kBase, model, "export");
    }
    /// Objects of (subject, predicate) as text (IRI or lexical form).
    std::vector<std::string> objects(const std::string& s, const std::string& p) {
        std::vector<std::string> out;
        for (rdf::NodeIterator it = model.targets(rdf::Node::iri(world, s), rdf::Node::iri(world, p)); !it.end();
             it.next()) {
            rdf::NodeRef n = it.current();
            out.push_back(n.is_iri() ? std::string(n.iri()) : std::string(n.literal()));
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    /// Subjects that have rdf:type `type`.
    std::vector<std::string> of_type(const std::string& type) {
        std::vector<std::string> out;
        model.statements().for_each([&](rdf::StatementRef st) {
            if (st.predicate().iri() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" &&
                st.object().iri() == type)
                out.emplace_back(st.subject().iri());
        });
        std::sort(out.begin(), out.end());
        return out;
    }
    /// Datatype of the one literal object of (s, p).
    std::string datatype(const std::string& s, const std::string& p) {
        std::string dt;
        for (rdf::NodeIterator it = model.targets(rdf::Node::iri(world, s), rdf::Node::iri(world, p)); !it.end();
             it.next())
            dt = std::string(it.current().datatype());
        return dt;
    }
    bool has(const std::string& s, const std::string& p, const std::string& o) {
        auto v = objects(s, p);
        return std::find(v.begin(), v.end(), o) != v.end();
    }
};

std::string nkg(const std::string& local) { return std::string(kOntologyNs) + local; }
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

} // namespace

TEST_CASE("Turtle and N-Triples exports hold the same triples", "[export][rdf]") {
    KnowledgeGraph g = sample_graph();
    std::string ttl = to_rdf(g, onto(), RdfSyntax::Turtle, kBase);
    std::string nt = to_rdf(g, onto(), RdfSyntax::NTriples, kBase);
    auto from_ttl = rapper_ntriples(ttl, "turtle");
    auto from_nt = rapper_ntriples(nt, "ntriples");
    CHECK(from_ttl.size() > 40);
    CHECK(from_ttl == from_nt);
    // Our N-Triples are already what rapper writes, sorted.
    CHECK(lines_of(nt) == from_nt);
}

TEST_CASE("the Turtle export declares the usual prefixes", "[export][rdf]") {
    std::string ttl = to_rdf(sample_graph(), onto(), RdfSyntax::Turtle, kBase);
    for (const char* prefix : {"@prefix nkg:", "@prefix skos:", "@prefix rdfs:", "@prefix rdf:", "@prefix xsd:",
                               "@prefix prov:", "@prefix schema:", "@prefix kg: <https://example.org/kg/>"})
        CHECK(ttl.find(prefix) != std::string::npos);
}

TEST_CASE("awkward text round-trips through both syntaxes", "[export][rdf]") {
    KnowledgeGraph g = sample_graph();
    for (RdfSyntax syntax : {RdfSyntax::Turtle, RdfSyntax::NTriples}) {
        std::string text = to_rdf(g, onto(), syntax, kBase);
        // N-Triples is a subset of Turtle, so one parser reads both.
        Parsed p(text);
        CHECK(p.objects(kSpokesman, "http://www.w3.org/2004/02/skos/core#prefLabel") ==
              std::vector<std::string>{kAwkward});
        CHECK(p.objects(kSpokesman, "http://www.w3.org/2000/01/rdf-schema#label") ==
              std::vector<std::string>{kAwkward});
        CHECK(p.has(kSpokesman, "http://www.w3.org/2004/02/skos/core#altLabel", "the \"spokesman\""));
        const std::string article = article_iri(kBase, "a1");
        CHECK(p.objects(article, "https://schema.org/headline") ==
              std::vector<std::string>{"Mali tells \"UN\" to leave \\ now"});
        CHECK(p.objects(article, "https://schema.org/url") ==
              std::vector<std::string>{"https://news.example.org/mali?id=1&x=<2>"});
    }
}

TEST_CASE("two exports of the same graph are byte-identical", "[export][rdf]") {
    for (RdfSyntax syntax : {RdfSyntax::Turtle, RdfSyntax::NTriples}) {
        std::string a = to_rdf(sample_graph(), onto(), syntax, kBase);
        std::string b = to_rdf(sample_graph(), onto(), syntax, kBase);
        std::string c = to_rdf(sample_graph(true), onto(), syntax, kBase);
        CHECK(a == b);
        CHECK(a == c); // nor does the order the graph was built in matter
    }
}

TEST_CASE("actors are typed and labelled", "[export][rdf]") {
    Parsed p(to_rdf(sample_graph(), onto(), RdfSyntax::Turtle, kBase));
    CHECK(p.has(kMali, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", nkg("Country")));
    CHECK(p.has(kMinusma, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", nkg("Organization")));
    CHECK(p.has(kSpokesman, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", nkg("Person")));
    CHECK(p.objects(kMali, nkg("isoCode")) == std::vector<std::string>{"ML"});
    CHECK(p.has(kMali, "http://www.w3.org/2004/02/skos/core#altLabel", "Malian"));
}

TEST_CASE("the article is a schema:NewsArticle with its provenance", "[export][rdf]") {
    Parsed p(to_rdf(sample_graph(), onto(), RdfSyntax::Turtle, kBase));
    const std::string article = article_iri(kBase, "a1");
    CHECK(p.has(article, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://schema.org/NewsArticle"));
    CHECK(p.has(article, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/ns/prov#Entity"));
    CHECK(p.objects(article, "https://schema.org/datePublished") == std::vector<std::string>{"2023-06-16"});
    CHECK(p.datatype(article, "https://schema.org/datePublished") == kXsd + "date");
    // A known outlet is the gazetteer's organisation; an unknown one is minted.
    CHECK(p.objects(article, "https://schema.org/publisher") ==
          std::vector<std::string>{"https://newskg.org/actor/org/reuters"});
    CHECK(p.objects(article, nkg("agency")) ==
          std::vector<std::string>{"https://example.org/kg/outlet/some-local-wire",
                                   "https://newskg.org/actor/org/afp"});
    CHECK(p.has(article, "https://schema.org/mentions", kMali));
}

TEST_CASE("edges are direct triples and qualified nodes", "[export][rdf]") {
    Parsed p(to_rdf(sample_graph(), onto(), RdfSyntax::Turtle, kBase));
    CHECK(p.has(kMali, nkg("demandedWithdrawal"), kMinusma));
    CHECK(p.has(kMinusma, nkg("partOf"), kUn));

    auto events = p.of_type(nkg("Event"));
    auto standing = p.of_type(nkg("StandingRelationStatement"));
    CHECK(events.size() == 3);   // two readings of the demand, one of the negated attack
    CHECK(standing.size() == 1); // partOf, without evidence, still qualified once
    for (const auto& iri : events) CHECK(iri.rfind(kBase + "statement/", 0) == 0);

    // The demand's readings.
    std::vector<std::string> demand_nodes;
    for (const auto& e : events)
        if (p.has(e, nkg("predicate"), nkg("demandedWithdrawal"))) demand_nodes.push_back(e);
    REQUIRE(demand_nodes.size() == 2);
    std::set<std::string> sentences;
    for (const auto& n : demand_nodes) {
        CHECK(p.objects(n, nkg("subject")) == std::vector<std::string>{kMali});
        CHECK(p.objects(n, nkg("object")) == std::vector<std::string>{kMinusma});
        CHECK(p.objects(n, nkg("cameoCode")) == std::vector<std::string>{"1056"});
        CHECK(p.objects(n, nkg("cameoConcept")) == std::vector<std::string>{"https://newskg.org/cameo/1056"});
        CHECK(p.objects(n, nkg("quadClass")) == std::vector<std::string>{"3"});
        CHECK(p.objects(n, nkg("goldstein")) == std::vector<std::string>{"-5.0"});
        CHECK(p.objects(n, nkg("confidence")) == std::vector<std::string>{"0.85"});
        CHECK(p.objects(n, nkg("rule")) == std::vector<std::string>{"lexicon:demand/demand_withdraw"});
        CHECK(p.objects(n, nkg("speaker")) == std::vector<std::string>{kSpokesman});
        CHECK(p.objects(n, nkg("flag")) == std::vector<std::string>{"reported"});
        CHECK(p.objects(n, nkg("mentionCount")) == std::vector<std::string>{"2"});
        CHECK(p.objects(n, nkg("date")) == std::vector<std::string>{"2023-06"});
        CHECK(p.datatype(n, nkg("date")) == kXsd + "gYearMonth");
        CHECK(p.objects(n, nkg("lastDate")) == std::vector<std::string>{"2023-06-16"});
        CHECK(p.objects(n, "http://www.w3.org/ns/prov#wasDerivedFrom") ==
              std::vector<std::string>{article_iri(kBase, "a1")});
        auto idx = p.objects(n, nkg("sentenceIndex"));
        REQUIRE(idx.size() == 1);
        sentences.insert(idx.front());
        if (idx.front() == "0") {
            CHECK(p.objects(n, nkg("evidenceText")) ==
                  std::vector<std::string>{"Mali demanded that \"MINUSMA\" leave."});
            CHECK(p.objects(n, nkg("evidenceStart")) == std::vector<std::string>{"0"});
            CHECK(p.objects(n, nkg("evidenceEnd")) ==
                  std::vector<std::string>{std::to_string(std::string("Mali demanded that \"MINUSMA\" leave.").size())});
        }
    }
    CHECK(sentences == std::set<std::string>{"0", "3"});
}

TEST_CASE("a negated edge has no direct triple, only its flagged qualified node", "[export][rdf]") {
    Parsed p(to_rdf(sample_graph(), onto(), RdfSyntax::Turtle, kBase));
    CHECK_FALSE(p.has(kFrance, nkg("attacked"), kMali));
    std::vector<std::string> nodes;
    for (const auto& e : p.of_type(nkg("Event")))
        if (p.has(e, nkg("predicate"), nkg("attacked"))) nodes.push_back(e);
    REQUIRE(nodes.size() == 1);
    CHECK(p.objects(nodes[0], nkg("flag")) == std::vector<std::string>{"hedged", "negated"});
    CHECK(p.objects(nodes[0], nkg("date")) == std::vector<std::string>{"2023"});
    CHECK(p.datatype(nodes[0], nkg("date")) == kXsd + "gYear");
}

TEST_CASE("an empty base falls back to the default namespace", "[export][rdf]") {
    KnowledgeGraph g;
    RelationEdge e;
    e.predicate = "memberOf";
    g.upsert_node(make_node(kMali, "Mali", ActorType::Country));
    g.upsert_node(make_node(kUn, "United Nations", ActorType::Organization));
    g.upsert_edge(kMali, e, kUn);
    std::string ttl = to_rdf(g, onto(), RdfSyntax::Turtle, "");
    CHECK(ttl.find(std::string("@prefix kg: <") + std::string(kDefaultBaseIri) + ">") != std::string::npos);
    Parsed p(ttl);
    auto st = p.of_type(nkg("StandingRelationStatement"));
    REQUIRE(st.size() == 1);
    CHECK(st[0].rfind(std::string(kDefaultBaseIri) + "statement/", 0) == 0);
}

TEST_CASE("an empty graph exports as prefixes only", "[export][rdf]") {
    KnowledgeGraph g;
    CHECK(to_rdf(g, onto(), RdfSyntax::NTriples, kBase).empty());
    std::string ttl = to_rdf(g, onto(), RdfSyntax::Turtle, kBase);
    CHECK(rapper_ntriples(ttl, "turtle").empty());
}
