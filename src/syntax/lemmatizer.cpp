#include "syntax/lemmatizer.hpp"
#include "core/ascii_case.hpp"
#include "syntax/hash.hpp"

namespace newskg::syntax {

namespace {

std::string key(std::string_view form, std::string_view xpos) {
    std::string k(form);
    k += '\t';
    k += xpos;
    return k;
}

/// hash_string(key(form, xpos)), without making the key.
std::uint64_t key_hash(std::string_view form, std::string_view xpos) {
    std::uint64_t h = 1469598103934665603ull;
    auto add = [&h](unsigned char c) {
        h ^= c;
        h *= 1099511628211ull;
    };
    for (unsigned char c : form) add(c);
    add('\t');
    for (unsigned char c : xpos) add(c);
    return h;
}

/// 2^16 bits: with the ~2,500 exceptions of the shipped model, one word in 25 that is no
/// exception still looks in the table.
constexpr std::size_t kFilterBits = std::size_t{1} << 16;

} // namespace

bool Lemmatizer::may_have(std::string_view form, std::string_view xpos) const {
    if (filter_.empty()) return !table_.empty(); // not built: neither read nor trained
    const std::size_t bit = key_hash(form, xpos) & (kFilterBits - 1);
    return filter_[bit / 64] >> (bit % 64) & 1u;
}

void Lemmatizer::build_filter() {
    filter_.assign(kFilterBits / 64, 0);
    for (const auto& entry : table_) {
        const std::size_t bit = hash_string(entry.first) & (kFilterBits - 1);
        filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view xpos) const {
    if (may_have(form, xpos))
        if (auto it = table_.find(key(form, xpos)); it != table_.end()) return it->second;
    // A capitalised word at the start of a sentence has its lowercase entry.
    if (xpos != "NNP" && xpos != "NNPS") {
        std::string low = ascii_lower(form);
        if (low != form && may_have(low, xpos))
            if (auto it = table_.find(key(low, xpos)); it != table_.end()) return it->second;
    }
    return lemma_by_rule(form, xpos);
}

void Lemmatizer::add_example(std::string_view form, std::string_view xpos, std::string_view lemma) {
    ++counts_[key(form, xpos)][std::string(lemma)];
}

void Lemmatizer::finish_training() {
    table_.clear();
    for (const auto& [k, lemmas] : counts_) {
        // The most frequent lemma; ties go to the first in byte order (std::map order).
        const std::string* best = nullptr;
        std::uint32_t best_n = 0;
        for (const auto& [l, n] : lemmas)
            if (n > best_n) {
                best = &l;
                best_n = n;
            }
        const auto tab = k.find('\t');
        if (lemma_by_rule(std::string_view(k).substr(0, tab), std::string_view(k).substr(tab + 1)) != *best)
            table_.emplace(k, *best);
    }
    counts_.clear();
    build_filter();
}

void Lemmatizer::write(ByteWriter& out) const {
    // In key order, so the file does not depend on the hash table's iteration order.
    std::map<std::string_view, std::string_view> sorted(table_.begin(), table_.end());
    out.u32(static_cast<std::uint32_t>(sorted.size()));
    for (const auto& [k, l] : sorted) {
        out.str(k);
        out.str(l);
    }
}

bool Lemmatizer::read(ByteReader& in) {
    table_.clear();
    const std::uint32_t n = in.u32();
    for (std::uint32_t i = 0; i < n && !in.failed(); ++i) {
        std::string k = in.str();
        std::string l = in.str();
        table_.emplace(std::move(k), std::move(l));
    }
    build_filter();
    return !in.failed();
}

} // namespace newskg::syntax
