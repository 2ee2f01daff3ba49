#pragma once
// Headings after which a page's section is no longer the article (private): "Related",
// "Most read", "3 responses", "About the author", "Lesen Sie auch" …
#include <string_view>

namespace newskg::heading {

/// `text` (a heading, or a short bold line when `is_heading` is false) introduces related
/// links, comments, an author box or a press release's company boilerplate.
bool closes_article(std::string_view text, bool is_heading);

} // namespace newskg::heading
