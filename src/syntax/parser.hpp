#pragma once
// Labelled dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) with
// the artificial root at the END of the buffer, which may take a dependent only when
// it is the last word on the stack — so every parse is one tree with exactly one root
// (Ballesteros & Nivre 2013). Moves and labels are one decision: SHIFT, LEFT-l, RIGHT-l.
// Trained as an averaged perceptron with the arc-hybrid dynamic oracle and exploration
// (Goldberg & Nivre 2013) on Zhang & Nivre (2011)-style features.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.hpp"
#include "syntax/clusters.hpp"
#include "syntax/weights.hpp"

namespace newskg::syntax {

/// What the parser reads of a word: its form (hashed) and tag id.
struct ParserInput {
    std::vector<std::uint64_t> words; ///< hash_string of the lowercased form
    std::vector<int> tags;            ///< joint tag ids of the tagger
    std::vector<std::uint64_t> upos;  ///< hash of the coarse tag
    /// Word classes (WordClusters levels 0 and 1) + 1, 0 for a word without; empty when
    /// the parser has no classes.
    std::vector<std::uint64_t> coarse, fine;
};
ParserInput parser_input(const std::vector<std::string_view>& forms, const std::vector<int>& tags,
                         const std::vector<std::string>& upos_of_tag, const WordClusters* clusters = nullptr);

/// A dependency tree: head[i] is the 0-based head of word i or −1 for the root;
/// label[i] an index into the parser's labels.
struct Tree {
    std::vector<int> head;
    std::vector<int> label;
};

class Parser {
  public:
    Parser() = default;
    Parser(std::vector<std::string> labels, Weights weights, WordClusters clusters = {})
        : labels_(std::move(labels)), weights_(std::move(weights)), clusters_(std::move(clusters)) {}
    Tree parse(const ParserInput& in) const;
    const std::vector<std::string>& labels() const { return labels_; }
    const Weights& weights() const { return weights_; }
    const WordClusters& clusters() const { return clusters_; }
    void write(ByteWriter& out) const;
    bool read(ByteReader& in);

  private:
    std::vector<std::string> labels_;
    Weights weights_;
    WordClusters clusters_;
};

struct ParserSentence {
    ParserInput input;
    Tree gold;
};

struct ParserTrainOptions {
    int epochs = 15;
    int explore_from = 1;      ///< epochs with the oracle's moves only, before exploring
    double explore_p = 0.9;    ///< then the probability of following a wrong prediction
    std::uint64_t seed = 7;
    float min_weight = 0.0f;
    std::uint32_t min_updates = 1;
};

/// `clusters` (those the inputs were made with) is stored in the parser for parsing.
Parser train_parser(const std::vector<ParserSentence>& data, const std::vector<std::string>& labels,
                    const ParserTrainOptions& opt, WordClusters clusters = {});

} // namespace newskg::syntax
