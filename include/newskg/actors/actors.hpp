#pragma once
/// The actors stage: finds the actors an article names, types them, and resolves every
/// mention of one actor (names, acronyms and their misspellings, demonym composites,
/// definite descriptions, pronouns) to one Entity.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

/// The recogniser's word lists (ontology/actor-cues.tsv, ontology/not-actors.txt),
/// loaded once.
struct ActorCues {
    /// cue (lower case, words joined by one space) → roles it can play → actor type.
    std::map<std::string, std::map<std::string, std::string>> by_word;
    std::set<std::string> not_actors;
    std::size_t longest_cue = 1; ///< in words

    /// throws ontology_error naming the file on a malformed line.
    static ActorCues load(const std::string& dir);
    /// The actor type a cue stands for in a role, or empty when the cue has no such role.
    std::string role(std::string_view word, std::string_view role_name) const;
    bool has_role(std::string_view word, std::string_view role_name) const {
        return !role(word, role_name).empty();
    }
};

/// Gazetteer lookup tables built once from the Ontology (names, acronyms, adjectives).
class ActorIndex {
  public:
    ActorIndex(const Ontology& ontology, const ActorCues& cues);
    const Ontology& ontology() const { return ontology_; }
    const ActorCues& cues() const { return cues_; }
    /// Gazetteer entries whose name is exactly this key (lower-cased words joined by a space).
    const std::vector<std::size_t>* by_name(const std::string& key) const;
    /// Countries whose adjective or demonym is this key ("malian", "russians").
    const std::vector<std::size_t>* by_adjective(const std::string& key) const;
    /// Gazetteer entries one of whose acronyms is exactly this (case kept: "UN", "MINUSMA").
    const std::vector<std::size_t>* by_acronym(const std::string& acronym) const;
    /// Entries whose capital is this key ("bamako").
    const std::vector<std::size_t>* by_capital(const std::string& key) const;
    const GazetteerEntry& entry(std::size_t i) const { return ontology_.gazetteer()[i]; }
    std::size_t longest_name() const { return longest_name_; }
    /// All acronyms, for near-spelling matches.
    const std::unordered_map<std::string, std::vector<std::size_t>>& acronyms() const {
        return acronyms_;
    }
    /// The gazetteer entry of a country by ISO code, or npos.
    std::size_t country(const std::string& iso) const;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  private:
    const Ontology& ontology_;
    const ActorCues& cues_;
    std::unordered_map<std::string, std::vector<std::size_t>> names_, adjectives_, acronyms_,
        capitals_;
    std::unordered_map<std::string, std::size_t> countries_;
    std::size_t longest_name_ = 1;
};

struct ActorOptions {
    std::string base_iri = std::string(kDefaultBaseIri);
};

/// Finds and resolves the actors of an analysed Document (tokens and sentences set).
/// Fills Extraction::mentions and Extraction::entities and appends the standing relations
/// the names themselves state ("Malian forces" → partOf Mali; "Russia's Wagner" →
/// affiliatedWith Russia; "Rebel spokesperson X" → spokespersonOf).
/// Thread safety: const and reentrant; one ActorIndex may serve several threads.
void find_actors(Extraction& extraction, const ActorIndex& index, const ActorOptions& options);

/// The key names are compared by: lower case, curly quotes straightened, words joined by
/// one space, a leading "the" and a trailing possessive dropped.
std::string name_key(std::string_view name);

/// Levenshtein distance (bytes), used for near-spellings of acronyms and long names.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Mints a stable IRI from a type and a name: base + type slug + "/" + slug of the name.
std::string mint_iri(const std::string& base, ActorType type, std::string_view key);

} // namespace newskg
