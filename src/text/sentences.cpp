// Sentence splitter over tokens. A sentence ends at ".", "!", "?", an ellipsis or an
// abbreviation that can be final, together with any closing quotes and brackets glued to
// it ('…he said."'), when the next token can open a sentence. Headlines and sub-headings
// have no final stop, so a Title or Heading paragraph is always exactly one sentence.
// Any sentence longer than kMaxSentenceTokens is cut into pieces (see analyse.hpp).
#include "newskg/text/analyse.hpp"

#include "text/abbreviations.hpp"
#include "text/unicode_util.hpp"

#include <algorithm>

namespace newskg {

namespace {

bool is_closer(std::string_view t) {
    return t == "\"" || t == "'" || t == "\u201D" || t == "\u2019" || t == ")" || t == "]" ||
           t == "\u00BB" || t == "\u203A" || t == "}";
}
bool is_terminal(std::string_view t) { return t == "." || t == "!" || t == "?"; }
bool is_ellipsis(std::string_view t) { return t == "\u2026" || (t.size() >= 2 && t.find_first_not_of('.') == std::string_view::npos); }
bool is_opener(std::string_view t) {
    return t == "\"" || t == "'" || t == "\u201C" || t == "\u2018" || t == "(" || t == "[" ||
           t == "\u00AB" || t == "\u2039" || t == "\u2014" || t == "\u2013" || t == "-";
}

// Half-open token ranges of each paragraph (tokens are sorted by offset and never cross
// a paragraph, since analyse_text tokenizes paragraph by paragraph).
std::vector<TokenRange> paragraph_token_ranges(const Document& doc) {
    std::vector<TokenRange> out;
    std::size_t t = 0;
    for (const auto& p : doc.paragraphs) {
        while (t < doc.tokens.size() && doc.tokens[t].span.begin < p.span.begin) ++t;
        TokenRange r{t, t};
        while (t < doc.tokens.size() && doc.tokens[t].span.end <= p.span.end) ++t;
        r.last = t;
        out.push_back(r);
    }
    return out;
}

class Splitter {
  public:
    explicit Splitter(const Document& d) : doc_(d) {}

    void paragraph(std::size_t pi, TokenRange r, std::vector<Sentence>& out) const {
        if (r.empty()) return;
        const bool heading = doc_.paragraphs[pi].kind != ParagraphKind::Body;
        if (heading) {
            push(out, pi, r.first, r.last, true);
            return;
        }
        std::size_t start = r.first;
        for (std::size_t i = r.first; i < r.last; ++i) {
            const std::string_view t = doc_.token_text(i);
            const bool term = is_terminal(t);
            const bool ell = !term && is_ellipsis(t);
            const abbrev::Kind ak = (!term && !ell) ? abbrev::kind_of(t) : abbrev::Kind::None;
            const bool candidate = term || ell || ak == abbrev::Kind::MaybeFinal ||
                                   ak == abbrev::Kind::Initialism;
            if (!candidate) continue;
            // Glue further stops and closing quotes/brackets that touch the previous token.
            std::size_t j = i + 1;
            while (j < r.last && glued(j) &&
                   (is_closer(doc_.token_text(j)) || is_terminal(doc_.token_text(j))))
                ++j;
            if (j >= r.last) break; // the paragraph end closes the sentence anyway
            const std::string_view next = doc_.token_text(j);
            bool split = false;
            if (term)
                split = opens_sentence(next);
            else if (ell)
                split = starts_upper(next) && abbrev::is_sentence_starter(next);
            else if (ak == abbrev::Kind::MaybeFinal)
                split = starts_upper(next) || is_opener(next);
            else // Initialism
                split = abbrev::is_sentence_starter(next) || is_opener(next);
            if (split) {
                push(out, pi, start, j, false);
                start = j;
                i = j - 1;
            }
        }
        if (start < r.last) push(out, pi, start, r.last, false);
    }

  private:
    const Document& doc_;

    bool glued(std::size_t j) const {
        return doc_.tokens[j].span.begin == doc_.tokens[j - 1].span.end;
    }
    static bool starts_upper(std::string_view t) {
        const char32_t c = uc::first(t);
        return uc::is_upper(c) || (uc::is_letter(c) && !uc::is_lower(c)); // scripts without case
    }
    // After "." the next sentence opens with a capital, a digit or an opening quote,
    // bracket or dash; after "!" and "?" the same, but a lower-case word continues the
    // sentence ('"Why?" he asked').
    static bool opens_sentence(std::string_view next) {
        const char32_t c = uc::first(next);
        return starts_upper(next) || uc::is_digit(c) || is_opener(next) || uc::is_symbol(c);
    }

    // Appends tokens [a, b) as one sentence, or as pieces of at most kMaxSentenceTokens.
    void push(std::vector<Sentence>& out, std::size_t pi, std::size_t a, std::size_t b, bool heading) const {
        while (b - a > kMaxSentenceTokens) {
            std::size_t cut = a + kMaxSentenceTokens;
            for (std::size_t k = cut; k > a + kMaxSentenceTokens / 2; --k)
                if (is_pause(doc_.token_text(k - 1))) {
                    cut = k;
                    break;
                }
            out.push_back(make(pi, a, cut, heading));
            a = cut;
        }
        out.push_back(make(pi, a, b, heading));
    }
    static bool is_pause(std::string_view t) {
        return t == "," || t == ";" || t == ":" || t == "\u2014" || t == "\u2013" || t == "--";
    }

    Sentence make(std::size_t pi, std::size_t a, std::size_t b, bool heading) const {
        Sentence s;
        s.tokens = TokenRange{a, b};
        s.span = CharSpan{doc_.tokens[a].span.begin, doc_.tokens[b - 1].span.end};
        s.paragraph = pi;
        s.heading = heading;
        return s;
    }
};

} // namespace

std::vector<Sentence> split_sentences(const Document& doc) {
    std::vector<Sentence> out;
    const Splitter sp(doc);
    const auto ranges = paragraph_token_ranges(doc);
    for (std::size_t pi = 0; pi < ranges.size(); ++pi) sp.paragraph(pi, ranges[pi], out);
    return out;
}

} // namespace newskg
