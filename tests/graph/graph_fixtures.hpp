#pragma once
// Hand-built graphs and small helpers shared by the graph and export tests. They do not
// use the extractor: these tests pin down the graph and the exporters on their own.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg::testing {

inline const std::string kMali = "https://newskg.org/actor/country/ML";
inline const std::string kRussia = "https://newskg.org/actor/country/RU";
inline const std::string kJunta = "https://newskg.org/actor/government/ML";
inline const std::string kMinusma = "https://newskg.org/actor/org/MINUSMA";
inline const std::string kWagner = "https://newskg.org/id/actor/armedgroup/wagner";
inline const std::string kGermany = "https://newskg.org/actor/country/DE";
inline const std::string kSunday = "https://newskg.org/id/actor/actor/sunday";

inline EntityNode node(const std::string& iri, const std::string& label, ActorType type,
                       std::vector<std::string> aliases = {}, const std::string& country = "") {
    EntityNode n;
    n.iri = iri;
    n.label = label;
    n.type = type;
    n.aliases = std::move(aliases);
    n.country_code = country;
    return n;
}

inline Evidence evidence(const std::string& doc, std::size_t sentence, const std::string& text,
                         std::size_t begin = 0) {
    Evidence ev;
    ev.document = doc;
    ev.sentence = sentence;
    ev.span = CharSpan{begin, begin + text.size()};
    ev.text = text;
    return ev;
}

inline RelationEdge event(const std::string& predicate, const std::string& cameo, int quad,
                          double goldstein, std::vector<Evidence> ev,
                          std::optional<DateValue> date = std::nullopt) {
    RelationEdge e;
    e.predicate = predicate;
    e.cameo = cameo;
    e.quad_class = quad;
    e.goldstein = goldstein;
    e.evidence = std::move(ev);
    e.date = date;
    e.last_date = date;
    e.rule = "test";
    e.confidence = 0.8;
    return e;
}

inline RelationEdge standing(const std::string& predicate, std::vector<Evidence> ev) {
    RelationEdge e;
    e.predicate = predicate;
    e.evidence = std::move(ev);
    e.rule = "test";
    return e;
}

inline DateValue day(int y, int m, int d) { return DateValue{y, m, d}; }

/// A small graph of the kind the seed article yields: five actors, four relations, one
/// of them read twice.
inline KnowledgeGraph sample_graph() {
    KnowledgeGraph g;
    ArticleInfo a;
    a.id = "doc1";
    a.iri = article_iri("https://newskg.org/id/", "doc1");
    a.title = "Mali asks UN mission to leave";
    a.published = day(2023, 6, 16);
    a.outlet = "DW";
    a.agencies = {"AFP", "Reuters"};
    a.url = "https://example.org/mali";
    a.source_path = "doc1.html";
    g.add_article(a);

    auto with_article = [](EntityNode n) {
        n.articles = {"doc1"};
        return n;
    };
    g.upsert_node(with_article(node(kMali, "Mali", ActorType::Country, {"Malian"}, "ML")));
    g.upsert_node(with_article(
        node(kJunta, "Mali's junta", ActorType::Government, {"junta", "military junta"}, "ML")));
    g.upsert_node(with_article(node(kMinusma, "MINUSMA", ActorType::Organization, {"UN mission"})));
    g.upsert_node(with_article(node(kWagner, "Wagner Group", ActorType::ArmedGroup, {"Wagner"})));
    g.upsert_node(with_article(node(kRussia, "Russia", ActorType::Country, {}, "RU")));

    g.upsert_edge(kJunta,
                  event("demandedWithdrawal", "1056", 3, -5.0,
                        {evidence("doc1", 0, "Mali's junta demanded that MINUSMA leave.")},
                        day(2023, 6, 16)),
                  kMinusma);
    g.upsert_edge(kJunta,
                  event("demandedWithdrawal", "1056", 3, -5.0,
                        {evidence("doc1", 4, "The junta again told MINUSMA to go.", 200)},
                        day(2023, 6, 18)),
                  kMinusma);
    g.upsert_edge(kWagner, standing("affiliatedWith", {evidence("doc1", 2, "Wagner, linked to Russia.", 90)}),
                  kRussia);
    RelationEdge met = event("met", "040", 1, 1.0, {evidence("doc1", 3, "Mali met Russia.", 150)},
                             day(2023, 6, 17));
    met.flags = kHeadline;
    g.upsert_edge(kMali, met, kRussia);
    return g;
}

/// A fresh path under the temporary directory, unique per process and call, so tests
/// run in parallel by ctest do not share files.
inline std::filesystem::path temp_path(const std::string& stem, const std::string& ext) {
    static std::atomic<unsigned> counter{0};
    return std::filesystem::temp_directory_path() /
           ("newskg-" + stem + "-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++) + ext);
}

inline void write_file(const std::filesystem::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary);
    out << content;
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs a shell command and returns its standard output and exit status.
inline std::pair<std::string, int> run_command(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return {"", -1};
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
    const int status = ::pclose(pipe);
    return {output, status};
}

/// A path in single quotes for /bin/sh.
inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

} // namespace newskg::testing
