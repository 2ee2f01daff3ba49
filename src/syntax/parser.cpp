#include "syntax/parser.hpp"
#include "core/ascii_case.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "syntax/first_max.hpp"
#include "syntax/hash.hpp"
#include "syntax/parser_features.hpp"
#include "syntax/parser_state.hpp"

namespace newskg::syntax {

namespace {

// Classes: 0 SHIFT, 1 + l LEFT-l, 1 + L + l RIGHT-l.
struct Moves {
    int labels;
    int classes() const { return 1 + 2 * labels; }
    bool is_left(int c) const { return c >= 1 && c <= labels; }
    bool is_right(int c) const { return c > labels; }
    int label(int c) const { return is_left(c) ? c - 1 : c - 1 - labels; }
};

void apply(ParserState& st, const Moves& m, int c) {
    if (c == 0) st.shift();
    else if (m.is_left(c)) st.left(m.label(c));
    else st.right(m.label(c));
}

/// The best valid move: the first greatest score among the valid classes, in class
/// order (SHIFT, the LEFTs, the RIGHTs).
int best_valid(const ParserState& st, const Moves& m, const std::vector<float>& scores) {
    int best = -1;
    float bs = -std::numeric_limits<float>::infinity();
    // A block of classes takes the lead only with a greater score, so ties go to the first.
    auto consider = [&](int first, int count) {
        const int c = first + static_cast<int>(first_max(&scores[static_cast<std::size_t>(first)], static_cast<std::size_t>(count)));
        if (scores[static_cast<std::size_t>(c)] > bs) bs = scores[static_cast<std::size_t>(best = c)];
    };
    if (st.can_shift()) consider(0, 1);
    if (st.can_left() && m.labels > 0) consider(1, m.labels);
    if (st.can_right() && m.labels > 0) consider(m.labels + 1, m.labels);
    return best;
}

/// Arc-hybrid dynamic oracle (Goldberg & Nivre 2013): how many gold arcs each move makes
/// unreachable. Stack and buffer words never have heads in arc-hybrid, so the count is
/// exact for projective trees (and a good guide for the few non-projective ones).
struct Oracle {
    const std::vector<int>& gh; // gold heads, root = n
    const std::vector<int>& gl;

    /// Gold dependents of x among the buffer's words.
    int deps_in_buffer(const ParserState& st, int x) const {
        int c = 0;
        for (int k = st.b(); k < st.n(); ++k) c += gh[static_cast<std::size_t>(k)] == x;
        return c;
    }
    bool in_buffer(const ParserState& st, int x) const { return x >= st.b(); }

    int shift_cost(const ParserState& st) const {
        const int b = st.b();
        int c = 0;
        const auto& stack = st.stack();
        for (std::size_t i = 0; i < stack.size(); ++i) {
            const int k = stack[i];
            if (gh[static_cast<std::size_t>(k)] == b) ++c;                               // b's dependent stranded
            if (i + 1 < stack.size() && gh[static_cast<std::size_t>(b)] == k) ++c;       // head below s0
        }
        return c;
    }
    int left_cost(const ParserState& st) const {
        const int s0 = st.s(0), s1 = st.s(1), b = st.b();
        const int h = gh[static_cast<std::size_t>(s0)];
        int c = deps_in_buffer(st, s0);
        if (h != b && (h == s1 || in_buffer(st, h))) ++c;
        return c;
    }
    int right_cost(const ParserState& st) const {
        const int s0 = st.s(0);
        const int h = gh[static_cast<std::size_t>(s0)];
        int c = deps_in_buffer(st, s0);
        if (in_buffer(st, h)) ++c;
        return c;
    }
};

} // namespace

ParserInput parser_input(const std::vector<std::string_view>& forms, const std::vector<int>& tags,
                         const std::vector<std::string>& upos_of_tag, const WordClusters* clusters) {
    ParserInput in;
    in.tags = tags;
    in.words.reserve(forms.size());
    const bool with_clusters = clusters && !clusters->empty() && clusters->levels() >= 2;
    std::string low;
    for (auto f : forms) {
        low.assign(f);
        ascii_lower_in_place(low);
        in.words.push_back(hash_string(low));
        if (with_clusters) {
            const std::uint64_t key = hash_string(cluster_form(f));
            const auto c0 = clusters->get(key, 0), c1 = clusters->get(key, 1);
            in.coarse.push_back(c0 == WordClusters::kUnknown ? 0 : c0 + 1u);
            in.fine.push_back(c1 == WordClusters::kUnknown ? 0 : c1 + 1u);
        }
    }
    for (int t : tags) in.upos.push_back(hash_string(upos_of_tag[static_cast<std::size_t>(t)]));
    return in;
}

Tree Parser::parse(const ParserInput& in) const {
    const int n = static_cast<int>(in.words.size());
    const Moves m{static_cast<int>(labels_.size())};
    ParserState st(n);
    std::vector<float> scores(static_cast<std::size_t>(m.classes()));
    std::uint64_t keys[kMaxParserFeatures];
    while (!st.terminal()) {
        if (!st.can_left() && !st.can_right()) { // an empty stack: SHIFT is the only move
            st.shift();
            continue;
        }
        std::fill(scores.begin(), scores.end(), 0.0f);
        const std::size_t k = parser_features(st, in, keys, &weights_);
        weights_.score(keys, k, scores.data());
        apply(st, m, best_valid(st, m, scores));
    }
    Tree t;
    t.head.resize(static_cast<std::size_t>(n));
    t.label.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const int h = st.head[static_cast<std::size_t>(i)];
        t.head[static_cast<std::size_t>(i)] = h == n ? -1 : h;
        t.label[static_cast<std::size_t>(i)] = st.label[static_cast<std::size_t>(i)];
    }
    return t;
}

void Parser::write(ByteWriter& out) const {
    out.u32(static_cast<std::uint32_t>(labels_.size()));
    for (const auto& l : labels_) out.str(l);
    clusters_.write(out);
    weights_.write(out);
}

bool Parser::read(ByteReader& in) {
    const std::uint32_t n = in.u32();
    if (n == 0 || n > 1000) return false;
    labels_.clear();
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i) labels_.push_back(in.str());
    return !in.failed() && clusters_.read(in) && weights_.read(in) && weights_.classes() == 1 + 2 * labels_.size();
}

Parser train_parser(const std::vector<ParserSentence>& data, const std::vector<std::string>& labels,
                    const ParserTrainOptions& opt, WordClusters clusters) {
    const Moves m{static_cast<int>(labels.size())};
    WeightTrainer trainer(static_cast<std::size_t>(m.classes()));
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    Random rng(opt.seed);
    std::vector<float> scores(static_cast<std::size_t>(m.classes()));
    std::vector<int> cost(static_cast<std::size_t>(m.classes()));
    std::uint64_t keys[kMaxParserFeatures];
    double t = 1;
    for (int epoch = 0; epoch < opt.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
        for (std::size_t s : order) {
            const ParserSentence& sent = data[s];
            const int n = static_cast<int>(sent.input.words.size());
            std::vector<int> gh(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) {
                const int h = sent.gold.head[static_cast<std::size_t>(i)];
                gh[static_cast<std::size_t>(i)] = h < 0 ? n : h;
            }
            const Oracle oracle{gh, sent.gold.label};
            ParserState st(n);
            while (!st.terminal()) {
                std::fill(scores.begin(), scores.end(), 0.0f);
                const std::size_t k = parser_features(st, sent.input, keys);
                trainer.score(keys, k, scores.data());
                const int pred = best_valid(st, m, scores);
                // Costs of every valid move, labels included.
                const int big = std::numeric_limits<int>::max();
                const int sc = st.can_shift() ? oracle.shift_cost(st) : big;
                const int lc = st.can_left() ? oracle.left_cost(st) : big;
                const int rc = st.can_right() ? oracle.right_cost(st) : big;
                const int s0 = st.s(0), s1 = st.s(1), b = st.b();
                const int gold_label = s0 >= 0 ? sent.gold.label[static_cast<std::size_t>(s0)] : -1;
                const bool left_gold = s0 >= 0 && gh[static_cast<std::size_t>(s0)] == b;
                const bool right_gold = s0 >= 0 && s1 >= 0 && gh[static_cast<std::size_t>(s0)] == s1;
                int min_cost = big;
                for (int c = 0; c < m.classes(); ++c) {
                    int v;
                    if (c == 0) v = sc;
                    else if (m.is_left(c)) v = lc == big ? big : lc + (left_gold && m.label(c) != gold_label);
                    else v = rc == big ? big : rc + (right_gold && m.label(c) != gold_label);
                    cost[static_cast<std::size_t>(c)] = v;
                    min_cost = std::min(min_cost, v);
                }
                int best_opt = -1;
                for (int c = 0; c < m.classes(); ++c)
                    if (cost[static_cast<std::size_t>(c)] == min_cost &&
                        (best_opt < 0 || scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best_opt)]))
                        best_opt = c;
                const bool pred_ok = cost[static_cast<std::size_t>(pred)] == min_cost;
                if (!pred_ok)
                    trainer.update(keys, k, static_cast<std::uint32_t>(best_opt), static_cast<std::uint32_t>(pred), t);
                t += 1;
                int next = best_opt;
                if (pred_ok) next = pred;
                else if (epoch >= opt.explore_from && rng.unit() < opt.explore_p) next = pred;
                apply(st, m, next);
            }
        }
    }
    return Parser(labels, trainer.finish(t, opt.min_weight, opt.min_updates), std::move(clusters));
}

} // namespace newskg::syntax
