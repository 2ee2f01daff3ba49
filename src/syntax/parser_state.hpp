#pragma once
// The arc-hybrid configuration: a stack, the buffer's front b (words b..n−1, then the
// root n), and the arcs so far with what the features need of each word's children.
#include <cstdint>
#include <vector>

namespace newskg::syntax {

class ParserState {
  public:
    explicit ParserState(int n);
    int n() const { return n_; }
    int root() const { return n_; }
    int b() const { return b_; }
    std::size_t depth() const { return stack_.size(); }
    /// The k-th item from the top of the stack, −1 when there is none.
    int s(std::size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : -1; }
    const std::vector<int>& stack() const { return stack_; }
    bool terminal() const { return stack_.empty() && b_ == n_; }

    bool can_shift() const { return b_ < n_; }
    bool can_left() const { return !stack_.empty() && (b_ < n_ || stack_.size() == 1); }
    bool can_right() const { return stack_.size() >= 2; }
    void shift() { stack_.push_back(b_++); }
    void left(int l) { // s0 ← b
        int d = stack_.back();
        stack_.pop_back();
        add_arc(b_, d, l);
    }
    void right(int l) { // s1 → s0
        int d = stack_.back();
        stack_.pop_back();
        add_arc(stack_.back(), d, l);
    }

    // Per word (index 0..n, n the root): −1 for none.
    std::vector<int> head, label;
    std::vector<int> left1, left2, right1, right2; ///< nearest-to-outer children
    std::vector<std::uint8_t> n_left, n_right;
    std::vector<std::uint64_t> left_labels, right_labels; ///< label bit sets (label mod 64)

  private:
    void add_arc(int h, int d, int l);
    int n_;
    int b_ = 0;
    std::vector<int> stack_;
};

} // namespace newskg::syntax
