#include "relations/dependency_tree.hpp"
#include "core/ascii_case.hpp"

#include <algorithm>
#include <cctype>

namespace newskg {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_relative_pronoun(std::string_view form) {
    const std::string l = ascii_lower(form);
    return l == "which" || l == "who" || l == "whom" || l == "that" || l == "whose";
}

} // namespace

DependencyTree::DependencyTree(const Document& doc, const Sentence& sentence)
    : doc_(doc), range_(sentence.words), children_(sentence.words.size()) {
    for (std::size_t w = range_.first; w < range_.last; ++w) {
        const std::size_t h = doc_.words[w].head;
        if (h != kNoWord && h >= range_.first && h < range_.last) children_[h - range_.first].push_back(w);
    }
}

std::vector<std::size_t> DependencyTree::children(std::size_t w, std::string_view prefix) const {
    std::vector<std::size_t> out;
    if (w < range_.first || w >= range_.last) return out;
    for (std::size_t c : children_[w - range_.first]) {
        const std::string_view rel = word(c).deprel;
        // "obl" matches "obl" and "obl:agent" but not "oblique"-like longer names.
        if (rel == prefix || (starts_with(rel, prefix) && rel.size() > prefix.size() && rel[prefix.size()] == ':'))
            out.push_back(c);
    }
    return out;
}

std::string_view DependencyTree::base_rel(std::size_t w) const {
    std::string_view r = word(w).deprel;
    return r.substr(0, r.find(':'));
}

std::string DependencyTree::lower_form(std::size_t w) const { return ascii_lower(form(w)); }

void DependencyTree::push_unique(std::vector<std::size_t>& out, std::size_t w) const {
    if (w != kNoWord && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
}

bool DependencyTree::is_verbal(std::size_t w) const {
    const std::string_view u = word(w).upos;
    if (u == "VERB" || (u == "AUX" && children(w, "aux").empty() && base_rel(w) != "aux" && base_rel(w) != "cop"))
        return true;
    // "threatened to annex Guyana" with "annex" tagged NOUN: a word the parser gives an
    // infinitive's "to" and a direct object is a verb whatever its tag (UD nouns take none).
    return u == "NOUN" && !children(w, "obj").empty() && marked(w, "to");
}

bool DependencyTree::passive(std::size_t verb) const {
    if (!children(verb, "nsubj:pass").empty() || !children(verb, "aux:pass").empty()) return true;
    // An agent needs its "by": the parser sometimes hangs an apposition on "has demanded
    // an end to X, the FDLR" as obl:agent, which makes nothing passive.
    for (std::size_t c : children(verb, "obl:agent"))
        if (case_marker(c) == "by") return true;
    // A participle modifying a noun ("the convoy attacked by militants") or a passive
    // conjunct sharing the first verb's auxiliary ("was attacked and looted").
    if (word(verb).xpos == "VBN" && children(verb, "aux").empty()) {
        if (word(verb).deprel == "acl") return true;
        if (base_rel(verb) == "conj" && head(verb) != kNoWord && word(head(verb)).xpos == "VBN")
            return passive(head(verb));
    }
    return false;
}

std::size_t DependencyTree::antecedent(std::size_t w) const {
    if (!is_relative_pronoun(form(w))) return w;
    // which/who → the clause it opens (acl:relcl) → the noun that clause modifies.
    std::size_t clause = head(w);
    while (clause != kNoWord && base_rel(clause) == "conj") clause = head(clause);
    if (clause != kNoWord && word(clause).deprel == "acl:relcl") return head(clause);
    return w;
}

std::vector<std::size_t> DependencyTree::conjuncts(std::size_t w) const {
    std::vector<std::size_t> out{w};
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t c : children(out[i], "conj"))
            // A conjoined clause ("X attacked Y and Z said") is no second nominal.
            if (!is_verbal(c) || is_verbal(w)) push_unique(out, c);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> DependencyTree::resolve(const std::vector<std::size_t>& ws) const {
    std::vector<std::size_t> out;
    for (std::size_t w : ws)
        for (std::size_t c : conjuncts(antecedent(w))) push_unique(out, c);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> DependencyTree::subjects(std::size_t verb) const {
    std::vector<std::size_t> own = children(verb, "nsubj");
    for (std::size_t c : children(verb, "csubj")) own.push_back(c);
    if (!own.empty()) return resolve(own);
    const std::string_view rel = base_rel(verb);
    if (rel == "conj" && head(verb) != kNoWord && is_verbal(head(verb))) return subjects(head(verb));
    // "militants attacking the convoy", "the convoy attacked by militants": the noun the
    // participle modifies is its subject (the patient, for a passive participle).
    if (rel == "acl" && head(verb) != kNoWord) {
        const std::size_t noun = head(verb);
        const bool infinitive = marked(verb, "to");
        // "Kenya's decision to recall its envoy", "signed an accord to supply Gondor with
        // wheat": an infinitive on a common noun is the act of whoever decided or signed.
        // A noun at the root is a misparse ("Finland's president called on Russia to
        // withdraw" with "called" a participle): nobody to infer.
        if (infinitive && head(noun) == kNoWord) return {};
        if (infinitive && !passive(verb) && word(noun).upos == "NOUN") {
            if (auto poss = children(noun, "nmod:poss"); !poss.empty()) return resolve(poss);
            if (base_rel(noun) == "obj" && head(noun) != kNoWord && is_verbal(head(noun))) return subjects(head(noun));
            return {};
        }
        return resolve({noun});
    }
    if (rel == "xcomp") return controllers(verb);

    // "it had expedited its withdrawal" parsed with "had" heading "expedited": an
    // auxiliary's subject is its verb's.
    if ((rel == "ccomp" || rel == "xcomp") && head(verb) != kNoWord && word(head(verb)).upos == "AUX" &&
        word(verb).upos == "VERB")
        return subjects(head(verb));
    return {};
}

bool DependencyTree::agreement_object(std::size_t verb) const {
    static const char* const nouns[] = {"agreement", "accord", "deal", "pact", "treaty", "contract", "memorandum"};
    for (std::size_t o : children(verb, "obj"))
        for (const char* n : nouns)
            if (lemma(o) == n) return true;
    return false;
}

std::vector<std::size_t> DependencyTree::controllers(std::size_t verb) const {
    const std::size_t gov = head(verb);
    if (gov == kNoWord) return {};
    const std::string_view rel = base_rel(verb);
    const bool infinitive_advcl = rel == "advcl" && marked(verb, "to");
    if (rel != "xcomp" && !infinitive_advcl) return {};
    // "signed an accord on Thursday to supply X", the infinitive hung on the verb: what
    // the accord binds its signers to, as when it hangs on the noun (subjects()).
    if (infinitive_advcl && agreement_object(gov)) return subjects(gov);
    // Object control ("urged Sudan to withdraw", "called on France to leave").
    auto objs = objects(gov);
    if (!objs.empty()) return objs;
    for (const auto& a : case_arguments(gov))
        if (!a.on_object && (a.marker == "on" || a.marker == "upon")) return resolve({a.head});
    return subjects(gov);
}

std::vector<std::size_t> DependencyTree::objects(std::size_t verb) const {
    std::vector<std::size_t> own = children(verb, "obj");
    for (std::size_t c : children(verb, "iobj")) own.push_back(c);
    // A proper name the parser hung on the verb as a nominal complement ("attacked
    // Sudan" read as xcomp) is its object all the same.
    if (own.empty())
        for (std::size_t c : children(verb, "xcomp"))
            if (word(c).upos == "PROPN") own.push_back(c);
    // "asked the United Nations to act" read as a clause with its own subject: without a
    // "for" before it, the infinitive's subject is the verb's object.
    if (own.empty())
        for (std::size_t c : children(verb, "ccomp")) {
            if (marked(c, "to") && !marked(c, "for"))
                for (std::size_t s : children(c, "nsubj"))
                    if (s > verb && s < c) own.push_back(s);
        }
    // "the town that militants attacked": the relative pronoun object → the town.
    if (own.empty() && word(verb).deprel == "acl:relcl" && !passive(verb)) {
        bool has_subject = !children(verb, "nsubj").empty();
        bool pronoun_object = false;
        for (std::size_t c : children(verb, "obj")) pronoun_object |= is_relative_pronoun(form(c));
        if (has_subject && pronoun_object) own.push_back(head(verb));
    }
    return resolve(own);
}

std::string DependencyTree::case_marker(std::size_t nominal) const {
    std::string marker;
    for (std::size_t c : children(nominal, "case")) {
        if (c > nominal) continue; // a possessive 's is a case word after its noun
        if (!marker.empty()) marker += ' ';
        marker += lower_form(c);
        for (std::size_t f : children(c, "fixed")) marker += ' ' + lower_form(f);
    }
    return marker;
}

std::vector<std::size_t> DependencyTree::agents(std::size_t verb) const {
    std::vector<std::size_t> out;
    if (!passive(verb)) return out;
    for (std::size_t c : children(verb, "obl")) {
        if (case_marker(c) == "by")
            for (std::size_t r : resolve({c})) push_unique(out, r);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<CaseArgument> DependencyTree::case_arguments(std::size_t verb) const {
    std::vector<CaseArgument> out;
    auto add = [&](std::size_t n, bool on_object) {
        const std::string m = case_marker(n);
        if (m.empty()) return;
        for (std::size_t r : resolve({n})) out.push_back(CaseArgument{m, r, on_object});
    };
    for (std::size_t c : children(verb, "obl")) add(c, false);
    // "called on X": some analyses make the particle-like preposition compound:prt with
    // X the object; those are direct objects and handled by the frame.
    // "imposed sanctions on X", "welcomed a resumption of ties with X": phrases on the
    // object, and on the object's own modifiers.
    for (std::size_t o : children(verb, "obj")) {
        for (std::size_t n : children(o, "nmod")) {
            // "rejected Ukraine's proposal": the owner of the thing is a party too.
            if (word(n).deprel == "nmod:poss") {
                if (word(n).upos != "PRON")
                    for (std::size_t r : resolve({n})) out.push_back(CaseArgument{"'s", r, true});
                continue;
            }
            add(n, true);
            for (std::size_t m : children(n, "nmod")) add(m, true);
        }
        // "welcomed memos sent by X": the agent of a participle on the object.
        for (std::size_t a : children(o, "acl"))
            for (std::size_t c : children(a, "obl"))
                if (word(c).deprel == "obl:agent" || case_marker(c) == "by")
                    for (std::size_t r : resolve({c})) out.push_back(CaseArgument{"by", r, true});
    }
    return out;
}

std::vector<CaseArgument> DependencyTree::noun_arguments(std::size_t noun) const {
    std::vector<CaseArgument> out;
    for (std::size_t n : children(noun, "nmod")) {
        if (word(n).deprel == "nmod:poss") continue;
        const std::string m = case_marker(n);
        if (m.empty()) continue;
        for (std::size_t r : resolve({n})) out.push_back(CaseArgument{m, r, false});
    }
    return out;
}

bool DependencyTree::marked(std::size_t w, std::string_view word) const {
    for (std::size_t m : children(w, "mark"))
        if (lower_form(m) == word) return true;
    return false;
}

bool DependencyTree::negated(std::size_t verb) const {
    for (std::size_t c : children(verb, "advmod")) {
        const std::string l = lower_form(c);
        if (l == "not" || l == "n't" || l == "never" || lemma(c) == "not") return true;
    }
    for (std::size_t c : children(verb, "det"))
        if (lower_form(c) == "no") return true;
    return false;
}

bool DependencyTree::hedged(std::size_t verb) const {
    for (std::size_t c : children(verb, "aux")) {
        const std::string l = lower_form(c);
        if (l == "may" || l == "might" || l == "could" || l == "would") return true;
    }
    for (std::size_t c : children(verb, "advmod")) {
        const std::string l = lower_form(c);
        if (l == "reportedly" || l == "allegedly" || l == "possibly" || l == "apparently" ||
            l == "purportedly" || l == "likely")
            return true;
    }
    return false;
}

std::size_t DependencyTree::governing_verb(std::size_t w, std::string* via) const {
    std::size_t cur = w;
    bool through_clause = false; // passed a clause modifying a nominal ("accused X of shelling")
    while (cur != kNoWord) {
        const std::string_view rel = base_rel(cur);
        const std::size_t h = head(cur);
        if (h == kNoWord) return kNoWord;
        if (rel == "ccomp" || rel == "xcomp" || rel == "advcl" || rel == "parataxis" || rel == "csubj") {
            if (via) *via = std::string(rel);
            // "threatened to attack X" parsed as advcl: a to-infinitive without a subject
            // right after its verb is the verb's complement; a purpose clause has
            // something between ("sent troops to fight X").
            if (via && rel == "advcl" && h < cur && children(cur, "nsubj").empty()) {
                for (std::size_t m : children(cur, "mark"))
                    if (lower_form(m) == "to") {
                        bool adjacent = true;
                        for (std::size_t k = h + 1; k < m && adjacent; ++k)
                            adjacent = word(k).upos == "ADV" || word(k).upos == "PART";
                        if (adjacent) *via = "xcomp";
                    }
            }
            return h;
        }
        if (through_clause && (rel == "obj" || rel == "obl" || rel == "iobj") && is_verbal(h)) {
            if (via) *via = "acl";
            return h;
        }
        if (rel == "acl") through_clause = true;
        if (rel == "conj" || rel == "acl" || rel == "obl" || rel == "obj" || rel == "nmod" || rel == "nsubj")
            cur = h;
        else
            return kNoWord;
    }
    return kNoWord;
}

std::size_t DependencyTree::possessor(std::size_t noun) const {
    auto p = children(noun, "nmod:poss");
    return p.empty() ? kNoWord : p.front();
}

std::vector<std::size_t> DependencyTree::appositions(std::size_t w) const {
    // An apposition follows its noun's own phrase; one the parser hung across a clause
    // ("a briefing, which was attended by …, the World Health Organization") is not one.
    std::vector<std::size_t> out;
    for (std::size_t a : children(w, "appos")) {
        bool across_clause = false;
        const std::size_t lo = std::min(w, a), hi = std::max(w, a);
        for (std::size_t k = lo + 1; k < hi && !across_clause; ++k)
            across_clause = (word(k).upos == "VERB" || word(k).upos == "AUX") && !within(k, a);
        if (!across_clause) out.push_back(a);
    }
    return out;
}

bool DependencyTree::within(std::size_t w, std::size_t root) const {
    // A tree has no cycles, but a damaged one must not hang: at most one step per word.
    for (std::size_t steps = 0; w != kNoWord && steps <= range_.last - range_.first; ++steps) {
        if (w == root) return true;
        if (w < range_.first || w >= range_.last) return false;
        w = head(w);
    }
    return false;
}

} // namespace newskg
