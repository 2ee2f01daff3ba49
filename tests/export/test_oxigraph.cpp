// The RDF exports read by a third independent implementation, Oxigraph (npm, see
// tests/export/oxigraph/), next to rapper (raptor2) and rdflib: all three count the same
// triples (and, for datasets, the same quads) in every syntax; SPARQL over a seed-like
// article (tests/fixtures/export/mali-junta-ber.txt) answers "who accused whom", "every
// relation with its evidence sentence" and "Mali's junta's relations by date" with what
// the text says; and --base moves the minted IRIs and nothing else.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "process.hpp"

using namespace newskg::test;
using nlohmann::json;

namespace {

const std::string kFixture = "mali-junta-ber";
const std::vector<std::string> kExamples = {"red-sea-shipping", "rwanda-drc-talks", "sahel-minusma-withdrawal"};
const std::string kRdfFormats = "ttl,nt,nq,trig,rdfxml,jsonld";
const std::string kFormats = kRdfFormats + ",json";
const std::vector<std::string> kRdfExtensions = {"ttl", "nt", "nq", "trig", "rdf", "jsonld"};
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string fixture_path() { return source_path("tests/fixtures/export/" + kFixture + ".txt"); }

bool is_dataset(const std::string& ext) { return ext == "nq" || ext == "trig" || ext == "jsonld"; }

/// The fixture and the examples (each, and merged) in every RDF syntax, extracted once.
const TempDir& exports() {
    static const TempDir dir;
    static const bool done = [] {
        std::string inputs = sh_quote(fixture_path());
        for (const auto& e : kExamples) inputs += " " + sh_quote(source_path("examples/" + e + ".txt"));
        auto r = run_newskg("extract --format " + kFormats + " --merge --out-dir " +
                            sh_quote(dir.path().string()) + " " + inputs);
        INFO(r.err);
        REQUIRE(r.status == 0);
        return true;
    }();
    (void)done;
    return dir;
}

/// `node check.mjs` of tests/export/oxigraph, or a failure saying how to install it.
std::string oxigraph_check() {
    const std::string dir = source_path("tests/export/oxigraph");
    INFO("Oxigraph is not installed: run  npm ci --prefix tests/export/oxigraph  "
         "(see tests/export/oxigraph/README.md)");
    REQUIRE(std::filesystem::exists(dir + "/node_modules/oxigraph"));
    return "node " + sh_quote(dir + "/check.mjs");
}

std::size_t distinct_lines(const std::string& text) {
    std::set<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.insert(line);
    return lines.size();
}

struct Counts {
    std::size_t quads = 0, triples = 0, graphs = 0;
    bool operator==(const Counts& o) const {
        return std::tie(quads, triples, graphs) == std::tie(o.quads, o.triples, o.graphs);
    }
};

std::ostream& operator<<(std::ostream& out, const Counts& c) {
    return out << c.quads << " quads, " << c.triples << " triples, " << c.graphs << " graphs";
}

/// Oxigraph's counts of each file: name → counts.
std::map<std::string, Counts> oxigraph_counts(const std::vector<std::string>& files) {
    std::string command = oxigraph_check() + " count";
    for (const auto& f : files) command += " " + sh_quote(f);
    auto r = run(command);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::map<std::string, Counts> counts;
    std::istringstream in(r.out);
    for (std::string name; in >> name;) in >> counts[name].quads >> counts[name].triples >> counts[name].graphs;
    return counts;
}

/// rapper's counts (raptor2 reads no JSON-LD): distinct quads and triples it writes.
Counts rapper_counts(const std::string& file, const std::string& ext) {
    static const std::map<std::string, std::string> syntax = {
        {"ttl", "turtle"}, {"nt", "ntriples"}, {"nq", "nquads"}, {"trig", "trig"}, {"rdf", "rdfxml"}};
    Counts c;
    for (const std::string output : {"nquads", "ntriples"}) {
        auto r = run("rapper -q -i " + syntax.at(ext) + " -o " + output + " " + sh_quote(file));
        INFO(file << ": " << r.err);
        REQUIRE(r.status == 0);
        (output == std::string("nquads") ? c.quads : c.triples) = distinct_lines(r.out);
    }
    return c;
}

/// rdflib's counts of each syntax of `stem` (Debian's python3-rdflib, by absolute path).
std::map<std::string, Counts> rdflib_counts(const std::string& stem) {
    const std::string script = R"(
import sys, rdflib
formats = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "rdf": "xml", "jsonld": "json-ld"}
for ext, fmt in formats.items():
    g = rdflib.ConjunctiveGraph()
    g.parse(sys.argv[1] + "." + ext, format=fmt)
    quads = set((s, p, o, c.identifier) for s, p, o, c in g.quads((None, None, None, None)))
    triples = set((s, p, o) for s, p, o, c in quads)
    # Named graphs only: rdflib puts the triples outside any graph in a graph named
    # after the file it read.
    graphs = set(c for s, p, o, c in quads if not str(c).startswith("file:"))
    print(ext, len(quads), len(triples), len(graphs))
)";
    auto r = run("/usr/bin/python3 -c " + sh_quote(script) + " " + sh_quote(stem));
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::map<std::string, Counts> counts;
    std::istringstream in(r.out);
    for (std::string ext; in >> ext;) in >> counts[ext].quads >> counts[ext].triples >> counts[ext].graphs;
    return counts;
}

/// A SPARQL query of tests/export/oxigraph/queries run by Oxigraph over `file`: one map
/// per solution, variable → {value, datatype}.
struct Term {
    std::string value, datatype;
};
using Solution = std::map<std::string, Term>;

std::vector<Solution> sparql(const std::string& file, const std::string& query) {
    auto r = run(oxigraph_check() + " query " + sh_quote(file) + " " +
                 sh_quote(source_path("tests/export/oxigraph/queries/" + query)));
    INFO(query << " over " << file << ": " << r.err);
    REQUIRE(r.status == 0);
    // Kept in a variable: a range-for over a member of a temporary would dangle.
    const json results = json::parse(r.out);
    std::vector<Solution> rows;
    for (const auto& b : results.at("results").at("bindings")) {
        Solution row;
        for (const auto& [var, term] : b.items()) row[var] = {term.at("value"), term.value("datatype", "")};
        rows.push_back(row);
    }
    return rows;
}

std::vector<std::vector<std::string>> values(const std::vector<Solution>& rows, const std::vector<std::string>& vars) {
    std::vector<std::vector<std::string>> out;
    for (const auto& row : rows) {
        std::vector<std::string> v;
        for (const auto& var : vars) v.push_back(row.count(var) ? row.at(var).value : "");
        out.push_back(v);
    }
    return out;
}

} // namespace

TEST_CASE("rapper, rdflib and Oxigraph count the same triples and quads in every RDF syntax",
          "[cli][e2e][export][rdf][oxigraph]") {
    const TempDir& dir = exports();
    for (const std::string& name : {kFixture, std::string("merged")}) {
        INFO(name);
        std::vector<std::string> files;
        for (const auto& ext : kRdfExtensions) files.push_back(dir / (name + "." + ext));
        const auto oxigraph = oxigraph_counts(files);
        const auto rdflib = rdflib_counts(dir / name);
        const std::size_t articles = name == "merged" ? kExamples.size() + 1 : 1;
        const std::size_t triples = oxigraph.at(name + ".ttl").triples;
        CHECK(triples > 300);
        for (std::size_t i = 0; i < kRdfExtensions.size(); ++i) {
            const std::string& ext = kRdfExtensions[i];
            INFO(ext);
            const Counts ox = oxigraph.at(name + "." + ext);
            // Each triple is in one graph: an article's readings in its graph, the rest in
            // the default graph.
            CHECK(ox.triples == triples);
            CHECK(ox.quads == triples);
            CHECK(ox.graphs == (is_dataset(ext) ? articles : 0));
            CHECK(rdflib.at(ext) == ox);
            if (ext != "jsonld") {
                const Counts rapper = rapper_counts(files[i], ext);
                CHECK(rapper.quads == ox.quads);
                CHECK(rapper.triples == ox.triples);
            }
        }
    }
}

TEST_CASE("SPARQL in Oxigraph: who accused whom in the seed-like article", "[cli][e2e][export][rdf][oxigraph][sparql]") {
    const TempDir& dir = exports();
    // The three accusations the text makes, accuser first; "accuse" in the headline has
    // no object. The same answers from every dataset syntax and from plain Turtle.
    const std::vector<std::vector<std::string>> expected = {
        {"MINUSMA", "Wagner Group"}, // "The UN mission accused Wagner fighters of ..."
        {"Mali's junta", "France"},
        {"Tuareg-led rebel groups", "Malian army"},
    };
    for (const std::string ext : {"trig", "nq", "jsonld", "ttl"}) {
        INFO(ext);
        CHECK(values(sparql(dir / (kFixture + "." + ext), "who-accused-whom.rq"), {"accuser", "accused"}) == expected);
    }
}

TEST_CASE("SPARQL in Oxigraph: every relation with its evidence sentence and offsets",
          "[cli][e2e][export][rdf][oxigraph][sparql]") {
    const TempDir& dir = exports();
    const auto rows = sparql(dir / (kFixture + ".trig"), "relations-with-evidence.rq");
    CHECK(sparql(dir / (kFixture + ".nq"), "relations-with-evidence.rq").size() == rows.size());
    CHECK(sparql(dir / (kFixture + ".jsonld"), "relations-with-evidence.rq").size() == rows.size());

    // One row per piece of evidence of every relation of the JSON export.
    const json graph = json::parse(read_file(dir / (kFixture + ".json")));
    std::size_t evidence = 0;
    for (const auto& r : graph.at("relations")) evidence += r.at("evidence").size();
    CHECK(rows.size() == evidence);
    CHECK(rows.size() >= 12);

    // The offsets are the sentence's as the reader split the article.
    auto read = run_newskg("read --format json " + sh_quote(fixture_path()));
    REQUIRE(read.status == 0);
    std::map<std::pair<std::string, std::string>, std::string> sentences; // (begin, end) → text
    const json article = json::parse(read.out);
    for (const auto& s : article.at("sentences"))
        sentences[{std::to_string(s.at("begin").get<long>()), std::to_string(s.at("end").get<long>())}] = s.at("text");
    for (const auto& row : rows) {
        INFO(row.at("subject").value << " " << row.at("relation").value << " " << row.at("object").value);
        CHECK(row.at("article").value == "https://newskg.org/id/article/" + kFixture);
        const auto s = sentences.find({row.at("start").value, row.at("end").value});
        REQUIRE(s != sentences.end());
        CHECK(s->second == row.at("sentence").value);
    }

    // The accusations and the dated events come with the sentence that says them.
    const auto sentence_of = [&](const std::string& subject, const std::string& relation, const std::string& object) {
        for (const auto& row : rows)
            if (row.at("subject").value == subject && row.at("relation").value == relation &&
                row.at("object").value == object)
                return row.at("sentence").value;
        return std::string("(no such relation)");
    };
    CHECK_THAT(sentence_of("Tuareg-led rebel groups", "accused", "Malian army"),
               Catch::Contains("rebel groups accused the Malian army"));
    CHECK_THAT(sentence_of("Mali's junta", "accused", "France"), Catch::Contains("junta accused France"));
    CHECK_THAT(sentence_of("MINUSMA", "accused", "Wagner Group"), Catch::Contains("UN mission accused Wagner fighters"));
    CHECK_THAT(sentence_of("Mali's junta", "demandedWithdrawal", "MINUSMA"),
               Catch::Contains("demanded in June that the UN mission leave"));
    CHECK_THAT(sentence_of("Mali's junta", "signedAgreement", "Russia"), Catch::Contains("signed a defence agreement"));
}

TEST_CASE("SPARQL in Oxigraph: the relations of Mali's junta by date, with the date's precision as datatype",
          "[cli][e2e][export][rdf][oxigraph][sparql]") {
    const TempDir& dir = exports();
    for (const std::string ext : {"trig", "nq", "jsonld"}) {
        INFO(ext);
        const auto rows = sparql(dir / (kFixture + "." + ext), "mali-junta-by-date.rq");
        const std::vector<std::vector<std::string>> expected = {
            {"2022", "Mali's junta", "criticized", "ECOWAS"},
            {"2023-06", "Mali's junta", "demandedWithdrawal", "MINUSMA"},
            {"2023-07", "Mali's junta", "accused", "France"},
            {"2023-08-01", "Mali's junta", "signedAgreement", "Russia"},
            {"2023-08-11", "European Union", "criticized", "Mali's junta"}, // "on Friday"
        };
        CHECK(values(rows, {"date", "subject", "relation", "object"}) == expected);
        std::vector<std::string> datatypes;
        for (const auto& row : rows) datatypes.push_back(row.at("date").datatype);
        CHECK(datatypes == std::vector<std::string>{kXsd + "gYear", kXsd + "gYearMonth", kXsd + "gYearMonth",
                                                    kXsd + "date", kXsd + "date"});
    }
}

TEST_CASE("extract --base moves the minted IRIs, keeps the gazetteer's, and reruns give the same bytes",
          "[cli][e2e][export][rdf][base][determinism]") {
    const std::string base = "https://example.org/kg/";
    TempDir one, two, plain;
    for (const TempDir* dir : {&one, &two}) {
        auto r = run_newskg("extract --base " + base + " --format " + kRdfFormats + " --out-dir " +
                            sh_quote(dir->path().string()) + " " + sh_quote(fixture_path()));
        INFO(r.err);
        REQUIRE(r.status == 0);
    }
    auto r = run_newskg("extract --format nt --out-dir " + sh_quote(plain.path().string()) + " " +
                        sh_quote(fixture_path()));
    REQUIRE(r.status == 0);

    for (const auto& ext : kRdfExtensions) {
        INFO(ext);
        const std::string bytes = read_file(one / (kFixture + "." + ext));
        CHECK(bytes.size() > 1000);
        CHECK(bytes == read_file(two / (kFixture + "." + ext)));
        CHECK(bytes.find("https://newskg.org/id/") == std::string::npos);
    }

    // The same triples as with the default base once the base is swapped, except that a
    // statement's IRI is a hash of what it relates (IRIs under the base included): those
    // are compared by position only.
    const auto normalised = [](std::string text, const std::string& from) {
        static const std::regex statement("statement/[0-9a-f]{16}");
        std::string swapped;
        for (std::size_t at = 0;;) {
            const std::size_t hit = from.empty() ? std::string::npos : text.find(from, at);
            swapped.append(text, at, hit == std::string::npos ? std::string::npos : hit - at);
            if (hit == std::string::npos) break;
            swapped += "https://example.org/kg/";
            at = hit + from.size();
        }
        std::multiset<std::string> lines;
        std::istringstream in(std::regex_replace(swapped, statement, "statement/X"));
        for (std::string line; std::getline(in, line);) lines.insert(line);
        return lines;
    };
    const std::string with_base = read_file(one / (kFixture + ".nt"));
    const std::string without = read_file(plain / (kFixture + ".nt"));
    CHECK(normalised(with_base, "") == normalised(without, "https://newskg.org/id/"));
    CHECK(with_base.find("<https://example.org/kg/government/ml>") != std::string::npos);
    CHECK(with_base.find("<https://example.org/kg/article/" + kFixture + ">") != std::string::npos);
    CHECK(with_base.find("<https://newskg.org/actor/country/ML>") != std::string::npos);
}
