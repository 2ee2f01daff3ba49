#pragma once
/// Scoring against a treebank with its own tokenization, as the CoNLL 2018 shared task
/// does with gold tokenization: every word counts (punctuation too); LAS compares the
/// universal part of the relation ("nsubj" of "nsubj:pass"), LAS-full the whole label.
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "newskg/syntax/conllu.hpp"
#include "newskg/syntax/model.hpp"

namespace newskg::syntax {

/// Words of one gold relation (universal part) and how many got their head, and their
/// head and relation, right.
struct RelationScores {
    std::size_t words = 0, uas = 0, las = 0;
};

struct Scores {
    std::size_t sentences = 0;
    std::size_t words = 0;
    std::size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
    std::map<std::string, RelationScores> by_relation; ///< keyed by the gold universal relation
    double ratio(std::size_t k) const { return words ? static_cast<double>(k) / static_cast<double>(words) : 0.0; }
};

/// Scores the model on the sentences `keep` accepts (all when empty); with `predictions`,
/// also writes what the model made of them as CoNLL-U (the gold words, predicted columns).
Scores evaluate(const SyntaxModel& model, const std::vector<UdSentence>& gold,
                const std::function<bool(const UdSentence&)>& keep = {}, std::ostream* predictions = nullptr);

/// "UPOS 0.9512  XPOS …  UAS …  LAS …" on one line.
std::string format_scores(const Scores& s);

/// One line per gold relation, most frequent first: its share of the words, UAS, LAS and
/// the words lost to the total UAS (how many points it costs).
std::string format_relation_scores(const Scores& s);

} // namespace newskg::syntax
