// Zhang & Nivre (2011) feature templates, adapted to arc-hybrid: s0 has no head yet
// (stack words get theirs when popped), so the head features become s1/s2 features,
// and s1's right children matter (a RIGHT move attaches s0 to s1).
#include "syntax/parser_features.hpp"

#include <algorithm>

#include "syntax/hash.hpp"

namespace newskg::syntax {

namespace {

constexpr std::uint64_t kNone = 0x2545f4914f6cdd1dull;
constexpr std::uint64_t kRoot = 0x9e3779b97f4a7c15ull;

struct Values {
    const ParserState& st;
    const ParserInput& in;
    std::uint64_t w(int x) const {
        if (x < 0) return kNone;
        return x == st.n() ? kRoot : in.words[static_cast<std::size_t>(x)];
    }
    std::uint64_t p(int x) const {
        if (x < 0) return kNone;
        return x == st.n() ? kRoot : static_cast<std::uint64_t>(in.tags[static_cast<std::size_t>(x)] + 1);
    }
    std::uint64_t u(int x) const {
        if (x < 0) return kNone;
        return x == st.n() ? kRoot : in.upos[static_cast<std::size_t>(x)];
    }
    std::uint64_t l(int x) const {
        if (x < 0) return kNone;
        return static_cast<std::uint64_t>(st.label[static_cast<std::size_t>(x)] + 2);
    }
    int at(const std::vector<int>& v, int x) const { return x < 0 ? -1 : v[static_cast<std::size_t>(x)]; }
};

std::uint64_t wp(std::uint64_t w, std::uint64_t p) { return mix64(w * 31 + p); }

/// A feature's key: one finalising mix over the template id and the values, each spread
/// by its own odd multiplier and rotation first — a third of the work of feature_key's
/// three mixes, computed ~100 times a move.
inline std::uint64_t key_of(std::uint64_t t, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    auto rotl = [](std::uint64_t x, unsigned r) { return (x << r) | (x >> (64 - r)); };
    const std::uint64_t h = mix64(t * 0x9e3779b97f4a7c15ull + a * 0xff51afd7ed558ccdull +
                                  rotl(b * 0xc4ceb9fe1a85ec53ull, 21) + rotl(c * 0x87c37b91114253d5ull, 43));
    return h ? h : 1;
}

} // namespace

std::size_t parser_features(const ParserState& st, const ParserInput& in, std::uint64_t* out, const Weights* table) {
    const Values v{st, in};
    const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
    const int b0 = st.b();
    const int b1 = b0 + 1 <= st.n() ? b0 + 1 : -1;
    const int b2 = b0 + 2 <= st.n() ? b0 + 2 : -1;
    const int s0l = v.at(st.left1, s0), s0l2 = v.at(st.left2, s0);
    const int s0r = v.at(st.right1, s0), s0r2 = v.at(st.right2, s0);
    const int s1l = v.at(st.left1, s1), s1r = v.at(st.right1, s1), s1r2 = v.at(st.right2, s1);
    const int b0l = v.at(st.left1, b0), b0l2 = v.at(st.left2, b0);

    const std::uint64_t s0w = v.w(s0), s0p = v.p(s0), s1w = v.w(s1), s1p = v.p(s1), s2p = v.p(s2);
    const std::uint64_t b0w = v.w(b0), b0p = v.p(b0), b1w = v.w(b1), b1p = v.p(b1), b2w = v.w(b2),
                        b2p = v.p(b2);
    const std::uint64_t s0wp = wp(s0w, s0p), b0wp = wp(b0w, b0p), s1wp = wp(s1w, s1p);
    const std::uint64_t d = s0 >= 0 ? static_cast<std::uint64_t>(std::min(b0 - s0, 10)) : 0;
    const std::uint64_t d1 = s1 >= 0 ? static_cast<std::uint64_t>(std::min(s0 - s1, 10)) : 0;
    auto val = [&](const std::vector<std::uint8_t>& c, int x) -> std::uint64_t {
        return x < 0 ? 255 : c[static_cast<std::size_t>(x)];
    };
    auto set = [&](const std::vector<std::uint64_t>& c, int x) -> std::uint64_t {
        return x < 0 ? kNone : c[static_cast<std::size_t>(x)];
    };
    const std::uint64_t s0vl = val(st.n_left, s0), s0vr = val(st.n_right, s0), b0vl = val(st.n_left, b0),
                        s1vr = val(st.n_right, s1);
    const std::uint64_t s0sl = set(st.left_labels, s0), s0sr = set(st.right_labels, s0),
                        b0sl = set(st.left_labels, b0), s1sr = set(st.right_labels, s1);

    std::size_t k = 0;
    std::uint64_t t = 0;
    // Inlined at each of its ~100 uses (GCC would call it): the template ids become
    // constants, and the products of a value shared by several keys are made once.
    auto f = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) __attribute__((always_inline)) {
        const std::uint64_t key = key_of(++t, a, b, c);
        if (table) table->prefetch(key);
        out[k++] = key;
    };
    // single words
    f(s0wp); f(s0w); f(s0p);
    f(b0wp); f(b0w); f(b0p);
    f(wp(b1w, b1p)); f(b1w); f(b1p);
    f(wp(b2w, b2p)); f(b2p);
    f(s1wp); f(s1w); f(s1p);
    f(s2p); f(v.w(s2));
    f(v.u(s0), v.u(b0)); f(v.u(s1), v.u(s0));
    // pairs
    f(s0wp, b0wp); f(s0wp, b0w); f(s0w, b0wp); f(s0wp, b0p); f(s0p, b0wp);
    f(s0w, b0w); f(s0p, b0p); f(b0p, b1p); f(b0w, b1w);
    f(s1p, s0p); f(s1w, s0w); f(s1wp, s0p); f(s1p, s0wp); f(s1wp, s0wp);
    f(s0p, b1p); f(s0w, b1w);
    // triples
    f(b0p, b1p, b2p); f(s0p, b0p, b1p); f(s1p, s0p, b0p); f(s2p, s1p, s0p);
    f(s0p, v.p(s0l), b0p); f(s0p, v.p(s0r), b0p); f(s0p, b0p, v.p(b0l));
    f(s1p, v.p(s1r), s0p); f(s1p, s0p, v.p(s0l)); f(s1p, s0p, v.p(s0r));
    f(s1w, s0w, b0w); f(s1p, s0w, b0p);
    // distance
    f(s0w, d); f(s0p, d); f(b0w, d); f(b0p, d); f(s0w, b0w, d); f(s0p, b0p, d);
    f(s1p, s0p, d1); f(s1w, s0w, d1); f(s1p, d1);
    // valency
    f(s0w, s0vr); f(s0p, s0vr); f(s0w, s0vl); f(s0p, s0vl); f(b0w, b0vl); f(b0p, b0vl); f(s1p, s1vr);
    // children
    f(v.w(s0l)); f(v.p(s0l)); f(v.l(s0l));
    f(v.w(s0r)); f(v.p(s0r)); f(v.l(s0r));
    f(v.w(b0l)); f(v.p(b0l)); f(v.l(b0l));
    f(v.w(s0l2)); f(v.p(s0l2)); f(v.l(s0l2));
    f(v.w(s0r2)); f(v.p(s0r2)); f(v.l(s0r2));
    f(v.w(b0l2)); f(v.p(b0l2)); f(v.l(b0l2));
    f(v.p(s1l), v.l(s1l)); f(v.w(s1r)); f(v.p(s1r), v.l(s1r));
    f(s0p, v.p(s0l), v.p(s0l2)); f(s0p, v.p(s0r), v.p(s0r2)); f(b0p, v.p(b0l), v.p(b0l2));
    f(s1p, v.p(s1r), v.p(s1r2));
    f(s0p, v.l(s0l), v.l(s0r)); f(b0p, v.l(b0l), s0p);
    // label sets
    f(s0w, s0sr); f(s0p, s0sr); f(s0w, s0sl); f(s0p, s0sl); f(b0w, b0sl); f(b0p, b0sl); f(s1p, s1sr);
    if (!in.fine.empty()) { // word classes, when the model has them (train-syntax --clusters)
        auto cv = [&](const std::vector<std::uint64_t>& c, int x) -> std::uint64_t {
            if (x < 0) return kNone;
            return x >= static_cast<int>(c.size()) ? kRoot : c[static_cast<std::size_t>(x)];
        };
        const std::uint64_t s0c = cv(in.coarse, s0), s0f = cv(in.fine, s0), b0c = cv(in.coarse, b0),
                            b0f = cv(in.fine, b0), b1f = cv(in.fine, b1), s1f = cv(in.fine, s1),
                            s1c = cv(in.coarse, s1), b1c = cv(in.coarse, b1);
        t = 300;
        f(s0f); f(b0f); f(b1f); f(s1f);
        f(s0c, b0c); f(s0f, b0p); f(s0p, b0f); f(s0f, b0f);
        f(s1c, s0c); f(s1f, s0p); f(s1p, s0f);
        f(b0c, b1c); f(s0c, b0c, d);
        f(cv(in.fine, s0l), s0p); f(cv(in.fine, s0r), s0p); f(cv(in.fine, b0l), b0p);
    }
    return k;
}

} // namespace newskg::syntax
