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

/// The UD words of the tokens `r` of `doc` (span and token set; not analysed).
std::vector<Word> split_ud_words(const Document& doc, const TokenRange& r);

/// The form the model reads for a word: curly apostrophes as straight ones, as most of
/// the training text writes them.
std::string model_form(std::string_view form);

/// Fills doc.words and Sentence::words for every sentence (doc.tokens and doc.sentences
/// must be filled, as analyse_text does). Replaces any words already there.
void analyse_syntax(Document& doc, const SyntaxModel& model);

// ---- reading the tree (for the relation stage) ----

/// The dependents of word `w` (indices into doc.words, in text order); the tree stores
/// only heads, so this scans w's sentence.
std::vector<std::size_t> dependents(const Document& doc, const Sentence& sentence, std::size_t w);

/// The words that come from the tokens `tokens` of `sentence` (a mention's token range
/// → its words); empty when none do.
WordRange words_of_tokens(const Document& doc, const Sentence& sentence, const TokenRange& tokens);

/// The syntactic head of the words `r`: the one word of the range whose head lies
/// outside it (the first such word when the range is not one subtree: "the port of
/// Glim" → "port"); kNoWord for an empty range.
std::size_t head_of(const Document& doc, const WordRange& r);

} // namespace newskg::syntax
