#include "read/decode.hpp"

#include "newskg/core/error.hpp"
#include "newskg/read/reader.hpp"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <memory>

namespace newskg::decode {

namespace {

// Windows-1252 0x80–0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Length of the valid UTF-8 sequence at i, 0 when invalid (overlong forms, surrogates and
// code points above U+10FFFF are invalid too).
std::size_t utf8_seq(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

// Converts with an ICU converter; nullopt when the charset is unknown or the bytes do
// not convert cleanly.
std::optional<std::string> convert_with(std::string_view bytes, const std::string& charset) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset.c_str(), &err);
    if (U_FAILURE(err) || !conv) return std::nullopt;
    std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    if (U_FAILURE(err)) return std::nullopt;
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, err);
    if (U_FAILURE(err)) return std::nullopt;
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string lower_ascii(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

} // namespace

bool looks_binary(std::string_view bytes) {
    const std::size_t n = bytes.size() < (1u << 20) ? bytes.size() : (1u << 20);
    std::size_t controls = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        // A NUL counts as one control character: a stray one in a text (a bad copy, a
        // scraper's terminator) is replaced by to_utf8, while UTF-16 without a
        // byte-order mark or a real binary file is half NULs and stays binary.
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++controls;
    }
    return n > 0 && controls * 50 > n;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_seq(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

Text to_utf8(std::string_view bytes, const std::string& path, std::string_view declared) {
    // UTF-16 with a byte-order mark: convert before the NUL test, which it would fail.
    if (bytes.size() >= 2) {
        const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            if (auto u = convert_with(bytes, b0 == 0xFF ? "UTF-16LE" : "UTF-16BE")) {
                std::string s = std::move(*u);
                if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
                return Text{std::move(s), std::nullopt};
            }
            throw input_error(ids::input::kEncoding, path, "invalid UTF-16 text");
        }
    }
    if (looks_binary(bytes))
        throw input_error(ids::input::kBinary, path, "binary data (NUL bytes or control characters), not an article");
    // NUL bytes become spaces: C APIs downstream (librdf, libxml2) stop at a NUL, and
    // one such byte must not cost the whole article.
    std::string without_nul;
    std::size_t nuls = 0;
    if (bytes.find('\0') != std::string_view::npos) {
        without_nul.assign(bytes);
        for (char& c : without_nul)
            if (c == '\0') {
                c = ' ';
                ++nuls;
            }
        bytes = without_nul;
    }
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (valid_utf8(bytes)) return Text{std::string(bytes), std::nullopt, nuls};

    const std::string cs = lower_ascii(declared);
    if (!cs.empty() && cs != "utf-8" && cs != "utf8") {
        if (auto u = convert_with(bytes, cs)) return Text{std::move(*u), std::string(declared), nuls};
    }
    // Windows-1252 (a superset of Latin-1's printable range): valid UTF-8 stretches are
    // kept, each invalid byte is read as a Windows-1252 character. Undefined bytes, or a
    // text in which most letters would come out accented, mean some other encoding
    // (Cyrillic or East Asian code pages), which we do not guess.
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t ascii_letters = 0, converted = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8_seq(bytes, i);
        if (n > 0) {
            const char c = bytes[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++ascii_letters;
            out.append(bytes.substr(i, n));
            i += n;
            continue;
        }
        const auto c = static_cast<unsigned char>(bytes[i]);
        char32_t cp = c;
        if (c >= 0x80 && c <= 0x9F) cp = kCp1252High[c - 0x80];
        if (cp == 0)
            throw input_error(ids::input::kEncoding, path,
                              "not valid UTF-8, and byte 0x" + std::string(1, "0123456789ABCDEF"[c >> 4]) +
                                  std::string(1, "0123456789ABCDEF"[c & 15]) + " is not Windows-1252 either");
        append_utf8(out, cp);
        ++converted;
        ++i;
    }
    if (converted * 3 > ascii_letters + converted)
        throw input_error(ids::input::kEncoding, path,
                          "not valid UTF-8 and not Western (Windows-1252) text; convert it to UTF-8");
    return Text{std::move(out), std::string("Windows-1252"), nuls};
}

std::string nfc(std::string_view utf8) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) return std::string(utf8);
    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (n->quickCheck(u, err) == UNORM_YES && U_SUCCESS(err)) return std::string(utf8);
    err = U_ZERO_ERROR;
    const icu::UnicodeString r = n->normalize(u, err);
    if (U_FAILURE(err)) return std::string(utf8);
    std::string out;
    r.toUTF8String(out);
    return out;
}

} // namespace newskg::decode
