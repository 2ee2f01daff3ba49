#include "syntax/weights.hpp"

#include <algorithm>
#include <cmath>
#if defined(__x86_64__) || defined(__i386__)
#define NEWSKG_X86_SIMD 1
#include <emmintrin.h>
#include <immintrin.h>
#endif

namespace newskg::syntax {

// ---------------------------------------------------------------- Weights

namespace {

// Dense rows are added a block of columns at a time: every row's block into the same
// accumulators, which stay in registers, and are stored once. Adding row by row loaded
// and stored all the sums again for each of the ~50 dense rows of a parser move.
// Integer sums: the order of the additions does not change the result.

#ifdef NEWSKG_X86_SIMD
/// acc[c .. c + 8·kRegs) += the same columns of every row (16-bit weights into 32-bit
/// sums), with AVX2, for the processors that have it (checked at run time, so the binary
/// still runs on plain x86-64).
template <int kRegs>
__attribute__((target("avx2"))) inline void add_dense_block_avx2(const std::int16_t* const* rows, std::size_t n,
                                                                  std::size_t c, std::int32_t* acc) {
    __m256i sum[kRegs];
#pragma GCC unroll 8
    for (int j = 0; j < kRegs; ++j) sum[j] = _mm256_setzero_si256();
    for (std::size_t r = 0; r < n; ++r) {
        const std::int16_t* w = rows[r] + c;
#pragma GCC unroll 8
        for (int j = 0; j < kRegs; ++j) {
            const __m128i eight = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 8 * j));
            sum[j] = _mm256_add_epi32(sum[j], _mm256_cvtepi16_epi32(eight));
        }
    }
#pragma GCC unroll 8
    for (int j = 0; j < kRegs; ++j) {
        __m256i* a = reinterpret_cast<__m256i*>(acc + c + 8 * j);
        _mm256_storeu_si256(a, _mm256_add_epi32(_mm256_loadu_si256(a), sum[j]));
    }
}

/// acc[0..stride) += rows[0..n)[0..stride); stride is a multiple of 8. Blocks of 64
/// columns use 8 of the 16 vector registers; the rest goes in blocks of 32, 16 and 8.
__attribute__((target("avx2"))) void add_dense_rows_avx2(const std::int16_t* const* rows, std::size_t n,
                                                         std::size_t stride, std::int32_t* acc) {
    std::size_t c = 0;
    for (; c + 64 <= stride; c += 64) add_dense_block_avx2<8>(rows, n, c, acc);
    if (c + 32 <= stride) add_dense_block_avx2<4>(rows, n, c, acc), c += 32;
    if (c + 16 <= stride) add_dense_block_avx2<2>(rows, n, c, acc), c += 16;
    if (c + 8 <= stride) add_dense_block_avx2<1>(rows, n, c, acc);
}

/// The same with SSE2 (every x86-64 processor): kRegs·8 columns in 2·kRegs registers.
template <int kRegs>
inline void add_dense_block_sse2(const std::int16_t* const* rows, std::size_t n, std::size_t c, std::int32_t* acc) {
    __m128i sum[2 * kRegs];
#pragma GCC unroll 12
    for (int j = 0; j < 2 * kRegs; ++j) sum[j] = _mm_setzero_si128();
    for (std::size_t r = 0; r < n; ++r) {
        const std::int16_t* w = rows[r] + c;
#pragma GCC unroll 6
        for (int j = 0; j < kRegs; ++j) {
            const __m128i eight = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 8 * j));
            // Sign-extend the 16-bit lanes to 32 bits: put them in the high halves and shift.
            const __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(_mm_setzero_si128(), eight), 16);
            const __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(_mm_setzero_si128(), eight), 16);
            sum[2 * j] = _mm_add_epi32(sum[2 * j], lo);
            sum[2 * j + 1] = _mm_add_epi32(sum[2 * j + 1], hi);
        }
    }
#pragma GCC unroll 12
    for (int j = 0; j < 2 * kRegs; ++j) {
        __m128i* a = reinterpret_cast<__m128i*>(acc + c + 4 * j);
        _mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), sum[j]));
    }
}

void add_dense_rows_sse2(const std::int16_t* const* rows, std::size_t n, std::size_t stride, std::int32_t* acc) {
    std::size_t c = 0;
    for (; c + 48 <= stride; c += 48) add_dense_block_sse2<6>(rows, n, c, acc);
    if (c + 32 <= stride) add_dense_block_sse2<4>(rows, n, c, acc), c += 32;
    if (c + 16 <= stride) add_dense_block_sse2<2>(rows, n, c, acc), c += 16;
    if (c + 8 <= stride) add_dense_block_sse2<1>(rows, n, c, acc);
}

bool has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
#else
/// Other processors: the compiler vectorises this plain loop as it can (same sums).
void add_dense_rows_scalar(const std::int16_t* const* rows, std::size_t n, std::size_t stride, std::int32_t* acc) {
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < stride; ++c) acc[c] += rows[r][c];
}
#endif

/// acc[class] += weight for every entry of each sparse row (length, then class << 16 | weight).
void add_sparse_rows(const std::uint32_t* const* rows, std::size_t n, std::int32_t* acc) {
    for (std::size_t r = 0; r < n; ++r) {
        const std::uint32_t* row = rows[r];
        const std::uint32_t len = row[0];
        for (std::uint32_t e = 1; e <= len; ++e) acc[row[e] >> 16] += static_cast<std::int16_t>(row[e] & 0xffffu);
    }
}

} // namespace

void Weights::score(const std::uint64_t* keys, std::size_t n, float* scores) const {
    if (slots_.empty()) return;
    // Passes so that the cache misses overlap instead of queueing one behind another:
    // prefetch the slots, then find the rows and prefetch them, then add (in integers;
    // scaled once at the end).
    constexpr std::size_t kBatch = 128;
    const std::int16_t* dense_rows[kBatch];
    const std::uint32_t* sparse_rows[kBatch];
    alignas(32) std::int32_t acc[kMaxDenseClasses + 8];
    const std::size_t width = dense_stride_ ? dense_stride_ : classes_;
    std::fill(acc, acc + std::min(width, kMaxDenseClasses), 0);
    std::vector<std::int32_t> wide_acc; // only for a table with more classes than acc holds
    std::int32_t* sums = acc;
    if (width > kMaxDenseClasses) {
        wide_acc.assign(width, 0);
        sums = wide_acc.data();
    }
#ifdef NEWSKG_X86_SIMD
    const bool avx2 = has_avx2();
#endif
    for (std::size_t base = 0; base < n; base += kBatch) {
        const std::size_t m = std::min(kBatch, n - base);
        for (std::size_t k = 0; k < m; ++k) __builtin_prefetch(&slots_[static_cast<std::size_t>(keys[base + k]) & mask_]);
        std::size_t n_dense = 0, n_sparse = 0;
        for (std::size_t k = 0; k < m; ++k) {
            const Slot* s = find(keys[base + k]);
            if (!s) continue;
            if (s->record & kDense) {
                // Only the first line: the dense rows are the frequent features, mostly
                // in the cache already, and fetching all their lines cost more than it gave.
                const std::int16_t* row = &dense_[((s->record & ~kDense) - 1) * dense_stride_];
                __builtin_prefetch(row);
                dense_rows[n_dense++] = row;
            } else {
                // One line: build() keeps a row of up to 15 entries within one (longer
                // ones are dense unless the table has very many classes).
                const std::uint32_t* row = &records_[s->record - 1];
                __builtin_prefetch(row);
                sparse_rows[n_sparse++] = row;
            }
        }
        if (n_dense) {
#ifdef NEWSKG_X86_SIMD
            if (avx2) add_dense_rows_avx2(dense_rows, n_dense, dense_stride_, sums);
            else add_dense_rows_sse2(dense_rows, n_dense, dense_stride_, sums);
#else
            add_dense_rows_scalar(dense_rows, n_dense, dense_stride_, sums);
#endif
        }
        add_sparse_rows(sparse_rows, n_sparse, sums);
    }
    for (std::size_t k = 0; k < classes_; ++k) scores[k] += static_cast<float>(sums[k]) * scale_;
}

namespace {

constexpr std::size_t kLineWords = 64 / sizeof(std::uint32_t);

/// Where a record of `words` words goes when the records so far end at `end`: there, or
/// with `in_one_line`, when it fits in a cache line but would straddle two, at the start
/// of the next line (records_ is line-aligned), so that one prefetch brings all of it —
/// a little padding costs less than fetching a second line for every row.
std::size_t place_record(std::size_t end, std::size_t words, bool in_one_line) {
    const std::size_t used = end % kLineWords;
    if (in_one_line && words <= kLineWords && used + words > kLineWords) return end + kLineWords - used;
    return end;
}

} // namespace

void Weights::build(std::vector<std::uint64_t> keys, const std::vector<std::uint8_t>& lengths,
                    const std::vector<std::uint16_t>& cls, const std::vector<std::int16_t>& q, float scale) {
    rows_ = keys.size();
    entries_ = cls.size();
    scale_ = scale;
    dense_stride_ = classes_ <= kMaxDenseClasses ? (classes_ + 7) / 8 * 8 : 0;
    auto is_dense = [&](std::size_t r) { return dense_stride_ && lengths[r] >= kDenseMinEntries; };

    // Each row's record: its length, then class << 16 | weight for each entry. Those of
    // the rows read while scoring (the sparse ones) first and together, then those of
    // the dense rows, which only write() reads.
    row_records_.assign(rows_, 0);
    std::size_t end = 0, n_dense = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t r = 0; r < rows_; ++r) {
            if (is_dense(r) != (pass == 1)) continue;
            end = place_record(end, lengths[r] + 1u, pass == 0);
            row_records_[r] = static_cast<std::uint32_t>(end);
            end += lengths[r] + 1u;
            n_dense += pass == 1;
        }
    records_ = PageArray<std::uint32_t>(end);
    dense_ = PageArray<std::int16_t>(n_dense * dense_stride_);

    // Load factor up to 3/4: a smaller table misses the cache less, and with 8 slots to
    // a cache line a longer probe mostly stays in the line. Filled in key order, so that
    // the same rows always give the same slots.
    std::size_t cap = 16;
    while (cap * 3 < rows_ * 4) cap <<= 1;
    mask_ = cap - 1;
    slots_ = PageArray<Slot>(cap);

    std::size_t e = 0, d = 0;
    for (std::size_t r = 0; r < rows_; ++r) {
        const std::size_t len = lengths[r];
        std::uint32_t* rec = &records_[row_records_[r]];
        rec[0] = static_cast<std::uint32_t>(len);
        for (std::size_t k = 0; k < len; ++k)
            rec[k + 1] = static_cast<std::uint32_t>(cls[e + k]) << 16 | static_cast<std::uint16_t>(q[e + k]);
        std::uint32_t slot_record = row_records_[r] + 1;
        if (is_dense(r)) {
            for (std::size_t k = 0; k < len; ++k) dense_[d * dense_stride_ + cls[e + k]] = q[e + k];
            slot_record = kDense | static_cast<std::uint32_t>(++d);
        }
        e += len;
        std::size_t i = static_cast<std::size_t>(keys[r]) & mask_;
        while (slots_[i].record != 0) i = (i + 1) & mask_;
        slots_[i] = Slot{fingerprint_of(keys[r]), slot_record};
    }
    row_keys_ = std::move(keys);
}

Weights Weights::from_rows(std::vector<Row> rows, std::size_t classes) {
    // Sorted by key, so the same rows always give the same layout and file.
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
    float maxw = 0;
    for (const auto& r : rows)
        for (const auto& en : r.entries) maxw = std::max(maxw, std::fabs(en.w));
    const float scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
    std::vector<std::uint64_t> keys;
    std::vector<std::uint8_t> lengths;
    std::vector<std::uint16_t> cls;
    std::vector<std::int16_t> q;
    for (const auto& r : rows) {
        std::size_t n = 0;
        for (const auto& en : r.entries) {
            const long v = std::lround(en.w / scale);
            if (v == 0 || n == 255) continue;
            cls.push_back(static_cast<std::uint16_t>(en.cls));
            q.push_back(static_cast<std::int16_t>(v));
            ++n;
        }
        if (n == 0) continue;
        keys.push_back(r.key);
        lengths.push_back(static_cast<std::uint8_t>(n));
    }
    Weights w;
    w.classes_ = classes;
    w.build(std::move(keys), lengths, cls, q, scale);
    return w;
}

// File layout: classes, rows, scale; the sorted keys as deltas; the row lengths (one
// byte); the classes; the weights — each kind together, which gzip compresses best.
void Weights::write(ByteWriter& out) const {
    out.u32(static_cast<std::uint32_t>(classes_));
    out.u32(static_cast<std::uint32_t>(rows_));
    out.f32(scale_);
    std::uint64_t prev = 0;
    for (std::uint64_t k : row_keys_) {
        out.u64(k - prev);
        prev = k;
    }
    for (std::uint32_t r : row_records_) out.u8(static_cast<std::uint8_t>(records_[r]));
    const bool wide = classes_ > 255;
    for (std::uint32_t r : row_records_)
        for (std::uint32_t e = 1; e <= records_[r]; ++e) {
            const auto cls = records_[r + e] >> 16;
            if (wide) out.u16(static_cast<std::uint16_t>(cls));
            else out.u8(static_cast<std::uint8_t>(cls));
        }
    for (std::uint32_t r : row_records_)
        for (std::uint32_t e = 1; e <= records_[r]; ++e)
            out.u16(static_cast<std::uint16_t>(records_[r + e] & 0xffffu));
}

bool Weights::read(ByteReader& in) {
    const std::size_t classes = in.u32();
    const std::size_t rows = in.u32();
    const float scale = in.f32();
    // Every row takes at least 9 bytes (key and length): a count the file cannot hold is
    // corruption, refused before allocating for it.
    if (in.failed() || classes == 0 || classes > 65535 || rows > in.remaining() / 9 || !(scale > 0)) return false;
    std::vector<std::uint64_t> keys(rows);
    std::uint64_t prev = 0;
    for (auto& k : keys) {
        const std::uint64_t d = in.u64();
        if (d == 0 && prev != 0) return false; // keys are distinct and ascending
        prev += d;
        k = prev;
    }
    std::vector<std::uint8_t> lengths(rows);
    std::size_t entries = 0;
    for (auto& l : lengths) entries += (l = in.u8());
    if (in.failed()) return false;
    std::vector<std::uint16_t> cls(entries);
    const bool wide = classes > 255;
    for (auto& c : cls) {
        c = wide ? in.u16() : in.u8();
        if (c >= classes) return false;
    }
    std::vector<std::int16_t> q(entries);
    for (auto& v : q) v = in.i16();
    if (in.failed()) return false;
    classes_ = classes;
    build(std::move(keys), lengths, cls, q, scale);
    return true;
}

// ---------------------------------------------------------------- WeightTrainer

void WeightTrainer::rehash(std::size_t capacity) {
    keys_.assign(capacity, 0);
    index_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (std::uint32_t r = 0; r < rows_.size(); ++r) {
        std::size_t i = static_cast<std::size_t>(rows_[r].key) & mask_;
        while (keys_[i] != 0) i = (i + 1) & mask_;
        keys_[i] = rows_[r].key;
        index_[i] = r;
    }
}

std::int64_t WeightTrainer::find(std::uint64_t key) const {
    std::size_t i = static_cast<std::size_t>(key) & mask_;
    for (;;) {
        if (keys_[i] == key) return index_[i];
        if (keys_[i] == 0) return -1;
        i = (i + 1) & mask_;
    }
}

std::uint32_t WeightTrainer::find_or_add(std::uint64_t key) {
    if (auto r = find(key); r >= 0) return static_cast<std::uint32_t>(r);
    if ((rows_.size() + 1) * 2 > keys_.size()) rehash(keys_.size() * 2);
    const auto r = static_cast<std::uint32_t>(rows_.size());
    rows_.push_back(Row{key, 0, {}});
    std::size_t i = static_cast<std::size_t>(key) & mask_;
    while (keys_[i] != 0) i = (i + 1) & mask_;
    keys_[i] = key;
    index_[i] = r;
    return r;
}

void WeightTrainer::score(const std::uint64_t* keys, std::size_t n, float* scores) const {
    for (std::size_t k = 0; k < n; ++k) {
        auto r = find(keys[k]);
        if (r < 0) continue;
        for (const auto& e : rows_[static_cast<std::size_t>(r)].entries) scores[e.cls] += e.w;
    }
}

void WeightTrainer::bump(Row& r, std::uint32_t cls, float d, double t) {
    for (auto& e : r.entries)
        if (e.cls == cls) {
            e.w += d;
            e.u += t * d;
            return;
        }
    r.entries.push_back(Entry{cls, d, t * d});
}

void WeightTrainer::update(const std::uint64_t* keys, std::size_t n, std::uint32_t good, std::uint32_t bad,
                           double t) {
    if (good == bad) return;
    for (std::size_t k = 0; k < n; ++k) {
        Row& r = rows_[find_or_add(keys[k])];
        ++r.updates;
        bump(r, good, 1.0f, t);
        bump(r, bad, -1.0f, t);
    }
}

Weights WeightTrainer::finish(double t, float min_weight, std::uint32_t min_updates) const {
    std::vector<Weights::Row> out;
    for (const auto& r : rows_) {
        if (r.updates < min_updates) continue;
        Weights::Row row{r.key, {}};
        for (const auto& e : r.entries) {
            const double avg = e.w - e.u / t;
            if (std::fabs(avg) >= min_weight) row.entries.push_back({e.cls, static_cast<float>(avg)});
        }
        if (row.entries.empty()) continue;
        // At most 255 entries a row (one length byte in the file): keep the largest.
        if (row.entries.size() > 255) {
            std::stable_sort(row.entries.begin(), row.entries.end(),
                             [](const Weights::Entry& a, const Weights::Entry& b) { return std::fabs(a.w) > std::fabs(b.w); });
            row.entries.resize(255);
        }
        std::sort(row.entries.begin(), row.entries.end(),
                  [](const Weights::Entry& a, const Weights::Entry& b) { return a.cls < b.cls; });
        out.push_back(std::move(row));
    }
    return Weights::from_rows(std::move(out), classes_);
}

} // namespace newskg::syntax
