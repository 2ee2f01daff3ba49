#pragma once
// A fixed-size array of trivially copyable values whose memory, when large, is 2 MB
// aligned and marked for transparent huge pages: the weight tables are read at random,
// and with 4 KB pages nearly every lookup would also miss the TLB. Smaller arrays are
// aligned to a cache line.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace newskg::syntax {

template <class T>
class PageArray {
    static_assert(std::is_trivially_copyable_v<T>);

  public:
    PageArray() = default;
    explicit PageArray(const std::vector<T>& v) : PageArray(v.size()) {
        if (!v.empty()) std::memcpy(p_.get(), v.data(), v.size() * sizeof(T));
    }
    explicit PageArray(std::size_t n) : n_(n) {
        if (n == 0) return;
        constexpr std::size_t kHuge = std::size_t{2} << 20;
        constexpr std::size_t kLine = 64;
        const std::size_t bytes = n * sizeof(T);
        void* p;
        if (bytes >= kHuge) {
            const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
            p = std::aligned_alloc(kHuge, rounded);
            if (p) ::madvise(p, rounded, MADV_HUGEPAGE); // a hint: failure changes nothing
        } else {
            // Cache-line aligned, so that a row laid out within a line stays in one.
            p = std::aligned_alloc(kLine, (bytes + kLine - 1) / kLine * kLine);
        }
        if (!p) throw std::bad_alloc();
        std::memset(p, 0, bytes);
        p_.reset(static_cast<T*>(p));
    }
    PageArray(const PageArray& o) : PageArray(o.n_) {
        if (n_) std::memcpy(p_.get(), o.p_.get(), n_ * sizeof(T));
    }
    PageArray& operator=(const PageArray& o) {
        if (this != &o) *this = PageArray(o);
        return *this;
    }
    PageArray(PageArray&&) noexcept = default;
    PageArray& operator=(PageArray&&) noexcept = default;

    std::size_t size() const { return n_; }
    bool empty() const { return n_ == 0; }
    T& operator[](std::size_t i) { return p_.get()[i]; }
    const T& operator[](std::size_t i) const { return p_.get()[i]; }

  private:
    struct Free {
        void operator()(T* p) const { std::free(p); }
    };
    std::unique_ptr<T, Free> p_;
    std::size_t n_ = 0;
};

} // namespace newskg::syntax
