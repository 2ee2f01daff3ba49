#include "newskg/io/term.hpp"

#include <cstdio>
#include <string_view>

namespace newskg {

namespace {

/// A literal's text in N-Triples: the escapes the syntax names, and \uXXXX for every
/// other control character (C0, DEL, C1), so TSV and N-Triples output never carries a
/// raw escape sequence to a terminal.
std::string escape_literal(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    char buf[8];
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20 || u == 0x7f) {
                std::snprintf(buf, sizeof buf, "\\u%04X", u);
                out += buf;
            } else if (u == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                       static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
                std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(s[++i]));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out;
}

} // namespace

std::string Term::ntriples() const {
    switch (kind) {
    case Kind::Iri: return "<" + value + ">";
    case Kind::Blank: return "_:" + value;
    case Kind::Literal: break;
    }
    std::string s = "\"" + escape_literal(value) + "\"";
    if (!language.empty()) s += "@" + language;
    else if (!datatype.empty()) s += "^^<" + datatype + ">";
    return s;
}

std::string Quad::nquads() const {
    std::string line = subject.ntriples() + " " + predicate.ntriples() + " " + object.ntriples();
    if (!graph.empty()) line += " <" + graph + ">";
    return line + " .\n";
}

} // namespace newskg
