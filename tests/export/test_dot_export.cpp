#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>

#include "graph/graph_fixtures.hpp"
#include "newskg/export/dot.hpp"
#include "newskg/ontology/ontology.hpp"
#include "test_paths.hpp"

using namespace newskg;
using namespace newskg::testing;

namespace {

/// XML text with its character references resolved (the SVG writer escapes '-', quotes,
/// '&', '<', '>' and sometimes others as numeric references).
std::string xml_unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '&') {
            const std::size_t semi = s.find(';', i);
            const std::string ent = s.substr(i + 1, semi - i - 1);
            unsigned long cp = 0;
            if (ent == "amp") cp = '&';
            else if (ent == "lt") cp = '<';
            else if (ent == "gt") cp = '>';
            else if (ent == "quot") cp = '"';
            else if (ent == "apos") cp = '\'';
            else if (!ent.empty() && ent[0] == '#')
                cp = ent.size() > 1 && ent[1] == 'x' ? std::stoul(ent.substr(2), nullptr, 16)
                                                     : std::stoul(ent.substr(1));
            // Encode the code point as UTF-8.
            if (cp < 0x80) {
                out += static_cast<char>(cp);
            } else if (cp < 0x800) {
                out += static_cast<char>(0xC0 | (cp >> 6));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out += static_cast<char>(0xE0 | (cp >> 12));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                out += static_cast<char>(0xF0 | (cp >> 18));
                out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            }
            i = semi + 1;
        } else {
            out += s[i++];
        }
    }
    return out;
}

struct SvgItem {
    std::string title; ///< Graphviz's <title>: the node id, or "a->b" for an edge
    std::string text;  ///< the <text> lines joined with '\n'
};

/// The nodes or edges of an SVG written by dot, by their class attribute.
std::vector<SvgItem> svg_items(const std::string& svg, const std::string& cls) {
    std::vector<SvgItem> items;
    const std::string open = "class=\"" + cls + "\">";
    for (std::size_t pos = svg.find(open); pos != std::string::npos;
         pos = svg.find(open, pos + 1)) {
        // An item runs to the next node, edge or cluster group: tooltips nest <g><a>
        // inside it, so its own "</g>" is not a reliable end.
        std::size_t end = svg.size();
        for (const char* next : {"class=\"node\">", "class=\"edge\">", "class=\"cluster\">"})
            end = std::min(end, svg.find(next, pos + 1));
        const std::string group = svg.substr(pos, end - pos);
        SvgItem item;
        const std::regex title_re("<title>([^<]*)</title>");
        std::smatch m;
        if (std::regex_search(group, m, title_re)) item.title = xml_unescape(m[1]);
        const std::regex text_re("<text[^>]*>([^<]*)</text>");
        for (auto it = std::sregex_iterator(group.begin(), group.end(), text_re);
             it != std::sregex_iterator(); ++it) {
            if (!item.text.empty()) item.text += '\n';
            item.text += xml_unescape((*it)[1]);
        }
        items.push_back(item);
    }
    return items;
}

/// Renders DOT through the real `dot` and returns the SVG; fails the test on a non-zero
/// exit (a syntax error in our output).
std::string render_svg(const std::string& dot) {
    const auto in = temp_path("dot", ".dot");
    const auto out = temp_path("dot", ".svg");
    write_file(in, dot);
    const auto [output, status] =
        run_command("dot -Tsvg " + shell_quote(in.string()) + " -o " + shell_quote(out.string()) +
                    " 2>&1");
    INFO(output);
    CHECK(status == 0);
    const std::string svg = read_file(out);
    std::filesystem::remove(in);
    std::filesystem::remove(out);
    return svg;
}

bool is_number(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

TEST_CASE("dot_escape makes text safe inside a DOT string", "[export][dot]") {
    CHECK(dot_escape("plain") == "plain");
    CHECK(dot_escape("say \"hi\"") == "say \\\"hi\\\"");
    CHECK(dot_escape("a\\b") == "a\\\\b");
    CHECK(dot_escape("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
    CHECK(dot_escape("a<b>&c") == "a&lt;b&gt;&amp;c");
    CHECK(dot_escape("tab\there\x01") == "tab here ");
    CHECK(dot_escape("Gao\xC3\xAF") == "Gao\xC3\xAF");        // valid UTF-8 passes
    CHECK(dot_escape("bad\xC3") == "bad\xEF\xBF\xBD");        // truncated sequence
    CHECK(dot_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
}

TEST_CASE("DOT output has the layout attributes, shapes and colours", "[export][dot]") {
    const std::string dot = to_dot(sample_graph(), nullptr, DotOptions{});
    CHECK(dot.rfind("digraph G {", 0) == 0);
    CHECK(dot.find("rankdir=LR") != std::string::npos);
    CHECK(dot.find("fontname=\"sans-serif\"") != std::string::npos);
    CHECK(dot.find("overlap=false") != std::string::npos);
    CHECK(dot.find("subgraph cluster_legend") != std::string::npos);
    CHECK(dot.find("shape=house") != std::string::npos);         // the junta
    CHECK(dot.find("shape=doubleoctagon") != std::string::npos); // Mali, Russia
    CHECK(dot.find("shape=octagon") != std::string::npos);       // Wagner
    CHECK(dot.find("#d62728") == std::string::npos);             // no material conflict here
    CHECK(dot.find("#ff7f0e") != std::string::npos);             // verbal conflict
    CHECK(dot.find("style=dashed") != std::string::npos);        // a standing relation
    CHECK(dot.find(" label=\"demandedWithdrawal\\n2023-06-16 \u2013 2023-06-18 \u00d72\"") !=
          std::string::npos);
    CHECK(dot.find("xlabel") == std::string::npos);
    CHECK(dot == to_dot(sample_graph(), nullptr, DotOptions{})); // deterministic
}

TEST_CASE("DOT renders through dot -Tsvg with every label intact", "[export][dot]") {
    KnowledgeGraph g = sample_graph();
    const std::string tricky = "Q\"uote \\ back\\slash\nline <b> & c &amp;";
    const std::string injection = "a\" ] ; x -> y [label=\"b";
    g.upsert_node(node("https://ex.org/tricky", tricky, ActorType::Person));
    g.upsert_node(node("https://ex.org/inject", injection, ActorType::Military));
    g.upsert_edge("https://ex.org/inject",
                  event("fought", "190", 4, -10.0, {evidence("doc1", 9, "z")}, day(2023, 6, 1)),
                  "https://ex.org/tricky");

    const std::string svg = render_svg(to_dot(g, nullptr, DotOptions{}));
    REQUIRE(!svg.empty());

    std::map<std::string, std::string> text_of; // node id → its text
    for (const SvgItem& n : svg_items(svg, "node"))
        if (is_number(n.title)) text_of[n.title] = n.text;
    REQUIRE(text_of.size() == g.node_count()); // no node was injected

    std::vector<std::string> texts;
    for (const auto& [id, text] : text_of) texts.push_back(text);
    const auto has = [&](const std::string& t) {
        return std::find(texts.begin(), texts.end(), t) != texts.end();
    };
    CHECK(has(tricky));
    CHECK(has(injection));
    CHECK(has("Mali's junta"));
    CHECK(has("MINUSMA"));
    CHECK(has("Wagner Group"));

    // Edges connect numbered nodes only (plus the legend's own points).
    bool fought = false;
    for (const SvgItem& e : svg_items(svg, "edge")) {
        if (e.title.rfind("legend_", 0) == 0) continue;
        const std::size_t arrow = e.title.find("->");
        REQUIRE(arrow != std::string::npos);
        CHECK(is_number(e.title.substr(0, arrow)));
        CHECK(is_number(e.title.substr(arrow + 2)));
        if (e.text == "fought\n2023-06-01") fought = true;
    }
    CHECK(fought);
    CHECK(svg.find("\u00d72") != std::string::npos);
}

TEST_CASE("DOT top keeps the highest-degree actors, ties by IRI", "[export][dot]") {
    const KnowledgeGraph g = sample_graph();
    // Degrees: Russia 2, junta 1, MINUSMA 1, Mali 1, Wagner 1. Top 2: Russia, then the
    // smallest IRI among the degree-1 actors: Mali (".../country/ML").
    DotOptions opt;
    opt.top = 2;
    const std::string dot = to_dot(g, nullptr, opt);
    CHECK(dot.find("label=\"Russia\"") != std::string::npos);
    CHECK(dot.find("label=\"Mali\"") != std::string::npos);
    CHECK(dot.find("label=\"MINUSMA\"") == std::string::npos);
    CHECK(dot.find("label=\"Wagner Group\"") == std::string::npos);
    CHECK(dot.find("0->1 ") != std::string::npos); // Mali met Russia, kept
    CHECK(dot.find("label=\"met") != std::string::npos);
    CHECK(dot.find("demandedWithdrawal") == std::string::npos);

    opt.top = 100; // more than there are: everything
    CHECK(to_dot(g, nullptr, opt) == to_dot(g, nullptr, DotOptions{}));
    render_svg(to_dot(g, nullptr, DotOptions{2, true, true}));
}

TEST_CASE("DOT clusters by country and can drop edge labels", "[export][dot]") {
    DotOptions opt;
    opt.clusters_by_country = true;
    opt.edge_labels = false;
    const std::string dot = to_dot(sample_graph(), nullptr, opt);
    CHECK(dot.find("subgraph cluster_country_0 {\nlabel=\"Mali (ML)\"") != std::string::npos);
    CHECK(dot.find("label=\"Russia (RU)\"") != std::string::npos);
    CHECK(dot.find("label=\"demandedWithdrawal") == std::string::npos);
    const std::string svg = render_svg(dot);
    CHECK(svg.find("class=\"cluster\"") != std::string::npos);
}

TEST_CASE("DOT switches to xlabel above the edge threshold", "[export][dot]") {
    KnowledgeGraph g;
    // A chain with kDotXlabelThreshold + 1 edges.
    for (std::size_t i = 0; i <= kDotXlabelThreshold + 1; ++i)
        g.upsert_node(node("https://ex.org/n" + std::to_string(1000 + i), "n" + std::to_string(i),
                           ActorType::Organization));
    for (std::size_t i = 0; i < kDotXlabelThreshold; ++i)
        g.upsert_edge("https://ex.org/n" + std::to_string(1000 + i),
                      event("met", "040", 1, 1.0, {evidence("d", i, "s")}),
                      "https://ex.org/n" + std::to_string(1001 + i));
    const std::string small = to_dot(g, nullptr, DotOptions{});
    CHECK(small.find(" xlabel=") == std::string::npos);
    g.upsert_edge("https://ex.org/n1080", event("met", "040", 1, 1.0, {evidence("d", 99, "s")}),
                  "https://ex.org/n1081");
    REQUIRE(g.edge_count() == kDotXlabelThreshold + 1);
    const std::string large = to_dot(g, nullptr, DotOptions{});
    CHECK(large.find(" xlabel=\"met\"") != std::string::npos);
    CHECK(render_svg(large).find(">met</text>") != std::string::npos);
}

TEST_CASE("DOT of an empty graph is valid", "[export][dot]") {
    const std::string dot = to_dot(KnowledgeGraph{}, nullptr, DotOptions{});
    CHECK(dot.find("cluster_legend") == std::string::npos);
    render_svg(dot);
}

TEST_CASE("DOT edge labels come from the ontology", "[export][dot][ontology]") {
    const Ontology onto = Ontology::load(std::string(NEWSKG_SOURCE_DIR) + "/ontology");
    const std::string dot = to_dot(sample_graph(), &onto, DotOptions{});
    CHECK(dot.find("label=\"demanded the withdrawal of\\n2023-06-16") != std::string::npos);
    CHECK(dot.find("tooltip=\"demandedWithdrawal (CAMEO 1056)\"") != std::string::npos);
    render_svg(dot);
}

TEST_CASE("DOT has a title: the headline in bold, outlet and date under it", "[export][dot][title]") {
    const std::string dot = to_dot(sample_graph(), nullptr, DotOptions{});
    CHECK(dot.find("label=<<FONT POINT-SIZE=\"18\"><B>Mali asks UN mission to leave</B></FONT>") !=
          std::string::npos);
    CHECK(dot.find("DW \u00B7 2023-06-16 \u00B7 extracted by newskg") != std::string::npos);
    CHECK(dot.find("labelloc=t labeljust=l") != std::string::npos);
    const std::string svg = render_svg(dot);
    CHECK(svg.find(">Mali asks UN mission to leave</text>") != std::string::npos);
    CHECK(svg.find("font-weight=\"bold\"") != std::string::npos);

    // A long headline with markup characters is escaped and wrapped into lines of at
    // most 70 characters; a merged graph says how many articles and their date range.
    KnowledgeGraph g = sample_graph();
    ArticleInfo second;
    second.id = "doc2";
    second.iri = "https://newskg.org/id/article/doc2";
    second.title = "x";
    second.published = day(2023, 9, 3);
    g.add_article(second);
    const std::string merged = to_dot(g, nullptr, DotOptions{});
    CHECK(merged.find("<B>2 articles</B>") != std::string::npos);
    CHECK(merged.find("2023-06-16 to 2023-09-03 \u00B7 extracted by newskg") != std::string::npos);

    KnowledgeGraph one;
    ArticleInfo a;
    a.id = "long";
    a.title = "Rebels & army trade <fire> as the junta orders the UN mission out of the north of the "
              "country after a decade of deployment";
    one.add_article(a);
    one.upsert_node(node(kMali, "Mali", ActorType::Country));
    const std::string long_dot = to_dot(one, nullptr, DotOptions{});
    CHECK(long_dot.find("Rebels &amp; army trade &lt;fire&gt; as the junta orders the UN mission out of<BR "
                        "ALIGN=\"LEFT\"/>the north") != std::string::npos);
    CHECK(render_svg(long_dot).find(">Rebels &amp; army trade &lt;fire&gt;") != std::string::npos);
}

TEST_CASE("DOT dates events but not standing relations", "[export][dot][title]") {
    KnowledgeGraph g = sample_graph();
    // The date a standing relation carries is when the article said it.
    RelationEdge part = standing("partOf", {evidence("doc1", 5, "The junta rules Mali.", 300)});
    part.date = day(2023, 6, 16);
    part.last_date = part.date;
    g.upsert_edge(kJunta, part, kMali);
    const std::string dot = to_dot(g, nullptr, DotOptions{});
    // partOf says only what it is; the demand keeps its dates.
    CHECK(dot.find("label=\"partOf\"") != std::string::npos);
    CHECK(dot.find("label=\"demandedWithdrawal\\n2023-06-16") != std::string::npos);
}
