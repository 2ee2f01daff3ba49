// The name recogniser's model file and its greedy decoder.
#include <cctype>
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "actors/ner_model.hpp"
#include "newskg/core/error.hpp"
#include "syntax/binary_io.hpp"
#include "syntax/model_file.hpp"

namespace newskg::ner {

namespace fs = std::filesystem;
using syntax::model_error;

namespace {
constexpr std::string_view kMagic = "newskg-ner-model\n";
}

std::string_view to_string(NameType t) {
    switch (t) {
    case NameType::Person: return "person";
    case NameType::Organization: return "organization";
    case NameType::Place: return "place";
    }
    return "person";
}

NerModel::NerModel(std::shared_ptr<const NerModelParts> parts) : parts_(std::move(parts)) {}

const syntax::ModelInfo& NerModel::info() const { return parts_->info; }

std::string NerModel::serialize() const {
    syntax::ByteWriter out;
    syntax::write_model_header(out, kMagic, kNerFormatVersion, parts_->info);
    parts_->weights.write(out);
    return syntax::gzip_compress(out.bytes());
}

void NerModel::save(const std::string& path) const {
    syntax::write_model_file(path, serialize(), ids::output::kNerModelWrite, ids::output::kNerModelRename);
}

NerModel NerModel::load(const std::string& path) {
    const std::string raw = syntax::read_model_file(path, kMagic, "name recogniser model");
    syntax::ByteReader in(raw);
    auto parts = std::make_shared<NerModelParts>();
    syntax::read_model_header(in, path, kNerFormatVersion, "name recogniser model", "newskg train-ner", parts->info);
    if (in.failed() || !parts->weights.read(in) || parts->weights.classes() != kLabels || !in.at_end())
        throw model_error(ids::syntax::kModelCorrupt, path,
                          "corrupt name recogniser model (truncated or inconsistent)");
    return NerModel(std::move(parts));
}

namespace {

/// What a word may be inside a name: names continue over capitalised words, numbers,
/// possessives and the short connectors of names ("Bank of England", "Abu Bakr al
/// Baghdadi", "People's"), and end on a capitalised word or a number. The training
/// data's names are such runs, so the decoder holds the model to them: "Lukashenko of
/// rigging the vote" is no name.
enum class InName { Never, No, Inside, End };

InName in_name(std::string_view form) {
    if (form.empty()) return InName::No;
    const auto c = static_cast<unsigned char>(form[0]);
    // An amount ("2.4", "30,000") is no part of a name; a model number ("Apollo 11") is.
    if (std::isdigit(c)) return form.find_first_of(".,") == std::string_view::npos ? InName::End : InName::No;
    // "Tutsi-led", "Iran-backed", "Kyiv-based": a name joined to a lower-case word is a
    // modifier before a name, no part of it; "al-Baghdadi" is a name.
    if (const auto dash = form.find('-'); dash != std::string_view::npos && dash + 1 < form.size()) {
        const auto after = static_cast<unsigned char>(form[dash + 1]);
        if (std::islower(after) && (std::isupper(c) || c >= 0x80)) return InName::Never;
        if (std::isupper(after)) return InName::End;
    }
    if (std::isupper(c) || c >= 0x80) return InName::End;
    static const std::string_view connectors[] = {"of", "for", "de", "the", "and", "&", "al", "bin", "ibn",
                                                  "van", "von", "der", "da", "du", "la", "le", "el", "y",
                                                  "des", "del", "di", "'s", "'", "-", "on", "in", "at"};
    for (std::string_view k : connectors)
        if (form == k) return InName::Inside;
    return InName::No;
}

/// Ends the name open before word `i` at its last word that can end one (dropping
/// connectors after it), or drops it when it has none.
void close_name(const std::vector<NerWord>& words, std::vector<int>& labels, std::size_t i) {
    std::size_t open = i - 1;
    while (open > 0 && part_of(labels[open]) != Part::Begin) --open;
    const NameType type = type_of(labels[open]);
    std::size_t end = i; // one past the name's last word
    while (end > open && in_name(words[end - 1].form) != InName::End) --end;
    for (std::size_t k = open; k < i; ++k) {
        if (k >= end) labels[k] = kOutside;
        else if (end - open == 1) labels[k] = label_of(Part::Unit, type);
        else if (k + 1 == end) labels[k] = label_of(Part::Last, type);
    }
}

} // namespace

std::vector<NameSpan> NerModel::recognize(const std::vector<NerWord>& words) const {
    if (words.empty() || !parts_) return {};
    const NerSentenceFeatures s = sentence_features(words);
    std::vector<int> labels(words.size());
    float scores[kLabels];
    std::uint64_t keys[kMaxNerFeatures];
    int p1 = -1, p2 = -1;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::fill(std::begin(scores), std::end(scores), 0.0f);
        const std::size_t n = ner_features(s, i, p1, p2, keys);
        parts_->weights.score(keys, n, scores);
        // A label the word cannot carry scores lowest; a name that cannot go on here
        // ends before it (the previous word's Inside becomes Last, Begin becomes Unit).
        const InName here = in_name(words[i].form);
        for (int l = 0; l < static_cast<int>(kLabels); ++l) {
            const Part part = part_of(l);
            if ((part != Part::Outside && here == InName::Never) ||
                (part == Part::Inside && (here == InName::No || here == InName::Never)) ||
                (part == Part::Last && here != InName::End))
                scores[l] = -1e30f;
        }
        if (p1 >= 0 && (here == InName::No || here == InName::Never) &&
            (part_of(p1) == Part::Begin || part_of(p1) == Part::Inside)) {
            close_name(words, labels, i);
            p1 = labels[i - 1];
        }
        labels[i] = best_allowed(scores, p1, i + 1 == words.size());
        p2 = p1;
        p1 = labels[i];
    }
    return spans_of(labels);
}

std::string default_model_path(const std::string& ontology_dir) {
    if (const char* env = std::getenv("NEWSKG_NER_MODEL"); env && *env) return env;
    if (ontology_dir.empty()) return {};
    fs::path p = fs::path(ontology_dir) / ".." / "models" / kNerModelFileName;
    std::error_code ec;
    if (fs::exists(p, ec)) return p.lexically_normal().string();
    return {};
}

} // namespace newskg::ner
