#pragma once
// ASCII lower case for the relation stage's word comparisons (lemmas, case words,
// dictionary words): one definition instead of a copy per file.
#include <cctype>
#include <string>
#include <string_view>

namespace newskg {

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace newskg
