#pragma once
// Abbreviations that take a period (private). The tokenizer keeps the period on the
// token ("Gen.", "Aug."); the sentence splitter then asks what kind of abbreviation
// the token is, to decide whether its period can also end the sentence.
#include <string_view>

namespace newskg::abbrev {

enum class Kind {
    None,
    /// Titles, months, "No.", "vs.", single-letter initials: always followed by more of the
    /// same phrase ("Gen. Assimi Goïta", "Aug. 13", "John F. Kennedy"), never final.
    Prefix,
    /// "Inc.", "Corp.", "Ltd.", "Jr.", "etc.": often final, so a capitalised next word
    /// starts a new sentence.
    MaybeFinal,
    /// Initialisms "U.S.", "U.N.", "a.m.": final only before a word that typically
    /// starts a sentence ("The", "He" …), since "U.S. President" is common.
    Initialism,
    /// "e.g.", "i.e.", "cf.": never final.
    Inner,
};

/// Kind of a token that ends in '.', e.g. "Gen.", "U.S.", "F.".
Kind kind_of(std::string_view token_with_period);
/// Whether the word before a '.' takes that period as part of the token. `next_is_digit`
/// tells whether a digit follows the period (after optional spaces): "No." and "Nos."
/// are abbreviations only then ("No. 10"), otherwise the word "no" ends a sentence.
bool takes_period(std::string_view word, bool next_is_digit);
/// Words that usually open a sentence ("The", "He", "But" …): used after initialisms
/// and ellipses, where a capital letter alone does not prove a new sentence.
bool is_sentence_starter(std::string_view word);

} // namespace newskg::abbrev
