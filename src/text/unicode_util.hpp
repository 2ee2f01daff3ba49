#pragma once
// Code-point helpers over UTF-8 byte strings (private to the library): the tokenizer and
// the reader's line classifiers walk text by code point but keep byte offsets.
#include <cstddef>
#include <string_view>

namespace newskg::uc {

/// The code point starting at byte i and its length in bytes; an invalid sequence gives
/// U+FFFD with length 1 so callers always advance.
struct CodePoint {
    char32_t cp = 0;
    std::size_t len = 1;
};
CodePoint decode(std::string_view s, std::size_t i);
/// The code point ending just before byte i (i > 0).
CodePoint decode_before(std::string_view s, std::size_t i);

bool is_space(char32_t c);        ///< Unicode white space (incl. NBSP), zero-width space
bool is_word_char(char32_t c);    ///< letters, marks, digits, other numbers, connector '_'
bool is_letter(char32_t c);
bool is_upper(char32_t c);        ///< uppercase or titlecase letter
bool is_lower(char32_t c);
bool is_digit(char32_t c);        ///< decimal digit (any script)
bool is_symbol(char32_t c);       ///< currency, math, other symbols, %, #, @, &, *
bool is_format_or_control(char32_t c);

/// The first code point of s (0 for empty).
char32_t first(std::string_view s);
/// Number of code points.
std::size_t length(std::string_view s);

} // namespace newskg::uc
