// Phrase matching for actor dictionaries. Phrases are compared with the document's text,
// not with its tokens, so "U.S.", "Al-Qaeda" or "Barad-dur" match however the tokenizer
// splits them; a match must start at a token's start and end at a token's end.
#include <algorithm>
#include <cctype>

#include "newskg/actors/dictionary.hpp"

namespace newskg {

namespace {

bool alnum(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

/// The first run of letters and digits, lower-cased: the key phrases are hashed by.
std::string first_run(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size() && !alnum(static_cast<unsigned char>(s[i]))) ++i;
    for (; i < s.size() && alnum(static_cast<unsigned char>(s[i])); ++i)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    return out;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Length of the text at `pos` that equals `phrase` (case-insensitively, a phrase blank
/// matching a run of blanks), or npos.
std::size_t prefix_match(std::string_view text, std::size_t pos, std::string_view phrase) {
    std::size_t t = pos;
    for (std::size_t p = 0; p < phrase.size(); ++p) {
        if (phrase[p] == ' ') {
            if (t >= text.size() || !blank(text[t])) return std::string_view::npos;
            while (t < text.size() && blank(text[t])) ++t;
            continue;
        }
        if (t >= text.size() ||
            std::tolower(static_cast<unsigned char>(text[t])) != static_cast<unsigned char>(phrase[p]))
            return std::string_view::npos;
        ++t;
    }
    return t - pos;
}

} // namespace

DictionaryIndex::DictionaryIndex(std::vector<DictionaryPhrase> phrases) : phrases_(std::move(phrases)) {
    for (std::size_t i = 0; i < phrases_.size(); ++i) {
        std::string key = first_run(phrases_[i].text);
        if (!key.empty()) by_first_[key].push_back(i);
    }
    // Longest first, so the first match found is the longest; file order on ties.
    for (auto& [key, list] : by_first_)
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return phrases_[a].text.size() > phrases_[b].text.size();
        });
}

std::vector<DictionaryIndex::Match> DictionaryIndex::match(const Document& doc, std::size_t i,
                                                          std::size_t limit, bool agents) const {
    std::vector<Match> out;
    if (i >= limit || i >= doc.tokens.size()) return out;
    const auto it = by_first_.find(first_run(doc.token_text(i)));
    if (it == by_first_.end()) return out;
    const std::size_t begin = doc.tokens[i].span.begin;
    for (std::size_t p : it->second) {
        const DictionaryPhrase& ph = phrases_[p];
        if (ph.agent != agents) continue;
        const std::size_t n = prefix_match(doc.text, begin, ph.text);
        if (n == std::string_view::npos) continue;
        // The match must end where a token ends.
        const std::size_t end = begin + n;
        std::size_t k = i;
        while (k < limit && doc.tokens[k].span.end < end) ++k;
        if (k < limit && doc.tokens[k].span.end == end) out.push_back(Match{k + 1, &ph});
    }
    return out;
}

} // namespace newskg
