#include "newskg/core/article_ids.hpp"

namespace newskg {

std::uint64_t stable_hash(const std::vector<std::string_view>& parts) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&](unsigned char c) {
        h ^= c;
        h *= 0x100000001b3ull;
    };
    for (auto p : parts) {
        for (unsigned char c : p) mix(c);
        mix(0);
    }
    return h;
}

std::string stable_hash_hex(const std::vector<std::string_view>& parts, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t h = stable_hash(parts);
    if (digits < 1) digits = 1;
    if (digits > 16) digits = 16;
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kHex[h & 15];
        h >>= 4;
    }
    return out;
}

std::string article_file_stem(const std::string& id) {
    std::string out;
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        out += (c == '/' || c == '\\' || u < 0x20 || u == 0x7f) ? '_' : c;
    }
    if (!out.empty() && out[0] == '.') out[0] = '_';
    if (out.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out.empty() ? "article" : out;
}

ArticleIds::ArticleIds(std::optional<std::string> given, const std::vector<std::string>& taken)
    : given_(std::move(given)) {
    for (const auto& id : taken) taken_.emplace(article_file_stem(id), "another part of the batch (or is --merge's merged file)");
}

ArticleIds::Claim ArticleIds::claim(const std::string& proposed, bool from_stdin, const std::string& where,
                                    std::string_view text) {
    Claim c;
    if (given_) {
        if (given_used_) {
            c.kind = Claim::Kind::Refused;
            c.id = *given_;
            c.taken_by = taken_.begin()->second;
            return c;
        }
        given_used_ = true;
        c.id = *given_;
        taken_.emplace(article_file_stem(c.id), where);
        return c;
    }
    c.id = from_stdin ? proposed + "-" + stable_hash_hex({text}, 8) : proposed;
    auto it = taken_.find(article_file_stem(c.id));
    if (it != taken_.end()) {
        c.kind = Claim::Kind::Renamed;
        c.taken_by = it->second;
        const std::string base = c.id;
        for (int n = 2; taken_.count(article_file_stem(c.id)); ++n) c.id = base + "-" + std::to_string(n);
    }
    taken_.emplace(article_file_stem(c.id), where);
    return c;
}

} // namespace newskg
