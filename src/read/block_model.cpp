#include "read/block_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace newskg::detail {

double BlockModel::probability(const BlockFeatures& x) const {
    double z = 0;
    for (std::size_t i = 0; i < kBlockFeatures; ++i) z += weights[i] * x[i];
    return 1.0 / (1.0 + std::exp(-z));
}

BlockModel BlockModel::parse(std::string_view text) {
    BlockModel m;
    std::array<bool, kBlockFeatures> seen{};
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream ls(line);
        std::string name;
        double w = 0;
        if (!(ls >> name >> w)) throw std::runtime_error("block model: bad line: " + line);
        std::size_t i = 0;
        while (i < kBlockFeatures && kBlockFeatureNames[i] != name) ++i;
        if (i == kBlockFeatures) throw std::runtime_error("block model: unknown feature " + name);
        m.weights[i] = w;
        seen[i] = true;
    }
    // A file with no weights at all (before the first training) means "rules alone".
    if (std::none_of(seen.begin(), seen.end(), [](bool b) { return b; })) return m;
    for (std::size_t i = 0; i < kBlockFeatures; ++i)
        if (!seen[i]) throw std::runtime_error("block model: no weight for " + std::string(kBlockFeatureNames[i]));
    m.empty = false;
    return m;
}

std::string BlockModel::to_text() const {
    std::string out;
    char buf[64];
    for (std::size_t i = 0; i < kBlockFeatures; ++i) {
        std::snprintf(buf, sizeof buf, " %.6f\n", weights[i]);
        out += std::string(kBlockFeatureNames[i]) + buf;
    }
    return out;
}

const BlockModels& BlockModels::shipped() {
    // The data files are raw strings of "name weight" lines, written by `scripts/html-cv train`.
    static const BlockModels models{BlockModel::parse(
#include "read/block_model_page.inc"
                                        ),
                                    BlockModel::parse(
#include "read/block_model_block.inc"
                                        )};
    return models;
}

} // namespace newskg::detail
