#pragma once
// Events from the CAMEO verb dictionary (ontology/cameo-verbs.tsv, converted from
// PETRARCH's CAMEO.2.0.txt) matched against a verb's dependency frame: the verb's lemma
// and particle, its direct object and case-marked arguments with their words, passive
// voice. The dictionary names the code and which argument is the target; the tree names
// the source (subject, or the passive's agent).
#include <cctype>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "newskg/relations/verb_dictionary.hpp"
#include "relations/dependency_tree.hpp"

namespace newskg {

/// One event the dictionary codes: source and target nominals (tree words, coordination
/// resolved), the code, and the pattern that gave it.
struct DictionaryEvent {
    std::vector<std::size_t> sources;
    std::vector<std::size_t> targets;
    std::string cameo;
    std::string predicate; ///< ontology property named by our own lexicon; "" = by the code
    std::string rule;
    bool mutual = false; ///< "X and Y deepened their partnership": sources[0] ↔ sources[1]
};

/// The verb's frame as the dictionary matcher reads it. `is_actor(word)` tells whether a
/// tree word belongs to an actor mention.
VerbFrame frame_of(const DependencyTree& tree, std::size_t verb,
                   const std::function<bool(std::size_t)>& is_actor,
                   std::vector<std::size_t>* argument_heads = nullptr);

/// Where a use of force took place, when nothing else names its target: "struck
/// targets in Iran" is aimed at Iran. Empty for codes outside CAMEO 18-20.
/// The actors who do what a noun names: its possessor or its "by" phrase ("Uganda's
/// withdrawal", "an attack by Ugandan soldiers"); none for a pronoun possessor.
std::vector<std::size_t> agents_of_noun(const DependencyTree& tree, std::size_t noun,
                                        const std::function<bool(std::size_t)>& is_actor);

/// The root of a CAMEO code (its first two digits: 1 to 20), or 0 for none.
inline int cameo_root(const std::string& cameo) {
    if (cameo.size() < 2 || !std::isdigit(static_cast<unsigned char>(cameo[0])) ||
        !std::isdigit(static_cast<unsigned char>(cameo[1])))
        return 0;
    return (cameo[0] - '0') * 10 + (cameo[1] - '0');
}

/// CAMEO 01–06 and 10–14: words and attitudes (statements, appeals, cooperation,
/// demands, disapproval, rejection, threats, protest), which can be aimed at what a party
/// did or decided ("criticized X's decision"); the other codes act on the party itself.
inline bool is_verbal_code(const std::string& cameo) {
    const int root = cameo_root(cameo);
    return (root >= 1 && root <= 6) || (root >= 10 && root <= 14);
}

/// CAMEO 18–20 (assault, fight, mass violence): blows that land on a place's country.
inline bool is_force_code(const std::string& cameo) {
    return cameo.size() >= 2 && (cameo.compare(0, 2, "18") == 0 || cameo.compare(0, 2, "19") == 0 ||
                                 cameo.compare(0, 2, "20") == 0);
}

/// Kinds of place: "X, the Georgian capital", "a town in North Kivu province".
const std::set<std::string>& place_kind_nouns();

/// The actors a blow (a force code) lands on through the place it struck: "struck targets
/// in Iran", "a refinery in Russia's Samara region" (a kind of place and whose it is).
std::vector<std::size_t> territory_targets(const DependencyTree& tree, std::size_t verb, const std::string& cameo,
                                           const std::function<bool(std::size_t)>& is_actor);

/// The event of the verb, if the dictionary codes one with a source and a target actor.
/// `is_event_noun(word)` tells whether an object names an event of its own ("tariffs",
/// "accusations"), which a bare verb code then leaves to the noun frame; `is_light_verb`
/// whether a verb only carries its object's event ("conducted an operation in X" is no
/// blow at X, where "seized towns in X" is); `is_abstract_noun(word)` whether an object
/// names something a party has or did that is no party ("the government's record"),
/// whose owner only words and attitudes are aimed at.
std::vector<DictionaryEvent> dictionary_events(const DependencyTree& tree, std::size_t verb,
                                               const VerbDictionary& dictionary,
                                               const std::function<bool(std::size_t)>& is_actor,
                                               const std::function<bool(std::size_t)>& is_event_noun = {},
                                               const std::function<bool(const std::string&)>& is_light_verb = {},
                                               const std::function<bool(std::size_t)>& is_abstract_noun = {});

} // namespace newskg
