#include "newskg/text/analyse.hpp"

namespace newskg {

void analyse_text(Document& doc) {
    doc.tokens.clear();
    doc.sentences.clear();
    doc.dates.clear();
    // Paragraph by paragraph, so that no token (and hence no sentence) crosses a
    // paragraph boundary, even where a paragraph lacks its final stop.
    for (const auto& p : doc.paragraphs) {
        auto toks = tokenize(doc.slice(p.span), p.span.begin);
        doc.tokens.insert(doc.tokens.end(), toks.begin(), toks.end());
    }
    doc.sentences = split_sentences(doc);
    doc.dates = find_dates(doc);
}

} // namespace newskg
