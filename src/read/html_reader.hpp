#pragma once
// HTML article extraction on text that is already UTF-8 (private).
#include "newskg/read/reader.hpp"
#include "read/block_model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace newskg::detail {

/// What reading a page had to leave out, for the reader's warnings.
struct HtmlReport {
    std::size_t attributes_dropped = 0; ///< beyond kMaxHtmlAttributes on one element
    std::size_t elements_flattened = 0; ///< start tags deeper than kMaxHtmlDepth left out
};

/// read_html_article on UTF-8 text; `report`, when given, says what was left out.
Document read_html_utf8(std::string_view utf8, const std::string& path, const ReadOptions& options,
                        HtmlReport* report = nullptr);

/// read_html_utf8 with other block scorers than the shipped ones (cross-validation).
Document read_html_utf8(std::string_view utf8, const std::string& path, const ReadOptions& options,
                        const BlockModels& models);

/// One block of a page and its features, for training the block scorer.
struct BlockSample {
    std::string text;
    BlockFeatures x;
};
/// For the page scorer (block_stage false) or the block scorer (true; the article's
/// element chosen with models.page, or by the hand-set scores when it is empty).
std::vector<BlockSample> html_block_samples(std::string_view utf8, const std::string& path,
                                            const ReadOptions& options, const BlockModels& models,
                                            bool block_stage);

/// The charset an HTML page declares in its first few kilobytes (<meta charset=…> or
/// http-equiv Content-Type), or "" when none.
std::string declared_charset(std::string_view html_bytes);

} // namespace newskg::detail
