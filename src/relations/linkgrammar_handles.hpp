#pragma once
// Move-only owners of the Link Grammar C handles. Each handle type is released by exactly
// one deleter here, so no other code calls dictionary_delete, parse_options_delete,
// sentence_delete, linkage_delete or free_lookup_list, and an early return or exception
// cannot leak a handle or free one twice. The make_* functions return an empty pointer
// when the library refuses (unknown dictionary, no linkage of that number).
//
// QuietErrors routes Link Grammar's messages away from stderr for the lifetime of the
// guard. The library keeps its error handler per thread, so the guard must live on the
// thread that calls into the library; it restores the previous handler when it ends.
#include <link-grammar/link-includes.h>
// dict-api.h needs link-includes.h first.
#include <link-grammar/dict-api.h>

#include <cstddef>
#include <memory>
#include <string>

namespace newskg::lg {

struct DictionaryDeleter {
    void operator()(Dictionary_s* d) const noexcept { dictionary_delete(d); }
};
struct OptionsDeleter {
    void operator()(Parse_Options_s* o) const noexcept { parse_options_delete(o); }
};
struct SentenceDeleter {
    void operator()(Sentence_s* s) const noexcept { sentence_delete(s); }
};
struct LinkageDeleter {
    void operator()(Linkage_s* l) const noexcept { linkage_delete(l); }
};

/// A dictionary lookup result: a list the caller frees through the dictionary it came from.
struct LookupDeleter {
    Dictionary_s* dictionary = nullptr;
    void operator()(Dict_node* n) const noexcept { free_lookup_list(dictionary, n); }
};

using DictionaryPtr = std::unique_ptr<Dictionary_s, DictionaryDeleter>;
using OptionsPtr = std::unique_ptr<Parse_Options_s, OptionsDeleter>;
using SentencePtr = std::unique_ptr<Sentence_s, SentenceDeleter>;
using LinkagePtr = std::unique_ptr<Linkage_s, LinkageDeleter>;
using LookupPtr = std::unique_ptr<Dict_node, LookupDeleter>;

inline DictionaryPtr make_dictionary(const std::string& language) {
    return DictionaryPtr(dictionary_create_lang(language.c_str()));
}
inline OptionsPtr make_options() { return OptionsPtr(parse_options_create()); }
/// The sentence points into the dictionary: the dictionary must outlive it.
inline SentencePtr make_sentence(const std::string& text, Dictionary_s* dictionary) {
    return SentencePtr(sentence_create(text.c_str(), dictionary));
}
/// Link Grammar 5 keeps a linkage's storage inside its sentence (the old API promised a
/// copy): a LinkagePtr must be released before the SentencePtr it came from — declare it
/// after the sentence so scope exit does that.
inline LinkagePtr make_linkage(std::size_t index, Sentence_s* sentence, Parse_Options_s* options) {
    return LinkagePtr(linkage_create(index, sentence, options));
}

/// Whether the dictionary itself lists the word. Unlike dictionary_word_is_known, which
/// also says yes to anything its regex guesser would accept (every capitalised word),
/// this looks up the dictionary's own entries only. Reads the dictionary: safe to call
/// from several threads, like parsing.
inline bool listed_in_dictionary(Dictionary_s* dictionary, const std::string& word) {
    LookupPtr entries(dictionary_lookup_list(dictionary, word.c_str()), LookupDeleter{dictionary});
    return entries != nullptr;
}

/// Collects Link Grammar's messages on this thread instead of printing them.
class QuietErrors {
  public:
    QuietErrors() {
        previous_data_ = const_cast<void*>(lg_error_set_handler_data(nullptr));
        previous_ = lg_error_set_handler(&QuietErrors::collect, &messages_);
    }
    ~QuietErrors() { lg_error_set_handler(previous_, previous_data_); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

    /// The messages of severity Error or worse seen so far, one per line.
    const std::string& errors() const { return messages_; }

  private:
    static void collect(lg_errinfo* info, void* data) {
        // Called from C: nothing may escape, so a failed append just loses the message.
        if (!info || !data || info->severity > lg_Error || !info->text) return;
        try {
            auto* out = static_cast<std::string*>(data);
            out->append(info->text);
            if (!out->empty() && out->back() != '\n') out->push_back('\n');
        } catch (...) {
        }
    }

    std::string messages_;
    lg_error_handler previous_ = nullptr;
    void* previous_data_ = nullptr;
};

} // namespace newskg::lg
