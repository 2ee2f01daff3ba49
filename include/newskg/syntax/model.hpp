#pragma once
/// The syntax model: part-of-speech tagger, lemmatizer and labelled dependency parser
/// for English in the Universal Dependencies scheme, trained by `newskg train-syntax`
/// and loaded once, read-only, shared by any number of threads.
///
/// File format (gzip): the magic line "newskg-syntax-model", a format version, a header
/// (license, attribution, training inputs with sizes and CRC-32s, training options),
/// then the tagger, lemmatizer and parser sections. See src/syntax/model_file.cpp.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <string_view>
#include <vector>

#include "newskg/core/error.hpp"

namespace newskg::syntax {

/// A model file that cannot be read or is not a syntax model: names the file.
class model_error : public error {
  public:
    model_error(ids::Id<ids::Family::Syntax> id, const std::string& path, const std::string& problem)
        : error(ids::text(id), path + ": " + problem) {}
};

/// 2: the parser's feature keys are made with one mix (src/syntax/parser_features.cpp),
/// and its section holds the word classes (empty unless trained with --clusters). 3: the
/// tagger's section ends with its words' ambiguity classes (src/syntax/tagger.hpp).
inline constexpr std::uint32_t kModelFormatVersion = 3;

/// A training input as recorded in the model header.
struct ModelInput {
    std::string name;        ///< file name without its directory
    std::uint64_t bytes = 0; ///< its size
    std::uint32_t crc32 = 0; ///< zlib's CRC-32 of its bytes
};

struct ModelInfo {
    std::uint32_t format_version = kModelFormatVersion;
    std::string license;     ///< "CC BY-SA 4.0" for a model trained on EWT
    std::string attribution; ///< the treebanks' credits
    std::vector<ModelInput> inputs;
    std::string options;     ///< the training options, "key=value" separated by spaces
};

/// One analysed word. `head` is 0-based within the sentence, −1 for the root.
struct WordAnalysis {
    std::string lemma;
    std::string upos;
    std::string xpos;
    int head = -1;
    std::string deprel;
};

/// Heads and tags UD never gives, mended after parsing: a verb with an article in a
/// nominal's place is a noun ("the Israeli raid"); a word hung on punctuation goes to the
/// mark's head, and an article the parser made a head ("asked the United Nations to act"
/// with "Nations" on "the") gives its place to its noun and becomes its determiner.
void repair_heads(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words);

struct ModelParts; // the tagger, lemmatizer and parser (src/syntax/model_parts.hpp)

/// Tags the gazetteer and the verb dictionaries know, which the tagger takes for words it
/// was never trained on: the treebanks tag country names PROPN and demonyms before a noun
/// ADJ almost always (EWT train: 868 of 873, 427 of 445), but name few of the world's
/// countries, so an unseen "Latvia" at the start of a sentence or "Estonian" before a
/// noun is guessed (NOUN, PROPN). And headlines, which the treebanks hardly have, drop
/// the words that tell a verb ("Latvian PM meets Estonian counterpart" reads as a noun
/// phrase): a headline the tagger gives no verb takes one from the known verbs.
/// Capitalised words only for names; lower-case keys.
class KnownTags {
  public:
    /// A verb lemma of the dictionaries ("meet", "sign"), for headlines without a verb.
    void add_verb(const std::string& lower);
    /// In a headline given no verb: the first lower-case word tagged NOUN right after a
    /// capitalised word whose form (or its singular) is a known verb ("meets", "sign"),
    /// or npos.
    std::size_t headline_verb(const std::vector<std::string_view>& forms,
                              const std::vector<std::string_view>& upos) const;
    /// In a sentence given no verb at all: the first lower-case word in -ed tagged ADJ or
    /// NOUN right after a noun or name whose stem is a known verb ("ECOWAS leaders
    /// imposed sanctions" with "imposed" read as an adjective), or an irregular past of one
    /// ("Estonia shot down a drone" with "shot" read as a noun), or npos.
    std::size_t verbless_past(const std::vector<std::string_view>& forms,
                              const std::vector<std::string_view>& upos) const;
    /// An irregular past form ("shot") of a lemma ("shoot"), kept when the lemma is a known
    /// verb (add_verb first), for sentences without a verb.
    void add_irregular_past(const std::string& lower, const std::string& lemma);
    /// A one-word country name ("latvia"): PROPN NNP.
    void add_name(const std::string& lower);
    /// A one-word demonym ("estonian"): ADJ JJ before a lower-case word, its plural
    /// ("Estonians") PROPN NNPS.
    void add_adjective(const std::string& lower);
    bool empty() const {
        return names_.empty() && adjectives_.empty() && verbs_.empty() && irregular_pasts_.empty();
    }
    /// The known (UPOS, XPOS) of word i of `forms`, or empty strings when the tagger decides.
    std::pair<std::string_view, std::string_view> at(const std::vector<std::string_view>& forms, std::size_t i) const;

  private:
    std::unordered_set<std::string> names_, adjectives_, verbs_, irregular_pasts_;
};

class SyntaxModel {
  public:
    SyntaxModel() = default;
    explicit SyntaxModel(std::shared_ptr<const ModelParts> parts);

    /// throws model_error (101 unreadable, 102 not a model / corrupt, 103 wrong version).
    static SyntaxModel load(const std::string& path);
    /// The model file's bytes (deterministic: the same model gives the same bytes).
    std::string serialize() const;
    /// Writes serialize() to `path`; throws output_error.
    void save(const std::string& path) const;

    bool empty() const { return !parts_; }
    const ModelInfo& info() const;

    /// Tags, lemmatizes and parses one sentence given as UD words; `headline`: the
    /// sentence is a headline (KnownTags::headline_verb).
    std::vector<WordAnalysis> analyse(const std::vector<std::string_view>& forms, bool headline = false) const;
    /// Tags and lemmatizes only.
    std::vector<WordAnalysis> tag(const std::vector<std::string_view>& forms) const;

    const ModelParts& parts() const { return *parts_; }

    /// This model with gazetteer tags for words it does not know (shares the model).
    SyntaxModel with_known_tags(KnownTags tags) const;
    const KnownTags* known_tags() const { return names_.get(); }

  private:
    /// The tagger's tag of each word, gazetteer tags forced where they apply.
    std::vector<int> tag_indices(const std::vector<std::string_view>& forms, bool headline = false) const;
    std::shared_ptr<const ModelParts> parts_;
    std::shared_ptr<const KnownTags> names_;
};

/// The model file shipped with newskg: $NEWSKG_SYNTAX_MODEL when set, else
/// models/syntax-en.nskg beside the ontology directory `ontology_dir` (the source tree's
/// or the installed share/newskg/), else "" when there is none.
std::string default_model_path(const std::string& ontology_dir);

inline constexpr const char* kModelFileName = "syntax-en.nskg";

} // namespace newskg::syntax
