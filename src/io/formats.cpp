#include "newskg/io/formats.hpp"

#include <algorithm>
#include <cctype>

namespace newskg::io {

const std::vector<FormatInfo>& formats() {
    // .xml and .owl are read as RDF/XML because ontologies and other tools write them so.
    static const std::vector<FormatInfo> table{
        {Format::Turtle, "ttl", {".ttl"}, "text/turtle", "turtle", true, true, true},
        {Format::NTriples, "nt", {".nt"}, "application/n-triples", "ntriples", true, true, true},
        {Format::NQuads, "nq", {".nq"}, "application/n-quads", "nquads", true, true, true},
        {Format::TriG, "trig", {".trig"}, "application/trig", "trig", true, true, true},
        {Format::RdfXml, "rdfxml", {".rdf", ".xml", ".owl"}, "application/rdf+xml", "rdfxml", true, true, true},
        {Format::JsonLd, "jsonld", {".jsonld"}, "application/ld+json", "", true, true, true},
        {Format::Json, "json", {".json"}, "application/json", "", true, true, false},
        {Format::Dot, "dot", {".dot", ".gv"}, "text/vnd.graphviz", "", false, true, false},
        {Format::GraphMl, "graphml", {".graphml"}, "application/graphml+xml", "", false, true, false},
        {Format::Svg, "svg", {".svg"}, "image/svg+xml", "", false, true, false},
        {Format::Png, "png", {".png"}, "image/png", "", false, true, false},
        {Format::Html, "html", {".html", ".htm"}, "text/html", "", false, true, false},
    };
    return table;
}

const FormatInfo& info(Format f) {
    for (const auto& i : formats())
        if (i.format == f) return i;
    return formats().front(); // unreachable: every Format has a row
}

const FormatInfo* format_named(std::string_view name) {
    for (const auto& i : formats())
        if (i.name == name) return &i;
    return nullptr;
}

const FormatInfo* format_of_path(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = file.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return nullptr;
    std::string ext(file.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& i : formats())
        if (std::find(i.extensions.begin(), i.extensions.end(), ext) != i.extensions.end()) return &i;
    return nullptr;
}

std::string names_where(bool (*pick)(const FormatInfo&)) {
    std::vector<std::string_view> names;
    for (const auto& i : formats())
        if (pick(i)) names.push_back(i.name);
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (k) out += k + 1 == names.size() ? " or " : ", ";
        out += names[k];
    }
    return out;
}

} // namespace newskg::io
