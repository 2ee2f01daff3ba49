#pragma once
// Lemmas: a table learnt from the treebanks for the words whose lemma the rules get
// wrong (irregulars: "went" → "go", "n't" → "not", "children" → "child"), and rules for
// every other word by its Penn tag (regular plurals, past forms, participles,
// comparatives), so a word never seen in training still gets a sensible lemma.
#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.hpp"

namespace newskg::syntax {

/// The rule-based lemma of `form` with Penn tag `xpos` (no table).
std::string lemma_by_rule(std::string_view form, std::string_view xpos);

class Lemmatizer {
  public:
    /// The table's lemma when (form, xpos) or (lowercased form, xpos) is in it, else the rule's.
    std::string lemma(std::string_view form, std::string_view xpos) const;

    /// Learns the exceptions: for each (form, xpos) seen, the most frequent lemma when
    /// the rule does not already give it.
    void add_example(std::string_view form, std::string_view xpos, std::string_view lemma);
    void finish_training();

    std::size_t size() const { return table_.size(); }
    void write(ByteWriter& out) const;
    bool read(ByteReader& in);

  private:
    /// Whether "form\txpos" may be in table_: false means it is not. Most words are no
    /// exception; their answer comes from a few kB of bits instead of building the key and
    /// missing the cache in the hash table.
    bool may_have(std::string_view form, std::string_view xpos) const;
    void build_filter();

    std::unordered_map<std::string, std::string> table_; ///< "form\txpos" → lemma
    std::vector<std::uint64_t> filter_; ///< a bit for the hash of each key of table_
    std::map<std::string, std::map<std::string, std::uint32_t>> counts_; ///< training only
};

} // namespace newskg::syntax
