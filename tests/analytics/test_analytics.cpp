// Analytics on hand-built graphs whose answers are known: a chain, a star, two
// components, parallel and negated relations, dated events.
#include <catch2/catch.hpp>

#include <numeric>

#include "newskg/analytics/analytics.hpp"

using namespace newskg;

namespace {

const std::string kNs = "https://example.org/actor/";

void node(KnowledgeGraph& g, const std::string& name, std::vector<std::string> aliases = {}) {
    EntityNode n;
    n.iri = kNs + name;
    n.label = name;
    n.aliases = std::move(aliases);
    g.upsert_node(n);
}

RelationEdge event(const std::string& predicate, const std::string& cameo, int quad, double goldstein,
                   std::optional<DateValue> date = std::nullopt, std::size_t mentions = 1) {
    RelationEdge e;
    e.predicate = predicate;
    e.cameo = cameo;
    e.quad_class = quad;
    e.goldstein = goldstein;
    e.date = date;
    e.last_date = date;
    // The graph counts mentions by evidence items: one sentence per mention.
    for (std::size_t i = 0; i < mentions; ++i) {
        Evidence ev;
        ev.document = "doc";
        ev.sentence = i;
        ev.text = "The " + predicate + " sentence.";
        e.evidence.push_back(ev);
    }
    return e;
}

RelationEdge standing(const std::string& predicate) {
    RelationEdge e;
    e.predicate = predicate;
    return e;
}

void link(KnowledgeGraph& g, const std::string& s, const RelationEdge& e, const std::string& o) {
    g.upsert_edge(kNs + s, e, kNs + o);
}

const ActorScore& score(const GraphAnalysis& a, const std::string& name) {
    for (const auto& s : a.actors)
        if (s.iri == kNs + name) return s;
    FAIL("no actor " << name);
    throw std::logic_error("unreachable");
}

double rank_sum(const GraphAnalysis& a) {
    return std::accumulate(a.actors.begin(), a.actors.end(), 0.0,
                           [](double acc, const ActorScore& s) { return acc + s.pagerank; });
}

/// A → B → C → D → E, with a second, parallel relation B → C.
KnowledgeGraph chain() {
    KnowledgeGraph g;
    for (auto n : {"A", "B", "C", "D", "E"}) node(g, n);
    link(g, "A", event("met", "040", 1, 1.0), "B");
    link(g, "B", event("accused", "112", 3, -2.0), "C");
    link(g, "B", event("threatened", "130", 3, -4.4), "C");
    link(g, "C", standing("partOf"), "D");
    link(g, "E", event("attacked", "190", 4, -10.0), "D"); // points back along the chain
    return g;
}

} // namespace

TEST_CASE("degree counts relations in and out, and mentions", "[analytics]") {
    KnowledgeGraph g = chain();
    link(g, "A", event("met", "040", 1, 1.0, std::nullopt, 3), "C");
    const GraphAnalysis a = analyse_graph(g);
    REQUIRE(a.actors.size() == 5);
    CHECK(a.relations == 6);
    CHECK(score(a, "B").out_degree == 2);
    CHECK(score(a, "B").in_degree == 1);
    CHECK(score(a, "B").degree == 3);
    CHECK(score(a, "C").degree == 4);
    CHECK(score(a, "C").mentions == 6); // 1 + 1 + 3 in, 1 out
    CHECK(score(a, "E").in_degree == 0);
}

TEST_CASE("betweenness of a chain: the middle lies on every path across it", "[analytics]") {
    const GraphAnalysis a = analyse_graph(chain());
    // Path A–B–C–D–E, parallel relations counting once: B lies between A and {C, D, E}
    // (3 pairs), C between {A, B} and {D, E} (4 pairs), D between {A, B, C} and E (3).
    CHECK(score(a, "A").betweenness == Approx(0.0));
    CHECK(score(a, "B").betweenness == Approx(3.0));
    CHECK(score(a, "C").betweenness == Approx(4.0));
    CHECK(score(a, "D").betweenness == Approx(3.0));
    CHECK(score(a, "E").betweenness == Approx(0.0));
}

TEST_CASE("betweenness splits between equal shortest paths", "[analytics]") {
    // A square A–B–D, A–C–D: B and C each carry half of the A–D paths.
    KnowledgeGraph g;
    for (auto n : {"A", "B", "C", "D"}) node(g, n);
    link(g, "A", event("met", "040", 1, 1.0), "B");
    link(g, "A", event("met", "040", 1, 1.0), "C");
    link(g, "B", event("met", "040", 1, 1.0), "D");
    link(g, "D", event("met", "040", 1, 1.0), "C");
    const GraphAnalysis a = analyse_graph(g);
    for (auto n : {"A", "B", "C", "D"}) CHECK(score(a, n).betweenness == Approx(0.5));
}

TEST_CASE("PageRank sums to one and the hub of a star ranks highest", "[analytics]") {
    KnowledgeGraph g;
    node(g, "Hub");
    for (auto n : {"L1", "L2", "L3", "L4", "L5"}) {
        node(g, n);
        link(g, n, event("accused", "112", 3, -2.0), "Hub");
    }
    const GraphAnalysis a = analyse_graph(g);
    CHECK(rank_sum(a) == Approx(1.0).epsilon(1e-9));
    const double hub = score(a, "Hub").pagerank;
    for (auto n : {"L1", "L2", "L3", "L4", "L5"}) CHECK(hub > 3 * score(a, n).pagerank);
    // Closed form: leaves get r = (1-d)/n + d*h/n; the hub h = (1-d)/n + d*h/n + d*5r.
    const double d = 0.85, n = 6;
    const double leaf = score(a, "L1").pagerank;
    CHECK(leaf == Approx((1 - d) / n + d * hub / n).epsilon(1e-8));
    CHECK(hub == Approx((1 - d) / n + d * hub / n + d * 5 * leaf).epsilon(1e-8));
    // The hub is also the star's only broker.
    CHECK(score(a, "Hub").betweenness == Approx(10.0)); // C(5, 2) pairs of leaves
}

TEST_CASE("PageRank of a graph without relations is uniform", "[analytics]") {
    KnowledgeGraph g;
    for (auto n : {"A", "B", "C", "D"}) node(g, n);
    const GraphAnalysis a = analyse_graph(g);
    for (const auto& s : a.actors) CHECK(s.pagerank == Approx(0.25));
    CHECK(a.components.size() == 4);
    CHECK(analyse_graph(KnowledgeGraph{}).actors.empty());
}

TEST_CASE("weakly connected components, largest first", "[analytics]") {
    KnowledgeGraph g = chain();
    for (auto n : {"X", "Y", "Z"}) node(g, n);
    link(g, "Y", event("met", "040", 1, 1.0), "X");
    const GraphAnalysis a = analyse_graph(g);
    REQUIRE(a.components.size() == 3);
    CHECK(a.components[0].members.size() == 5);
    CHECK(a.components[0].relations == 5);
    CHECK(a.components[1].members == std::vector<std::string>{kNs + "X", kNs + "Y"});
    CHECK(a.components[1].relations == 1);
    CHECK(a.components[2].members == std::vector<std::string>{kNs + "Z"});
    CHECK(score(a, "E").component == 0);
    CHECK(score(a, "X").component == 1);
    CHECK(score(a, "Z").component == 2);
}

TEST_CASE("negated relations are no links", "[analytics]") {
    KnowledgeGraph g;
    for (auto n : {"A", "B"}) node(g, n);
    RelationEdge denied = event("attacked", "190", 4, -10.0);
    denied.flags = kNegated;
    link(g, "A", denied, "B");
    const GraphAnalysis a = analyse_graph(g);
    CHECK(a.relations == 0);
    CHECK(a.components.size() == 2);
    CHECK(score(a, "A").degree == 0);
    CHECK_FALSE(shortest_chain(g, kNs + "A", kNs + "B"));
    CHECK(pair_balances(g).empty());
}

TEST_CASE("shortest chain follows relations either way, with their direction", "[analytics]") {
    const KnowledgeGraph g = chain();
    const auto c = shortest_chain(g, kNs + "A", kNs + "E");
    REQUIRE(c);
    CHECK(c->actors == std::vector<std::string>{kNs + "A", kNs + "B", kNs + "C", kNs + "D", kNs + "E"});
    REQUIRE(c->steps.size() == 4);
    CHECK(c->steps[0].relations.size() == 1);
    CHECK(c->steps[0].relations[0].predicate == "met");
    CHECK(c->steps[0].relations[0].forward);
    CHECK(c->steps[1].relations.size() == 2); // accused and threatened
    CHECK(c->steps[2].relations[0].predicate == "partOf");
    const ChainRelation& back = c->steps[3].relations.at(0);
    CHECK(back.predicate == "attacked");
    CHECK_FALSE(back.forward); // E attacked D: it points from the end back
    CHECK(back.subject_iri == kNs + "E");
    CHECK(back.object_iri == kNs + "D");
    REQUIRE(back.evidence);
    CHECK(back.evidence->text == "The attacked sentence.");
    // Every step's relations join the step's actors.
    for (const auto& step : c->steps)
        for (const auto& r : step.relations) {
            const bool joins = (r.subject_iri == step.from_iri && r.object_iri == step.to_iri) ||
                               (r.subject_iri == step.to_iri && r.object_iri == step.from_iri);
            CHECK(joins);
            CHECK(r.forward == (r.subject_iri == step.from_iri));
        }

    const auto reverse = shortest_chain(g, kNs + "E", kNs + "A");
    REQUIRE(reverse);
    CHECK(reverse->steps.front().relations.front().forward); // E attacked D
    const auto self = shortest_chain(g, kNs + "C", kNs + "C");
    REQUIRE(self);
    CHECK(self->steps.empty());
    CHECK_THROWS_AS(shortest_chain(g, kNs + "A", kNs + "nobody"), std::out_of_range);
}

TEST_CASE("shortest chain takes the short cut and says when there is none", "[analytics]") {
    KnowledgeGraph g = chain();
    link(g, "E", event("met", "040", 1, 1.0), "B");
    node(g, "Z");
    const auto c = shortest_chain(g, kNs + "A", kNs + "E");
    REQUIRE(c);
    CHECK(c->actors == std::vector<std::string>{kNs + "A", kNs + "B", kNs + "E"});
    CHECK_FALSE(shortest_chain(g, kNs + "A", kNs + "Z"));
}

TEST_CASE("pair balance: QuadClass counts and Goldstein sums by month", "[analytics]") {
    KnowledgeGraph g;
    for (auto n : {"A", "B", "C"}) node(g, n);
    const DateValue march{2024, 3, 5}, march_late{2024, 3, 28}, may{2024, 5, 1};
    link(g, "A", event("met", "040", 1, 1.0, march, 2), "B");
    link(g, "B", event("accused", "112", 3, -2.0, march_late), "A");
    link(g, "A", event("attacked", "190", 4, -10.0, may), "B");
    link(g, "A", event("provided aid", "070", 2, 7.0), "B");
    link(g, "A", standing("partOf"), "B"); // no QuadClass: not in the balance
    link(g, "C", event("met", "040", 1, 1.0, DateValue{2023, 0, 0}), "A");

    const auto pairs = pair_balances(g);
    REQUIRE(pairs.size() == 2);
    const PairBalance& ab = pairs[0]; // most mentions first
    CHECK(ab.first_iri == kNs + "A");
    CHECK(ab.second_iri == kNs + "B");
    CHECK(ab.total.period == "all");
    CHECK(ab.total.quad_counts == std::array<std::size_t, 5>{0, 2, 1, 1, 1});
    CHECK(ab.total.mentions() == 5);
    CHECK(ab.total.goldstein == Approx(2 * 1.0 - 2.0 - 10.0 + 7.0));
    REQUIRE(ab.periods.size() == 3);
    CHECK(ab.periods[0].period == "2024-03");
    CHECK(ab.periods[0].quad_counts == std::array<std::size_t, 5>{0, 2, 0, 1, 0});
    CHECK(ab.periods[0].goldstein == Approx(0.0));
    CHECK(ab.periods[1].period == "2024-05");
    CHECK(ab.periods[1].goldstein == Approx(-10.0));
    CHECK(ab.periods[2].period == "undated");
    CHECK(ab.periods[2].goldstein == Approx(7.0));
    // The periods add up to the total.
    double sum = 0;
    std::size_t mentions = 0;
    for (const auto& p : ab.periods) {
        sum += p.goldstein;
        mentions += p.mentions();
    }
    CHECK(sum == Approx(ab.total.goldstein));
    CHECK(mentions == ab.total.mentions());

    const PairBalance& ac = pairs[1];
    CHECK(ac.first_iri == kNs + "A");
    CHECK(ac.second_iri == kNs + "C");
    REQUIRE(ac.periods.size() == 1);
    CHECK(ac.periods[0].period == "2023"); // a year without a month is its own bucket
}

TEST_CASE("actors are found by IRI, label or alias ignoring case", "[analytics]") {
    KnowledgeGraph g;
    node(g, "Wagner Group", {"Wagner", "Africa Corps"});
    node(g, "MINUSMA", {"the UN mission"});
    node(g, "Mali");
    EntityNode junta;
    junta.iri = kNs + "MaliJunta";
    junta.label = "Malian junta";
    junta.aliases = {"Mali"};
    g.upsert_node(junta);

    REQUIRE(find_actors(g, "wagner").size() == 1);
    CHECK(find_actors(g, "wagner")[0]->label == "Wagner Group");
    CHECK(find_actors(g, "THE UN MISSION")[0]->label == "MINUSMA");
    CHECK(find_actors(g, kNs + "MINUSMA")[0]->label == "MINUSMA");
    CHECK(find_actors(g, "mali").size() == 2); // ambiguous: the country and the junta
    CHECK(find_actors(g, "Wagnr").empty());
    const auto close = similar_actor_names(g, "Wagnr");
    REQUIRE_FALSE(close.empty());
    CHECK(close[0] == "Wagner Group");
    const auto part = similar_actor_names(g, "minus");
    REQUIRE_FALSE(part.empty());
    CHECK(part[0] == "MINUSMA");
    CHECK(similar_actor_names(g, "Zimbabwe").empty());
}
