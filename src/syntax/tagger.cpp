#include "syntax/tagger.hpp"
#include "core/ascii_case.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "syntax/first_max.hpp"
#include "syntax/hash.hpp"

namespace newskg::syntax {

// ---------------------------------------------------------------- TagSet

int TagSet::find(std::string_view u, std::string_view x) const {
    for (std::size_t i = 0; i < upos.size(); ++i)
        if (upos[i] == u && xpos[i] == x) return static_cast<int>(i);
    return -1;
}

int TagSet::add(std::string_view u, std::string_view x) {
    if (int i = find(u, x); i >= 0) return i;
    upos.emplace_back(u);
    xpos.emplace_back(x);
    return static_cast<int>(upos.size() - 1);
}

void TagSet::write(ByteWriter& out) const {
    out.u32(static_cast<std::uint32_t>(upos.size()));
    for (std::size_t i = 0; i < upos.size(); ++i) {
        out.str(upos[i]);
        out.str(xpos[i]);
    }
}

bool TagSet::read(ByteReader& in) {
    const std::uint32_t n = in.u32();
    if (n > 4096) return false;
    upos.clear();
    xpos.clear();
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i) {
        upos.push_back(in.str());
        xpos.push_back(in.str());
    }
    return !in.failed();
}

// ---------------------------------------------------------------- features

namespace {

/// Character classes, runs collapsed: "McCain" → "XxXx", "3.5" → "d.d", "U.S." → "X.X.".
std::string shape_of(std::string_view w) {
    std::string s;
    for (unsigned char c : w) {
        char k;
        if (c >= 'A' && c <= 'Z') k = 'X';
        else if (c >= 'a' && c <= 'z') k = 'x';
        else if (c >= '0' && c <= '9') k = 'd';
        else if (c >= 0x80) k = 'u';
        else k = static_cast<char>(c);
        if (s.empty() || s.back() != k) s.push_back(k);
        if (s.size() >= 8) break;
    }
    return s;
}

enum TaggerTemplate : std::uint64_t {
    T_BIAS = 1, T_FORM, T_LOWER, T_SUF1, T_SUF2, T_SUF3, T_SUF4, T_PRE1, T_PRE2, T_PRE3, T_SHAPE,
    T_WM1, T_WP1, T_WM2, T_WP2, T_T1, T_T12, T_T1W, T_WM1W, T_WWP1, T_SUF3M1, T_SUF3P1, T_SHAPEP1,
    T_SHAPEM1, T_FIRST, T_WM1WP1, T_T2, T_T1SUF3, T_SUF2P1, T_T1WP1, T_WSUF3P1,
    T_AMB, T_AMBT1, T_AMBP1, T_AMBAMBP1
};

constexpr std::uint64_t kNone = 0x51ed270b27d1d4e5ull; // a neighbour past the sentence's edge
constexpr std::uint64_t kNoClass = 0x2b7e151628aed2a6ull; // a word without an ambiguity class

} // namespace

// ---------------------------------------------------------------- AmbiguityClasses

AmbiguityClasses AmbiguityClasses::learn(const std::vector<TaggedSentence>& data, std::size_t min_count,
                                         const std::map<std::string, std::vector<int>>& lexicon) {
    std::map<std::string, std::map<int, std::size_t>> seen; // ordered: the same classes on every run
    for (const auto& s : data)
        for (std::size_t i = 0; i < s.forms.size(); ++i) ++seen[ascii_lower(s.forms[i])][s.tags[i]];
    AmbiguityClasses out;
    if (min_count == 0) return out;
    auto key_of = [](const std::set<int>& tags) {
        std::string key;
        for (int t : tags) key += std::to_string(t) + ",";
        return hash_string(key);
    };
    std::map<std::string, std::uint64_t> classes;
    for (const auto& [word, tags] : seen) {
        std::size_t total = 0;
        for (const auto& [tag, n] : tags) total += n;
        if (total < min_count) continue;
        std::set<int> cls;
        for (const auto& [tag, n] : tags)
            if (n * 20 >= total) cls.insert(tag);
        classes.emplace(word, key_of(cls));
    }
    for (const auto& [word, tags] : lexicon) {
        const std::string low = ascii_lower(word);
        if (classes.count(low)) continue; // the data knows it well enough
        std::set<int> cls(tags.begin(), tags.end());
        if (auto it = seen.find(low); it != seen.end())
            for (const auto& [tag, n] : it->second) cls.insert(tag);
        classes.emplace(low, key_of(cls));
    }
    out.index({classes.begin(), classes.end()});
    return out;
}

namespace {

/// The hash the classes are indexed by; mixed, as FNV's low bits are weak.
std::uint64_t word_hash(const std::string& word) { return mix64(hash_string(word)); }

} // namespace

void AmbiguityClasses::index(std::vector<std::pair<std::string, std::uint64_t>> words) {
    std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    words.erase(std::unique(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                words.end());
    words_ = std::move(words);
    slots_.clear();
    mask_ = 0;
    if (words_.empty()) return;
    std::size_t cap = 16;
    while (cap * 3 < words_.size() * 4) cap <<= 1; // load up to 3/4, as the weight tables
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (std::size_t w = 0; w < words_.size(); ++w) {
        const std::uint64_t h = word_hash(words_[w].first);
        std::size_t i = home(h);
        while (slots_[i].word != 0) i = (i + 1) & mask_;
        slots_[i] = Slot{fingerprint(h), static_cast<std::uint32_t>(w + 1)};
    }
}

std::uint64_t AmbiguityClasses::of(const std::string& lower_form) const {
    if (slots_.empty()) return 0;
    const std::uint64_t h = word_hash(lower_form);
    for (std::size_t i = home(h);; i = (i + 1) & mask_) {
        const Slot& s = slots_[i];
        if (s.word == 0) return 0;
        if (s.fingerprint == fingerprint(h) && words_[s.word - 1].first == lower_form) return words_[s.word - 1].second;
    }
}

void AmbiguityClasses::of_each(const std::vector<std::string>& lower_forms, std::uint64_t* out) const {
    if (slots_.empty()) {
        std::fill(out, out + lower_forms.size(), 0);
        return;
    }
    // In passes, as the weight tables do: prefetch every word's slots, then the words
    // their fingerprints point to, then compare. A fingerprint that points to another
    // word (rare) sends that form to of(), which probes on.
    constexpr std::size_t kBatch = 64;
    std::uint64_t hashes[kBatch];
    std::uint32_t candidates[kBatch];
    for (std::size_t base = 0; base < lower_forms.size(); base += kBatch) {
        const std::size_t m = std::min(kBatch, lower_forms.size() - base);
        for (std::size_t k = 0; k < m; ++k) {
            hashes[k] = word_hash(lower_forms[base + k]);
            __builtin_prefetch(&slots_[home(hashes[k])]);
        }
        for (std::size_t k = 0; k < m; ++k) {
            std::size_t i = home(hashes[k]);
            while (slots_[i].word != 0 && slots_[i].fingerprint != fingerprint(hashes[k])) i = (i + 1) & mask_;
            candidates[k] = slots_[i].word;
            if (candidates[k]) __builtin_prefetch(&words_[candidates[k] - 1]);
        }
        for (std::size_t k = 0; k < m; ++k) {
            const std::string& form = lower_forms[base + k];
            if (candidates[k] == 0) out[base + k] = 0;
            else if (words_[candidates[k] - 1].first == form) out[base + k] = words_[candidates[k] - 1].second;
            else out[base + k] = of(form);
        }
    }
}

void AmbiguityClasses::write(ByteWriter& out) const {
    // words_ is sorted: the same bytes on every run.
    out.u32(static_cast<std::uint32_t>(words_.size()));
    for (const auto& [word, cls] : words_) {
        out.str(word);
        out.u64(cls);
    }
}

bool AmbiguityClasses::read(ByteReader& in) {
    const std::uint32_t n = in.u32();
    if (n > (1u << 24)) return false;
    std::vector<std::pair<std::string, std::uint64_t>> words;
    words.reserve(n);
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i) {
        std::string word = in.str();
        const std::uint64_t cls = in.u64();
        words.emplace_back(std::move(word), cls);
    }
    index(std::move(words));
    return !in.failed();
}

// ---------------------------------------------------------------- features

namespace {

/// The features of `form`, whose lower case is `low` and ambiguity class `cls` (0: none).
WordFeatures features_of_word(std::string_view form, const std::string& low, std::uint64_t cls) {
    WordFeatures f;
    f.amb = cls ? cls : kNoClass;
    f.form = hash_string(form);
    f.lower = hash_string(low);
    f.shape = hash_string(shape_of(form));
    for (std::size_t k = 1; k <= 4; ++k)
        f.suffix[k - 1] = low.size() >= k ? hash_string(std::string_view(low).substr(low.size() - k)) : kNone;
    for (std::size_t k = 1; k <= 3; ++k)
        f.prefix[k - 1] = low.size() >= k ? hash_string(std::string_view(low).substr(0, k)) : kNone;
    return f;
}

} // namespace

WordFeatures word_features(std::string_view form, const AmbiguityClasses* classes) {
    const std::string low = ascii_lower(form);
    return features_of_word(form, low, classes ? classes->of(low) : 0);
}

std::vector<WordFeatures> sentence_features(const std::vector<std::string_view>& forms, const AmbiguityClasses& classes) {
    std::vector<std::string> lows;
    lows.reserve(forms.size());
    for (auto f : forms) lows.push_back(ascii_lower(f));
    std::vector<std::uint64_t> cls(forms.size());
    classes.of_each(lows, cls.data());
    std::vector<WordFeatures> out;
    out.reserve(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) out.push_back(features_of_word(forms[i], lows[i], cls[i]));
    return out;
}

std::size_t tagger_features(const std::vector<WordFeatures>& w, std::size_t i, int prev1, int prev2,
                            std::uint64_t* out) {
    const std::size_t n = w.size();
    static const WordFeatures none = [] {
        WordFeatures f;
        f.form = f.lower = f.shape = f.amb = kNone;
        for (auto& s : f.suffix) s = kNone;
        for (auto& p : f.prefix) p = kNone;
        return f;
    }();
    const WordFeatures& c = w[i];
    const WordFeatures& m1 = i >= 1 ? w[i - 1] : none;
    const WordFeatures& m2 = i >= 2 ? w[i - 2] : none;
    const WordFeatures& p1 = i + 1 < n ? w[i + 1] : none;
    const WordFeatures& p2 = i + 2 < n ? w[i + 2] : none;
    const auto t1 = static_cast<std::uint64_t>(prev1 + 2), t2 = static_cast<std::uint64_t>(prev2 + 2);
    std::size_t k = 0;
    out[k++] = feature_key(T_BIAS, 0);
    out[k++] = feature_key(T_FORM, c.form);
    out[k++] = feature_key(T_LOWER, c.lower);
    out[k++] = feature_key(T_SUF1, c.suffix[0]);
    out[k++] = feature_key(T_SUF2, c.suffix[1]);
    out[k++] = feature_key(T_SUF3, c.suffix[2]);
    out[k++] = feature_key(T_SUF4, c.suffix[3]);
    out[k++] = feature_key(T_PRE1, c.prefix[0]);
    out[k++] = feature_key(T_PRE2, c.prefix[1]);
    out[k++] = feature_key(T_PRE3, c.prefix[2]);
    out[k++] = feature_key(T_SHAPE, c.shape);
    out[k++] = feature_key(T_WM1, m1.lower);
    out[k++] = feature_key(T_WP1, p1.lower);
    out[k++] = feature_key(T_WM2, m2.lower);
    out[k++] = feature_key(T_WP2, p2.lower);
    out[k++] = feature_key(T_T1, t1);
    out[k++] = feature_key(T_T12, t1, t2);
    out[k++] = feature_key(T_T1W, t1, c.lower);
    out[k++] = feature_key(T_WM1W, m1.lower, c.lower);
    out[k++] = feature_key(T_WWP1, c.lower, p1.lower);
    out[k++] = feature_key(T_SUF3M1, m1.suffix[2]);
    out[k++] = feature_key(T_SUF3P1, p1.suffix[2]);
    out[k++] = feature_key(T_SHAPEP1, p1.shape);
    out[k++] = feature_key(T_SHAPEM1, m1.shape);
    out[k++] = feature_key(T_FIRST, i == 0, c.shape);
    out[k++] = feature_key(T_WM1WP1, m1.lower, p1.lower);
    out[k++] = feature_key(T_T2, t2);
    out[k++] = feature_key(T_T1SUF3, t1, c.suffix[2]);
    out[k++] = feature_key(T_SUF2P1, p1.suffix[1]);
    out[k++] = feature_key(T_T1WP1, t1, p1.lower);
    out[k++] = feature_key(T_WSUF3P1, c.lower, p1.suffix[2]);
    out[k++] = feature_key(T_AMB, c.amb);
    out[k++] = feature_key(T_AMBT1, c.amb, t1);
    out[k++] = feature_key(T_AMBP1, p1.amb);
    out[k++] = feature_key(T_AMBAMBP1, c.amb, p1.amb);
    return k;
}

// ---------------------------------------------------------------- Tagger

std::vector<int> Tagger::tag(const std::vector<std::string_view>& forms, const std::vector<int>* forced) const {
    const std::vector<WordFeatures> wf = sentence_features(forms, classes_);
    std::vector<int> out(forms.size());
    std::vector<float> scores(tags_.size());
    std::uint64_t keys[kMaxTaggerFeatures];
    int p1 = -1, p2 = -1;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        std::fill(scores.begin(), scores.end(), 0.0f);
        const std::size_t n = tagger_features(wf, i, p1, p2, keys);
        weights_.score(keys, n, scores.data());
        int best = static_cast<int>(first_max(scores.data(), scores.size()));
        if (forced && (*forced)[i] >= 0) best = (*forced)[i];
        out[i] = best;
        p2 = p1;
        p1 = best;
    }
    return out;
}

void Tagger::write(ByteWriter& out) const {
    tags_.write(out);
    weights_.write(out);
    classes_.write(out);
}

bool Tagger::read(ByteReader& in) {
    return tags_.read(in) && weights_.read(in) && weights_.classes() == tags_.size() && classes_.read(in);
}

Tagger train_tagger(const std::vector<TaggedSentence>& data, const TagSet& tags, const TaggerTrainOptions& opt) {
    WeightTrainer trainer(tags.size());
    AmbiguityClasses classes = AmbiguityClasses::learn(data, opt.ambiguity_min_count, opt.lexicon);
    std::vector<std::vector<WordFeatures>> feats(data.size());
    for (std::size_t s = 0; s < data.size(); ++s)
        for (const auto& f : data[s].forms) feats[s].push_back(word_features(f, &classes));
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    Random rng(opt.seed);
    std::vector<float> scores(tags.size());
    std::uint64_t keys[kMaxTaggerFeatures];
    double t = 1;
    for (int epoch = 0; epoch < opt.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
        for (std::size_t s : order) {
            int p1 = -1, p2 = -1;
            for (std::size_t i = 0; i < feats[s].size(); ++i) {
                std::fill(scores.begin(), scores.end(), 0.0f);
                const std::size_t n = tagger_features(feats[s], i, p1, p2, keys);
                trainer.score(keys, n, scores.data());
                const int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
                const int gold = data[s].tags[i];
                trainer.update(keys, n, static_cast<std::uint32_t>(gold), static_cast<std::uint32_t>(guess), t);
                t += 1;
                p2 = p1;
                p1 = guess; // predicted history, as at tagging time
            }
        }
    }
    TagSet ts = tags;
    return Tagger(std::move(ts), trainer.finish(t, opt.min_weight, opt.min_updates), std::move(classes));
}

} // namespace newskg::syntax
