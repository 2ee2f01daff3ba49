// Small questions the relation stage asks of the UD tree (see syntax.hpp).
#include "newskg/syntax/syntax.hpp"

namespace newskg::syntax {

std::vector<std::size_t> dependents(const Document& doc, const Sentence& sentence, std::size_t w) {
    std::vector<std::size_t> out;
    for (std::size_t i = sentence.words.first; i < sentence.words.last; ++i)
        if (doc.words[i].head == w) out.push_back(i);
    return out;
}

WordRange words_of_tokens(const Document& doc, const Sentence& sentence, const TokenRange& tokens) {
    WordRange r{kNoWord, 0};
    for (std::size_t i = sentence.words.first; i < sentence.words.last; ++i) {
        const std::size_t t = doc.words[i].token;
        if (t < tokens.first || t >= tokens.last) continue;
        if (r.first == kNoWord) r.first = i;
        r.last = i + 1;
    }
    if (r.first == kNoWord) return WordRange{};
    return r;
}

std::size_t head_of(const Document& doc, const WordRange& r) {
    for (std::size_t i = r.first; i < r.last; ++i) {
        const std::size_t h = doc.words[i].head;
        if (h == kNoWord || h < r.first || h >= r.last) return i;
    }
    return kNoWord;
}

} // namespace newskg::syntax
