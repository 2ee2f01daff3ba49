#pragma once
/// Training the syntax model from CoNLL-U treebanks (newskg train-syntax). Deterministic:
/// fixed seeds and iteration order, and the jackknife folds, which may run on two
/// threads, each write only their own part of the result.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "newskg/syntax/model.hpp"

namespace newskg::syntax {

struct TrainOptions {
    std::vector<std::string> train_files;
    std::string dev_file; ///< scored after training when set (the log shows the figures)
    int tagger_epochs = 12;
    int parser_epochs = 20;
    int folds = 5;               ///< jackknife folds for the parser's predicted tags (0: gold tags)
    std::size_t threads = 2;     ///< for the folds
    std::size_t max_sentences = 0; ///< per file, 0 for all (tests train on a slice)
    /// Pruning: averaged weights smaller than these are dropped (the shipped model's
    /// values; 0 keeps everything). The parser's bound trades accuracy for size and speed.
    float tagger_min_weight = 0.5f;
    float parser_min_weight = 1.0f;
    /// The tagger's ambiguity classes cover words seen at least this often (0: none).
    std::size_t ambiguity_min_count = 2;
    /// A tag lexicon (form <TAB> UPOS <TAB> XPOS a line, '#' comments) for the classes of
    /// words the treebanks have too rarely (models/syntax-lexicon.tsv); "" for none.
    std::string lexicon_file;
    /// Word classes for the parser's features, learnt from the training text: the number
    /// of classes of the coarse and the fine clustering (0: no classes, the shipped
    /// setting: on the treebanks' text alone they gained too little for their cost).
    int coarse_clusters = 0;
    int fine_clusters = 0;
    std::string license = "CC BY-SA 4.0";
    std::string attribution;
    std::function<void(const std::string&)> log; ///< progress lines, may be empty
};

SyntaxModel train_syntax_model(const TrainOptions& options);

} // namespace newskg::syntax
