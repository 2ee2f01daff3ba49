#include "syntax/model_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "newskg/core/error.hpp"

namespace newskg::syntax {

void write_model_header(ByteWriter& out, std::string_view magic, std::uint32_t version, const ModelInfo& info) {
    for (char c : magic) out.u8(static_cast<std::uint8_t>(c));
    out.u32(version);
    out.str(info.license);
    out.str(info.attribution);
    out.u32(static_cast<std::uint32_t>(info.inputs.size()));
    for (const auto& in : info.inputs) {
        out.str(in.name);
        out.u64(in.bytes);
        out.u32(in.crc32);
    }
    out.str(info.options);
}

void write_model_file(const std::string& path, const std::string& bytes, ids::Id<ids::Family::Output> write_id,
                      ids::Id<ids::Family::Output> rename_id) {
    const std::string& packed = bytes;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !f.write(packed.data(), static_cast<std::streamsize>(packed.size())))
            throw output_error(write_id, path, "cannot write the model file");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw output_error(rename_id, path, "cannot write the model file: " + ec.message());
}

std::string read_model_file(const std::string& path, std::string_view magic, const std::string& what) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw model_error(ids::syntax::kModelUnreadable, path, "cannot open the " + what + " file");
    std::string gz((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::string raw;
    if (!gzip_decompress(gz, raw))
        throw model_error(ids::syntax::kModelCorrupt, path, "not a " + what + " (not a gzip file, or truncated)");
    if (raw.compare(0, magic.size(), magic) != 0)
        throw model_error(ids::syntax::kModelCorrupt, path, "not a newskg " + what);
    return raw.substr(magic.size());
}

void read_model_header(ByteReader& in, const std::string& path, std::uint32_t version, const std::string& what,
                       const std::string& retrain, ModelInfo& info) {
    info.format_version = in.u32();
    if (info.format_version != version)
        throw model_error(ids::syntax::kModelVersion, path,
                          what + " format version " + std::to_string(info.format_version) +
                              ", this newskg reads version " + std::to_string(version) + " (retrain with " + retrain +
                              ")");
    info.license = in.str();
    info.attribution = in.str();
    const std::uint32_t n = in.u32();
    for (std::uint32_t k = 0; k < n && !in.failed() && k < 1000; ++k) {
        ModelInput mi;
        mi.name = in.str();
        mi.bytes = in.u64();
        mi.crc32 = in.u32();
        info.inputs.push_back(mi);
    }
    info.options = in.str();
}

} // namespace newskg::syntax
