// libFuzzer target: the plain-text reader (decoding, furniture removal, title and date
// lines) and the text stage after it. Bad input may throw newskg::error; nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "newskg/core/error.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newskg::ReadOptions options;
    try {
        newskg::Document doc =
            newskg::read_text_article(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", options);
        doc.sentences = newskg::split_sentences(doc);
        doc.dates = newskg::find_dates(doc);
    } catch (const newskg::error&) {
    }
    return 0;
}
