#include "syntax/clusters.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "syntax/hash.hpp"

namespace newskg::syntax {

std::string cluster_form(std::string_view form) {
    std::string s(form);
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c >= '0' && c <= '9') c = '0';
    }
    return s;
}

namespace {

struct Neighbour {
    std::uint32_t word;
    std::uint32_t count;
};

/// One exchange clustering of `words` word ids into `classes` classes; returns the class
/// of each word id. succ/pred: each word's distinct right / left neighbours with counts.
std::vector<int> exchange(std::size_t words, const std::vector<std::uint64_t>& count,
                          const std::vector<std::vector<Neighbour>>& succ,
                          const std::vector<std::vector<Neighbour>>& pred, int classes, int iterations,
                          const std::vector<double>& xlogx) {
    const auto C = static_cast<std::size_t>(classes);
    std::vector<int> cls(words);
    for (std::size_t w = 0; w < words; ++w) cls[w] = static_cast<int>(w % C);
    std::vector<std::int64_t> N(C * C, 0), Nc(C, 0);
    for (std::size_t w = 0; w < words; ++w) {
        Nc[static_cast<std::size_t>(cls[w])] += static_cast<std::int64_t>(count[w]);
        for (const auto& nb : succ[w])
            N[static_cast<std::size_t>(cls[w]) * C + static_cast<std::size_t>(cls[nb.word])] += nb.count;
    }
    auto f = [&](std::int64_t x) { return xlogx[static_cast<std::size_t>(x)]; };
    std::vector<std::int64_t> rs(C, 0), ls(C, 0);
    std::vector<std::size_t> tr, tl;
    for (int it = 0; it < iterations; ++it) {
        std::size_t moved = 0;
        for (std::size_t w = 0; w < words; ++w) {
            const auto a = static_cast<std::size_t>(cls[w]);
            std::int64_t self = 0;
            tr.clear();
            tl.clear();
            for (const auto& nb : succ[w]) {
                if (nb.word == w) {
                    self += nb.count;
                    continue;
                }
                const auto d = static_cast<std::size_t>(cls[nb.word]);
                if (rs[d] == 0) tr.push_back(d);
                rs[d] += nb.count;
            }
            for (const auto& nb : pred[w]) {
                if (nb.word == w) continue;
                const auto c = static_cast<std::size_t>(cls[nb.word]);
                if (ls[c] == 0) tl.push_back(c);
                ls[c] += nb.count;
            }
            std::sort(tr.begin(), tr.end());
            std::sort(tl.begin(), tl.end());
            const auto cw = static_cast<std::int64_t>(count[w]);
            // Take w out of its class.
            for (std::size_t d : tr) N[a * C + d] -= rs[d];
            for (std::size_t c : tl) N[c * C + a] -= ls[c];
            N[a * C + a] -= self;
            Nc[a] -= cw;
            // The gain of putting it into each class b.
            std::size_t best = a;
            double best_gain = -1e300;
            for (std::size_t b = 0; b < C; ++b) {
                double g = 0;
                for (std::size_t d : tr)
                    if (d != b) g += f(N[b * C + d] + rs[d]) - f(N[b * C + d]);
                for (std::size_t c : tl)
                    if (c != b) g += f(N[c * C + b] + ls[c]) - f(N[c * C + b]);
                g += f(N[b * C + b] + rs[b] + ls[b] + self) - f(N[b * C + b]);
                g -= 2 * (f(Nc[b] + cw) - f(Nc[b]));
                if (g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9)) {
                    best_gain = g;
                    best = b;
                }
            }
            for (std::size_t d : tr) N[best * C + d] += rs[d];
            for (std::size_t c : tl) N[c * C + best] += ls[c];
            N[best * C + best] += self;
            Nc[best] += cw;
            if (best != a) ++moved;
            cls[w] = static_cast<int>(best);
            for (std::size_t d : tr) rs[d] = 0;
            for (std::size_t c : tl) ls[c] = 0;
        }
        if (moved == 0) break;
    }
    return cls;
}

} // namespace

WordClusters WordClusters::learn(const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& opt) {
    // Vocabulary: words of at least min_count; the others share one id ("rare"), and the
    // sentence boundary has one of its own, so the text keeps its shape.
    std::map<std::string, std::uint64_t> counts;
    for (const auto& s : sentences)
        for (const auto& w : s) ++counts[cluster_form(w)];
    std::vector<std::pair<std::string, std::uint64_t>> vocab;
    for (const auto& [w, c] : counts)
        if (c >= opt.min_count) vocab.emplace_back(w, c);
    std::stable_sort(vocab.begin(), vocab.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    const std::size_t real = vocab.size();
    const auto rare = static_cast<std::uint32_t>(real), boundary = static_cast<std::uint32_t>(real + 1);
    const std::size_t words = real + 2;
    std::unordered_map<std::string, std::uint32_t> id;
    for (std::size_t i = 0; i < real; ++i) id.emplace(vocab[i].first, static_cast<std::uint32_t>(i));

    std::vector<std::uint64_t> count(words, 0);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> bigrams;
    std::uint64_t total = 0;
    for (const auto& s : sentences) {
        std::uint32_t prev = boundary;
        ++count[boundary];
        for (const auto& w : s) {
            auto it = id.find(cluster_form(w));
            const std::uint32_t cur = it == id.end() ? rare : it->second;
            ++count[cur];
            ++bigrams[{prev, cur}];
            prev = cur;
        }
        ++bigrams[{prev, boundary}];
        total += s.size() + 2;
    }
    std::vector<std::vector<Neighbour>> succ(words), pred(words);
    for (const auto& [p, c] : bigrams) {
        succ[p.first].push_back({p.second, c});
        pred[p.second].push_back({p.first, c});
    }
    std::vector<double> xlogx(total + 2, 0.0);
    for (std::size_t x = 1; x < xlogx.size(); ++x) xlogx[x] = static_cast<double>(x) * std::log(static_cast<double>(x));

    WordClusters out;
    out.sizes_ = opt.sizes;
    std::vector<std::vector<int>> levels;
    for (int size : opt.sizes) levels.push_back(exchange(words, count, succ, pred, size, opt.iterations, xlogx));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    for (std::size_t i = 0; i < real; ++i) keyed.emplace_back(hash_string(vocab[i].first), static_cast<std::uint32_t>(i));
    std::sort(keyed.begin(), keyed.end());
    for (const auto& [k, i] : keyed) {
        out.keys_.push_back(k);
        for (const auto& l : levels) out.classes_.push_back(static_cast<std::uint16_t>(l[i]));
    }
    for (std::size_t i = 0; i < out.keys_.size(); ++i) out.index_.emplace(out.keys_[i], static_cast<std::uint32_t>(i));
    return out;
}

void WordClusters::write(ByteWriter& out) const {
    out.u32(static_cast<std::uint32_t>(sizes_.size()));
    for (int s : sizes_) out.u32(static_cast<std::uint32_t>(s));
    out.u32(static_cast<std::uint32_t>(keys_.size()));
    std::uint64_t prev = 0;
    for (std::uint64_t k : keys_) {
        out.u64(k - prev);
        prev = k;
    }
    for (std::uint16_t c : classes_) out.u16(c);
}

bool WordClusters::read(ByteReader& in) {
    const std::uint32_t levels = in.u32();
    if (in.failed() || levels > 8) return false;
    sizes_.clear();
    for (std::uint32_t l = 0; l < levels; ++l) {
        const std::uint32_t s = in.u32();
        if (s == 0 || s >= kUnknown) return false;
        sizes_.push_back(static_cast<int>(s));
    }
    const std::uint32_t n = in.u32();
    if (in.failed() || n > in.remaining() / 8) return false;
    keys_.assign(n, 0);
    std::uint64_t prev = 0;
    for (auto& k : keys_) {
        const std::uint64_t d = in.u64();
        if (d == 0 && prev != 0) return false;
        prev += d;
        k = prev;
    }
    classes_.assign(static_cast<std::size_t>(n) * levels, 0);
    for (std::size_t i = 0; i < classes_.size(); ++i) {
        classes_[i] = in.u16();
        if (classes_[i] >= static_cast<std::uint32_t>(sizes_[i % levels])) return false;
    }
    if (in.failed()) return false;
    index_.clear();
    for (std::size_t i = 0; i < keys_.size(); ++i) index_.emplace(keys_[i], static_cast<std::uint32_t>(i));
    return true;
}

} // namespace newskg::syntax
