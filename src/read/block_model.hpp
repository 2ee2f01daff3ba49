#pragma once
// The learned block scorer of the HTML reader (private).
//
// The rules of html_reader.cpp choose the article's element and the blocks kept in it.
// The block scorer then decides, block by block, from signals every page has (where the
// block sits relative to the chosen element, its text and link density, its tag and
// neighbours, what the rules said, its overlap with JSON-LD articleBody): a logistic
// regression over the features below. Its weights are data (block_model_*.inc), trained
// on the benchmark's dev pages by `scripts/html-cv train` and judged by leave-site-out
// cross-validation (`scripts/html-cv`), so that they are tested on sites they were not
// fitted to.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace newskg::detail {

/// Feature names, in order; the model file names its weights by these.
inline constexpr std::array<std::string_view, 37> kBlockFeatureNames{
    "bias",          "rule_keep",     "in_main",        "near_main",     "junk",
    "teaser",        "rule_score",    "log_chars",      "link_density",  "prose",
    "ends_stop",     "heading",       "heading_linked", "tag_p",         "tag_li",
    "tag_cell",      "tag_quote",     "bold_only",      "position",      "in_article",
    "furniture",     "ld_overlap",    "has_ld_body",
    "after_last",    "prev_keep",     "next_keep",      "short",          "in_figure",
    "in_body_markup", "parent_para",  "main_depth",     "p_siblings",     "letter_share",
    "caps_share",     "before_title",  "description",    "repeated"};
inline constexpr std::size_t kBlockFeatures = kBlockFeatureNames.size();
using BlockFeatures = std::array<double, kBlockFeatures>;

struct BlockModel {
    BlockFeatures weights{};
    bool empty = true; ///< no weights: the rules alone decide

    /// P(block is article text).
    double probability(const BlockFeatures& x) const;
    /// Kept when the probability reaches one half.
    bool keep(const BlockFeatures& x) const { return probability(x) >= 0.5; }

    /// "name weight" per line ('#' comments); throws std::runtime_error on an unknown or
    /// missing name, so that a model and the feature code cannot drift apart silently.
    static BlockModel parse(std::string_view text);
    std::string to_text() const;
};

/// The two scorers. `page` judges every block of the page without knowing where the
/// article is (its "in_main" is the whole page): its scores choose the article's element.
/// `block` then judges each block knowing that element (see html_reader.cpp).
struct BlockModels {
    BlockModel page;
    BlockModel block;
    /// The weights shipped with newskg (block_model_page.inc, block_model_block.inc).
    static const BlockModels& shipped();
};

} // namespace newskg::detail
