#pragma once
/// The knowledge graph as one self-contained, explorable HTML page.
///
/// The page shows the graph as Graphviz draws it (the SVG of image.hpp, with element ids
/// from DotOptions::element_ids) and lets a reader explore it: click an actor for its
/// type, aliases, country and relations (its neighbourhood is highlighted); click a
/// relation for its CAMEO code, QuadClass, dates, confidence, speaker and every evidence
/// sentence with its article's title, outlet and date; filter by actor type, QuadClass,
/// date range and mention count; search actors by name or alias; pan and zoom.
///
/// Everything is inline: the SVG, the graph data as JSON in a
/// <script type="application/json"> (with '<', '>' and '&' written as \u escapes, so
/// article text cannot end the script element), and the page's own CSS and JavaScript
/// (src/export/page/, compiled in). The page loads nothing over the network.
#include <string>

#include "newskg/export/dot.hpp"
#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

struct HtmlOptions {
    /// The drawing: top N actors, country clusters. element_ids and furniture are set
    /// by to_html itself.
    DotOptions dot;
    /// The page's heading; empty: the article's title, or "N articles, FIRST – LAST".
    std::string title;
};

/// The page's data as JSON, the same for the whole graph whatever DotOptions::top draws:
/// {"title", "articles": [{title, outlet, published, url, agencies}],
///  "actors": [{iri, label, type, type_name, aliases, country, articles: [article index],
///              drawn}],
///  "relations": [{subject, object (actor indices), predicate, label, cameo, quad_class,
///                 goldstein, date, last_date, confidence, speaker (actor index or null),
///                 flags, mention_count, drawn,
///                 evidence: [{article (index or null), text}]}]}
/// Actor K is drawn as SVG element "actor_K", relation K as "relation_K".
std::string html_page_data(const KnowledgeGraph& graph, const Ontology* ontology,
                           const HtmlOptions& options);

/// The page. throws render_error when Graphviz fails.
std::string to_html(const KnowledgeGraph& graph, const Ontology* ontology,
                    const HtmlOptions& options = HtmlOptions{});

} // namespace newskg
