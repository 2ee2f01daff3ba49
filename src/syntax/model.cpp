#include "newskg/syntax/model.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "syntax/binary_io.hpp"
#include "syntax/model_parts.hpp"

namespace newskg::syntax {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kMagic = "newskg-syntax-model\n";
}

SyntaxModel::SyntaxModel(std::shared_ptr<const ModelParts> parts) : parts_(std::move(parts)) {}

const ModelInfo& SyntaxModel::info() const { return parts_->info; }

std::string SyntaxModel::serialize() const {
    ByteWriter out;
    for (char c : kMagic) out.u8(static_cast<std::uint8_t>(c));
    const ModelInfo& i = parts_->info;
    out.u32(kModelFormatVersion);
    out.str(i.license);
    out.str(i.attribution);
    out.u32(static_cast<std::uint32_t>(i.inputs.size()));
    for (const auto& in : i.inputs) {
        out.str(in.name);
        out.u64(in.bytes);
        out.u32(in.crc32);
    }
    out.str(i.options);
    parts_->tagger.write(out);
    parts_->lemmatizer.write(out);
    parts_->parser.write(out);
    return gzip_compress(out.bytes());
}

void SyntaxModel::save(const std::string& path) const {
    const std::string bytes = serialize();
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !f.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
            throw output_error(801, path, "cannot write the model file");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw output_error(802, path, "cannot write the model file: " + ec.message());
}

SyntaxModel SyntaxModel::load(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw model_error(101, path, "cannot open the syntax model file");
    std::string gz((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::string raw;
    if (!gzip_decompress(gz, raw)) throw model_error(102, path, "not a syntax model (not a gzip file, or truncated)");
    if (raw.compare(0, kMagic.size(), kMagic) != 0) throw model_error(102, path, "not a newskg syntax model");
    ByteReader in(std::string_view(raw).substr(kMagic.size()));
    auto parts = std::make_shared<ModelParts>();
    ModelInfo& i = parts->info;
    i.format_version = in.u32();
    if (i.format_version != kModelFormatVersion)
        throw model_error(103, path, "model format version " + std::to_string(i.format_version) +
                                         ", this newskg reads version " + std::to_string(kModelFormatVersion) +
                                         " (retrain with newskg train-syntax)");
    i.license = in.str();
    i.attribution = in.str();
    const std::uint32_t n = in.u32();
    for (std::uint32_t k = 0; k < n && !in.failed() && k < 1000; ++k) {
        ModelInput mi;
        mi.name = in.str();
        mi.bytes = in.u64();
        mi.crc32 = in.u32();
        i.inputs.push_back(mi);
    }
    i.options = in.str();
    if (in.failed() || !parts->tagger.read(in) || !parts->lemmatizer.read(in) || !parts->parser.read(in) ||
        !in.at_end())
        throw model_error(102, path, "corrupt syntax model (a section is truncated or inconsistent)");
    return SyntaxModel(std::move(parts));
}

std::vector<WordAnalysis> SyntaxModel::tag(const std::vector<std::string_view>& forms) const {
    const ModelParts& p = *parts_;
    const std::vector<int> tags = p.tagger.tag(forms);
    std::vector<WordAnalysis> out(forms.size());
    const TagSet& ts = p.tagger.tags();
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto t = static_cast<std::size_t>(tags[i]);
        out[i].upos = ts.upos[t];
        out[i].xpos = ts.xpos[t];
        out[i].lemma = p.lemmatizer.lemma(forms[i], ts.xpos[t]);
    }
    return out;
}

std::vector<WordAnalysis> SyntaxModel::analyse(const std::vector<std::string_view>& forms) const {
    const ModelParts& p = *parts_;
    const std::vector<int> tags = p.tagger.tag(forms);
    const TagSet& ts = p.tagger.tags();
    const Tree tree = p.parser.parse(parser_input(forms, tags, ts.upos));
    std::vector<WordAnalysis> out(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto t = static_cast<std::size_t>(tags[i]);
        out[i].upos = ts.upos[t];
        out[i].xpos = ts.xpos[t];
        out[i].lemma = p.lemmatizer.lemma(forms[i], ts.xpos[t]);
        out[i].head = tree.head[i];
        out[i].deprel = p.parser.labels()[static_cast<std::size_t>(tree.label[i])];
    }
    return out;
}

std::string default_model_path(const std::string& ontology_dir) {
    if (const char* env = std::getenv("NEWSKG_SYNTAX_MODEL"); env && *env) return env;
    if (ontology_dir.empty()) return {};
    // ontology/ and models/ sit side by side, in the source tree and in share/newskg/.
    fs::path p = fs::path(ontology_dir) / ".." / "models" / kModelFileName;
    std::error_code ec;
    if (fs::exists(p, ec)) return p.lexically_normal().string();
    return {};
}

} // namespace newskg::syntax
