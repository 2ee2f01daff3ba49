#pragma once
// Recognisers for page furniture: the lines of a saved news page that are not the
// article (skip links, menus, photo captions and credits, bylines, date lines, share,
// cookie and "read more" lines). Private to the library; used by the plain-text reader
// on lines and by the HTML reader on blocks.
#include "newskg/core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newskg::furniture {

std::string_view trim(std::string_view s);
/// Unicode case folding (ICU), for matching phrases in any script.
std::string fold(std::string_view s);
/// White-space separated words.
std::vector<std::string_view> words(std::string_view s);
/// How many words a text has, also in Chinese and Japanese, which put no spaces between
/// words: a run of ideographs or kana counts one word per two characters (the mean
/// length of a Chinese word), so that a paragraph weighs as a paragraph.
std::size_t word_count(std::string_view s);

/// Ends with ".", "!", "?" or "…", possibly followed by closing quotes or brackets.
bool ends_with_stop(std::string_view s);
/// Ends with a character that shows the line continues or closes a sentence
/// (". , ; :" and the stops above): a heading ends with none of them.
bool ends_like_prose(std::string_view s);

/// "Skip to content", "Skip to main menu", "Jump to navigation" and the same in a few
/// other languages ("Перейти к основному содержанию", "Zum Inhalt springen").
bool is_skip_link(std::string_view line);
/// A list item ("1. Home", "• World", "- Sport"): the text after the marker, else nullopt.
std::optional<std::string_view> list_item(std::string_view line);

/// A photo credit, alone or at the end of a caption: "… Image: Jane Roe/AFP/picture
/// alliance", "Photo: Reuters", "(Photo by John Doe/Getty Images)", "Jane Roe/AFP via
/// Getty Images", "© Reuters".
bool is_photo_credit(std::string_view line);
/// A line that describes a picture: "An archive photo of …", "… (pictured) …",
/// "In this file photo …".
bool describes_photo(std::string_view line);
/// An agency-style caption: one sentence in the present tense ending with the full date
/// the picture was taken ("X gestures during a news conference in Y, Jan. 21, 2025.").
bool is_dated_caption(std::string_view line);

struct Byline {
    std::vector<std::string> agencies; ///< news agencies credited ("AFP", "Reuters")
    std::string outlet;                ///< outlet named with the author ("USA TODAY")
    std::vector<std::string> authors;  ///< people named after "By" or before a credit, in order
};
/// Bylines and credit lines: "By Jane Doe", "By Jane Doe, Reuters", "mm/lo (AFP, Reuters)",
/// "ABC/xyz (dpa, AP)", "(AFP)", "Reporting by …; Editing by …", "With AFP". When
/// `header_zone` (between headline and first paragraph) also "Jane Doe, USA TODAY" and a
/// bare author name. Authors are taken from "By …" lines and from "Name, CREDIT" lines
/// (not from a bare name, which could be any capitalised line); never an agency.
std::optional<Byline> byline(std::string_view line, bool header_zone);
/// The short code of a news agency ("Agence France-Presse" → "AFP", "reuters" →
/// "Reuters"), or "" when `name` is not a known agency.
std::string canonical_agency(std::string_view name);
/// The people in an author field or byline ("Jane Roe and John Doe", "By Jane Roe; John
/// Doe"): split at "and", "&", ",", ";" and "|", trimmed, leading "By" removed; parts that
/// are a URL, an agency, empty or longer than six words are dropped.
std::vector<std::string> author_names(std::string_view field);
/// Agencies named in a dateline opening the article: "BAMAKO (AFP) — …", "Paris (Reuters) -".
std::vector<std::string> dateline_agencies(std::string_view paragraph);

/// A line that is only a date (with optional "Published", weekday, time, zone, "|"):
/// "August 13, 2023", "Published 13 Aug 2023, 10:45 GMT", "Sunday 13 August 2023".
std::optional<DateValue> date_line(std::string_view line);

/// Subscription, paywall, sign-in, ad-blocker and consent messages ("Your subscription is
/// almost coming to an end"): never a headline, never article text.
bool is_banner(std::string_view line);

/// Share bars, cookie notices, "Read more:", "Advertisement", "Sign up for our
/// newsletter", "… is available here.", "3 min read", copyright lines.
bool is_boilerplate_line(std::string_view line);

} // namespace newskg::furniture
