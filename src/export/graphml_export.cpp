// GraphML export through boost::write_graphml. The knowledge graph's own Boost graph is
// private to src/graph, and its vertex order follows insertion, so the export copies
// nodes (in IRI order) and edges (in edges() order) into a graph of its own, as the DOT
// export does, and reads every attribute from vectors of prepared values: the bytes
// then depend on the graph's content only.
#include "newskg/export/graphml.hpp"

#include <locale>
#include <sstream>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "export/boost_graph_writers.hpp"
#include "export/property_labels.hpp"
#include "export/utf8.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

/// Vertex and edge bundles are indices into the rows below.
using GraphmlGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, std::size_t, std::size_t>;

struct NodeRow {
    std::string label, type, country, iri, aliases, articles;
};

struct EdgeRow {
    std::string predicate, label, cameo, date, last_date, flags, articles, evidence;
    int quad_class = 0;
    int mention_count = 0;
    double goldstein = 0.0, weight = 0.0, confidence = 0.0;
};

std::string flag_names(unsigned flags) {
    std::string out;
    for (const auto& [bit, name] : kFlagNames)
        if (flags & bit) {
            if (!out.empty()) out += ' ';
            out += name;
        }
    return out;
}

/// Several values in one GraphML string attribute (GraphML has no lists): " | " between
/// names and ids, which rarely hold it; a line break between evidence sentences.
std::string joined(const std::vector<std::string>& values, const char* separator) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += separator;
        out += v;
    }
    return detail::xml_text(out);
}

} // namespace

std::string to_graphml(const KnowledgeGraph& graph, const Ontology* ontology) {
    const auto labels = detail::property_labels(ontology);

    GraphmlGraph g;
    std::vector<NodeRow> nodes;
    std::unordered_map<const EntityNode*, std::size_t> index;
    for (const EntityNode* n : graph.nodes()) {
        index.emplace(n, nodes.size());
        boost::add_vertex(nodes.size(), g);
        nodes.push_back({detail::xml_text(n->label.empty() ? n->iri : n->label),
                         std::string(to_string(n->type)), detail::xml_text(n->country_code),
                         detail::xml_text(n->iri), joined(n->aliases, " | "), joined(n->articles, " | ")});
    }
    std::vector<EdgeRow> edges;
    for (const EdgeView& e : graph.edges()) {
        const RelationEdge& r = e.relation;
        EdgeRow row;
        row.predicate = detail::xml_text(r.predicate);
        const auto known = labels.find(r.predicate);
        row.label = detail::xml_text(known != labels.end() ? known->second : r.predicate);
        row.cameo = detail::xml_text(r.cameo);
        if (r.date) row.date = r.date->iso();
        if (r.last_date) row.last_date = r.last_date->iso();
        row.flags = flag_names(r.flags);
        row.quad_class = r.is_event() ? r.quad_class : 0;
        row.mention_count = static_cast<int>(r.mention_count);
        row.goldstein = r.goldstein;
        row.weight = static_cast<double>(r.mention_count);
        row.confidence = r.confidence;
        std::vector<std::string> articles, sentences;
        for (const Evidence& ev : r.evidence) {
            // Evidence is sorted by article, so an article's items are next to each other.
            if (articles.empty() || articles.back() != ev.document) articles.push_back(ev.document);
            if (!ev.text.empty()) sentences.push_back(ev.text);
        }
        row.articles = joined(articles, " | ");
        row.evidence = joined(sentences, "\n");
        boost::add_edge(index.at(&e.subject), index.at(&e.object), edges.size(), g);
        edges.push_back(std::move(row));
    }

    // Each attribute is a read-only map from descriptor to value; write_graphml types
    // the <key> by the map's value type (string, int, double).
    boost::dynamic_properties dp(boost::ignore_other_properties);
    // One attribute: `field` of the row (of `rows`) that a vertex or edge bundles.
    auto attr = [&](const char* name, const auto& rows, auto field, auto descriptor) {
        using Descriptor = decltype(descriptor);
        using Row = typename std::decay_t<decltype(rows)>::value_type;
        using Value = std::remove_reference_t<decltype(std::declval<Row>().*field)>;
        dp.property(name, boost::make_function_property_map<Descriptor, Value>(
                              [&rows, &g, field](Descriptor d) { return rows[g[d]].*field; }));
    };
    auto node_attr = [&](const char* name, std::string NodeRow::*field) {
        attr(name, nodes, field, GraphmlGraph::vertex_descriptor{});
    };
    node_attr("label", &NodeRow::label);
    node_attr("type", &NodeRow::type);
    node_attr("country", &NodeRow::country);
    node_attr("iri", &NodeRow::iri);
    node_attr("aliases", &NodeRow::aliases);
    node_attr("articles", &NodeRow::articles);
    auto edge_attr = [&](const char* name, auto EdgeRow::*field) {
        attr(name, edges, field, GraphmlGraph::edge_descriptor{});
    };
    edge_attr("predicate", &EdgeRow::predicate);
    edge_attr("label", &EdgeRow::label);
    edge_attr("cameo", &EdgeRow::cameo);
    edge_attr("quad_class", &EdgeRow::quad_class);
    edge_attr("goldstein", &EdgeRow::goldstein);
    edge_attr("date", &EdgeRow::date);
    edge_attr("last_date", &EdgeRow::last_date);
    edge_attr("mention_count", &EdgeRow::mention_count);
    edge_attr("weight", &EdgeRow::weight);
    edge_attr("confidence", &EdgeRow::confidence);
    edge_attr("flags", &EdgeRow::flags);
    edge_attr("articles", &EdgeRow::articles);
    edge_attr("evidence", &EdgeRow::evidence);

    std::ostringstream out;
    // dynamic_properties formats numbers through an ostringstream of its own, which
    // takes the global C++ locale; newskg never changes it from "C", so numbers keep a
    // decimal point and no digit grouping. This stream is set to "C" all the same.
    out.imbue(std::locale::classic());
    boost::write_graphml(out, g, dp, true);
    return out.str();
}

} // namespace newskg
