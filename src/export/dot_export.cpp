#include "newskg/export/dot.hpp"

#include <algorithm>
#include <cstdio>
#include <locale>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

// GCC 12 at -O2 reports a false -Wmaybe-uninitialized inside Boost's edge iterator (a
// boost::optional it only reads after setting) once write_graphviz is inlined here; the
// location it reports is in the Boost headers, so that is where it is silenced.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

/// Length of the valid UTF-8 sequence at s[i], 0 when the bytes there are not one
/// (stray continuation byte, truncated sequence, overlong form, surrogate, > U+10FFFF).
std::size_t utf8_sequence(const std::string& s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned min_second = 0x80, max_second = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) min_second = 0xA0; // overlong
        if (c == 0xED) max_second = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) min_second = 0x90; // overlong
        if (c == 0xF4) max_second = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return len;
}

// ------------------------------------------------------------------ visual vocabulary

struct NodeStyle {
    const char* shape;
    const char* style;
    const char* fill;
};

/// One look per actor type, chosen so the type reads at a glance without the legend:
/// people round, states as (double) octagons, governments as houses, the military as
/// diamonds, armed groups as plain octagons, organisations as rounded boxes, places
/// as underlined text.
NodeStyle node_style(ActorType t) {
    switch (t) {
    case ActorType::Person: return {"ellipse", "filled", "#fde0b6"};
    case ActorType::Country: return {"doubleoctagon", "filled", "#c6dbef"};
    case ActorType::Location: return {"underline", "filled", "#eeeeee"};
    case ActorType::Government: return {"house", "filled", "#d9d2e9"};
    case ActorType::Military: return {"diamond", "filled", "#d5d8a8"};
    case ActorType::ArmedGroup: return {"octagon", "filled", "#f4b6b6"};
    case ActorType::Organization: return {"box", "filled,rounded", "#fff2b3"};
    case ActorType::Actor: break;
    }
    return {"ellipse", "filled,dashed", "#ffffff"};
}

constexpr ActorType kActorTypes[] = {ActorType::Person,     ActorType::Country,
                                     ActorType::Government, ActorType::Military,
                                     ActorType::ArmedGroup, ActorType::Organization,
                                     ActorType::Location,   ActorType::Actor};

/// Edge classes: the four CAMEO QuadClasses, standing relations (0), and events whose
/// QuadClass is unknown (5, so they are not drawn as standing relations).
constexpr int kUnknownEventClass = 5;

int edge_class(const RelationEdge& r) {
    if (!r.is_event()) return 0;
    return r.quad_class >= 1 && r.quad_class <= 4 ? r.quad_class : kUnknownEventClass;
}

struct EdgeStyle {
    const char* colour;
    const char* style;
    const char* name;
};

EdgeStyle edge_style(int cls) {
    switch (cls) {
    case 1: return {"#2ca02c", "solid", "verbal cooperation"};
    case 2: return {"#1b6f8a", "solid", "material cooperation"};
    case 3: return {"#ff7f0e", "solid", "verbal conflict"};
    case 4: return {"#d62728", "solid", "material conflict"};
    case 0: return {"#8c8c8c", "dashed", "standing relation"};
    default: break;
    }
    return {"#444444", "solid", "event"};
}

/// Pen width grows with the number of mentions, capped so one repeated relation does not
/// drown the picture. Formatted by hand: printf's "%.1f" follows the C locale, and a
/// decimal comma would be a DOT syntax error.
std::string pen_width(std::size_t mentions) {
    const std::size_t tenths = std::min<std::size_t>(10 + 5 * (mentions - 1), 40);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string quoted(const std::string& text) { return "\"" + dot_escape(text) + "\""; }

// --------------------------------------------------------------------- the DOT graph

/// The graph write_graphviz walks: a copy of the kept part of the knowledge graph whose
/// vertex indices are positions in IRI order and whose edges are inserted in edges()
/// order, so the output does not depend on the order things were added in.
/// The bundles index into the vectors below.
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                       std::size_t, std::size_t>;

struct Selection {
    std::vector<const EntityNode*> nodes; // by IRI
    std::vector<EdgeView> edges;          // KnowledgeGraph::edges() order
    DotGraph graph;
};

Selection select(const KnowledgeGraph& kg, std::size_t top) {
    Selection sel;
    std::vector<const EntityNode*> all = kg.nodes();
    std::vector<EdgeView> edges = kg.edges();

    std::set<const EntityNode*> kept;
    if (top > 0 && top < all.size()) {
        std::unordered_map<const EntityNode*, std::size_t> degree;
        for (const EdgeView& e : edges) {
            ++degree[&e.subject];
            ++degree[&e.object];
        }
        std::vector<const EntityNode*> ranked = all;
        // nodes() is in IRI order, so a stable sort by degree breaks ties by IRI.
        std::stable_sort(ranked.begin(), ranked.end(),
                         [&](const EntityNode* a, const EntityNode* b) {
                             return degree[a] > degree[b];
                         });
        kept.insert(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top));
    } else {
        kept.insert(all.begin(), all.end());
    }

    std::unordered_map<const EntityNode*, std::size_t> index;
    for (const EntityNode* n : all) {
        if (!kept.count(n)) continue;
        index.emplace(n, sel.nodes.size());
        boost::add_vertex(sel.nodes.size(), sel.graph);
        sel.nodes.push_back(n);
    }
    for (const EdgeView& e : edges) {
        const auto s = index.find(&e.subject);
        const auto o = index.find(&e.object);
        if (s == index.end() || o == index.end()) continue;
        boost::add_edge(s->second, o->second, sel.edges.size(), sel.graph);
        sel.edges.push_back(e);
    }
    return sel;
}

std::unordered_map<std::string, std::string> property_labels(const Ontology* ontology) {
    std::unordered_map<std::string, std::string> labels;
    if (!ontology) return labels;
    for (const RelationType& r : ontology->relation_types())
        if (!r.label.empty()) labels.emplace(r.name, r.label);
    return labels;
}

std::string edge_text(const RelationEdge& r, const std::string& label) {
    std::string head = label;
    if (r.flags & kNegated) head = "not " + head;
    if (r.flags & kHedged) head += "?";
    std::string text = head;
    if (r.date) {
        text += "\n" + r.date->iso();
        if (r.last_date && *r.last_date != *r.date) text += " \u2013 " + r.last_date->iso();
    }
    if (r.mention_count > 1) {
        text += text.find('\n') == std::string::npos ? "\n" : " ";
        text += "\u00d7" + std::to_string(r.mention_count);
    }
    return text;
}

void write_legend(std::ostream& out, const Selection& sel) {
    std::set<ActorType> types;
    for (const EntityNode* n : sel.nodes) types.insert(n->type);
    std::set<int> classes;
    for (const EdgeView& e : sel.edges) classes.insert(edge_class(e.relation));
    if (types.empty()) return;

    out << "subgraph cluster_legend {\n"
        << "label=\"Legend\"; fontsize=12; style=\"rounded\"; color=\"#bbbbbb\";\n";
    for (ActorType t : kActorTypes) {
        if (!types.count(t)) continue;
        const NodeStyle s = node_style(t);
        const std::string name(to_string(t));
        out << "legend_type_" << name << " [label=" << quoted(name) << " shape=" << s.shape
            << " style=\"" << s.style << "\" fillcolor=\"" << s.fill << "\" fontsize=10];\n";
    }
    for (int cls : classes) {
        const EdgeStyle s = edge_style(cls);
        out << "legend_class_" << cls << "_a [shape=point width=0.05 color=\"" << s.colour
            << "\"];\n"
            << "legend_class_" << cls << "_b [shape=point width=0.05 color=\"" << s.colour
            << "\"];\n"
            << "legend_class_" << cls << "_a -> legend_class_" << cls << "_b [label="
            << quoted(s.name) << " color=\"" << s.colour << "\" fontcolor=\"" << s.colour
            << "\" style=" << s.style << " fontsize=9];\n";
    }
    out << "}\n";
}

void write_country_clusters(std::ostream& out, const Selection& sel) {
    std::map<std::string, std::vector<std::size_t>> members; // code → vertex ids
    std::map<std::string, std::string> country_name;
    for (std::size_t i = 0; i < sel.nodes.size(); ++i) {
        const EntityNode& n = *sel.nodes[i];
        if (n.country_code.empty()) continue;
        members[n.country_code].push_back(i);
        if (n.type == ActorType::Country && !country_name.count(n.country_code))
            country_name[n.country_code] = n.label;
    }
    std::size_t k = 0;
    for (const auto& [code, ids] : members) {
        const auto named = country_name.find(code);
        const std::string title =
            named != country_name.end() ? named->second + " (" + code + ")" : code;
        // Cluster names are numbered rather than built from the code: the code is data
        // and only the label needs to carry it.
        out << "subgraph cluster_country_" << k++ << " {\nlabel=" << quoted(title)
            << "; style=\"rounded,filled\"; fillcolor=\"#f7f7f7\"; color=\"#cccccc\";\n";
        for (std::size_t id : ids) out << id << ";\n";
        out << "}\n";
    }
}

} // namespace

std::string dot_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t len = utf8_sequence(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD: Graphviz rejects or misreads invalid UTF-8
            ++i;
            continue;
        }
        if (len > 1) {
            out.append(text, i, len);
            i += len;
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r':
            // CR LF and a lone CR are each one line break.
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
            break;
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default:
            if (c < 0x20 || c == 0x7F)
                out += ' ';
            else
                out += static_cast<char>(c);
        }
        ++i;
    }
    return out;
}

std::string to_dot(const KnowledgeGraph& graph, const Ontology* ontology,
                   const DotOptions& options) {
    const Selection sel = select(graph, options.top);
    const auto labels = property_labels(ontology);
    const char* label_key = sel.edges.size() > kDotXlabelThreshold ? "xlabel" : "label";

    const auto vertex_writer = [&](std::ostream& out, DotGraph::vertex_descriptor v) {
        const EntityNode& n = *sel.nodes[sel.graph[v]];
        const NodeStyle s = node_style(n.type);
        out << "[label=" << quoted(n.label.empty() ? n.iri : n.label) << " shape=" << s.shape
            << " style=\"" << s.style << "\" fillcolor=\"" << s.fill
            << "\" tooltip=" << quoted(n.iri) << "]";
    };

    const auto edge_writer = [&](std::ostream& out, DotGraph::edge_descriptor e) {
        const RelationEdge& r = sel.edges[sel.graph[e]].relation;
        const EdgeStyle s = edge_style(edge_class(r));
        const auto known = labels.find(r.predicate);
        const std::string& label = known != labels.end() ? known->second : r.predicate;
        const bool negated = (r.flags & kNegated) != 0;
        out << "[color=\"" << s.colour << "\" fontcolor=\"" << s.colour << "\" style="
            << (negated ? "dotted" : s.style) << " penwidth=" << pen_width(r.mention_count);
        if (options.edge_labels) out << " " << label_key << "=" << quoted(edge_text(r, label));
        std::string tip = r.predicate;
        if (r.is_event()) tip += " (CAMEO " + r.cameo + ")";
        out << " tooltip=" << quoted(tip) << "]";
    };

    const auto graph_writer = [&](std::ostream& out) {
        out << "graph [rankdir=LR fontname=\"sans-serif\" overlap=false splines=true "
               "nodesep=0.3 ranksep=0.6];\n"
            << "node [fontname=\"sans-serif\" fontsize=11];\n"
            << "edge [fontname=\"sans-serif\" fontsize=9 arrowsize=0.7];\n";
        write_legend(out, sel);
        if (options.clusters_by_country) write_country_clusters(out, sel);
    };

    std::ostringstream out;
    // Node ids and numbers must not pick up digit grouping from a global locale.
    out.imbue(std::locale::classic());
    boost::write_graphviz(out, sel.graph, vertex_writer, edge_writer, graph_writer);
    return out.str();
}

} // namespace newskg
