#pragma once
// Questions the relation frames ask of one sentence's Universal Dependencies tree
// (Document::words, filled by the syntax stage): who is the subject, object, agent of a
// verb, which prepositional phrases hang on it, whether it is negated, hedged or passive,
// what clause governs it. Indices are into Document::words. Every answer that names
// nominals resolves coordination ("Mali and Niger" → both) and relative pronouns ("the
// alliance, which is led by …" → alliance), and comes in word order without duplicates.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/core/model.hpp"

namespace newskg {

/// A prepositional (or case-marked) argument: "turned to Russia" → (to, Russia).
struct CaseArgument {
    std::string marker;          ///< the case word(s) in lower case: "to", "according to", "on"
    std::size_t head = kNoWord;  ///< the argument's head nominal
    bool on_object = false;      ///< hangs on the verb's object ("sanctions on X")
};

class DependencyTree {
  public:
    DependencyTree(const Document& doc, const Sentence& sentence);

    const Word& word(std::size_t w) const { return doc_.words[w]; }
    std::string_view form(std::size_t w) const { return doc_.form(w); }
    const std::string& lemma(std::size_t w) const { return doc_.lemma(w); }
    std::size_t first() const { return range_.first; }
    std::size_t last() const { return range_.last; }
    std::vector<std::size_t> children(std::size_t w, std::string_view deprel_prefix) const;
    /// The relation of w to its head without subtype ("nsubj" of "nsubj:pass").
    std::string_view base_rel(std::size_t w) const;
    std::size_t head(std::size_t w) const { return word(w).head; }

    bool is_verbal(std::size_t w) const;
    bool passive(std::size_t verb) const;
    /// Grammatical subjects of a verb; the subject of the first conjunct for a coordinated
    /// verb without its own ("X attacked Y and seized Z"); the noun a relative or reduced
    /// clause modifies when that noun is its subject. For a passive, the patient.
    std::vector<std::size_t> subjects(std::size_t verb) const;
    /// The understood subject of an open complement ("urged Sudan to withdraw" → Sudan;
    /// "threatened to attack" → the threatener).
    /// Whether the verb's object is an agreement ("signed an accord", "reached a deal"),
    /// whose infinitive ("to supply X") says what its parties undertake.
    bool agreement_object(std::size_t verb) const;
    std::vector<std::size_t> controllers(std::size_t verb) const;
    std::vector<std::size_t> objects(std::size_t verb) const;
    /// The agents of a passive verb (obl:agent, or an oblique with "by").
    std::vector<std::size_t> agents(std::size_t verb) const;
    /// Case-marked arguments of the verb and of its direct objects.
    std::vector<CaseArgument> case_arguments(std::size_t verb) const;
    /// Case-marked modifiers of a nominal ("attack on X").
    std::vector<CaseArgument> noun_arguments(std::size_t noun) const;
    /// Whether the clause headed by w has the subordinating word `word` as a mark ("to" of
    /// an infinitive, "if", "for").
    bool marked(std::size_t w, std::string_view word) const;
    bool negated(std::size_t verb) const;
    bool hedged(std::size_t verb) const;
    /// The verb whose clausal complement (ccomp, xcomp, advcl, parataxis) contains w,
    /// walking up through coordination; kNoWord at the top clause.
    std::size_t governing_verb(std::size_t w, std::string* via = nullptr) const;
    /// w and the words coordinated with it (conj), recursively.
    std::vector<std::size_t> conjuncts(std::size_t w) const;
    /// The possessor of a nominal (nmod:poss), or kNoWord.
    std::size_t possessor(std::size_t noun) const;
    /// Nominals in apposition to w ("Ishaq Dar, Pakistan's foreign minister").
    std::vector<std::size_t> appositions(std::size_t w) const;
    std::string lower_form(std::size_t w) const;
    /// Whether w is root or lies in the phrase root heads (its subtree).
    bool within(std::size_t w, std::size_t root) const;
    /// The case word(s) before a nominal, lower case ("according to"); "" when none.
    std::string case_marker(std::size_t nominal) const;

  private:
    const Document& doc_;
    WordRange range_;
    std::vector<std::vector<std::size_t>> children_; ///< per word (relative), in order
    std::vector<std::size_t> resolve(const std::vector<std::size_t>& ws) const;
    std::size_t antecedent(std::size_t w) const;
    void push_unique(std::vector<std::size_t>& out, std::size_t w) const;
};

} // namespace newskg
