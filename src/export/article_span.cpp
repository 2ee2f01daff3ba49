#include "export/article_span.hpp"

#include <optional>

namespace newskg::exporting {

std::string dates_phrase(const std::vector<ArticleInfo>& articles) {
    std::optional<DateValue> first, last;
    std::size_t dated = 0;
    for (const ArticleInfo& a : articles) {
        if (!a.published) continue;
        ++dated;
        if (!first || *a.published < *first) first = a.published;
        if (!last || *last < *a.published) last = a.published;
    }
    if (!first) return {};
    std::string span = first->iso();
    if (*last != *first) span += " to " + last->iso();
    return dated == articles.size() ? span : std::to_string(dated) + " dated " + span;
}

std::string merged_title(const std::vector<ArticleInfo>& articles) {
    const std::string dates = dates_phrase(articles);
    return std::to_string(articles.size()) + " articles" + (dates.empty() ? "" : ", " + dates);
}

} // namespace newskg::exporting
