#pragma once
/// The syntax stage: turns each sentence's tokens into Universal Dependencies words and
/// fills their lemma, UPOS, XPOS, head and relation from the syntax model.
///
/// After analyse_syntax(doc, model):
///   - doc.words holds every sentence's words in order; Sentence::words is its range;
///   - Word::token is the index of the Document token it comes from (a token UD splits,
///     "don't" → "do" + "n't", "cease-fire" → "cease" + "-" + "fire", gives several words
///     with the same token and their own byte spans);
///   - Word::head is an index into doc.words (always within the same sentence), kNoWord
///     for the sentence's single root; Word::deprel is the UD relation with its subtype.
#include <string>
#include <string_view>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/syntax/model.hpp"

namespace newskg::syntax {

/// The UD words of the tokens `r` of `doc` (span, token and form set; not analysed).
std::vector<Word> split_ud_words(const Document& doc, const TokenRange& r);

/// The form the model reads for a word: curly apostrophes as straight ones, as most of
/// the training text writes them.
std::string model_form(std::string_view form);

/// Fills doc.words and Sentence::words for every sentence (doc.tokens and doc.sentences
/// must be filled, as analyse_text does). Replaces any words already there.
void analyse_syntax(Document& doc, const SyntaxModel& model);

} // namespace newskg::syntax
