#pragma once
/// The one table of the graph formats newskg reads and writes: each format's name (as
/// --format takes it), file extensions, media type, raptor syntax name and whether it
/// can be read back and written. Every command that picks a format by name or by a
/// file's extension asks here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newskg::io {

enum class Format { Turtle, NTriples, NQuads, TriG, RdfXml, JsonLd, Json, Dot, GraphMl, Svg, Png, Html };

struct FormatInfo {
    Format format;
    std::string_view name;                    ///< --format value: "ttl", "rdfxml" …
    std::vector<std::string_view> extensions; ///< lower case with the dot; the first is the one written
    std::string_view media_type;              ///< for HTTP (push) and the HTML page
    std::string_view raptor_syntax;           ///< raptor's parser/serializer name; empty when raptor has none
    bool readable;                            ///< read_graph reads it back
    bool writable;                            ///< write_graph writes it
    bool rdf;                                 ///< an RDF syntax (a store can load it)
};

/// Every format, in the order --help lists them.
const std::vector<FormatInfo>& formats();
const FormatInfo& info(Format f);
/// The format named `name` (--format value), or nullptr.
const FormatInfo* format_named(std::string_view name);
/// The format of a path by its extension, compared case-insensitively (".TTL", ".Rdf");
/// a trailing ".gz" is not looked through. nullptr for an unknown extension.
const FormatInfo* format_of_path(std::string_view path);
/// "a, b, c or d": the names of the formats for which `pick` holds, for messages.
std::string names_where(bool (*pick)(const FormatInfo&));

inline bool is_readable(const FormatInfo& f) { return f.readable; }
inline bool is_writable(const FormatInfo& f) { return f.writable; }
inline bool is_rdf(const FormatInfo& f) { return f.rdf; }

} // namespace newskg::io
