#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "graph/graph_fixtures.hpp"
#include "graph/knowledge_graph_impl.hpp"
#include "newskg/graph/union.hpp"

using namespace newskg;
using namespace newskg::testing;

namespace {

/// One article's extraction, written out by hand: Mali's junta demands that MINUSMA
/// leave. `label` varies the junta's spelling between articles.
Extraction junta_extraction(const std::string& doc_id, const std::string& junta_label,
                            std::vector<std::string> junta_aliases, std::size_t sentence,
                            DateValue date, double confidence) {
    Extraction x;
    x.document.id = doc_id;
    x.document.title = "Title of " + doc_id;
    x.document.published = date;
    x.document.source_path = doc_id + ".txt";
    x.document.text = junta_label + " demanded that MINUSMA leave.";

    Entity junta;
    junta.id = EntityId{"e1"};
    junta.iri = kJunta;
    junta.label = junta_label;
    junta.type = ActorType::Government;
    junta.aliases = std::move(junta_aliases);
    junta.country_code = "ML";
    Entity minusma;
    minusma.id = EntityId{"e2"};
    minusma.iri = kMinusma;
    minusma.label = "MINUSMA";
    minusma.type = ActorType::Organization;
    x.entities = {junta, minusma};

    Relation r;
    r.subject = EntityId{"e1"};
    r.predicate = "demandedWithdrawal";
    r.object = EntityId{"e2"};
    r.cameo = "1056";
    r.quad_class = 3;
    r.goldstein = -5.0;
    r.evidence = {evidence(doc_id, sentence, x.document.text)};
    r.date = date;
    r.rule = "rule-" + doc_id;
    r.confidence = confidence;
    x.relations = {r};
    return x;
}

std::vector<std::string> node_iris(const KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (const EntityNode* n : g.nodes()) out.push_back(n->iri);
    return out;
}

std::vector<std::string> edge_keys(const KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (const EdgeView& e : g.edges())
        out.push_back(e.subject.iri + " " + e.relation.predicate + " " + e.object.iri + " " +
                      e.relation.cameo + " " + std::to_string(e.relation.flags & kNegated) +
                      " x" + std::to_string(e.relation.mention_count));
    return out;
}

} // namespace

TEST_CASE("add merges entities by IRI and equal relations into one edge", "[graph]") {
    KnowledgeGraph g;
    g.add(junta_extraction("doc-a", "Mali's junta", {"junta"}, 0, day(2023, 6, 16), 0.6),
          "https://newskg.org/id/");
    g.add(junta_extraction("doc-b", "military junta", {"junta", "Mali's junta", "junta"}, 3,
                           day(2023, 6, 14), 0.9),
          "https://newskg.org/id/");

    REQUIRE(g.node_count() == 2);
    REQUIRE(g.edge_count() == 1);

    const EntityNode* junta = g.find(kJunta);
    REQUIRE(junta);
    // Not the first label seen but the better one (neither is the name the IRI was minted
    // from, so the longer), whatever the order the articles came in.
    CHECK(junta->label == "military junta");
    CHECK(junta->aliases == std::vector<std::string>{"Mali's junta", "junta"});
    CHECK(junta->articles == std::vector<std::string>{"doc-a", "doc-b"});
    CHECK(junta->type == ActorType::Government);
    CHECK(junta->country_code == "ML");

    const auto edges = g.edges();
    REQUIRE(edges.size() == 1);
    const RelationEdge& r = edges[0].relation;
    CHECK(&edges[0].subject == junta);
    CHECK(edges[0].object.iri == kMinusma);
    CHECK(r.evidence.size() == 2);
    CHECK(r.mention_count == 2);
    CHECK(r.evidence[0].document == "doc-a");
    CHECK(r.evidence[1].document == "doc-b");
    REQUIRE(r.date);
    REQUIRE(r.last_date);
    CHECK(*r.date == day(2023, 6, 14));
    CHECK(*r.last_date == day(2023, 6, 16));
    CHECK(r.confidence == Approx(0.9));
    CHECK(r.rule == "rule-doc-b"); // the rule behind the highest confidence

    REQUIRE(g.articles().size() == 2);
    CHECK(g.articles()[0].id == "doc-a");
    CHECK(g.articles()[0].iri == "https://newskg.org/id/article/doc-a");
    CHECK(g.articles()[0].source_path == "doc-a.txt");
    REQUIRE(g.articles()[1].published);
    CHECK(*g.articles()[1].published == day(2023, 6, 14));
}

TEST_CASE("the same sentence read twice is one mention", "[graph]") {
    KnowledgeGraph g;
    const auto x = junta_extraction("doc-a", "Mali's junta", {}, 2, day(2023, 6, 16), 0.7);
    g.add(x, "https://newskg.org/id/");
    g.add(x, "https://newskg.org/id/");
    REQUIRE(g.edge_count() == 1);
    CHECK(g.edges()[0].relation.evidence.size() == 1);
    CHECK(g.edges()[0].relation.mention_count == 1);
    CHECK(g.articles().size() == 1);
}

TEST_CASE("a negated relation does not merge with the plain one", "[graph]") {
    KnowledgeGraph g = sample_graph();
    const std::size_t before = g.edge_count();
    RelationEdge denial = event("demandedWithdrawal", "1056", 3, -5.0,
                                {evidence("doc1", 7, "The junta did not demand it.")});
    denial.flags = kNegated;
    g.upsert_edge(kJunta, denial, kMinusma);
    CHECK(g.edge_count() == before + 1);

    // The plain edge comes before its negation in edges().
    std::vector<const RelationEdge*> pair;
    for (const EdgeView& e : g.edges())
        if (e.subject.iri == kJunta && e.object.iri == kMinusma) pair.push_back(&e.relation);
    REQUIRE(pair.size() == 2);
    CHECK((pair[0]->flags & kNegated) == 0);
    CHECK(pair[0]->mention_count == 2);
    CHECK((pair[1]->flags & kNegated) != 0);
    CHECK(pair[1]->mention_count == 1);
}

TEST_CASE("merged flags: headline when any mention, hedged/reported only when all", "[graph]") {
    KnowledgeGraph g;
    g.upsert_node(node(kMali, "Mali", ActorType::Country));
    g.upsert_node(node(kRussia, "Russia", ActorType::Country));
    g.upsert_node(node(kJunta, "junta", ActorType::Government));

    RelationEdge hedged = event("accused", "112", 3, -2.0, {evidence("d", 0, "s0")});
    hedged.flags = kHedged | kReported | kHeadline;
    hedged.speaker_iri = kJunta;
    g.upsert_edge(kMali, hedged, kRussia);
    REQUIRE(g.edges()[0].relation.speaker_iri == kJunta);

    RelationEdge plain = event("accused", "112", 3, -2.0, {evidence("d", 1, "s1")});
    g.upsert_edge(kMali, plain, kRussia);
    REQUIRE(g.edge_count() == 1);
    const RelationEdge& r = g.edges()[0].relation;
    CHECK(r.flags == kHeadline);
    CHECK(r.speaker_iri.empty()); // stated outright too: no longer only the junta's claim
    CHECK(r.mention_count == 2);

    // Two hedged, reported mentions stay hedged and keep their speaker.
    KnowledgeGraph h;
    h.upsert_node(node(kMali, "Mali", ActorType::Country));
    h.upsert_node(node(kRussia, "Russia", ActorType::Country));
    h.upsert_node(node(kJunta, "junta", ActorType::Government));
    RelationEdge second = hedged;
    second.flags = kHedged | kReported;
    second.evidence = {evidence("d", 5, "s5")};
    h.upsert_edge(kMali, hedged, kRussia);
    h.upsert_edge(kMali, second, kRussia);
    CHECK(h.edges()[0].relation.flags == (kHedged | kReported | kHeadline));
    CHECK(h.edges()[0].relation.speaker_iri == kJunta);
}

TEST_CASE("add resolves the speaker and rejects unknown entity ids", "[graph]") {
    auto x = junta_extraction("doc-a", "Mali's junta", {}, 0, day(2023, 6, 16), 0.7);
    x.relations[0].speaker = EntityId{"e2"};
    x.relations[0].flags = kReported;
    KnowledgeGraph g;
    g.add(x, "https://newskg.org/id/");
    CHECK(g.edges()[0].relation.speaker_iri == kMinusma);

    x.relations[0].object = EntityId{"e9"};
    KnowledgeGraph bad;
    CHECK_THROWS_AS(bad.add(x, "https://newskg.org/id/"), std::invalid_argument);

    KnowledgeGraph h = sample_graph();
    CHECK_THROWS_AS(h.upsert_edge(kMali, standing("partOf", {}), "https://nowhere/x"),
                    std::out_of_range);
    CHECK_THROWS_AS(h.upsert_node(node("", "nameless", ActorType::Actor)), std::invalid_argument);
}

TEST_CASE("upsert_node merges aliases and fills missing type and country", "[graph]") {
    KnowledgeGraph g;
    g.upsert_node(node(kWagner, "Wagner Group", ActorType::Actor, {"Wagner", "", "Wagner Group"}));
    const EntityNode& n = g.upsert_node(
        node(kWagner, "Wagner mercenaries", ActorType::ArmedGroup, {"PMC Wagner", "Wagner"}, "RU"));
    CHECK(g.node_count() == 1);
    CHECK(n.label == "Wagner mercenaries"); // the longer: neither is what the IRI was minted from
    CHECK(n.aliases == std::vector<std::string>{"PMC Wagner", "Wagner", "Wagner Group"});
    CHECK(n.type == ActorType::ArmedGroup);
    CHECK(n.country_code == "RU");

    // The same two versions the other way round give the same node.
    KnowledgeGraph h;
    h.upsert_node(node(kWagner, "Wagner mercenaries", ActorType::ArmedGroup, {"PMC Wagner", "Wagner"}, "RU"));
    const EntityNode& m = h.upsert_node(node(kWagner, "Wagner Group", ActorType::Actor, {"Wagner", "", "Wagner Group"}));
    CHECK(m.label == n.label);
    CHECK(m.aliases == n.aliases);
    CHECK(m.type == n.type);
}

TEST_CASE("nodes() and edges() do not depend on insertion order", "[graph]") {
    // The same content inserted in two different orders.
    KnowledgeGraph a = sample_graph();

    KnowledgeGraph b;
    for (const ArticleInfo& art : a.articles()) b.add_article(art);
    auto nodes = a.nodes();
    std::reverse(nodes.begin(), nodes.end());
    for (const EntityNode* n : nodes) b.upsert_node(*n);
    // Re-insert the edges back to front, evidence by evidence.
    const auto edges = a.edges(); // EdgeView holds references: walk it backwards by index
    for (std::size_t i = edges.size(); i-- > 0;) {
        const EdgeView& e = edges[i];
        for (auto it = e.relation.evidence.rbegin(); it != e.relation.evidence.rend(); ++it) {
            RelationEdge one = e.relation;
            one.evidence = {*it};
            one.mention_count = 1;
            b.upsert_edge(e.subject.iri, one, e.object.iri);
        }
    }

    CHECK(node_iris(a) == node_iris(b));
    CHECK(edge_keys(a) == edge_keys(b));
    std::vector<std::string> sorted = node_iris(a);
    std::sort(sorted.begin(), sorted.end());
    CHECK(node_iris(a) == sorted);
    CHECK(node_iris(a).front() == kMali); // ".../actor/country/ML" sorts first

    const auto ka = edge_keys(a);
    CHECK(std::is_sorted(ka.begin(), ka.end()));
    for (std::size_t i = 0; i < a.edges().size(); ++i) {
        const auto& ea = a.edges()[i].relation;
        const auto& eb = b.edges()[i].relation;
        REQUIRE(ea.evidence.size() == eb.evidence.size());
        for (std::size_t k = 0; k < ea.evidence.size(); ++k)
            CHECK(ea.evidence[k].sentence == eb.evidence[k].sentence);
        CHECK(ea.date == eb.date);
        CHECK(ea.last_date == eb.last_date);
    }
}

TEST_CASE("copies are independent and keep merging, moved-from graphs stay usable", "[graph]") {
    KnowledgeGraph original = sample_graph();
    KnowledgeGraph copy = original;
    REQUIRE(copy.edge_count() == original.edge_count());

    // The copy's edge index must point into the copy: a merge lands on the copy's edge.
    copy.upsert_edge(kWagner, standing("affiliatedWith", {evidence("doc2", 1, "Wagner again.")}),
                     kRussia);
    CHECK(copy.edge_count() == original.edge_count());
    const auto find_edge = [](const KnowledgeGraph& g) -> const RelationEdge* {
        for (const EdgeView& e : g.edges())
            if (e.relation.predicate == "affiliatedWith") return &e.relation;
        return nullptr;
    };
    REQUIRE(find_edge(copy));
    REQUIRE(find_edge(original));
    CHECK(find_edge(copy)->mention_count == 2);
    CHECK(find_edge(original)->mention_count == 1);

    KnowledgeGraph assigned;
    assigned = copy;
    CHECK(find_edge(assigned)->mention_count == 2);
    assigned.upsert_edge(kWagner, standing("affiliatedWith", {evidence("doc3", 1, "And again.")}),
                         kRussia);
    CHECK(find_edge(assigned)->mention_count == 3);
    CHECK(find_edge(copy)->mention_count == 2);

    KnowledgeGraph moved = std::move(copy);
    CHECK(moved.edge_count() == original.edge_count());
    CHECK(find_edge(moved)->mention_count == 2);
    // NOLINTNEXTLINE(bugprone-use-after-move): the moved-from state is specified
    CHECK(copy.node_count() == 0);
    CHECK(copy.edges().empty());
    CHECK(copy.articles().empty());
    CHECK(copy.find(kMali) == nullptr);
    copy.upsert_node(node(kMali, "Mali", ActorType::Country));
    CHECK(copy.node_count() == 1);

    KnowledgeGraph target = sample_graph();
    target = std::move(moved);
    CHECK(find_edge(target)->mention_count == 2);
}

TEST_CASE("impl() exposes the Boost graph behind the values", "[graph]") {
    const KnowledgeGraph g = sample_graph();
    const auto& im = g.impl();
    CHECK(boost::num_vertices(im.graph) == g.node_count());
    CHECK(boost::num_edges(im.graph) == g.edge_count());
    const auto v = im.vertex(kJunta);
    CHECK(boost::out_degree(v, im.graph) == 1);
    CHECK(boost::in_degree(im.vertex(kRussia), im.graph) == 2);
}

TEST_CASE("article_iri percent-encodes the id and normalises the base", "[graph]") {
    CHECK(article_iri("https://ex.org/", "a b/c?d") == "https://ex.org/article/a%20b%2Fc%3Fd");
    CHECK(article_iri("https://ex.org", "x-1_2.3~") == "https://ex.org/article/x-1_2.3~");
    CHECK(article_iri("https://ex.org/ns#", "id") == "https://ex.org/ns#article/id");
    CHECK(article_iri("", "Zürich") == "https://newskg.org/id/article/Z%C3%BCrich");
}

TEST_CASE("add_article keeps articles sorted by id and replaces a re-added one", "[graph]") {
    KnowledgeGraph g;
    ArticleInfo b;
    b.id = "b";
    b.title = "old";
    ArticleInfo a;
    a.id = "a";
    g.add_article(b);
    g.add_article(a);
    b.title = "new";
    g.add_article(b);
    REQUIRE(g.articles().size() == 2);
    CHECK(g.articles()[0].id == "a");
    CHECK(g.articles()[1].title == "new");
}

TEST_CASE("an extraction, a graph and a union given as rvalues hand their evidence on without copying it", "[graph]") {
    // A large article's evidence is most of its graph's memory; extract used to hold it
    // three times (extraction, article graph, union) and once more while resolving.
    Extraction x = junta_extraction("doc1", "Mali's junta", {}, 0, DateValue{2023, 6, 16}, 0.9);
    x.relations.front().evidence.front().text = std::string(5000, 'w');
    const char* const text = x.relations.front().evidence.front().text.data();
    const Extraction copy = x;

    KnowledgeGraph from_copy;
    from_copy.add(copy, "https://newskg.org/id/");
    KnowledgeGraph g;
    g.add(std::move(x), "https://newskg.org/id/");
    REQUIRE(g.edges().size() == 1);
    CHECK(g.edges().front().relation.evidence.front().text.data() == text); // moved, not copied
    CHECK(x.relations.empty());      // consumed: its relations, text and tokens released
    CHECK(x.document.text.empty());
    CHECK(g.edges().front().relation.evidence.front().text == from_copy.edges().front().relation.evidence.front().text);
    CHECK(copy.relations.front().evidence.front().text.size() == 5000); // a const extraction is copied

    GraphUnion u;
    u.add(std::move(g));
    CHECK(g.edge_count() == 0);
    KnowledgeGraph all = u.take();
    REQUIRE(all.edges().size() == 1);
    CHECK(all.edges().front().relation.evidence.front().text.data() == text);
    CHECK(u.graph().edge_count() == 0); // taken: the union is empty
    CHECK(u.size() == 0);

    // The same union built from copies gives the same graph.
    GraphUnion v;
    v.add(from_copy);
    const KnowledgeGraph expected = v.graph();
    REQUIRE(expected.edges().size() == 1);
    CHECK(expected.edges().front().relation.evidence.front().text == all.edges().front().relation.evidence.front().text);
    CHECK(expected.edges().front().relation.evidence.front().sentence ==
          all.edges().front().relation.evidence.front().sentence);
    CHECK(expected.nodes().size() == all.nodes().size());
}
