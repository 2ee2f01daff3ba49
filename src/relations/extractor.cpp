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
#include <optional>
#include <set>

#include "newskg/relations/relations.hpp"
#include "newskg/relations/syntax.hpp"

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
const std::set<std::string>& reporting_verbs() {
    static const std::set<std::string> s{"say", "tell", "state", "announce", "claim", "add",
                                         "report", "write", "warn", "insist", "confirm",
                                         "note", "declare", "stress", "allege", "post"};
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

class SentenceExtractor {
  public:
    SentenceExtractor(Extraction& x, const RelationLexicon& lex, const RelationOptions& opt,
                      std::size_t sentence)
        : x_(x), doc_(x.document), lex_(lex), opt_(opt), s_(sentence),
          sen_(x.document.sentences[sentence]) {
        for (std::size_t i = sen_.tokens.first; i < sen_.tokens.last; ++i)
            low_.push_back(lower(doc_.token_text(i)));
        build_slots();
    }

    void run(std::vector<Relation>& out) {
        if (slots_.empty()) return;
        find_speaker();
        // Parsing costs ~20–50 ms a sentence: only sentences where a lexicon verb could
        // relate two actors are parsed.
        if (opt_.parser && slots_.size() >= 2 && has_lexicon_verb()) parse_sentence();
        for (std::size_t i = 0; i < size(); ++i) {
            if (slot_at(i) != npos) continue;
            verb_frames(i, out);
            noun_frames(i, out);
            reported_wrongdoing(i, out);
            presence(i, out);
        }
        places(out);
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

    /// "Ber, a town in northern Mali", "Kidal in northern Mali": locatedIn.
    void places(std::vector<Relation>& out) {
        static const std::set<std::string> kinds{"town", "city", "village", "region", "province",
                                                 "district", "camp", "port", "base", "capital", "area"};
        static const std::set<std::string> compass{"northern", "southern", "eastern", "western", "central",
                                                   "north", "south", "east", "west", "northeastern",
                                                   "northwestern", "southeastern", "southwestern"};
        for (std::size_t k = 0; k < slots_.size(); ++k) {
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
    std::vector<std::string> low_; ///< lower-case tokens, indexed from the sentence start
    std::vector<Slot> slots_;       ///< ordered by position, non-overlapping
    std::vector<std::size_t> slot_of_; ///< token (relative) → slot index or npos
    std::optional<EntityId> speaker_;
    // The sentence's parse, when a parser is configured and the sentence is worth it: each
    // actor slot is one word, so the parser sees "Malian_forces accused Wagner_Group …".
    std::optional<SyntaxParse> parse_;
    std::optional<SyntaxQuery> query_;
    std::vector<std::size_t> word_token_; ///< input word → sentence-relative token
    std::vector<std::size_t> token_word_; ///< sentence-relative token → input word
    std::size_t speaker_slot_ = npos;
    std::size_t speaker_verb_ = npos;

    std::size_t size() const { return low_.size(); }
    const std::string& w(std::size_t i) const {
        static const std::string empty;
        return i < low_.size() ? low_[i] : empty;
    }
    std::size_t slot_at(std::size_t i) const { return i < slot_of_.size() ? slot_of_[i] : npos; }

    void build_slots() {
        std::vector<const Mention*> ms;
        for (const auto& m : x_.mentions)
            if (m.sentence == s_) ms.push_back(&m);
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
        slot_of_.assign(size(), npos);
        for (std::size_t k = 0; k < slots_.size(); ++k)
            for (std::size_t i = slots_[k].tokens.first; i < slots_[k].tokens.last; ++i) slot_of_[i] = k;
    }

    // ---- syntax ------------------------------------------------------------------------
    bool has_lexicon_verb() const {
        for (std::size_t i = 0; i < size(); ++i) {
            if (slot_at(i) != npos || w(i).empty() || !std::isalpha(static_cast<unsigned char>(w(i)[0])))
                continue;
            for (const auto& l : lex_.lemmatizer().lemmas(w(i)))
                if (lex_.senses(l)) return true;
        }
        return false;
    }

    void parse_sentence() {
        std::vector<std::string> words;
        token_word_.assign(size(), npos);
        for (std::size_t i = 0; i < size();) {
            std::size_t k = slot_at(i);
            token_word_[i] = words.size();
            word_token_.push_back(i);
            if (k == npos) {
                words.emplace_back(doc_.token_text(sen_.tokens.first + i));
                ++i;
                continue;
            }
            // A collapsed actor: its words joined by '_' (read as one proper name).
            std::string name;
            for (std::size_t j = slots_[k].tokens.first; j < slots_[k].tokens.last; ++j) {
                if (!name.empty()) name += '_';
                name += std::string(doc_.token_text(sen_.tokens.first + j));
                token_word_[j] = words.size();
            }
            if (slots_[k].kind == MentionKind::Pronoun) name = std::string(doc_.token_text(sen_.tokens.first + i));
            words.push_back(name);
            i = slots_[k].tokens.last;
        }
        parse_ = opt_.parser->parse(words);
        if (parse_) query_.emplace(*parse_);
    }

    /// The parse word of a sentence-relative token, or kNoSyntaxWord.
    std::size_t syntax_word(std::size_t token) const {
        if (!parse_ || token >= token_word_.size() || token_word_[token] == npos) return kNoSyntaxWord;
        return parse_->word_of(token_word_[token]);
    }
    /// The actor slots among parse words (coordination already resolved by the query).
    std::vector<std::size_t> slots_of(const std::vector<std::size_t>& ws) const {
        std::vector<std::size_t> out;
        for (std::size_t wd : ws) {
            if (wd >= parse_->words.size()) continue;
            std::size_t input = parse_->words[wd].token;
            if (input == kNoSyntaxWord || input >= word_token_.size()) continue;
            std::size_t k = slot_at(word_token_[input]);
            if (k != npos && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
        }
        return out;
    }

    /// Subjects and objects of a verb frame read from the parse. Returns false when the
    /// parse does not give both, so the token rules decide instead.
    bool syntax_frame(std::size_t v, const VerbSense& vs, unsigned flags, std::vector<Relation>& out) {
        if (!query_) return false;
        const std::size_t wv = syntax_word(v);
        if (wv == kNoSyntaxWord || !query_->is_verb(wv)) return false;
        const SyntaxQuery& q = *query_;
        if (q.negated(wv)) flags |= kNegated;
        const std::string& frame = vs.frame;
        const std::string rule = "syntax:" + vs.lemma + "/" + frame;
        std::vector<std::size_t> subjects, objects;
        if (q.passive(wv)) {
            if (frame != "dobj" && frame != "accuse_of") return false;
            subjects = slots_of(q.agents(wv));
            objects = slots_of(q.subjects(wv));
        } else {
            subjects = slots_of(q.subjects(wv));
            if (frame == "dobj" || frame == "accuse_of") {
                objects = slots_of(q.objects(wv));
            } else if (frame.rfind("prep:", 0) == 0) {
                const std::string prep = frame.substr(5);
                for (const auto& po : q.prepositions(wv)) {
                    if (po.object == kNoSyntaxWord) continue;
                    std::string pw = parse_->words[po.preposition].text;
                    for (auto& c : pw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    if (pw == prep)
                        for (std::size_t k : slots_of(q.conjuncts(po.object))) objects.push_back(k);
                }
            } else if (frame == "demand_withdraw") {
                if (auto c = q.complement(wv); c && c->verb != kNoSyntaxWord)
                    objects = slots_of(c->kind == ComplementKind::Infinitive ? q.controllers(c->verb)
                                                                             : q.subjects(c->verb));
            } else if (frame == "call_on") {
                for (const auto& po : q.prepositions(wv))
                    if (po.object != kNoSyntaxWord && (parse_->words[po.preposition].text == "on" ||
                                                       parse_->words[po.preposition].text == "upon"))
                        for (std::size_t k : slots_of(q.conjuncts(po.object))) objects.push_back(k);
            } else if (frame == "mutual") {
                for (const auto& po : q.prepositions(wv))
                    if (po.object != kNoSyntaxWord && parse_->words[po.preposition].text == "with")
                        for (std::size_t k : slots_of(q.conjuncts(po.object))) objects.push_back(k);
                if (objects.empty()) objects = slots_of(q.objects(wv));
                if (objects.empty() && subjects.size() >= 2) {
                    emit(out, subjects[0], subjects[1], vs.predicate, vs.cameo, v, flags, rule, 0.8);
                    return true;
                }
            }
        }
        if (subjects.empty() || objects.empty()) return false;
        // Coordination the parse leaves out ("on Mexican and most Canadian imports").
        for (std::size_t n = objects.size(), k = 0; k < n; ++k)
            for (std::size_t c : coordinated_right(objects[k]))
                if (std::find(objects.begin(), objects.end(), c) == objects.end()) objects.push_back(c);
        for (std::size_t s : subjects)
            for (std::size_t o : objects)
                emit(out, s, o, vs.predicate, vs.cameo, v, flags, rule, 0.9);
        return true;
    }

    // ---- attribution -----------------------------------------------------------------
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
                if (reporting_verbs().count(l)) reporting = true;
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
    bool is_verb(std::size_t i) const {
        if (w(i).empty() || !std::isalpha(static_cast<unsigned char>(w(i)[0]))) return false;
        for (const auto& l : lex_.lemmatizer().lemmas(w(i)))
            if (lex_.senses(l) || reporting_verbs().count(l)) return l != w(i) || w(i).size() > 2;
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
        for (const auto& d : doc_.dates) {
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

    void emit(std::vector<Relation>& out, std::size_t subj, std::size_t obj, const std::string& predicate,
              const std::string& cameo, std::size_t v, unsigned flags, const std::string& rule,
              double confidence) {
        const EntityId& s = slots_[subj].entity;
        const EntityId& o = slots_[obj].entity;
        if (s == o) return;
        if ((flags & kNegated) && !opt_.keep_negated) return;
        const auto& onto = lex_.ontology();
        Relation r;
        r.subject = s;
        r.object = o;
        r.predicate = predicate;
        r.cameo = cameo;
        if (!cameo.empty()) {
            r.quad_class = onto.quad_class(cameo);
            r.goldstein = onto.goldstein(cameo);
        }
        r.evidence.push_back(Evidence{doc_.id, s_, sen_.span, std::string(doc_.slice(sen_.span))});
        r.date = date_near(v);
        r.rule = rule;
        r.flags = flags | (sen_.heading ? kHeadline : 0u);
        if (speaker_ && v != speaker_verb_ && !(*speaker_ == s)) {
            r.speaker = speaker_;
            r.flags |= kReported;
        }
        if (r.flags & kHedged) confidence *= 0.6;
        if (r.flags & kConditional) confidence *= 0.7;
        if (slots_[subj].kind == MentionKind::Pronoun || slots_[obj].kind == MentionKind::Pronoun)
            confidence *= 0.85;
        r.confidence = confidence;
        out.push_back(std::move(r));
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
            // Allow an article and up to two modifiers between the verb and its noun ("hold
            // talks", "signed a peace agreement", "imposed new sweeping sanctions").
            if (w(j) == "a" || w(j) == "an" || w(j) == "the") ++j;
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

    void verb_frames(std::size_t v, std::vector<Relation>& out) {
        const std::string& form = w(v);
        if (form.empty() || !std::isalpha(static_cast<unsigned char>(form[0]))) return;
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
        if (senses.empty()) return;
        // An infinitive ("created to quell", "vowed to attack") states an aim, not an event;
        // the verb governing it has frames of its own ("call on X to leave").
        if (v > 0 && w(v - 1) == "to") return;
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
        std::size_t subj = subject_of(v);
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
                if (o != npos) objects = coordinated_right(o);
            } else if (frame.rfind("prep:", 0) == 0) {
                const std::string prep = frame.substr(5);
                // The preposition may follow a direct object: "turned to Russia", "imposed
                // sanctions on X", "accused X of": search a few tokens.
                for (std::size_t j = end; j < size() && j < end + 10; ++j) {
                    if (clause_breaks().count(w(j)) || w(j) == ",") break;
                    if (w(j) == prep) {
                        std::size_t o = slot_after(j + 1, 4, false);
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
                    if (subjects.size() >= 2)
                        emit(out, subjects[1], subjects[0], vs->predicate, vs->cameo, v, flags,
                             rule, 0.75);
                }
            }
            if (objects.empty() || subj == npos) continue;
            for (std::size_t s : subjects(subj))
                for (std::size_t o : objects)
                    emit(out, s, o, vs->predicate, vs->cameo, v, flags, rule, 0.85);
            break;
        }
    }

    // ---- noun frames --------------------------------------------------------------------
    void noun_frames(std::size_t n, std::vector<Relation>& out) {
        const auto* nouns = lex_.nouns(w(n));
        if (!nouns) return;
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
                    static const std::set<std::string> light{"launch", "carry", "conduct", "stage",
                                                             "mount", "begin", "continue", "step",
                                                             "make", "hold", "show", "demonstrate",
                                                             "express", "sign", "reach", "announce",
                                                             "impose", "declare", "wage", "start"};
                    for (std::size_t k = slots_[subj].tokens.last; k < n && subj != npos; ++k) {
                        if (!is_verb(k) && !(w(k).size() > 3 && w(k).compare(w(k).size() - 2, 2, "ed") == 0))
                            continue;
                        bool is_light = false;
                        for (const auto& l : lex_.lemmatizer().lemmas(w(k)))
                            if (light.count(l)) is_light = true;
                        if (!is_light) subj = npos;
                    }
                }
            }
            const std::string rule = "noun:" + en.noun + "/" + en.frame;
            unsigned flags = hedge_flags(n);
            if (en.frame == "between") {
                if (w(end) != "between") continue;
                std::size_t a = slot_after(end + 1, 3, false);
                if (a == npos) continue;
                auto both = coordinated_right(a);
                if (both.size() >= 2) emit(out, both[0], both[1], en.predicate, en.cameo, n, flags, rule, 0.8);
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
            std::size_t o = slot_after(j + 1, 4, false);
            if (o == npos || subj == npos) continue;
            for (std::size_t ss : coordinated_left(subj))
                for (std::size_t oo : coordinated_right(o))
                    emit(out, ss, oo, en.predicate, en.cameo, n, flags, rule, 0.75);
        }
    }
};

} // namespace

void find_relations(Extraction& x, const RelationLexicon& lexicon, const RelationOptions& options) {
    std::vector<Relation> found;
    for (std::size_t s = 0; s < x.document.sentences.size(); ++s)
        SentenceExtractor(x, lexicon, options, s).run(found);
    // One relation per subject–predicate–object–code, with all its evidence.
    for (auto& r : found) {
        auto same = std::find_if(x.relations.begin(), x.relations.end(), [&](const Relation& o) {
            return o.subject == r.subject && o.object == r.object && o.predicate == r.predicate &&
                   o.cameo == r.cameo && (o.flags & kNegated) == (r.flags & kNegated);
        });
        if (same == x.relations.end()) {
            x.relations.push_back(std::move(r));
            continue;
        }
        bool have = false;
        for (const auto& e : same->evidence)
            if (e.sentence == r.evidence.front().sentence) have = true;
        if (!have) same->evidence.push_back(r.evidence.front());
        same->confidence = std::max(same->confidence, r.confidence);
        if (r.date && (!same->date || *r.date < *same->date)) same->date = r.date;
    }
}

} // namespace newskg
