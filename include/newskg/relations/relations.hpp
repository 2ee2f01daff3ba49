#pragma once
/// The relations stage: typed, CAMEO-coded edges between the actors of a sentence, read
/// from verb frames (subject–verb–object, prepositional objects, "accuse X of",
/// "demand that X withdraw", "call on X to"), passives, coordination and event nouns
/// ("the attack on the convoy"), with attribution, negation and hedges.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/actors/actors.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/relations/verb_dictionary.hpp"

namespace newskg {

/// Verb morphology: regular rules plus ontology/irregular-verbs.tsv.
class Lemmatizer {
  public:
    /// throws ontology_error when the irregular list cannot be read.
    static Lemmatizer load(const std::string& dir);
    /// Candidate lemmas of a lower-case word form, most likely first ("fallen" → fall;
    /// "accuses" → accuse; "demanded" → demand). Always includes the form itself.
    std::vector<std::string> lemmas(const std::string& form) const;
    /// The lemma irregular-verbs.tsv gives a lower-case form ("froze" → "freeze"), or null.
    const std::string* irregular(const std::string& form) const {
        const auto it = irregular_.find(form);
        return it == irregular_.end() ? nullptr : &it->second;
    }
    /// Every irregular form with its lemma.
    const std::unordered_map<std::string, std::string>& irregular_forms() const { return irregular_; }

  private:
    std::unordered_map<std::string, std::string> irregular_;
};

/// One event noun of ontology/event-nouns.tsv.
struct EventNoun {
    std::string noun;
    std::string frame;
    std::string predicate;
    std::string cameo;
};

/// The relation lexicons, loaded once from the ontology directory and indexed.
class RelationLexicon {
  public:
    RelationLexicon(const Ontology& ontology, Lemmatizer lemmatizer, std::vector<EventNoun> nouns);
    /// Loads the lemmatiser and event nouns beside the ontology; validates that every
    /// predicate names an ontology property. throws ontology_error.
    static RelationLexicon load(const Ontology& ontology);

    const Ontology& ontology() const { return ontology_; }
    const Lemmatizer& lemmatizer() const { return lemmatizer_; }
    /// Verb senses whose lemma's first word is `word` (lower case).
    const std::vector<const VerbSense*>* senses(const std::string& first_word) const;
    const std::vector<EventNoun>* nouns(const std::string& noun) const;
    /// The CAMEO verb dictionary with our own senses (ontology/cameo-verbs.tsv), matched
    /// against dependency frames.
    const VerbDictionary* verb_dictionary() const { return verbs_.get(); }
    /// The actor cues (ontology/actor-cues.tsv): which nouns stand for an actor's people
    /// or goods ("ambassador", "troops", "imports").
    const ActorCues& cues() const { return cues_; }
    /// Whether `lemma` (lower case) is in a verb class of ontology/verb-classes.tsv
    /// ("reporting", "directive", "intent", "committing", "refusal", "alleging", "light",
    /// "leaving").
    bool in_class(std::string_view verb_class, const std::string& lemma) const;
    /// The CAMEO code of threatening the act coded `cameo` (ontology/threat-codes.tsv:
    /// "163" → "1312"), or "" when threatening it is not coded apart.
    std::string threat_code(const std::string& cameo) const;
    /// The CAMEO code of promising or offering the act coded `cameo`
    /// (ontology/intent-codes.tsv: "042" → "036"), or "" when it has none.
    std::string intent_code(const std::string& cameo) const;
    /// The CAMEO code of refusing the act coded `cameo` (ontology/refusal-codes.tsv:
    /// "04" → "125"), or "" when refusing it is no rejection.
    std::string refusal_code(const std::string& cameo) const;
    /// The CAMEO code of stopping or suspending the act coded `cameo`
    /// (ontology/cessation-codes.tsv: "072" → "1622", "19" → "087"), or "" when stopping it
    /// is no event of its own (or the ontology has no such file).
    std::string cessation_code(const std::string& cameo) const;

  private:
    const Ontology& ontology_;
    Lemmatizer lemmatizer_;
    std::unordered_map<std::string, std::vector<const VerbSense*>> by_first_word_;
    std::vector<EventNoun> nouns_;
    std::unordered_map<std::string, std::vector<EventNoun>> nouns_by_word_;
    std::shared_ptr<const VerbDictionary> verbs_;
    ActorCues cues_;
    std::unordered_map<std::string, std::vector<std::string>> classes_; ///< lemma → its classes
    std::map<std::string, std::string> threat_codes_;                  ///< act prefix → threat code
    std::map<std::string, std::string> intent_codes_;                  ///< act prefix → intent code
    std::map<std::string, std::string> refusal_codes_;                 ///< act prefix → refusal code
    std::map<std::string, std::string> cessation_codes_;               ///< act prefix → cessation code
};

struct RelationOptions {
    bool keep_negated = false; ///< keep negated events (flagged) instead of dropping them
    /// Give back the document's words (WordList::release_before) as the sentences are
    /// read: the pipeline does, as nothing reads them after this stage; the words of
    /// the extraction are then unusable.
    bool release_words = false;
};

/// Appends the relations of every sentence of an extraction whose actors are resolved
/// (find_actors has run). Relations stated twice become one with two pieces of evidence.
/// Thread safety: reentrant; the lexicon is only read.
void find_relations(Extraction& extraction, const RelationLexicon& lexicon,
                    const RelationOptions& options = {});

} // namespace newskg
