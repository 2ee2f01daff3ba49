#pragma once
// ASCII lower case for word comparisons and feature keys (lemmas, case words, dictionary
// words, the syntax models' hashed forms): one definition instead of a copy per file. Only
// A–Z change, whatever the locale, so the models' keys are the same everywhere.
#include <string>
#include <string_view>

namespace newskg {

inline void ascii_lower_in_place(std::string& s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    ascii_lower_in_place(out);
    return out;
}

} // namespace newskg
