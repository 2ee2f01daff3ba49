#include "relations/dictionary_frames.hpp"
#include "core/ascii_case.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace newskg {

namespace {

/// The lemmas of a nominal phrase in word order: the head and its modifiers, without
/// case words, punctuation and the clauses that hang on it (their words are no part of
/// what the phrase names).
std::vector<std::string> phrase_lemmas(const DependencyTree& t, std::size_t head) {
    static const std::set<std::string> skip{"case", "punct", "acl", "advcl", "conj", "cc", "appos",
                                            "parataxis", "dep", "ccomp"};
    std::vector<std::size_t> words{head};
    for (std::size_t i = 0; i < words.size() && words.size() < 12; ++i)
        for (std::size_t w = t.first(); w < t.last(); ++w)
            // Prepositional modifiers are arguments of their own ("ambassador | from X").
            if (t.head(w) == words[i] && !skip.count(std::string(t.base_rel(w))) &&
                (t.base_rel(w) != "nmod" || t.word(w).deprel == "nmod:poss"))
                words.push_back(w);
    std::sort(words.begin(), words.end());
    std::vector<std::string> out;
    for (std::size_t w : words)
        out.push_back(ascii_lower(t.lemma(w).empty() ? t.form(w) : std::string_view(t.lemma(w))));
    return out;
}

/// "fired dozens of rockets into X", "sent hundreds of troops": the dictionary's
/// patterns name what is counted (ROCKET, TROOPS), so a counting noun gives way to its
/// "of" phrase. The counting nouns are a closed class of English.
std::size_t counted_noun(const DependencyTree& t, std::size_t head) {
    static const std::set<std::string> counting{"dozen", "hundred", "thousand", "million", "score", "number",
                                                "handful", "couple", "barrage", "salvo", "volley", "wave",
                                                "series", "string", "swarm", "fleet", "batch", "flurry"};
    if (t.word(head).upos != "NOUN" || !counting.count(ascii_lower(t.lemma(head)))) return head;
    for (std::size_t n : t.children(head, "nmod"))
        if (t.case_marker(n) == "of" && t.word(n).upos == "NOUN") return n;
    return head;
}

bool phrase_has_actor(const DependencyTree& t, std::size_t head, const std::function<bool(std::size_t)>& is_actor) {
    for (std::size_t c : t.conjuncts(head))
        if (is_actor(c)) return true;
    return false;
}

/// Nouns naming a relationship two parties hold together: with them, "X and Y deepened
/// a partnership" relates X and Y.
bool relational_noun(const std::string& lemma) {
    static const std::set<std::string> nouns{"partnership", "tie", "relation", "relationship", "cooperation",
                                             "agreement", "deal", "pact", "treaty", "talk", "accord",
                                             "alliance", "ceasefire", "truce", "dialogue", "negotiation",
                                             "meeting", "summit"};
    return nouns.count(lemma) > 0;
}

/// Nouns naming a quarrel two parties have: "X and Y resolved their dispute" relates them,
/// but only by a pattern that names the quarrel (the bare code of "deepened" or
/// "escalated" is about cooperation, not about a dispute).
bool quarrel_noun(const std::string& lemma) {
    static const std::set<std::string> nouns{"dispute", "conflict", "row",      "rift",     "feud",
                                             "quarrel", "standoff", "difference", "disagreement"};
    return nouns.count(lemma) > 0;
}

/// A verb's bare code describes what it does to its direct object. When that object is
/// a thing ("took countermeasures against X", "conducted an exercise near X") and the
/// party is named in another phrase, the bare code says nothing about the party, except
/// for verbs of saying and attitude, whose object is a statement or act of the party
/// ("criticized the decision by X").
bool thing_done_elsewhere(const VerbFrame& frame, int target, const std::string& cameo) {
    if (target < 0) return false;
    int direct = -1;
    for (std::size_t i = 0; i < frame.args.size() && direct < 0; ++i)
        if (frame.args[i].preposition.empty()) direct = int(i);
    if (direct < 0 || direct == target || frame.args[std::size_t(direct)].actor) return false;
    return !is_verbal_code(cameo);
}

} // namespace

std::vector<std::size_t> territory_targets(const DependencyTree& t, std::size_t verb, const std::string& cameo,
                                           const std::function<bool(std::size_t)>& is_actor) {
    std::vector<std::size_t> out;
    const bool force = is_force_code(cameo);
    // Only a blow at something ("struck targets in Iran"): "fighting broke out in X" and
    // "conducted an operation in X" say where, not against whom.
    if (!force || t.children(verb, "obj").empty()) return out;
    auto add = [&](std::size_t w) {
        if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    };
    auto owners = [&](std::size_t place) { // "Russia's Samara region", "the Kharkiv region of Ukraine"
        for (std::size_t c : t.children(place, "nmod"))
            if (is_actor(c) && (t.word(c).deprel == "nmod:poss" || t.case_marker(c) == "of")) add(c);
    };
    // "seized the Essequibo region of Guyana": the place struck is the object itself;
    // "bombed positions of the PKK in Iraq", "raided a camp of Boko Haram": whose thing
    // was struck is the target, before the country it stands in.
    for (std::size_t o : t.children(verb, "obj"))
        if (!is_actor(o) && t.word(o).upos == "NOUN") owners(o);
    if (!out.empty()) return out;
    for (const auto& a : t.case_arguments(verb)) {
        if (a.marker != "in" && a.marker != "inside" && a.marker != "across") continue;
        if (is_actor(a.head)) {
            add(a.head);
        } else if (place_kind_nouns().count(ascii_lower(t.lemma(a.head)))) {
            owners(a.head);
        }
    }
    return out;
}

const std::set<std::string>& place_kind_nouns() {
    static const std::set<std::string> s{"capital", "city",   "town",  "village",     "region", "province",
                                         "district", "port",  "county", "oblast", "governorate", "state",
                                         "valley",   "area",  "territory"};
    return s;
}

VerbFrame frame_of(const DependencyTree& t, std::size_t verb, const std::function<bool(std::size_t)>& is_actor,
                   std::vector<std::size_t>* heads) {
    VerbFrame f;
    f.lemma = ascii_lower(t.lemma(verb).empty() ? t.form(verb) : std::string_view(t.lemma(verb)));
    for (std::size_t p : t.children(verb, "compound:prt")) f.particle = t.lower_form(p);
    f.passive = t.passive(verb);
    std::vector<std::pair<std::size_t, FrameArgument>> args;
    for (std::size_t o : t.children(verb, "obj")) {
        o = counted_noun(t, o);
        args.emplace_back(o, FrameArgument{"", phrase_lemmas(t, o), phrase_has_actor(t, o, is_actor)});
    }
    for (std::size_t o : t.children(verb, "iobj"))
        args.emplace_back(o, FrameArgument{"", phrase_lemmas(t, o), phrase_has_actor(t, o, is_actor)});
    // case_arguments gives one entry per conjunct: keep one argument per phrase.
    std::vector<std::size_t> covered;
    for (const auto& [h, fa] : args)
        for (std::size_t c : t.conjuncts(h)) covered.push_back(c);
    for (const auto& a : t.case_arguments(verb)) {
        if (std::count(covered.begin(), covered.end(), a.head)) continue;
        for (std::size_t c : t.conjuncts(a.head)) covered.push_back(c);
        args.emplace_back(a.head, FrameArgument{a.marker, phrase_lemmas(t, a.head), phrase_has_actor(t, a.head, is_actor),
                                                a.on_object});
    }
    std::stable_sort(args.begin(), args.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [h, fa] : args) {
        if (heads) heads->push_back(h);
        f.args.push_back(std::move(fa));
    }
    for (std::size_t n : t.children(verb, "nsubj"))
        for (auto& l : phrase_lemmas(t, n)) f.subject.push_back(std::move(l));
    for (std::size_t x : t.children(verb, "xcomp")) {
        // "agreed to deepen ties": the complement's verb, then its object's words.
        f.xcomp.push_back(ascii_lower(t.lemma(x)));
        for (std::size_t o : t.children(x, "obj"))
            for (auto& l : phrase_lemmas(t, o)) f.xcomp.push_back(std::move(l));
        if (t.word(x).upos == "ADJ") f.modifiers.push_back(ascii_lower(t.lemma(x)));
    }
    for (std::size_t a : t.children(verb, "advmod")) f.modifiers.push_back(ascii_lower(t.lemma(a)));
    return f;
}

std::vector<std::size_t> agents_of_noun(const DependencyTree& t, std::size_t noun,
                                        const std::function<bool(std::size_t)>& is_actor) {
    std::vector<std::size_t> out;
    if (t.word(noun).upos != "NOUN") return out;
    std::vector<std::size_t> cands = t.children(noun, "nmod:poss");
    // "the Estonian decision": a demonym the recogniser read as its country's mention.
    for (std::size_t c : t.children(noun, "amod")) cands.push_back(c);
    for (std::size_t c : t.children(noun, "nmod"))
        if (t.case_marker(c) == "by") cands.push_back(c);
    for (std::size_t c : cands)
        for (std::size_t k : t.conjuncts(c))
            if (is_actor(k) && t.word(k).upos != "PRON") out.push_back(k);
    return out;
}

std::vector<DictionaryEvent> dictionary_events(const DependencyTree& t, std::size_t verb,
                                               const VerbDictionary& dictionary,
                                               const std::function<bool(std::size_t)>& is_actor,
                                               const std::function<bool(std::size_t)>& is_event_noun,
                                               const std::function<bool(const std::string&)>& is_light_verb,
                                               const std::function<bool(std::size_t)>& is_abstract_noun) {
    std::vector<DictionaryEvent> out;
    std::vector<std::size_t> heads;
    const VerbFrame frame = frame_of(t, verb, is_actor, &heads);
    if (!dictionary.knows(frame.lemma)) return out;
    auto m = dictionary.match(frame);
    if (!m || m->cameo.empty()) return out;
    // "condemned violence against protesters", "criticized the strikes on X": a phrase on
    // the thing disapproved of names its victim; the one disapproved of is its author.
    if (m->target >= 0 && static_cast<std::size_t>(m->target) < frame.args.size() &&
        (m->cameo.compare(0, 2, "11") == 0 || m->cameo.compare(0, 2, "12") == 0)) {
        const FrameArgument& a = frame.args[static_cast<std::size_t>(m->target)];
        static const std::set<std::string> adversative{"against", "on", "upon", "at", "toward", "towards"};
        // "criticized Washington's arms sales to Taiwan": the owner of the thing disapproved
        // of is the one disapproved of, not whom its phrases name.
        if (a.on_object && a.preposition != "'s" && !m->target_named)
            for (std::size_t k = 0; k < frame.args.size(); ++k)
                if (frame.args[k].on_object && frame.args[k].preposition == "'s" && frame.args[k].actor) {
                    m->target = static_cast<int>(k);
                    break;
                }
        const FrameArgument& b = frame.args[static_cast<std::size_t>(m->target)];
        if (b.on_object && adversative.count(b.preposition) && !m->target_named) return out;
    }
    // Our "dobj" senses say the same as a bare code: what the verb does to its object
    // ("evacuated people in the town of X" does nothing to X).
    // The owner named on the object itself still counts: "expel the envoy of X".
    if (m->direct && thing_done_elsewhere(frame, m->target, m->cameo)) {
        const std::size_t h = heads[static_cast<std::size_t>(m->target)];
        const auto objects = t.children(verb, "obj");
        if (std::find(objects.begin(), objects.end(), t.head(h)) == objects.end()) return out;
        if (is_abstract_noun && is_abstract_noun(t.head(h))) return out; // "the government's record"
    }
    if (m->specificity == 0 && !m->own) {
        if (thing_done_elsewhere(frame, m->target, m->cameo)) return out;
        // "announced tariffs on X", "made accusations against X": the event is the
        // noun's, coded by the noun frame; the verb only carries it.
        // Unless the noun names its author: "condemned an attack by X" is aimed at X.
        for (std::size_t o : t.children(verb, "obj"))
            if (is_event_noun && is_event_noun(o) && agents_of_noun(t, o, is_actor).empty()) return out;
    }

    auto actors_of = [&](std::vector<std::size_t> words) {
        words.erase(std::remove_if(words.begin(), words.end(), [&](std::size_t w) { return !is_actor(w); }),
                    words.end());
        return words;
    };
    // A participant: the grammatical subject, an argument of the frame, or no one.
    auto participant = [&](int which) -> std::vector<std::size_t> {
        if (which == VerbMatch::kSubject) return actors_of(t.subjects(verb));
        if (which >= 0 && static_cast<std::size_t>(which) < heads.size()) {
            const std::size_t h = heads[static_cast<std::size_t>(which)];
            auto found = actors_of(t.conjuncts(h));
            // "welcomed Uganda's withdrawal", "condemned an attack by X": the act's author.
            if (found.empty() && which != m->source &&
                !(is_abstract_noun && !is_verbal_code(m->cameo) && is_abstract_noun(h)))
                found = agents_of_noun(t, h, is_actor);
            return found;
        }
        return {};
    };
    DictionaryEvent e;
    e.cameo = m->cameo;
    e.predicate = m->predicate;
    e.rule = (m->own ? "lexicon:" : "cameo:") + m->pattern;
    e.sources = participant(m->source);
    e.targets = participant(m->target);
    // "retreated to X", "pulled back into X": where a withdrawal goes is no place it
    // leaves (CAMEO 087 codes what is withdrawn from).
    if (m->cameo.compare(0, 3, "087") == 0 && m->target >= 0 && static_cast<std::size_t>(m->target) < frame.args.size()) {
        const std::string& p = frame.args[static_cast<std::size_t>(m->target)].preposition;
        if (p == "to" || p == "into" || p == "toward" || p == "towards") e.targets.clear();
    }
    // "X and Y signed a truce brokered by Z": the author of the thing two parties take up
    // (its participle's agent) is no party to their act.
    if (m->target >= 0 && static_cast<std::size_t>(m->target) < frame.args.size() && e.sources.size() >= 2) {
        const FrameArgument& a = frame.args[static_cast<std::size_t>(m->target)];
        if (a.on_object && a.preposition == "by") e.targets.clear();
    }
    if (m->reversed) std::swap(e.sources, e.targets);
    // Coordinated parties are not each other's target ("X and Y turned to Z").
    e.targets.erase(std::remove_if(e.targets.begin(), e.targets.end(),
                                   [&](std::size_t w) { return std::count(e.sources.begin(), e.sources.end(), w) > 0; }),
                    e.targets.end());
    if (e.sources.empty()) return out;
    if (e.targets.empty() && m->target == VerbMatch::kAbsent && !frame.passive && !m->reversed &&
        (m->specificity == 0 || m->own || !(is_light_verb && is_light_verb(frame.lemma))))
        e.targets = territory_targets(t, verb, m->cameo, is_actor);
    if (e.targets.empty()) {
        // "X and Y deepened their partnership", "agreed to a ceasefire", "agreed on a
        // truce": the parties relate to each other.
        bool relational = false;
        for (const auto& a : frame.args)
            if (a.preposition.empty() || a.preposition == "to" || a.preposition == "on")
                for (const auto& l : a.lemmas)
                    relational |= relational_noun(l) || (m->specificity > 0 && quarrel_noun(l));
        for (const auto& l : frame.xcomp) relational |= relational_noun(l);
        if (!relational || e.sources.size() < 2) return out;
        e.mutual = true;
        out.push_back(std::move(e));
        return out;
    }
    DictionaryEvent back;
    if (!m->reverse_cameo.empty()) {
        back.cameo = m->reverse_cameo;
        back.rule = e.rule + " (reverse)";
        back.sources = e.targets;
        back.targets = e.sources;
    }
    out.push_back(std::move(e));
    if (!back.cameo.empty()) out.push_back(std::move(back));
    return out;
}

} // namespace newskg
