#pragma once
// The file layout both trained models share (the syntax model, the name recogniser):
// gzip of a magic line, the format version, the ModelInfo header, then the model's own
// sections. One place reads and writes it, so the two cannot drift apart.
#include <cstdint>
#include <string>
#include <string_view>

#include "newskg/syntax/model.hpp"
#include "syntax/binary_io.hpp"

namespace newskg::syntax {

/// Starts a model's bytes: magic, version and the info header.
void write_model_header(ByteWriter& out, std::string_view magic, std::uint32_t version, const ModelInfo& info);

/// Writes a model's packed bytes (serialize()) to `path` through a temporary file; throws output_error
/// `write_id` (the temporary) or `rename_id` (putting it in place).
void write_model_file(const std::string& path, const std::string& bytes, ids::Id<ids::Family::Output> write_id,
                      ids::Id<ids::Family::Output> rename_id);

/// Reads and unpacks a model file, checks its magic and returns what follows it.
/// `what` names the model in messages ("syntax model"); throws model_error 101 or 102.
std::string read_model_file(const std::string& path, std::string_view magic, const std::string& what);

/// Reads the version and info header into `info`; throws model_error 103 when the
/// version is not `version` (`retrain` says how to make a new one).
void read_model_header(ByteReader& in, const std::string& path, std::uint32_t version, const std::string& what,
                       const std::string& retrain, ModelInfo& info);

} // namespace newskg::syntax
