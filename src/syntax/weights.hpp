#pragma once
// The linear models of the tagger and the parser: a feature key (64-bit hash) maps to a
// short sparse row of (class, weight). Perceptron rows are sparse — a feature is only
// ever updated for the classes it was confused between — so a sparse row is both
// smaller and faster to add up than a dense one.
//
// Weights is the read-only table used for prediction; WeightTrainer holds the averaged
// perceptron's running sums while training and produces a pruned Weights.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "syntax/binary_io.hpp"
#include "syntax/page_array.hpp"

namespace newskg::syntax {

class Weights {
  public:
    struct Entry {
        std::uint32_t cls;
        float w;
    };
    /// Adds the rows of `keys` to `scores` (one float per class).
    void score(const std::uint64_t* keys, std::size_t n, float* scores) const;
    /// Starts fetching the slot of `key` into the cache, for a score() soon after: a
    /// caller that makes its keys one by one can so overlap their cache misses with the
    /// work of making the others.
    void prefetch(std::uint64_t key) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::size_t>(key) & mask_]);
    }
    std::size_t rows() const { return rows_; }
    std::size_t entries() const { return entries_; }
    std::size_t classes() const { return classes_; }

    void write(ByteWriter& out) const;
    /// false when the bytes are inconsistent.
    bool read(ByteReader& in);

    struct Row {
        std::uint64_t key;
        std::vector<Entry> entries;
    };
    /// Built from rows given in any order; weights are stored as 16-bit integers on one
    /// scale (max |w| / 32767), which is all the precision a perceptron's weights need.
    static Weights from_rows(std::vector<Row> rows, std::size_t classes);

  private:
    // Memory layout for speed: prediction is bound by cache misses, so a slot is 8 bytes
    // (32 bits of the key as a fingerprint, the row's offset) and a row is one run of
    // 32-bit words — its length, then (class << 16 | weight) — usually one cache line.
    // A row with many classes (the features of frequent tags and words) is stored dense
    // instead, as 16-bit weights for every class, added with SIMD: summing ~100 sparse
    // entries one by one was most of the parser's time.
    struct Slot {
        std::uint32_t fingerprint = 0;
        std::uint32_t record = 0; ///< offset into records_ + 1 (kDense: a dense row's index + 1); 0 empty
    };
    static constexpr std::uint32_t kDense = 0x80000000u;
    static constexpr std::size_t kDenseMinEntries = 16;
    static constexpr std::size_t kMaxDenseClasses = 512;
    static std::uint32_t fingerprint_of(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
    const Slot* find(std::uint64_t key) const {
        const std::uint32_t fp = fingerprint_of(key);
        std::size_t i = static_cast<std::size_t>(key) & mask_;
        for (;;) {
            const Slot& s = slots_[i];
            if (s.record == 0) return nullptr;
            if (s.fingerprint == fp) return &s;
            i = (i + 1) & mask_;
        }
    }
    /// Lays out rows given in key order, flat: row i has lengths[i] entries, taken in
    /// turn from `cls` and `q` (the weight of an entry is q * scale).
    void build(std::vector<std::uint64_t> keys, const std::vector<std::uint8_t>& lengths,
               const std::vector<std::uint16_t>& cls, const std::vector<std::int16_t>& q, float scale);

    std::size_t classes_ = 0;
    std::size_t rows_ = 0;
    std::size_t entries_ = 0;
    std::size_t mask_ = 0;
    float scale_ = 1.0f;
    PageArray<Slot> slots_;
    PageArray<std::uint32_t> records_;
    std::size_t dense_stride_ = 0; ///< classes rounded up to 8
    PageArray<std::int16_t> dense_;
    std::vector<std::uint64_t> row_keys_;    ///< sorted, for writing
    std::vector<std::uint32_t> row_records_; ///< offset of each sorted row's record
};

/// Averaged perceptron with the "sum of updates weighted by time" trick (Daumé 2006):
/// average = w − u / t, with no per-step cost.
class WeightTrainer {
  public:
    explicit WeightTrainer(std::size_t classes) : classes_(classes) { rehash(1 << 16); }
    void score(const std::uint64_t* keys, std::size_t n, float* scores) const;
    /// One perceptron step at time `t` (≥ 1): +1 for `good`, −1 for `bad` on every key.
    void update(const std::uint64_t* keys, std::size_t n, std::uint32_t good, std::uint32_t bad, double t);
    /// The averaged weights at time `t`, dropping those with |w| < `min_weight` and rows
    /// whose feature was updated fewer than `min_updates` times.
    Weights finish(double t, float min_weight, std::uint32_t min_updates) const;
    std::size_t rows() const { return rows_.size(); }

  private:
    struct Entry {
        std::uint32_t cls;
        float w;
        double u;
    };
    struct Row {
        std::uint64_t key;
        std::uint32_t updates = 0;
        std::vector<Entry> entries;
    };
    std::int64_t find(std::uint64_t key) const;
    std::uint32_t find_or_add(std::uint64_t key);
    void rehash(std::size_t capacity);
    static void bump(Row& r, std::uint32_t cls, float d, double t);

    std::size_t classes_;
    std::vector<std::uint64_t> keys_; ///< open addressing, 0 empty
    std::vector<std::uint32_t> index_;
    std::size_t mask_ = 0;
    std::vector<Row> rows_;
};

} // namespace newskg::syntax
