#pragma once
/// CoNLL-U reading and writing for the syntax stage (https://universaldependencies.org/format.html).
/// Only the syntactic words are kept: multi-word token lines ("1-2 don't") and empty
/// nodes ("8.1") are skipped, which is what "gold tokenization" evaluation uses.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace newskg::syntax {

/// One syntactic word of a treebank sentence. `head` is 1-based as in the file
/// (0 for the root).
struct UdWord {
    std::string form;
    std::string lemma;
    std::string upos;
    std::string xpos;
    int head = 0;
    std::string deprel;
    std::string misc; ///< the MISC column as written ("_" when empty): GUM's entities live here
};

struct UdSentence {
    std::string doc_id; ///< the last "# newdoc id = ..." seen (empty when none)
    std::string text;   ///< "# text = ..."
    std::vector<UdWord> words;
};

/// Reads every sentence of a CoNLL-U file. throws input_error (cannot open) or
/// parse_error (malformed line: wrong column count, bad head) naming file and line.
std::vector<UdSentence> read_conllu(const std::string& path);
/// The same from a stream; `name` is used in messages.
std::vector<UdSentence> read_conllu(std::istream& in, const std::string& name);

/// Writes one sentence as a CoNLL-U block ("# text" when known, ten columns a word, FEATS
/// and DEPS "_", a blank line after).
void write_conllu(std::ostream& out, const UdSentence& sentence);

} // namespace newskg::syntax
