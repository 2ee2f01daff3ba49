#pragma once
// Part-of-speech tagger: a greedy left-to-right averaged perceptron over joint
// "UPOS XPOS" tags (one decision gives both, so they never disagree), with word,
// affix, shape and neighbouring-word and neighbouring-tag features.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.hpp"
#include "syntax/weights.hpp"

namespace newskg::syntax {

/// The joint tags: id ↔ (UPOS, XPOS).
struct TagSet {
    std::vector<std::string> upos;
    std::vector<std::string> xpos;
    std::size_t size() const { return upos.size(); }
    /// The id of (upos, xpos), adding it when `add`; −1 when absent.
    int find(std::string_view u, std::string_view x) const;
    int add(std::string_view u, std::string_view x);
    void write(ByteWriter& out) const;
    bool read(ByteReader& in);
};

/// Hashes of one word's surface features, computed once a sentence.
struct WordFeatures {
    std::uint64_t form = 0, lower = 0, shape = 0;
    std::uint64_t suffix[4] = {};
    std::uint64_t prefix[3] = {};
};
WordFeatures word_features(std::string_view form);

/// The tagger's features for word i given the two previous tags; returns the count.
std::size_t tagger_features(const std::vector<WordFeatures>& words, std::size_t i, int prev1, int prev2,
                            std::uint64_t* out);
inline constexpr std::size_t kMaxTaggerFeatures = 32;

class Tagger {
  public:
    Tagger() = default;
    Tagger(TagSet tags, Weights weights) : tags_(std::move(tags)), weights_(std::move(weights)) {}
    /// One tag id per form.
    std::vector<int> tag(const std::vector<std::string_view>& forms) const;
    const TagSet& tags() const { return tags_; }
    const Weights& weights() const { return weights_; }
    void write(ByteWriter& out) const;
    bool read(ByteReader& in);

  private:
    TagSet tags_;
    Weights weights_;
};

/// A training sentence for the tagger: forms and gold tag ids.
struct TaggedSentence {
    std::vector<std::string> forms;
    std::vector<int> tags;
};

struct TaggerTrainOptions {
    int epochs = 10;
    std::uint64_t seed = 1;
    float min_weight = 0.0f;
    std::uint32_t min_updates = 1;
};

/// Trains on `data` (deterministic for given data and options).
Tagger train_tagger(const std::vector<TaggedSentence>& data, const TagSet& tags, const TaggerTrainOptions& opt);

} // namespace newskg::syntax
