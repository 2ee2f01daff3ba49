#pragma once
/// The actors stage: finds the actors an article names, types them, and resolves every
/// mention of one actor (names, acronyms and their misspellings, demonym composites,
/// definite descriptions, pronouns) to one Entity.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newskg/actors/dictionary.hpp"
#include "newskg/core/model.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

/// The recogniser's word lists (ontology/actor-cues.tsv, ontology/not-actors.txt),
/// loaded once.
struct ActorCues {
    /// cue (lower case, words joined by one space) → roles it can play → actor type.
    std::map<std::string, std::map<std::string, std::string>> by_word;
    /// Word classes the relation and typing rules read (roles `civic_word`, `armed_word`,
    /// `relief_head`, `own_kind`):
    /// role → words. Kept apart from by_word, whose words are never read as names.
    std::map<std::string, std::set<std::string>> word_classes;
    std::set<std::string> not_actors;
    std::size_t longest_cue = 1; ///< in words
    /// CAMEO country code (ISO alpha-3 and CAMEO's own, "USA", "ROM") → ISO alpha-2
    /// (ontology/cameo-countries.tsv), to read actor dictionaries' codes.
    std::unordered_map<std::string, std::string> cameo_countries;

    /// throws ontology_error naming the file on a malformed line.
    static ActorCues load(const std::string& dir);
    /// The actor type a cue stands for in a role, or empty when the cue has no such role.
    std::string role(std::string_view word, std::string_view role_name) const;
    bool has_role(std::string_view word, std::string_view role_name) const {
        return !role(word, role_name).empty();
    }
};

/// What a CAMEO actor code says an actor is ("USAGOV": the government of the United
/// States; "IGOUNO": an organisation; "ARN": the country a dictionary defines as ARN).
struct CodeMeaning {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    ActorType type = ActorType::Actor; ///< Actor: no actor ("---", empty)
    std::size_t country = npos;        ///< index (ActorIndex::entry) of its country, if known
    bool sector = false;               ///< a state body: one per country and role
    std::string sector_key;            ///< "" for the government / military, "police", "judiciary" …
    std::string role;                  ///< the first role code ("GOV", "MIL", "REB")
};

/// Gazetteer lookup tables built once from the Ontology (names, acronyms, adjectives),
/// extended by actor dictionaries: their countries, organisations, armed groups, state
/// bodies and people become further gazetteer entries (indices after the ontology's), so
/// every pattern of the recogniser finds them; their agent nouns extend the cue heads.
class ActorIndex {
  public:
    ActorIndex(const Ontology& ontology, const ActorCues& cues,
               const ActorDictionary* dictionary = nullptr);
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
    const GazetteerEntry& entry(std::size_t i) const {
        return i < base_ ? ontology_.gazetteer()[i] : extra_[i - base_];
    }
    std::size_t longest_name() const { return longest_name_; }
    /// The longest name (in words) starting with this word (lower case), 0 when none.
    std::size_t longest_name_from(const std::string& first_word) const;

    /// How a gazetteer entry that came from a dictionary becomes an entity.
    enum class DictKind { None, Named, Sector, Person };
    struct DictInfo {
        DictKind kind = DictKind::None;
        const DictionaryActor* record = nullptr;
        CodeMeaning meaning; ///< Sector: the body (and its country)
    };
    /// Dictionary information of entry `g` (kind None for the ontology's own entries).
    const DictInfo& dictionary_info(std::size_t g) const;
    /// The meaning of a CAMEO actor code against the gazetteer and the dictionaries.
    CodeMeaning meaning(std::string_view code) const;
    /// The meaning of role codes alone, as agents give them ("GOVFRM", "MIL", "OPP").
    CodeMeaning role_meaning(std::string_view roles) const;
    /// The country entry of a CAMEO country code ("USA", a dictionary's "ARN"), or npos.
    std::size_t cameo_country(std::string_view code) const;
    /// Dictionary agent nouns starting at token i ("foreign minister", "soldiers"):
    /// the token after the longest one and its code, or nullopt.
    std::optional<std::pair<std::size_t, std::string>> agent_at(const Document& doc, std::size_t i,
                                                                  std::size_t limit) const;
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
    std::unordered_map<std::string, std::size_t> longest_from_; ///< first word → words
    std::size_t longest_name_ = 1;
    // Dictionary entries: gazetteer entries after the ontology's (base_ of them).
    std::size_t base_ = 0;
    std::vector<GazetteerEntry> extra_;
    std::vector<DictInfo> extra_info_;
    std::unordered_map<std::string, std::size_t> dict_countries_; ///< CAMEO code → entry
    DictionaryIndex agents_;
    std::unordered_set<std::string> agent_keys_; ///< name keys of the agent phrases
    const ActorDictionary* dictionary_ = nullptr;

    void add_names(std::size_t i, const GazetteerEntry& e);
    void add_dictionary(const ActorDictionary& dictionary);
    void add_dictionary_actor(const DictionaryActor& a);
    /// "israeli troops", "ithilen military": a country's name or adjective and a body noun
    /// (a cue head or a dictionary agent), the generic name of a state body.
    bool generic_body_name(const std::string& key) const;
};

namespace ner {
class NerModel;
}

struct ActorOptions {
    std::string base_iri = std::string(kDefaultBaseIri);
    /// The statistical name recogniser (include/newskg/actors/ner.hpp), or null: then only
    /// the gazetteer, the dictionaries and the patterns find actors. It needs the syntax
    /// stage's words and tags; it proposes names and coarse types where the gazetteer
    /// and the patterns find none, and vetoes unknown capitalised runs it does not take
    /// for a name.
    const ner::NerModel* names = nullptr;
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
/// A name key without its apostrophes ("tigray peoples liberation front" for "tigray
/// people's liberation front"); the gazetteer also knows each name under it.
std::string apostrophe_folded(std::string_view key);

/// Levenshtein distance (bytes), used for near-spellings of acronyms and long names.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Mints a stable IRI from a type and a name: base + type slug + "/" + slug of the name.
std::string mint_iri(const std::string& base, ActorType type, std::string_view key);

} // namespace newskg
