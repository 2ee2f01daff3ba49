#pragma once
/// The text stage: tokens, sentences and date expressions of a read Document.
#include "newskg/core/model.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace newskg {

/// Fills doc.tokens, doc.sentences and doc.dates from doc.text and doc.paragraphs
/// (clearing what was there). Sentences never cross paragraphs; a Title or Heading
/// paragraph is one sentence with Sentence::heading set. Dates are resolved against
/// doc.published (relative expressions are left out when it is unknown).
void analyse_text(Document& doc);

/// Tokens of one stretch of doc.text (byte offsets into doc.text).
std::vector<Token> tokenize(std::string_view text, std::size_t base_offset = 0);

/// Longest sentence, in tokens: a longer stretch without a sentence end (a page without
/// punctuation) is cut into pieces of at most this many, after the last comma, semicolon,
/// colon or dash of the second half of each piece where there is one. No news sentence
/// comes near it (the longest of the development articles has 81 words); the cut keeps
/// the per-sentence work of the later stages bounded.
inline constexpr std::size_t kMaxSentenceTokens = 200;

/// Sentences of the document from its tokens (doc.tokens must be filled).
std::vector<Sentence> split_sentences(const Document& doc);

/// Date expressions in the document (needs doc.tokens and doc.sentences), resolved
/// against doc.published. See src/text/dates.cpp for the rules of each form.
std::vector<DateExpression> find_dates(const Document& doc);

/// A date written out on its own: "August 13, 2023", "Aug. 13, 2023", "13 Aug 2023",
/// "13 August 2023", "Sunday, August 13, 2023", "2023-08-13", ISO date-times
/// ("2023-08-13T10:45:00+02:00"), RFC 822 dates ("Sun, 13 Aug 2023 10:45:00 GMT"),
/// "13.08.2023", "2023/08/13", "August 2023", "2023". nullopt when it is none of them
/// or not a real calendar date.
std::optional<DateValue> parse_date(std::string_view s);

} // namespace newskg
