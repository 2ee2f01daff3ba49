// Pictures through libgvc: valid SVG (parsed as XML) and PNG (magic and header), the
// layout chosen by size, Graphviz's errors as render_error, and the DOT changes that make
// the picture fit a slide (actors without relations in one table, compact legend, source
// line).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "graph/graph_fixtures.hpp"
#include "newskg/export/dot.hpp"
#include "newskg/export/image.hpp"
#include "newskg/ontology/ontology.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::testing;

namespace {

const Ontology& onto() {
    static const Ontology o = Ontology::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    return o;
}

/// Parses an SVG with Python's XML parser; returns the root's local name and the text
/// of all <text> elements, one per line.
std::pair<std::string, std::string> parse_svg(const std::string& svg) {
    test::TempDir tmp;
    test::write_file(tmp / "p.svg", svg);
    const std::string script = R"(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.tag.split("}")[-1])
for t in root.iter("{http://www.w3.org/2000/svg}text"):
    print("".join(t.itertext()))
)";
    auto r = test::run("/usr/bin/python3 -c " + test::sh_quote(script) + " " + test::sh_quote(tmp / "p.svg"));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::size_t nl = r.out.find('\n');
    return {r.out.substr(0, nl), r.out.substr(nl + 1)};
}

std::uint32_t big_endian(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

/// A hub-shaped graph with `edges` relations among 40 actors.
KnowledgeGraph large_graph(std::size_t edges) {
    KnowledgeGraph g;
    for (int i = 0; i < 40; ++i)
        g.upsert_node(node("https://ex.org/a" + std::to_string(100 + i), "Actor " + std::to_string(i),
                           ActorType::Organization));
    for (std::size_t k = 0; k < edges; ++k)
        g.upsert_edge("https://ex.org/a" + std::to_string(100 + k % 7),
                      event("met", "040", 1, 1.0, {evidence("d", k, "s")}),
                      "https://ex.org/a" + std::to_string(100 + (k * 13 + 1) % 40));
    return g;
}

} // namespace

TEST_CASE("SVG and PNG of a graph are valid files", "[export][image]") {
    const KnowledgeGraph g = sample_graph();
    const std::string svg = to_image(g, &onto(), DotOptions{}, ImageFormat::Svg);
    const auto [root, text] = parse_svg(svg);
    CHECK(root == "svg");
    CHECK(text.find("Mali's junta") != std::string::npos);
    CHECK(text.find("demanded the withdrawal of") != std::string::npos);
    CHECK(text.find("Mali asks UN mission to leave") != std::string::npos); // the title
    CHECK(text.find("DW \u00B7 2023-06-16 \u00B7 extracted by newskg") != std::string::npos);

    const std::string png = to_image(g, &onto(), DotOptions{}, ImageFormat::Png);
    REQUIRE(png.size() > 1000);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(png.compare(12, 4, "IHDR") == 0);
    const std::uint32_t width = big_endian(png, 16), height = big_endian(png, 20);
    CHECK(width > 300);
    CHECK(height > 100);
    // A picture for a slide: landscape rather than a tall column.
    CHECK(width > height);

    // Same graph, same bytes.
    CHECK(to_image(g, &onto(), DotOptions{}, ImageFormat::Svg) == svg);
}

TEST_CASE("the layout follows the size of the drawing", "[export][image]") {
    CHECK(image_layout(0) == "dot");
    CHECK(image_layout(kImageLayeredMaxEdges) == "dot");
    CHECK(image_layout(kImageLayeredMaxEdges + 1) == "sfdp");

    // Above the threshold: sfdp, and the edges lose their labels.
    const KnowledgeGraph big = large_graph(kImageLayeredMaxEdges + 10);
    REQUIRE(big.edge_count() > kImageLayeredMaxEdges);
    const auto [root, text] = parse_svg(to_image(big, nullptr, DotOptions{}, ImageFormat::Svg));
    CHECK(root == "svg");
    CHECK(text.find("Actor 0") != std::string::npos);
    CHECK(text.find("met") == std::string::npos);
    // With --top the drawing is small again: dot, with labels.
    DotOptions top;
    top.top = 6;
    const auto [root2, text2] = parse_svg(to_image(big, nullptr, top, ImageFormat::Svg));
    CHECK(root2 == "svg");
    CHECK(text2.find("met") != std::string::npos);
}

TEST_CASE("Graphviz errors become render_error and leave no state behind", "[export][image]") {
    CHECK_THROWS_AS(render_dot("digraph { a -> ", ImageFormat::Svg), render_error);
    try {
        render_dot("digraph { a -> ", ImageFormat::Svg);
    } catch (const render_error& e) {
        CHECK(std::string(e.what()).find("[newskg.render.2]") == 0);
        CHECK(std::string(e.what()).find("syntax error") != std::string::npos);
    }
    CHECK_THROWS_AS(render_dot("digraph { a -> b }", ImageFormat::Svg, "no-such-layout"), render_error);
    // The next drawing is not blamed for the previous one's errors.
    const auto [root, text] = parse_svg(render_dot("digraph { a -> b }", ImageFormat::Svg));
    CHECK(root == "svg");
    CHECK(text.find("a") != std::string::npos);
}

TEST_CASE("actors without relations are listed in one table, not drawn as a column", "[export][image][dot]") {
    KnowledgeGraph g = sample_graph();
    g.upsert_node(node(kGermany, "Germany", ActorType::Country, {}, "DE"));
    g.upsert_node(node(kSunday, "Ber & <Co>", ActorType::Location));
    const std::string dot = to_dot(g, &onto(), DotOptions{});
    CHECK(dot.find("subgraph cluster_isolated") != std::string::npos);
    CHECK(dot.find("<TD BGCOLOR=\"#c6dbef\" TOOLTIP=\"" + kGermany + "\">Germany</TD>") != std::string::npos);
    CHECK(dot.find(">Ber &amp; &lt;Co&gt;</TD>") != std::string::npos);
    CHECK(dot.find("label=\"Germany\"") == std::string::npos); // not a node of its own
    CHECK(dot.find("cluster_legend") != std::string::npos);
    CHECK(dot.find("armed group") != std::string::npos); // legend words, not class names

    const auto [root, text] = parse_svg(render_dot(dot, ImageFormat::Svg));
    CHECK(root == "svg");
    CHECK(text.find("Germany") != std::string::npos);
    CHECK(text.find("Ber & <Co>") != std::string::npos);
    CHECK(text.find("Also named (no relation found)") != std::string::npos);
}
