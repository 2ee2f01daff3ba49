#pragma once
// Part-of-speech tagger: a greedy left-to-right averaged perceptron over joint
// "UPOS XPOS" tags (one decision gives both, so they never disagree), with word,
// affix, shape and neighbouring-word and neighbouring-tag features.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
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

/// A training sentence for the tagger: forms and gold tag ids.
struct TaggedSentence {
    std::vector<std::string> forms;
    std::vector<int> tags;
};

/// The tags each word (lower case) seen often enough in training had, as one hashed
/// class ("struck": VBD or VBN; "shot": NN or VBN). A feature on the class pools what
/// thousands of words of that class teach, where a rare word's own weights are weak and
/// lose to its neighbours ("Estonia struck Latvia" is no name "Estonia Struck").
class AmbiguityClasses {
  public:
    /// Words seen at least `min_count` times (none when 0); a tag joins a word's class when it is at
    /// least 1/20 of the word's occurrences (one-off annotation slips stay out).
    /// `lexicon` (lower-case word → tag ids) gives the classes of words the data has fewer
    /// than `min_count` times: closed-class words and irregular verb forms a treebank may
    /// hold once or never ("amid", "swore"); the tags the data has join them.
    static AmbiguityClasses learn(const std::vector<TaggedSentence>& data, std::size_t min_count,
                                  const std::map<std::string, std::vector<int>>& lexicon = {});
    /// The class of a lower-case form, or 0 for a word without one.
    std::uint64_t of(const std::string& lower_form) const;
    /// out[i] = of(lower_forms[i]) for every form, looked up together: the cache misses of
    /// a sentence's words overlap instead of queueing one behind another.
    void of_each(const std::vector<std::string>& lower_forms, std::uint64_t* out) const;
    std::size_t size() const { return words_.size(); }
    void write(ByteWriter& out) const;
    bool read(ByteReader& in);

  private:
    /// Keeps `words` sorted (the first of equal words only) and indexes them.
    void index(std::vector<std::pair<std::string, std::uint64_t>> words);
    /// The slot where a probe for the word hashed `h` starts.
    std::size_t home(std::uint64_t h) const { return static_cast<std::size_t>(h) & mask_; }
    static std::uint32_t fingerprint(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

    // A flat table instead of a node-based map: a lookup is one cache line of slots and
    // then the word, and the lines can be prefetched (of_each).
    struct Slot {
        std::uint32_t fingerprint = 0;
        std::uint32_t word = 0; ///< index into words_ + 1; 0 empty
    };
    std::vector<std::pair<std::string, std::uint64_t>> words_; ///< sorted by word
    std::vector<Slot> slots_; ///< open addressing on the word's hash
    std::size_t mask_ = 0;
};

/// Hashes of one word's surface features, computed once a sentence; `amb` is its
/// ambiguity class (a fixed "none" value for words without one).
struct WordFeatures {
    std::uint64_t form = 0, lower = 0, shape = 0, amb = 0;
    std::uint64_t suffix[4] = {};
    std::uint64_t prefix[3] = {};
};
WordFeatures word_features(std::string_view form, const AmbiguityClasses* classes = nullptr);
/// word_features of every form, the classes looked up together (AmbiguityClasses::of_each).
std::vector<WordFeatures> sentence_features(const std::vector<std::string_view>& forms, const AmbiguityClasses& classes);

/// The tagger's features for word i given the two previous tags; returns the count.
std::size_t tagger_features(const std::vector<WordFeatures>& words, std::size_t i, int prev1, int prev2,
                            std::uint64_t* out);
inline constexpr std::size_t kMaxTaggerFeatures = 40;

class Tagger {
  public:
    Tagger() = default;
    Tagger(TagSet tags, Weights weights, AmbiguityClasses classes)
        : tags_(std::move(tags)), weights_(std::move(weights)), classes_(std::move(classes)) {}
    /// One tag id per form.
    /// `forced`: a tag index per word to take instead of the best guess (−1: guess), so
    /// that the next words' features see it.
    std::vector<int> tag(const std::vector<std::string_view>& forms, const std::vector<int>* forced = nullptr) const;
    const TagSet& tags() const { return tags_; }
    const Weights& weights() const { return weights_; }
    const AmbiguityClasses& ambiguity_classes() const { return classes_; }
    void write(ByteWriter& out) const;
    bool read(ByteReader& in);

  private:
    TagSet tags_;
    Weights weights_;
    AmbiguityClasses classes_;
};

struct TaggerTrainOptions {
    int epochs = 10;
    std::uint64_t seed = 1;
    float min_weight = 0.0f;
    std::uint32_t min_updates = 1;
    std::size_t ambiguity_min_count = 2; ///< see AmbiguityClasses::learn
    std::map<std::string, std::vector<int>> lexicon; ///< see AmbiguityClasses::learn
};

/// Trains on `data` (deterministic for given data and options); the ambiguity classes are
/// learnt from `data` too, so a jackknife fold's tagger knows only its own folds' words.
Tagger train_tagger(const std::vector<TaggedSentence>& data, const TagSet& tags, const TaggerTrainOptions& opt);

} // namespace newskg::syntax
