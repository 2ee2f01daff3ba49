#pragma once
// Byte-level text checks shared by the exporters that write text formats with stricter
// rules than the graph's strings follow (DOT, GraphML): article text is UTF-8 as read,
// which does not make every byte of it valid UTF-8 or a legal XML character.
#include <cstddef>
#include <string>

namespace newskg::detail {

/// Length of the valid UTF-8 sequence at s[i], 0 when the bytes there are not one
/// (stray continuation byte, truncated sequence, overlong form, surrogate, > U+10FFFF).
inline std::size_t utf8_sequence(const std::string& s, std::size_t i) {
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

/// `text` made of characters XML 1.0 allows, to be escaped by the XML writer after:
/// invalid UTF-8 and the noncharacters U+FFFE/U+FFFF become U+FFFD, control characters
/// other than tab, line feed and carriage return become spaces. An XML parser rejects
/// the whole file for one such byte, and news text pasted from the web has them.
inline std::string xml_text(const std::string& text) {
    static const std::string kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence(text, i);
        if (len == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        if (len == 3 && text.compare(i, 3, "\xEF\xBF\xBE") == 0) {
            out += kReplacement;
        } else if (len == 3 && text.compare(i, 3, "\xEF\xBF\xBF") == 0) {
            out += kReplacement;
        } else if (len == 1) {
            const auto c = static_cast<unsigned char>(text[i]);
            out += c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : static_cast<char>(c);
        } else {
            out.append(text, i, len);
        }
        i += len;
    }
    return out;
}

} // namespace newskg::detail
