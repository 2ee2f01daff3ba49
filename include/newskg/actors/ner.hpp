#pragma once
/// The statistical name recogniser: finds proper-name mentions of people, organisations
/// and places in a sentence of UD words and gives each a coarse type. A greedy
/// left-to-right averaged perceptron over BILOU tags (Begin, Inside, Last, Unit, Outside
/// for each type), with word, affix, shape, part-of-speech, neighbour, capitalised-run
/// and gazetteer features; trained by `newskg train-ner` (include/newskg/actors/ner_train.hpp).
///
/// File format (gzip): the magic line "newskg-ner-model", a format version, a header
/// (license, attribution, training inputs with sizes and CRC-32s, options), then the
/// weights. The model is loaded once and shared read-only by any number of threads.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/syntax/model.hpp"

namespace newskg {
class ActorIndex;
}

namespace newskg::ner {

/// The coarse types the recogniser gives; the ontology and the dictionaries refine them.
enum class NameType { Person = 0, Organization = 1, Place = 2 };
inline constexpr std::size_t kNameTypes = 3;
/// "person", "organization", "place" (GUM's names for them).
std::string_view to_string(NameType t);

/// A name found in a sentence: words [begin, end) of the sentence, half-open.
struct NameSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    NameType type = NameType::Person;
    friend bool operator==(const NameSpan& a, const NameSpan& b) {
        return a.begin == b.begin && a.end == b.end && a.type == b.type;
    }
};

/// Gazetteer and dictionary facts about a word, as bits (see gazetteer_marks).
enum GazetteerMark : std::uint32_t {
    kGazBegin = 1u << 0,       ///< first word of a gazetteer or dictionary name
    kGazInside = 1u << 1,      ///< a later word of one
    kGazCountry = 1u << 2,     ///< … of a country's name
    kGazPlace = 1u << 3,       ///< … of a place below country level
    kGazPerson = 1u << 4,      ///< … of a person (dictionaries)
    kGazOrganization = 1u << 5, ///< … of an organisation, armed group, government, military
    kGazDemonym = 1u << 6,     ///< a country's adjective or demonym ("Malian")
    kGazAcronym = 1u << 7,     ///< a known acronym written as one ("UN")
    kGazCue = 1u << 8,         ///< an actor cue word ("forces", "minister", "rebels")
    kGazNotActor = 1u << 9,    ///< listed in not-actors.txt
};

/// One word of the sentence given to the recogniser: its form and the tagger's tags
/// (predicted, as the syntax stage gives them), and its gazetteer marks.
struct NerWord {
    std::string_view form;
    std::string_view upos;
    std::string_view xpos;
    std::uint32_t gazetteer = 0;
};

/// The gazetteer marks of a sentence's words from the ontology's gazetteer, the actor
/// dictionaries and the cue lists of `index` (longest name first, left to right).
std::vector<std::uint32_t> gazetteer_marks(const ActorIndex& index, const std::vector<std::string_view>& forms);

struct NerModelParts; // weights and header (src/actors/ner_model.hpp)

class NerModel {
  public:
    NerModel() = default;
    explicit NerModel(std::shared_ptr<const NerModelParts> parts);

    /// throws syntax::model_error (101 unreadable, 102 not a model / corrupt, 103 wrong version).
    static NerModel load(const std::string& path);
    /// The file's bytes (deterministic).
    std::string serialize() const;
    /// Writes serialize() to `path` through a temporary file; throws output_error.
    void save(const std::string& path) const;

    bool empty() const { return !parts_; }
    /// License, attribution, inputs and options recorded at training time.
    const syntax::ModelInfo& info() const;

    /// The names of one sentence, in text order, never overlapping.
    /// Thread safety: const and reentrant.
    std::vector<NameSpan> recognize(const std::vector<NerWord>& words) const;

  private:
    std::shared_ptr<const NerModelParts> parts_;
};

/// The names of every sentence of an analysed document (Document::words filled by the
/// syntax stage; none without it): spans of indices into Document::words, in text order.
std::vector<NameSpan> recognize_document(const Document& doc, const NerModel& model, const ActorIndex& index);

inline constexpr std::uint32_t kNerFormatVersion = 1;
inline constexpr const char* kNerModelFileName = "ner-en.nskg";

/// The shipped model: $NEWSKG_NER_MODEL when set, else models/ner-en.nskg beside the
/// ontology directory, else "" when there is none.
std::string default_model_path(const std::string& ontology_dir);

} // namespace newskg::ner
