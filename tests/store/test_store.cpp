// The persistent store: loads through the CLI and the API, queried back with SPARQL
// (Rasqal over librdf's Berkeley DB storage), results parsed back from every format.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <signal.h>
#include <sstream>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "newskg/store/query.hpp"
#include "newskg/store/store.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::test;

namespace {

const char* kMaliFrance = "Mali junta expels French envoy\n\nMarch 4, 2024\n\n"
                          "Mali accused France of backing armed groups in the north, the junta said on Monday.\n\n"
                          "France rejected the claim and criticized the junta.\n";
const char* kNigerFrance = "Niger and France clash over troops\n\nMarch 6, 2024\n\n"
                           "Niger demanded the withdrawal of French troops on Wednesday.\n\n"
                           "France condemned the decision, and Mali praised Niger.\n";

/// Two articles that share actors (France, Mali), written in `dir`.
void write_articles(const TempDir& dir) {
    write_file(dir / "mali-france.txt", kMaliFrance);
    write_file(dir / "niger-france.txt", kNigerFrance);
}

std::string articles(const TempDir& dir) {
    return sh_quote(dir / "mali-france.txt") + " " + sh_quote(dir / "niger-france.txt");
}

std::vector<std::string> lines(const std::string& s, const std::string& sep = "\n") {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t end = s.find(sep, pos);
        if (end == std::string::npos) end = s.size();
        out.push_back(s.substr(pos, end - pos));
        pos = end + sep.size();
    }
    return out;
}

/// The single value of a one-row, one-column query, through the CLI as CSV.
std::string scalar(const std::string& store, const std::string& sparql) {
    auto r = run_newskg("query --store " + sh_quote(store) + " --format csv " + sh_quote(sparql));
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto rows = lines(r.out, "\r\n");
    REQUIRE(rows.size() == 2);
    return rows[1];
}

/// The answer of an ASK query, through the CLI as SPARQL results JSON.
bool ask(const std::string& store, const std::string& sparql) {
    auto r = run_newskg("query --store " + sh_quote(store) + " --format json " + sh_quote(sparql));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out).at("boolean").get<bool>();
}

/// Every quad of a store as N-Quads lines, sorted.
std::vector<std::string> dump(const std::string& dir) {
    std::vector<std::string> out;
    TripleStore store = TripleStore::open(dir, TripleStore::Mode::Read);
    for (const auto& q : store.quads())
        out.push_back(q.nquads());
    return out;
}

} // namespace

TEST_CASE("an N-Quads export loads with its graph names and every triple", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    auto x = run_newskg("extract --no-parser --format nq --output " + sh_quote(tmp / "all.nq") + " " + articles(tmp));
    INFO(x.err);
    REQUIRE(x.status == 0);
    const std::string nq = read_file(tmp / "all.nq");
    std::size_t quads = 0;
    for (const auto& l : lines(nq)) quads += l.empty() ? 0 : 1;
    // Graph names and their quads counted by rdflib, an independent N-Quads reader
    // (Debian's, by absolute path: python3 on PATH may be another interpreter).
    auto rl = run("/usr/bin/python3 -c " + sh_quote("import sys, rdflib\n"
                                           "d = rdflib.ConjunctiveGraph()\n"
                                           "d.parse(sys.argv[1], format='nquads')\n"
                                           "named = [c for c in d.contexts() if isinstance(c.identifier, rdflib.URIRef) and str(c.identifier).startswith('https://newskg.org/id/article/')]\n"
                                           "print(sum(len(c) for c in named))\n"
                                           "for c in sorted(str(c.identifier) for c in named): print(c)\n") +
                  " " + sh_quote(tmp / "all.nq"));
    INFO(rl.err);
    REQUIRE(rl.status == 0);
    auto rl_lines = lines(rl.out);
    REQUIRE(rl_lines.size() == 3);
    const std::string in_named_graphs = rl_lines[0];
    std::set<std::string> graphs(rl_lines.begin() + 1, rl_lines.end());
    REQUIRE(graphs == std::set<std::string>{"https://newskg.org/id/article/mali-france",
                                            "https://newskg.org/id/article/niger-france"});

    const std::string store = tmp / "store";
    auto r = run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "all.nq"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("1 RDF file(s)") != std::string::npos);
    CHECK(scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == std::to_string(quads));

    // GRAPH ?g sees the named graphs with the quads the export put there.
    auto g = run_newskg("query --store " + sh_quote(store) +
                        " --format tsv 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g'");
    REQUIRE(g.status == 0);
    CHECK(g.out == "?g\n<https://newskg.org/id/article/mali-france>\n<https://newskg.org/id/article/niger-france>\n");
    CHECK(scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == in_named_graphs);

    // The API sees the same graphs.
    TripleStore s = TripleStore::open(store, TripleStore::Mode::Read);
    CHECK(s.size() == quads);
    CHECK(s.graphs() == std::vector<std::string>(graphs.begin(), graphs.end()));
}

TEST_CASE("loading again adds nothing, and articles give the store their export gives", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    REQUIRE(run_newskg("extract --no-parser --format nq --output " + sh_quote(tmp / "all.nq") + " " + articles(tmp))
                .status == 0);
    const std::string from_export = tmp / "a", from_articles = tmp / "b";
    REQUIRE(run_newskg("load --store " + sh_quote(from_export) + " " + sh_quote(tmp / "all.nq")).status == 0);
    const auto first = dump(from_export);
    auto again = run_newskg("load --store " + sh_quote(from_export) + " " + sh_quote(tmp / "all.nq"));
    REQUIRE(again.status == 0);
    CHECK(again.out.find(" 0 triple(s) added") != std::string::npos);
    CHECK(dump(from_export) == first);

    // The articles themselves, twice: the same quads as the export, no duplicates.
    for (int i = 0; i < 2; ++i) {
        auto r = run_newskg("load --no-parser --store " + sh_quote(from_articles) + " " + articles(tmp));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.out.find("loaded 2 article(s)") != std::string::npos);
        CHECK(dump(from_articles) == first);
    }
    // And an article loaded into a store that holds the export replaces its own graph.
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(from_export) + " " + sh_quote(tmp / "mali-france.txt"))
                .status == 0);
    CHECK(dump(from_export) == first);
}

TEST_CASE("a JSON-LD export loads as the N-Quads export of the same graph", "[store][jsonld]") {
    TempDir tmp;
    write_articles(tmp);
    for (const char* format : {"nq", "jsonld"}) {
        auto x = run_newskg("extract --no-parser --format " + std::string(format) + " --output " +
                            sh_quote(tmp / ("all." + std::string(format))) + " " + articles(tmp));
        INFO(x.err);
        REQUIRE(x.status == 0);
    }
    const std::string from_nq = tmp / "nq", from_jsonld = tmp / "jsonld";
    REQUIRE(run_newskg("load --store " + sh_quote(from_nq) + " " + sh_quote(tmp / "all.nq")).status == 0);
    auto r = run_newskg("load --store " + sh_quote(from_jsonld) + " " + sh_quote(tmp / "all.jsonld"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("1 RDF file(s)") != std::string::npos);
    CHECK(r.out.find("2 named graph(s) written") != std::string::npos);
    // Every quad, literals with their datatypes and languages, graph names kept.
    CHECK(dump(from_jsonld) == dump(from_nq));
}

TEST_CASE("a graph name that is a blank node is refused, not moved to the default graph", "[store]") {
    TempDir tmp;
    write_file(tmp / "blank.nq", "<https://a.example/s> <https://a.example/p> \"x\" _:g .\n");
    const std::string store = tmp / "store";
    auto r = run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "blank.nq"));
    CHECK(r.status == 1);
    CHECK(r.err.find("newskg.store.5") != std::string::npos);
    CHECK(r.err.find("a graph name is not an IRI") != std::string::npos);
    CHECK(dump(store).empty());
}

TEST_CASE("two articles merge by IRI: a shared actor is one node", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "mali-france.txt"))
                .status == 0);
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "niger-france.txt"))
                .status == 0);
    CHECK(scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { country:FR rdf:type ?t }") == "1");
    CHECK(scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { country:FR skos:prefLabel ?l }") == "1");
    // France is mentioned by both articles' graphs, and relations of both reach it.
    CHECK(scalar(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a schema:mentions country:FR } }") ==
          "2");
    CHECK(ask(store, "ASK { country:ML nkg:accused country:FR . country:NE nkg:fought country:FR }"));
}

TEST_CASE("query results in CSV, TSV and JSON read back as the W3C formats say", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + articles(tmp)).status == 0);
    const std::string q = "SELECT ?who ?label ?text ?date ?none WHERE { ?r nkg:subject ?who ; nkg:predicate "
                          "nkg:accused ; nkg:evidenceText ?text ; nkg:date ?date . ?who skos:prefLabel ?label "
                          "OPTIONAL { ?r nkg:noSuchProperty ?none } }";
    auto run_q = [&](const std::string& fmt) {
        auto r = run_newskg("query --store " + sh_quote(store) + " --format " + fmt + " " + sh_quote(q));
        INFO(r.err);
        REQUIRE(r.status == 0);
        return r.out;
    };
    const std::string text = "Mali accused France of backing armed groups in the north, the junta said on Monday.";

    auto j = nlohmann::json::parse(run_q("json"));
    CHECK(j["head"]["vars"] == nlohmann::json({"who", "label", "text", "date", "none"}));
    REQUIRE(j["results"]["bindings"].size() == 1);
    const auto& b = j["results"]["bindings"][0];
    CHECK(b["who"] == nlohmann::json({{"type", "uri"}, {"value", "https://newskg.org/actor/country/ML"}}));
    CHECK(b["label"]["type"] == "literal");
    CHECK(b["text"]["value"] == text);
    CHECK(b["date"] == nlohmann::json({{"type", "literal"},
                                       {"value", "2024-03-04"},
                                       {"datatype", "http://www.w3.org/2001/XMLSchema#date"}}));
    CHECK(!b.contains("none")); // unbound variables are left out of a binding

    // CSV: RFC 4180 with CRLF; the evidence sentence holds a comma, so it is quoted.
    auto csv = lines(run_q("csv"), "\r\n");
    REQUIRE(csv.size() == 2);
    CHECK(csv[0] == "who,label,text,date,none");
    CHECK(csv[1] == "https://newskg.org/actor/country/ML,Mali,\"" + text + "\",2024-03-04,");

    // TSV: RDF terms in Turtle syntax, header with '?'.
    auto tsv = lines(run_q("tsv"));
    REQUIRE(tsv.size() == 2);
    CHECK(tsv[0] == "?who\t?label\t?text\t?date\t?none");
    CHECK(tsv[1] == "<https://newskg.org/actor/country/ML>\t\"Mali\"@en\t\"" + text +
                        "\"\t\"2024-03-04\"^^<http://www.w3.org/2001/XMLSchema#date>\t");

    // Table: shortened IRIs, aligned, a row count.
    auto table = run_q("table");
    CHECK(table.find("country:ML") != std::string::npos);
    CHECK(table.find("(1 row)") != std::string::npos);

    // ASK in JSON, CONSTRUCT as N-Triples.
    auto ask = run_newskg("query --store " + sh_quote(store) + " --format json 'ASK { country:ML nkg:accused ?x }'");
    REQUIRE(ask.status == 0);
    CHECK(nlohmann::json::parse(ask.out) == nlohmann::json::parse(R"({"head":{},"boolean":true})"));
    auto construct = run_newskg("query --store " + sh_quote(store) +
                                " 'CONSTRUCT { ?a nkg:accused ?b } WHERE { ?a nkg:accused ?b }'");
    REQUIRE(construct.status == 0);
    CHECK(construct.out == "<https://newskg.org/actor/country/ML> <https://newskg.org/ontology#accused> "
                           "<https://newskg.org/actor/country/FR> .\n");
}

TEST_CASE("result formats escape what their syntax needs", "[store]") {
    QueryResult r;
    r.variables = {"a", "b"};
    r.rows.push_back({Term::literal("say \"hi\",\nthen go"), Term::literal("Mali", "", "fr")});
    r.rows.push_back({Term{Term::Kind::Blank, "b1", "", ""}, std::nullopt});
    CHECK(format_result(r, ResultFormat::Csv) == "a,b\r\n\"say \"\"hi\"\",\nthen go\",Mali\r\n_:b1,\r\n");
    CHECK(format_result(r, ResultFormat::Tsv) == "?a\t?b\n\"say \\\"hi\\\",\\nthen go\"\t\"Mali\"@fr\n_:b1\t\n");
    auto j = nlohmann::json::parse(format_result(r, ResultFormat::Json));
    CHECK(j["results"]["bindings"][0]["b"] ==
          nlohmann::json({{"type", "literal"}, {"value", "Mali"}, {"xml:lang", "fr"}}));
    CHECK(j["results"]["bindings"][1]["a"] == nlohmann::json({{"type", "bnode"}, {"value", "b1"}}));
    CHECK(shorten_iri("https://newskg.org/actor/country/ML") == "country:ML");
    CHECK(shorten_iri("https://example.org/x") == "<https://example.org/x>");
}

TEST_CASE("store errors name the store, the file and the problem", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";

    auto missing = run_newskg("query --store " + sh_quote(tmp / "nowhere") + " 'ASK { ?s ?p ?o }'");
    CHECK(missing.status == 1);
    CHECK(missing.err.find(tmp / "nowhere") != std::string::npos);
    CHECK(missing.err.find("no newskg store") != std::string::npos);

    // A bad file among good ones: the good ones load, the bad one is named with its line.
    write_file(tmp / "bad.ttl", "<https://a.example/s> <https://a.example/p> <https://a.example/o> .\n"
                                "<https://a.example/s> <https://a.example/p> \"unterminated .\n");
    // JSON-LD outside what newskg writes (a remote context) is refused, naming it.
    write_file(tmp / "graph.jsonld", "{\"@context\": \"https://a.example/context.jsonld\"}");
    auto batch = run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "bad.ttl") + " " +
                            sh_quote(tmp / "graph.jsonld") + " " + sh_quote(tmp / "mali-france.txt"));
    CHECK(batch.status == 1);
    CHECK(batch.err.find(tmp / "bad.ttl") != std::string::npos);
    CHECK(batch.err.find("bad.ttl:2") != std::string::npos);
    CHECK(batch.err.find("JSON-LD") != std::string::npos);
    CHECK(batch.out.find("loaded 1 article(s)") != std::string::npos);
    // Nothing of the bad file went in (all or nothing per file).
    CHECK(!ask(store, "ASK { <https://a.example/s> ?p ?o }"));
    CHECK(ask(store, "ASK { country:ML nkg:accused country:FR }"));

    auto syntax = run_newskg("query --store " + sh_quote(store) + " 'SELECT ?x WHERE { ?x '");
    CHECK(syntax.status == 1);
    CHECK(syntax.err.find("SPARQL") != std::string::npos);

    // A store another process is writing to: a second writer is refused, readers read
    // the committed store.
    {
        int fd = ::open((tmp / "store/lock").c_str(), O_RDWR);
        REQUIRE(fd >= 0);
        REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
        auto locked = run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "niger-france.txt"));
        CHECK(locked.status == 1);
        CHECK(locked.err.find("another newskg process is loading into the store") != std::string::npos);
        auto reader = run_newskg("query --store " + sh_quote(store) + " 'ASK { ?s ?p ?o }'");
        CHECK(reader.status == 0);
        ::close(fd);
    }
    CHECK(run_newskg("query --store " + sh_quote(store) + " 'ASK { ?s ?p ?o }'").status == 0);
}

TEST_CASE("what a killed writer left is removed by the next writer, and readers never see it", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "mali-france.txt"))
                .status == 0);
    const auto before = dump(store);
    // A generation a writer was filling when it was killed (its files half-written),
    // the new link it had not renamed yet, and a generation being removed.
    std::filesystem::create_directories(store + "/gen-00000007");
    write_file(store + "/gen-00000007/newskg-sp2o.db", "half a Berkeley DB file");
    REQUIRE(::symlink("gen-00000007", (store + "/current.new").c_str()) == 0);
    std::filesystem::create_directories(store + "/trash-gen-00000003");
    CHECK(dump(store) == before); // readers follow `current` only

    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "niger-france.txt"))
                .status == 0);
    std::set<std::string> entries;
    for (const auto& e : std::filesystem::directory_iterator(store)) entries.insert(e.path().filename().string());
    const std::string current = std::filesystem::read_symlink(store + "/current").string();
    CHECK(entries == std::set<std::string>{"current", "lock", current});
    CHECK(dump(store).size() > before.size());
}

TEST_CASE("readers see the committed store while a writer works, and all of its batch at once", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "mali-france.txt"))
                .status == 0);
    const auto before = dump(store);
    TripleStore writer = TripleStore::open(store, TripleStore::Mode::Write);
    LoadStats added = writer.apply({{Term::iri("https://a.example/s"), Term::iri("https://a.example/p"),
                                     Term::literal("o"), "https://a.example/g"}});
    CHECK(added.triples_added == 1);
    CHECK(dump(store) == before);                                   // not committed: unseen
    CHECK(!ask(store, "ASK { GRAPH ?g { <https://a.example/s> ?p ?o } }"));
    TripleStore reader = TripleStore::open(store, TripleStore::Mode::Read); // holds the old generation
    writer.commit();
    CHECK(ask(store, "ASK { GRAPH <https://a.example/g> { <https://a.example/s> ?p \"o\" } }"));
    CHECK(reader.size() == before.size()); // an open reader keeps reading what it opened
    CHECK(writer.size() == before.size() + 1);
}

TEST_CASE("a damaged store is an error that names the file, never a short answer", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + articles(tmp)).status == 0);
    const std::string file = store + "/current/newskg-so2p.db";
    std::string bytes = read_file(file);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
    write_file(file, bytes);
    auto q = run_newskg("query --store " + sh_quote(store) + " 'SELECT ?s WHERE { ?s ?p ?o }'");
    CHECK(q.status == 1);
    CHECK(q.out.empty());
    CHECK(q.err.find("[newskg.store.7]") != std::string::npos);
    CHECK(q.err.find("the store is damaged") != std::string::npos);
    CHECK(q.err.find("newskg-so2p.db") != std::string::npos);
    // A writer does not build on it either.
    auto l = run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "mali-france.txt"));
    CHECK(l.status == 1);
    CHECK(l.err.find("the store is damaged") != std::string::npos);
}

namespace {

/// The page size of a Berkeley DB file and the offset of a page in its middle.
std::pair<std::size_t, std::size_t> middle_page(const std::string& bytes) {
    std::uint32_t page_size = 0;
    std::memcpy(&page_size, bytes.data() + 20, 4);
    REQUIRE(page_size >= 512);
    REQUIRE(bytes.size() / page_size >= 3);
    return {page_size, (bytes.size() / page_size / 2) * page_size};
}

/// Garbles the item index of a page in the middle of a database file, its header left
/// whole: what Berkeley DB's cursor stops at, and librdf ends a stream on, silently.
void damage_items(const std::string& file) {
    std::string bytes = read_file(file);
    auto [page_size, at] = middle_page(bytes);
    for (std::size_t i = at + 26; i < at + page_size; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0xa5);
    write_file(file, bytes);
}

/// The manifest of a generation as the store writes it (the same FNV-1a per file): to
/// make a manifest that agrees with a damaged file, as one written after the damage would.
std::string manifest_for(const std::string& gen) {
    std::string out = "newskg store generation 1\n";
    for (const char* f : {"newskg-sp2o.db", "newskg-po2s.db", "newskg-so2p.db", "newskg-contexts.db"}) {
        const std::string bytes = read_file(gen + "/" + f);
        std::uint64_t h = 1469598103934665603ULL;
        std::size_t i = 0;
        for (; i + 8 <= bytes.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, bytes.data() + i, 8);
            h = (h ^ w) * 1099511628211ULL;
        }
        for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
        char line[160];
        std::snprintf(line, sizeof line, " %zu %016llx\n", bytes.size(), static_cast<unsigned long long>(h));
        out += std::string(f) + line;
    }
    return out;
}

} // namespace

TEST_CASE("a damaged page is an error even where the manifest agrees with the file", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + articles(tmp)).status == 0);
    const std::string gen = store + "/current";
    // The manifest is right as written: the store checks out.
    REQUIRE(read_file(gen + "/manifest") == manifest_for(gen));
    const std::string count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    const std::string all = scalar(store, count);
    damage_items(gen + "/newskg-sp2o.db");
    write_file(gen + "/manifest", manifest_for(gen));
    auto q = run_newskg("query --store " + sh_quote(store) + " --format csv " + sh_quote(count));
    CHECK(q.status == 1);
    CHECK(q.out.empty());
    CHECK(q.err.find("[newskg.store.7]") != std::string::npos);
    CHECK(q.err.find("newskg-sp2o.db: page ") != std::string::npos);
}

TEST_CASE("a page damaged while a query reads the store makes the query fail, never answer short", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + articles(tmp)).status == 0);
    TripleStore reader = TripleStore::open(store, TripleStore::Mode::Read); // checked: intact
    const std::size_t all = reader.size();
    REQUIRE(all > 100);
    damage_items(store + "/current/newskg-sp2o.db"); // after the open's check
    std::string message;
    try {
        QueryResult r = reader.query("SELECT ?s WHERE { ?s ?p ?o }");
        message = "answered " + std::to_string(r.rows.size()) + " of " + std::to_string(all) + " rows";
    } catch (const store_error& e) {
        message = e.what();
    }
    CHECK(message.find("[newskg.store.12]") != std::string::npos);
    CHECK(message.find("newskg-sp2o.db") != std::string::npos);
    CHECK_THROWS_AS(reader.quads(), store_error);
}

TEST_CASE("a damaged page of a store in the layout before generations is an error", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + articles(tmp)).status == 0);
    const std::string gen = std::filesystem::read_symlink(store + "/current").string();
    for (const char* f : {"newskg-sp2o.db", "newskg-po2s.db", "newskg-so2p.db", "newskg-contexts.db"})
        std::filesystem::rename(store + "/" + gen + "/" + f, store + "/" + f);
    std::filesystem::remove_all(store + "/" + gen);
    std::filesystem::remove(store + "/current");
    damage_items(store + "/newskg-so2p.db");
    auto q = run_newskg("query --store " + sh_quote(store) + " 'SELECT ?s WHERE { ?s ?p ?o }'");
    CHECK(q.status == 1);
    CHECK(q.out.empty());
    CHECK(q.err.find("[newskg.store.7]") != std::string::npos);
    CHECK(q.err.find("newskg-so2p.db: page ") != std::string::npos);
}

TEST_CASE("a store in the layout before generations is read, and the next load converts it", "[store]") {
    TempDir tmp;
    write_articles(tmp);
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "mali-france.txt"))
                .status == 0);
    const auto first = dump(store);
    // The old layout: the Berkeley DB files in the store directory itself.
    const std::string gen = std::filesystem::read_symlink(store + "/current").string();
    for (const char* f : {"newskg-sp2o.db", "newskg-po2s.db", "newskg-so2p.db", "newskg-contexts.db"})
        std::filesystem::rename(store + "/" + gen + "/" + f, store + "/" + f);
    std::filesystem::remove_all(store + "/" + gen);
    std::filesystem::remove(store + "/current");
    CHECK(dump(store) == first);
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "niger-france.txt"))
                .status == 0);
    CHECK(std::filesystem::is_symlink(store + "/current"));
    CHECK(!std::filesystem::exists(store + "/newskg-sp2o.db"));
    CHECK(ask(store, "ASK { country:ML nkg:accused country:FR . country:NE nkg:fought country:FR }"));
}

TEST_CASE("SIGINT stops a load between articles, a rerun completes the same store", "[store][e2e]") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "many");
    // Many small articles, so the signal arrives while the load is under way.
    const char* countries[] = {"Mali", "Niger", "France", "Chad", "Ghana", "Kenya", "Egypt", "Sudan"};
    for (int i = 0; i < 160; ++i) {
        std::string a = countries[i % 8], b = countries[(i + 3) % 8];
        write_file(tmp / ("many/a" + std::to_string(i) + ".txt"),
                   "Talks " + std::to_string(i) + "\n\nMarch 4, 2024\n\n" + a + " accused " + b +
                       " of violating the border on Monday.\n\n" + b + " criticized " + a + ".\n");
    }
    const std::string interrupted = tmp / "interrupted", clean = tmp / "clean";
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        ::execl(NEWSKG_CLI_PATH, "newskg", "load", "--no-parser", "--jobs", "1", "--store", interrupted.c_str(),
                (tmp / "many").c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait until the store exists and holds something, then interrupt.
    for (int i = 0; i < 600 && !std::filesystem::exists(interrupted + "/lock"); ++i) ::usleep(10000);
    ::usleep(300000);
    ::kill(pid, SIGINT);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    // 130 when the signal came mid-load; 0 if the machine was quick enough to finish.
    CHECK((WEXITSTATUS(status) == 130 || WEXITSTATUS(status) == 0));

    auto rerun = run_newskg("load --no-parser --store " + sh_quote(interrupted) + " " + sh_quote(tmp / "many"));
    INFO(rerun.err);
    REQUIRE(rerun.status == 0);
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(clean) + " " + sh_quote(tmp / "many")).status == 0);
    CHECK(dump(interrupted) == dump(clean));
    CHECK(dump(clean).size() > 160 * 10);
}

TEST_CASE("an article loaded again with other content replaces the old version and says so", "[store]") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "v1");
    std::filesystem::create_directories(tmp / "v2");
    // The same id (the file name), different articles.
    write_file(tmp / "v1/report.txt", kMaliFrance);
    write_file(tmp / "v2/report.txt", kNigerFrance);
    const std::string store = tmp / "store", clean = tmp / "clean";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "v1/report.txt")).status ==
            0);
    CHECK(ask(store, "ASK { country:ML nkg:accused country:FR }"));

    auto again = run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "v2/report.txt"));
    INFO(again.err);
    REQUIRE(again.status == 0);
    CHECK(again.err.find("replaced <https://newskg.org/id/article/report>") != std::string::npos);
    CHECK(again.out.find("(1 replaced)") != std::string::npos);
    // Not merged: the old version's relation and evidence are gone, the new one's there.
    CHECK(!ask(store, "ASK { country:ML nkg:accused country:FR }"));
    CHECK(!ask(store, "ASK { GRAPH ?g { ?r nkg:predicate nkg:accused } }"));
    CHECK(ask(store, "ASK { country:NE nkg:fought country:FR }"));
    CHECK(scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a schema:headline ?h } }") == "1");
    // Its named graph is exactly the one a clean load of the new version gives.
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(clean) + " " + sh_quote(tmp / "v2/report.txt")).status ==
            0);
    auto in_graph = [](const std::string& dir) {
        std::vector<std::string> out;
        for (const auto& l : dump(dir))
            if (l.size() > 40 && l.compare(l.size() - 40, 40, "<https://newskg.org/id/article/report>") == 0)
                out.push_back(l);
        return out;
    };
    CHECK(in_graph(store) == in_graph(clean));

    // The same content again: kept, nothing said.
    auto same = run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "v2/report.txt"));
    REQUIRE(same.status == 0);
    CHECK(same.err.find("replaced") == std::string::npos);
    CHECK(same.out.find(" 0 triple(s) added") != std::string::npos);
}

TEST_CASE("unload removes an article's graph and the relations only it states", "[store][unload]") {
    TempDir tmp;
    write_articles(tmp);
    // A third article that also says Mali accused France.
    write_file(tmp / "again.txt", "Mali repeats charge\n\nMarch 8, 2024\n\nMali accused France of spying on Friday.\n");
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + articles(tmp) + " " +
                       sh_quote(tmp / "again.txt"))
                .status == 0);
    REQUIRE(ask(store, "ASK { country:NE nkg:fought country:FR }"));

    auto u = run_newskg("unload --store " + sh_quote(store) + " niger-france mali-france");
    INFO(u.err);
    REQUIRE(u.status == 0);
    CHECK(u.out.find("unloaded <https://newskg.org/id/article/niger-france>") != std::string::npos);
    CHECK(dump(store).size() > 0);
    CHECK(scalar(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == "1");
    CHECK(!ask(store, "ASK { country:NE nkg:fought country:FR }")); // only niger-france said it
    CHECK(ask(store, "ASK { country:ML nkg:accused country:FR }"));  // again.txt says it too
    CHECK(ask(store, "ASK { country:FR skos:prefLabel ?l }"));       // actors stay

    // An id the store does not hold: named, exit 1, nothing else changed.
    const auto before = dump(store);
    auto missing = run_newskg("unload --store " + sh_quote(store) + " https://newskg.org/id/article/nowhere");
    CHECK(missing.status == 1);
    CHECK(missing.err.find("no article <https://newskg.org/id/article/nowhere>") != std::string::npos);
    CHECK(dump(store) == before);
    auto no_store = run_newskg("unload --store " + sh_quote(tmp / "none") + " again");
    CHECK(no_store.status == 1);
    CHECK(!std::filesystem::exists(tmp / "none/current"));
    auto usage = run_newskg("unload --store " + sh_quote(store));
    CHECK(usage.status == 2);
    auto help = run_newskg("unload --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Usage: newskg unload --store DIR") != std::string::npos);
    CHECK(run_newskg("--help").out.find("unload") != std::string::npos);
}

TEST_CASE("a triple in the default graph and in an article's graph is kept in both: reloading or unloading the "
          "article leaves it in the default graph",
          "[store]") {
    TempDir tmp;
    const std::string t = "<https://a.example/s> <https://a.example/p> <https://a.example/o>";
    const std::string g = "<https://newskg.org/id/article/a>";
    write_file(tmp / "default.nt", t + " .\n<https://a.example/s> <https://a.example/p> <https://a.example/o2> .\n");
    write_file(tmp / "a1.nq", t + " " + g + " .\n<https://a.example/x> <https://a.example/p> \"1\" " + g + " .\n");
    write_file(tmp / "a2.nq", "<https://a.example/x> <https://a.example/p> \"2\" " + g + " .\n");
    const std::string in_default = t + " .\n", in_a = t + " " + g + " .\n"; // as Quad::nquads() writes them
    auto holds = [](const std::vector<std::string>& quads, const std::string& q) {
        return std::find(quads.begin(), quads.end(), q) != quads.end();
    };
    const std::string ask_t = "ASK { " + t + " }";

    SECTION("the default graph first, then the article") {
        const std::string store = tmp / "store1";
        REQUIRE(run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "default.nt")).status == 0);
        REQUIRE(run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "a1.nq")).status == 0);
        CHECK(holds(dump(store), in_default));
        CHECK(holds(dump(store), in_a));
        auto r = run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "a2.nq")); // replaces A
        REQUIRE(r.status == 0);
        CHECK(holds(dump(store), in_default));
        CHECK(!holds(dump(store), in_a));
        CHECK(ask(store, ask_t));
    }
    SECTION("the article first, then the default graph") {
        const std::string store = tmp / "store2";
        REQUIRE(run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "a1.nq")).status == 0);
        auto r = run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "default.nt"));
        REQUIRE(r.status == 0);
        CHECK(r.out.find(" 2 triple(s) added, 0 already there") != std::string::npos);
        CHECK(r.err.find("not stored") == std::string::npos);
        CHECK(holds(dump(store), in_default));
        CHECK(holds(dump(store), in_a));
        // Loading it again finds it there.
        auto again = run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "default.nt"));
        CHECK(again.out.find(" 0 triple(s) added, 2 already there") != std::string::npos);
        // Reloading the article (another version) and unloading it leave T in the default graph.
        REQUIRE(run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "a2.nq")).status == 0);
        CHECK(holds(dump(store), in_default));
        CHECK(ask(store, ask_t));
        REQUIRE(run_newskg("load --store " + sh_quote(store) + " " + sh_quote(tmp / "a1.nq")).status == 0);
        CHECK(holds(dump(store), in_a));
        REQUIRE(run_newskg("unload --store " + sh_quote(store) + " https://newskg.org/id/article/a").status == 0);
        CHECK(holds(dump(store), in_default));
        CHECK(!holds(dump(store), in_a));
        CHECK(ask(store, ask_t));
        CHECK(!ask(store, "ASK { GRAPH ?g { " + t + " } }"));
    }
}

TEST_CASE("load --no-replace refuses an article the store holds in another version, and says so", "[store]") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "v1");
    std::filesystem::create_directories(tmp / "v2");
    write_file(tmp / "v1/report.txt", kMaliFrance);
    write_file(tmp / "v2/report.txt", kNigerFrance);
    write_file(tmp / "other.txt", "Chad and Sudan talk\n\nMarch 9, 2024\n\nChad accused Sudan of arming rebels.\n");
    const std::string store = tmp / "store";
    REQUIRE(run_newskg("load --no-parser --store " + sh_quote(store) + " " + sh_quote(tmp / "v1/report.txt")).status ==
            0);
    const auto before = dump(store);
    auto r = run_newskg("load --no-parser --no-replace --store " + sh_quote(store) + " " +
                        sh_quote(tmp / "v2/report.txt") + " " + sh_quote(tmp / "other.txt"));
    CHECK(r.status == 1);
    CHECK(r.err.find("[newskg.store.11]") != std::string::npos);
    CHECK(r.err.find("<https://newskg.org/id/article/report>: the store holds a different version of it") !=
          std::string::npos);
    CHECK(ask(store, "ASK { country:ML nkg:accused country:FR }")); // the old version stays, whole
    CHECK(!ask(store, "ASK { country:NE nkg:fought country:FR }"));
    CHECK(ask(store, "ASK { GRAPH <https://newskg.org/id/article/other> { ?s ?p ?o } }")); // the rest loaded
    // The same version again is no conflict.
    CHECK(run_newskg("load --no-parser --no-replace --store " + sh_quote(store) + " " + sh_quote(tmp / "v1/report.txt"))
              .status == 0);
    CHECK(before.size() < dump(store).size());
}
