// Text from outside (file names, article ids, JSON error excerpts) on its way to a
// terminal: control characters become visible escapes so that a file named with an ESC
// sequence cannot move the cursor, recolour or retitle the user's terminal.
#include "cli.hpp"

namespace newskg::cli {

namespace {

// Length of the well-formed UTF-8 sequence at s[i], 0 when the byte does not start one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                    : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

void hex_escape(std::string& out, unsigned char c) {
    static const char* digits = "0123456789abcdef";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 15];
}

} // namespace

std::string printable(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8_length(text, i);
        if (n == 0) {
            // A stray byte: 0x9B alone is CSI to an 8-bit terminal.
            hex_escape(out, c);
            ++i;
        } else if (n == 1) {
            if ((c < 0x20 || c == 0x7F) && !(keep_newlines && (c == '\n' || c == '\t'))) hex_escape(out, c);
            else out += static_cast<char>(c);
            ++i;
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            // U+0080–U+009F, the C1 controls (U+009B is CSI to a UTF-8 terminal too).
            out += "\\u00";
            out += "0123456789abcdef"[static_cast<unsigned char>(text[i + 1]) >> 4];
            out += "0123456789abcdef"[static_cast<unsigned char>(text[i + 1]) & 15];
            i += 2;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

} // namespace newskg::cli
