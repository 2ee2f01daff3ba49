#pragma once
// Relation labels by the property's local name, for the exports that show them (DOT,
// JSON, GraphML). Read through relation_types() so one map is built per export instead
// of a lookup per edge.
#include <string>
#include <unordered_map>

#include "newskg/ontology/ontology.hpp"

namespace newskg::detail {

/// Local name → label, for the properties whose label is not empty; empty without an ontology.
inline std::unordered_map<std::string, std::string> property_labels(const Ontology* ontology) {
    std::unordered_map<std::string, std::string> labels;
    if (!ontology) return labels;
    for (const RelationType& r : ontology->relation_types())
        if (!r.label.empty()) labels.emplace(r.name, r.label);
    return labels;
}

} // namespace newskg::detail
