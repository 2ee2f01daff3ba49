// The name recogniser's model file and its greedy decoder.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "actors/ner_model.hpp"
#include "newskg/core/error.hpp"
#include "syntax/binary_io.hpp"

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
    for (char c : kMagic) out.u8(static_cast<std::uint8_t>(c));
    const syntax::ModelInfo& i = parts_->info;
    out.u32(kNerFormatVersion);
    out.str(i.license);
    out.str(i.attribution);
    out.u32(static_cast<std::uint32_t>(i.inputs.size()));
    for (const auto& in : i.inputs) {
        out.str(in.name);
        out.u64(in.bytes);
        out.u32(in.crc32);
    }
    out.str(i.options);
    parts_->weights.write(out);
    return syntax::gzip_compress(out.bytes());
}

void NerModel::save(const std::string& path) const {
    const std::string bytes = serialize();
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !f.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
            throw output_error(803, path, "cannot write the model file");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw output_error(804, path, "cannot write the model file: " + ec.message());
}

NerModel NerModel::load(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw model_error(101, path, "cannot open the name recogniser's model file");
    std::string gz((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::string raw;
    if (!syntax::gzip_decompress(gz, raw))
        throw model_error(102, path, "not a name recogniser model (not a gzip file, or truncated)");
    if (raw.compare(0, kMagic.size(), kMagic) != 0) throw model_error(102, path, "not a newskg name recogniser model");
    syntax::ByteReader in(std::string_view(raw).substr(kMagic.size()));
    auto parts = std::make_shared<NerModelParts>();
    syntax::ModelInfo& i = parts->info;
    i.format_version = in.u32();
    if (i.format_version != kNerFormatVersion)
        throw model_error(103, path, "name recogniser format version " + std::to_string(i.format_version) +
                                         ", this newskg reads version " + std::to_string(kNerFormatVersion) +
                                         " (retrain with newskg train-ner)");
    i.license = in.str();
    i.attribution = in.str();
    const std::uint32_t n = in.u32();
    for (std::uint32_t k = 0; k < n && !in.failed() && k < 1000; ++k) {
        syntax::ModelInput mi;
        mi.name = in.str();
        mi.bytes = in.u64();
        mi.crc32 = in.u32();
        i.inputs.push_back(mi);
    }
    i.options = in.str();
    if (in.failed() || !parts->weights.read(in) || parts->weights.classes() != kLabels || !in.at_end())
        throw model_error(102, path, "corrupt name recogniser model (truncated or inconsistent)");
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
