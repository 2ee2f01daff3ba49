#pragma once
#include <cstddef>
#include <cstdint>

#include "syntax/parser.hpp"
#include "syntax/parser_state.hpp"

namespace newskg::syntax {

inline constexpr std::size_t kMaxParserFeatures = 128;
/// The features of a configuration; returns their count.
std::size_t parser_features(const ParserState& st, const ParserInput& in, std::uint64_t* out);

} // namespace newskg::syntax
