#include "text/unicode_util.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace newskg::uc {

CodePoint decode(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    // ICU's macros take int32_t offsets; callers pass windows well under 2 GiB (the
    // reader caps articles at ReadOptions::max_bytes), but guard anyway.
    const std::size_t window = s.size() - i < 8 ? s.size() - i : 8;
    std::int32_t off = 0;
    UChar32 c = 0;
    U8_NEXT(p + i, off, static_cast<std::int32_t>(window), c);
    if (c < 0) return {U'\uFFFD', 1};
    return {static_cast<char32_t>(c), static_cast<std::size_t>(off)};
}

CodePoint decode_before(std::string_view s, std::size_t i) {
    std::size_t b = i - 1;
    // Step back over continuation bytes (at most three) to the lead byte.
    while (b > 0 && i - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    CodePoint cp = decode(s, b);
    if (b + cp.len != i) return {U'\uFFFD', 1};
    return cp;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
           c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool is_word_char(char32_t c) {
    if (c < 0x80)
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
               c == U'_';
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK |
                    U_GC_PC_MASK)) != 0;
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    return u_isalpha(static_cast<UChar32>(c)) != 0;
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= U'A' && c <= U'Z';
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_lower(char32_t c) {
    if (c < 0x80) return c >= U'a' && c <= U'z';
    return u_islower(static_cast<UChar32>(c)) != 0;
}

bool is_digit(char32_t c) {
    if (c < 0x80) return c >= U'0' && c <= U'9';
    return u_isdigit(static_cast<UChar32>(c)) != 0;
}

bool is_symbol(char32_t c) {
    switch (c) {
    case U'%': case U'#': case U'@': case U'&': case U'*': case U'§': case U'¶':
    case U'†': case U'‡': case U'‰': case U'′': case U'″':
        return true;
    default:
        break;
    }
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & U_GC_S_MASK) != 0;
}

bool is_format_or_control(char32_t c) {
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_CC_MASK | U_GC_CF_MASK)) != 0;
}

char32_t first(std::string_view s) { return s.empty() ? 0 : decode(s, 0).cp; }

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += decode(s, i).len) ++n;
    return n;
}

} // namespace newskg::uc
