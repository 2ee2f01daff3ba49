#pragma once
// Plain-text article reading with hints from a container format (private).
#include "newskg/read/reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace newskg::detail {

struct TextHints {
    /// A headline known from elsewhere (the JSON Lines `title`): it becomes the Title
    /// paragraph, and a first line repeating it is not kept twice.
    std::optional<std::string> title;
};

/// read_text_article on text that is already valid UTF-8.
Document read_plain_text(std::string_view utf8, const std::string& path, const ReadOptions& options,
                         const TextHints& hints);

/// The file name without directories and without the reader's extensions
/// (".txt", ".text", ".html", ".htm", ".jsonl", ".json", ".gz"): "a/b.html.gz" → "b".
std::string id_from_path(const std::string& path);

} // namespace newskg::detail
