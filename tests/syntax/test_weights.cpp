// The perceptron weight table: averaging, pruning, dense and sparse rows scoring alike,
// and the file round trip.
#include <catch2/catch.hpp>

#include <vector>

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
