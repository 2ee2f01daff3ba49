#include "actors/scan_index.hpp"

#include "actors/recognizer.hpp"

namespace newskg::recognition {

namespace {
// Tokens up to this length are indexed by their deletions (a token of n bytes gives n
// keys of n − 1 bytes); longer ones, which only a longer acronym could match, are few.
constexpr std::size_t kIndexedLength = 32;
} // namespace

TokenTextIndex::TokenTextIndex(const Document& doc, const TokenKeys& lower) {
    std::unordered_set<std::string_view> caps;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        const std::string_view t = doc.token_text(i);
        exact_.insert(t);
        if (i < lower.size()) lower_.insert(lower[i]);
        if (is_all_caps(t)) caps.insert(t);
    }
    for (std::string_view t : caps) {
        if (t.size() > kIndexedLength) {
            long_caps_.push_back(t);
            continue;
        }
        by_deletion_[std::string(t)].push_back(t);
        std::string key;
        for (std::size_t k = 0; k < t.size(); ++k) {
            key.assign(t.substr(0, k)).append(t.substr(k + 1));
            auto& v = by_deletion_[key];
            if (v.empty() || v.back() != t) v.push_back(t); // "AAB" gives "AB" twice
        }
    }
}

bool TokenTextIndex::caps_within_one_edit(std::string_view acronym) const {
    auto any_close = [&](const std::string& key) {
        const auto it = by_deletion_.find(key);
        if (it == by_deletion_.end()) return false;
        for (std::string_view t : it->second)
            if (edit_distance(t, acronym) <= 1) return true;
        return false;
    };
    if (any_close(std::string(acronym))) return true;
    std::string key;
    for (std::size_t k = 0; k < acronym.size(); ++k) {
        key.assign(acronym.substr(0, k)).append(acronym.substr(k + 1));
        if (any_close(key)) return true;
    }
    if (acronym.size() + 1 >= kIndexedLength)
        for (std::string_view t : long_caps_)
            if (edit_distance(t, acronym) <= 1) return true;
    return false;
}

const std::vector<std::size_t>& SentenceMentions::of(std::size_t sentence, const std::vector<Mention>& mentions) {
    for (; indexed_ < mentions.size(); ++indexed_) {
        const std::size_t s = mentions[indexed_].sentence;
        if (s >= by_.size()) by_.resize(s + 1);
        by_[s].push_back(indexed_);
    }
    if (sentence >= by_.size()) by_.resize(sentence + 1);
    return by_[sentence];
}

} // namespace newskg::recognition
