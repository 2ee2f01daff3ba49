// libFuzzer target: the HTML reader (libxml2 parse, metadata and JSON-LD, content
// scoring). Bad input may throw newskg::error; nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newskg/core/error.hpp"
#include "newskg/read/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newskg::ReadOptions options;
    try {
        newskg::read_html_article(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.html", options);
    } catch (const newskg::error&) {
    }
    return 0;
}
