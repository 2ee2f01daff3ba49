#pragma once
/// JSON view of a read (and, if analysed, segmented) article for `newskg read --format json`.
#include "newskg/core/model.hpp"

#include <nlohmann/json.hpp>

namespace newskg {

/// {"id","source","title","published","outlet","agencies","authors","url","headings":[...],
///  "paragraphs":[{"kind","begin","end","text"}],
///  "sentences":[{"paragraph","heading","begin","end","text","tokens"}],
///  "dates":[{"text","begin","end","value"}]}. Offsets are bytes into Document::text.
nlohmann::json to_json_view(const Document& doc);

} // namespace newskg
