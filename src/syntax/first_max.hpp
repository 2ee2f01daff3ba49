#pragma once
// The best class of a score vector, found without the chain of dependent loads and
// conditional moves of std::max_element (which cost the tagger ~700 cycles a word over
// its 108 classes): the greatest value with SIMD, then its first index.
#include <cstddef>
#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>
#endif

namespace newskg::syntax {

/// The index of the first greatest of s[0..n) (n ≥ 1), as std::max_element gives it:
/// scores are sums of finite weights, never NaN, so the greatest value is one whatever
/// the order of the comparisons, and its first index the one std::max_element returns.
inline std::size_t first_max(const float* s, std::size_t n) {
#if !defined(__x86_64__) && !defined(__i386__)
    std::size_t best = 0; // other processors: the plain scan
    for (std::size_t k = 1; k < n; ++k)
        if (s[best] < s[k]) best = k;
    return best;
#else
    std::size_t i = 0;
    float m = s[0];
    if (n >= 4) {
        __m128 v = _mm_loadu_ps(s);
        for (i = 4; i + 4 <= n; i += 4) v = _mm_max_ps(v, _mm_loadu_ps(s + i));
        v = _mm_max_ps(v, _mm_shuffle_ps(v, v, _MM_SHUFFLE(1, 0, 3, 2)));
        v = _mm_max_ps(v, _mm_shuffle_ps(v, v, _MM_SHUFFLE(2, 3, 0, 1)));
        m = _mm_cvtss_f32(v);
    }
    for (; i < n; ++i) m = m < s[i] ? s[i] : m;
    // Its first index, four at a time.
    const __m128 mm = _mm_set1_ps(m);
    std::size_t k = 0;
    for (; k + 4 <= n; k += 4)
        if (const int hit = _mm_movemask_ps(_mm_cmpeq_ps(_mm_loadu_ps(s + k), mm)))
            return k + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(hit)));
    while (s[k] != m) ++k;
    return k;
#endif
}

} // namespace newskg::syntax
