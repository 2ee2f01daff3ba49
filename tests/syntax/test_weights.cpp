// The perceptron weight table: averaging, pruning, dense and sparse rows scoring alike,
// and the file round trip; the best class of a score vector.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "syntax/first_max.hpp"
#include "syntax/hash.hpp"
#include "syntax/weights.hpp"

using namespace newskg::syntax;

TEST_CASE("averaged weights: a step late in training counts for less", "[syntax]") {
    WeightTrainer t(3);
    const std::uint64_t keys[] = {11, 22};
    t.update(keys, 2, 1, 2, 1.0); // at time 1 of 4: the change holds for 3 of 4 steps
    const Weights w = t.finish(4.0, 0.0f, 1);
    float s[3] = {0, 0, 0};
    w.score(keys, 1, s);
    CHECK(s[0] == Approx(0.0f));
    CHECK(s[1] == Approx(0.75f).margin(1e-3));
    CHECK(s[2] == Approx(-0.75f).margin(1e-3));
    CHECK(t.finish(4.0, 1.0f, 1).rows() == 0); // pruned below 1.0
}

TEST_CASE("wide rows (stored dense) and narrow rows score the same after a round trip", "[syntax]") {
    std::vector<Weights::Row> rows;
    Weights::Row wide{0x1234567890abcdefull, {}};
    for (std::uint32_t c = 0; c < 40; ++c) wide.entries.push_back({c, static_cast<float>(c) - 20.0f});
    rows.push_back(wide);
    rows.push_back(Weights::Row{0x0fedcba987654321ull, {{3, 2.5f}, {39, -1.0f}}});
    const Weights w = Weights::from_rows(rows, 40);
    CHECK(w.rows() == 2);
    ByteWriter out;
    w.write(out);
    ByteReader in(out.bytes());
    Weights back;
    REQUIRE(back.read(in));
    CHECK(in.at_end());
    const std::uint64_t keys[] = {0x1234567890abcdefull, 0x0fedcba987654321ull, 42};
    std::vector<float> a(40, 0.0f), b(40, 0.0f);
    w.score(keys, 3, a.data());
    back.score(keys, 3, b.data());
    for (std::size_t c = 0; c < 40; ++c) {
        const float want = static_cast<float>(c) - 20.0f + (c == 3 ? 2.5f : 0.0f) + (c == 39 ? -1.0f : 0.0f);
        CHECK(a[c] == Approx(want).margin(0.01));
        CHECK(b[c] == a[c]);
    }
    ByteWriter again;
    back.write(again);
    CHECK(again.bytes() == out.bytes());
}

TEST_CASE("many rows of every length score their exact integer sums, and round trip", "[syntax]") {
    // Weights up to ±32767 make the scale 1: each weight is stored exactly. Rows of 1 to
    // 40 entries fill cache lines unevenly (and those of 16 or more are stored dense);
    // 109 classes (the parser's) and 40 leave column blocks of every width.
    for (const std::size_t classes : {std::size_t{109}, std::size_t{40}}) {
        Random rng(classes);
        std::vector<Weights::Row> rows;
        std::vector<std::uint64_t> keys;
        for (std::size_t r = 0; r < 600; ++r) {
            Weights::Row row{rng.next() | 1, {}};
            const std::size_t len = 1 + r % 40;
            for (std::size_t c = 0; c < classes && row.entries.size() < len; c += 1 + rng.below(3))
                row.entries.push_back({static_cast<std::uint32_t>(c), static_cast<float>(static_cast<int>(rng.below(2001)) - 1000)});
            rows.push_back(row);
            keys.push_back(row.key);
        }
        rows[0].entries[0].w = 32767.0f;
        const Weights w = Weights::from_rows(rows, classes);
        REQUIRE(w.rows() == rows.size());
        // Every row once, in the order given, and a key that is in no row.
        keys.push_back(0x5555aaaa5555aaaaull);
        std::vector<std::int64_t> want(classes, 0);
        for (const auto& row : rows)
            for (const auto& e : row.entries) want[e.cls] += static_cast<std::int64_t>(e.w);
        std::vector<float> got(classes, 0.0f);
        w.score(keys.data(), keys.size(), got.data());
        for (std::size_t c = 0; c < classes; ++c) CHECK(got[c] == static_cast<float>(want[c]));
        ByteWriter out;
        w.write(out);
        ByteReader in(out.bytes());
        Weights back;
        REQUIRE(back.read(in));
        std::vector<float> again(classes, 0.0f);
        back.score(keys.data(), keys.size(), again.data());
        CHECK(again == got);
    }
}

TEST_CASE("first_max finds the index std::max_element finds, ties to the first", "[syntax]") {
    Random rng(5);
    for (std::size_t n = 1; n <= 40; ++n)
        for (int trial = 0; trial < 50; ++trial) {
            std::vector<float> s(n);
            for (auto& v : s) v = static_cast<float>(static_cast<int>(rng.below(7)) - 3) * 0.5f; // many ties
            const auto want = static_cast<std::size_t>(std::max_element(s.begin(), s.end()) - s.begin());
            CHECK(first_max(s.data(), n) == want);
        }
}
