// Lemma rules for English words the table does not know, by Penn tag.
#include <string>
#include <string_view>

#include "syntax/lemmatizer.hpp"
#include "core/ascii_case.hpp"

namespace newskg::syntax {

namespace {

bool ends_with(std::string_view s, std::string_view suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }


/// Number of vowel groups ("y" after a consonant counts as a vowel): a syllable estimate.
int syllables(std::string_view s) {
    int n = 0;
    bool prev = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool v = is_vowel(s[i]) || (s[i] == 'y' && i > 0 && !is_vowel(s[i - 1]));
        if (v && !prev) ++n;
        prev = v;
    }
    return n;
}

/// The stem left after cutting "-ed", "-ing", "-er" or "-est": undoes consonant doubling
/// ("stopp" → "stop", "expell" → "expel") and puts back a silent "e" where English
/// drops it ("hop" → "hope", "creat" → "create", "produc" → "produce").
std::string restore_stem(std::string stem) {
    const std::size_t n = stem.size();
    if (n < 2) return stem;
    const char a = stem[n - 2], b = stem[n - 1];
    if (a == b && is_consonant(b)) {
        // Doubled consonant: "stopp", "plann", "admitt". Kept whole for "ss", "ff", "zz"
        // ("pass", "staff", "buzz"), for short "dd" ("add", "odd") and for a one-syllable
        // "ll" ("call", "fill"); undoubled otherwise ("expell" → "expel", "controll").
        if (b == 's' || b == 'f' || b == 'z') return stem;
        if (b == 'd' && n <= 3) return stem;
        if (b == 'l' && syllables(stem) < 2) return stem;
        stem.pop_back();
        return stem;
    }
    auto ends = [&](std::string_view suf) { return ends_with(stem, suf); };
    auto before = [&](std::size_t k) { return n > k ? stem[n - 1 - k] : '\0'; }; // k chars back
    if (b == 'u' || b == 'v') return stem + "e";                 // continu-e, mov-e
    if (ends("iz") || ends("yz") || b == 'c') return stem + "e"; // organiz-e, produc-e
    if (ends("dg") || ends("rg") || ends("ang")) return stem + "e"; // judg-e, merg-e, chang-e
    if ((ends("us") || ends("as") || ends("os") || ends("is")) && n > 2) return stem + "e"; // caus-e, releas-e
    if (b == 'l' && is_consonant(a) && a != 'l') return stem + "e"; // handl-e, simpl-e
    if (is_consonant(before(2))) {
        // consonant + vowel + consonant endings that take an "e" in longer words:
        // creat-e, execut-e, requir-e, secur-e, declar-e, decid-e, includ-e, explod-e,
        // combin-e, assum-e, invok-e
        static const char* const kEndings[] = {"at", "ut", "ir", "ur", "ar", "id", "ud", "od", "ad",
                                               "in", "um", "ok", "ak", "ik"};
        for (const char* e : kEndings)
            if (ends(e)) return stem + "e";
    }
    // One syllable ending in a single vowel and a single consonant: had the stem ended in
    // that consonant it would have been doubled ("hopped"), so it ends in "e" ("hoped").
    if (syllables(stem) == 1 && is_consonant(b) && b != 'w' && b != 'x' && b != 'y' && is_vowel(a) &&
        !(n >= 3 && is_vowel(stem[n - 3])))
        return stem + "e";
    return stem;
}

std::string plural_stem(const std::string& w, bool verb) {
    const std::size_t n = w.size();
    if (n <= 2 || !ends_with(w, "s")) return w;
    if (ends_with(w, "ss") || (!verb && (ends_with(w, "us") || ends_with(w, "is")))) return w;
    if (ends_with(w, "ies")) return n > 4 ? w.substr(0, n - 3) + "y" : w.substr(0, n - 1);
    if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes") ||
        ends_with(w, "zzes"))
        return w.substr(0, n - 2);
    if (ends_with(w, "oes") && (verb || n >= 6)) return w.substr(0, n - 2);
    return w.substr(0, n - 1);
}

std::string past_stem(const std::string& w) {
    const std::size_t n = w.size();
    if (n <= 3 || !ends_with(w, "ed")) return w;
    if (ends_with(w, "ied")) return n > 4 ? w.substr(0, n - 3) + "y" : w.substr(0, n - 1);
    if (ends_with(w, "eed")) return w.substr(0, n - 1); // agreed → agree, freed → free
    return restore_stem(w.substr(0, n - 2));
}

std::string gerund_stem(const std::string& w) {
    const std::size_t n = w.size();
    if (n <= 4 || !ends_with(w, "ing")) return w;
    std::string stem = w.substr(0, n - 3);
    if (stem.size() <= 2 && stem.back() == 'y') return stem.substr(0, stem.size() - 1) + "ie"; // dying → die
    if (ends_with(stem, "ee") || ends_with(stem, "y")) return stem; // seeing, playing
    return restore_stem(stem);
}

std::string degree_stem(const std::string& w, std::string_view suffix) {
    const std::size_t n = w.size(), k = suffix.size();
    if (n <= k + 2 || !ends_with(w, suffix)) return w;
    std::string stem = w.substr(0, n - k);
    if (stem.back() == 'i') return stem.substr(0, stem.size() - 1) + "y"; // happi-er → happy
    if (ends_with(stem, "e")) return stem;                                 // free-r? keep
    return restore_stem(stem);
}

} // namespace

std::string lemma_by_rule(std::string_view form, std::string_view xpos) {
    if (xpos == "NNP") return std::string(form);
    if (xpos == "NNPS") {
        // Keep the capitals of a name: "Americans" → "American".
        std::string low = ascii_lower(form);
        std::string stem = plural_stem(low, false);
        return std::string(form.substr(0, stem.size())) + stem.substr(std::min(stem.size(), form.size()));
    }
    if (xpos == "CD" || xpos == "SYM" || xpos == "ADD" || xpos == "NFP" || xpos == "LS" || xpos == "," ||
        xpos == "." || xpos == ":" || xpos == "``" || xpos == "''" || xpos == "-LRB-" || xpos == "-RRB-" ||
        xpos == "HYPH" || xpos == "$" || xpos == "FW" || xpos == "GW" || xpos == "XX")
        return std::string(form);
    std::string w = ascii_lower(form);
    if (xpos == "NNS") return plural_stem(w, false);
    if (xpos == "VBZ") return plural_stem(w, true);
    if (xpos == "VBD" || xpos == "VBN") return past_stem(w);
    if (xpos == "VBG") return gerund_stem(w);
    if (xpos == "JJR" || xpos == "RBR") return degree_stem(w, "er");
    if (xpos == "JJS" || xpos == "RBS") return degree_stem(w, "est");
    return w;
}

} // namespace newskg::syntax
