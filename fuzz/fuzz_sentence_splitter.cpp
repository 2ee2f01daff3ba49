// libFuzzer target: the tokenizer and sentence splitter on any valid UTF-8 text split
// into paragraphs at blank lines (what the readers hand them). Checks the invariants the
// later stages rely on: spans inside the text, in order, sentences over their tokens.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "newskg/core/model.hpp"
#include "newskg/text/analyse.hpp"

namespace {

bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newskg::Document doc;
    doc.text.assign(reinterpret_cast<const char*>(data), size);
    if (!valid_utf8(doc.text)) return 0;
    std::size_t begin = 0;
    while (begin <= doc.text.size()) {
        std::size_t end = doc.text.find("\n\n", begin);
        if (end == std::string::npos) end = doc.text.size();
        if (end > begin) doc.paragraphs.push_back({newskg::CharSpan{begin, end}, newskg::ParagraphKind::Body});
        begin = end + 2;
    }
    doc.sentences = newskg::split_sentences(doc);
    for (const auto& s : doc.sentences)
        if (s.span.end > doc.text.size() || s.span.begin > s.span.end) std::abort();
    for (const auto& t : newskg::tokenize(doc.text))
        if (t.span.end > doc.text.size() || t.span.begin > t.span.end) std::abort();
    return 0;
}
