#pragma once
/// Training and scoring the name recogniser (newskg train-ner, newskg ner --eval) on
/// CoNLL-U files with GUM's entity annotations in the MISC column.
///
/// Which GUM mentions are names: a person, organization or place mention whose
/// syntactic head (the one word of the span whose head lies outside it, gold tree) is a
/// PROPN. The name is the run of PROPN words around that head inside the mention, joined
/// across "of", "for", "de", "the", "&" when a PROPN follows ("Bank of Gondor"); titles,
/// determiners, adjectives ("Kenyan") and relative clauses are left out. Where two such
/// names overlap (a place inside an organisation's name), the longer is kept.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "newskg/actors/ner.hpp"
#include "newskg/syntax/conllu.hpp"
#include "newskg/syntax/model.hpp"

namespace newskg::ner {

/// The gold names of a treebank sentence (see above); empty when its MISC has no entities.
std::vector<NameSpan> gold_names(const syntax::UdSentence& sentence);

/// A sentence ready for the recogniser: its forms, predicted tags and gazetteer marks.
struct PreparedSentence {
    std::vector<std::string> forms, upos, xpos;
    std::vector<std::uint32_t> gazetteer;
    std::vector<NerWord> words() const; ///< views into this sentence
};
/// Tags the sentence's forms with `tagger` (as the syntax stage would) and marks them
/// against the gazetteer of `index`.
PreparedSentence prepare(const syntax::UdSentence& sentence, const syntax::SyntaxModel& tagger,
                         const ActorIndex& index);

struct NerTrainOptions {
    std::vector<std::string> train_files;
    std::string dev_file; ///< scored after each epoch when set
    int epochs = 8;
    std::uint64_t seed = 1;
    float min_weight = 0.5f; ///< averaged weights smaller than this are dropped
    std::size_t max_sentences = 0; ///< per file, 0 for all (tests train on a slice)
    std::string license = "CC BY-SA 4.0";
    std::string attribution;
    std::vector<std::string> extra_inputs; ///< other files recorded in the header (the tagger)
    std::function<void(const std::string&)> log;
};

/// Trains on the names of `train_files` (deterministic for given inputs and options).
NerModel train_ner_model(const NerTrainOptions& options, const syntax::SyntaxModel& tagger, const ActorIndex& index);

/// Span counts per type (exact boundaries and type).
struct NerScores {
    std::size_t sentences = 0;
    std::size_t gold[kNameTypes] = {}, found[kNameTypes] = {}, correct[kNameTypes] = {};
    double precision(int t) const; ///< t = −1: all types together
    double recall(int t) const;
    double f1(int t) const;
};

/// Scores the model on the sentences `keep` accepts (all when empty).
NerScores evaluate_ner(const NerModel& model, const syntax::SyntaxModel& tagger, const ActorIndex& index,
                       const std::vector<syntax::UdSentence>& gold,
                       const std::function<bool(const syntax::UdSentence&)>& keep = {});

/// A small table: one line per type and one for all, with P, R, F1 and counts.
std::string format_ner_scores(const NerScores& s);

} // namespace newskg::ner
