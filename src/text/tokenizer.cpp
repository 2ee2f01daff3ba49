// Tokenizer: words, numbers, punctuation and symbols with exact byte offsets.
//
// What one token is, and why:
//  - Hyphenated words stay whole ("cease-fire", "Tuareg-led", "30-year-old", "U.S.-led"):
//    they name one thing, and actor names like "Tuareg-led" must not be split.
//  - Numbers keep their decimal point and thousands commas ("3.5", "11,600", "12:30").
//  - The possessive "'s"/"’s" is its own token, so "Mali's" gives "Mali" + "'s" and the
//    actor finder sees the bare name. Other apostrophes inside a word stay
//    ("O'Neill", "d'Ivoire", "don't").
//  - Known abbreviations and initials keep their period ("Gen.", "Aug.", "F.", "U.S."), so
//    the sentence splitter can tell them from a full stop.
//  - Quotes, dashes, brackets: one punctuation token each; "..." and "--" are one token.
//  - URLs are one token, so their dots and slashes do not end sentences.
#include "newskg/text/analyse.hpp"

#include "text/abbreviations.hpp"
#include "text/unicode_util.hpp"

namespace newskg {

namespace {

bool is_hyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2011; }
bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

bool all_digits_or_seps(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == ':')) return false;
    return true;
}

bool starts_with_ci(std::string_view s, std::string_view p) {
    if (s.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != p[i]) return false;
    }
    return true;
}

class Tokenizer {
  public:
    Tokenizer(std::string_view text, std::size_t base) : s_(text), base_(base) {}

    std::vector<Token> run() {
        std::size_t i = 0;
        while (i < s_.size()) {
            const auto cp = uc::decode(s_, i);
            if (uc::is_space(cp.cp) || (uc::is_format_or_control(cp.cp) && cp.cp != 0xAD)) {
                i += cp.len;
                continue;
            }
            if (std::size_t e = url_end(i); e > i) {
                push(i, e, TokenKind::Symbol);
                i = e;
                continue;
            }
            if (std::size_t e = possessive_end(i); e > i) {
                push(i, e, TokenKind::Word);
                i = e;
                continue;
            }
            if (uc::is_word_char(cp.cp)) {
                i = word(i);
                continue;
            }
            i = punct(i, cp);
        }
        return std::move(out_);
    }

  private:
    std::string_view s_;
    std::size_t base_;
    std::vector<Token> out_;

    void push(std::size_t b, std::size_t e, TokenKind k) {
        out_.push_back(Token{CharSpan{base_ + b, base_ + e}, k});
    }
    char32_t at(std::size_t i) const { return i < s_.size() ? uc::decode(s_, i).cp : 0; }
    std::size_t len_at(std::size_t i) const { return i < s_.size() ? uc::decode(s_, i).len : 0; }

    // "http://…", "https://…", "www.…" up to white space, minus trailing punctuation.
    std::size_t url_end(std::size_t i) const {
        const std::string_view r = s_.substr(i);
        if (!starts_with_ci(r, "http://") && !starts_with_ci(r, "https://") &&
            !starts_with_ci(r, "www."))
            return i;
        if (i > 0 && uc::is_word_char(uc::decode_before(s_, i).cp)) return i;
        std::size_t e = i;
        while (e < s_.size()) {
            const auto cp = uc::decode(s_, e);
            if (uc::is_space(cp.cp)) break;
            e += cp.len;
        }
        while (e > i) {
            const auto cp = uc::decode_before(s_, e);
            const char32_t c = cp.cp;
            if (c == U'.' || c == U',' || c == U';' || c == U':' || c == U'!' || c == U'?' ||
                c == U')' || c == U']' || c == U'"' || c == U'\'' || c == 0x201D || c == 0x2019)
                e -= cp.len;
            else
                break;
        }
        return e;
    }

    // "'s" / "’s" right after a word and before a non-word character.
    std::size_t possessive_end(std::size_t i) const {
        const auto ap = uc::decode(s_, i);
        if (!is_apostrophe(ap.cp) || i == 0) return i;
        if (!uc::is_word_char(uc::decode_before(s_, i).cp)) return i;
        const std::size_t j = i + ap.len;
        if (j >= s_.size() || (s_[j] != 's' && s_[j] != 'S')) return i;
        if (j + 1 < s_.size() && uc::is_word_char(at(j + 1))) return i;
        return j + 1;
    }

    // Dotted letters "U.S.", "e.g.", "a.m." starting at i: the end after the last period,
    // or i when the text there is not such an initialism.
    std::size_t initialism_end(std::size_t i) const {
        std::size_t j = i, letters = 0;
        while (j < s_.size()) {
            const auto cp = uc::decode(s_, j);
            if (!uc::is_letter(cp.cp)) break;
            // Exactly one letter before each period.
            const std::size_t k = j + cp.len;
            if (k >= s_.size() || s_[k] != '.') break;
            ++letters;
            j = k + 1;
            if (j < s_.size() && uc::is_letter(at(j)) &&
                (j + len_at(j) >= s_.size() || s_[j + len_at(j)] != '.')) {
                // "U.Sx": the next letter is not followed by a period, so the run ends.
                break;
            }
        }
        if (letters < 2) return i;
        // "U.S.A" style run must not be followed directly by more letters.
        if (j < s_.size() && uc::is_word_char(at(j))) return i;
        return j;
    }

    std::size_t word(std::size_t start) {
        std::size_t i = start;
        if (std::size_t e = initialism_end(start); e > start) {
            i = e;
            // "U.S.-led": a hyphenated continuation stays in the token.
            if (i < s_.size() && is_hyphen(at(i)) && uc::is_word_char(at(i + len_at(i)))) {
                i += len_at(i);
            } else {
                push(start, i, TokenKind::Word);
                return i;
            }
        }
        while (i < s_.size()) {
            auto cp = uc::decode(s_, i);
            if (uc::is_word_char(cp.cp) || cp.cp == 0xAD) {
                i += cp.len;
                continue;
            }
            const std::string_view so_far = s_.substr(start, i - start);
            const std::size_t n = i + cp.len;
            const char32_t next = at(n);
            if (is_hyphen(cp.cp) && uc::is_word_char(next)) {
                i = n;
                continue;
            }
            const bool numeric = all_digits_or_seps(so_far) && uc::is_digit(uc::first(so_far));
            if ((cp.cp == U'.' || cp.cp == U':') && numeric && uc::is_digit(next)) {
                i = n;
                continue;
            }
            if (cp.cp == U',' && numeric && so_far.find('.') == std::string_view::npos &&
                n + 3 <= s_.size() && uc::is_digit(at(n)) && uc::is_digit(at(n + 1)) &&
                uc::is_digit(at(n + 2)) && !uc::is_digit(at(n + 3))) {
                i = n;
                continue;
            }
            if (is_apostrophe(cp.cp) && uc::is_letter(next) && !numeric) {
                // Possessive "'s" is split off; other inner apostrophes stay.
                const bool poss = (next == U's' || next == U'S') && !uc::is_word_char(at(n + 1));
                if (!poss) {
                    i = n;
                    continue;
                }
            }
            break;
        }
        // An abbreviation or initial keeps its period.
        if (i < s_.size() && s_[i] == '.') {
            std::size_t k = i + 1;
            while (k < s_.size() && s_[k] == ' ') ++k;
            const bool next_digit = k < s_.size() && s_[k] >= '0' && s_[k] <= '9';
            const bool dots_follow = i + 1 < s_.size() && s_[i + 1] == '.';
            if (!dots_follow && abbrev::takes_period(s_.substr(start, i - start), next_digit)) ++i;
        }
        const std::string_view tok = s_.substr(start, i - start);
        bool has_letter = false;
        for (std::size_t k = 0; k < tok.size();) {
            const auto cp = uc::decode(tok, k);
            if (uc::is_letter(cp.cp)) {
                has_letter = true;
                break;
            }
            k += cp.len;
        }
        push(start, i, has_letter || !uc::is_digit(uc::first(tok)) ? TokenKind::Word
                                                                    : TokenKind::Number);
        return i;
    }

    std::size_t punct(std::size_t i, uc::CodePoint cp) {
        // Runs of periods ("...") and of hyphens ("--") are one token.
        if (cp.cp == U'.' || cp.cp == U'-') {
            std::size_t e = i;
            while (e < s_.size() && static_cast<char32_t>(s_[e]) == cp.cp) ++e;
            if (e - i >= 2) {
                push(i, e, TokenKind::Punct);
                return e;
            }
        }
        push(i, i + cp.len, uc::is_symbol(cp.cp) ? TokenKind::Symbol : TokenKind::Punct);
        return i + cp.len;
    }
};

} // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t base_offset) {
    return Tokenizer(text, base_offset).run();
}

} // namespace newskg
