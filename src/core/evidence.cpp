#include "newskg/core/evidence.hpp"

#include <algorithm>

namespace newskg {

namespace {

const char* const kEllipsis = "\xE2\x80\xA6"; // U+2026

// The tokens of the sentence inside [from, to): the first starting at or after `from`,
// through the last ending at or before `to`. Empty when no whole token fits.
CharSpan snap_to_tokens(const Document& doc, const Sentence& s, std::size_t from, std::size_t to) {
    const auto first = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.tokens.first);
    const auto last = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.tokens.last);
    const auto b = std::lower_bound(first, last, from, [](const Token& t, std::size_t x) { return t.span.begin < x; });
    auto e = std::upper_bound(b, last, to, [](std::size_t x, const Token& t) { return x < t.span.end; });
    if (b == e) return CharSpan{from, from};
    return CharSpan{b->span.begin, (e - 1)->span.end};
}

// One piece of the sentence around [from, to), with an ellipsis on each side cut off.
std::string window(const Document& doc, const Sentence& s, std::size_t from, std::size_t to) {
    from = std::max(from, s.span.begin);
    to = std::min(to, s.span.end);
    const CharSpan w = snap_to_tokens(doc, s, from, to);
    std::string out;
    if (w.begin > s.span.begin) out += std::string(kEllipsis) + " ";
    out += doc.slice(w);
    if (w.end < s.span.end) out += std::string(" ") + kEllipsis;
    return out;
}

} // namespace

Evidence sentence_evidence(const Document& doc, std::size_t sentence, CharSpan focus) {
    const Sentence& s = doc.sentences[sentence];
    Evidence ev{doc.id, sentence, s.span, {}};
    focus.begin = std::clamp(focus.begin, s.span.begin, s.span.end);
    focus.end = std::clamp(focus.end, focus.begin, s.span.end);
    const std::size_t c = kEvidenceContext;
    const std::size_t lo = focus.begin > c ? focus.begin - c : 0;
    if (s.span.size() <= kEvidenceWholeSentence) {
        ev.text = std::string(doc.slice(s.span));
    } else if (focus.size() <= 2 * c) {
        ev.text = window(doc, s, lo, focus.end + c); // the whole sentence when the window covers it
    } else {
        // Subject and object far apart: each end of the relation with its context.
        std::string left = window(doc, s, lo, focus.begin + c);
        std::string right = window(doc, s, focus.end - c, focus.end + c);
        // Both windows mark the cut between them; one ellipsis there is enough.
        const std::string mark = std::string(" ") + kEllipsis;
        if (left.size() >= mark.size() && left.compare(left.size() - mark.size(), mark.size(), mark) == 0)
            left.resize(left.size() - mark.size());
        ev.text = left + " " + right;
    }
    // The text was built piece by piece: its spare capacity (up to as much again) would
    // stay with it, and a long line's graph holds hundreds of thousands of these.
    ev.text.shrink_to_fit();
    return ev;
}

} // namespace newskg
