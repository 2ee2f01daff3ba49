// Tokens → UD words. The document tokenizer keeps "don't" and "cease-fire" whole (the
// actor finder wants them so); the English UD treebanks split them, and the parser was
// trained on their words, so this stage splits the same way:
//   - negation and other clitics: "don't" → "do" "n't", "can't" → "ca" "n't", "won't" →
//     "wo" "n't", "cannot" → "can" "not", "I'm" → "I" "'m", "they've", "we're", "she'd",
//     "he'll", "it's" (the tokenizer already splits "'s"), "gonna" → "gon" "na",
//     "wanna" → "wan" "na", "gotta" → "got" "ta";
//   - hyphenated compounds: "cease-fire" → "cease" "-" "fire", "30-year-old" → "30" "-"
//     "year" "-" "old", "U.S.-led" → "U.S." "-" "led"; kept whole after a bound prefix
//     ("re-election", "co-workers", "non-profit", "e-mail", "mid-July"), for spelled-out
//     numbers ("ninety-nine") and for digit groups ("713-853-3989", "11-20-2000").
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

#include "newskg/syntax/syntax.hpp"
#include "core/ascii_case.hpp"

namespace newskg::syntax {

namespace {


/// Length in bytes of an apostrophe at s[i] (' or U+2019), 0 when there is none.
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
    if (i < s.size() && s[i] == '\'') return 1;
    if (i + 2 < s.size() + 0 && s.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
    return 0;
}

/// Where a clitic starts in `t` (byte offset), or npos: the split point of "don't",
/// "I'm", "they've" …
std::size_t clitic_split(std::string_view t) {
    const std::string low = ascii_lower(t);
    // "n't": the apostrophe sits one byte after the "n".
    for (std::size_t i = 1; i + 1 < t.size(); ++i)
        if ((low[i] == 'n') && apostrophe_at(t, i + 1)) {
            const std::size_t a = apostrophe_at(t, i + 1);
            if (i + 1 + a + 1 == t.size() && low.back() == 't') return i; // "do|n't"
        }
    // "'m", "'re", "'ve", "'ll", "'d", "'s" at the end.
    static const std::array<std::string_view, 6> kTails = {"m", "re", "ve", "ll", "d", "s"};
    for (auto tail : kTails)
        for (std::size_t alen : {std::size_t{1}, std::size_t{3}}) {
            if (t.size() <= tail.size() + alen) continue;
            const std::size_t at = t.size() - tail.size() - alen;
            if (apostrophe_at(t, at) == alen && std::string_view(low).substr(at + alen) == tail) return at;
        }
    return std::string_view::npos;
}

bool is_prefix_word(const std::string& p) {
    static const std::array<std::string_view, 44> kPrefixes = {
        "a", "anti", "bi", "co", "counter", "de", "e", "ex", "extra", "hyper", "inter", "intra", "macro",
        "micro", "mid", "mini", "multi", "neo", "non", "over", "pan", "para", "post", "pre", "pro", "pseudo",
        "re", "semi", "sub", "super", "trans", "tri", "ultra", "un", "uni", "vice", "self", "socio", "psycho",
        "geo", "euro", "afro", "cyber", "eco"};
    for (auto k : kPrefixes)
        if (p == k) return true;
    return false;
}

bool is_number_word(const std::string& p) {
    static const std::array<std::string_view, 17> kNumbers = {
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine"};
    for (auto k : kNumbers)
        if (p == k) return true;
    return false;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

struct Piece {
    std::size_t begin, end; // byte offsets within the token
};

std::vector<Piece> hyphen_pieces(std::string_view t) {
    std::vector<Piece> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i)
        if (i == t.size() || t[i] == '-') {
            parts.push_back({start, i});
            start = i + 1;
        }
    if (parts.size() < 2) return {{0, t.size()}};
    bool digits = true;
    for (const auto& p : parts) {
        if (p.end == p.begin) return {{0, t.size()}}; // "--", "-5", "well-": not a compound
        digits = digits && all_digits(t.substr(p.begin, p.end - p.begin));
    }
    const std::string first = ascii_lower(t.substr(parts[0].begin, parts[0].end - parts[0].begin));
    if (digits || is_prefix_word(first) || first.size() == 1 ||
        (parts.size() == 2 && is_number_word(first) &&
         is_number_word(ascii_lower(t.substr(parts[1].begin, parts[1].end - parts[1].begin)))))
        return {{0, t.size()}};
    std::vector<Piece> out;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k) out.push_back({parts[k].begin - 1, parts[k].begin});
        out.push_back(parts[k]);
    }
    return out;
}

/// Pieces of a word without hyphens: clitics and the "gonna" family.
void clitic_pieces(std::string_view t, std::size_t base, std::vector<Piece>& out) {
    const std::string low = ascii_lower(t);
    if (low == "cannot") {
        out.push_back({base, base + 3});
        out.push_back({base + 3, base + 6});
        return;
    }
    if (low == "gonna" || low == "wanna" || low == "gotta") {
        out.push_back({base, base + 3});
        out.push_back({base + 3, base + 5});
        return;
    }
    const std::size_t at = clitic_split(t);
    if (at != std::string_view::npos && at > 0) {
        out.push_back({base, base + at});
        out.push_back({base + at, base + t.size()});
        return;
    }
    out.push_back({base, base + t.size()});
}

} // namespace

std::string model_form(std::string_view form) {
    std::string out;
    out.reserve(form.size());
    for (std::size_t i = 0; i < form.size(); ++i) {
        if (form.compare(i, 3, "\xE2\x80\x99") == 0 || form.compare(i, 3, "\xE2\x80\x98") == 0) {
            out.push_back('\'');
            i += 2;
        } else {
            out.push_back(form[i]);
        }
    }
    return out;
}

std::vector<Word> split_ud_words(const Document& doc, const TokenRange& r) {
    std::vector<Word> words;
    std::vector<Piece> pieces;
    for (std::size_t ti = r.first; ti < r.last; ++ti) {
        const Token& tok = doc.tokens[ti];
        const std::string_view t = doc.slice(tok.span);
        pieces.clear();
        if (tok.kind == TokenKind::Word) {
            for (const Piece& h : hyphen_pieces(t)) {
                const std::string_view part = t.substr(h.begin, h.end - h.begin);
                if (part == "-") pieces.push_back(h);
                else clitic_pieces(part, h.begin, pieces);
            }
        } else {
            pieces.push_back({0, t.size()});
        }
        for (const Piece& p : pieces) {
            Word w;
            w.span = CharSpan{tok.span.begin + p.begin, tok.span.begin + p.end};
            w.token = ti;
            words.push_back(std::move(w));
        }
    }
    return words;
}

void analyse_syntax(Document& doc, const SyntaxModel& model) {
    doc.words.clear(); // in blocks (WordList): never a buffer grown by doubling
    std::vector<std::string> forms;
    std::vector<std::string_view> views;
    // The model's tags as Tags, made once per text here rather than under Tag's lock for
    // each of the article's words.
    std::unordered_map<std::string, Tag> tags;
    std::unordered_map<std::string, std::uint32_t> lemma_ids; // each distinct lemma once
    doc.lemmas.clear();
    auto tag = [&tags](const std::string& text) {
        auto it = tags.find(text);
        if (it == tags.end()) it = tags.emplace(text, Tag(text)).first;
        return it->second;
    };
    for (auto& sent : doc.sentences) {
        std::vector<Word> words = split_ud_words(doc, sent.tokens);
        const std::size_t first = doc.words.size();
        sent.words = WordRange{first, first + words.size()};
        if (words.empty()) continue;
        forms.clear();
        for (const auto& w : words) forms.push_back(model_form(doc.form(w)));
        views.assign(forms.begin(), forms.end());
        const auto analysis = model.analyse(views, sent.heading);
        for (std::size_t i = 0; i < words.size(); ++i) {
            Word& w = words[i];
            const WordAnalysis& a = analysis[i];
            auto lemma = lemma_ids.find(a.lemma);
            if (lemma == lemma_ids.end()) lemma = lemma_ids.emplace(a.lemma, doc.add_lemma(a.lemma)).first;
            w.lemma_id = lemma->second;
            w.upos = tag(a.upos);
            w.xpos = tag(a.xpos);
            w.head = a.head < 0 ? kNoWord : first + static_cast<std::size_t>(a.head);
            w.deprel = tag(a.deprel);
            doc.words.push_back(std::move(w));
        }
    }
}

} // namespace newskg::syntax
