// The explorable HTML page: the page template (src/export/page/, compiled in by
// page/embed.cmake) filled with the Graphviz SVG, the graph data and the page's title.
#include "newskg/export/html.hpp"

#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "export/article_span.hpp"
#include "export/page/page_template.hpp"
#include "export/property_labels.hpp"
#include "newskg/core/error.hpp"
#include "newskg/export/image.hpp"
#include "newskg/export/json.hpp"

namespace newskg {

namespace {

using nlohmann::json;

/// The word a reader sees for an actor type named as in the JSON export ("ArmedGroup").
const char* type_name(const std::string& type) {
    return detail::actor_type_word(actor_type_from_string(type).value_or(ActorType::Actor));
}

std::string default_title(const KnowledgeGraph& graph) {
    const auto& articles = graph.articles();
    if (articles.size() == 1) return articles.front().title.empty() ? articles.front().id : articles.front().title;
    if (articles.empty()) return "Knowledge graph";
    return exporting::merged_title(articles);
}

/// Text safe as HTML element content or a double-quoted attribute value.
std::string html_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

/// JSON that can sit inside a <script> element: '<', '>' and '&' only occur inside JSON
/// strings, where \u escapes mean the same, so no "</script>" or "<!--" can appear.
std::string script_safe_json(const json& data) {
    const std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + 64);
    for (char c : text) {
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else out += c;
    }
    return out;
}

/// Graphviz's SVG without its XML declaration, DOCTYPE and comments before the <svg>
/// element (inline in HTML only the element itself belongs, and the DOCTYPE names a DTD
/// by URL) and without its tooltips (xlink:title: the IRI of an actor, the predicate of
/// a relation), which the page replaces with names a reader understands.
std::string inline_svg(const std::string& svg) {
    const std::size_t start = svg.find("<svg");
    // Code 4 is graphviz.cpp's "rendering failed".
    if (start == std::string::npos) throw render_error(ids::render::kRenderFailed, "Graphviz wrote no <svg> element");
    const std::string tooltip = " xlink:title=\"";
    std::string out;
    out.reserve(svg.size() - start);
    std::size_t at = start;
    for (std::size_t t = svg.find(tooltip, at); t != std::string::npos; t = svg.find(tooltip, at)) {
        // Graphviz writes '"' in attribute values as &quot;, so the next '"' ends it.
        const std::size_t end = svg.find('"', t + tooltip.size());
        if (end == std::string::npos) break;
        out.append(svg, at, t - at);
        at = end + 1;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

/// Fills {{NAME}} placeholders in one pass, so text put in is never searched again.
std::string fill(const std::string& page, const std::unordered_map<std::string, std::string>& values) {
    std::string out;
    out.reserve(page.size() + 1024);
    std::size_t at = 0;
    while (true) {
        const std::size_t open = page.find("{{", at);
        if (open == std::string::npos) break;
        const std::size_t close = page.find("}}", open + 2);
        if (close == std::string::npos) break;
        const auto value = values.find(page.substr(open + 2, close - open - 2));
        if (value == values.end()) {
            out.append(page, at, open + 2 - at);
            at = open + 2;
            continue;
        }
        out.append(page, at, open - at);
        out += value->second;
        at = close + 2;
    }
    out.append(page, at, std::string::npos);
    return out;
}

} // namespace

std::string html_page_data(const KnowledgeGraph& graph, const Ontology* ontology,
                           const HtmlOptions& options) {
    // The JSON export already has every field with the ontology's labels; the page
    // wants indices instead of IRIs and article ids, so links are array lookups.
    const json full = to_json(graph, ontology);
    std::unordered_map<std::string, std::size_t> article_index, actor_index;

    json articles = json::array();
    for (const json& a : full["articles"]) {
        article_index.emplace(a["id"].get<std::string>(), articles.size());
        articles.push_back({{"title", a["title"]},
                            {"outlet", a["outlet"]},
                            {"published", a["published"]},
                            {"url", a["url"]},
                            {"agencies", a["agencies"]}});
    }
    const auto article_of = [&](const json& id) {
        const auto it = article_index.find(id.get<std::string>());
        return it != article_index.end() ? json(it->second) : json(nullptr);
    };

    json actors = json::array();
    for (const json& e : full["entities"]) {
        actor_index.emplace(e["iri"].get<std::string>(), actors.size());
        json in_articles = json::array();
        for (const json& id : e["articles"]) in_articles.push_back(article_of(id));
        const std::string type = e["type"].get<std::string>();
        actors.push_back({{"iri", e["iri"]},
                          {"label", e["label"]},
                          {"type", type},
                          {"type_name", type_name(type)},
                          {"aliases", e["aliases"]},
                          {"country", e["country"]},
                          {"articles", std::move(in_articles)}});
    }

    json relations = json::array();
    for (const json& r : full["relations"]) {
        json evidence = json::array();
        for (const json& ev : r["evidence"])
            evidence.push_back({{"article", article_of(ev["document"])}, {"text", ev["text"]}});
        json speaker = nullptr;
        if (r["speaker"].is_string()) speaker = actor_index.at(r["speaker"].get<std::string>());
        relations.push_back({{"subject", actor_index.at(r["subject"].get<std::string>())},
                             {"object", actor_index.at(r["object"].get<std::string>())},
                             {"predicate", r["predicate"]},
                             {"label", r["label"]},
                             {"cameo", r["cameo"]},
                             {"quad_class", r["quad_class"]},
                             {"goldstein", r["goldstein"]},
                             {"date", r["date"]},
                             {"last_date", r["last_date"]},
                             {"confidence", r["confidence"]},
                             {"speaker", speaker},
                             {"flags", r["flags"]},
                             {"mention_count", r["mention_count"]},
                             {"evidence", std::move(evidence)}});
    }

    json data = {{"title", options.title.empty() ? default_title(graph) : options.title},
                 {"articles", std::move(articles)},
                 {"actors", std::move(actors)},
                 {"relations", std::move(relations)}};
    return script_safe_json(data);
}

std::string to_html(const KnowledgeGraph& graph, const Ontology* ontology, const HtmlOptions& options) {
    DotOptions dot = options.dot;
    dot.element_ids = true;
    dot.furniture = false; // the page has its own legend, title and list of other actors
    const std::string svg = to_image(graph, ontology, dot, ImageFormat::Svg);
    const std::string title = options.title.empty() ? default_title(graph) : options.title;
    return fill(page::kHtml, {{"TITLE", html_text(title)},
                              {"STYLE", page::kCss},
                              {"SCRIPT", page::kJs},
                              {"SVG", inline_svg(svg)},
                              {"DATA", html_page_data(graph, ontology, options)}});
}

} // namespace newskg
