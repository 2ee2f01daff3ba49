// The name recogniser's labels and features (see ner_model.hpp).
#include <string>

#include "actors/ner_model.hpp"
#include "syntax/hash.hpp"

namespace newskg::ner {

using syntax::feature_key;
using syntax::hash_string;

// ---------------------------------------------------------------- labels

bool allowed(int prev, int label, bool last) {
    const Part p = prev < 0 ? Part::Outside : part_of(prev);
    const Part c = part_of(label);
    if (last && (c == Part::Begin || c == Part::Inside)) return false;
    if (p == Part::Begin || p == Part::Inside)
        return (c == Part::Inside || c == Part::Last) && type_of(label) == type_of(prev);
    return c == Part::Outside || c == Part::Begin || c == Part::Unit;
}

int best_allowed(const float* scores, int prev, bool last) {
    int best = -1;
    for (int l = 0; l < static_cast<int>(kLabels); ++l)
        if (allowed(prev, l, last) && (best < 0 || scores[l] > scores[best])) best = l;
    return best;
}

std::vector<NameSpan> spans_of(const std::vector<int>& labels) {
    std::vector<NameSpan> out;
    std::size_t open = labels.size();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Part p = part_of(labels[i]);
        if (p == Part::Outside) {
            open = labels.size();
            continue;
        }
        const NameType t = type_of(labels[i]);
        if (p == Part::Unit) {
            out.push_back({i, i + 1, t});
            open = labels.size();
        } else if (p == Part::Begin) {
            open = i;
        } else if (p == Part::Last && open < i && type_of(labels[open]) == t) {
            out.push_back({open, i + 1, t});
            open = labels.size();
        }
    }
    return out;
}

std::vector<int> labels_of(const std::vector<NameSpan>& spans, std::size_t n) {
    std::vector<int> out(n, kOutside);
    for (const auto& s : spans) {
        if (s.end > n || s.begin >= s.end) continue;
        if (s.end - s.begin == 1) {
            out[s.begin] = label_of(Part::Unit, s.type);
            continue;
        }
        out[s.begin] = label_of(Part::Begin, s.type);
        for (std::size_t i = s.begin + 1; i + 1 < s.end; ++i) out[i] = label_of(Part::Inside, s.type);
        out[s.end - 1] = label_of(Part::Last, s.type);
    }
    return out;
}

// ---------------------------------------------------------------- features

namespace {

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

/// An upper-case first letter (ASCII, or a Latin-1/Latin Extended capital in UTF-8: the
/// names of the training text are mostly ASCII; other scripts count as not capitalised).
bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w[0]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c == 0xC3 && w.size() > 1) {
        const auto d = static_cast<unsigned char>(w[1]);
        return d >= 0x80 && d <= 0x9E && d != 0x97;
    }
    return false;
}

bool has_lower(std::string_view w) {
    for (unsigned char c : w)
        if (c >= 'a' && c <= 'z') return true;
    return false;
}

enum Template : std::uint64_t {
    F_BIAS = 1, F_FORM, F_LOWER, F_SHAPE, F_SUF1, F_SUF2, F_SUF3, F_SUF4, F_PRE1, F_PRE2, F_PRE3,
    F_UPOS, F_XPOS, F_LM1, F_LP1, F_LM2, F_LP2, F_UM1, F_UP1, F_UM2, F_UP2, F_XM1X, F_XXP1,
    F_SHAPE3, F_SHM1, F_SHP1, F_P1, F_P12, F_P1L, F_P1U, F_P1SH, F_POS, F_RUN, F_GAZ, F_GAZM1,
    F_GAZP1, F_GAZSH, F_U3, F_LM1L, F_LLP1, F_SUF3U, F_CAPS, F_LM1U, F_LP1U, F_GAZBIT, F_RUNU,
    F_LP1SH, F_P1LP1, F_RUNB, F_RUNA, F_RUNBA, F_RUNBU
};

constexpr std::uint64_t kNone = 0x7a1f3c5e9b2d4861ull; // a neighbour past the sentence's edge

const NerWordFeatures& none_word() {
    static const NerWordFeatures none = [] {
        NerWordFeatures f;
        f.form = f.lower = f.shape = f.upos = f.xpos = kNone;
        for (auto& s : f.suffix) s = kNone;
        for (auto& p : f.prefix) p = kNone;
        f.gazetteer = 0xffffffffu;
        return f;
    }();
    return none;
}

} // namespace

NerSentenceFeatures sentence_features(const std::vector<NerWord>& words) {
    NerSentenceFeatures s;
    s.words.resize(words.size());
    std::size_t letters_words = 0, lower_words = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const NerWord& w = words[i];
        NerWordFeatures& f = s.words[i];
        std::string low(w.form);
        for (char& c : low)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        f.form = hash_string(w.form);
        f.lower = hash_string(low);
        f.shape = hash_string(shape_of(w.form));
        f.upos = hash_string(w.upos);
        f.xpos = hash_string(w.xpos);
        for (std::size_t k = 1; k <= 4; ++k)
            f.suffix[k - 1] = low.size() >= k ? hash_string(std::string_view(low).substr(low.size() - k)) : kNone;
        for (std::size_t k = 1; k <= 3; ++k)
            f.prefix[k - 1] = low.size() >= k ? hash_string(std::string_view(low).substr(0, k)) : kNone;
        f.gazetteer = w.gazetteer;
        f.capitalised = capitalised(w.form);
        if (has_lower(w.form)) ++lower_words;
        if (f.capitalised || has_lower(w.form)) ++letters_words;
    }
    s.all_caps = letters_words >= 2 && lower_words == 0;
    // Runs of capitalised words: where a word sits in its run, how long the run is, and
    // the words around it.
    auto lower_at = [&](std::size_t k, std::size_t end) { return k < end ? s.words[k].lower : kNone; };
    for (std::size_t i = 0; i < words.size();) {
        if (!s.words[i].capitalised) {
            s.words[i].run_before = i > 0 ? s.words[i - 1].lower : kNone;
            s.words[i].run_after = lower_at(i + 1, words.size());
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < words.size() && s.words[j].capitalised) ++j;
        const std::size_t n = j - i;
        for (std::size_t k = i; k < j; ++k) {
            s.words[k].run_part = n == 1 ? 4 : k == i ? 1 : k + 1 == j ? 3 : 2;
            s.words[k].run_length = static_cast<std::uint8_t>(n > 4 ? 4 : n);
            s.words[k].run_before = i > 0 ? s.words[i - 1].lower : kNone;
            s.words[k].run_after = lower_at(j, words.size());
        }
        i = j;
    }
    return s;
}

std::size_t ner_features(const NerSentenceFeatures& s, std::size_t i, int prev1, int prev2, std::uint64_t* out) {
    const auto& w = s.words;
    const std::size_t n = w.size();
    const NerWordFeatures& c = w[i];
    const NerWordFeatures& m1 = i >= 1 ? w[i - 1] : none_word();
    const NerWordFeatures& m2 = i >= 2 ? w[i - 2] : none_word();
    const NerWordFeatures& p1 = i + 1 < n ? w[i + 1] : none_word();
    const NerWordFeatures& p2 = i + 2 < n ? w[i + 2] : none_word();
    const auto l1 = static_cast<std::uint64_t>(prev1 + 2), l2 = static_cast<std::uint64_t>(prev2 + 2);
    std::size_t k = 0;
    out[k++] = feature_key(F_BIAS, 0);
    out[k++] = feature_key(F_FORM, c.form);
    out[k++] = feature_key(F_LOWER, c.lower);
    out[k++] = feature_key(F_SHAPE, c.shape);
    out[k++] = feature_key(F_SUF1, c.suffix[0]);
    out[k++] = feature_key(F_SUF2, c.suffix[1]);
    out[k++] = feature_key(F_SUF3, c.suffix[2]);
    out[k++] = feature_key(F_SUF4, c.suffix[3]);
    out[k++] = feature_key(F_PRE1, c.prefix[0]);
    out[k++] = feature_key(F_PRE2, c.prefix[1]);
    out[k++] = feature_key(F_PRE3, c.prefix[2]);
    out[k++] = feature_key(F_UPOS, c.upos);
    out[k++] = feature_key(F_XPOS, c.xpos);
    out[k++] = feature_key(F_LM1, m1.lower);
    out[k++] = feature_key(F_LP1, p1.lower);
    out[k++] = feature_key(F_LM2, m2.lower);
    out[k++] = feature_key(F_LP2, p2.lower);
    out[k++] = feature_key(F_UM1, m1.upos);
    out[k++] = feature_key(F_UP1, p1.upos);
    out[k++] = feature_key(F_UM2, m2.upos);
    out[k++] = feature_key(F_UP2, p2.upos);
    out[k++] = feature_key(F_XM1X, m1.xpos, c.xpos);
    out[k++] = feature_key(F_XXP1, c.xpos, p1.xpos);
    out[k++] = feature_key(F_SHAPE3, m1.shape, c.shape, p1.shape);
    out[k++] = feature_key(F_SHM1, m1.shape, c.shape);
    out[k++] = feature_key(F_SHP1, c.shape, p1.shape);
    out[k++] = feature_key(F_P1, l1);
    out[k++] = feature_key(F_P12, l1, l2);
    out[k++] = feature_key(F_P1L, l1, c.lower);
    out[k++] = feature_key(F_P1U, l1, c.upos);
    out[k++] = feature_key(F_P1SH, l1, c.shape);
    out[k++] = feature_key(F_POS, i < 3 ? i : 3, c.shape);
    out[k++] = feature_key(F_RUN, c.run_part, c.run_length);
    out[k++] = feature_key(F_RUNU, c.run_part, c.upos);
    out[k++] = feature_key(F_GAZ, c.gazetteer);
    out[k++] = feature_key(F_GAZM1, m1.gazetteer, c.gazetteer);
    out[k++] = feature_key(F_GAZP1, c.gazetteer, p1.gazetteer);
    out[k++] = feature_key(F_GAZSH, c.gazetteer, c.shape);
    for (std::uint64_t b = 0; b < 10; ++b)
        if (c.gazetteer & (1u << b)) out[k++] = feature_key(F_GAZBIT, b, c.capitalised);
    out[k++] = feature_key(F_U3, m1.upos, c.upos, p1.upos);
    out[k++] = feature_key(F_LM1L, m1.lower, c.lower);
    out[k++] = feature_key(F_LLP1, c.lower, p1.lower);
    out[k++] = feature_key(F_SUF3U, c.suffix[2], c.upos);
    out[k++] = feature_key(F_CAPS, s.all_caps, c.shape);
    out[k++] = feature_key(F_LM1U, m1.lower, c.upos);
    out[k++] = feature_key(F_LP1U, p1.lower, c.upos);
    out[k++] = feature_key(F_LP1SH, p1.lower, c.shape);
    out[k++] = feature_key(F_P1LP1, l1, p1.lower);
    out[k++] = feature_key(F_RUNB, c.run_before, c.run_part);
    out[k++] = feature_key(F_RUNA, c.run_after, c.run_part);
    out[k++] = feature_key(F_RUNBA, c.run_before, c.run_after);
    out[k++] = feature_key(F_RUNBU, c.run_before, c.upos);
    return k;
}

} // namespace newskg::ner
