#include "syntax/parser_state.hpp"

namespace newskg::syntax {

ParserState::ParserState(int n)
    : head(static_cast<std::size_t>(n + 1), -1), label(static_cast<std::size_t>(n + 1), -1),
      left1(static_cast<std::size_t>(n + 1), -1), left2(static_cast<std::size_t>(n + 1), -1),
      right1(static_cast<std::size_t>(n + 1), -1), right2(static_cast<std::size_t>(n + 1), -1),
      n_left(static_cast<std::size_t>(n + 1), 0), n_right(static_cast<std::size_t>(n + 1), 0),
      left_labels(static_cast<std::size_t>(n + 1), 0), right_labels(static_cast<std::size_t>(n + 1), 0), n_(n) {
    stack_.reserve(static_cast<std::size_t>(n));
}

// In arc-hybrid a head's new left dependent is always further left than the earlier
// ones, and a new right dependent further right, so "nearest" and "second" shift along.
void ParserState::add_arc(int h, int d, int l) {
    const auto H = static_cast<std::size_t>(h), D = static_cast<std::size_t>(d);
    head[D] = h;
    label[D] = l;
    const std::uint64_t bit = 1ull << (static_cast<unsigned>(l) & 63u);
    if (d < h) {
        left2[H] = left1[H];
        left1[H] = d;
        if (n_left[H] < 255) ++n_left[H];
        left_labels[H] |= bit;
    } else {
        right2[H] = right1[H];
        right1[H] = d;
        if (n_right[H] < 255) ++n_right[H];
        right_labels[H] |= bit;
    }
}

} // namespace newskg::syntax
