#include "syntax/weights.hpp"

#include <algorithm>
#include <cmath>

namespace newskg::syntax {

// ---------------------------------------------------------------- Weights

void Weights::score(const std::uint64_t* keys, std::size_t n, float* scores) const {
    if (slots_.empty()) return;
    // Prefetch every slot first: the lookups are independent cache misses, and issuing
    // them together lets the memory system serve them in parallel.
    for (std::size_t k = 0; k < n; ++k)
        __builtin_prefetch(&slots_[static_cast<std::size_t>(keys[k]) & mask_]);
    for (std::size_t k = 0; k < n; ++k) {
        const Slot* s = find(keys[k]);
        if (!s) continue;
        for (std::uint32_t e = s->begin; e < s->end; ++e) scores[entries_[e].cls] += entries_[e].w;
    }
}

void Weights::build(std::vector<Row> rows) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
    rows_ = rows.size();
    std::size_t cap = 16;
    while (cap < rows_ * 2) cap <<= 1;
    mask_ = cap - 1;
    slots_.assign(cap, Slot{});
    entries_.clear();
    row_keys_.clear();
    row_begin_.assign(1, 0);
    for (auto& r : rows) {
        Slot s;
        s.key = r.key;
        s.begin = static_cast<std::uint32_t>(entries_.size());
        entries_.insert(entries_.end(), r.entries.begin(), r.entries.end());
        s.end = static_cast<std::uint32_t>(entries_.size());
        row_keys_.push_back(r.key);
        row_begin_.push_back(s.end);
        std::size_t i = static_cast<std::size_t>(r.key) & mask_;
        while (slots_[i].key != 0) i = (i + 1) & mask_;
        slots_[i] = s;
    }
}

Weights Weights::from_rows(std::vector<Row> rows, std::size_t classes) {
    Weights w;
    w.classes_ = classes;
    w.build(std::move(rows));
    return w;
}

// Rows are written in key order; weights as 16-bit integers on one scale per table
// (the perceptron's averaged weights need no more precision than that, and it halves
// the file).
void Weights::write(ByteWriter& out) const {
    float maxw = 0;
    for (const auto& e : entries_) maxw = std::max(maxw, std::fabs(e.w));
    const float scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
    out.u32(static_cast<std::uint32_t>(classes_));
    out.u32(static_cast<std::uint32_t>(rows_));
    out.f32(scale);
    // Keys first (as deltas, which compress), then row lengths, then the entries.
    std::uint64_t prev = 0;
    for (std::uint64_t k : row_keys_) {
        out.u64(k - prev);
        prev = k;
    }
    for (std::size_t i = 0; i < rows_; ++i) out.u8(static_cast<std::uint8_t>(row_begin_[i + 1] - row_begin_[i]));
    const bool wide = classes_ > 255;
    for (const auto& e : entries_) {
        if (wide) out.u16(static_cast<std::uint16_t>(e.cls));
        else out.u8(static_cast<std::uint8_t>(e.cls));
    }
    for (const auto& e : entries_) out.i16(static_cast<std::int16_t>(std::lround(e.w / scale)));
}

bool Weights::read(ByteReader& in) {
    const std::size_t classes = in.u32();
    const std::size_t rows = in.u32();
    const float scale = in.f32();
    if (in.failed() || classes == 0 || classes > 65535 || rows > (1u << 28)) return false;
    std::vector<Row> rs(rows);
    std::uint64_t prev = 0;
    for (auto& r : rs) {
        prev += in.u64();
        r.key = prev;
    }
    for (auto& r : rs) r.entries.resize(in.u8());
    const bool wide = classes > 255;
    for (auto& r : rs)
        for (auto& e : r.entries) {
            e.cls = wide ? in.u16() : in.u8();
            if (e.cls >= classes) return false;
        }
    for (auto& r : rs)
        for (auto& e : r.entries) e.w = static_cast<float>(in.i16()) * scale;
    if (in.failed()) return false;
    classes_ = classes;
    build(std::move(rs));
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
