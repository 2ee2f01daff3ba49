#pragma once
/// The evidence text kept for a relation: the sentence, or, when the sentence is long (a
/// page without punctuation can be one "sentence" of megabytes), a window of it around
/// the relation. Every relation of such a sentence copying all of it made memory and
/// output grow with the square of the sentence.
#include "newskg/core/model.hpp"

#include <cstddef>

namespace newskg {

/// Bytes of context kept on either side of the relation's words (a little less: the
/// window is cut at token boundaries): some 25 words. 300 gave ~650 bytes per relation of
/// a long line, which a 32 MB line (one relation every ~80 bytes) held ~420,000 times,
/// most of its memory and output (bench/RESULTS.md, size scaling).
inline constexpr std::size_t kEvidenceContext = 150;
/// A sentence up to this many bytes is always kept whole (news sentences are shorter).
inline constexpr std::size_t kEvidenceWholeSentence = 1000;

/// Evidence for a relation read from sentence `sentence` of `doc`, whose words (subject,
/// verb, object) lie within `focus` (bytes of Document::text).
/// requires: doc.sentences[sentence] exists and its tokens are those of doc.tokens.
/// ensures: span is the whole sentence (Document::text.substr(span.begin, span.size())
/// recovers it); text is the sentence itself when it is at most 1,000 bytes or the window
/// [focus.begin − 150, focus.end + 150] covers it, else that window cut at token
/// boundaries with "… " and/or " …" where it was cut. A focus longer than 300 bytes
/// keeps 150 bytes around each of its ends, joined by " … ", so the text never exceeds
/// about 650 bytes.
Evidence sentence_evidence(const Document& doc, std::size_t sentence, CharSpan focus);

} // namespace newskg
