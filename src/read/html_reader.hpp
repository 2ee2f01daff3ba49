#pragma once
// HTML article extraction on text that is already UTF-8 (private).
#include "newskg/read/reader.hpp"

#include <string>
#include <string_view>

namespace newskg::detail {

/// read_html_article on UTF-8 text.
Document read_html_utf8(std::string_view utf8, const std::string& path, const ReadOptions& options);

/// The charset an HTML page declares in its first few kilobytes (<meta charset=…> or
/// http-equiv Content-Type), or "" when none.
std::string declared_charset(std::string_view html_bytes);

} // namespace newskg::detail
