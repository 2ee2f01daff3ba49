#pragma once
// Feature keys of the syntax models: 64-bit hashes of a template id and its values.
// Hashing the strings themselves (not vocabulary ids) keeps the model independent of
// any vocabulary file and the same on every platform.
#include <cstdint>
#include <string_view>

namespace newskg::syntax {

/// FNV-1a over the bytes, then a final mix.
inline std::uint64_t hash_string(std::string_view s) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

/// splitmix64's finaliser: spreads every input bit over the whole key.
inline std::uint64_t mix64(std::uint64_t x) noexcept {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/// Key of a feature: template id and up to three values.
inline std::uint64_t feature_key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                                 std::uint64_t c = 0) noexcept {
    std::uint64_t h = mix64(tmpl * 0x9e3779b97f4a7c15ull + a);
    h = mix64(h ^ (b + 0x632be59bd9b4e019ull));
    h = mix64(h ^ (c + 0x8cb92ba72f3d8dd7ull));
    return h ? h : 1; // 0 marks an empty slot
}

/// A small deterministic random generator (xorshift64*): the same sequence everywhere,
/// unlike the standard distributions whose results differ between libraries.
class Random {
  public:
    explicit Random(std::uint64_t seed) : s_(seed ? seed : 88172645463325252ull) {}
    std::uint64_t next() noexcept {
        s_ ^= s_ >> 12;
        s_ ^= s_ << 25;
        s_ ^= s_ >> 27;
        return s_ * 2685821657736338717ull;
    }
    /// Uniform in [0, n).
    std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }
    /// Uniform in [0, 1).
    double unit() noexcept { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

  private:
    std::uint64_t s_;
};

} // namespace newskg::syntax
