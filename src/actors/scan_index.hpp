#pragma once
// Indexes over one article that turn the recognizer's whole-article scans into lookups
// (private to the recognizer). Each answers exactly what the scan it replaces answered;
// they exist because a scan per token or per mention made recognition quadratic in the
// article's length.
#include "newskg/core/model.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newskg::recognition {

/// The distinct token texts of a document, for "is this word anywhere in the article?"
/// and "is there an all-capitals token at most one edit from this acronym?". Built once;
/// the views point into the Document and into `lower`, which must outlive it unchanged.
/// The lower-case key of each token of a document (name_key), each distinct key kept
/// once: a long article repeats its words, and a string per token cost 32 bytes or more
/// on millions of tokens (163 MB on a 32 MB article of one long line).
class TokenKeys {
  public:
    /// Adds the next token's key.
    void push_back(std::string key) { refs_.push_back(&*pool_.insert(std::move(key)).first); }
    void reserve(std::size_t n) { refs_.reserve(n); }
    const std::string& operator[](std::size_t i) const { return *refs_[i]; }
    std::size_t size() const noexcept { return refs_.size(); }

  private:
    std::unordered_set<std::string> pool_; // nodes: the addresses stay put
    std::vector<const std::string*> refs_;
};

class TokenTextIndex {
  public:
    TokenTextIndex(const Document& doc, const TokenKeys& lower);

    /// Some token is exactly `text`.
    bool has_token(std::string_view text) const { return exact_.count(text) > 0; }
    /// Some token's lower-case key (Recognizer::lower_) is exactly `key`.
    bool has_lower(std::string_view key) const { return lower_.count(key) > 0; }
    /// Some all-capitals token t (is_all_caps) has edit_distance(t, acronym) <= 1.
    bool caps_within_one_edit(std::string_view acronym) const;

  private:
    std::unordered_set<std::string_view> exact_;
    std::unordered_set<std::string_view> lower_;
    // Every short all-capitals token under its own text and under each text it gives with
    // one byte deleted: two strings within one (byte) edit share one of those keys, so a
    // query looks up its own variants and checks the few candidates.
    std::unordered_map<std::string, std::vector<std::string_view>> by_deletion_;
    std::vector<std::string_view> long_caps_; ///< all-capitals tokens too long to index so
};

/// The mentions of each sentence in the order they were made, kept current as mentions
/// are appended (the recognizer never removes one or moves it to another sentence).
class SentenceMentions {
  public:
    /// Indices into `mentions` of those in `sentence`, ascending.
    const std::vector<std::size_t>& of(std::size_t sentence, const std::vector<Mention>& mentions);

  private:
    std::vector<std::vector<std::size_t>> by_;
    std::size_t indexed_ = 0;
};

} // namespace newskg::recognition
