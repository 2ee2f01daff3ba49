#include "syntax/lemmatizer.hpp"
#include "core/ascii_case.hpp"

namespace newskg::syntax {

namespace {
std::string key(std::string_view form, std::string_view xpos) {
    std::string k(form);
    k += '\t';
    k += xpos;
    return k;
}
} // namespace

std::string Lemmatizer::lemma(std::string_view form, std::string_view xpos) const {
    if (auto it = table_.find(key(form, xpos)); it != table_.end()) return it->second;
    // A capitalised word at the start of a sentence has its lowercase entry.
    if (xpos != "NNP" && xpos != "NNPS") {
        std::string low = ascii_lower(form);
        if (low != form)
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
    return !in.failed();
}

} // namespace newskg::syntax
