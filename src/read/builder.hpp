#pragma once
// Assembles a Document's text from the paragraphs a reader kept (private).
#include "newskg/core/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace newskg::build {

/// Cleans one paragraph: NFC, soft hyphens and zero-width characters removed, every run of
/// white space (including no-break spaces and line breaks) made one space, trimmed.
std::string clean_paragraph(std::string_view text);

/// Appends paragraphs to doc.text, separated by "\n\n" (so a paragraph is never glued to
/// the next one and offsets stay into this one cleaned string). Empty ones are skipped.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(Document& doc) : doc_(doc) {}
    /// Returns false when the cleaned paragraph was empty and nothing was added.
    bool add(ParagraphKind kind, std::string_view text);

  private:
    Document& doc_;
};

} // namespace newskg::build

namespace newskg::build {
/// Puts `title` in front of doc as its Title paragraph (shifting every paragraph span),
/// for a headline known only from metadata. Sets doc.title. Does nothing for an empty title.
void prepend_title(Document& doc, std::string_view title);
} // namespace newskg::build
