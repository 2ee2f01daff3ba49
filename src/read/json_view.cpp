#include "newskg/read/json_view.hpp"

#include "newskg/read/reader.hpp"

namespace newskg {

namespace {
const char* kind_name(ParagraphKind k) {
    switch (k) {
    case ParagraphKind::Title: return "title";
    case ParagraphKind::Heading: return "heading";
    case ParagraphKind::Body: return "body";
    }
    return "body";
}
} // namespace

nlohmann::json to_json_view(const Document& doc) {
    using nlohmann::json;
    json j;
    j["id"] = doc.id;
    j["source"] = doc.source_path;
    j["title"] = doc.title;
    j["published"] = doc.published ? json(doc.published->iso()) : json(nullptr);
    j["outlet"] = doc.outlet;
    j["agencies"] = doc.agencies;
    j["authors"] = doc.authors;
    j["url"] = doc.url;
    json headings = json::array(), paragraphs = json::array(), sentences = json::array(), dates = json::array();
    for (const auto& p : doc.paragraphs) {
        if (p.kind == ParagraphKind::Heading) headings.push_back(std::string(doc.slice(p.span)));
        paragraphs.push_back({{"kind", kind_name(p.kind)},
                              {"begin", p.span.begin},
                              {"end", p.span.end},
                              {"text", std::string(doc.slice(p.span))}});
    }
    for (const auto& s : doc.sentences)
        sentences.push_back({{"paragraph", s.paragraph},
                             {"heading", s.heading},
                             {"begin", s.span.begin},
                             {"end", s.span.end},
                             {"text", std::string(doc.slice(s.span))},
                             {"tokens", s.tokens.size()}});
    for (const auto& d : doc.dates)
        dates.push_back({{"text", std::string(doc.slice(d.span))},
                         {"begin", d.span.begin},
                         {"end", d.span.end},
                         {"value", d.value.iso()}});
    j["headings"] = std::move(headings);
    j["paragraphs"] = std::move(paragraphs);
    j["sentences"] = std::move(sentences);
    j["dates"] = std::move(dates);
    return j;
}

std::string body_text(const Document& doc) {
    std::string out;
    for (const auto& p : doc.paragraphs) {
        if (p.kind == ParagraphKind::Title) continue;
        out.append(doc.slice(p.span));
        out += '\n';
    }
    return out;
}

} // namespace newskg
