#pragma once
// Limits that keep the HTML parser linear in the page (private to the reader).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newskg::detail {

/// Attributes kept per element. libxml2 appends each attribute to a list it walks from the
/// start, and compares it with every earlier one: an element with 100,000 attributes took
/// two minutes. Real pages stay far below (a few dozen on the busiest elements).
inline constexpr std::size_t kMaxHtmlAttributes = 100;

/// The page with every start tag's attributes after the first `max_attributes` removed
/// (the tag itself and its text stay); nullopt when no tag has more, so an ordinary page
/// reaches the parser untouched. `dropped` is set to the number removed. Comments,
/// <!…> and <?…> declarations, end tags and the contents of <script> and <style> are
/// skipped as the HTML parser skips them. Linear in the page.
std::optional<std::string> drop_excess_attributes(std::string_view html, std::size_t max_attributes,
                                                  std::size_t& dropped);

/// Nesting kept when a page is too deep for libxml2 (which stops at 256 levels and drops
/// the rest of the page).
inline constexpr std::size_t kMaxHtmlDepth = 200;

/// The page with the start and end tags of elements nested deeper than `max_depth` left
/// out (their text stays, in the element at that depth); `flattened` is set to the number
/// of start tags removed. Depth is counted as the tags say (end tags close the innermost
/// open element of their name; void elements and "/>" open none), so elements HTML closes
/// implicitly (<p>, <li>) count as open: meant for a page the parser has refused as too
/// deep, not for every page. Linear in the page.
std::string flatten_deep_elements(std::string_view html, std::size_t max_depth, std::size_t& flattened);

} // namespace newskg::detail
