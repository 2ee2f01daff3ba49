#include "export/article_span.hpp"
#include "newskg/export/dot.hpp"
#include "export/property_labels.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <locale>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "export/boost_graph_writers.hpp"
#include "export/utf8.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

using detail::utf8_sequence;

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

/// By edge class (edge_class: 0 to kUnknownEventClass).
constexpr EdgeStyle kEdgeStyles[] = {
    {"#8c8c8c", "dashed", "standing relation"},  {"#2ca02c", "solid", "verbal cooperation"},
    {"#1b6f8a", "solid", "material cooperation"}, {"#ff7f0e", "solid", "verbal conflict"},
    {"#d62728", "solid", "material conflict"},    {"#444444", "solid", "event"},
};
static_assert(std::size(kEdgeStyles) == kUnknownEventClass + 1, "one style per edge class");

EdgeStyle edge_style(int cls) { return kEdgeStyles[cls]; }

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
    std::vector<const EntityNode*> nodes;    // actors with a drawn relation, by IRI
    std::vector<const EntityNode*> isolated; // kept actors without one, by IRI
    std::vector<EdgeView> edges;             // KnowledgeGraph::edges() order
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

    // Actors without a relation among the kept ones say nothing in a picture of who did
    // what to whom, and as nodes of their own they took a rank slot each: dot stacked
    // them in one column as tall as the rest of the drawing. They are listed compactly
    // instead (write_isolated).
    std::set<const EntityNode*> related;
    for (const EdgeView& e : edges)
        if (kept.count(&e.subject) && kept.count(&e.object)) {
            related.insert(&e.subject);
            related.insert(&e.object);
        }

    std::unordered_map<const EntityNode*, std::size_t> index;
    for (const EntityNode* n : all) {
        if (!kept.count(n)) continue;
        if (!related.count(n)) {
            sel.isolated.push_back(n);
            continue;
        }
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

using detail::property_labels;

std::string edge_text(const RelationEdge& r, const std::string& label) {
    std::string head = label;
    if (r.flags & kNegated) head = "not " + head;
    if (r.flags & kHedged) head += "?";
    std::string text = head;
    // A standing relation's date is only when an article said it (partOf, presentIn):
    // on the picture it is noise; events keep theirs.
    if (r.date && r.is_event()) {
        text += "\n" + r.date->iso();
        if (r.last_date && *r.last_date != *r.date) text += " \u2013 " + r.last_date->iso();
    }
    // On the last line, after the date or the relation: "×4" alone on a line of its own
    // read as a stray label.
    if (r.mention_count > 1) text += " \u00d7" + std::to_string(r.mention_count);
    return text;
}

/// Text for an HTML-like label: '&', '<', '>' and '"' as entities, line breaks and
/// other control characters as spaces, invalid UTF-8 as U+FFFD.
std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (len > 1) out.append(text, i, len);
        else if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (c < 0x20 || c == 0x7F) out += ' ';
        else out += static_cast<char>(c);
        i += len;
    }
    return out;
}

/// The legend: one table (a node with an HTML-like label) of the actor types and edge
/// classes present, a colour swatch and a word each. As separate nodes and edges it
/// was a column of twelve ranks, taller than most article graphs; as one table it is a
/// small box.
void write_legend(std::ostream& out, const Selection& sel) {
    std::set<ActorType> types;
    for (const EntityNode* n : sel.nodes) types.insert(n->type);
    for (const EntityNode* n : sel.isolated) types.insert(n->type);
    std::set<int> classes;
    for (const EdgeView& e : sel.edges) classes.insert(edge_class(e.relation));
    if (types.empty()) return;

    out << "subgraph cluster_legend {\n"
        << "label=\"Legend\"; labelloc=t; fontsize=11; style=\"rounded\"; color=\"#bbbbbb\";\n"
        << "legend [shape=plain fontsize=10 label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
           "CELLSPACING=\"1\" CELLPADDING=\"2\">";
    for (ActorType t : kActorTypes) {
        if (!types.count(t)) continue;
        const NodeStyle s = node_style(t);
        out << "<TR><TD BGCOLOR=\"" << s.fill << "\" BORDER=\"1\" COLOR=\"#888888\" WIDTH=\"22\"></TD>"
            << "<TD ALIGN=\"LEFT\">" << detail::actor_type_word(t) << "</TD></TR>";
    }
    // Cooperation to conflict, then the rest, as a reader scans from green to red.
    for (int cls : {1, 2, 3, 4, kUnknownEventClass, 0}) {
        if (!classes.count(cls)) continue;
        const EdgeStyle s = edge_style(cls);
        // Heavy box-drawing dashes stand for the line style (DejaVu and Liberation
        // have them): solid for events, dashed for standing relations.
        const char* line = std::string(s.style) == "dashed" ? "\u254D\u254D\u254D" : "\u2501\u2501\u2501";
        out << "<TR><TD><FONT COLOR=\"" << s.colour << "\">" << line << "</FONT></TD>"
            << "<TD ALIGN=\"LEFT\"><FONT COLOR=\"" << s.colour << "\">" << s.name << "</FONT></TD></TR>";
    }
    out << "</TABLE>>];\n}\n";
}

/// Actors named in the articles but in no drawn relation, as one table in a box of its
/// own: a cell per actor filled with its type's colour, its IRI as tooltip, in rows of
/// up to six, so they take a little room at the side rather than a column of their own.
void write_isolated(std::ostream& out, const Selection& sel) {
    if (sel.isolated.empty()) return;
    // About twice as wide as high: pictures go on landscape slides and pages.
    std::size_t columns = 1;
    while (columns < 6 && columns * columns < 2 * sel.isolated.size()) ++columns;
    out << "subgraph cluster_isolated {\n"
        << "label=\"Also named (no relation found)\"; labelloc=t; fontsize=11; style=\"rounded\"; "
           "color=\"#bbbbbb\";\n"
        << "isolated [shape=plain fontsize=10 label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" "
           "CELLSPACING=\"3\" CELLPADDING=\"4\" COLOR=\"#888888\">";
    for (std::size_t i = 0; i < sel.isolated.size(); ++i) {
        const EntityNode& n = *sel.isolated[i];
        if (i % columns == 0) out << (i ? "</TR>" : "") << "<TR>";
        out << "<TD BGCOLOR=\"" << node_style(n.type).fill << "\" TOOLTIP=\"" << html_escape(n.iri)
            << "\">" << html_escape(n.label.empty() ? n.iri : n.label) << "</TD>";
    }
    out << "</TR></TABLE>>];\n}\n";
}

/// Breaks `text` at spaces into lines of about `width` characters (counted in UTF-8
/// sequences), so a long headline does not make the picture wider than its graph.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line, word;
    std::size_t line_chars = 0, word_chars = 0;
    const auto flush_word = [&] {
        if (word.empty()) return;
        if (line_chars > 0 && line_chars + 1 + word_chars > width) {
            lines.push_back(line);
            line.clear();
            line_chars = 0;
        }
        if (line_chars > 0) {
            line += ' ';
            ++line_chars;
        }
        line += word;
        line_chars += word_chars;
        word.clear();
        word_chars = 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = std::max<std::size_t>(utf8_sequence(text, i), 1);
        if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') flush_word();
        else {
            word.append(text, i, len);
            ++word_chars;
        }
        i += len;
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

/// The title over the picture, as a newsroom graphic has one: the headline in bold (or,
/// for a merged graph, how many articles), then the outlet and date (or date range) and
/// the credit, small and grey. Empty when the graph has no article.
std::string title_label(const KnowledgeGraph& kg) {
    const auto& articles = kg.articles();
    if (articles.empty()) return {};
    std::string headline, byline;
    if (articles.size() == 1) {
        const ArticleInfo& a = articles.front();
        headline = a.title.empty() ? a.id : a.title;
        if (!a.outlet.empty()) byline += a.outlet + " \u00B7 ";
        if (a.published) byline += a.published->iso() + " \u00B7 ";
    } else {
        headline = std::to_string(articles.size()) + " articles";
        if (const std::string dates = exporting::dates_phrase(articles); !dates.empty()) byline += dates + " \u00B7 ";
    }
    byline += "extracted by newskg";
    std::string label = "<FONT POINT-SIZE=\"18\"><B>";
    const auto lines = wrap(headline, 70);
    for (std::size_t i = 0; i < lines.size(); ++i) label += (i ? "<BR ALIGN=\"LEFT\"/>" : "") + html_escape(lines[i]);
    return label + "</B></FONT><BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"11\" COLOR=\"#666666\">" +
           html_escape(byline) + "</FONT><BR ALIGN=\"LEFT\"/>";
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
            << "; labelloc=t; style=\"rounded,filled\"; fillcolor=\"#f7f7f7\"; color=\"#cccccc\";\n";
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
    // Positions in nodes() / edges() of the whole graph, for DotOptions::element_ids.
    std::unordered_map<const void*, std::size_t> position;
    if (options.element_ids) {
        for (const EntityNode* n : graph.nodes()) position.emplace(n, position.size());
        std::size_t k = 0;
        for (const EdgeView& e : graph.edges()) position.emplace(&e.relation, k++);
    }

    const auto vertex_writer = [&](std::ostream& out, DotGraph::vertex_descriptor v) {
        const EntityNode& n = *sel.nodes[sel.graph[v]];
        const NodeStyle s = node_style(n.type);
        out << "[label=" << quoted(n.label.empty() ? n.iri : n.label) << " shape=" << s.shape
            << " style=\"" << s.style << "\" fillcolor=\"" << s.fill
            << "\" tooltip=" << quoted(n.iri);
        if (options.element_ids) out << " id=\"actor_" << position.at(&n) << "\"";
        out << "]";
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
        out << " tooltip=" << quoted(tip);
        if (options.element_ids) out << " id=\"relation_" << position.at(&r) << "\"";
        out << "]";
    };

    const auto graph_writer = [&](std::ostream& out) {
        out << "graph [rankdir=LR fontname=\"sans-serif\" overlap=false splines=true "
               "nodesep=0.3 ranksep=0.6];\n"
            // Edge text at 10 pt, node names at 12: a picture of an article is about
            // 1000 pt wide, so on a slide it shrinks by a third, and 9 pt labels
            // became too small to read from the back of a room.
            << "node [fontname=\"sans-serif\" fontsize=12];\n"
            << "edge [fontname=\"sans-serif\" fontsize=10 arrowsize=0.7];\n";
        const std::string title = options.furniture ? title_label(graph) : std::string();
        if (!title.empty())
            // Top left, where a reader starts. Every cluster sets its own label and
            // labelloc, so none inherits this one.
            out << "label=<" << title << "> labelloc=t labeljust=l;\n";
        if (options.furniture) {
            write_legend(out, sel);
            write_isolated(out, sel);
        }
        if (options.clusters_by_country) write_country_clusters(out, sel);
    };

    std::ostringstream out;
    // Node ids and numbers must not pick up digit grouping from a global locale.
    out.imbue(std::locale::classic());
    boost::write_graphviz(out, sel.graph, vertex_writer, edge_writer, graph_writer);
    return out.str();
}

} // namespace newskg
