// Relation extraction over tokens and resolved actor mentions. Each sentence is reduced to
// a sequence of actor slots (the outermost mention at each place, so a multi-word actor is
// one unit) and words; verb frames from the lexicon are matched around each verb:
//   subject   the nearest slot before the verb that is not inside a prepositional phrase,
//             with the slots coordinated to it ("Mali, Burkina Faso demonstrate …")
//   object    by frame: the first slot after the verb (dobj), after a preposition (prep:P),
//             after "that" (demand_withdraw) or "on" (call_on), with its coordinated slots
//   passive   "was attacked by X": subject and object swap; no agent, no edge
// Sentences with reporting verbs ("X said", "according to X") give their relations a speaker.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "newskg/core/evidence.hpp"
#include "newskg/relations/relations.hpp"
#include "relations/dependency_tree.hpp"
#include "relations/dictionary_frames.hpp"
#include "read/furniture.hpp"

namespace newskg {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Curly apostrophe to straight, so "n’t" and "’s" compare.
    std::string::size_type p;
    while ((p = out.find("\xE2\x80\x99")) != std::string::npos) out.replace(p, 3, "'");
    return out;
}

struct Slot {
    TokenRange tokens;
    EntityId entity;
    MentionKind kind;
};

const std::set<std::string>& be_forms() {
    static const std::set<std::string> s{"is", "are", "was", "were", "be", "been", "being", "'s"};
    return s;
}
const std::set<std::string>& negators() {
    static const std::set<std::string> s{"not", "n't", "never", "no", "neither", "nor", "without"};
    return s;
}
const std::set<std::string>& hedges() {
    static const std::set<std::string> s{"may",       "might",     "could",     "would",
                                         "reportedly", "allegedly", "believed", "possibly",
                                         "apparently", "likely",    "suspected", "purportedly"};
    return s;
}
const std::set<std::string>& clause_breaks() {
    static const std::set<std::string> s{";", ":", "which", "who", "whom", "while", "whereas",
                                         "but", "although", "though", "because", "after",
                                         "before", "when", "since", "as", "if", "until", "\xE2\x80\x94", "--"};
    return s;
}
const std::set<std::string>& prepositions() {
    static const std::set<std::string> s{"of", "by", "from", "in", "with", "between", "for", "to",
                                         "against", "on", "at", "near", "into", "over", "about",
                                         "under", "around", "across", "through", "toward", "towards",
                                         "among", "including", "like"};
    return s;
}

/// The mentions and dates of each sentence, in document order: found once per article
/// rather than by scanning the whole article for each sentence.
struct SentenceIndex {
    std::vector<std::vector<std::size_t>> mentions; ///< indices into Extraction::mentions
    std::vector<std::vector<std::size_t>> dates;    ///< indices into Document::dates
    /// The actor stage's standing relations (made before this stage): every linked pair
    /// both ways, and the (subject, object) pairs of partOf / affiliatedWith. Looked up,
    /// not scanned, per relation: an article can state thousands.
    std::set<std::pair<std::string, std::string>> standing;
    std::set<std::pair<std::string, std::string>> part_of;
    /// A capital the actor stage read as a place (a Location with its country's code) →
    /// that country, when the article names it: what an act aimed at the city is aimed at.
    std::map<std::string, EntityId> state_of_capital;

    explicit SentenceIndex(const Extraction& x) {
        std::map<std::string, EntityId> country_by_code;
        for (const Entity& e : x.entities)
            if (e.type == ActorType::Country && !e.country_code.empty()) country_by_code.emplace(e.country_code, e.id);
        for (const Entity& e : x.entities)
            if (e.type == ActorType::Location && !e.country_code.empty())
                if (const auto it = country_by_code.find(e.country_code); it != country_by_code.end())
                    state_of_capital.emplace(e.id.value, it->second);
        for (const auto& r : x.relations) {
            if (!r.cameo.empty()) continue;
            standing.emplace(r.subject.value, r.object.value);
            standing.emplace(r.object.value, r.subject.value);
            if (r.predicate == "partOf" || r.predicate == "affiliatedWith")
                part_of.emplace(r.subject.value, r.object.value);
        }
        const auto& sens = x.document.sentences;
        mentions.resize(sens.size());
        dates.resize(sens.size());
        for (std::size_t m = 0; m < x.mentions.size(); ++m)
            if (x.mentions[m].sentence < sens.size()) mentions[x.mentions[m].sentence].push_back(m);
        // A date belongs to the sentence whose span contains it (sentences are in text order).
        for (std::size_t d = 0; d < x.document.dates.size(); ++d) {
            const CharSpan& span = x.document.dates[d].span;
            auto it = std::upper_bound(sens.begin(), sens.end(), span.begin,
                                       [](std::size_t b, const Sentence& s) { return b < s.span.begin; });
            if (it == sens.begin()) continue;
            --it;
            if (it->span.contains(span)) dates[static_cast<std::size_t>(it - sens.begin())].push_back(d);
        }
    }
};

/// The pairs of actors of the conflictual events (quad class 3 or 4) found so far,
/// unordered, counted in the order the events were found; `best` is the first pair to
/// reach the highest count. Kept as relations are found rather than recounted from all
/// of them for each sentence.
class ConflictPairs {
  public:
    void add(const Relation& r) {
        if (r.cameo.empty() || r.subject == r.object || r.quad_class < 3) return;
        auto key = r.subject < r.object ? std::make_pair(r.subject.value, r.object.value)
                                        : std::make_pair(r.object.value, r.subject.value);
        const auto [it, fresh] = index_.try_emplace(std::move(key), counts_.size());
        if (fresh) counts_.emplace_back(std::make_pair(EntityId{it->first.first}, EntityId{it->first.second}), 0);
        const std::size_t i = it->second;
        ++counts_[i].second;
        if (best_ == kNone || counts_[i].second > counts_[best_].second) best_ = i;
    }
    /// The pair with the most events (the first on a tie), or nullptr before any.
    const std::pair<EntityId, EntityId>* best() const { return best_ == kNone ? nullptr : &counts_[best_].first; }

  private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::pair<std::pair<EntityId, EntityId>, std::size_t>> counts_;
    std::map<std::pair<std::string, std::string>, std::size_t> index_;
    std::size_t best_ = kNone;
};

/// Who did the acts an article has told of, so that a later "the coup" or "the strikes"
/// ("Morales denounced the coup", "Germany condemned the strikes") is aimed at their
/// author: the act's noun or verb lemma ("coup" → the general who staged it, "strike" →
/// the last subject of "struck") → its author.
struct ActMemory {
    std::map<std::string, EntityId> by_lemma;
};

class SentenceExtractor {
  public:
    SentenceExtractor(Extraction& x, const RelationLexicon& lex, const RelationOptions& opt,
                      std::size_t sentence, const SentenceIndex& index, const ActMemory& acts)
        : x_(x), doc_(x.document), lex_(lex), opt_(opt), s_(sentence),
          sen_(x.document.sentences[sentence]), index_(index), acts_(acts) {
        for (std::size_t i = sen_.tokens.first; i < sen_.tokens.last; ++i)
            low_.push_back(lower(doc_.token_text(i)));
        build_slots();
    }

    /// The acts named by a noun in this sentence with their author ("Zuniga staged a
    /// coup", "an attack by X", "Israel's strikes"), for the sentences after.
    const std::vector<std::pair<std::string, EntityId>>& authored() const { return authored_; }

    /// Appends the sentence's relations to `out`; `earlier` counts those of the sentences before.
    void run(std::vector<Relation>& out, const ConflictPairs& earlier) {
        const std::size_t first = out.size();
        // "The two countries signed a deal": a sentence without a name may still speak of
        // both parties of the article's conflict (collective_parties gives them slots).
        const bool named = !slots_.empty();
        if (!named && !speaks_of_both()) return;
        if (named) find_speaker();
        parse_sentence();
        collective_parties(earlier);
        if (slots_.empty()) return;
        if (!named) find_speaker();
        remembered_authors();
        for (std::size_t i = 0; i < size(); ++i) {
            if (slot_at(i) != npos) continue;
            verb_frames(i, out);
            noun_frames(i, out);
            reported_wrongdoing(i, out);
            presence(i, out);
        }
        places(out);
        tree_presence(out);
        appositions(out);
        place_appositions_by_words(out);
        reported_blows(out, first);
    }

    /// "Manila says Chinese vessels block Philippine ships": a party reporting a blow
    /// another dealt it accuses the other of it (CAMEO 112), besides the blow reported.
    void reported_blows(std::vector<Relation>& out, std::size_t first) {
        if (speaker_slot_ == npos || !speaker_) return;
        const RelationType* accused = lex_.ontology().relation("accused");
        if (!accused) return;
        const std::size_t end = out.size();
        for (std::size_t i = first; i < end; ++i) {
            const Relation& r = out[i];
            if (!r.speaker || *r.speaker != *speaker_ || r.object != *speaker_ || r.subject == *speaker_) continue;
            if (r.flags & kNegated) continue;
            if (const int root = cameo_root(r.cameo); root < 15 || root > 20) continue; // material conflict
            for (std::size_t k = 0; k < slots_.size(); ++k)
                if (slots_[k].entity == r.subject) {
                    emit(out, speaker_slot_, k, accused->name, accused->cameo, speaker_verb_ == npos ? 0 : speaker_verb_,
                         0, "attribution:reported-blow", 0.7);
                    break;
                }
        }
    }

    /// "Tbilisi, the Georgian capital," / "Kutaisi, Georgia's second city": a place, a
    /// comma and a short phrase with a kind of place and the country (or wider place)
    /// it lies in. Read from the words as well as the tree, because the parser often
    /// hangs such a phrase on the verb ("protested in X, the Y capital" → obl).
    void place_appositions_by_words(std::vector<Relation>& out) {
        const std::set<std::string>& place_kinds = place_kind_nouns();
        for (std::size_t k = 0; k < real_slots_; ++k) {
            const Entity* place = x_.find(slots_[k].entity);
            if (!place || place->type != ActorType::Location) continue;
            // "the Georgian capital Tbilisi", "Georgia's capital Tbilisi": the country
            // right before the kind of place.
            const std::size_t b = slots_[k].tokens.first;
            if (b >= 2 && place_kinds.count(w(b - 1))) {
                const std::size_t c = slot_at(w(b - 2) == "'s" && b >= 3 ? b - 3 : b - 2);
                const Entity* e = c != npos && c != k ? x_.find(slots_[c].entity) : nullptr;
                if (e && e->type == ActorType::Country)
                    emit(out, k, c, "locatedIn", "", b, 0, "words:apposition-place", 0.7);
            }
            const std::size_t comma = slots_[k].tokens.last;
            if (w(comma) != ",") continue;
            std::size_t owner = npos;
            bool kind = false, clean = true;
            std::size_t j = comma + 1;
            for (; j < size() && j < comma + 10; ++j) {
                if (w(j) == "," || w(j) == "." || w(j) == ";") break;
                if (const std::size_t o = slot_at(j); o != npos) {
                    const Entity* e = x_.find(slots_[o].entity);
                    if (o == k || !e || (e->type != ActorType::Country && e->type != ActorType::Location) ||
                        owner != npos) {
                        clean = false;
                        break;
                    }
                    // "a town near Goma" is not in Goma.
                    static const std::set<std::string> away{"near", "outside", "from", "to", "off", "beyond",
                                                            "across", "along", "toward", "towards", "by"};
                    if (away.count(w(slots_[o].tokens.first - 1))) {
                        clean = false;
                        break;
                    }
                    owner = o;
                    j = slots_[o].tokens.last - 1;
                    continue;
                }
                if (place_kinds.count(w(j))) kind = true;
            }
            const bool ends = j >= size() || w(j) == "," || w(j) == "." || w(j) == ";";
            if (clean && ends && kind && owner != npos)
                emit(out, k, owner, "locatedIn", "", slots_[k].tokens.first, 0, "words:apposition-place", 0.7);
        }
    }

    /// Standing relations stated by apposition, read from the tree: "Irakli Vashadze,
    /// the leader of Strong Arnor" → leaderOf; "Ana Ruiz, Peru's foreign minister" →
    /// memberOf; "Cusco, Peru's second city" → locatedIn. The title decides the
    /// property (ontology/actor-cues.tsv: leader_title, spokes_title, title).
    void appositions(std::vector<Relation>& out) {
        if (!tree_) return;
        const std::set<std::string>& place_kinds = place_kind_nouns();
        const DependencyTree& t = *tree_;
        for (std::size_t k = 0; k < real_slots_; ++k) {
            const Entity* actor = x_.find(slots_[k].entity);
            if (!actor || (actor->type != ActorType::Person && actor->type != ActorType::Location)) continue;
            const std::size_t head = slot_head_word(k);
            if (head == npos) continue;
            // The title in apposition either way: "P, the leader of X" and "the leader of X, P".
            std::vector<std::size_t> titles = t.appositions(head);
            if (t.base_rel(head) == "appos" && t.head(head) != kNoWord) titles.push_back(t.head(head));
            // "Vice President Harris, Chair of the Space Council" parsed as a coordination
            // with no "and": a title after the comma is an apposition all the same.
            if (actor->type == ActorType::Person)
                for (std::size_t c : t.children(head, "conj"))
                    if (t.children(c, "cc").empty() && c > head + 1 && doc_.form(doc_.words[c - 1]) == ",")
                        titles.push_back(c);
            for (std::size_t n : titles) {
                if (slot_at(token_of(n)) != npos) {
                    // "Goma, North Kivu": a place in apposition to a place is where it lies.
                    const std::size_t c = slot_at(token_of(n));
                    const Entity* wider = x_.find(slots_[c].entity);
                    // Set off by a comma: "Masjid al-Haram (Grand Mosque)" gives another name.
                    const std::size_t before = slots_[c].tokens.first;
                    if (actor->type == ActorType::Location && wider && c != k && n > head && before > 0 &&
                        w(before - 1) == "," &&
                        (wider->type == ActorType::Location || wider->type == ActorType::Country))
                        emit(out, k, c, "locatedIn", "", slots_[k].tokens.first, 0, "syntax:apposition-place", 0.8);
                    continue;
                }
                const std::string lemma = lower(doc_.lemma(n));
                std::string predicate;
                if (actor->type == ActorType::Location) {
                    // "Kano, Nigeria's northern state" in the tree; too common a word for the word rule.
                    if (place_kinds.count(lemma) || lemma == "state") predicate = "locatedIn";
                } else {
                    predicate = title_property(n);
                }
                if (predicate.empty()) continue;
                std::vector<std::size_t> owners;
                for (const char* rel : {"nmod:poss", "amod", "compound", "nmod"})
                    for (std::size_t c : t.children(n, rel)) {
                        if (std::string(rel) == "nmod" && doc_.words[c].deprel == "nmod:poss") continue;
                        if (std::string(rel) == "nmod") {
                            const std::string m = t.case_marker(c);
                            if (m != "of" && m != "for" && m != "in" && m != "at") continue;
                        }
                        for (std::size_t o : slots_of({c}))
                            if (o != k && std::find(owners.begin(), owners.end(), o) == owners.end()) owners.push_back(o);
                    }
                for (std::size_t o : owners) {
                    const Entity* owner = x_.find(slots_[o].entity);
                    if (!owner || owner->type == ActorType::Person) continue;
                    if (predicate == "locatedIn" && owner->type != ActorType::Country && owner->type != ActorType::Location)
                        continue;
                    // A country has no members: its minister or president is affiliated with
                    // it, as the recogniser says of "Kenyan President X".
                    const std::string p =
                        predicate == "memberOf" && owner->type == ActorType::Country ? "affiliatedWith" : predicate;
                    emit(out, k, o, p, "", slots_[k].tokens.first, 0, "syntax:apposition-" + p, 0.8);
                }
            }
        }
    }

    /// The property a title noun gives its holder, from the cue lexicon: "leader",
    /// "president" → leaderOf; "spokesman" → spokespersonOf; "minister" → memberOf; "".
    std::string title_property(std::size_t n) const {
        const DependencyTree& t = *tree_;
        std::vector<std::string> names{lower(doc_.form(n)), lower(doc_.lemma(n))};
        // "prime minister", "foreign secretary": the title with its compound or modifier.
        for (const char* rel : {"compound", "amod"})
            for (std::size_t c : t.children(n, rel))
                if (slot_at(token_of(c)) == npos) names.insert(names.begin(), lower(doc_.form(c)) + " " + names.back());
        for (const auto& name : names) {
            if (lex_.cues().has_role(name, "leader_title")) return "leaderOf";
            if (lex_.cues().has_role(name, "spokes_title")) return "spokespersonOf";
            if (lex_.cues().has_role(name, "title")) return "memberOf";
        }
        return "";
    }

    /// The tree word heading a slot's mention: the one whose head lies outside it.
    std::size_t slot_head_word(std::size_t k) const {
        const TokenRange& r = slots_[k].tokens;
        std::size_t found = npos;
        for (std::size_t i = r.first; i < r.last; ++i) {
            const std::size_t wd = syntax_word(i);
            if (wd == npos) continue;
            const std::size_t h = doc_.words[wd].head;
            const bool inside = h != kNoWord && syntax_word(token_of(h)) == h && token_of(h) >= r.first && token_of(h) < r.last;
            if (!inside) return wd;
            if (found == npos) found = wd;
        }
        return found;
    }

    /// "X has about 1,000 fighters in Mali", "X keeps troops in Y": presentIn.
    void presence(std::size_t v, std::vector<Relation>& out) {
        static const std::set<std::string> verbs{"have", "keep", "maintain", "station", "base", "deploy"};
        static const std::set<std::string> troops{"troops", "fighters", "soldiers", "forces", "peacekeepers",
                                                  "personnel", "mercenaries", "officers", "bases", "base"};
        bool hit = false;
        for (const auto& l : lex_.lemmatizer().lemmas(w(v)))
            if (verbs.count(l)) hit = true;
        if (!hit || negated_before(v)) return;
        for (std::size_t j = v + 1; j < size() && j < v + 8; ++j) {
            if (slot_at(j) != npos || clause_breaks().count(w(j))) return;
            if (!troops.count(w(j))) continue;
            std::size_t k = j + 1;
            if (w(k) == "in" || w(k) == "to" || w(k) == "inside" || w(k) == "across") {
                std::size_t place = slot_after(k + 1, 3, false);
                std::size_t subj = subject_of(v);
                if (place == npos || subj == npos) return;
                for (std::size_t ss : subjects(subj))
                    emit(out, ss, place, "presentIn", "", v, 0, "frame:presence", 0.8);
            }
            return;
        }
    }

    /// Where the parse says an actor is: the subject of a verb of being somewhere or
    /// gathering ("protested in Tbilisi", "were held in Russia", "holds territory in X"),
    /// or of a copula ("is in Lithuania"): presentIn. Not a place itself, not a denied or
    /// intended presence.
    void tree_presence(std::vector<Relation>& out) {
        if (!tree_) return;
        const DependencyTree& t = *tree_;
        auto of_type = [&](std::size_t k, bool place) {
            const Entity* e = x_.find(slots_[k].entity);
            if (!e) return false;
            const bool is_place = e->type == ActorType::Location || e->type == ActorType::Country;
            return place == is_place;
        };
        auto places_at = [&](std::size_t w) {
            std::vector<std::size_t> out_places;
            for (std::size_t k : slots_of(t.conjuncts(w)))
                if (of_type(k, true)) out_places.push_back(k);
            return out_places;
        };
        auto link = [&](const std::vector<std::size_t>& parties, const std::vector<std::size_t>& where,
                        std::size_t anchor, const char* rule) {
            // A state's own bodies are in it by being part of it ("the authorities in Niger").
            auto part_of = [&](const EntityId& s, const EntityId& p) {
                return index_.part_of.count({s.value, p.value}) > 0;
            };
            for (std::size_t s : parties)
                if (of_type(s, false))
                    for (std::size_t p : where)
                        if (slots_[s].entity != slots_[p].entity && !part_of(slots_[s].entity, slots_[p].entity))
                            emit(out, s, p, "presentIn", "", token_of(anchor), 0, rule, 0.75);
        };
        static const std::set<std::string> markers{"in", "at", "inside"};
        for (std::size_t w = t.first(); w < t.last(); ++w) {
            const Word& word = t.word(w);
            if (tree_->is_verbal(w) && lex_.in_class("presence", lower(doc_.lemma(word)))) {
                if (clause_flags(w) & (kNegated | kConditional)) continue;
                if (aim_only(w)) continue;
                // "Thousands of protesters gathered": the people counted.
                std::vector<std::size_t> subjects = t.subjects(w);
                for (std::size_t s : t.subjects(w))
                    if (word_slot(s) == npos)
                        for (std::size_t c : t.children(s, "nmod"))
                            if (t.case_marker(c) == "of") subjects.push_back(c);
                const auto parties = slots_of(subjects);
                for (const auto& a : t.case_arguments(w))
                    if (markers.count(a.marker)) link(parties, places_at(a.head), w, "syntax:presence");
            } else if (!t.children(w, "cop").empty() && markers.count(t.case_marker(w))) {
                if (t.negated(w)) continue;
                link(slots_of(t.children(w, "nsubj")), places_at(w), w, "syntax:presence-copula");
            }
            // Not a description with its place ("soldiers in X", "the parliament of Y in
            // X"): measured, it added no relation an annotator asked for on the
            // development articles and a dozen unasked ones on PETRARCH's sentences.
        }
    }

    /// "Ber, a town in northern Mali", "Kidal in northern Mali": locatedIn.
    void places(std::vector<Relation>& out) {
        static const std::set<std::string> kinds{"town", "city", "village", "region", "province",
                                                 "district", "camp", "port", "base", "capital", "area"};
        static const std::set<std::string> compass{"northern", "southern", "eastern", "western", "central",
                                                   "north", "south", "east", "west", "northeastern",
                                                   "northwestern", "southeastern", "southwestern"};
        for (std::size_t k = 0; k < real_slots_; ++k) {
            const Entity* place = x_.find(slots_[k].entity);
            if (!place || place->type != ActorType::Location) continue;
            std::size_t j = slots_[k].tokens.last;
            if (w(j) == ",") {
                ++j;
                if (w(j) == "a" || w(j) == "the") ++j;
                while (j < size() && compass.count(w(j))) ++j;
                if (!kinds.count(w(j))) continue;
                ++j;
            }
            if (w(j) != "in") continue;
            ++j;
            while (j < size() && compass.count(w(j))) ++j;
            std::size_t c = slot_at(j);
            if (c == npos || slots_[c].tokens.first != j) continue;
            const Entity* country = x_.find(slots_[c].entity);
            if (!country || (country->type != ActorType::Country && country->type != ActorType::Location)) continue;
            emit(out, k, c, "locatedIn", "", slots_[k].tokens.first, 0, "frame:place-in", 0.85);
        }
    }

    /// "X have committed grave abuses, Y said": reporting that someone committed or
    /// violated something is accusing them of it (CAMEO 112).
    void reported_wrongdoing(std::size_t v, std::vector<Relation>& out) {
        if (speaker_slot_ == npos) return;
        bool wrong = false;
        for (const auto& l : lex_.lemmatizer().lemmas(w(v)))
            if (l == "commit" || l == "violate" || l == "perpetrate") wrong = true;
        if (!wrong || negated_before(v)) return;
        // "committed the image to the screen", "committed to a ceasefire": an entrusting
        // or a pledge, no wrong.
        if (const std::size_t wv = syntax_word(v); wv != npos)
            for (const auto& a : tree_->case_arguments(wv))
                if (a.marker == "to") return;
        std::size_t subj = subject_of(v);
        if (subj == npos) return;
        const RelationType* accused = lex_.ontology().relation("accused");
        if (!accused) return;
        for (std::size_t s : subjects(subj)) {
            if (s == speaker_slot_) continue;
            emit(out, speaker_slot_, s, accused->name, accused->cameo, v, 0, "attribution:reported-wrongdoing", 0.7);
            // The speaker is the subject here, so the relation is not marked as reported.
        }
    }

  private:
    Extraction& x_;
    const Document& doc_;
    const RelationLexicon& lex_;
    const RelationOptions& opt_;
    std::size_t s_;
    const Sentence& sen_;
    const SentenceIndex& index_;
    const ActMemory& acts_;                                      ///< the acts of the sentences before
    std::vector<std::pair<std::string, EntityId>> authored_;     ///< acts this sentence names with their author
    std::vector<std::string> low_; ///< lower-case tokens, indexed from the sentence start
    mutable std::optional<bool> contest_cued_; ///< whether the sentence names a game or a vote (computed once)
    std::vector<Slot> slots_;       ///< ordered by position, non-overlapping
    std::vector<std::size_t> slot_of_; ///< token (relative) → slot index or npos
    std::optional<EntityId> speaker_;
    std::optional<DependencyTree> tree_;  ///< when the syntax stage ran
    std::vector<std::size_t> token_word_; ///< sentence-relative token → its first tree word
    std::size_t speaker_slot_ = npos;
    std::size_t speaker_verb_ = npos;
    std::size_t real_slots_ = 0; ///< slots of mentions; those after stand for phrases ("both sides")
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> group_slots_; ///< tree word → its slots

    std::size_t size() const { return low_.size(); }
    const std::string& w(std::size_t i) const {
        static const std::string empty;
        return i < low_.size() ? low_[i] : empty;
    }
    std::size_t slot_at(std::size_t i) const { return i < slot_of_.size() ? slot_of_[i] : npos; }

    void build_slots() {
        std::vector<const Mention*> ms;
        for (std::size_t m : index_.mentions[s_]) ms.push_back(&x_.mentions[m]);
        // Outermost first: longer mentions win the tokens they cover.
        std::sort(ms.begin(), ms.end(), [](const Mention* a, const Mention* b) {
            if (a->tokens.size() != b->tokens.size()) return a->tokens.size() > b->tokens.size();
            return a->tokens.first < b->tokens.first;
        });
        slot_of_.assign(size(), npos);
        std::vector<Slot> chosen;
        for (const Mention* m : ms) {
            std::size_t b = m->tokens.first - sen_.tokens.first, e = m->tokens.last - sen_.tokens.first;
            bool free = true;
            for (std::size_t i = b; i < e; ++i)
                if (slot_of_[i] != npos) free = false;
            if (!free) continue;
            for (std::size_t i = b; i < e; ++i) slot_of_[i] = 0; // mark; renumbered below
            chosen.push_back(Slot{TokenRange{b, e}, m->entity, m->kind});
        }
        std::sort(chosen.begin(), chosen.end(),
                  [](const Slot& a, const Slot& b) { return a.tokens.first < b.tokens.first; });
        slots_ = std::move(chosen);
        real_slots_ = slots_.size();
        slot_of_.assign(size(), npos);
        for (std::size_t k = 0; k < slots_.size(); ++k)
            for (std::size_t i = slots_[k].tokens.first; i < slots_[k].tokens.last; ++i) slot_of_[i] = k;
    }

    // ---- syntax ------------------------------------------------------------------------
    /// The sentence's dependency tree, when the syntax stage has filled Document::words.
    void parse_sentence() {
        if (sen_.words.empty()) return;
        tree_.emplace(doc_, sen_);
        token_word_.assign(size(), npos);
        for (std::size_t w = sen_.words.first; w < sen_.words.last; ++w) {
            const std::size_t t = doc_.words[w].token - sen_.tokens.first;
            // The first word of a split token ("do" of "don't") stands for the token.
            if (t < size() && token_word_[t] == npos) token_word_[t] = w;
        }
    }

    /// The tree word of a sentence-relative token, or npos.
    std::size_t syntax_word(std::size_t token) const {
        if (!tree_ || token >= token_word_.size()) return npos;
        return token_word_[token];
    }
    /// The sentence-relative token of a tree word.
    std::size_t token_of(std::size_t word) const { return doc_.words[word].token - sen_.tokens.first; }
    /// The actor slots a tree word stands for: its own, or for a nominal outside every
    /// mention, the slots of the modifiers that say whose it is ("the French ambassador",
    /// "Kenya's hosting", "Mexican and Canadian imports"); empty when none.
    std::vector<std::size_t> word_slots(std::size_t wd) const {
        if (std::size_t k = slot_at(token_of(wd)); k != npos) return {k};
        for (const auto& [word, ks] : group_slots_)
            if (word == wd) return ks;
        std::vector<std::size_t> out;
        const Word& word = doc_.words[wd];
        // "Some countries, such as Russia, urged …", "others, including China and India,
        // condemned …": an unnamed group acts through the actors it is exemplified by.
        if (word.upos == "NOUN" || word.upos == "PRON" || word.upos == "DET" || word.upos == "ADJ") {
            std::vector<std::size_t> examples = tree_->children(wd, "nmod");
            // The parser may hang the example on the verb: "some, such as Russia, urged".
            if (const std::size_t h = tree_->head(wd); h != kNoWord && h > wd &&
                                                       tree_->base_rel(wd) == "nsubj")
                for (std::size_t c : tree_->children(h, "obl"))
                    if (c > wd && c < h) examples.push_back(c);
            for (std::size_t c : examples) {
                const std::string m = tree_->case_marker(c);
                if (m != "such as" && m != "including" && m != "notably" && m != "especially") continue;
                for (std::size_t e : tree_->conjuncts(c))
                    if (std::size_t k = slot_at(token_of(e));
                        k != npos && std::find(out.begin(), out.end(), k) == out.end())
                        out.push_back(k);
            }
            if (!out.empty()) return out;
        }
        // "dozens of Afghan migrants", "one of its supply boats", "$30 billion of American
        // goods": a quantity stands for what it counts.
        if (word.upos == "NOUN" || word.upos == "NUM" || word.upos == "PRON" || word.upos == "DET" || word.upos == "ADJ" ||
            word.upos == "SYM") {
            if (has_cue(word, "quantity_head"))
                for (std::size_t c : tree_->children(wd, "nmod"))
                    if (tree_->case_marker(c) == "of") {
                        std::vector<std::size_t> counted = word_slots(c);
                        if (!counted.empty()) return counted;
                    }
        }
        // "India and Canada expelled each other's diplomats": the reciprocal owner is the
        // clause's subjects, each the other's target (emit skips an actor's own).
        auto reciprocal_word = [&](std::size_t c) {
            const std::string first = tree_->lower_form(c);
            for (std::size_t f : tree_->children(c, "fixed"))
                if ((first == "each" && tree_->lower_form(f) == "other") ||
                    (first == "one" && tree_->lower_form(f) == "another"))
                    return true;
            return false;
        };
        // "accused each other of …": the same, as the object itself.
        if ((word.upos == "DET" || word.upos == "PRON" || word.upos == "NUM") && reciprocal_word(wd)) {
            const std::size_t verb = tree_->head(wd);
            if (verb != kNoWord && tree_->is_verbal(verb)) return slots_of(tree_->subjects(verb));
        }
        if (word.upos == "NOUN")
            for (std::size_t c : tree_->children(wd, "nmod:poss")) {
                const std::size_t verb = tree_->head(wd);
                if (reciprocal_word(c) && verb != kNoWord && tree_->is_verbal(verb))
                    return slots_of(tree_->subjects(verb));
            }
        if (word.upos != "NOUN") return out;
        // Any other noun stands for the country whose adjective the actor stage took
        // for a mention ("Chinese hackers", "Israeli hostages": arguments of a verb).
        const bool actor_noun = stands_for_actor(word);
        if (!actor_noun) {
            // A noun in apposition to a name is that actor: "the political alliance
            // Strong Latvia", "its ally Hezbollah".
            for (std::size_t a : tree_->appositions(wd))
                if (std::size_t k = slot_at(token_of(a)); k != npos) return {k};
            for (const char* rel : {"amod", "compound"}) // a demonym tagged as a name hangs as compound
                for (std::size_t c : tree_->children(wd, rel))
                    if (std::size_t k = slot_at(token_of(c)); k != npos && slots_[k].kind == MentionKind::Demonym)
                        out.push_back(k);
            return out;
        }
        // "Somalia's president, Hassan Mohamud, praised …": the person named beside the
        // title acts, not the country whose title it is.
        for (std::size_t a : tree_->appositions(wd))
            if (std::size_t k = slot_at(token_of(a)); k != npos)
                if (const Entity* e = x_.find(slots_[k].entity); e && e->type == ActorType::Person) return {k};
        const bool subject = tree_->base_rel(wd) == "nsubj";
        for (const char* rel : {"nmod:poss", "amod", "compound"})
            for (std::size_t c : tree_->children(wd, rel))
                // "recalled its ambassador": the subject's own, no party of its own; but
                // "its soldiers had killed …" act for whom "its" stands for.
                if (doc_.words[c].upos != "PRON" || subject)
                    for (std::size_t m : tree_->conjuncts(c))
                        if (std::size_t k = slot_at(token_of(m));
                            k != npos && std::find(out.begin(), out.end(), k) == out.end())
                            out.push_back(k);
        // "the president of Ghana", "the foreign minister of Peru": one office holder; the
        // members or forces of one body too ("fighters of the ADF", "troops of X"), but
        // not holders of a list the sentence only names ("representatives of X, Y and Z").
        const bool members = has_cue(word, "member_head") || has_cue(word, "military_head");
        // Goods come from their country: "imports from Brazil", "steel from China"; people
        // sent by a party too: "a delegation from the Taliban", "soldiers from Gondor".
        const bool collective = has_cue(word, "collective_head");
        const bool from_owner = has_cue(word, "trade_head") || members || collective;
        // "officials in Kenya" are Kenyan officials; forces in a country are not its own,
        // nor is one person there ("met his counterpart in Angola" says where).
        const bool office = !members && word.xpos == "NNS" &&
                            (has_cue(word, "title") || has_cue(word, "leader_title") ||
                             has_cue(word, "government_head"));
        auto country_slot = [&](std::size_t c) {
            const std::size_t k = slot_at(token_of(c));
            const Entity* e = k == npos ? nullptr : x_.find(slots_[k].entity);
            return e && e->type == ActorType::Country;
        };
        if (out.empty())
            for (std::size_t c : tree_->children(wd, "nmod")) {
                const std::string marker = tree_->case_marker(c);
                // "officials of the AU", "members of Hamas" act for it, "a spokesman for X"
                // speaks for X (an envoy for Yemen is not Yemen's).
                const bool one = tree_->conjuncts(c).size() == 1;
                if ((marker == "of" && (word.xpos == "NN" || office || ((members || collective) && one))) ||
                    (marker == "for" && has_cue(word, "spokes_title") && one) ||
                    (marker == "from" && from_owner) || (marker == "in" && office && country_slot(c))) {
                    if (std::size_t k = slot_at(token_of(c)); k != npos) {
                        out.push_back(k);
                        // "officials in Kenya and Uganda", "the prime ministers of Spain and
                        // Portugal": each of them.
                        if (marker == "in" || (marker == "of" && office))
                            for (std::size_t m : tree_->conjuncts(c))
                                if (std::size_t km = slot_at(token_of(m)); km != npos && km != k && country_slot(m))
                                    out.push_back(km);
                    }
                    // "a delegation from the Taliban government": the body the noun names.
                    else if (marker == "from" && c != wd)
                        for (std::size_t m : word_slots(c)) out.push_back(m);
                }
            }
        return out;
    }
    std::size_t word_slot(std::size_t wd) const {
        const auto ks = word_slots(wd);
        return ks.empty() ? npos : ks.front();
    }
    /// Whether tree word wd stands for a country (its first slot's actor).
    bool names_country(std::size_t wd) const {
        const std::size_t k = word_slot(wd);
        const Entity* e = k == npos ? nullptr : x_.find(slots_[k].entity);
        return e && e->type == ActorType::Country;
    }
    /// A noun naming an actor's people, bodies or goods ("ambassador", "troops",
    /// "ministry", "imports"), so its modifier's actor is the party.
    bool stands_for_actor(const Word& word) const {
        static const char* const roles[] = {"title",        "leader_title",  "spokes_title",   "government_head",
                                            "military_head", "ministry_head", "member_head",    "trade_head",
                                            "collective_head", "thing_head"};
        for (const char* role : roles)
            if (has_cue(word, role)) return true;
        return false;
    }
    /// Whether a word's form or lemma has the cue role.
    bool has_cue(const Word& word, const char* role) const {
        return lex_.cues().has_role(lower(doc_.form(word)), role) || lex_.cues().has_role(lower(doc_.lemma(word)), role);
    }
    /// The actor slots of tree words, in order, without duplicates.
    std::vector<std::size_t> slots_of(const std::vector<std::size_t>& ws) const {
        std::vector<std::size_t> out;
        auto add = [&](std::size_t k) {
            if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
        };
        for (std::size_t wd : ws) {
            const auto own = word_slots(wd);
            for (std::size_t k : own) add(k);
            if (own.empty()) continue;
            // "the United States, Germany and Britain": a list of names the parser read as
            // a compound of its last names is a list all the same; the comma tells.
            for (std::size_t c : tree_->children(wd, "compound")) {
                const std::size_t k = word_slot(c);
                if (k == npos || k == own.front() || c > wd) continue;
                bool comma = false;
                for (std::size_t p : tree_->children(c, "punct")) comma |= doc_.form(p) == ",";
                if (comma)
                    for (std::size_t m : tree_->conjuncts(c)) add(word_slot(m) == npos ? k : word_slot(m));
            }
        }
        return out;
    }

    /// Objects with a free relative read through: "condemned what it called X's
    /// annexation" condemns the annexation (the object of a verb of the class `naming`
    /// in the clause on "what").
    std::vector<std::size_t> named_things(const std::vector<std::size_t>& objects) const {
        std::vector<std::size_t> out;
        for (std::size_t o : objects) {
            bool replaced = false;
            if (tree_->lower_form(o) == "what")
                for (std::size_t c : tree_->children(o, "acl:relcl"))
                    if (lex_.in_class("naming", lower(tree_->lemma(c))))
                        for (std::size_t n : tree_->children(c, "obj"))
                            if (n != o) {
                                out.push_back(n);
                                replaced = true;
                            }
            if (!replaced) out.push_back(o);
        }
        return out;
    }

    /// "called the attack unacceptable", "called X's decision a provocation": a verb of
    /// naming with a predicative complement describes its object, it rings no one. The
    /// description censures the object's author when it is a `censure` cue (111), and
    /// says nothing coded otherwise. Returns true when the verb is such a naming.
    bool naming_frame(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv) || !lex_.in_class("naming", lower(tree_->lemma(wv)))) return false;
        const DependencyTree& t = *tree_;
        // "what it called X": the free relative is the naming's own complement.
        if (doc_.words[wv].deprel == "acl:relcl" && t.head(wv) != kNoWord && t.lower_form(t.head(wv)) == "what")
            return true;
        // The description: an open complement, or a second nominal the parser left
        // unmarked ("called the offer a good start").
        std::vector<std::size_t> complements = t.children(wv, "xcomp");
        if (!t.children(wv, "obj").empty())
            for (std::size_t c : t.children(wv, "obl"))
                if (doc_.words[c].deprel == "obl:unmarked" || t.case_marker(c).empty()) complements.push_back(c);
        // … or a second object ("called X's decision a provocation" read as two objects).
        if (const auto objs = t.children(wv, "obj"); objs.size() >= 2) complements.push_back(objs.back());
        // … or an unmarked nominal hung on the object ("called the strikes a provocation").
        for (std::size_t o : t.children(wv, "obj"))
            for (std::size_t c : t.children(o, "nmod"))
                if (doc_.words[c].deprel == "nmod:unmarked" && c > o) complements.push_back(c);
        if (complements.empty()) return false;
        bool censure = false;
        for (std::size_t c : complements) {
            censure |= lex_.cues().has_role(lower(doc_.lemma(doc_.words[c])), "censure");
            for (std::size_t m : t.children(c, "amod")) censure |= lex_.cues().has_role(lower(doc_.lemma(doc_.words[m])), "censure");
        }
        const RelationType* criticized = lex_.ontology().relation_for_cameo("111");
        if (!censure || !criticized) return true;
        auto is_actor = [&](std::size_t w) { return word_slot(w) != npos; };
        const auto subjects = slots_of(t.subjects(wv));
        std::vector<std::size_t> objects;
        for (std::size_t o : t.objects(wv)) {
            if (std::find(complements.begin(), complements.end(), o) != complements.end()) continue;
            auto k = slots_of({o});
            if (k.empty()) k = slots_of(agents_of_noun(t, o, is_actor));
            for (std::size_t x : k) objects.push_back(x);
        }
        for (std::size_t s : subjects)
            for (std::size_t o : objects)
                emit(out, s, o, criticized->name, "111", v, clause_flags(wv), "syntax:naming/censure", 0.75);
        return true;
    }

    /// Events of a verb our lexicon lacks (or whose frames the tree does not fill), coded
    /// by the CAMEO verb dictionary over the verb's dependency frame.
    /// The subjects of a verb, with object control where the parser hung the infinitive
    /// on the object ("asked the coalition to leave" with "to leave" an acl of
    /// "coalition"): after a directive verb the object acts, not the one who asks.
    std::vector<std::size_t> controlled_subjects(std::size_t wv, bool& controlled) const {
        const DependencyTree& t = *tree_;
        controlled = false;
        if (t.base_rel(wv) == "acl" && t.children(wv, "nsubj").empty()) {
            const bool infinitive = t.marked(wv, "to");
            const std::size_t noun = t.head(wv);
            if (infinitive && noun != kNoWord && t.base_rel(noun) == "obj" && t.head(noun) != kNoWord &&
                lex_.in_class("directive", lower(t.lemma(t.head(noun))))) {
                controlled = true;
                return {noun};
            }
        }
        return t.subjects(wv);
    }

    /// Subjects that can do what the code says: a weapon or vessel ("Russian missiles",
    /// "Chinese vessels", thing_head cues) strikes, blocks or seizes, but does not visit,
    /// agree or appeal ("Russian missiles landed in Poland" is no visit to Poland).
    std::vector<std::size_t> agents_only(std::vector<std::size_t> words, const std::string& cameo) const {
        const bool force = is_force_code(cameo) || cameo.compare(0, 2, "15") == 0 || cameo.compare(0, 2, "17") == 0;
        if (force) return words;
        words.erase(std::remove_if(words.begin(), words.end(),
                                   [&](std::size_t w) {
                                       return doc_.words[w].upos == "NOUN" && has_cue(doc_.words[w], "thing_head");
                                   }),
                    words.end());
        return words;
    }

    /// Every subject to every target with one code (the frames that code by construction).
    void emit_pairs(std::vector<Relation>& out, const std::vector<std::size_t>& subjects,
                    const std::vector<std::size_t>& targets, const RelationType& type, const std::string& code,
                    std::size_t v, unsigned flags, const std::string& rule, bool across_sides_only) {
        for (std::size_t s : subjects)
            for (std::size_t o : targets)
                if (!across_sides_only || !same_side(s, o)) emit(out, s, o, type.name, code, v, flags, rule, 0.8);
    }

    /// "sent troops to its border with X", "massed tanks along X's border": forces moved
    /// to a border face the country across it (CAMEO 154), whatever the verb's own code
    /// ("sent troops to Mali" is no posture: only a border phrase makes it one). Verbs of
    /// the class `deploying`; the object a force (military_head, thing_head cues).
    bool border_posture(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv) || !lex_.in_class("deploying", lower(tree_->lemma(wv)))) return false;
        const DependencyTree& t = *tree_;
        auto is_force = [&](std::size_t w) {
            return has_cue(doc_.words[w], "military_head") || has_cue(doc_.words[w], "thing_head");
        };
        bool force = false;
        const auto objects = t.objects(wv);
        for (std::size_t o : objects) force |= is_force(o);
        // "Lebanese troops deployed along the border with Israel": the forces move themselves.
        if (objects.empty())
            for (std::size_t s : t.subjects(wv)) force |= is_force(s);
        if (!force) return false;
        // Forces of war, not a tanker or an aid ship: they alone face a state they near.
        bool war_force = false;
        for (std::size_t o : objects.empty() ? t.subjects(wv) : objects)
            war_force |= has_cue(doc_.words[o], "military_head") || has_cue(doc_.words[o], "weapon_head");
        std::vector<std::size_t> across;
        // "placed its troops on high alert near the border": the parser may hang the border's
        // phrase on another phrase of the verb.
        std::vector<CaseArgument> arguments = t.case_arguments(wv);
        for (std::size_t k = 0, n = arguments.size(); k < n; ++k)
            if (!arguments[k].on_object)
                for (std::size_t c : t.children(arguments[k].head, "nmod"))
                    if (const std::string m = t.case_marker(c); m == "near" || m == "along" || m == "to")
                        arguments.push_back(CaseArgument{m, c, false});
        for (const auto& a : arguments) {
            if (a.marker != "to" && a.marker != "along" && a.marker != "near" && a.marker != "on" && a.marker != "at" &&
                a.marker != "toward" && a.marker != "towards")
                continue;
            const std::string head = lower(t.lemma(a.head));
            // "sent warships near Taiwan", "massed troops off its coast": forces of war
            // brought close to a state face it, as at its border.
            if (war_force && (a.marker == "near" || a.marker == "off" || a.marker == "around" || a.marker == "close to") &&
                names_country(a.head)) {
                across.push_back(a.head);
                continue;
            }
            if (head != "border" && head != "frontier" && head != "boundary") continue;
            const std::size_t before = across.size();
            for (std::size_t c : t.children(a.head, "nmod")) {
                const bool owner = t.word(c).deprel == "nmod:poss" && doc_.words[c].upos != "PRON";
                if (owner || t.case_marker(c) == "with")
                    for (std::size_t m : t.conjuncts(c)) across.push_back(m);
            }
            // "to the Latvian border", "near the Kosovo border": the country modifying it.
            std::vector<std::size_t> modifiers = t.children(a.head, "amod");
            for (std::size_t c : t.children(a.head, "compound")) modifiers.push_back(c);
            for (std::size_t c : modifiers)
                if (names_country(c)) across.push_back(c);
            // "ordered troops to the border with Guyana" with "with Guyana" hung on the verb.
            if (across.size() == before)
                for (const auto& w2 : t.case_arguments(wv))
                    if (w2.marker == "with" && !w2.on_object && w2.head > a.head &&
                        t.lower_form(a.head + 1) == "with")
                        for (std::size_t m : t.conjuncts(w2.head)) across.push_back(m);
        }
        const RelationType* type = lex_.ontology().relation_for_cameo("154");
        const auto subjects = slots_of(t.subjects(wv));
        const auto targets = slots_of(across);
        if (!type || subjects.empty() || targets.empty()) return false;
        emit_pairs(out, subjects, targets, *type, "154", v, clause_flags(wv), "syntax:border-posture", true);
        return true;
    }

    /// "X says Y must withdraw its troops", "X said Y should apologise": what a speaker says
    /// another party must or should do is a demand of it (10; a withdrawal, verb class
    /// `leaving`, 1056). Not a passive ("said Y must be punished" asks nothing of Y), nor
    /// what the speaker says it must do itself.
    void modal_demand(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv) || !lex_.in_class("reporting", lower(tree_->lemma(wv)))) return;
        const DependencyTree& t = *tree_;
        const RelationType* demanded = lex_.ontology().relation("demanded");
        const RelationType* withdrawal = lex_.ontology().relation("demandedWithdrawal");
        if (!demanded) return;
        const auto speakers = slots_of(t.subjects(wv));
        if (speakers.empty()) return;
        for (std::size_t c : t.children(wv, "ccomp")) {
            if (!t.is_verbal(c) || t.passive(c) || t.negated(c)) continue;
            bool modal = false;
            for (std::size_t a : t.children(c, "aux")) {
                const std::string m = t.lower_form(a);
                modal |= m == "must" || m == "should";
            }
            if (!modal) continue;
            const auto asked = slots_of(t.subjects(c));
            if (asked.empty()) continue;
            const bool leave = withdrawal && lex_.in_class("leaving", lower(t.lemma(c)));
            const RelationType& type = leave ? *withdrawal : *demanded;
            emit_pairs(out, speakers, asked, type, type.cameo, v, clause_flags(wv), "syntax:modal-demand", false);
        }
    }

    /// "the deal, brokered by Qatar, was signed by X and Y", "X and Y signed a truce
    /// mediated by Egypt": a verb of mediation (a lexicon sense coded 045) in the passive
    /// or as a participle on the thing mediated; the mediators are its "by" phrase, the
    /// parties those between whom the thing is ("a truce between X and Y") or who sign,
    /// agree to or accept it.
    bool passive_mediation(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv)) return false;
        const DependencyTree& t = *tree_;
        // The tree first (cheap, and false for most verbs), then the lexicon.
        std::vector<std::size_t> things;
        if (t.base_rel(wv) == "acl" && t.head(wv) != kNoWord) things.push_back(t.head(wv));
        else if (t.base_rel(wv) == "advcl" && t.head(wv) != kNoWord && wv < t.head(wv)) {
            // "Brokered by X, the deal was signed by …": the clause's subject.
            for (const char* rel : {"nsubj", "nsubj:pass"})
                for (std::size_t n : t.children(t.head(wv), rel)) things.push_back(n);
        } else if (t.passive(wv)) things = t.children(wv, "nsubj:pass");
        if (things.empty()) return false;
        const auto mediators = slots_of(t.agents(wv));
        if (mediators.empty()) return false;
        const VerbSense* sense = nullptr;
        for (const auto& lemma : lex_.lemmatizer().lemmas(w(v)))
            if (const auto* cands = lex_.senses(lemma))
                for (const VerbSense* vs : *cands)
                    if (!sense && vs->cameo.rfind("045", 0) == 0 && vs->lemma.substr(0, vs->lemma.find(' ')) == lemma)
                        sense = vs;
        if (!sense) return false;
        const RelationType* type = lex_.ontology().relation(sense->predicate);
        if (!type) return false;
        std::vector<std::size_t> parties;
        auto add = [&](const std::vector<std::size_t>& ks) {
            for (std::size_t k : ks)
                if (std::find(parties.begin(), parties.end(), k) == parties.end()) parties.push_back(k);
        };
        for (std::size_t n : things) {
            for (std::size_t c : t.children(n, "nmod"))
                if (t.case_marker(c) == "between") add(slots_of(t.conjuncts(c)));
            const std::size_t gov = t.head(n);
            if (!parties.empty() || gov == kNoWord || !t.is_verbal(gov)) continue;
            // Only who takes the thing up (class `adopting`) is a party: "Kenya welcomed the
            // truce brokered by Qatar" is no mediation for Kenya.
            if (!lex_.in_class("adopting", lower(doc_.lemma(gov)))) continue;
            const std::string_view rel = t.base_rel(n);
            if (rel == "obj") add(slots_of(t.subjects(gov)));
            else if (rel == "nsubj:pass" || rel == "nsubj") add(slots_of(t.agents(gov)));
            else if (rel == "obl" && (t.case_marker(n) == "to" || t.case_marker(n) == "on")) add(slots_of(t.subjects(gov)));
        }
        // "restored relations with Iran in a deal brokered by China": the parties of what
        // the deal settled, its subjects and "with" parties.
        for (std::size_t n : things) {
            const std::size_t gov = t.head(n);
            if (!parties.empty() || gov == kNoWord || !t.is_verbal(gov) || t.base_rel(n) != "obl" ||
                (t.case_marker(n) != "in" && t.case_marker(n) != "under"))
                continue;
            bool deal = false;
            if (const auto* nouns = lex_.nouns(lower(doc_.lemma(doc_.words[n]))))
                for (const EventNoun& en : *nouns) deal |= en.cameo.rfind("057", 0) == 0;
            if (!deal) continue;
            add(slots_of(t.subjects(gov)));
            // "with X" on the verb or on its object ("relations with Iran").
            for (const auto& a : t.case_arguments(gov))
                if (a.marker == "with") add(slots_of(t.conjuncts(a.head)));
        }
        if (parties.empty()) return false;
        emit_pairs(out, mediators, parties, *type, sense->cameo, v, clause_flags(wv), "syntax:" + lower(t.lemma(wv)) + "/mediation-passive", false);
        return true;
    }

    /// "ordered the French ambassador to leave", "told the UN mission to withdraw": a
    /// command (class `ordering`) that its object leave (class `leaving`) expels the object,
    /// coded as the lexicon's "expel"; a mere demand stays one (modal_demand, the
    /// demand_withdraw frame).
    bool ordered_departure(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv) || !lex_.in_class("ordering", lower(tree_->lemma(wv)))) return false;
        const DependencyTree& t = *tree_;
        const VerbSense* expel = nullptr;
        if (const auto* cands = lex_.senses("expel"))
            for (const VerbSense* vs : *cands)
                if (vs->lemma == "expel" && vs->frame == "dobj") expel = vs;
        const RelationType* type = expel ? lex_.ontology().relation(expel->predicate) : nullptr;
        if (!type) return false;
        const auto subjects = slots_of(agents_only(t.subjects(wv), expel->cameo));
        if (subjects.empty()) return false;
        bool any = false;
        // The one told to leave: the controller of "to leave"; the parser may also hang the
        // infinitive on the verb as an adverbial clause or on the object noun as its
        // clause ("told the envoy to leave"), the object leaves all the same.
        std::vector<std::size_t> ordered = t.children(wv, "obj");
        for (std::size_t o : t.children(wv, "iobj")) ordered.push_back(o);
        std::vector<std::pair<std::size_t, std::vector<std::size_t>>> clauses; // clause, who leaves
        for (std::size_t c : t.children(wv, "xcomp")) clauses.push_back({c, t.controllers(c)});
        for (std::size_t c : t.children(wv, "advcl"))
            if (t.marked(c, "to") && !ordered.empty()) clauses.push_back({c, ordered});
        for (std::size_t o : ordered)
            for (std::size_t c : t.children(o, "acl"))
                if (t.marked(c, "to")) clauses.push_back({c, {o}});
        const RelationType* demanded = lex_.ontology().relation("demanded");
        for (const auto& [c, who] : clauses) {
            const auto told = slots_of(who);
            if (told.empty()) continue;
            if (!lex_.in_class("leaving", lower(t.lemma(c))) || t.negated(c)) {
                // "told Estonia to stop interfering": a command to do anything else is a
                // demand (CAMEO 10) of the one told.
                if (!demanded || std::find(who.begin(), who.end(), wv) != who.end()) continue;
                emit_pairs(out, subjects, told, *demanded, demanded->cameo, v, clause_flags(wv), "syntax:order-to-act",
                           false);
                any = true;
                continue;
            }
            emit_pairs(out, subjects, told, *type, expel->cameo, v, clause_flags(wv), "syntax:order-to-leave", false);
            any = true;
        }
        return any;
    }

    /// "handed over F-16 jets to X", "gave X air defence systems": a verb of the class
    /// `transferring` has no code of its own; what it gives decides (aid_kind), and whom to
    /// (a "to" phrase or the indirect object). Giving back (class `returning`, or a
    /// transfer "over"/"back" that is no aid) gives up people or property (returned_kind).
    bool transfer_frame(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv)) return false;
        const std::string lemma = lower(tree_->lemma(wv));
        if (lex_.in_class("receiving", lemma)) return receipt_frame(v, out);
        const bool transferring = lex_.in_class("transferring", lemma);
        // "handed over a camp to X": a transfer with "over" or "back" that is no aid gives
        // up people or property, as giving back does.
        bool handed_over = false;
        for (std::size_t p : tree_->children(wv, "compound:prt"))
            handed_over |= tree_->lower_form(p) == "over" || tree_->lower_form(p) == "back";
        if (!transferring && !lex_.in_class("returning", lemma)) return false;
        std::string kind = transferring ? aid_kind(v) : "";
        const bool giving_back = !transferring || (kind.empty() && handed_over);
        if (giving_back) kind = returned_kind(wv);
        const RelationType* type = kind.empty() ? nullptr : lex_.ontology().relation_for_cameo(kind);
        if (!type) return false;
        const DependencyTree& t = *tree_;
        // A specific pattern of the CAMEO dictionary knows better: "returned its ambassador
        // to X" (050); our own "hand over" sense only says that "over" is a particle.
        if (giving_back && !dictionary_pattern_code(wv, true).empty()) return false;
        std::vector<std::size_t> to = t.children(wv, "iobj");
        // What is given goes to the one in the "to" phrase, also where the parser hangs it on
        // the object ("sent air defence systems to X"); given back, wherever it hangs.
        const auto objects = t.children(wv, "obj");
        for (const auto& a : t.case_arguments(wv))
            if (a.marker == "to" &&
                (!a.on_object || giving_back ||
                 std::find(objects.begin(), objects.end(), t.head(a.head)) != objects.end()))
                to.push_back(a.head);
        const auto subjects = slots_of(t.subjects(wv));
        const auto targets = slots_of(to);
        if (subjects.empty() || targets.empty()) return false;
        emit_pairs(out, subjects, targets, *type, kind, v, clause_flags(wv), "syntax:transfer", false);
        return true;
    }

    bool dictionary_frame(std::size_t v, std::vector<Relation>& out) {
        if (naming_frame(v, out)) return true;
        const VerbDictionary* dictionary = lex_.verb_dictionary();
        const std::size_t wv = syntax_word(v);
        if (!dictionary || wv == npos || !tree_->is_verbal(wv)) return false;
        if (aim_only(wv)) return true;
        auto is_actor = [&](std::size_t w) { return word_slot(w) != npos; };
        auto is_event_noun = [&](std::size_t w) {
            const Word& word = doc_.words[w];
            return word.upos == "NOUN" && (lex_.nouns(lower(doc_.form(word))) || lex_.nouns(lower(doc_.lemma(word))));
        };
        auto is_light_verb = [&](const std::string& lemma) { return lex_.in_class("light", lemma); };
        auto is_abstract_noun = [&](std::size_t w) {
            return lex_.cues().has_role(lower(doc_.lemma(w)), "abstract_head");
        };
        const auto events =
            dictionary_events(*tree_, wv, *dictionary, is_actor, is_event_noun, is_light_verb, is_abstract_noun);
        if (events.empty()) return false;
        unsigned flags = clause_flags(wv);
        bool any = false;
        for (const auto& e : events) {
            const RelationType* type = e.predicate.empty() ? lex_.ontology().relation_for_cameo(e.cameo)
                                                           : lex_.ontology().relation(e.predicate);
            // A code no property of ours names ("028") takes its root's general property
            // ("020"); the edge keeps the specific code.
            if (!type && e.cameo.size() >= 2) type = lex_.ontology().relation_for_cameo(e.cameo.substr(0, 2) + "0");
            if (!type) continue;
            const auto sources = slots_of(agents_only(e.sources, e.cameo));
            if (e.mutual) {
                // "pledged to improve relations": a promise's complement is coded with the
                // promise (+intent) on its own verb; the pledge's own sense (aid) is not it.
                if (lex_.in_class("intent", lower(tree_->lemma(wv))) && !tree_->children(wv, "xcomp").empty())
                    continue;
                emit_mutual(out, sources, type->name, e.cameo, v, flags, e.rule, 0.75);
                any = true;
                continue;
            }
            for (std::size_t s : sources)
                for (std::size_t tw : e.targets) {
                    // "retaliated against X's tariffs": a fight at a trade measure is a
                    // measure in return (163), no blow at X.
                    const RelationType* t = type;
                    std::string code = e.cameo;
                    if (is_force_code(code) && aimed_at_trade_measure(tw))
                        if (const RelationType* sanctions = lex_.ontology().relation_for_cameo("163")) {
                            t = sanctions;
                            code = "163";
                        }
                    for (std::size_t o : slots_of({tw})) {
                        emit(out, s, o, t->name, code, v, flags, code == e.cameo ? e.rule : e.rule + " +trade", 0.8);
                        any = true;
                    }
                }
        }
        return any;
    }

    /// Whether a target word is a trade measure ("tariffs" standing for its owner) or the
    /// owner named on one: "Trump" in "against Trump tariffs", "X" in "X's duties".
    bool aimed_at_trade_measure(std::size_t wd) const {
        auto measure = [&](std::size_t w) { return has_cue(doc_.words[w], "economic_measure"); };
        if (measure(wd)) return true; // the measure itself, standing for its owner
        const std::size_t h = tree_->head(wd);
        if (h == kNoWord || h == wd) return false;
        const std::string_view rel = tree_->base_rel(wd);
        if (rel != "compound" && rel != "nmod" && rel != "amod" && rel != "flat") return false;
        return measure(h);
    }

    /// The code of the dictionary's pattern (more than the bare verb) that fits the verb's
    /// frame, or ""; `cameo_only`: a pattern of PETRARCH's dictionary, not one of our own
    /// senses.
    std::string dictionary_pattern_code(std::size_t wv, bool cameo_only = false) const {
        const VerbDictionary* dictionary = lex_.verb_dictionary();
        if (!dictionary) return "";
        auto is_actor = [&](std::size_t w) { return word_slot(w) != npos; };
        const auto m = dictionary->match(frame_of(*tree_, wv, is_actor));
        return m && m->specificity > 0 && !(cameo_only && m->own) ? m->cameo : "";
    }

    /// Negation, hedges and intent read from the tree: "did not attack", "may have
    /// attacked", "threatened to attack" (an aim, not a deed).
    unsigned clause_flags(std::size_t wv) const {
        const DependencyTree& t = *tree_;
        unsigned flags = 0;
        if (t.negated(wv)) flags |= kNegated;
        if (t.hedged(wv)) flags |= kHedged;
        std::string via;
        const std::size_t gov = t.governing_verb(wv, &via);
        if (gov != kNoWord && (via == "xcomp" || via == "ccomp" || via == "advcl")) {
            const std::string gl = lower(t.lemma(gov));
            if (lex_.in_class("intent", gl)) flags |= kConditional;
            // "did not threaten to attack", "refused to apply the sanctions"
            // "stopped supporting X": the parser often makes a gerund complement advcl.
            const bool complement = via == "xcomp" || (via == "advcl" && gerund_complement(wv));
            if (t.negated(gov) || (complement && lex_.in_class("refusal", gl)) || lex_.in_class("denial", gl))
                flags |= kNegated;
        }
        for (std::size_t m : t.children(wv, "mark")) {
            const std::string mark = t.lower_form(m);
            // "if X attacks", and the purpose of "sent troops to fight X"
            // "announced plans to impose tariffs": a planned act on a noun, flagged as such.
            if (mark == "if" || mark == "unless" || (mark == "to" && (via == "advcl" || t.base_rel(wv) == "acl")))
                flags |= kConditional;
            // "refrained from attacking X", "warned X against hosting Y", "left without
            // meeting X": an act kept from happening.
            if (t.word(wv).xpos == "VBG" && (mark == "from" || mark == "against" || mark == "without"))
                flags |= kNegated;
        }
        return flags;
    }

    /// A bare -ing verb hung on another verb with no marker: its complement ("denied
    /// supporting"), not an adverbial clause ("said, adding that …" has no such object).
    bool gerund_complement(std::size_t wv) const {
        const DependencyTree& t = *tree_;
        if (t.word(wv).xpos != "VBG" || !t.children(wv, "mark").empty()) return false;
        // Right after its verb, adverbs aside: "denied (directly) supporting", not
        // "condemned the plan, writing that …".
        const std::size_t gov = t.head(wv);
        if (gov == kNoWord || gov >= wv || wv - gov > 3) return false;
        for (std::size_t k = gov + 1; k < wv; ++k)
            if (t.word(k).upos != "ADV") return false;
        return true;
    }

    /// Does the verb take a clause for its complement ("denied supporting the rebels",
    /// "said that …")? The actors inside belong to that clause's verb.
    bool clausal_complement(std::size_t wv) const {
        const DependencyTree& t = *tree_;
        if (!t.children(wv, "xcomp").empty() || !t.children(wv, "ccomp").empty()) return true;
        for (std::size_t c : t.children(wv, "advcl"))
            if (gerund_complement(c)) return true;
        return false;
    }

    /// Subjects and objects of a verb frame read from the dependency tree. Returns false
    /// when the tree does not give both, so the token rules decide instead.
    bool syntax_frame(std::size_t v, const VerbSense& vs, unsigned flags, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv)) return false;
        if (aim_only(wv)) return true;
        const DependencyTree& t = *tree_;
        flags |= clause_flags(wv);
        const std::string& frame = vs.frame;
        const std::string rule = "syntax:" + vs.lemma + "/" + frame;
        std::vector<std::size_t> subjects, objects;
        bool abstract_object = false; // "blocked an EU statement": a blockade of no party
        // "spoke by phone with X": the parser may hang "with X" on the phrase's own noun.
        std::vector<CaseArgument> arguments = t.case_arguments(wv);
        if (const auto sp = vs.lemma.rfind(' '); sp != std::string::npos) {
            const std::string last = vs.lemma.substr(sp + 1);
            for (std::size_t c : t.children(wv, "obl"))
                if (lower(doc_.lemma(doc_.words[c])) == last)
                    for (std::size_t n : t.children(c, "nmod"))
                        if (const std::string m = t.case_marker(n); !m.empty())
                            for (std::size_t r : t.conjuncts(n)) arguments.push_back(CaseArgument{m, r, false});
        }
        auto by_marker = [&](std::initializer_list<const char*> markers, bool verb_only) {
            std::vector<std::size_t> found;
            for (const auto& a : arguments) {
                if (verb_only && a.on_object) continue;
                for (const char* m : markers)
                    if (a.marker == m)
                        for (std::size_t k : slots_of({a.head}))
                            if (std::find(found.begin(), found.end(), k) == found.end()) found.push_back(k);
            }
            return found;
        };
        if (t.passive(wv)) {
            if (frame != "dobj" && frame != "accuse_of") return false;
            subjects = slots_of(t.agents(wv));
            objects = slots_of(t.subjects(wv));
        } else {
            bool controlled = false;
            const auto written = controlled_subjects(wv, controlled);
            const auto agents = agents_only(written, vs.cameo);
            if (!written.empty() && agents.empty()) return true; // a thing cannot do it: no event
            subjects = slots_of(agents);
            // The one asked to act is no actor we know: nobody else does it either.
            if (subjects.empty() && controlled) return true;
            if (frame == "dobj" || frame == "accuse_of") {
                for (std::size_t o : t.objects(wv))
                    if (owner_of_abstract(o, vs.cameo)) abstract_object = true;
                    else
                        for (std::size_t k : slots_of({o}))
                            if (std::find(objects.begin(), objects.end(), k) == objects.end()) objects.push_back(k);
                if (objects.empty()) {
                    auto is_actor = [&](std::size_t w) { return word_slot(w) != npos; };
                    objects = slots_of(territory_targets(t, wv, vs.cameo, is_actor));
                    // "condemned an attack by X", "welcomed X's withdrawal": the act's author.
                    if (objects.empty())
                        for (std::size_t o : named_things(t.objects(wv)))
                            if (!owner_of_abstract(o, vs.cameo))
                            for (std::size_t k : slots_of(agents_of_noun(t, o, is_actor)))
                                if (std::find(subjects.begin(), subjects.end(), k) == subjects.end()) objects.push_back(k);
                }
            } else if (frame.rfind("prep:", 0) == 0) {
                const std::string prep = frame.substr(5);
                objects = by_marker({prep.c_str()}, false);
                // "called for all parties to exercise restraint": UD makes the party the
                // subject of a clause the preposition introduces.
                // Only a clause with a subject of its own: "pledged to improve relations"
                // has an infinitive's "to", and its controlled subject is no party.
                for (const char* rel : {"ccomp", "advcl", "xcomp"})
                    for (std::size_t c : t.children(wv, rel))
                        for (std::size_t m : t.children(c, "mark"))
                            if (t.lower_form(m) == prep && m < c && !t.children(c, "nsubj").empty())
                                for (std::size_t k : slots_of(t.subjects(c)))
                                    if (std::find(objects.begin(), objects.end(), k) == objects.end())
                                        objects.push_back(k);
            } else if (frame == "demand_withdraw") {
                // Withdrawal only when the demanded act is one ("demanded that X leave");
                // "demanded Tehran not escalate" is a demand (CAMEO 10) all the same.
                bool withdrawal = false;
                for (std::size_t c : t.children(wv, "ccomp")) {
                    for (std::size_t k : slots_of(t.subjects(c))) objects.push_back(k);
                    withdrawal |= lex_.in_class("leaving", lower(t.lemma(c)));
                }
                for (std::size_t c : t.children(wv, "xcomp")) {
                    for (std::size_t k : slots_of(t.controllers(c))) objects.push_back(k);
                    withdrawal |= lex_.in_class("leaving", lower(t.lemma(c)));
                }
                if (objects.empty()) objects = slots_of(t.objects(wv));
                const RelationType* demanded = lex_.ontology().relation("demanded");
                if (!withdrawal && demanded && !objects.empty() && !subjects.empty()) {
                    for (std::size_t s : subjects)
                        for (std::size_t o : objects)
                            emit(out, s, o, demanded->name, demanded->cameo, v, flags, rule, 0.9);
                    return true;
                }
            } else if (frame == "call_on") {
                objects = by_marker({"on", "upon"}, true);
            } else if (frame == "mutual") {
                // "X and Y signed a deal with Z": the deal's party too is no coordinated subject.
                objects = by_marker({"with"}, false);
                if (objects.empty()) objects = slots_of(t.objects(wv));
                if (objects.empty() && subjects.size() >= 2) {
                    // A dictionary pattern that fits more of the clause codes it better:
                    // "X and Y agreed to a ceasefire" is the ceasefire, not mere accord;
                    // one of the same kind ("exchanged fire") adds nothing to ours.
                    const std::string better = dictionary_pattern_code(wv);
                    if (!better.empty() && better.compare(0, 2, vs.cameo, 0, 2) != 0) return false;
                    emit_mutual(out, subjects, vs.predicate, vs.cameo, v, flags, rule, 0.8);
                    return true;
                }
            }
        }
        // "Denied supporting the rebels", "refused to condemn X": the verb's complement is
        // a clause it negates, not an actor object; the word rules must not take one
        // from inside the clause.
        if (objects.empty() && frame == "dobj" && clausal_complement(wv) &&
            (lex_.in_class("denial", lower(t.lemma(wv))) || lex_.in_class("refusal", lower(t.lemma(wv)))))
            return true;
        if (objects.empty() && abstract_object) return true; // the tree says: no party hit
        if (subjects.empty() || objects.empty()) return false;
        for (std::size_t s : subjects)
            for (std::size_t o : objects)
                emit(out, s, o, vs.predicate, vs.cameo, v, flags, rule, 0.9);
        return true;
    }

    /// Whether the sentence has a word that may open a phrase for both parties of a
    /// conflict ("both sides", "the two countries", "all parties", "warring factions").
    bool speaks_of_both() const {
        for (std::size_t i = 0; i < size(); ++i)
            if (w(i) == "both" || w(i) == "two" || w(i) == "all" || w(i) == "warring") return true;
        return false;
    }

    /// "urged both sides to show restraint", "called on all parties": the phrase stands
    /// for the two parties of the conflict the article has reported so far: the pair
    /// with the most conflictual events (quad class 3 or 4), the first on a tie. Each
    /// becomes a slot of its own, reachable from the tree only, never by token position.
    void collective_parties(const ConflictPairs& earlier) {
        if (!tree_) return;
        static const std::set<std::string> heads{"side", "party", "country", "nation", "neighbour", "neighbor",
                                                 "belligerent", "rival", "adversary"};
        static const std::set<std::string> open_heads{"side", "party", "belligerent"};
        const DependencyTree& t = *tree_;
        std::vector<std::size_t> words;
        for (std::size_t wd = t.first(); wd < t.last(); ++wd) {
            const Word& word = doc_.words[wd];
            if (word.upos != "NOUN" || slot_at(token_of(wd)) != npos || !heads.count(lower(doc_.lemma(word)))) continue;
            bool both = false;
            for (const char* rel : {"det", "nummod", "amod"})
                for (std::size_t c : t.children(wd, rel)) {
                    const std::string l = lower(doc_.lemma(c));
                    if (l == "both" || l == "two" ||
                        ((l == "all" || l == "warring") && open_heads.count(lower(doc_.lemma(word)))))
                        both = true;
                }
            if (both) words.push_back(wd);
        }
        if (words.empty()) return;
        const std::pair<EntityId, EntityId>* pair = earlier.best();
        if (!pair) return;
        for (std::size_t wd : words) {
            const std::size_t tok = token_of(wd);
            std::vector<std::size_t> ks;
            for (const EntityId& e : {pair->first, pair->second}) {
                ks.push_back(slots_.size());
                slots_.push_back(Slot{TokenRange{tok, tok + 1}, e, MentionKind::Description});
            }
            group_slots_.emplace_back(wd, std::move(ks));
        }
    }

    /// Acts named by a noun: the nouns of ontology/event-nouns.tsv and the act_noun cues of
    /// actor-cues.tsv (deeds, not "the response" or "the policy"), by form or lemma; "" when not one, else the
    /// key the memory files it under (an act_noun's third column: "putsch" → coup).
    std::string act_key(std::size_t wd) const {
        const Word& word = doc_.words[wd];
        if (word.upos != "NOUN") return "";
        for (const std::string& x : {lower(doc_.lemma(word)), lower(doc_.form(word))}) {
            std::string key = lex_.cues().role(x, "act_noun");
            if (key.empty() || key == "-") key = x;
            if (lex_.nouns(x) || lex_.cues().has_role(x, "act_noun")) return key;
        }
        return "";
    }

    /// "Morales denounced the coup": a definite act noun with no author of its own stands
    /// for the author the article gave that act before (ActMemory), as "both sides" stands
    /// for the two parties. Acts this sentence names with their author are kept for later.
    void remembered_authors() {
        if (!tree_) return;
        const DependencyTree& t = *tree_;
        auto is_actor = [&](std::size_t w) { return word_slot(w) != npos; };
        for (std::size_t wd = t.first(); wd < t.last(); ++wd) {
            if (slot_at(token_of(wd)) != npos) continue;
            // "a failed coup attempt": the act is also named by its compound.
            std::vector<std::string> keys;
            if (std::string k = act_key(wd); !k.empty()) keys.push_back(k);
            for (std::size_t c : t.children(wd, "compound"))
                if (std::string k = act_key(c); !k.empty()) keys.push_back(k);
            if (keys.empty()) continue;
            std::vector<std::size_t> authors = agents_of_noun(t, wd, is_actor);
            // "staged a coup", "launched strikes": the light verb's subject is the author.
            const std::size_t h = t.head(wd);
            if (authors.empty() && h != kNoWord && t.base_rel(wd) == "obj" && lex_.in_class("light", lower(t.lemma(h))))
                authors = t.subjects(h);
            if (const auto ks = slots_of(authors); !ks.empty()) {
                if (ks.front() < real_slots_)
                    for (const auto& k : keys) authored_.emplace_back(k, slots_[ks.front()].entity);
                continue;
            }
            // Only an act the reader knows: "the coup", "this attack", not "a coup".
            bool definite = false;
            for (std::size_t d : t.children(wd, "det")) {
                const std::string l = lower(t.lemma(d));
                definite |= l == "the" || l == "this" || l == "that" || l == "these" || l == "those";
            }
            if (!definite) continue;
            // "the response of the press": a noun with a phrase of its own names another act.
            bool own_phrase = false;
            for (std::size_t c : t.children(wd, "nmod")) {
                const std::string m = t.case_marker(c);
                own_phrase |= m == "of" || m == "by" || m == "from";
            }
            if (own_phrase) continue;
            const EntityId* author = nullptr;
            for (const auto& k : keys)
                if (auto it = acts_.by_lemma.find(k); !author && it != acts_.by_lemma.end()) author = &it->second;
            if (!author) continue;
            group_slots_.emplace_back(wd, std::vector<std::size_t>{slots_.size()});
            slots_.push_back(Slot{TokenRange{token_of(wd), token_of(wd) + 1}, *author, MentionKind::Description});
        }
    }

    // ---- attribution -----------------------------------------------------------------
    /// Who states or alleges what the verb at token v says, read from the tree: the
    /// subject of a reporting verb whose complement holds it ("X said Y attacked Z"), the
    /// object of "according to", or the accuser of an act alleged ("X accused Y of
    /// shelling Z": Y shelled Z is only X's allegation). Returns false when the tree does
    /// not cover the verb, so the token rules decide.
    bool tree_attribution(std::size_t v, std::size_t& speaker, unsigned& flags) const {
        const std::size_t wv = syntax_word(v);
        if (wv == npos) return false;
        const DependencyTree& t = *tree_;
        std::size_t cur = wv;
        for (int depth = 0; depth < 4 && cur != kNoWord; ++depth) {
            for (const auto& a : t.case_arguments(cur))
                if (a.marker == "according to")
                    if (auto ks = slots_of({a.head}); !ks.empty()) {
                        speaker = ks.front();
                        flags = kReported;
                        return true;
                    }
            // "X attacked Y, officials said": the reporting clause hangs on the reported
            // one (parataxis).
            for (std::size_t c : t.children(cur, "parataxis"))
                if (lex_.in_class("reporting", lower(doc_.lemma(c))))
                    if (auto ks = slots_of(t.subjects(c)); !ks.empty()) {
                        speaker = ks.front();
                        flags = kReported;
                        return true;
                    }
            std::string via;
            const std::size_t gov = t.governing_verb(cur, &via);
            if (gov == kNoWord) break;
            const std::string lemma = lower(doc_.lemma(gov));
            if (lex_.in_class("alleging", lemma) && via != "xcomp") {
                if (auto ks = slots_of(t.subjects(gov)); !ks.empty()) speaker = ks.front();
                flags = kAlleged | kReported;
                return true;
            }
            if (lex_.in_class("reporting", lemma) && (via == "ccomp" || via == "parataxis")) {
                if (auto ks = slots_of(t.subjects(gov)); !ks.empty()) {
                    speaker = ks.front();
                    flags = kReported;
                }
                return true;
            }
            cur = gov;
        }
        return true;
    }

    void find_speaker() {
        // "according to X"
        for (std::size_t i = 0; i + 2 < size(); ++i)
            if (w(i) == "according" && w(i + 1) == "to" && slot_at(i + 2) != npos) {
                speaker_ = slots_[slot_at(i + 2)].entity;
                speaker_slot_ = slot_at(i + 2);
                speaker_verb_ = i;
                return;
            }
        for (std::size_t i = 0; i < size(); ++i) {
            if (slot_at(i) != npos) continue;
            bool reporting = false;
            for (const auto& l : lex_.lemmatizer().lemmas(w(i)))
                if (lex_.in_class("reporting", l)) reporting = true;
            if (!reporting || w(i) == "add") continue;
            // "X said", "said X", "X told Reuters", "X said in a statement"
            std::size_t subj = slot_before(i, 3);
            if (subj == npos && i + 1 < size() && slot_at(i + 1) != npos) subj = slot_at(i + 1);
            if (subj != npos) {
                speaker_ = slots_[subj].entity;
                speaker_slot_ = subj;
                speaker_verb_ = i;
                return;
            }
        }
    }

    /// The slot ending right before token i, skipping up to `gap` adverbs/auxiliaries.
    std::size_t slot_before(std::size_t i, std::size_t gap) const {
        std::size_t j = i;
        for (std::size_t g = 0; g <= gap && j > 0; ++g) {
            --j;
            if (slot_at(j) != npos) return slot_at(j);
            if (w(j) == "," || clause_breaks().count(w(j)) || w(j) == "\"") return npos;
        }
        return npos;
    }

    // ---- helpers ---------------------------------------------------------------------
    /// Slots coordinated with slot k to its right: "X and Y", "X, Y and Z".
    std::vector<std::size_t> coordinated_right(std::size_t k) const {
        std::vector<std::size_t> out{k};
        std::size_t i = slots_[k].tokens.last;
        while (i < size()) {
            std::size_t j = i;
            if (w(j) == ",") ++j;
            if (w(j) == "and" || w(j) == "or") ++j;
            if (j == i) break;
            while (j < size() && (w(j) == "the" || w(j) == "its" || w(j) == "their" || w(j) == "most" ||
                                  w(j) == "all" || w(j) == "some"))
                ++j;
            std::size_t n = slot_at(j);
            if (n == npos || slots_[n].tokens.first != j) break;
            // ", and President X likened …": a new clause's subject, not one more party.
            if (w(i) == "," && starts_clause(slots_[n].tokens.last)) break;
            out.push_back(n);
            i = slots_[n].tokens.last;
        }
        return out;
    }
    /// Slots coordinated with slot k to its left.
    std::vector<std::size_t> coordinated_left(std::size_t k) const {
        std::vector<std::size_t> out{k};
        std::size_t cur = k;
        while (cur > 0) {
            std::size_t b = slots_[cur].tokens.first;
            if (b == 0) break;
            std::size_t j = b - 1;
            while (j > 0 && (w(j) == "the")) --j;
            bool conj = false;
            if (w(j) == "and" || w(j) == "or") {
                conj = true;
                if (j == 0) break;
                --j;
            }
            if (w(j) == ",") {
                conj = true;
                if (j == 0) break;
                --j;
            }
            if (!conj) break;
            std::size_t p = slot_at(j);
            if (p == npos || slots_[p].tokens.last != j + 1) break;
            out.push_back(p);
            cur = p;
        }
        return out;
    }

    bool negated_before(std::size_t v) const {
        for (std::size_t j = v, n = 0; j > 0 && n < 4; ++n) {
            --j;
            if (slot_at(j) != npos) break;
            if (negators().count(w(j))) return true;
        }
        return false;
    }
    unsigned hedge_flags(std::size_t v) const {
        unsigned f = 0;
        for (std::size_t j = v, n = 0; j > 0 && n < 4; ++n) {
            --j;
            if (slot_at(j) != npos) break;
            if (hedges().count(w(j))) f |= kHedged;
            if (w(j) == "threatened" || w(j) == "threatens" || w(j) == "if") f |= kConditional;
        }
        return f;
    }

    /// The subject of a verb at v: the nearest slot to the left not inside a prepositional
    /// phrase, within the clause.
    std::size_t subject_of(std::size_t v) const {
        // Coordinated verb phrases share the first verb's subject: "X has fallen out with
        // France and turned to Russia" — France is an object, X the subject of both.
        {
            std::size_t j = v;
            while (j > 0 && (w(j - 1) == "also" || w(j - 1) == "then" || w(j - 1) == "later" ||
                             w(j - 1) == "has" || w(j - 1) == "have" || w(j - 1) == "had"))
                --j;
            if (j > 1 && w(j - 1) == "and" && slot_at(j - 2) != npos) {
                for (std::size_t k = j - 1; k-- > 0;) {
                    if (slot_at(k) != npos || !is_verb(k)) continue;
                    return subject_of(k);
                }
            }
        }
        std::size_t j = v;
        std::size_t candidate = npos;
        while (j > 0) {
            --j;
            if (w(j) == ";" || w(j) == "that" || w(j) == "\"" || w(j) == "\xE2\x80\x9C") break;
            std::size_t k = slot_at(j);
            if (k == npos) continue;
            std::size_t b = slots_[k].tokens.first;
            // Skip slots that are objects of a preposition or the agent of a reduced clause.
            std::size_t p = b;
            while (p > 0 && (w(p - 1) == "the" || w(p - 1) == "a" || w(p - 1) == "an")) --p;
            if (p > 0 && prepositions().count(w(p - 1))) {
                j = b;
                continue;
            }
            // A slot followed by a comma-delimited apposition or relative clause is still
            // the subject: "MINUSMA, as the UN mission is known, said".
            candidate = k;
            break;
        }
        return candidate;
    }

    /// The subject slot with the slots coordinated to it, and, when it stands in an
    /// apposition between dashes or brackets ("X and its partners — believed to be Y —"),
    /// the actors before the apposition too.
    std::vector<std::size_t> subjects(std::size_t subj) const {
        std::vector<std::size_t> out = coordinated_left(subj);
        std::size_t b = slots_[subj].tokens.first;
        for (std::size_t j = b; j-- > 0;) {
            if (w(j) == "\xE2\x80\x94" || w(j) == "--" || w(j) == "(" || w(j) == "\xE2\x80\x93") {
                for (std::size_t k = j; k-- > 0;) {
                    if (slot_at(k) == npos) continue;
                    for (std::size_t c : coordinated_left(slot_at(k)))
                        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
                    break;
                }
                break;
            }
            if (slot_at(j) != npos || clause_breaks().count(w(j))) break;
        }
        return out;
    }

    /// Whether the token is a verb of the lexicon or a reporting verb (for clause structure).
    /// A finite verb right after a party opens a clause of its own: the tagger's VERB or
    /// AUX, or a verb of the lexicon.
    bool starts_clause(std::size_t i) const {
        if (const std::size_t wd = syntax_word(i); wd != npos)
            return doc_.words[wd].upos == "VERB" || doc_.words[wd].upos == "AUX";
        return is_verb(i);
    }
    bool is_verb(std::size_t i) const {
        if (w(i).empty() || !std::isalpha(static_cast<unsigned char>(w(i)[0]))) return false;
        for (const auto& l : lex_.lemmatizer().lemmas(w(i)))
            if (lex_.senses(l) || lex_.in_class("reporting", l)) return l != w(i) || w(i).size() > 2;
        return false;
    }

    /// The first slot at or after i within `window` tokens, not crossing a clause break
    /// or another verb of the lexicon.
    std::size_t slot_after(std::size_t i, std::size_t window, bool allow_preposition) const {
        for (std::size_t j = i; j < size() && j < i + window; ++j) {
            if (slot_at(j) != npos) return slot_at(j);
            if (clause_breaks().count(w(j)) || w(j) == "," || w(j) == ".") return npos;
            if (!allow_preposition && prepositions().count(w(j))) return npos;
        }
        return npos;
    }

    std::optional<DateValue> date_near(std::size_t v) const {
        std::optional<DateValue> best;
        std::size_t best_dist = npos;
        const std::size_t vb = doc_.tokens[sen_.tokens.first + v].span.begin;
        for (std::size_t di : index_.dates[s_]) {
            const auto& d = doc_.dates[di];
            if (!sen_.span.contains(d.span)) continue;
            std::size_t dist = d.span.begin > vb ? d.span.begin - vb : vb - d.span.begin;
            if (dist < best_dist) {
                best_dist = dist;
                best = d.value;
            }
        }
        if (!best) best = doc_.published;
        return best;
    }

    /// The bytes from the first to the last word of subject, verb and object: what the
    /// evidence text of a long sentence is cut around.
    CharSpan relation_span(std::size_t subj, std::size_t obj, std::size_t v) const {
        const std::size_t first = std::min({slots_[subj].tokens.first, slots_[obj].tokens.first, v});
        const std::size_t last = std::max({slots_[subj].tokens.last, slots_[obj].tokens.last, v + 1});
        return CharSpan{doc_.tokens[sen_.tokens.first + first].span.begin,
                        doc_.tokens[sen_.tokens.first + last - 1].span.end};
    }

    /// What giving back its object is (verb class `returning`): people ("returned the
    /// prisoners to X", an actor or a word of the dictionary's sets hostage, refugee,
    /// people, suspect) 0841, anything else ("returned the bronzes to X") 0842; "" when
    /// there is no object ("returned to X" is going back).
    std::string returned_kind(std::size_t wv) const {
        const DependencyTree& t = *tree_;
        const VerbDictionary* dictionary = lex_.verb_dictionary();
        const auto objects = t.children(wv, "obj");
        if (objects.empty()) return "";
        for (std::size_t o : objects) {
            // "hundreds of prisoners": the quantity's "of" phrase says what they are.
            std::vector<std::size_t> heads{o};
            for (std::size_t c : t.children(o, "nmod"))
                if (t.case_marker(c) == "of") heads.push_back(c);
            for (std::size_t h : heads) {
                if (word_slot(h) != npos) return "0841";
                const std::string l = lower(t.lemma(h));
                if (dictionary)
                    for (const char* set : {"hostage", "refugee", "people", "suspect"})
                        if (dictionary->in_set(set, l)) return "0841";
            }
        }
        return "0842";
    }

    /// The kind of aid the verb at token v gives, read from its object: weapons, aircraft,
    /// forces (the dictionary's sets and the cue lists) → 072; food or humanitarian aid →
    /// 073; money, loans, funding → 071; "" for anything else.
    /// What a verb moves: its objects, and for a quantity or a kind ("a new batch of
    /// Patriot systems", "a shipment of grain") the thing its "of" phrase names.
    std::vector<std::size_t> received_things(std::size_t wv) const {
        const DependencyTree& t = *tree_;
        std::vector<std::size_t> out;
        for (std::size_t o : t.children(wv, "obj")) {
            out.push_back(o);
            for (std::size_t c : t.children(o, "nmod"))
                if (t.case_marker(c) == "of") out.push_back(c);
        }
        return out;
    }

    std::string aid_kind(std::size_t v) const {
        const std::size_t wv = syntax_word(v);
        const VerbDictionary* dictionary = lex_.verb_dictionary();
        if (wv == npos || !dictionary) return "";
        const DependencyTree& t = *tree_;
        for (std::size_t o : received_things(wv)) {
            std::vector<std::size_t> words{o};
            for (std::size_t c : t.children(o, "compound")) words.push_back(c);
            for (std::size_t x : words) {
                const std::string l = lower(t.lemma(x));
                if (dictionary->in_set("weapon", l) || dictionary->in_set("aircraft", l) ||
                    dictionary->in_set("wmd", l) || has_cue(doc_.words[x], "military_head") ||
                    l == "arm" || l == "arms" || l == "ammunition" || l == "defence" || l == "defense")
                    return "072";
                if (dictionary->in_set("food", l) || l == "humanitarian" || has_cue(doc_.words[x], "relief_head"))
                    return "073";
                if (dictionary->in_set("currency", l) || l == "loan" || l == "funding" || l == "fund" ||
                    l == "credit")
                    return "071";
            }
            for (std::size_t a : t.children(o, "amod"))
                if (lower(t.lemma(a)) == "humanitarian") return "073";
        }
        return "";
    }

    /// "Ukraine received F-16 jets from Denmark", "Egypt obtained $2 billion in aid from
    /// Saudi Arabia": a verb of the class `receiving` is the giver's transfer seen from the
    /// other end; what is received decides the code (aid_kind, or aid itself: 070), the
    /// "from" phrase (on the verb or on what is received) names the giver.
    bool receipt_frame(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        const DependencyTree& t = *tree_;
        if (t.passive(wv)) return false;
        std::string kind = aid_kind(v);
        if (kind.empty())
            for (std::size_t o : t.children(wv, "obj")) {
                std::vector<std::size_t> words{o};
                for (std::size_t c : t.children(o, "nmod"))
                    if (t.case_marker(c) == "in" || t.case_marker(c) == "of") words.push_back(c);
                for (std::size_t x : words) {
                    const std::string l = lower(t.lemma(x));
                    if (l == "aid" || l == "assistance") kind = "070";
                }
            }
        const RelationType* type = kind.empty() ? nullptr : lex_.ontology().relation_for_cameo(kind);
        if (!type) return false;
        std::vector<std::size_t> from;
        for (const auto& a : t.case_arguments(wv))
            if (a.marker == "from") from.push_back(a.head);
        // "received a batch of jets from X": the parser may hang the phrase on the thing.
        if (from.empty())
            for (std::size_t thing : received_things(wv))
                for (std::size_t c : t.children(thing, "nmod"))
                    if (t.case_marker(c) == "from") from.push_back(c);
        const auto givers = slots_of(from);
        const auto recipients = slots_of(t.subjects(wv));
        if (givers.empty() || recipients.empty()) return false;
        emit_pairs(out, givers, recipients, *type, kind, v, clause_flags(wv), "syntax:receipt", false);
        return true;
    }

    /// A mutual event ("X and Y signed a deal", "renewed ties") is each party's act
    /// towards each other: one edge each way, so either is found as the actor.
    void emit_mutual(std::vector<Relation>& out, const std::vector<std::size_t>& parties,
                     const std::string& predicate, const std::string& cameo, std::size_t v, unsigned flags,
                     const std::string& rule, double confidence) {
        const std::size_t n = std::min<std::size_t>(parties.size(), 4);
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = 0; b < n; ++b)
                if (a != b) emit(out, parties[a], parties[b], predicate, cameo, v, flags, rule, confidence);
    }

    /// An event aimed at a capital is aimed at its state when the article names the state
    /// ("recalled its ambassador from Madrid … Spain's position"; SentenceIndex).
    const EntityId& state_of_capital(const EntityId& id) const {
        const auto it = index_.state_of_capital.find(id.value);
        return it == index_.state_of_capital.end() ? id : it->second;
    }

    void emit(std::vector<Relation>& out, std::size_t subj, std::size_t obj, const std::string& predicate,
              const std::string& cameo, std::size_t v, unsigned flags, const std::string& rule,
              double confidence) {
        const EntityId& s = slots_[subj].entity;
        const EntityId& o = cameo.empty() ? slots_[obj].entity : state_of_capital(slots_[obj].entity);
        if (s == o) return;
        if (!cameo.empty() && (is_news_source(s) || is_news_source(o))) return;
        // "refused to meet X": the refusal happened and is an event of its own (12…), the
        // meeting did not.
        // "stopped sending weapons to X": the sending ended, which is an event too (16…,
        // 087 for fighting).
        std::string refusal;
        const char* refusal_root = "120";
        const char* refusal_tag = " +refusal";
        if (!cameo.empty() && (flags & kNegated)) {
            if (refused(v, "rejecting")) {
                refusal = lex_.refusal_code(cameo);
            } else if (refused(v, "ceasing")) {
                refusal = lex_.cessation_code(cameo);
                refusal_root = "160";
                refusal_tag = " +cessation";
            }
        }
        if (!refusal.empty()) flags &= ~kNegated;
        if ((flags & kNegated) && !opt_.keep_negated) return;
        // A standing relation holds or it does not: "wants to join NATO", "its bid to join
        // NATO" or "if it joins" make no member (an event keeps its flag instead).
        if (cameo.empty() && (flags & (kConditional | kAlleged))) return;
        // One is a member of a body: "joined Estonia in condemning X" joins no state.
        if (predicate == "memberOf")
            if (const Entity* e = x_.find(o);
                e && (e->type == ActorType::Country || e->type == ActorType::Person || e->type == ActorType::Location))
                return;
        if (!cameo.empty() && contest_between(v)) return;
        const auto& onto = lex_.ontology();
        Relation r;
        r.subject = s;
        r.object = o;
        r.predicate = predicate;
        r.cameo = cameo;
        std::string rule_used = rule;
        // What is threatened or promised did not happen; the threat or the promise did:
        // "threatened to impose sanctions on X" is 1312, "offered to mediate" 039.
        auto recode = [&](const std::string& code, const char* root_code, const char* tag) {
            const RelationType* type = code.empty() ? nullptr : onto.relation_for_cameo(code);
            if (!type && !code.empty()) type = onto.relation_for_cameo(root_code);
            if (!type) return;
            r.cameo = code;
            r.predicate = type->name;
            flags &= ~kConditional;
            rule_used += tag;
        };
        // Aid is what it gives: "delivered jets to X" is military aid, "sent food" humanitarian.
        if (r.cameo == "070" || r.cameo == "07")
            if (const std::string kind = aid_kind(v); !kind.empty())
                if (const RelationType* type = onto.relation_for_cameo(kind)) {
                    r.cameo = kind;
                    r.predicate = type->name;
                    rule_used += " +aid-object";
                }
        if (!refusal.empty()) recode(refusal, refusal_root, refusal_tag);
        else if (!cameo.empty() && threatened(v) && !lex_.threat_code(cameo).empty())
            recode(lex_.threat_code(cameo), "130", " +threat");
        // "vowed to restore relations": what cannot be threatened is promised.
        else if (!cameo.empty() && (promised(v) || threatened(v))) recode(lex_.intent_code(cameo), "030", " +intent");
        if (!r.cameo.empty()) {
            r.quad_class = onto.quad_class(r.cameo);
            r.goldstein = onto.goldstein(r.cameo);
        }
        r.evidence.push_back(sentence_evidence(doc_, s_, relation_span(subj, obj, v)));
        r.date = date_near(v);
        r.rule = rule_used;
        r.flags = flags | (sen_.heading ? kHeadline : 0u);
        std::size_t speaker = npos;
        unsigned attribution = 0;
        if (tree_attribution(v, speaker, attribution)) {
            // The tree decides who says or alleges it.
            if (speaker != npos && !(slots_[speaker].entity == s)) {
                r.speaker = slots_[speaker].entity;
                r.flags |= attribution;
            }
        } else if (speaker_ && v != speaker_verb_ && !(*speaker_ == s)) {
            r.speaker = speaker_;
            r.flags |= kReported;
        }
        if (r.flags & kHedged) confidence *= 0.6;
        if (r.flags & kConditional) confidence *= 0.7;
        if (slots_[subj].kind == MentionKind::Pronoun || slots_[obj].kind == MentionKind::Pronoun)
            confidence *= 0.85;
        r.confidence = confidence;
        // "Latvian drones struck …": who struck, for a later "the strikes".
        if (!r.cameo.empty() && !(r.flags & (kNegated | kConditional | kAlleged)) && v < size()) {
            const std::size_t wv = syntax_word(v);
            const std::string lemma = wv != npos ? lower(doc_.lemma(wv)) : "";
            if (!lemma.empty()) authored_.emplace_back(lemma, r.subject);
        }
        out.push_back(std::move(r));
    }

    /// Whether two slots name one side: the same actor, or one a standing part, member,
    /// leader or ally of the other (as the actor stage linked them, before this stage).
    bool same_side(std::size_t a, std::size_t b) const {
        const EntityId& x = slots_[a].entity;
        const EntityId& y = slots_[b].entity;
        return x == y || index_.standing.count({x.value, y.value}) > 0;
    }

    /// Whether the event at token v is what its source threatens: the complement of a
    /// verb of threat ("threatened to attack", "warned it would strike") or the object
    /// of one ("vowed retaliatory tariffs").
    bool threatened(std::size_t v) const {
        const std::size_t wv = syntax_word(v);
        if (wv == npos) return false;
        const DependencyTree& t = *tree_;
        auto under_threat = [&](std::size_t verb) {
            std::string via;
            const std::size_t gov = t.governing_verb(verb, &via);
            return gov != kNoWord && (via == "xcomp" || via == "ccomp") &&
                   lex_.in_class("threat", lower(t.lemma(gov)));
        };
        if (t.is_verbal(wv)) return under_threat(wv);
        // An event noun: the object of a verb of threat, or of a verb threatened
        // ("threatened to impose sanctions on X").
        const std::size_t h = t.head(wv);
        if (h == kNoWord || t.base_rel(wv) != "obj") return false;
        return lex_.in_class("threat", lower(t.lemma(h))) || (t.is_verbal(h) && under_threat(h));
    }

    /// Whether the verb at token `v` names a game or a vote between its parties, not a
    /// fight or a meeting: a verb of the class `contest` ("defeated", "faced", "beat")
    /// in a sentence with a contest cue of ontology/actor-cues.tsv ("match", "stadium",
    /// "votes") or a score ("3 – 0", "2-1"). "Belgium defeated Panama 3 – 0".
    bool contest_between(std::size_t v) const {
        if (v >= size()) return false;
        std::vector<std::string> lemmas;
        if (const std::size_t wv = syntax_word(v); wv != npos) lemmas.push_back(lower(doc_.lemma(wv)));
        for (auto& l : lex_.lemmatizer().lemmas(w(v))) lemmas.push_back(std::move(l));
        if (std::none_of(lemmas.begin(), lemmas.end(), [&](const std::string& l) { return lex_.in_class("contest", l); }))
            return false;
        if (!contest_cued_) {
            contest_cued_ = false;
            auto number = [](const std::string& x) {
                return !x.empty() && x.size() <= 3 && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
            };
            auto dash = [](const std::string& x) { return x == "-" || x == "\u2013" || x == "\u2014" || x == "to"; };
            for (std::size_t i = 0; i < size() && !*contest_cued_; ++i) {
                const std::string& x = w(i);
                bool cue = lex_.cues().has_role(x, "contest_cue");
                for (const auto& l : lex_.lemmatizer().lemmas(x)) cue = cue || lex_.cues().has_role(l, "contest_cue");
                // A score: "3 – 0" as three tokens, or "3-0" as one.
                const auto hyphen = x.find('-');
                cue = cue || (i + 2 < size() && number(x) && dash(w(i + 1)) && number(w(i + 2))) ||
                      (hyphen != std::string::npos && number(x.substr(0, hyphen)) && number(x.substr(hyphen + 1)));
                contest_cued_ = cue;
            }
        }
        return *contest_cued_;
    }

    /// Whether the verb at token `v` is what its subject refuses or declines to do (the
    /// complement of a verb of the class `rejecting`: "refused to meet X") or stops doing
    /// (`ceasing`: "stopped sending weapons to X"), neither of them negated (not "did not
    /// refuse to meet X").
    bool refused(std::size_t v, std::string_view verb_class) const {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv) || tree_->negated(wv)) return false;
        std::string via;
        const std::size_t gov = tree_->governing_verb(wv, &via);
        if (gov == kNoWord || tree_->negated(gov)) return false;
        const bool complement = via == "xcomp" || (via == "advcl" && gerund_complement(wv));
        if (!complement || !lex_.in_class(verb_class, lower(tree_->lemma(gov)))) return false;
        if (verb_class != "ceasing") return true;
        // The stopping must have happened: "refused to stop", "vowed to stop", "urged X
        // to stop supplying" did not stop anything; what a report says did ("said it
        // would stop supplying").
        std::string above;
        const std::size_t outer = tree_->governing_verb(gov, &above);
        return outer == kNoWord || ((above == "ccomp" || above == "parataxis") &&
                                    lex_.in_class("reporting", lower(tree_->lemma(outer))));
    }

    /// Whether the verb at token `v` is what its subject offers, pledges, plans or seeks
    /// to do: the open complement of a verb of the class `intent` that is no threat.
    bool promised(std::size_t v) const {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv)) return false;
        std::string via;
        const std::size_t gov = tree_->governing_verb(wv, &via);
        if (gov == kNoWord || via != "xcomp") return false;
        const std::string gl = lower(tree_->lemma(gov));
        return lex_.in_class("intent", gl) && !lex_.in_class("threat", gl) && !tree_->negated(gov);
    }

    /// A news agency or the article's own outlet: they report events ("told Reuters",
    /// "AFP said"), they are not parties to them.
    bool is_news_source(const EntityId& id) const {
        const Entity* e = x_.find(id);
        if (!e) return false;
        if (!furniture::canonical_agency(e->label).empty()) return true;
        if (!doc_.outlet.empty() && lower(e->label) == lower(doc_.outlet)) return true;
        // An outlet by its name ("the Saudi Gazette", "CBC News"): one word is not enough
        // ("News" alone is no name). A name ending so is no person's either, whatever
        // type the recogniser guessed ("told Radio Norvik Television").
        if (e->type != ActorType::Organization && e->type != ActorType::Person) return false;
        const std::size_t space = e->label.rfind(' ');
        return space != std::string::npos && lex_.cues().has_role(lower(e->label.substr(space + 1)), "media_suffix");
    }

    /// An infinitive that states an aim, not a deed: a purpose clause ("created to quell
    /// X") or the complement of a verb that does not commit to it ("was asked to attack").
    /// Intentions, threats and agreements keep their event, flagged conditional.
    bool aim_only(std::size_t wv) const {
        // What someone demands or urges of another is wanted, not done: "demanded that
        // the mission leave", "urged Kenya to withdraw", "demanded X withdraw".
        const DependencyTree& t = *tree_;
        std::string via;
        const std::size_t gov = t.governing_verb(wv, &via);
        if (gov != kNoWord && (via == "ccomp" || via == "xcomp") && lex_.in_class("directive", lower(t.lemma(gov))))
            return true;
        if (!t.marked(wv, "to")) return false;
        if (gov == kNoWord) return false;
        if (via == "advcl") return !t.agreement_object(gov); // an accord's terms are agreed, not aimed at
        return via == "xcomp" && !lex_.in_class("committing", lower(t.lemma(gov)));
    }

    // ---- verb frames -------------------------------------------------------------------
    /// Matches the rest of a multi-word lemma ("fall out", "cut ties") after the verb at v;
    /// returns the token after the phrase or npos.
    std::size_t match_rest(const std::string& lemma, std::size_t v) const {
        std::size_t sp = lemma.find(' ');
        std::size_t j = v + 1;
        while (sp != std::string::npos) {
            std::size_t next = lemma.find(' ', sp + 1);
            std::string part = lemma.substr(sp + 1, next == std::string::npos ? std::string::npos : next - sp - 1);
            // Allow an article or a possessive and up to two modifiers between the verb and
            // its noun ("hold talks", "signed a peace agreement", "imposed new sweeping
            // sanctions", "withdrew its ambassador").
            static const std::set<std::string> determiners{"a", "an", "the", "its", "their", "his", "her", "our"};
            // "agreed to a ceasefire", "agreed on a truce": the phrase's noun after "to"/"on".
            if (j == v + 1 && (w(j) == "to" || w(j) == "on") && part != w(j) && determiners.count(w(j + 1))) ++j;
            if (determiners.count(w(j))) ++j;
            auto is_part = [&](std::size_t k) {
                if (w(k) == part) return true;
                for (const auto& l : lex_.lemmatizer().lemmas(w(k)))
                    if (l == part) return true;
                return false;
            };
            for (int skip = 0; skip < 2 && j + 1 < size() && !is_part(j); ++skip) {
                const std::string& m = w(j);
                // Numbers and percentages are modifiers too ("imposed 25% tariffs").
                if (!m.empty() && (std::isdigit(static_cast<unsigned char>(m[0])) || m == "%")) {
                    ++j;
                    continue;
                }
                if (m.empty() || !std::isalpha(static_cast<unsigned char>(m[0])) ||
                    prepositions().count(m) || clause_breaks().count(m) || slot_at(j) != npos)
                    break;
                ++j;
            }
            bool ok = w(j) == part;
            if (!ok)
                for (const auto& l : lex_.lemmatizer().lemmas(w(j)))
                    if (l == part) ok = true;
            if (!ok) return npos;
            ++j;
            sp = next;
        }
        return j;
    }

    /// Whether the nominal o names no actor but something abstract its owner has or did
    /// ("defended the government's record") under a code that acts on parties, not on
    /// their words and decisions: the owner is then not the target.
    bool owner_of_abstract(std::size_t o, const std::string& cameo) const {
        // Not a mention itself; standing for its owner ("an EU statement", a thing of the
        // EU) does not make it one.
        return !is_verbal_code(cameo) && slot_at(token_of(o)) == npos &&
               lex_.cues().has_role(lower(doc_.lemma(o)), "abstract_head");
    }

    /// Whether the actor slot k lies in one of the tree's object phrases `objects`, and
    /// stands for what the phrase names: itself, or the owner of its assets or forces,
    /// not the owner of its adversaries.
    bool inside_object(std::size_t k, const std::vector<std::size_t>& objects, const std::string& cameo) const {
        const std::size_t wk = syntax_word(slots_[k].tokens.first);
        if (wk == npos) return true; // no word to place it: the token rules decide
        for (std::size_t o : objects) {
            if (!tree_->within(wk, o)) continue;
            for (std::size_t c : tree_->conjuncts(o))
                if (tree_->within(wk, c) && !tree_->within(c, wk) &&
                    (lex_.cues().has_role(lower(doc_.lemma(c)), "adversary_head") ||
                     owner_of_abstract(c, cameo)))
                    return false;
            return true;
        }
        return false;
    }

    /// Whether the tree puts token j in the clause of the verb at token v rather than in a
    /// clause below it ("said the lapses raise questions about X": "about X" is the
    /// complement's). Without a tree, or where the parser hung j outside v's phrase
    /// altogether (a misattachment the token rules are there to survive), it is.
    /// For an object (`preposition` false): "warned Russia could attack X" makes Russia
    /// the complement's subject, not the warning's object.
    bool in_clause_of(std::size_t j, std::size_t v, bool preposition = true) const {
        const std::size_t wj = syntax_word(j), wv = syntax_word(v);
        if (wj == npos || wv == npos) return true;
        // Only a preposition: "sent weapons to help X" keeps its aim (the infinitive's "to").
        if ((preposition && doc_.words[wj].upos != "ADP") || !tree_->within(wj, wv)) return true;
        for (std::size_t cur = wj; cur != wv; cur = tree_->head(cur)) {
            const std::string_view rel = tree_->base_rel(cur);
            if (rel == "ccomp" || rel == "csubj" || rel == "advcl" || rel == "parataxis" || rel == "acl" ||
                rel == "xcomp")
                return false;
        }
        return true;
    }

    /// "The deal was signed by X and Y", "the truce, agreed by X and Y, …": a mutual
    /// phrase of our lexicon ("sign agreement") in the passive, its noun the subject (or
    /// the noun the participle modifies) and its parties the "by" phrase, relates them.
    bool passive_mutual(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->passive(wv)) return false;
        const DependencyTree& t = *tree_;
        const std::vector<std::size_t> parties = slots_of(t.agents(wv));
        if (parties.size() < 2) return false;
        std::vector<std::size_t> nouns = t.children(wv, "nsubj:pass");
        if (t.base_rel(wv) == "acl" && t.head(wv) != kNoWord) nouns.push_back(t.head(wv));
        for (const auto& lemma : lex_.lemmatizer().lemmas(w(v))) {
            const auto* cands = lex_.senses(lemma);
            if (!cands) continue;
            for (const VerbSense* vs : *cands) {
                if (vs->frame != "mutual" || vs->lemma.rfind(lemma + " ", 0) != 0) continue;
                const std::string noun = vs->lemma.substr(lemma.size() + 1);
                for (std::size_t n : nouns) {
                    if (lower(doc_.lemma(doc_.words[n])) != noun) continue;
                    const std::string rule = "syntax:" + vs->lemma + "/mutual-passive";
                    emit_mutual(out, parties, vs->predicate, vs->cameo, v, clause_flags(wv), rule, 0.8);
                    return true;
                }
            }
        }
        return false;
    }

    /// "Estonia would pay a heavy price, Latvia warned": a warning (verb class `threat`)
    /// after the clause it reports, whose subject is another party and whose verb a modal
    /// makes a prospect, is a threat to that party (130). The reported clause has no
    /// object phrase after the verb for the token rules to find.
    bool warning_before(std::size_t v, std::vector<Relation>& out) {
        const std::size_t wv = syntax_word(v);
        if (wv == npos || !tree_->is_verbal(wv) || lower(tree_->lemma(wv)) != "warn") return false;
        const DependencyTree& t = *tree_;
        const RelationType* type = lex_.ontology().relation_for_cameo("130");
        const auto speakers = slots_of(t.subjects(wv));
        if (!type || speakers.empty()) return false;
        bool any = false;
        for (std::size_t c : t.children(wv, "ccomp")) {
            if (c > wv) continue;
            bool prospect = false;
            for (std::size_t a : t.children(c, "aux")) {
                const std::string m = t.lower_form(a);
                prospect |= m == "would" || m == "could" || m == "will" || m == "may" || m == "might";
            }
            if (!prospect || t.negated(c)) continue;
            std::vector<std::size_t> warned;
            for (std::size_t y : slots_of(t.subjects(c)))
                if (std::none_of(speakers.begin(), speakers.end(), [&](std::size_t x) { return x == y || same_side(x, y); }))
                    warned.push_back(y);
            if (warned.empty()) continue;
            emit_pairs(out, speakers, warned, *type, "130", v, clause_flags(wv), "syntax:warning-after-clause", false);
            any = true;
        }
        return any;
    }

    void verb_frames(std::size_t v, std::vector<Relation>& out) {
        const std::string& form = w(v);
        if (form.empty() || !std::isalpha(static_cast<unsigned char>(form[0]))) return;
        // A word the tagger reads as no verb ("retaliatory strikes") has no verb frame;
        // headlines keep the token rules, their telegraphic style misleads the tagger.
        if (const std::size_t wv = syntax_word(v); wv != npos && !sen_.heading && !tree_->is_verbal(wv) &&
                                                   doc_.words[wv].upos != "AUX")
            return;
        if (border_posture(v, out) || transfer_frame(v, out) || passive_mutual(v, out) || ordered_departure(v, out) ||
            passive_mediation(v, out) || warning_before(v, out))
            return;
        modal_demand(v, out);
        std::vector<std::pair<const VerbSense*, std::size_t>> senses; // sense, end of phrase
        for (const auto& lemma : lex_.lemmatizer().lemmas(form)) {
            const auto* cands = lex_.senses(lemma);
            if (!cands) continue;
            for (const VerbSense* vs : *cands) {
                if (vs->lemma.substr(0, vs->lemma.find(' ')) != lemma) continue;
                std::size_t end = match_rest(vs->lemma, v);
                if (end != npos) senses.emplace_back(vs, end);
            }
            if (!senses.empty()) break;
        }
        if (senses.empty()) {
            dictionary_frame(v, out);
            return;
        }
        // An infinitive ("created to quell", "vowed to attack") states an aim, not an event;
        // the verb governing it has frames of its own ("call on X to leave").
        // (The tree path reads them itself and flags them conditional.)
        if (v > 0 && w(v - 1) == "to" && syntax_word(v) == npos) return;
        // Longest phrase first ("fall out with" before "fall").
        std::stable_sort(senses.begin(), senses.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        const std::size_t longest = senses.front().second;

        const bool passive = v > 0 && (be_forms().count(w(v - 1)) ||
                                       (v > 1 && be_forms().count(w(v - 2)) && (w(v - 1) == "being" || w(v-1) == "been"))) &&
                             (form.size() > 2 && (form.compare(form.size() - 2, 2, "ed") == 0 ||
                                                  form.compare(form.size() - 1, 1, "n") == 0 || form.compare(form.size()-1,1,"t")==0));
        unsigned flags = hedge_flags(v);
        if (negated_before(v)) flags |= kNegated;

        // The parse decides where it gives both ends; the token rules below are the
        // fallback for sentences it cannot parse in time and frames it does not resolve.
        for (const auto& [vs, end] : senses) {
            if (end != longest) break;
            if (syntax_frame(v, *vs, flags, out)) return;
        }
        if (dictionary_frame(v, out)) return;
        // Where the tree reads the verb with its subject, the subject is the tree's: the
        // token rules guess it by proximity, which is what the tree is there to replace.
        // A subject that names no actor gives no edge; an actor subject keeps the token
        // rules' search for the object, which survives the parser's misattachments of
        // prepositional phrases. Without a subject in the tree, the token rules decide.
        std::vector<std::size_t> tree_subjects;
        // The tree's direct objects of the verb: a "dobj" sense takes its object from
        // within them ("hit Iranian missile factories", "attacking its forces"), never from
        // a phrase beyond ("evacuated people in the town of X"), nor the owner of an
        // adversary ("defeated their opponents" is no blow at "them").
        std::vector<std::size_t> tree_objects;
        if (const std::size_t wv = syntax_word(v); wv != npos && tree_->is_verbal(wv)) {
            // A participle modifying a noun ("the recently released X") has no subject of
            // its own for proximity to guess.
            if (doc_.words[wv].deprel == "amod") return;
            // Nor an infinitive on a noun, or a gerund after a preposition of topic ("talks
            // on joining the EU", "a dispute over hosting X"), whose subject the tree does
            // not give: whoever would do it is not where the token rules would look.
            const auto words = tree_->subjects(wv);
            if (words.empty())
                for (std::size_t m : tree_->children(wv, "mark")) {
                    const std::string mk = tree_->lower_form(m);
                    // ("accused X of backing Y", "praised X for helping Y" keep the token
                    // rules: their subject is the verb's object, which those find.)
                    if ((mk == "to" && tree_->base_rel(wv) == "acl") ||
                        (doc_.words[wv].xpos == "VBG" &&
                         (mk == "on" || mk == "about" || mk == "over" || mk == "towards" || mk == "toward")))
                        return;
                }
            tree_objects = tree_->children(wv, "obj");
            // (For a passive, the patient, as subject_of gives it below.)
            if (!words.empty()) {
                tree_subjects = slots_of(words);
                if (tree_subjects.empty()) return;
            }
            flags |= clause_flags(wv);
        }
        std::size_t subj = tree_subjects.empty() ? subject_of(v) : tree_subjects.front();
        auto subject_slots = [&](std::size_t k) {
            return tree_subjects.empty() ? subjects(k) : tree_subjects;
        };
        for (const auto& [vs, end] : senses) {
            if (end != longest) break;
            const std::string& frame = vs->frame;
            std::vector<std::size_t> objects;
            std::string rule = "lexicon:" + vs->lemma + "/" + frame;
            if (passive) {
                // "X was attacked by Y": Y → X.
                if (frame != "dobj" && frame != "accuse_of") continue;
                std::size_t agent = npos;
                for (std::size_t j = end; j + 1 < size() && j < end + 6; ++j)
                    if (w(j) == "by" && slot_at(j + 1) != npos) {
                        agent = slot_at(j + 1);
                        break;
                    }
                if (agent == npos || subj == npos) continue;
                for (std::size_t a : coordinated_right(agent))
                    for (std::size_t o : coordinated_left(subj))
                        emit(out, a, o, vs->predicate, vs->cameo, v, flags, rule + "/passive", 0.8);
                continue;
            }
            if (frame == "dobj" || frame == "accuse_of") {
                std::size_t o = slot_after(end, 4, false);
                if (o != npos && !tree_objects.empty() && !inside_object(o, tree_objects, vs->cameo)) continue;
                // The subject of a complement clause is no object ("said Y would …"), except
                // of a warning to another party: "X warned Y would pay a heavy price" is
                // aimed at Y; "Putin warned Russia could …" at no one.
                if (o != npos && !in_clause_of(slots_[o].tokens.first, v, false) &&
                    (!lex_.in_class("threat", vs->lemma) || subj == npos || same_side(subj, o)))
                    continue;
                if (o != npos) objects = coordinated_right(o);
            } else if (frame.rfind("prep:", 0) == 0) {
                const std::string prep = frame.substr(5);
                // The preposition may follow a direct object: "turned to Russia", "imposed
                // sanctions on X", "accused X of": search a few tokens.
                for (std::size_t j = end; j < size() && j < end + 10; ++j) {
                    if (clause_breaks().count(w(j)) || w(j) == ",") break;
                    if (w(j) == prep) {
                        // "sent troops to fight X": an infinitive's "to" is no preposition,
                        // unless the act is help to its object ("sent troops to help X").
                        if (j + 1 < size()) {
                            const std::size_t wn = syntax_word(j + 1);
                            if (wn != npos && (doc_.words[wn].upos == "VERB" || doc_.words[wn].upos == "AUX") &&
                                !lex_.in_class("helping", lower(doc_.lemma(wn))))
                                break;
                        }
                        std::size_t o = slot_after(j + 1, 4, false);
                        if (o != npos && !in_clause_of(j, v)) break;
                        if (o != npos) objects = coordinated_right(o);
                        break;
                    }
                }
            } else if (frame == "demand_withdraw") {
                // "demanded (in June) that the X withdraw", "demand X leave", "demanded the
                // withdrawal of X" (the noun frame handles the last).
                for (std::size_t j = end; j < size() && j < end + 8; ++j) {
                    if (w(j) == "that" || slot_at(j) != npos) {
                        std::size_t o = slot_at(j) != npos ? slot_at(j) : slot_after(j + 1, 3, false);
                        if (o != npos) objects = coordinated_right(o);
                        break;
                    }
                }
            } else if (frame == "call_on") {
                for (std::size_t j = end; j < size() && j < end + 3; ++j)
                    if (w(j) == "on" || w(j) == "upon") {
                        std::size_t o = slot_after(j + 1, 3, false);
                        if (o != npos) objects = coordinated_right(o);
                        break;
                    }
            } else if (frame == "mutual") {
                // "X and Y signed a deal": an edge between coordinated subjects — unless the
                // deal is with someone else ("X and Y clashed with Z").
                std::size_t o = npos;
                for (std::size_t j = end; j < size() && j < end + 6 && o == npos; ++j) {
                    if (clause_breaks().count(w(j)) || w(j) == ",") break;
                    if (w(j) == "with") o = slot_after(j + 1, 4, false);
                }
                if (o == npos && slot_at(end) != npos) o = slot_at(end); // "X met Y"
                if (o != npos) {
                    objects = coordinated_right(o);
                } else if (subj != npos) {
                    auto subjects = coordinated_left(subj);
                    emit_mutual(out, subjects, vs->predicate, vs->cameo, v, flags, rule, 0.75);
                }
            }
            if (objects.empty() || subj == npos) continue;
            for (std::size_t s : subject_slots(subj))
                for (std::size_t o : objects)
                    // Coordinated subjects are not each other's object.
                    if (std::find(tree_subjects.begin(), tree_subjects.end(), o) == tree_subjects.end())
                        emit(out, s, o, vs->predicate, vs->cameo, v, flags, rule, 0.85);
            break;
        }
    }

    // ---- noun frames --------------------------------------------------------------------
    /// An event noun read from the tree (not in headlines: their telegraphic style
    /// misleads the tagger): its agent is the possessor or the nation
    /// modifying it ("Israel's strikes on", "Russian strikes on"), or the subject of the
    /// light verb that takes it ("launched an attack on"); its target the nominal with
    /// the noun's case word ("on Kyiv"). False when the tree does not give both.
    bool tree_noun_frame(std::size_t n, const EventNoun& en, std::vector<Relation>& out) {
        const std::size_t wn = syntax_word(n);
        if (wn == npos || sen_.heading || en.noun.find(' ') != std::string::npos || en.frame == "between" ||
            en.frame == "for-to")
            return false;
        const DependencyTree& t = *tree_;
        if (doc_.words[wn].upos != "NOUN" && doc_.words[wn].upos != "PROPN") return false;
        std::vector<std::size_t> targets;
        const bool force = is_force_code(en.cameo);
        auto take = [&](std::size_t head) {
            std::vector<std::size_t> found = slots_of({head});
            // A blow at things in a country hits the country: "strikes on military
            // sites in Iran", "salvos at residential areas in northern Israel".
            if (found.empty() && force)
                for (std::size_t c : t.children(head, "nmod")) {
                    const std::string m = t.case_marker(c);
                    if (m == "in" || m == "inside" || m == "across")
                        for (std::size_t k : slots_of({c})) found.push_back(k);
                }
            for (std::size_t k : found)
                if (std::find(targets.begin(), targets.end(), k) == targets.end()) targets.push_back(k);
        };
        for (const auto& a : t.noun_arguments(wn))
            if (a.marker == en.frame) take(a.head);
        // "an attack by X on Y", "the visit by X's president to Y": the parser may hang the
        // target's phrase on the agent's.
        if (targets.empty())
            for (const auto& a : t.noun_arguments(wn))
                if (a.marker == "by" || (a.marker == "of" && en.frame != "of"))
                    for (std::size_t m : t.children(a.head, "nmod"))
                        if (t.case_marker(m) == en.frame) take(m);
        // "launched salvos at X": the parser may hang the phrase on the light verb.
        if (targets.empty() && t.base_rel(wn) == "obj" && t.head(wn) != kNoWord &&
            (lex_.in_class("light", lower(doc_.lemma(t.head(wn)))) || claiming_verb_of(wn) == t.head(wn)))
            for (const auto& a : t.case_arguments(t.head(wn)))
                if (a.marker == en.frame && !a.on_object) take(a.head);
        // "sanctions imposed on X by Y": the phrase on the participle that carries the noun.
        if (targets.empty())
            for (std::size_t a : t.children(wn, "acl"))
                if (t.word(a).xpos == "VBN")
                    for (const auto& arg : t.case_arguments(a)) {
                        if (arg.marker == en.frame && !arg.on_object) take(arg.head);
                        // "imposed by the EU on X": the parser may hang the phrase on the agent.
                        if (arg.marker == "by" && !arg.on_object)
                            for (std::size_t m : t.children(arg.head, "nmod"))
                                if (t.case_marker(m) == en.frame) take(m);
                    }
        // "launched an offensive in Nagorno-Karabakh", "carried out strikes inside
        // Afghanistan": with no one named as struck, a blow lands where it is made.
        bool at_place = false;
        if (targets.empty() && force) {
            at_place = true;
            auto where = [](const std::string& m) { return m == "in" || m == "inside" || m == "across" || m == "into"; };
            for (const auto& a : t.noun_arguments(wn))
                if (where(a.marker)) take(a.head);
            if (targets.empty() && t.base_rel(wn) == "obj" && t.head(wn) != kNoWord &&
                lex_.in_class("light", lower(doc_.lemma(t.head(wn)))))
                for (const auto& a : t.case_arguments(t.head(wn)))
                    if (where(a.marker) && !a.on_object) take(a.head);
        }
        if (targets.empty()) return false;
        std::vector<std::size_t> agents;
        std::size_t verb = t.head(wn);
        for (const char* rel : {"nmod:poss", "amod", "compound"})
            for (std::size_t c : t.children(wn, rel)) {
                // "Burkina Faso, Mali and Niger announced their withdrawal": "their" is
                // every subject of the clause, not the one the pronoun was resolved to.
                if (t.lower_form(c) == "their" && verb != kNoWord && t.is_verbal(verb))
                    if (const auto subjects = slots_of(t.subjects(verb)); subjects.size() >= 2) {
                        agents.insert(agents.end(), subjects.begin(), subjects.end());
                        continue;
                    }
                if (std::size_t k = slot_at(token_of(c)); k != npos) agents.push_back(k);
            }
        // "the visit by X's foreign minister to Y", "the attack by X on Y": the noun's "by"
        // phrase; "the withdrawal of X's troops from Y", "the visit of X to Y": an "of"
        // phrase before the target's, when the target is not the noun's "of" phrase.
        if (agents.empty()) {
            std::size_t first_target = npos; // sentence-relative token
            for (std::size_t k : targets) first_target = std::min(first_target, slots_[k].tokens.first);
            for (const auto& a : t.noun_arguments(wn))
                if (a.marker == "by" || (a.marker == "of" && en.frame != "of" && token_of(a.head) < first_target))
                    for (std::size_t k : slots_of({a.head}))
                        if (std::find(targets.begin(), targets.end(), k) == targets.end()) agents.push_back(k);
        }
        unsigned flags = 0;
        // "launched strikes on X", and "responded with airstrikes on X": the verb's subject
        // is the act's author.
        if (agents.empty() && verb != kNoWord &&
            ((t.base_rel(wn) == "obj" && lex_.in_class("light", lower(doc_.lemma(verb)))) ||
             (t.base_rel(wn) == "obl" && t.case_marker(wn) == "with" &&
              lex_.in_class("responding", lower(doc_.lemma(verb)))))) {
            agents = slots_of(t.subjects(verb));
            flags = clause_flags(verb);
        }
        // "launched dozens of rockets at X": the count is the light verb's object.
        if (agents.empty() && verb != kNoWord && t.base_rel(wn) == "nmod" && t.case_marker(wn) == "of" &&
            has_cue(doc_.words[verb], "quantity_head") && t.base_rel(verb) == "obj" && t.head(verb) != kNoWord &&
            lex_.in_class("light", lower(doc_.lemma(t.head(verb))))) {
            agents = slots_of(t.subjects(t.head(verb)));
            flags = clause_flags(t.head(verb));
        }
        // "sanctions imposed by the EU on X", "the attack carried out by Hamas on X": the
        // agent of a participle on the noun is the act's author.
        if (agents.empty())
            for (std::size_t a : t.children(wn, "acl"))
                if (t.word(a).xpos == "VBN")
                    for (std::size_t k : slots_of(t.agents(a))) agents.push_back(k);
        // "Iran was behind the attack on X", "Hezbollah was responsible for the attack on
        // X": whom the clause puts behind the act did it (a report's speaker alleges it).
        if (agents.empty()) {
            std::size_t predicate = kNoWord;
            if (t.case_marker(wn) == "behind" && !t.children(wn, "cop").empty()) predicate = wn;
            else if (t.case_marker(wn) == "for" && verb != kNoWord && lower(doc_.lemma(verb)) == "responsible" &&
                     !t.children(verb, "cop").empty())
                predicate = verb;
            if (predicate != kNoWord) {
                agents = slots_of(t.children(predicate, "nsubj"));
                flags = clause_flags(predicate);
            }
        }
        // "claimed the attack on X", "claimed responsibility for the bombing of X": who
        // owns up to the act did it.
        if (agents.empty())
            if (const std::size_t claim = claiming_verb_of(wn); claim != kNoWord) {
                agents = slots_of(t.subjects(claim));
                flags = clause_flags(claim);
            }
        std::string predicate = en.predicate, cameo = en.cameo;
        // "called for a boycott against X", "demanded sanctions on X": the event is
        // asked for, not done; what the sentence reports is a demand aimed at X (CAMEO 10).
        if (agents.empty() && asked_for(wn)) {
            if (const RelationType* demanded = lex_.ontology().relation("demanded")) {
                agents = slots_of(t.subjects(verb));
                flags = clause_flags(verb);
                predicate = demanded->name;
                cameo = demanded->cameo;
            }
        }
        std::string rule = "syntax-noun:" + en.noun + "/" + (at_place ? std::string("in") : en.frame);
        // "suspended its aid to X", "halted talks with X": ending the act is the event
        // (ontology/cessation-codes.tsv); ending what has no line there ("ended its
        // criticism of X") is none.
        if (ceasing_verb_of(wn) != kNoWord) {
            const std::string code = lex_.cessation_code(cameo);
            const RelationType* type = code.empty() ? nullptr : lex_.ontology().relation_for_cameo(code);
            if (!type) return true;
            if (agents.empty()) agents = slots_of(t.subjects(verb));
            flags = clause_flags(verb);
            predicate = type->name;
            cameo = code;
            rule += " +cessation";
        }
        if (agents.empty()) return true; // the tree has no agent: none by proximity either
        for (std::size_t a : agents)
            for (std::size_t o : targets) emit(out, a, o, predicate, cameo, n, flags, rule, 0.8);
        return true;
    }

    /// The verb that owns up to the act the tree word wn names: "claimed the attack",
    /// "claimed responsibility for the attack", "took responsibility for the bombing"
    /// (the "for" phrase on the noun or, as the parser may hang it, on the verb); or
    /// kNoWord. Not "denied responsibility" (a denial owns up to nothing).
    std::size_t claiming_verb_of(std::size_t wn) const {
        const DependencyTree& t = *tree_;
        auto claims = [&](std::size_t v) {
            const std::string l = lower(doc_.lemma(v));
            return t.is_verbal(v) && (l == "claim" || l == "admit" || l == "take" || l == "accept" || l == "bear");
        };
        auto responsibility = [&](std::size_t n) {
            const std::string l = lower(doc_.lemma(n));
            return l == "responsibility" || l == "credit";
        };
        const std::size_t h = t.head(wn);
        if (h == kNoWord) return kNoWord;
        const std::string_view rel = t.base_rel(wn);
        // The act itself as the object: "claimed the attack", "admitted the killing".
        if (rel == "obj" && t.is_verbal(h) && (lower(doc_.lemma(h)) == "claim" || lower(doc_.lemma(h)) == "admit"))
            return h;
        if (t.case_marker(wn) != "for") return kNoWord;
        if (rel == "nmod" && responsibility(h) && t.base_rel(h) == "obj" && t.head(h) != kNoWord && claims(t.head(h)))
            return t.head(h);
        if (rel == "obl" && claims(h))
            for (std::size_t o : t.children(h, "obj"))
                if (responsibility(o)) return h;
        return kNoWord;
    }

    /// The verb of the class `ceasing` whose object the tree word wn is ("suspended its aid
    /// to X"), or kNoWord.
    std::size_t ceasing_verb_of(std::size_t wn) const {
        const std::size_t verb = tree_->head(wn);
        if (verb == kNoWord || tree_->base_rel(wn) != "obj" || !tree_->is_verbal(verb) ||
            !lex_.in_class("ceasing", lower(doc_.lemma(verb))))
            return kNoWord;
        return verb;
    }

    /// Whether the tree word wn is what a directive verb asks for: its object or its "for"
    /// phrase ("called for a boycott against X", "demanded sanctions on X"); a phrasal verb
    /// is another verb ("called off the talks").
    bool asked_for(std::size_t wn) const {
        const DependencyTree& t = *tree_;
        const std::size_t verb = t.head(wn);
        return verb != kNoWord && lex_.in_class("directive", lower(doc_.lemma(verb))) &&
               t.children(verb, "compound:prt").empty() &&
               (t.base_rel(wn) == "obj" || (t.base_rel(wn) == "obl" && t.case_marker(wn) == "for"));
    }

    /// Whether the event noun at token n is asked for, offered or denied, not reported:
    /// the object of a directive verb or its "for" phrase ("called for talks between X
    /// and Y"), or of a verb that is itself only intended or negated ("offered to host
    /// talks between X and Y").
    bool requested(std::size_t n) const {
        const std::size_t wn = syntax_word(n);
        if (wn == npos) return false;
        const DependencyTree& t = *tree_;
        const std::size_t verb = t.head(wn);
        if (verb == kNoWord) return false;
        if (asked_for(wn)) return true;
        return t.is_verbal(verb) && t.base_rel(wn) == "obj" && (clause_flags(verb) & (kConditional | kNegated)) != 0;
    }

    void noun_frames(std::size_t n, std::vector<Relation>& out) {
        const auto* nouns = lex_.nouns(w(n));
        // "visits", "threats": the lexicon lists the singular; the lemmatizer gives it.
        if (const std::size_t wn = syntax_word(n); !nouns && wn != npos && doc_.words[wn].upos == "NOUN")
            nouns = lex_.nouns(lower(doc_.lemma(wn)));
        if (!nouns) return;
        for (const EventNoun& en : *nouns)
            if (tree_noun_frame(n, en, out)) return;
        for (const EventNoun& en : *nouns) {
            std::size_t end = n + 1;
            // Multi-word nouns: "peace deal".
            std::size_t sp = en.noun.find(' ');
            bool ok = true;
            while (sp != std::string::npos) {
                std::size_t next = en.noun.find(' ', sp + 1);
                if (w(end) != en.noun.substr(sp + 1, next == std::string::npos ? std::string::npos : next - sp - 1))
                    ok = false;
                ++end;
                sp = next;
            }
            if (!ok) continue;
            // The subject: a possessor ("the junta's demand", "its withdrawal"), else the
            // clause subject before the noun.
            std::size_t subj = npos;
            std::size_t p = n;
            while (p > 0 && p + 3 > n && slot_at(p - 1) == npos) --p;
            if (p > 0 && slot_at(p - 1) != npos) {
                std::size_t k = slot_at(p - 1);
                // "the junta's unexpected demand", "its withdrawal", "UN convoy attack"
                std::size_t after = slots_[k].tokens.last;
                if (w(after) == "'s" || slots_[k].kind == MentionKind::Pronoun || after == n) subj = k;
            }
            if (subj == npos && en.frame != "between") {
                // The clause subject is the agent of an event noun only through a light verb
                // ("launched an attack on"); "Iran condemned the strikes on Yemen" is not
                // Iran striking Yemen.
                subj = subject_of(n);
                if (subj != npos) {
                    for (std::size_t k = slots_[subj].tokens.last; k < n && subj != npos; ++k) {
                        if (!is_verb(k) && !(w(k).size() > 3 && w(k).compare(w(k).size() - 2, 2, "ed") == 0))
                            continue;
                        bool is_light = false;
                        for (const auto& l : lex_.lemmatizer().lemmas(w(k)))
                            if (lex_.in_class("light", l)) is_light = true;
                        if (!is_light) subj = npos;
                    }
                }
            }
            const std::string rule = "noun:" + en.noun + "/" + en.frame;
            // "suspended its talks with X": what is stopped did not happen (the tree
            // frames code the stopping).
            if (const std::size_t wn = syntax_word(n); wn != npos && ceasing_verb_of(wn) != kNoWord) continue;
            unsigned flags = hedge_flags(n);
            if (en.frame == "between") {
                if (w(end) != "between" || requested(n)) continue;
                std::size_t a = slot_after(end + 1, 3, false);
                if (a == npos) continue;
                // "talks between X and Y": each with the other.
                auto both = coordinated_right(a);
                if (both.size() >= 2) emit_mutual(out, both, en.predicate, en.cameo, n, flags, rule, 0.8);
                continue;
            }
            if (en.frame == "for-to") {
                if (w(end) != "for") continue;
                std::size_t o = slot_after(end + 1, 3, false);
                if (o == npos || subj == npos) continue;
                std::size_t after = slots_[o].tokens.last;
                if (w(after) != "to") continue;
                emit(out, subj, o, en.predicate, en.cameo, n, flags, rule, 0.8);
                continue;
            }
            // "attack on X", "withdrawal from X", "solidarity with X"
            std::size_t j = end;
            // allow a short complement before the preposition: "support for", "sanctions
            // imposed on" are not handled here.
            if (w(j) != en.frame) continue;
            // "an ultimatum to withdraw its troops": an infinitive names what is asked, not
            // whom.
            if (j + 1 < size() && is_verb(j + 1)) continue;
            std::size_t o = slot_after(j + 1, 4, false);
            if (o == npos || subj == npos) continue;
            for (std::size_t ss : coordinated_left(subj))
                for (std::size_t oo : coordinated_right(o))
                    emit(out, ss, oo, en.predicate, en.cameo, n, flags, rule, 0.75);
        }
    }
};

/// How precisely a standing relation says how two actors belong together: partOf,
/// leaderOf and spokespersonOf say more than memberOf, which says more than
/// affiliatedWith — a link "without being part of it" by the ontology's definition, so
/// beside any of the others for the same pair it would contradict them. 0: not ranked.
int belonging_rank(const std::string& predicate) {
    if (predicate == "affiliatedWith") return 1;
    if (predicate == "memberOf") return 2;
    if (predicate == "partOf" || predicate == "leaderOf" || predicate == "spokespersonOf") return 3;
    return 0;
}

/// Keeps, of the belonging relations one pair of actors has, the most precise ones; the
/// evidence of those dropped joins the relation kept ("the US State Department" gives
/// both a country-modifier affiliation and the gazetteer's partOf: one edge, partOf).
void drop_implied_belonging(std::vector<Relation>& relations) {
    std::map<std::pair<std::string, std::string>, std::size_t> best; // pair → relation index
    for (std::size_t i = 0; i < relations.size(); ++i) {
        const Relation& r = relations[i];
        const int rank = belonging_rank(r.predicate);
        if (!rank || (r.flags & kNegated)) continue;
        auto [it, fresh] = best.try_emplace({r.subject.value, r.object.value}, i);
        if (!fresh && rank > belonging_rank(relations[it->second].predicate)) it->second = i;
    }
    std::vector<bool> drop(relations.size());
    for (std::size_t i = 0; i < relations.size(); ++i) {
        Relation& r = relations[i];
        const int rank = belonging_rank(r.predicate);
        if (!rank || (r.flags & kNegated)) continue;
        const std::size_t kept = best.at({r.subject.value, r.object.value});
        if (rank >= belonging_rank(relations[kept].predicate)) continue;
        drop[i] = true;
        Relation& into = relations[kept];
        for (auto& e : r.evidence) {
            const bool known = std::any_of(into.evidence.begin(), into.evidence.end(),
                                           [&](const Evidence& k) { return k.sentence == e.sentence; });
            if (!known) into.evidence.push_back(std::move(e));
        }
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < relations.size(); ++i)
        if (!drop[i]) {
            if (out != i) relations[out] = std::move(relations[i]);
            ++out;
        }
    relations.resize(out);
}

} // namespace

namespace {
/// The syntax model learnt its lemmas from the treebanks, which lack many past forms news
/// uses ("froze", "overran"): a past verb the model left as its own lemma takes the
/// ontology's irregular form (irregular-verbs.tsv), so verb classes and the dictionary
/// see "freeze".
void mend_irregular_lemmas(Document& doc, const Lemmatizer& lemmatizer) {
    std::map<std::string, std::uint32_t> added;
    for (std::size_t i = 0; i < doc.words.size(); ++i) {
        Word& word = doc.words[i];
        // Not base forms ("lay siege" is no past of "lie"); VBZ as the tagger may read an
        // unknown past ("froze") so.
        if (word.upos != "VERB" || (word.xpos != "VBD" && word.xpos != "VBN" && word.xpos != "VBZ")) continue;
        const std::string form = lower(doc.form(word));
        if (doc.lemma(word) != form) continue;
        const std::string* base = lemmatizer.irregular(form);
        if (!base || *base == form) continue;
        auto it = added.find(*base);
        if (it == added.end()) it = added.emplace(*base, doc.add_lemma(*base)).first;
        word.lemma_id = it->second;
    }
}

/// The parser reads a particle before an object as a preposition ("handed over the
/// prisoners": "over" the case of an oblique "prisoners"), where the treebanks rarely
/// have the verb. When the dictionary or our lexicon writes that verb with that particle
/// ("hand over", "call off", "carry out"), the word right after the verb is its particle
/// and the nominal its object, unless the verb has one already.
void mend_particles(Document& doc, const VerbDictionary& dictionary) {
    static const std::set<std::string> particles{"up", "down", "out", "off", "over", "back", "away", "aside"};
    for (const Sentence& s : doc.sentences) {
        const WordRange r = s.words;
        for (std::size_t p = r.first + 1; p < r.last; ++p) {
            Word& prt = doc.words[p];
            const std::size_t v = p - 1, n = prt.head;
            if (prt.upos != "ADP" || prt.deprel != "case" || n == kNoWord || n <= p || n >= r.last) continue;
            Word& noun = doc.words[n];
            if (noun.head != v || (noun.deprel != "obl" && noun.deprel != "nmod") || doc.words[v].upos != "VERB") continue;
            const std::string particle = lower(doc.form(prt));
            if (!particles.count(particle) || !dictionary.takes_particle(doc.lemma(v), particle)) continue;
            // Its object, if any, comes soon after it (a window keeps long lines linear).
            bool has_object = false;
            for (std::size_t c = v + 1; c < r.last && c < v + 40 && !has_object; ++c)
                has_object = doc.words[c].head == v && doc.words[c].deprel == "obj";
            if (has_object) continue;
            prt.head = v;
            prt.deprel = "compound:prt";
            noun.deprel = "obj";
        }
    }
}
} // namespace

void find_relations(Extraction& x, const RelationLexicon& lexicon, const RelationOptions& options) {
    mend_irregular_lemmas(x.document, lexicon.lemmatizer());
    if (const VerbDictionary* dictionary = lexicon.verb_dictionary()) mend_particles(x.document, *dictionary);
    const SentenceIndex index(x);
    // One relation per subject–predicate–object–code, with all its evidence. Looked up in
    // a map (the first relation of each key wins, as a scan would find it), with the
    // sentences each already has as evidence: a long article repeats pairs thousands of times.
    // Each sentence's relations join the article's as soon as they are found, so a long
    // article's are never held twice.
    using Key = std::tuple<std::string, std::string, std::string, std::string, bool>;
    auto key_of = [](const Relation& r) {
        return Key{r.subject.value, r.object.value, r.predicate, r.cameo, (r.flags & kNegated) != 0};
    };
    std::map<Key, std::size_t> first_of;
    // The sentences of each relation's evidence. This stage's evidence comes sentence by
    // sentence in order, so for the relations it makes the last one is enough; the actor
    // stage's relations (before them) keep the set of theirs.
    std::vector<std::set<std::size_t>> earlier_sentences;
    std::vector<std::size_t> last_sentence;
    constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);
    for (std::size_t i = 0; i < x.relations.size(); ++i) {
        first_of.try_emplace(key_of(x.relations[i]), i);
        std::set<std::size_t> ss;
        for (const auto& e : x.relations[i].evidence) ss.insert(e.sentence);
        earlier_sentences.push_back(std::move(ss));
        last_sentence.push_back(kNoSentence);
    }
    ConflictPairs conflicts; // over every relation found, repeats included
    ActMemory acts;
    std::vector<Relation> found;
    for (std::size_t s = 0; s < x.document.sentences.size(); ++s) {
        found.clear();
        SentenceExtractor sentence(x, lexicon, options, s, index, acts);
        sentence.run(found, conflicts);
        for (const auto& [key, author] : sentence.authored()) acts.by_lemma[key] = author;
        // A sentence's tree holds its own words only: those before it are done with.
        if (options.release_words) x.document.words.release_before(x.document.sentences[s].words.first);
        for (auto& r : found) {
            conflicts.add(r);
            const auto it = first_of.find(key_of(r));
            if (it == first_of.end()) {
                first_of.emplace(key_of(r), x.relations.size());
                last_sentence.push_back(r.evidence.front().sentence);
                x.relations.push_back(std::move(r));
                continue;
            }
            Relation* same = &x.relations[it->second];
            const std::size_t sentence = r.evidence.front().sentence; // == s
            const bool seen = last_sentence[it->second] == sentence ||
                              (it->second < earlier_sentences.size() && earlier_sentences[it->second].count(sentence));
            if (!seen) {
                last_sentence[it->second] = sentence;
                same->evidence.push_back(std::move(r.evidence.front()));
            }
            same->confidence = std::max(same->confidence, r.confidence);
            if (r.date && (!same->date || *r.date < *same->date)) same->date = r.date;
        }
    }    drop_implied_belonging(x.relations);
}

} // namespace newskg
