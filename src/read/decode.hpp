#pragma once
// From raw bytes to clean UTF-8 (private): binary detection, encoding repair and NFC
// normalisation (gzip is undone earlier, by zlib's gz* reader in input.cpp). Failures
// throw newskg::input_error with the stable codes of
// newskg::ids::input (newskg/core/error_ids.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newskg::decode {

/// More than 2% control characters (NUL included) other than tab, line feed, carriage
/// return and form feed: not a text file.
bool looks_binary(std::string_view bytes);
bool valid_utf8(std::string_view bytes);

/// The result of decoding an article's bytes.
struct Text {
    std::string utf8;
    /// Set when the bytes were not UTF-8 and were converted; says from what.
    std::optional<std::string> repaired_from;
    /// How many NUL bytes were replaced by spaces.
    std::size_t nul_replaced = 0;
};
/// Decodes bytes to UTF-8: a UTF-8 BOM is dropped, UTF-16 with a BOM is converted; valid
/// UTF-8 is kept; otherwise the declared charset (e.g. an HTML meta charset) is used when
/// given, else Windows-1252 when the bytes read as Western text; NUL bytes become spaces
/// (counted in Text::nul_replaced). Throws input_error 103
/// (binary) or 104 (undecodable).
Text to_utf8(std::string_view bytes, const std::string& path, std::string_view declared_charset = {});

/// Unicode NFC (ICU).
std::string nfc(std::string_view utf8);

} // namespace newskg::decode
