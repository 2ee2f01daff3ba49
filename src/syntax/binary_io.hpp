#pragma once
// Little-endian byte writing and reading for the model file, and its gzip wrapping.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newskg::syntax {

class ByteWriter {
  public:
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u16(std::uint16_t v) { put(v, 2); }
    void u32(std::uint32_t v) { put(v, 4); }
    void u64(std::uint64_t v) { put(v, 8); }
    void i16(std::int16_t v) { u16(static_cast<std::uint16_t>(v)); }
    void f32(float v) {
        std::uint32_t bits;
        std::memcpy(&bits, &v, 4);
        u32(bits);
    }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s.data(), s.size());
    }
    const std::string& bytes() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    void put(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    std::string out_;
};

/// Reads what ByteWriter wrote; a read past the end sets failed() and returns zeros, so
/// a truncated file is reported once, by the caller, with the file's name.
class ByteReader {
  public:
    explicit ByteReader(std::string_view data) : d_(data) {}
    std::uint8_t u8() { return static_cast<std::uint8_t>(get(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(get(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(get(4)); }
    std::uint64_t u64() { return get(8); }
    std::int16_t i16() { return static_cast<std::int16_t>(u16()); }
    float f32() {
        std::uint32_t bits = u32();
        float v;
        std::memcpy(&v, &bits, 4);
        return v;
    }
    std::string str() {
        std::uint32_t n = u32();
        if (failed_ || n > d_.size() - p_) {
            failed_ = true;
            return {};
        }
        std::string s(d_.substr(p_, n));
        p_ += n;
        return s;
    }
    bool failed() const { return failed_; }
    bool at_end() const { return p_ == d_.size(); }
    std::size_t remaining() const { return d_.size() - p_; }

  private:
    std::uint64_t get(int n) {
        if (failed_ || d_.size() - p_ < static_cast<std::size_t>(n)) {
            failed_ = true;
            return 0;
        }
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(d_[p_ + i])) << (8 * i);
        p_ += n;
        return v;
    }
    std::string_view d_;
    std::size_t p_ = 0;
    bool failed_ = false;
};

/// gzip of `data` (no file name, modification time 0: the same bytes every time).
std::string gzip_compress(std::string_view data);
/// Inverse of gzip_compress; false when `data` is not a valid gzip stream.
bool gzip_decompress(std::string_view data, std::string& out);

} // namespace newskg::syntax
