#pragma once
// The name recogniser's insides, shared by prediction (ner_model.cpp) and training
// (ner_train.cpp): the BILOU label set, the transitions it allows, the features.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "newskg/actors/ner.hpp"
#include "syntax/weights.hpp"

namespace newskg::ner {

struct NerModelParts {
    syntax::ModelInfo info;
    syntax::Weights weights;
};

// ---- labels: 0 is Outside; type t has Begin 1+4t, Inside 2+4t, Last 3+4t, Unit 4+4t ----
inline constexpr int kOutside = 0;
inline constexpr std::size_t kLabels = 1 + 4 * kNameTypes;
enum class Part { Outside, Begin, Inside, Last, Unit };
inline Part part_of(int label) {
    return label == kOutside ? Part::Outside : static_cast<Part>(1 + (label - 1) % 4);
}
inline NameType type_of(int label) { return static_cast<NameType>((label - 1) / 4); }
inline int label_of(Part p, NameType t) {
    return p == Part::Outside ? kOutside : 1 + 4 * static_cast<int>(t) + (static_cast<int>(p) - 1);
}

/// Whether `label` may follow `prev` (−1 at the start of the sentence); `last`: the
/// sentence ends after it, so no name may stay open.
bool allowed(int prev, int label, bool last);
/// The best-scoring label among those allowed.
int best_allowed(const float* scores, int prev, bool last);
/// The spans a label sequence spells (ill-formed sequences are read leniently).
std::vector<NameSpan> spans_of(const std::vector<int>& labels);
/// The labels of non-overlapping spans over n words.
std::vector<int> labels_of(const std::vector<NameSpan>& spans, std::size_t n);

// ---- features ----
/// Hashes of each word's features, computed once a sentence.
struct NerWordFeatures {
    std::uint64_t form = 0, lower = 0, shape = 0, upos = 0, xpos = 0;
    std::uint64_t suffix[4] = {};
    std::uint64_t prefix[3] = {};
    std::uint32_t gazetteer = 0;
    bool capitalised = false;
    std::uint8_t run_part = 0; ///< place in its run of capitalised words: 0 none, 1 B, 2 I, 3 L, 4 U
    std::uint8_t run_length = 0;
    /// The words just before and just after its run of capitalised words (the word's
    /// own neighbours when it is not in one): "in" … "said".
    std::uint64_t run_before = 0, run_after = 0;
};
struct NerSentenceFeatures {
    std::vector<NerWordFeatures> words;
    bool all_caps = false; ///< no lower-case word: a heading or a shouted line
};
NerSentenceFeatures sentence_features(const std::vector<NerWord>& words);

inline constexpr std::size_t kMaxNerFeatures = 72;
/// The features of word i given the two previous labels; returns the count.
std::size_t ner_features(const NerSentenceFeatures& s, std::size_t i, int prev1, int prev2, std::uint64_t* out);

} // namespace newskg::ner
