#pragma once
#include "newskg/syntax/model.hpp"
#include "syntax/lemmatizer.hpp"
#include "syntax/parser.hpp"
#include "syntax/tagger.hpp"

namespace newskg::syntax {

struct ModelParts {
    ModelInfo info;
    Tagger tagger;
    Lemmatizer lemmatizer;
    Parser parser;
};

} // namespace newskg::syntax
