#pragma once
/// Reading articles: files, directories, standard input, gzip, JSON Lines, plain text and
/// saved HTML pages → one Document per article (text and paragraphs filled, not yet
/// segmented; the text stage in newskg/text/analyse.hpp adds tokens, sentences and dates).
#include "newskg/core/model.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newskg {

struct ReadOptions {
    /// Largest article accepted, in bytes after decompression. For JSON Lines the limit
    /// applies to each line (one article), so a large batch file is still accepted.
    std::size_t max_bytes = 32u << 20;
    /// --published: overrides any date found in the article's metadata or text.
    std::optional<DateValue> published;
    /// "auto" (by extension, then by content), "text", "html" or "jsonl".
    std::string format = "auto";
    /// --id: the id of the one article read (standard input or a single file); a second
    /// article is refused (newskg.input.115). Without it ids come from file names, JSON
    /// Lines "id" fields, or "stdin-" and a hash of the text (see newskg/core/article_ids.hpp).
    std::optional<std::string> id;
    /// Ids taken by articles of the same batch read by another run (newskg-dask's earlier
    /// shards): a repeat of one is renamed as if those articles had come first.
    std::vector<std::string> taken_ids;
};

/// A problem with one input or one article. Errors mean the article was skipped;
/// warnings (error == false) mean it was read, perhaps repaired or empty.
struct Diagnostic {
    std::string path;    ///< file (with ":LINE" for JSON Lines) the problem concerns
    std::string id;      ///< stable id, e.g. "newskg.input.104"
    std::string message; ///< human-readable, starts with the path
    bool error = true;
};

/// Reads each path ("-" is standard input; a directory is walked recursively, in sorted
/// order, for .txt .text .html .htm .jsonl files and their .gz forms, each directory once
/// however many symbolic links lead to it, opening only regular files) and calls `sink`
/// once per article. Only one article is held in memory at a time. Problems with one
/// file or one article are appended to `diagnostics` and the batch goes on; nothing is
/// thrown for bad input.
void read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                   const std::function<void(Document&&)>& sink,
                   std::vector<Diagnostic>& diagnostics);

/// A plain-text article (or a web page saved as text): drops page furniture (menus, skip
/// links, captions, photo credits, bylines, share and cookie lines), takes the headline as
/// title, a bare date line as publication date, agency credits into Document::agencies.
/// Document::text is the kept paragraphs joined by "\n\n", NFC-normalised; all offsets
/// point into that cleaned text. Throws input_error when `content` is binary or not
/// decodable; invalid UTF-8 that decodes as Windows-1252 is repaired silently here
/// (read_articles reports it as a warning).
Document read_text_article(std::string content, const std::string& path, const ReadOptions& options);

/// A saved HTML page: parsed with libxml2 (no network, no external entities), the main
/// content chosen by block scoring (hand rules and two learned scorers), boilerplate
/// dropped. Headline, first usable of: JSON-LD headline, og:title, twitter:title, an <h1>
/// in the article, <title> minus the site name, any <h1> (banners never). Date: JSON-LD
/// datePublished, article:published_time, other date meta and microdata, <time
/// datetime>, a date line in the article's header. Outlet: og:site_name, JSON-LD
/// publisher, the byline. Same text layout as read_text_article.
Document read_html_article(std::string_view html, const std::string& path, const ReadOptions& options);

/// The body of a read article: sub-headings and body paragraphs, one per line, without
/// the headline (what `newskg read --format text` prints).
std::string body_text(const Document& doc);

} // namespace newskg
