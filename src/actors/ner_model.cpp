// The name recogniser's model file and its greedy decoder.
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
