#pragma once
#include <cstddef>
#include <cstdint>

#include "syntax/parser.hpp"
#include "syntax/parser_state.hpp"

namespace newskg::syntax {

inline constexpr std::size_t kMaxParserFeatures = 128;
/// The features of a configuration; returns their count. With `table`, each key's slot
/// is prefetched as soon as the key is made.
std::size_t parser_features(const ParserState& st, const ParserInput& in, std::uint64_t* out,
                            const Weights* table = nullptr);

} // namespace newskg::syntax
