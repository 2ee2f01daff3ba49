// Merging: the algebra (order, grouping and repetition do not change the result),
// cross-article actor resolution and its limits, edges across articles, the CLI.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <sstream>

#include "merge_support.hpp"
#include "newskg/export/json.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/io/graph_files.hpp"
#include "newskg/merge/merge.hpp"

using namespace newskg;
using newskg::test::resources;

namespace {

const Ontology& onto() { return resources().ontology(); }

/// The canonical form graphs are compared in: sorted N-Triples.
std::string canonical(const KnowledgeGraph& g) { return to_rdf(g, onto(), RdfSyntax::NTriples, ""); }

KnowledgeGraph merged(const std::vector<const KnowledgeGraph*>& gs, const MergeOptions& mo = {}) {
    return merge_graphs(gs, onto(), mo).graph;
}

/// Articles that share actors (Mali, Niger, France, ECOWAS, the UN …), each written to a
/// file and read back, so that every graph has been through an export once.
struct Articles {
    test::TempDir dir;
    std::vector<KnowledgeGraph> graphs;
    Articles() {
        for (const char* id : {"sahel-minusma-withdrawal", "niger-junta-french-ambassador",
                               "ecowas-lifts-niger-sanctions", "sahel-states-quit-ecowas",
                               "chad-ends-france-defence-pact", "sahel-algeria-drone-row"}) {
            const auto it = test::article_graphs().find(id);
            REQUIRE(it != test::article_graphs().end());
            const std::string path = dir / (std::string(id) + ".ttl");
            test::write_file(path, to_rdf(it->second, onto(), RdfSyntax::Turtle, ""));
            graphs.push_back(read_graph_file(path, onto()));
        }
    }
    std::vector<const KnowledgeGraph*> all() const {
        std::vector<const KnowledgeGraph*> out;
        for (const auto& g : graphs) out.push_back(&g);
        return out;
    }
};

EntityNode node(const std::string& iri, const std::string& label, ActorType type,
                std::vector<std::string> aliases = {}, const std::string& article = "a") {
    EntityNode n;
    n.iri = iri;
    n.label = label;
    n.type = type;
    n.aliases = std::move(aliases);
    n.articles = {article};
    return n;
}

KnowledgeGraph graph_of(const std::string& article, const std::vector<EntityNode>& nodes) {
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = article;
    a.iri = article_iri("", article);
    g.add_article(a);
    for (auto n : nodes) {
        n.articles = {article};
        g.upsert_node(n);
    }
    return g;
}

const std::string kId = "https://newskg.org/id/";
const std::string kMinusma = "https://newskg.org/actor/org/minusma";

} // namespace

TEST_CASE("merging is commutative: every order of six articles gives the same graph", "[merge][algebra]") {
    Articles a;
    const std::string want = canonical(merged(a.all()));
    std::vector<std::size_t> order(a.graphs.size());
    std::iota(order.begin(), order.end(), 0);
    std::size_t permutations = 0;
    do {
        std::vector<const KnowledgeGraph*> gs;
        for (std::size_t i : order) gs.push_back(&a.graphs[i]);
        // Every permutation of the first five; the sixth in several places is covered
        // by the random groupings below.
        REQUIRE(canonical(merged(gs)) == want);
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end() - 1));
    CHECK(permutations == 120);
}

TEST_CASE("merging is associative: random groupings merged through files in every syntax",
          "[merge][algebra]") {
    Articles a;
    const std::string want = canonical(merged(a.all()));
    const char* exts[] = {"ttl", "nt", "nq", "trig", "rdf", "json"};
    std::mt19937 rng(20240310);
    for (int round = 0; round < 12; ++round) {
        // A random order, then a random binary tree over it: each inner merge is written
        // to a file in a random syntax and read back.
        std::vector<KnowledgeGraph> parts = a.graphs;
        std::shuffle(parts.begin(), parts.end(), rng);
        int file = 0;
        while (parts.size() > 1) {
            std::uniform_int_distribution<std::size_t> pick(0, parts.size() - 2);
            const std::size_t i = pick(rng);
            const KnowledgeGraph m = merged({&parts[i], &parts[i + 1]});
            const std::string ext = exts[rng() % 6];
            const std::string path = a.dir / ("part" + std::to_string(round) + "-" + std::to_string(file++) + "." + ext);
            if (ext == "json")
                test::write_file(path, to_json_string(m, &onto()));
            else
                test::write_file(path, to_rdf(m, onto(),
                                              ext == "ttl"    ? RdfSyntax::Turtle
                                              : ext == "nt"   ? RdfSyntax::NTriples
                                              : ext == "nq"   ? RdfSyntax::NQuads
                                              : ext == "trig" ? RdfSyntax::TriG
                                                              : RdfSyntax::RdfXml,
                                              ""));
            parts[i] = read_graph_file(path, onto());
            parts.erase(parts.begin() + static_cast<long>(i) + 1);
        }
        INFO("round " << round);
        CHECK(canonical(merged({&parts[0]})) == want);
    }
}

TEST_CASE("merging is idempotent: an article or a merged graph merged again changes nothing",
          "[merge][algebra]") {
    Articles a;
    const KnowledgeGraph m = merged(a.all());
    for (const auto& g : a.graphs) {
        CHECK(canonical(merged({&g, &g})) == canonical(merged({&g})));
        CHECK(canonical(merged({&m, &g})) == canonical(m));
    }
    CHECK(canonical(merged({&m, &m})) == canonical(m));
    CHECK(canonical(merged({&m})) == canonical(m));
}

TEST_CASE("edges across articles: one edge with all mentions, its dates, and each reading in its article's graph",
          "[merge][edges]") {
    KnowledgeGraph g1 = graph_of("day1", {node("https://newskg.org/actor/country/ML", "Mali", ActorType::Country),
                                          node("https://newskg.org/actor/country/FR", "France", ActorType::Country)});
    KnowledgeGraph g2 = graph_of("day2", {node("https://newskg.org/actor/country/ML", "Mali", ActorType::Country),
                                          node("https://newskg.org/actor/country/FR", "France", ActorType::Country)});
    RelationEdge r;
    r.predicate = "accused";
    r.cameo = "112";
    r.quad_class = 3;
    r.goldstein = -2;
    r.confidence = 0.8;
    r.rule = "lexicon:accuse/dobj";
    r.date = r.last_date = DateValue{2024, 3, 1};
    r.evidence = {{"day1", 2, {10, 50}, "Mali accused France on Friday."}};
    g1.upsert_edge("https://newskg.org/actor/country/ML", r, "https://newskg.org/actor/country/FR");
    r.date = r.last_date = DateValue{2024, 3, 9};
    r.confidence = 0.9;
    r.rule = "parse:accuse";
    r.evidence = {{"day2", 0, {0, 30}, "Mali again accused France."}, {"day2", 4, {90, 120}, "It accused Paris."}};
    g2.upsert_edge("https://newskg.org/actor/country/ML", r, "https://newskg.org/actor/country/FR");

    const KnowledgeGraph m = merged({&g2, &g1});
    REQUIRE(m.edge_count() == 1);
    const RelationEdge& e = m.edges().front().relation;
    CHECK(e.mention_count == 3);
    CHECK(e.evidence.size() == 3);
    CHECK(e.date->iso() == "2024-03-01");
    CHECK(e.last_date->iso() == "2024-03-09");
    CHECK(e.confidence == 0.9);
    CHECK(e.rule == "parse:accuse");

    // N-Quads: the direct triple once in the default graph, each reading in its article's.
    const std::string nq = to_rdf(m, onto(), RdfSyntax::NQuads, "");
    std::size_t direct = 0, in_day1 = 0, in_day2 = 0;
    std::istringstream lines(nq);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("<https://newskg.org/ontology#accused> <https://newskg.org/actor/country/FR> .") != std::string::npos)
            ++direct;
        if (line.find("#evidenceText>") == std::string::npos) continue;
        if (line.find("<" + article_iri("", "day1") + "> .") != std::string::npos) ++in_day1;
        if (line.find("<" + article_iri("", "day2") + "> .") != std::string::npos) ++in_day2;
    }
    CHECK(direct == 1);
    CHECK(in_day1 == 1);
    CHECK(in_day2 == 2);
}

TEST_CASE("resolution: misspelt acronyms, acronyms and aliases merge, the log says why", "[merge][resolve]") {
    const auto a = graph_of("a", {node(kMinusma, "MINUSMA", ActorType::Organization, {"UN mission"}),
                                  node(kId + "organization/tuareg-farmers-union", "Tuareg Farmers Union",
                                       ActorType::Organization),
                                  node(kId + "person/a-ag-intalla", "Alghabass Ag Intalla", ActorType::Person)});
    const auto b = graph_of("b", {node(kId + "organization/mimusma", "MIMUSMA", ActorType::Organization),
                                  node(kId + "organization/tfu", "TFU", ActorType::Organization),
                                  node(kId + "actor/ag-intalla", "Ag Intalla", ActorType::Actor,
                                       {"Alghabass Ag Intalla"})});
    const MergeResult r = merge_graphs({&a, &b}, onto(), {});
    INFO(merge_log_jsonl(r.log));
    CHECK(r.nodes_before == 6);
    CHECK(r.graph.node_count() == 3);
    REQUIRE(r.log.size() == 3);
    const EntityNode* minusma = r.graph.find(kMinusma);
    REQUIRE(minusma);
    CHECK(minusma->label == "MINUSMA");
    CHECK(std::count(minusma->aliases.begin(), minusma->aliases.end(), "MIMUSMA") == 1);
    CHECK(minusma->articles == std::vector<std::string>{"a", "b"});
    std::map<std::string, MergeLogEntry> by_merged;
    for (const auto& e : r.log) by_merged[e.merged] = e;
    CHECK(by_merged.at(kId + "organization/mimusma").reason == "edit distance 1 \"MIMUSMA\"~\"MINUSMA\"");
    CHECK(by_merged.at(kId + "organization/mimusma").kept == kMinusma);
    CHECK(by_merged.at(kId + "organization/tfu").kind == "acronym");
    CHECK(by_merged.at(kId + "organization/tfu").kept == kId + "organization/tuareg-farmers-union");
    // The generic Actor gives way to the Person.
    CHECK(by_merged.at(kId + "actor/ag-intalla").kept == kId + "person/a-ag-intalla");
    CHECK(by_merged.at(kId + "actor/ag-intalla").reason == "alias \"Alghabass Ag Intalla\"");
    const std::string log = merge_log_jsonl(r.log);
    CHECK(std::count(log.begin(), log.end(), '\n') == 3);
    CHECK(nlohmann::json::parse(log.substr(0, log.find('\n')))["kept"].is_string());

    MergeOptions exact;
    exact.fuzzy = false;
    const MergeResult none = merge_graphs({&a, &b}, onto(), exact);
    CHECK(none.graph.node_count() == 6);
    CHECK(none.log.empty());
}

TEST_CASE("resolution never merges what the gazetteer, the types or descriptions separate", "[merge][resolve]") {
    const std::string ne = "https://newskg.org/actor/country/NE", ng = "https://newskg.org/actor/country/NG",
                      ml = "https://newskg.org/actor/country/ML";
    const auto a = graph_of("a", {node(ne, "Niger", ActorType::Country, {"Nigerien"}),
                                  node(ml, "Mali", ActorType::Country, {"Malian"}),
                                  node(kId + "government/ml", "Mali's junta", ActorType::Government, {"The junta"}),
                                  node(kId + "location/niger", "Nigar", ActorType::Location)});
    const auto b = graph_of("b", {node(ng, "Nigeria", ActorType::Country, {"Nigerian"}),
                                  node(kId + "government/ne", "Niger's junta", ActorType::Government, {"The junta"}),
                                  node(kId + "organization/nigerr", "Nigerr", ActorType::Organization),
                                  node(kId + "actor/mali", "Mali", ActorType::Actor, {"Nigeria"})});
    const MergeResult r = merge_graphs({&a, &b}, onto(), {});
    INFO(merge_log_jsonl(r.log));
    // Niger ≠ Nigeria (Nigerien ~ Nigerian is one letter apart); the two juntas share
    // only a description; "Nigar" (a place) and "Nigerr" (an organisation) are near Niger
    // but of other types; the generic "Mali" that is also called Nigeria claims two
    // gazetteer actors and joins neither.
    CHECK(r.log.empty());
    CHECK(r.graph.node_count() == 8);
}

TEST_CASE("resolution: an alias file adds merges and owl:differentFrom forbids them", "[merge][resolve]") {
    test::TempDir dir;
    const std::string file = dir / "aliases.ttl";
    test::write_file(file, R"(@prefix nkg: <https://newskg.org/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
<https://newskg.org/id/armedgroup/fla> a nkg:ArmedGroup ;
    skos:prefLabel "Azawad Liberation Front"@en ;
    skos:altLabel "Front de libération de l'Azawad" ;
    nkg:acronym "FLA" .
<https://newskg.org/id/person/ali-hasan> owl:differentFrom <https://newskg.org/id/person/ali-hassan> .
)");
    const AliasRules rules = AliasRules::load(file);
    REQUIRE(rules.entries.size() == 1);
    REQUIRE(rules.different.size() == 1);
    const auto a = graph_of("a", {node(kId + "armedgroup/azawad-liberation-front", "Azawad Liberation Front",
                                       ActorType::ArmedGroup),
                                  node(kId + "person/ali-hasan", "Ali Hasan", ActorType::Person)});
    const auto b = graph_of("b", {node(kId + "organization/front-de-liberation-de-l-azawad",
                                       "Front de libération de l'Azawad", ActorType::Organization),
                                  node(kId + "person/ali-hassan", "Ali Hassan", ActorType::Person)});
    // Without the file: the two Ali are one letter apart, the two fronts unrelated.
    const MergeResult plain = merge_graphs({&a, &b}, onto(), {});
    CHECK(plain.graph.node_count() == 3);
    MergeOptions mo;
    mo.aliases = rules;
    const MergeResult r = merge_graphs({&a, &b}, onto(), mo);
    CHECK(r.graph.node_count() == 3);
    REQUIRE(r.log.size() == 1);
    CHECK(r.log[0].kind == "alias-file");
    CHECK(r.graph.find(kId + "person/ali-hasan"));
    CHECK(r.graph.find(kId + "person/ali-hassan"));
    // The alias file's merges hold without fuzzy matching too.
    mo.fuzzy = false;
    CHECK(merge_graphs({&a, &b}, onto(), mo).graph.node_count() == 3);

    const std::string empty = dir / "empty.ttl";
    test::write_file(empty, "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n");
    CHECK_THROWS_WITH(AliasRules::load(empty), Catch::Contains("newskg.parse.505") && Catch::Contains(empty));
}

TEST_CASE("resolution of extracted articles: a misspelt name merges, Niger and Nigeria stay apart",
          "[merge][resolve]") {
    KnowledgeGraph a, b;
    a.add(test::extract_text("Mohamed Bazoum met Emmanuel Macron in Paris on Sunday.\n\n"
                             "Niger's junta accused France of plotting an invasion.\n"),
          "");
    b.add(test::extract_text("Mohammed Bazoum accused Niger's junta of lying on Monday.\n\n"
                             "Nigeria condemned the coup in Niger.\n"),
          "");
    const MergeResult r = merge_graphs({&a, &b}, onto(), {});
    REQUIRE(r.log.size() == 1);
    CHECK(r.log[0].kind == "edit-distance");
    CHECK(r.log[0].merged_label.find("Bazoum") != std::string::npos);
    CHECK(r.graph.find("https://newskg.org/actor/country/NE"));
    CHECK(r.graph.find("https://newskg.org/actor/country/NG"));
}

TEST_CASE("newskg merge: order-free output, merge log, a bad input named and the rest merged",
          "[merge][cli]") {
    test::TempDir dir;
    std::vector<std::string> files;
    for (const char* id : {"sahel-minusma-withdrawal", "niger-junta-french-ambassador", "ecowas-lifts-niger-sanctions"}) {
        const std::string path = dir / (std::string(id) + ".nt");
        test::write_file(path, to_rdf(test::article_graphs().at(id), onto(), RdfSyntax::NTriples, ""));
        files.push_back(test::sh_quote(path));
    }
    auto run = [&](const std::string& inputs, const std::string& out) {
        return test::run_newskg("merge " + inputs + " --output " + test::sh_quote(dir / out) + " --merge-log " +
                                test::sh_quote(dir / (out + ".log")));
    };
    const auto r1 = run(files[0] + " " + files[1] + " " + files[2], "m1.ttl");
    REQUIRE(r1.status == 0);
    CHECK(r1.err.find("merged 3 graph(s)") != std::string::npos);
    const auto r2 = run(files[2] + " " + files[0] + " " + files[1] + " " + files[0], "m2.ttl");
    REQUIRE(r2.status == 0);
    CHECK(test::read_file(dir / "m1.ttl") == test::read_file(dir / "m2.ttl"));
    CHECK(test::read_file(dir / "m1.ttl").find("@prefix") != std::string::npos);

    test::write_file(dir / "broken.ttl", "<a> <b> .\n");
    const auto r3 = run(files[0] + " " + test::sh_quote(dir / "broken.ttl") + " " + files[1], "m3.json");
    CHECK(r3.status == 1);
    CHECK(r3.err.find("broken.ttl:1") != std::string::npos);
    const auto m3 = nlohmann::json::parse(test::read_file(dir / "m3.json"));
    CHECK(m3["articles"].size() == 2);

    CHECK(test::run_newskg("merge " + files[0]).status == 2); // no --output
}

TEST_CASE("the seed and development articles merged: each shared actor is one node, no node two actors",
          "[merge][corpus]") {
    const std::string corpus = test::source_path("../shared/corpus");
    if (!std::filesystem::exists(corpus + "/seed")) {
        WARN("../shared/corpus is not beside the checkout; the corpus merge is not checked");
        return;
    }
    std::vector<std::string> paths;
    for (const char* sub : {"/seed", "/dev"})
        for (const auto& e : std::filesystem::directory_iterator(corpus + sub))
            if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    REQUIRE(paths.size() >= 7);
    std::vector<KnowledgeGraph> graphs;
    PipelineOptions po;
    po.use_parser = false;
    for (const auto& p : paths) {
        KnowledgeGraph g;
        g.add(extract(read_text_article(test::read_file(p), p, ReadOptions{}), resources(), po), po.base_iri);
        graphs.push_back(std::move(g));
    }
    std::vector<const KnowledgeGraph*> all;
    for (const auto& g : graphs) all.push_back(&g);
    const MergeResult r = merge_graphs(all, onto(), {});
    WARN("corpus: " << paths.size() << " articles, " << r.nodes_before << " actors by IRI, "
                    << r.graph.node_count() << " after resolution; " << merge_log_summary(r.log) << "\n"
                    << merge_log_jsonl(r.log));

    // Gazetteer actors by their own names and acronyms.
    std::map<std::string, std::set<std::string>> gazetteer_by_name;
    for (const auto& e : onto().gazetteer()) {
        gazetteer_by_name[e.label].insert(e.iri);
        for (const auto& a : e.acronyms) gazetteer_by_name[a].insert(e.iri);
    }
    for (const char* iri : {"https://newskg.org/actor/country/ML", "https://newskg.org/actor/country/NE",
                            "https://newskg.org/actor/country/RU", "https://newskg.org/actor/country/FR",
                            "https://newskg.org/actor/org/un", "https://newskg.org/actor/org/ecowas"}) {
        const GazetteerEntry* e = onto().actor(iri);
        REQUIRE(e);
        const EntityNode* n = r.graph.find(iri);
        if (!n) continue; // not in these articles
        // No other node is called by its label or acronyms.
        for (const EntityNode* other : r.graph.nodes()) {
            if (other->iri == iri) continue;
            INFO(iri << " and " << other->iri);
            CHECK(other->label != e->label);
            for (const auto& a : e->acronyms) CHECK(other->label != a);
        }
    }
    // No node is called by the names of two gazetteer actors.
    for (const EntityNode* n : r.graph.nodes()) {
        std::set<std::string> actors;
        auto claim = [&](const std::string& name) {
            if (auto it = gazetteer_by_name.find(name); it != gazetteer_by_name.end())
                actors.insert(it->second.begin(), it->second.end());
        };
        claim(n->label);
        for (const auto& a : n->aliases) claim(a);
        INFO(n->iri << " " << n->label);
        CHECK(actors.size() <= 1);
    }
}

TEST_CASE("resolution: near-spellings are one misspelt word of 5+ letters, never a short distinctive word",
          "[merge][resolve]") {
    const auto a = graph_of("a", {node(kId + "armedgroup/yaba-liberation-front", "Yaba Liberation Front",
                                       ActorType::ArmedGroup),
                                  node(kId + "armedgroup/kafe-patriotic-movement", "Kafe Patriotic Movement",
                                       ActorType::ArmedGroup),
                                  node(kId + "person/ibrahim-keita", "Ibrahim Keita", ActorType::Person)});
    const auto b = graph_of("b", {node(kId + "armedgroup/yabuka-liberation-front", "Yabuka Liberation Front",
                                       ActorType::ArmedGroup),
                                  node(kId + "armedgroup/kote-patriotic-movement", "Kote Patriotic Movement",
                                       ActorType::ArmedGroup),
                                  node(kId + "person/ibrahim-keito", "Ibrahim Keito", ActorType::Person),
                                  node(kId + "person/ibrahima-keita", "Ibrahima Keita", ActorType::Person)});
    const MergeResult r = merge_graphs({&a, &b}, onto(), {});
    INFO(merge_log_jsonl(r.log));
    // Yaba/Yabuka (two edits) and Kafe/Kote (4-letter words) are other groups; Keita and
    // Keito are 5-letter surnames one edit apart, but so are Ibrahim and Ibrahima: the
    // one misspelt word may be either, never both.
    REQUIRE(r.log.size() == 1);
    CHECK(r.log[0].kind == "edit-distance");
    CHECK(r.graph.node_count() == 6);
    CHECK_FALSE(r.graph.find(kId + "person/ibrahim-keito"));
}
