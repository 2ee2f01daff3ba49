#pragma once
/// The ontology and the data the extractor reads (ontology/*.ttl and ontology/*.tsv),
/// loaded once at start into a validated value and passed by const& to every stage.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/rdf/vocabulary.hpp"

namespace newskg {

// The namespaces the ontology and the stages name, from the one vocabulary file.
/// Namespace of the ontology's own terms (prefix `nkg:`).
inline constexpr std::string_view kOntologyNs = vocab::kNkg;
/// Namespace of gazetteer actors (stable IRIs, e.g. …/actor/country/ML).
inline constexpr std::string_view kActorNs = vocab::kActor;
/// Default namespace of IRIs minted for actors and articles not in the gazetteer.
inline constexpr std::string_view kDefaultBaseIri = vocab::kDefaultBase;

/// One object property of the ontology: an event type (with CAMEO annotations) or a
/// standing relation (partOf, memberOf, affiliatedWith, leaderOf, spokespersonOf,
/// locatedIn, presentIn).
struct RelationType {
    std::string name; ///< local name: "accused", "partOf"
    std::string iri;
    std::string label;
    std::string comment;
    bool event = false;
    std::string cameo; ///< CAMEO code in the manual's numbering, events only
    int quad_class = 0;
    double goldstein = 0.0;
    std::string plover; ///< PLOVER category, when one maps
    bool symmetric = false;
};

/// One CAMEO code of the SKOS concept scheme.
struct CameoCode {
    std::string code; ///< "1056"
    std::string name;
    std::optional<double> goldstein;
    int quad_class = 0;
    std::string plover;
};

/// One actor the gazetteer knows.
struct GazetteerEntry {
    std::string iri;
    std::string label;
    ActorType type = ActorType::Actor;
    std::vector<std::string> names;      ///< every name (label, official and short names, aliases)
    std::vector<std::string> acronyms;   ///< "UN", "MINUSMA", "ECOWAS"
    std::vector<std::string> adjectives; ///< demonyms and adjectives: "Malian", "Russian"
    std::string country_code;            ///< ISO 3166-1 alpha-2 (countries; or the country it belongs to)
    std::string capital;                 ///< capital's name (countries)
    std::string parent_iri;              ///< the actor it belongs to (UN for MINUSMA)
    std::string parent_relation;         ///< "partOf", "affiliatedWith" …
};

/// One entry of the verb lexicon: a lemma in a frame maps to a property and CAMEO code.
struct VerbSense {
    std::string lemma;     ///< "accuse", "fall out", "turn"
    std::string frame;     ///< "dobj", "prep:with", "prep:to", "accuse_of", "demand_withdraw" …
    std::string predicate; ///< ontology property local name
    std::string cameo;     ///< the most specific CAMEO code known for this sense
};

class Ontology {
  public:
    /// Loads every *.ttl file of `dir` with librdf and the verb lexicon (verbs.tsv).
    /// throws ontology_error naming the file and problem when something is missing or
    /// inconsistent (a property without a label, a lexicon line naming no property …).
    static Ontology load(const std::string& dir);

    /// The directory to load by default: $NEWSKG_ONTOLOGY, else ontology/ beside the
    /// executable's ../share/newskg, else the source tree's ontology/.
    static std::string default_dir();

    const std::vector<RelationType>& relation_types() const { return relations_; }
    const RelationType* relation(std::string_view name) const;
    /// The event property for a CAMEO code: the property annotated with the longest
    /// prefix of `code`; nullptr when none.
    const RelationType* relation_for_cameo(std::string_view code) const;
    const CameoCode* cameo(std::string_view code) const;
    /// QuadClass of a CAMEO code from its root (01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4).
    int quad_class(std::string_view cameo_code) const;
    /// Goldstein value of a CAMEO code (itself, else its nearest ancestor).
    double goldstein(std::string_view cameo_code) const;

    const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }
    const GazetteerEntry* actor(std::string_view iri) const;
    const std::vector<VerbSense>& verbs() const { return verbs_; }
    /// The directory this was loaded from.
    const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
    std::vector<RelationType> relations_;
    std::unordered_map<std::string, std::size_t> relation_index_;
    std::vector<CameoCode> cameo_codes_;
    std::unordered_map<std::string, std::size_t> cameo_index_;
    std::vector<GazetteerEntry> gazetteer_;
    std::unordered_map<std::string, std::size_t> actor_index_;
    std::vector<VerbSense> verbs_;
};

} // namespace newskg
