#pragma once
// How a merged graph is titled from its articles (private to the exporters): how many,
// and the span of the publication dates it actually has, saying how many are dated when
// some are not, so that one known date never stands for eight articles.
#include "newskg/graph/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace newskg::exporting {

/// "" when no article is dated; "2024-09-18" or "2024-09-18 to 2024-10-02" when all are;
/// "1 dated 2024-09-18" or "5 dated 2024-09-18 to 2024-10-02" when only some are.
std::string dates_phrase(const std::vector<ArticleInfo>& articles);

/// "8 articles", "8 articles, 1 dated 2024-09-18", "8 articles, 2024-09-18 to 2024-10-02".
std::string merged_title(const std::vector<ArticleInfo>& articles);

} // namespace newskg::exporting
