#pragma once
// Word classes learnt from running text (the training treebanks' words), for the
// parser's features: words that occur in the same contexts share a class, so what the
// parser learns of one carries over to the others. The class-bigram model of Brown et
// al. (1992), optimised by exchange (Martin, Liermann & Ney 1998): each word in turn
// moves to the class that most raises the likelihood of the text, a few passes over the
// vocabulary. Two clusterings of different sizes (coarse and fine) are kept, the way
// Koo et al. (2008) use short and long prefixes of Brown's bit strings.
//
// Deterministic: words are visited in a fixed order (count, then spelling), ties keep
// the lower class, and the counts are integers.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.hpp"

namespace newskg::syntax {

/// The spelling words are clustered and looked up by: lower case, digits as 0.
std::string cluster_form(std::string_view form);

struct ClusterOptions {
    std::vector<int> sizes{64, 512}; ///< classes of each clustering
    int iterations = 8;              ///< exchange passes
    std::uint32_t min_count = 2;     ///< rarer words get no class
};

class WordClusters {
  public:
    static constexpr std::uint16_t kUnknown = 0xffff;
    /// Learns the clusterings from sentences of words (any spelling: cluster_form is applied).
    static WordClusters learn(const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& opt);

    bool empty() const { return index_.empty(); }
    std::size_t words() const { return index_.size(); }
    std::size_t levels() const { return sizes_.size(); }
    /// Class of the word (hash_string of its cluster_form) at `level`, kUnknown if none.
    std::uint16_t get(std::uint64_t key, std::size_t level) const {
        auto it = index_.find(key);
        return it == index_.end() ? kUnknown : classes_[it->second * sizes_.size() + level];
    }

    void write(ByteWriter& out) const;
    bool read(ByteReader& in);

  private:
    std::vector<int> sizes_;
    std::vector<std::uint64_t> keys_;     ///< sorted
    std::vector<std::uint16_t> classes_;  ///< levels() per key
    std::unordered_map<std::uint64_t, std::uint32_t> index_;
};

} // namespace newskg::syntax
