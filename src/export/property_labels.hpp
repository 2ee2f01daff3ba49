#pragma once
// The words a reader sees for what the exports show: relation labels by the property's
// local name (DOT, JSON, GraphML), read through relation_types() so one map is built per
// export instead of a lookup per edge; and the word for an actor type (DOT, HTML).
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

/// The word a reader sees for an actor type: the ontology classes' labels (newskg.ttl),
/// not the class names, which are code ("ArmedGroup").
inline const char* actor_type_word(ActorType t) {
    switch (t) {
    case ActorType::Person: return "person";
    case ActorType::Country: return "country";
    case ActorType::Location: return "location";
    case ActorType::Government: return "government";
    case ActorType::Military: return "military";
    case ActorType::ArmedGroup: return "armed group";
    case ActorType::Organization: return "organization";
    case ActorType::Actor: break;
    }
    return "other actor";
}

} // namespace newskg::detail
