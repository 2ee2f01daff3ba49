// Plural folding for the verb dictionary. The same rules are in scripts/convert-cameo
// (fold), which wrote the dictionary's words already folded; folding the frame's lemmas
// too makes "rights" (a lemmatizer that keeps it) meet "right" (one that does not).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "newskg/relations/verb_dictionary.hpp"

namespace newskg {

namespace {

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

} // namespace

std::string fold_plural(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kIrregular{{
        {"children", "child"},
        {"crises", "crisis"},
        {"men", "man"},
        {"women", "woman"},
        {"news", "news"},
        {"series", "series"},
        {"species", "species"},
    }};
    for (const auto& [plural, singular] : kIrregular)
        if (word == plural) return std::string(singular);
    const bool alpha =
        std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    if (word.size() <= 3 || !alpha) return std::string(word);
    if (ends_with(word, "ss") || ends_with(word, "us") || ends_with(word, "is")) return std::string(word);
    if (ends_with(word, "ies") && word.size() > 4) return std::string(word.substr(0, word.size() - 3)) + "y";
    if (ends_with(word, "sses") || ends_with(word, "ches") || ends_with(word, "shes") || ends_with(word, "xes") ||
        ends_with(word, "zzes"))
        return std::string(word.substr(0, word.size() - 2));
    if (ends_with(word, "s")) return std::string(word.substr(0, word.size() - 1));
    return std::string(word);
}

} // namespace newskg
