#pragma once
/// The CAMEO verb dictionary as data: PETRARCH's ~4,700 verb patterns
/// (ontology/cameo-verbs.tsv, converted by scripts/convert-cameo) and our own senses
/// (ontology/verbs.tsv), matched against a verb and its dependency arguments.
///
/// The dictionary knows nothing of parsing: the relation stage builds a VerbFrame from
/// the Universal Dependencies tree of a clause and asks match() for the CAMEO code and
/// which argument is the target. How UD relations feed a frame (verb_frame_from_ud,
/// at the end, does exactly this from core/model.hpp's Words):
///
///   lemma      the clause's head verb (UPOS VERB; for "is determined to" nothing)
///   particle   its compound:prt child ("step *up*")
///   passive    it has an nsubj:pass or aux:pass child
///   subject    lemmas of the nsubj / nsubj:pass phrase
///   args       in text order: obj and iobj (preposition ""), obl, obl:agent and nmod
///              children with the lemma of their `case` child as preposition ("by" for
///              the agent; a fixed case such as "because of" joined by a space)
///   xcomp      the xcomp child's lemma, then the lemmas of its own obj
///   modifiers  advmod children and adjectival xcomp ("strongly", "forward", "free")
///
/// A pattern's words are looked up in pools: the words before the verb in `subject`
/// and `modifiers`; the words after it in the particle, the direct objects, `xcomp` and
/// `modifiers`; a prepositional phrase in one argument with that preposition. In the
/// passive the roles turn round: the subject's words count as the object's and the "by"
/// argument's as the subject's. Plurals are folded on both sides (fold_plural).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/core/model.hpp"

namespace newskg {

class Ontology;

/// One argument of a verb as the dependency tree gives it, in text order.
struct FrameArgument {
    std::string preposition;         ///< "" for the direct object; "to", "of", "on", "against" … (the case word)
    std::vector<std::string> lemmas; ///< lower-case lemmas of the phrase's words, in order ("rights", "abuse")
    bool actor = false;              ///< the phrase is (or has as head) an actor mention
    bool on_object = false;          ///< hangs on the direct object ("sanctions | on X"), not the verb
};

/// A verb with its arguments: "accused Sudan of rights abuses" → lemma "accuse",
/// args [{"", ["sudan"], actor}, {"of", ["rights", "abuse"]}].
struct VerbFrame {
    std::string lemma;                  ///< "accuse"; for a phrasal verb the particle separately
    std::string particle;               ///< "up" of "step up" (compound:prt), "" when none
    bool passive = false;               ///< "was accused by X"
    std::vector<std::string> subject;   ///< lemmas of the subject phrase (for "&MILITARY * EXERCISES")
    std::vector<FrameArgument> args;
    std::vector<std::string> xcomp;     ///< open clausal complement: its verb, then its object ("deepen", "partnership")
    std::vector<std::string> modifiers; ///< advmod and adjectival complements ("strongly", "forward")
};

/// What match() found. target and source are indexes into VerbFrame::args, kSubject or
/// kAbsent. Where the pattern does not place them, the target is the direct object when
/// it is an actor, else the first actor argument (in the passive: the subject), and the
/// source is the subject (in the passive: the "by" argument).
struct VerbMatch {
    /// The grammatical subject (the source; the target of a passive: "Sudan was accused").
    static constexpr int kSubject = -1;
    /// The frame has no such participant: no actor argument for the target, no "by"
    /// argument for the source of a passive.
    static constexpr int kAbsent = -2;

    std::string cameo;         ///< "1122": the event source → target
    std::string reverse_cameo; ///< "[042:043]" patterns: the event target → source as well ("043"); "" when none
    bool reversed = false;     ///< "[:173]" patterns: `cameo` runs from the target to the source
    std::string predicate;     ///< ontology property: our sense's, else relation_for_cameo(cameo)'s; "" when none
    int target = kAbsent;
    int source = kSubject;
    /// provenance: "CAMEO.2.0.txt:7556 - * (OF {RIGHTS ABUSES})" (a pattern),
    /// "CAMEO.2.0.txt:4502 say" (a verb's bare code), "verbs.tsv: accuse accuse_of accused"
    std::string pattern;
    int specificity = 0;   ///< words and phrases the pattern required; the most specific wins
    bool own = false;      ///< the match came from ontology/verbs.tsv
    bool direct = false;   ///< an own "dobj" sense: the target it names is the direct object
    /// The target is in a phrase the pattern names on its object ("* CASE (AGAINST)":
    /// "filed a case against X"), not one the default positions guessed.
    bool target_named = false;
};

/// Load-time figures, for the tests and the README.
struct VerbDictionaryStats {
    std::size_t lemmas = 0;         ///< distinct verb lemmas (dictionary and ours)
    std::size_t verb_entries = 0;   ///< dictionary verb rows (lemma + particle)
    std::size_t patterns = 0;       ///< dictionary pattern rows
    std::size_t sets = 0;           ///< synonym sets
    std::size_t own_senses = 0;     ///< event senses of verbs.tsv compiled in
    std::size_t own_known = 0;      ///< … of them for a lemma the dictionary has too
    std::size_t own_shadowing = 0;  ///< … that replace a dictionary pattern requiring the same
    std::size_t codes_remapped = 0; ///< codes (occurrences) the ontology lacks, mapped to their parent
};

class VerbDictionary {
  public:
    /// Reads <ontology.dir()>/cameo-verbs.tsv and the event senses of ontology.verbs().
    /// Codes the ontology does not know are mapped to their nearest known parent
    /// (dropping digits) and counted in stats(). throws ontology_error
    /// ("newskg.ontology.8") naming file and line on bad data.
    static VerbDictionary load(const Ontology& ontology);
    /// The same after loading the Ontology of `ontology_dir`.
    static VerbDictionary load(const std::string& ontology_dir);

    /// The best match for a frame: the most specific pattern of the verb whose words are
    /// all found (our own senses win ties); the verb's bare code when no pattern matches.
    /// nullopt when the verb is unknown, when the best pattern has the null code [---],
    /// or when the verb's code is [---] and no pattern matches. const and stateless:
    /// one dictionary serves every thread.
    std::optional<VerbMatch> match(const VerbFrame& frame) const;
    /// Whether the dictionary or our lexicon has the lemma (any particle).
    bool knows(std::string_view lemma) const;
    /// Every verb lemma of the dictionary and of our lexicon (first words of multi-word
    /// lemmas of ours included as written: "hand back").
    std::vector<std::string> lemmas() const;
    /// Whether the dictionary or our lexicon writes the verb with this one-word particle
    /// ("call off", "hand back"; lower case or not).
    bool takes_particle(std::string_view lemma, std::string_view particle) const;
    /// Whether a word (any case, plural folded) is a one-word member of one of the
    /// dictionary's synonym sets ("weapon", "aircraft", "food": names without the &).
    bool in_set(std::string_view set, std::string_view word) const;
    const VerbDictionaryStats& stats() const;

    VerbDictionary(VerbDictionary&&) noexcept;
    VerbDictionary& operator=(VerbDictionary&&) noexcept;
    ~VerbDictionary();

    struct Data; // defined in src/relations/verb_dictionary_data.hpp

  private:
    explicit VerbDictionary(std::unique_ptr<Data> data);
    std::unique_ptr<Data> data_;
};

/// The frame of the verb at `verb` (an index into doc.words) in the UD tree of `sentence`,
/// by the mapping at the top of this header. is_actor(i) says whether word i belongs to
/// an actor mention; an argument is an actor when one of its words does. A verb without
/// a subject takes its controller's: a conjoined verb its head verb's subject, an xcomp
/// its head's object, else its head's subject ("X asked Y to leave": Y leaves).
VerbFrame verb_frame_from_ud(const Document& doc, WordRange sentence, std::size_t verb,
                             const std::function<bool(std::size_t)>& is_actor = {});

/// The plural folding both sides of a match go through ("rights" → "right", "allies" →
/// "ally", "crises" → "crisis"); scripts/convert-cameo has the same function (fold).
std::string fold_plural(std::string_view word);

} // namespace newskg
