#pragma once
// The compiled form of the verb dictionary, shared by its loader
// (verb_dictionary_load.cpp) and matcher (verb_dictionary_match.cpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newskg/relations/verb_dictionary.hpp"

namespace newskg {

/// A word of the dictionary, interned: frames are compared by id, not by string.
using WordId = std::uint32_t;

/// One required word of a pattern: satisfied when every word of one option is in the
/// pool searched. A plain word has one option of one word; "favour/favor" two options;
/// a synonym set (&military) one option per member ("armed forces" needs both words).
struct Alternatives {
    std::vector<std::vector<WordId>> options;
};
using AltId = std::uint32_t; // index into VerbDictionary::Data::alternatives

/// Where a pattern puts the target or the source.
enum class Role : std::uint8_t { None, Target, Source };

struct PrepRequirement {
    std::vector<std::string> prepositions; ///< alternatives ("by/with")
    std::vector<AltId> words;
    Role role = Role::None;
};

struct Pattern {
    std::vector<AltId> subject; ///< words before the verb
    std::vector<AltId> object;  ///< words after it, outside a phrase
    std::vector<PrepRequirement> preps;
    Role subject_role = Role::None; ///< "+ INSPECTOR *": the subject is the target
    Role object_role = Role::None;  ///< "* + …": the direct object is the target
    std::string cameo;              ///< "---" is the null code; "" only with reverse
    std::string reverse;
    std::string predicate;
    std::string provenance;
    int specificity = 0;
    bool own = false;
    bool direct = false;   ///< an own "dobj" sense: its target is the direct object
    std::size_t order = 0; ///< file order, the last tie-breaker
};

/// One verb row: a lemma, the words of a multi-word verb after it, and its block.
struct VerbEntry {
    std::vector<std::string> particle; ///< {"up"}, {"hold", "of"}; empty for the plain verb
    std::uint32_t block = 0;
    std::string code; ///< the verb alone; "---" none
    std::string predicate;
    std::string provenance;
};

struct VerbDictionary::Data {
    std::unordered_map<std::string, WordId> words;
    std::vector<Alternatives> alternatives;
    std::unordered_map<std::string, AltId> alternative_index; ///< by token ("right", "&military", "a/b")
    std::vector<std::vector<Pattern>> blocks;                  ///< patterns of each block
    std::unordered_map<std::string, std::uint32_t> block_index;
    /// lemma → its entries, those with the longest particle first and the plain verb last
    std::unordered_map<std::string, std::vector<VerbEntry>> verbs;
    /// lemma → our own senses (ontology/verbs.tsv), compiled as patterns
    std::unordered_map<std::string, std::vector<Pattern>> own;
    /// "hand back", "call off": verbs the dictionary or our lexicon writes with a one-word
    /// particle after them ("lemma particle")
    std::unordered_set<std::string> particle_verbs;
    VerbDictionaryStats stats;
};

} // namespace newskg
