#include "text/abbreviations.hpp"

#include "text/unicode_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace newskg::abbrev {

namespace {

// Case-sensitive: "Gen." is a title, "gen." is not a thing in news text.
constexpr std::array<std::string_view, 52> kPrefix{
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpl",
    "Sgt", "Adm", "Cmdr", "Cdr", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
    "Pres", "Amb", "Rev", "Hon", "Atty", "Supt", "Insp", "Det", "Gens", "Pvt", "Fr",
    "St", "Ste", "Mt", "Ft", "No", "Nos", "vs", "Vs", "v", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept"};
constexpr std::array<std::string_view, 4> kPrefixMore{"Oct", "Nov", "Dec", "Sgts"};
constexpr std::array<std::string_view, 15> kMaybeFinal{
    "Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr", "etc", "Ave", "Blvd", "Rd",
    "Dept", "Univ", "est", "Plc"};
constexpr std::array<std::string_view, 4> kInner{"e.g", "i.e", "cf", "approx"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& a, std::string_view w) {
    return std::find(a.begin(), a.end(), w) != a.end();
}

bool is_prefix_word(std::string_view w) { return in(kPrefix, w) || in(kPrefixMore, w); }

// "U.S", "U.N", "a.m", "e.g": single letters separated by periods (without the last one).
bool is_dotted_letters(std::string_view w) {
    std::size_t i = 0, letters = 0;
    while (i < w.size()) {
        const auto cp = uc::decode(w, i);
        if (!uc::is_letter(cp.cp)) return false;
        i += cp.len;
        ++letters;
        if (i == w.size()) break;
        if (w[i] != '.') return false;
        ++i;
    }
    return letters >= 2;
}

} // namespace

Kind kind_of(std::string_view t) {
    if (t.size() < 2 || t.back() != '.') return Kind::None;
    const std::string_view w = t.substr(0, t.size() - 1);
    if (in(kInner, w)) return Kind::Inner;
    if (is_prefix_word(w)) return Kind::Prefix;
    if (in(kMaybeFinal, w)) return Kind::MaybeFinal;
    if (is_dotted_letters(w)) return Kind::Initialism;
    // A single capital letter: an initial ("John F. Kennedy").
    if (uc::length(w) == 1 && uc::is_upper(uc::first(w))) return Kind::Prefix;
    return Kind::None;
}

bool takes_period(std::string_view w, bool next_is_digit) {
    if (w == "No" || w == "Nos" || w == "no") return next_is_digit;
    if (is_prefix_word(w) || in(kMaybeFinal, w) || in(kInner, w)) return true;
    // Single capital letters are initials; a lone "I." or "A." ending a sentence is rare
    // in news prose, while initials in names are common.
    return uc::length(w) == 1 && uc::is_upper(uc::first(w));
}

bool is_sentence_starter(std::string_view w) {
    static constexpr std::array<std::string_view, 58> kStarters{
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At",
        "But", "And", "Or", "So", "Yet", "This", "That", "These", "Those", "His", "Her",
        "Its", "Their", "Our", "My", "There", "Here", "When", "While", "After", "Before",
        "As", "For", "If", "Although", "Though", "However", "Meanwhile", "Since", "Some",
        "Many", "Most", "Other", "Others", "Officials", "According", "Last", "Earlier",
        "Later", "Now", "Then", "What", "Why", "How", "Who"};
    return in(kStarters, w);
}

} // namespace newskg::abbrev
