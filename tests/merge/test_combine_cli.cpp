// End to end: stats, merge and render combine graphs the same way (GraphUnion, then actor
// resolution), so their outputs do not depend on the order of the inputs and stats
// counts the actors merge writes; render reads every readable format and standard input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <vector>

#include "process.hpp"

using namespace newskg::test;

namespace {

/// A newskg JSON graph of one article: `label` names the shared actor.
std::string alpha_graph(const std::string& article, const std::string& label) {
    nlohmann::json j;
    j["articles"] = {{{"id", article}, {"iri", "https://newskg.org/id/article/" + article}}};
    j["entities"] = {
        {{"iri", "https://newskg.org/id/armedgroup/alpha-front"}, {"label", label}, {"type", "ArmedGroup"},
         {"articles", {article}}},
        {{"iri", "https://newskg.org/actor/country/ML"}, {"label", "Mali"}, {"type", "Country"},
         {"articles", {article}}},
    };
    j["relations"] = {{{"subject", "https://newskg.org/id/armedgroup/alpha-front"},
                       {"predicate", "attacked"},
                       {"object", "https://newskg.org/actor/country/ML"},
                       {"cameo", "190"},
                       {"quad_class", 4},
                       {"goldstein", -10.0},
                       {"confidence", 0.8},
                       {"evidence", {{{"document", article}, {"sentence", 0}, {"text", label + " attacked Mali."}}}}}};
    return j.dump(1);
}

std::string join(const std::vector<std::string>& files) {
    std::string out;
    for (const auto& f : files) out += " " + sh_quote(f);
    return out;
}

/// The number in "Graph: N actors" (stats) or "N after resolution" (merge).
std::size_t count_in(const std::string& text, const std::string& pattern) {
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(pattern)));
    return std::stoul(m[1]);
}

} // namespace

TEST_CASE("stats labels a shared actor the same whatever the order of its inputs", "[merge][cli][e2e]") {
    TempDir dir;
    write_file(dir / "a.json", alpha_graph("a", "Alpha Front Group"));
    write_file(dir / "b.json", alpha_graph("b", "Alpha Front"));
    const auto ab = run_newskg("stats --format json " + join({dir / "a.json", dir / "b.json"}));
    const auto ba = run_newskg("stats --format json " + join({dir / "b.json", dir / "a.json"}));
    INFO(ab.err << ba.err);
    REQUIRE(ab.status == 0);
    REQUIRE(ba.status == 0);
    CHECK(ab.out == ba.out);
    // The name the IRI was minted from wins over the longer one.
    CHECK(ab.out.find("\"Alpha Front\"") != std::string::npos);
    CHECK(ab.out.find("\"Alpha Front Group\"") == std::string::npos);
    // merge and render label it so too, in either order.
    std::vector<std::string> pictures;
    for (const auto& order : {join({dir / "a.json", dir / "b.json"}), join({dir / "b.json", dir / "a.json"})}) {
        const auto merge = run_newskg("merge --output -" + order);
        const auto render = run_newskg("render --format dot" + order);
        INFO(merge.err << render.err);
        REQUIRE(merge.status == 0);
        REQUIRE(render.status == 0);
        const auto merged = nlohmann::json::parse(merge.out);
        std::string label;
        for (const auto& e : merged["entities"])
            if (e["iri"] == "https://newskg.org/id/armedgroup/alpha-front") label = e["label"];
        CHECK(label == "Alpha Front");
        pictures.push_back(render.out);
    }
    CHECK(pictures[0] == pictures[1]);
}

TEST_CASE("stats, merge and render over every order of several graphs agree", "[merge][cli][e2e]") {
    TempDir dir;
    // Three example articles, extracted once; one of them as Turtle, one as JSON-LD, so
    // the readers of several formats meet in one union.
    const std::vector<std::pair<std::string, std::string>> inputs{
        {"sahel-minusma-withdrawal", "json"}, {"rwanda-drc-talks", "ttl"}, {"red-sea-shipping", "jsonld"}};
    std::vector<std::string> files;
    for (const auto& [name, format] : inputs) {
        const std::string out = dir / (name + "." + format);
        const auto r = run_newskg("extract --no-parser --format " + format + " --output " + sh_quote(out) + " " +
                                  sh_quote(source_path("examples/" + name + ".txt")));
        INFO(r.err);
        REQUIRE(r.status == 0);
        files.push_back(out);
    }
    std::sort(files.begin(), files.end());
    std::string stats0, merged0, dot0;
    std::size_t merge_count = 0, n = 0;
    do {
        const std::string in = join(files);
        const auto stats = run_newskg("stats --top 0" + in);
        const auto merge = run_newskg("merge" + in + " --output " + sh_quote(dir / "m.json"));
        const auto render = run_newskg("render --format dot" + in);
        INFO(stats.err << merge.err << render.err);
        REQUIRE(stats.status == 0);
        REQUIRE(merge.status == 0);
        REQUIRE(render.status == 0);
        const std::string merged = read_file(dir / "m.json");
        if (n++ == 0) {
            stats0 = stats.out;
            merged0 = merged;
            dot0 = render.out;
            merge_count = count_in(merge.err, "(\\d+) after resolution");
            CHECK(count_in(stats.out, "Graph: (\\d+) actors") == merge_count);
            CHECK(nlohmann::json::parse(merged)["entities"].size() == merge_count);
        } else {
            CHECK(stats.out == stats0);
            CHECK(merged == merged0);
            CHECK(render.out == dot0);
        }
    } while (std::next_permutation(files.begin(), files.end()));
    CHECK(n == 6);
    CHECK(merge_count > 10);
}

TEST_CASE("render reads standard input like a file, errors included", "[cli][e2e]") {
    const std::string cli = sh_quote(NEWSKG_CLI_PATH);
    TempDir dir;
    write_file(dir / "huge.json", "{\"entities\":[],\"x\":8e730}");
    const auto from_file = run_newskg("render " + sh_quote(dir / "huge.json"));
    const auto from_stdin = run("printf '{\"entities\":[],\"x\":8e730}' | " + cli + " render -");
    CHECK(from_file.status == 1);
    CHECK(from_stdin.status == 1);
    CHECK(from_file.err.find("newskg.parse.501") != std::string::npos);
    CHECK(from_stdin.err.find("newskg.parse.501") != std::string::npos);
    CHECK(from_stdin.err.find("internal error") == std::string::npos);

    // JSON-LD and Turtle on standard input, told by their content.
    const std::string article = sh_quote(source_path("examples/sahel-minusma-withdrawal.txt"));
    for (const char* format : {"jsonld", "ttl", "json"}) {
        const auto r = run(cli + " extract --no-parser --format " + format + " " + article + " | " + cli +
                           " render --format dot -");
        INFO(format << ": " << r.err);
        CHECK(r.status == 0);
        CHECK(r.out.find("Mali") != std::string::npos);
    }
}
