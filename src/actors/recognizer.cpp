// The actor recogniser. It reads each sentence left to right and, at every token not yet
// claimed, tries the patterns news uses to name actors, keeping the longest:
//   title + name                 "Rebel spokesperson Mohamed Ramadane", "Mr. Laurence"
//   gazetteer name (+ head)      "MINUSMA", "Wagner mercenaries", "UN mission"
//   country reference + head     "Malian forces", "Mali's junta", "Russian foreign ministry"
//   organisation + collective    "UN sanctions monitors", "EU foreign ministers"
//   group modifier + group head  "Tuareg-led rebels", "Islamist insurgency"
//   unknown capitalised name     typed by its last word, a title or a place cue
// Definite descriptions ("the junta", "the West African nation"), pronouns ("it", "its"),
// surnames and misspelt acronyms are resolved afterwards, in document order, against the
// actors found so far.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <optional>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "actors/name_proposals.hpp"
#include "newskg/actors/actors.hpp"

namespace newskg {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool is_upper_initial(std::string_view s) {
    if (s.empty()) return false;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool is_all_caps(std::string_view s) {
    int letters = 0;
    for (unsigned char c : s) {
        if (std::islower(c)) return false;
        if (std::isupper(c)) ++letters;
    }
    return letters >= 2;
}

bool is_alpha_word(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!(std::isalpha(c) || c == '-' || c >= 0x80)) return false;
    return true;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Group key of an ethnic or ideological modifier: "Tuareg-led" and "Tuaregs" → "tuareg".
std::string group_key(std::string_view word, const ActorCues& cues) {
    std::string k = lower(word);
    for (std::string_view suffix : {"-led", "-backed", "-linked", "-aligned", "-dominated"})
        if (k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0)
            k.resize(k.size() - suffix.size());
    std::string syn = cues.role(k, "synonym");
    if (!syn.empty()) return syn;
    if (k.size() > 3 && k.back() == 's' && k[k.size() - 2] != 's') k.pop_back();
    syn = cues.role(k, "synonym");
    return syn.empty() ? k : syn;
}

struct Pending {
    enum Kind { Description, Pronoun, Surname, Unknown, Rebel } kind;
    TokenRange range;
    std::size_t sentence;
    std::vector<ActorType> types; ///< acceptable types, most wanted first
    std::string head;             ///< the head noun of a description
    std::string key;              ///< group key or name key
    std::size_t person = npos;    ///< Rebel: the person entity whose affiliation is pending
    std::string relation;         ///< Rebel: the standing relation to add
};

struct StandingLink {
    std::size_t subject, object;
    std::string predicate;
    std::size_t sentence;
    std::string rule;
};

struct Match {
    std::size_t end = 0; ///< token index one past the match
    int priority = 0;    ///< tie-break between equally long matches
    // What to do: filled by the pattern that produced it.
    std::function<void()> apply;
};

class Recognizer {
  public:
    Recognizer(Extraction& x, const ActorIndex& idx, const ActorOptions& opt)
        : x_(x), doc_(x.document), idx_(idx), cues_(idx.cues()), opt_(opt) {
        const std::size_t n = doc_.tokens.size();
        lower_.resize(n);
        cap_.resize(n);
        claimed_.assign(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            auto t = doc_.token_text(i);
            lower_[i] = name_key(t);
            cap_[i] = doc_.tokens[i].kind == TokenKind::Word && is_upper_initial(t);
        }
        if (opt.names) names_ = NameProposals(doc_, *opt.names, idx_);
    }

    void run() {
        for (std::size_t s = 0; s < doc_.sentences.size(); ++s) scan_sentence(s);
        resolve_acronym_spellings();
        resolve_pending();
        finish();
    }

  private:
    Extraction& x_;
    const Document& doc_;
    const ActorIndex& idx_;
    const ActorCues& cues_;
    const ActorOptions& opt_;
    std::vector<std::string> lower_;
    std::vector<bool> cap_;
    std::vector<bool> claimed_;
    std::map<std::string, std::size_t> by_iri_;
    std::vector<std::size_t> gaz_of_entity_; ///< gazetteer index or npos, per entity
    std::vector<std::string> group_key_of_entity_;
    std::vector<Pending> pending_;
    std::vector<StandingLink> links_;
    std::vector<StandingLink> pending_links_; ///< kept only when both ends are mentioned
    std::size_t sent_ = 0, sent_end_ = 0;
    std::vector<std::size_t> implied_; ///< entities kept without a mention (a person's body)
    NameProposals names_; ///< the statistical recogniser's names (inactive without a model)

    // ---- tokens -------------------------------------------------------------------
    std::string_view text(std::size_t i) const { return doc_.token_text(i); }
    bool word(std::size_t i) const {
        return i < sent_end_ && doc_.tokens[i].kind == TokenKind::Word;
    }
    bool is(std::size_t i, std::string_view w) const { return i < sent_end_ && lower_[i] == w; }
    bool possessive(std::size_t i) const { return is(i, "'s") || is(i, "'"); }
    bool stop(std::size_t i) const { return cues_.not_actors.count(lower_[i]) > 0; }
    /// Capitalised word that can be part of a name.
    bool name_token(std::size_t i) const {
        return word(i) && cap_[i] && !claimed_[i] && !stop(i);
    }

    std::string key_of(std::size_t b, std::size_t e) const {
        std::string k;
        for (std::size_t i = b; i < e; ++i) {
            if (!k.empty()) k += ' ';
            k += lower_[i];
        }
        return k;
    }
    std::string surface(std::size_t b, std::size_t e) const {
        return std::string(doc_.range_text(TokenRange{b, e}));
    }

    /// Longest cue starting at i with this role: (end, type) or nullopt.
    std::optional<std::pair<std::size_t, std::string>> cue_at(std::size_t i,
                                                              std::string_view role) const {
        for (std::size_t len = std::min(cues_.longest_cue, sent_end_ - std::min(i, sent_end_));
             len >= 1; --len) {
            std::string k = key_of(i, i + len);
            std::string t = cues_.role(k, role);
            if (!t.empty()) return std::make_pair(i + len, t);
        }
        return std::nullopt;
    }

    /// Longest gazetteer name starting at i (capitalised; acronyms with their exact case).
    std::optional<std::pair<std::size_t, std::size_t>> gazetteer_at(
        std::size_t i, std::optional<ActorType> only = std::nullopt) const {
        if (!word(i) || !cap_[i] || claimed_[i]) return std::nullopt;
        const std::size_t max = std::min(idx_.longest_name_from(lower_[i]), sent_end_ - i);
        for (std::size_t len = max; len >= 1; --len) {
            if (claimed_[i + len - 1]) continue;
            // Every word of the name is capitalised, except short connectors inside it.
            bool ok = cap_[i + len - 1] || doc_.tokens[i + len - 1].kind == TokenKind::Number;
            if (!ok) continue;
            const auto* hits = idx_.by_name(key_of(i, i + len));
            if (!hits) continue;
            for (std::size_t g : *hits) {
                const auto& e = idx_.entry(g);
                // Only a country, say, when a longer name of another kind starts here too
                // ("US" in "US President", a dictionary's name for the presidency).
                if (only && e.type != *only) continue;
                // An acronym ("US", "IS", "WHO") must be written as one: "us", "Who" are words.
                if (len == 1 && !e.acronyms.empty()) {
                    const std::string t(text(i));
                    bool via_acronym = false, exact = false;
                    for (const auto& a : e.acronyms) {
                        if (name_key(a) == lower_[i]) via_acronym = true;
                        if (a == t) exact = true;
                    }
                    bool exact_name = e.label == t ||
                                      std::find(e.names.begin(), e.names.end(), t) != e.names.end();
                    if (via_acronym && !exact && !exact_name) continue;
                }
                return std::make_pair(i + len, g);
            }
        }
        return std::nullopt;
    }

    /// A country named by adjective ("Malian"), name ("Mali") or possessive ("Mali's").
    struct CountryRef {
        std::size_t end;       ///< after the reference (and its "'s")
        std::size_t gaz;       ///< gazetteer index of the country
        std::size_t name_end;  ///< end of the name itself (without "'s")
        bool adjective;
    };
    std::optional<CountryRef> country_ref_at(std::size_t i) const {
        if (!word(i) || !cap_[i] || claimed_[i]) return std::nullopt;
        // Two-word adjectives first ("South African"), then one word.
        for (std::size_t len = std::min<std::size_t>(2, sent_end_ - i); len >= 1; --len) {
            if (const auto* hits = idx_.by_adjective(key_of(i, i + len)))
                return CountryRef{i + len, hits->front(), i + len, true};
        }
        if (auto g = gazetteer_at(i, ActorType::Country)) {
            const auto& e = idx_.entry(g->second);
            if (e.type == ActorType::Country) {
                std::size_t end = g->first;
                if (possessive(end)) ++end;
                return CountryRef{end, g->second, g->first, false};
            }
        }
        return std::nullopt;
    }

    // ---- entities and mentions ------------------------------------------------------
    std::size_t entity(const std::string& iri, ActorType type, const std::string& label,
                       std::size_t gaz = npos) {
        auto it = by_iri_.find(iri);
        if (it != by_iri_.end()) return it->second;
        Entity e;
        e.id = EntityId{"e" + std::to_string(x_.entities.size() + 1)};
        e.iri = iri;
        e.type = type;
        e.label = label;
        if (gaz != npos) {
            const auto& g = idx_.entry(gaz);
            e.from_gazetteer = true;
            e.label = g.label;
            e.type = g.type;
            if (g.type == ActorType::Country) e.country_code = g.country_code;
        }
        // A dictionary's actor is labelled by how the article writes it (dictionaries
        // spell names in capitals, "GONDOR"), as unknown names are.
        if (gaz != npos && idx_.dictionary_info(gaz).kind != ActorIndex::DictKind::None) e.from_gazetteer = false;
        x_.entities.push_back(std::move(e));
        gaz_of_entity_.push_back(gaz);
        group_key_of_entity_.emplace_back();
        by_iri_[iri] = x_.entities.size() - 1;
        return x_.entities.size() - 1;
    }
    std::size_t gaz_entity(std::size_t g) {
        const auto& e = idx_.entry(g);
        const auto& info = idx_.dictionary_info(g);
        if (info.kind == ActorIndex::DictKind::Sector) return sector_entity(info.meaning, e.label);
        if (info.kind == ActorIndex::DictKind::Person) {
            // Minted like any person, so "Jane Doe" found by a title pattern is the same node.
            std::size_t p = entity(mint_iri(opt_.base_iri, ActorType::Person, name_key(e.label)),
                                   ActorType::Person, e.label);
            if (gaz_of_entity_[p] == npos) gaz_of_entity_[p] = g;
            return p;
        }
        return entity(e.iri, e.type, e.label, g);
    }
    /// A country's state body (government, military, police …) as a CodeMeaning names it:
    /// one node per country and body, the IRI minted as "Malian forces" mints it.
    std::size_t sector_entity(const CodeMeaning& m, const std::string& label) {
        const auto& c = idx_.entry(m.country);
        std::string key = c.country_code.empty() ? c.label : c.country_code;
        if (!m.sector_key.empty()) key += " " + m.sector_key;
        std::size_t ent = entity(mint_iri(opt_.base_iri, m.type, key), m.type, label);
        link(ent, country_entity(m.country), "partOf", "actors:dictionary-sector");
        return ent;
    }
    std::size_t country_entity(std::size_t g) { return gaz_entity(g); }
    std::string country_code(std::size_t g) const { return idx_.entry(g).country_code; }

    void mention(std::size_t b, std::size_t e, std::size_t ent, MentionKind kind, bool claim = true) {
        Mention m;
        m.tokens = TokenRange{b, e};
        m.span = CharSpan{doc_.tokens[b].span.begin, doc_.tokens[e - 1].span.end};
        m.sentence = sent_;
        m.entity = x_.entities[ent].id;
        m.kind = kind;
        x_.entities[ent].mentions.push_back(x_.mentions.size());
        x_.mentions.push_back(std::move(m));
        if (claim)
            for (std::size_t i = b; i < e; ++i) claimed_[i] = true;
    }
    void link(std::size_t s, std::size_t o, std::string predicate, std::string rule) {
        if (s == o) return;
        links_.push_back({s, o, std::move(predicate), sent_, std::move(rule)});
    }

    // ---- patterns -------------------------------------------------------------------
    void scan_sentence(std::size_t s) {
        sent_ = s;
        const auto& sen = doc_.sentences[s];
        sent_end_ = sen.tokens.last;
        for (std::size_t i = sen.tokens.first; i < sent_end_;) {
            if (claimed_[i]) {
                ++i;
                continue;
            }
            std::size_t next = try_at(i);
            i = next > i ? next : i + 1;
        }
    }

    /// Tries every pattern at i; applies the longest; returns the token after it.
    std::size_t try_at(std::size_t i) {
        std::vector<Match> found;
        title_person(i, found);
        gazetteer_pattern(i, found);
        country_pattern(i, found);
        capital_pattern(i, found);
        group_pattern(i, found);
        agent_pattern(i, found);
        description_pattern(i, found);
        pronoun_pattern(i, found);
        unknown_name(i, found);
        if (found.empty()) return i + 1;
        auto best = std::max_element(found.begin(), found.end(), [](const Match& a, const Match& b) {
            return a.end != b.end ? a.end < b.end : a.priority < b.priority;
        });
        best->apply();
        return best->end;
    }

    /// Title words before a name: returns the end of the titles and the kind of title.
    std::optional<std::pair<std::size_t, std::string>> titles_at(std::size_t i) const {
        std::size_t j = i;
        std::string kind;
        while (j < sent_end_) {
            std::optional<std::pair<std::size_t, std::string>> best;
            for (std::string_view role : {"spokes_title", "leader_title", "title"}) {
                auto c = cue_at(j, role);
                if (c && (!best || c->first > best->first)) {
                    best = c;
                    if (kind.empty() || role != "title") kind = std::string(role);
                }
            }
            if (!best) break;
            j = best->first;
        }
        if (j == i) return std::nullopt;
        return std::make_pair(j, kind);
    }

    /// A personal name: 1–4 capitalised words (initials and particles allowed inside).
    std::size_t person_name_end(std::size_t i) const {
        std::size_t j = i;
        while (j < sent_end_ && j - i < 5) {
            if (word(j) && cap_[j] && !claimed_[j] && !(stop(j) && j == i)) {
                ++j;
                continue;
            }
            // Particles inside names: "bin", "al", "de", "van".
            if (j > i && word(j) && j + 1 < sent_end_ && cap_[j + 1] &&
                (is(j, "bin") || is(j, "al") || is(j, "de") || is(j, "van") || is(j, "von") ||
                 is(j, "da") || is(j, "el") || is(j, "ibn"))) {
                ++j;
                continue;
            }
            break;
        }
        // A name stops before a word that starts a title or an organisation noun.
        return j;
    }

    void title_person(std::size_t i, std::vector<Match>& out) {
        // [modifier] [titles] Name — the modifier is a country, an organisation or "rebel".
        std::size_t j = i;
        std::optional<std::size_t> owner;      // entity-producing modifier (gazetteer index)
        std::optional<CountryRef> owner_country;
        bool rebel = false;
        while (is(j, "former") || is(j, "ousted") || is(j, "late") || is(j, "acting") ||
               is(j, "interim") || is(j, "deputy") || is(j, "senior") || is(j, "then"))
            ++j;
        std::size_t owner_begin = j, owner_end = j;
        if (auto c = country_ref_at(j)) {
            owner_country = c;
            owner_end = c->end;
            j = c->end;
        } else if (auto g = gazetteer_at(j)) {
            owner = g->second;
            owner_end = g->first;
            j = g->first;
            if (possessive(j)) ++j;
        } else if (is(j, "rebel") || is(j, "rebels'") || cues_.has_role(lower_[j], "government_head") ||
                   cues_.has_role(lower_[j], "military_head") || cues_.has_role(lower_[j], "group_head")) {
            // "Rebel spokesperson X", "Government spokeswoman X", "Army spokesman X": the
            // owner is the actor of that kind in focus, resolved once the article is read.
            rebel = true;
            owner_end = j + 1;
            ++j;
        }
        auto t = titles_at(j);
        if (!t) return;
        std::size_t name_b = t->first;
        std::size_t name_e = person_name_end(name_b);
        if (name_e == name_b) return;
        // The name must not itself be a known actor ("President Putin" is fine, "President
        // of Mali" is not a name).
        if (name_e - name_b == 1 && idx_.by_name(lower_[name_b]) &&
            idx_.entry(idx_.by_name(lower_[name_b])->front()).type != ActorType::Person)
            return;
        // "official National News Agency" is an organisation, not a person.
        for (std::size_t k = name_b; k < name_e; ++k)
            if (cues_.has_role(lower_[k], "org_suffix")) return;
        const std::string kind = t->second;
        const std::size_t begin = i;
        Match m;
        m.end = name_e;
        m.priority = 3;
        m.apply = [=, this]() {
            std::string key = key_of(name_b, name_e);
            std::size_t p = entity(mint_iri(opt_.base_iri, ActorType::Person, key),
                                   ActorType::Person, surface(name_b, name_e));
            mention(name_b, name_e, p, MentionKind::Name);
            // The whole phrase is an alias too ("Kremlin spokesman Dmitry Peskov").
            mention(begin, name_e, p, MentionKind::Name, false);
            std::string rel = kind == "spokes_title" ? "spokespersonOf"
                              : kind == "leader_title" ? "leaderOf"
                                                       : "affiliatedWith";
            if (owner_country) {
                std::size_t c = country_entity(owner_country->gaz);
                mention(owner_begin, owner_country->name_end, c,
                        owner_country->adjective ? MentionKind::Demonym : MentionKind::Name);
                link(p, c, rel == "spokespersonOf" ? rel : "affiliatedWith", "actors:title-of-country");
            } else if (owner) {
                std::size_t o = gaz_entity(*owner);
                mention(owner_begin, owner_end, o, MentionKind::Name);
                link(p, o, rel, "actors:title-of-organisation");
            } else if (rebel) {
                const std::string w = lower_[owner_begin];
                std::vector<ActorType> types{ActorType::ArmedGroup};
                if (cues_.has_role(w, "government_head")) types = {ActorType::Government, ActorType::Country};
                else if (cues_.has_role(w, "military_head")) types = {ActorType::Military};
                Pending pd{Pending::Rebel, TokenRange{owner_begin, owner_end}, sent_, types, w, "", p, rel};
                pending_.push_back(pd);
            }
            for (std::size_t k = begin; k < name_e; ++k) claimed_[k] = true;
        };
        out.push_back(std::move(m));
    }

    /// Is this gazetteer entry a mission or force (its own "mission" is itself)?
    bool is_subunit_entry(const GazetteerEntry& e) const {
        auto fits = [](const std::string& name) {
            std::string l = lower(name);
            for (std::string_view w : {"mission", "force", "operation", "peacekeep"})
                if (l.find(w) != std::string::npos) return true;
            return false;
        };
        if (fits(e.label)) return true;
        for (const auto& n : e.names)
            if (fits(n)) return true;
        return false;
    }

    /// A country the entry works in, read from its names ("… Mission in Mali"), or npos.
    std::size_t country_in_names(const GazetteerEntry& e) const {
        if (!e.country_code.empty()) return idx_.country(e.country_code);
        for (const auto& n : e.names) {
            auto at = n.rfind(" in ");
            if (at == std::string::npos) continue;
            std::string rest = name_key(n.substr(at + 4));
            if (const auto* hits = idx_.by_name(rest))
                for (std::size_t h : *hits)
                    if (idx_.entry(h).type == ActorType::Country) return h;
        }
        return npos;
    }

    /// The gazetteer child of `parent` that a subunit head ("UN mission") most likely means:
    /// one named in this article, else one working in a country the article names.
    std::size_t child_subunit(std::size_t parent_gaz) {
        const auto& parent = idx_.entry(parent_gaz);
        std::size_t best = npos;
        int best_score = 0;
        const auto& gaz = idx_.ontology().gazetteer();
        for (std::size_t g = 0; g < gaz.size(); ++g) {
            if (gaz[g].parent_iri != parent.iri || !is_subunit_entry(gaz[g])) continue;
            int score = 0;
            if (by_iri_.count(gaz[g].iri)) score += 4;
            if (doc_mentions_acronym(gaz[g])) score += 3;
            if (std::size_t c = country_in_names(gaz[g]); c != npos) {
                if (by_iri_.count(idx_.entry(c).iri)) score += 2;
                if (doc_mentions_name(idx_.entry(c))) score += 1;
            }
            if (score > best_score) {
                best_score = score;
                best = g;
            }
        }
        return best_score >= 2 ? best : npos;
    }

    bool doc_mentions_acronym(const GazetteerEntry& e) const {
        for (const auto& a : e.acronyms)
            for (std::size_t i = 0; i < doc_.tokens.size(); ++i) {
                auto t = doc_.token_text(i);
                if (t == a || (a.size() >= 5 && is_all_caps(t) && edit_distance(t, a) <= 1))
                    return true;
            }
        return false;
    }
    bool doc_mentions_name(const GazetteerEntry& e) const {
        std::string k = name_key(e.label);
        for (std::size_t i = 0; i < doc_.tokens.size(); ++i)
            if (lower_[i] == k) return true;
        return false;
    }

    void gazetteer_pattern(std::size_t i, std::vector<Match>& out) {
        auto g = gazetteer_at(i);
        if (!g) return;
        const std::size_t gi = g->second;
        const GazetteerEntry& e = idx_.entry(gi);
        std::size_t end = g->first;
        // A gazetteer word inside a longer unknown capitalised name is part of that name
        // ("Therese Kayikwamba Wagner" is a person, not the Wagner Group).
        if (e.type != ActorType::Country && i > doc_.sentences[sent_].tokens.first &&
            word(i - 1) && cap_[i - 1] && !claimed_[i - 1] && !stop(i - 1) &&
            !idx_.by_name(lower_[i - 1]) && !idx_.by_adjective(lower_[i - 1]) &&
            !cues_.by_word.count(lower_[i - 1]))
            return;

        // Capital cities as actors stand for their country ("Moscow dismissed …"); after a
        // place cue they are places ("in Abuja").
        Match m;
        m.priority = 2;
        if (e.type == ActorType::Organization || e.type == ActorType::ArmedGroup ||
            e.type == ActorType::Military || e.type == ActorType::Government) {
            // "Wagner mercenaries", "MINUSMA force", "UN mission", "UN sanctions monitors".
            std::size_t j = end;
            if (possessive(j)) ++j;
            // An organisation, then another organisation: "UN MINSMA mission".
            std::size_t inner_end = j;
            bool inner_acronym = false;
            if (j < sent_end_ && is_all_caps(text(j)) && !idx_.by_name(lower_[j])) {
                inner_acronym = true;
                inner_end = j + 1;
            }
            std::size_t k = inner_end;
            std::size_t skip = 0;
            while (skip < 2 && word(k) && !cap_[k] && !cue_at(k, "subunit_head") &&
                   !cue_at(k, "collective_head") && !cue_at(k, "member_head") &&
                   is_alpha_word(lower_[k]) && lower_[k].size() > 2 && !is_verbish(k)) {
                ++k;
                ++skip;
            }
            if (e.type == ActorType::Organization) {
                if (auto c = cue_at(k, "collective_head"); c && !inner_acronym) {
                    std::size_t hend = c->first;
                    Match mc;
                    mc.end = hend;
                    mc.priority = 2;
                    mc.apply = [=, this]() {
                        std::size_t parent = gaz_entity(gi);
                        std::string key = key_of(i, hend);
                        std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Organization, key),
                                                 ActorType::Organization, surface(i, hend));
                        mention(i, end, parent, MentionKind::Name, false);
                        mention(i, hend, ent, MentionKind::Name);
                        link(ent, parent, "partOf", "actors:organisation-collective");
                    };
                    out.push_back(std::move(mc));
                }
                if (auto c = cue_at(k, "subunit_head")) {
                    std::size_t hend = c->first;
                    // "in Mali" right after the head belongs to the name ("UN force in Mali").
                    Match ms;
                    ms.end = hend;
                    ms.priority = 2;
                    ms.apply = [=, this]() {
                        std::size_t target = npos;
                        if (inner_acronym) {
                            target = acronym_entity(text(end < j ? j : j), gi);
                        }
                        if (target == npos && is_subunit_entry(e)) target = gaz_entity(gi);
                        if (target == npos) {
                            std::size_t child = child_subunit(gi);
                            if (child != npos) target = gaz_entity(child);
                        }
                        if (target == npos) {
                            std::string key = key_of(i, hend);
                            target = entity(mint_iri(opt_.base_iri, ActorType::Organization, key),
                                            ActorType::Organization, surface(i, hend));
                            link(target, gaz_entity(gi), "partOf", "actors:organisation-subunit");
                        } else if (!is_subunit_entry(e) || inner_acronym) {
                            // The parent named in the phrase is an actor of the article too.
                            std::size_t parent = gaz_entity(gi);
                            mention(i, end, parent, MentionKind::Name, false);
                        }
                        mention(i, hend, target, MentionKind::Name);
                    };
                    out.push_back(std::move(ms));
                }
            }
            {
                if (auto c = cue_at(end, "member_head");
                    c && (e.type == ActorType::ArmedGroup || e.type == ActorType::Military)) {
                    std::size_t hend = c->first;
                    Match mm;
                    mm.end = hend;
                    mm.priority = 2;
                    mm.apply = [=, this]() { mention(i, hend, gaz_entity(gi), MentionKind::Name); };
                    out.push_back(std::move(mm));
                }
            }
        }
        // A dictionary's state body and an agent noun: "Washington security officials".
        if (const auto& info = idx_.dictionary_info(gi);
            info.kind == ActorIndex::DictKind::Sector ||
            (info.kind == ActorIndex::DictKind::Named && info.meaning.sector && info.meaning.country != npos)) {
            std::size_t k = end;
            if (possessive(k)) ++k;
            if (auto ag = idx_.agent_at(doc_, k, sent_end_)) {
                const std::size_t hend = ag->first;
                CodeMeaning body = idx_.dictionary_info(gi).meaning;
                if (CodeMeaning r = idx_.role_meaning(ag->second); r.sector) {
                    r.country = body.country;
                    body = r;
                }
                Match ma;
                ma.end = hend;
                ma.priority = 2;
                ma.apply = [=, this]() { mention(i, hend, sector_entity(body, surface(i, hend)), MentionKind::Name); };
                out.push_back(std::move(ma));
            }
        }
        m.end = end;
        m.apply = [=, this]() {
            std::size_t ent = gaz_entity(gi);
            bool acr = end - i == 1 && is_all_caps(text(i));
            mention(i, end, ent, acr ? MentionKind::Acronym : MentionKind::Name);
            expand_parenthesised_acronym(end, ent);
        };
        out.push_back(std::move(m));
    }

    /// "… Mission in Mali (MINUSMA)": the acronym in brackets after a name is the same actor.
    void expand_parenthesised_acronym(std::size_t after, std::size_t ent) {
        if (!(is(after, "(") && after + 2 < sent_end_ && is(after + 2, ")") && is_all_caps(text(after + 1))))
            return;
        const auto* known = idx_.by_acronym(std::string(text(after + 1)));
        if (known && idx_.entry(known->front()).iri != x_.entities[ent].iri) {
            // "… Mission in the Democratic Republic of the Congo (MONUSCO)": the acronym is
            // a known actor; the name before "in <country>" is its long form.
            std::size_t acr = gaz_entity(known->front());
            mention(after + 1, after + 2, acr, MentionKind::Acronym);
            if (x_.entities[ent].type == ActorType::Country) {
                const auto& country_mention = x_.mentions[x_.entities[ent].mentions.back()];
                std::size_t b = country_mention.tokens.first;
                while (b > 0 && (is(b - 1, "the"))) --b;
                if (b > 0 && is(b - 1, "in") && b >= 2) {
                    for (std::size_t e = 0; e < x_.entities.size(); ++e) {
                        if (e == acr || x_.entities[e].from_gazetteer || x_.entities[e].mentions.empty()) continue;
                        const auto& last = x_.mentions[x_.entities[e].mentions.back()];
                        if (last.tokens.last == b - 1) {
                            merge_into(e, acr);
                            break;
                        }
                    }
                }
            }
            return;
        }
        mention(after + 1, after + 2, ent, MentionKind::Acronym);
    }

    /// The entity an all-capitals token names, given the organisation before it: exact
    /// gazetteer acronym, else a near-spelling of a child's acronym.
    std::size_t acronym_entity(std::string_view t, std::size_t parent_gaz) {
        if (const auto* hits = idx_.by_acronym(std::string(t))) return gaz_entity(hits->front());
        const auto& gaz = idx_.ontology().gazetteer();
        const auto& parent = idx_.entry(parent_gaz);
        for (std::size_t g = 0; g < gaz.size(); ++g) {
            if (gaz[g].parent_iri != parent.iri) continue;
            for (const auto& a : gaz[g].acronyms)
                if (a.size() >= 5 && edit_distance(t, a) <= 1) return gaz_entity(g);
        }
        return npos;
    }

    /// Rough test for a verb form, so modifiers do not swallow "… said", "… has".
    bool is_verbish(std::size_t k) const {
        const std::string& w = lower_[k];
        static const std::set<std::string> aux{"is", "are", "was", "were", "has", "have", "had",
                                               "said", "says", "will", "would", "could", "can",
                                               "may", "might", "did", "does", "do", "and", "or",
                                               "of", "in", "on", "to", "for", "with", "by", "from"};
        return aux.count(w) > 0 || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0);
    }

    void country_pattern(std::size_t i, std::vector<Match>& out) {
        auto c = country_ref_at(i);
        if (!c) return;
        const std::size_t j = c->end;
        const std::size_t cg = c->gaz;
        const CountryRef ref = *c;
        // Country + known non-country actor (+ member head): "Russian Wagner troops",
        // "Russia's Wagner mercenary group", "Russia's GRU".
        if (auto g = gazetteer_at(j); g && idx_.entry(g->second).type != ActorType::Country) {
            std::size_t gi = g->second;
            std::size_t hend = g->first;
            if (auto h = cue_at(hend, "member_head")) hend = h->first;
            Match m;
            m.end = hend;
            m.priority = 4;
            m.apply = [=, this]() {
                std::size_t country = country_entity(cg);
                std::size_t ent = gaz_entity(gi);
                mention(i, ref.name_end, country, ref.adjective ? MentionKind::Demonym : MentionKind::Name, false);
                mention(i, hend, ent, MentionKind::Name);
                mention(j, hend, ent, MentionKind::Name, false);
                link(ent, country, "affiliatedWith", "actors:country-modifier");
            };
            out.push_back(std::move(m));
        }
        // Country + heads: military, government, ministry, armed groups.
        for (std::size_t skip = 0; skip <= 2; ++skip) {
            std::size_t k = j + skip;
            if (skip > 0) {
                std::size_t w = k - 1;
                if (!word(w) || cap_[w] || !is_alpha_word(lower_[w]) || is_verbish(w)) break;
                static const std::set<std::string> mods{
                    "military", "ruling", "interim", "transitional", "new", "former", "armed",
                    "security", "special", "regular", "national", "elite", "own", "federal",
                    "official", "central", "state", "top", "defence", "defense", "foreign",
                    "interior", "health", "finance", "justice", "economy", "trade", "main",
                    "senior", "chief", "largest", "leading"};
                if (!mods.count(lower_[w])) break;
            }
            // Agent nouns of the actor dictionaries: "Osgiliath soldiers", "Gondor's
            // foreign minister", "Arnor former security officials".
            if (auto ag = idx_.agent_at(doc_, k, sent_end_)) {
                const std::size_t hend = ag->first;
                const std::string code = ag->second;
                Match m;
                m.end = hend;
                m.priority = 3;
                m.apply = [=, this]() { apply_country_agent(i, ref, hend, code); };
                out.push_back(std::move(m));
            }
            for (std::string_view role : {"military_head", "government_head", "ministry_head", "group_head"}) {
                auto h = cue_at(k, role);
                if (!h) continue;
                std::size_t hend = h->first;
                std::string role_s(role);
                Match m;
                m.end = hend;
                m.priority = 3;
                m.apply = [=, this]() { apply_country_head(i, ref, cg, j, hend, role_s); };
                out.push_back(std::move(m));
            }
        }
        // "tariffs on Mexican imports": a country's goods stand for the country as the
        // target of trade measures; the adjective is the mention.
        if (ref.adjective) {
            // Up to five words on: other adjectives, "and", "or", commas and a modifier
            // ("Mexican and most Canadian imports").
            std::size_t k = j;
            bool trade = false;
            for (; k < sent_end_ && k < j + 5; ++k) {
                if (cue_at(k, "trade_head")) {
                    trade = true;
                    break;
                }
                if (!(is(k, "and") || is(k, "or") || is(k, ",") || idx_.by_adjective(lower_[k]) ||
                      (word(k) && !cap_[k] && is_alpha_word(lower_[k]) && !is_verbish(k))))
                    break;
            }
            if (trade) {
                Match m;
                m.end = ref.name_end;
                m.priority = 2;
                m.apply = [=, this]() { mention(i, ref.name_end, country_entity(cg), MentionKind::Demonym); };
                out.push_back(std::move(m));
                return;
            }
        }
        // A capital city after a place cue is a place; otherwise the bare country name.
        Match m;
        m.end = ref.name_end;
        m.priority = 1;
        m.apply = [=, this]() {
            if (!ref.adjective) {
                mention(i, ref.name_end, country_entity(cg), MentionKind::Name);
            } else {
                // A lone adjective names no actor by itself ("Malian soil"); a plural
                // demonym names the people ("Palestinians"), which are not an actor either.
                claimed_[i] = true;
            }
        };
        out.push_back(std::move(m));
    }

    /// A capital city: after a place cue it is a place in its country ("talks in Abuja");
    /// elsewhere it stands for the country's government, as news uses it ("Moscow
    /// rejected the sanctions"), and is an alias of the country.
    void capital_pattern(std::size_t i, std::vector<Match>& out) {
        if (!word(i) || !cap_[i] || claimed_[i]) return;
        for (std::size_t len = std::min<std::size_t>(3, sent_end_ - i); len >= 1; --len) {
            const auto* hits = idx_.by_capital(key_of(i, i + len));
            if (!hits) continue;
            const std::size_t cg = hits->front();
            const std::size_t end = i + len;
            // After a place preposition, or as a dateline ("NIAMEY (AP) —"), a capital is a
            // place; elsewhere ("Moscow rejected …", "accused Paris of …") it stands for its
            // country, as news uses it.
            const std::size_t first = doc_.sentences[sent_].tokens.first;
            std::size_t before = i;
            // "in southern Beirut": a compass adjective between the preposition and the city.
            if (before > first + 1 && (is(before - 1, "northern") || is(before - 1, "southern") ||
                                       is(before - 1, "eastern") || is(before - 1, "western") ||
                                       is(before - 1, "central") || is(before - 1, "downtown")))
                --before;
            const bool after_place_word =
                before > first &&
                (cues_.has_role(lower_[before - 1], "place_cue") || is(before - 1, "to") ||
                 is(before - 1, "from") || is(before - 1, "on") || is(before - 1, "into") ||
                 is(before - 1, "across") || is(before - 1, "over") || is(before - 1, "of"));
            const bool dateline = i == first && is_all_caps(text(i)) &&
                                  (is(end, "(") || is(end, ",") || is(end, "\xE2\x80\x94") || is(end, "-"));
            const bool place = after_place_word;
            Match m;
            m.end = end;
            m.priority = 1;
            m.apply = [=, this]() {
                if (dateline) {
                    // "BAMAKO —": where the article was filed, not an actor of it.
                    for (std::size_t k = i; k < end; ++k) claimed_[k] = true;
                } else if (place) {
                    std::size_t country = npos;
                    std::string key = key_of(i, end);
                    std::size_t loc = entity(mint_iri(opt_.base_iri, ActorType::Location, key),
                                             ActorType::Location, surface(i, end));
                    mention(i, end, loc, MentionKind::Name);
                    (void)country; // that a capital lies in its country is not news the article states
                } else {
                    mention(i, end, country_entity(cg), MentionKind::Name);
                }
            };
            out.push_back(std::move(m));
            return;
        }
    }

    void apply_country_head(std::size_t i, const CountryRef& ref, std::size_t cg, std::size_t head_b,
                            std::size_t hend, const std::string& role) {
        std::size_t country = country_entity(cg);
        const std::string cc = country_code(cg);
        const std::string cname = idx_.entry(cg).label;
        std::size_t ent;
        std::string predicate = "partOf";
        if (role == "military_head") {
            ent = entity(mint_iri(opt_.base_iri, ActorType::Military, cc.empty() ? cname : cc),
                         ActorType::Military, surface(i, hend));
        } else if (role == "government_head") {
            ent = entity(mint_iri(opt_.base_iri, ActorType::Government, cc.empty() ? cname : cc),
                         ActorType::Government, surface(i, hend));
        } else if (role == "ministry_head") {
            std::string key = (cc.empty() ? cname : cc) + " " + key_of(head_b, hend);
            ent = entity(mint_iri(opt_.base_iri, ActorType::Government, key), ActorType::Government,
                         surface(i, hend));
        } else {
            std::string key = group_key(text(i), cues_);
            ent = entity(mint_iri(opt_.base_iri, ActorType::ArmedGroup, key), ActorType::ArmedGroup,
                         surface(i, hend));
            group_key_of_entity_[ent] = key;
            predicate = "affiliatedWith";
        }
        if (!ref.adjective) mention(i, ref.name_end, country, MentionKind::Name, false);
        mention(i, hend, ent, MentionKind::Name);
        link(ent, country, predicate, "actors:country-" + role);
    }

    /// A country and an agent noun of a dictionary: the body the agent's code names
    /// (GOV → the government, MIL → the military, COP → the police …), an armed group of
    /// the country (REB), or another organisation of it (OPP, MED …).
    void apply_country_agent(std::size_t i, const CountryRef& ref, std::size_t hend, const std::string& code) {
        const CodeMeaning roles = idx_.role_meaning(code);
        std::size_t country = country_entity(ref.gaz);
        if (!ref.adjective) mention(i, ref.name_end, country, MentionKind::Name, false);
        if (roles.sector) {
            CodeMeaning m = roles;
            m.country = ref.gaz;
            mention(i, hend, sector_entity(m, surface(i, hend)), MentionKind::Name);
            return;
        }
        const auto& c = idx_.entry(ref.gaz);
        std::string key = (c.country_code.empty() ? c.label : c.country_code) + " " + lower(roles.role);
        const ActorType t = roles.type == ActorType::Actor ? ActorType::Organization : roles.type;
        std::size_t ent = entity(mint_iri(opt_.base_iri, t, key), t, surface(i, hend));
        if (t == ActorType::ArmedGroup) group_key_of_entity_[ent] = key;
        mention(i, hend, ent, MentionKind::Name);
        link(ent, country, "affiliatedWith", "actors:dictionary-agent");
    }

    /// An agent noun, then "of", "in" or "from" and a country: "the government of
    /// Gondor", "soldiers from Gondor", "human rights activists in Arnor".
    void agent_pattern(std::size_t i, std::vector<Match>& out) {
        std::size_t j = i;
        if (is(j, "the")) ++j;
        while (is(j, "former") || is(j, "senior") || is(j, "top")) ++j;
        auto ag = idx_.agent_at(doc_, j, sent_end_);
        if (!ag) return;
        const std::size_t hend = ag->first;
        bare_agent(i, j, hend, ag->second, out);
        // "in" says where, not whose, for forces ("1,000 fighters in Mali" are not Mali's);
        // "officials in Fornost", "activists in Arnor" are of the place.
        const CodeMeaning what = idx_.role_meaning(ag->second);
        const bool force = what.type == ActorType::Military || what.type == ActorType::ArmedGroup;
        if (!(is(hend, "of") || is(hend, "from") || (is(hend, "in") && !force))) return;
        std::size_t c = hend + 1;
        if (is(c, "the")) ++c;
        auto cr = country_ref_at(c);
        if (!cr || cr->adjective) return;
        const CountryRef ref = *cr;
        const std::string code = ag->second;
        Match m;
        m.end = ref.name_end;
        m.priority = 3;
        m.apply = [=, this]() {
            const CodeMeaning roles = idx_.role_meaning(code);
            std::size_t country = country_entity(ref.gaz);
            mention(c, ref.name_end, country, MentionKind::Name);
            if (roles.sector) {
                CodeMeaning cm = roles;
                cm.country = ref.gaz;
                mention(i, ref.name_end, sector_entity(cm, surface(i, ref.name_end)), MentionKind::Name);
            } else {
                const auto& ce = idx_.entry(ref.gaz);
                std::string key = (ce.country_code.empty() ? ce.label : ce.country_code) + " " + lower(roles.role);
                const ActorType t = roles.type == ActorType::Actor ? ActorType::Organization : roles.type;
                std::size_t ent = entity(mint_iri(opt_.base_iri, t, key), t, surface(i, hend));
                mention(i, hend, ent, MentionKind::Name);
                link(ent, country, "affiliatedWith", "actors:dictionary-agent");
            }
        };
        out.push_back(std::move(m));
    }

    /// A state body's agent noun alone ("riot police intervened", "the soldiers fired"):
    /// the body already called so in the article, else the main country's. Not after
    /// "a" or "one": that is one person or unit, not the body.
    void bare_agent(std::size_t i, std::size_t j, std::size_t hend, const std::string& code,
                    std::vector<Match>& out) {
        const CodeMeaning what = idx_.role_meaning(code);
        if (!what.sector || what.type == ActorType::Actor) return;
        // Counted soldiers are people ("killed four soldiers"), not the body.
        static const std::set<std::string> counts{
            "a", "an", "one", "each", "every", "another", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several", "some",
            "many", "few", "more", "most", "other", "no", "both", "these", "those"};
        if (i > doc_.sentences[sent_].tokens.first &&
            (counts.count(lower_[i - 1]) || doc_.tokens[i - 1].kind == TokenKind::Number || possessive(i - 1)))
            return;
        if (j > i && !is(i, "the")) return;
        // Where a subject starts: the sentence's start, "the", after a comma or a
        // conjunction ("…, riot police intervened"); not after a modifier ("mounted soldiers").
        if (j == i && i > doc_.sentences[sent_].tokens.first &&
            !(is(i - 1, ",") || is(i - 1, "and") || is(i - 1, "but") || is(i - 1, "while") ||
              is(i - 1, "when") || is(i - 1, "after") || is(i - 1, "as") || is(i - 1, "that") ||
              is(i - 1, "\"") || doc_.tokens[i - 1].kind == TokenKind::Punct))
            return;
        // A plural or "police": "military", "government" alone are modifiers as often
        // ("military cooperation") as bodies.
        const std::string& last = lower_[hend - 1];
        if (!(last == "police" || (last.size() > 3 && last.back() == 's'))) return;
        Match m;
        m.end = hend;
        m.priority = 0;
        const ActorType t = what.type;
        m.apply = [=, this]() {
            defer(Pending::Description, i, hend, {t}, key_of(j, hend));
            pending_.back().relation = "agent";
        };
        out.push_back(std::move(m));
    }

    void group_pattern(std::size_t i, std::vector<Match>& out) {
        // [Modifier] [mods] group head: "Tuareg-led rebels", "Islamist insurgency",
        // "jihadist rebellions", "Tuareg separatist and jihadist rebellions".
        if (!word(i) || claimed_[i]) return;
        std::string key;
        if (cap_[i] && !stop(i) && !idx_.by_name(lower_[i]) && !idx_.by_adjective(lower_[i]))
            key = group_key(text(i), cues_);
        else if (!cap_[i] && !cues_.role(lower_[i], "synonym").empty())
            key = cues_.role(lower_[i], "synonym");
        if (key.empty()) {
            generic_group(i, out);
            return;
        }
        // Skip up to three modifiers ("separatist", "armed") and coordinated modifiers.
        std::size_t h = i + 1;
        for (int n = 0; n < 3 && word(h) && !cue_at(h, "group_head"); ++n) {
            if (!is_alpha_word(lower_[h]) || cap_[h] || is_verbish(h)) break;
            ++h;
        }
        if (auto head = cue_at(h, "group_head")) {
            std::size_t hend = head->first;
            Match m;
            m.end = hend;
            m.priority = 3;
            m.apply = [=, this]() { mention(i, hend, group_entity(key, i, hend), MentionKind::Name); };
            out.push_back(std::move(m));
        } else if (cap_[i] && !cues_.role(lower_[i], "synonym").empty()) {
            // "Islamists" alone.
            Match m;
            m.end = i + 1;
            m.priority = 1;
            m.apply = [=, this]() { mention(i, i + 1, group_entity(key, i, i + 1), MentionKind::Name); };
            out.push_back(std::move(m));
        }
    }

    /// Lower-case group phrases: "the rebel alliance led by ethnic Tuaregs" (keyed by who
    /// leads it), "armed terrorist groups" (keyed by the phrase), and bare "the rebel
    /// alliance" (resolved later to the armed group in focus).
    void generic_group(std::size_t i, std::vector<Match>& out) {
        std::size_t j = i;
        if (is(j, "the")) ++j;
        static const std::set<std::string> mods{"rebel", "armed", "terrorist", "militant",
                                                "extremist", "separatist", "criminal", "jihadist"};
        std::size_t h = j;
        while (h < sent_end_ && h - j < 3 && word(h) && mods.count(lower_[h]) && !cue_at(h, "group_head")) ++h;
        auto head = cue_at(h, "group_head");
        if (!head) return;
        const std::size_t hend = head->first;
        // "… led by (ethnic) Tuaregs"
        if ((is(hend, "led") || is(hend, "backed") || is(hend, "dominated")) && is(hend + 1, "by")) {
            std::size_t n = hend + 2;
            if (is(n, "ethnic")) ++n;
            if (word(n) && cap_[n] && !claimed_[n]) {
                std::string gkey = group_key(text(n), cues_);
                std::size_t nend = n + 1;
                Match m;
                m.end = nend;
                m.priority = 3;
                m.apply = [=, this]() { mention(i, nend, group_entity(gkey, i, nend), MentionKind::Description); };
                out.push_back(std::move(m));
            }
        }
        if (h > j && !is(i, "the") && (lower_[h] == "groups" || lower_[hend - 1] == "groups")) {
            // An indefinite plural such as "armed terrorist groups" names its own actor.
            std::string gkey = key_of(j, hend);
            Match m;
            m.end = hend;
            m.priority = 2;
            m.apply = [=, this]() { mention(i, hend, group_entity(gkey, i, hend), MentionKind::Name); };
            out.push_back(std::move(m));
            return;
        }
        if (h == j && !is(i, "the")) return; // a bare "alliance" or "fighters" is no actor
        Match m;
        m.end = hend;
        m.priority = 1;
        m.apply = [=, this]() { defer(Pending::Description, i, hend, {ActorType::ArmedGroup}, lower_[hend - 1]); };
        out.push_back(std::move(m));
    }

    std::size_t group_entity(const std::string& key, std::size_t b, std::size_t e) {
        std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::ArmedGroup, key),
                                 ActorType::ArmedGroup, surface(b, e));
        group_key_of_entity_[ent] = key;
        return ent;
    }

    void description_pattern(std::size_t i, std::vector<Match>& out) {
        // "the junta", "the mission", "the military", "the West African nation".
        if (!is(i, "the") && !(word(i) && cap_[i] && !idx_.by_name(lower_[i]))) return;
        std::size_t j = i;
        if (is(j, "the")) ++j;
        // Region words before a country noun: "West African", "Gulf", "Horn of Africa".
        std::size_t caps = j;
        while (caps < sent_end_ && caps - j < 3 && word(caps) && cap_[caps] && !claimed_[caps] &&
               !idx_.by_name(lower_[caps]))
            ++caps;
        if (caps > j) {
            if (auto c = cue_at(caps, "country_noun")) {
                std::size_t hend = c->first;
                Match m;
                m.end = hend;
                m.priority = 2;
                m.apply = [=, this]() { defer(Pending::Description, i, hend, {ActorType::Country}, "country"); };
                out.push_back(std::move(m));
            }
            return;
        }
        if (!is(i, "the")) return;
        // Skip adjectives such as "regional", "military", "UN-led"? keep to one lowercase word.
        for (std::size_t skip = 0; skip <= 1; ++skip) {
            std::size_t k = j + skip;
            if (skip == 1 && (!word(j) || cap_[j] || is_verbish(j))) break;
            struct Head {
                const char* role;
                std::vector<ActorType> types;
            };
            const Head heads[] = {
                {"government_head", {ActorType::Government}},
                {"military_head", {ActorType::Military}},
                {"subunit_head", {ActorType::Organization}},
                {"group_head", {ActorType::ArmedGroup}},
                {"country_noun", {ActorType::Country}},
            };
            for (const auto& hd : heads) {
                auto c = cue_at(k, hd.role);
                if (!c) continue;
                // "the forces" after "its": not here; "the troops" are ambiguous between
                // military and mission: allow both.
                std::vector<ActorType> types = hd.types;
                std::string head = key_of(k, c->first);
                if (std::string(hd.role) == "military_head" && (head == "troops" || head == "forces"))
                    types.push_back(ActorType::Organization);
                std::size_t hend = c->first;
                // "the authorities of Niger", "the armed forces of Niger": a country's body.
                if ((std::string(hd.role) == "government_head" || std::string(hd.role) == "military_head") &&
                    is(hend, "of")) {
                    if (auto cr = country_ref_at(hend + 1); cr && !cr->adjective) {
                        const CountryRef ref = *cr;
                        const std::string role(hd.role);
                        Match mc;
                        mc.end = ref.name_end;
                        mc.priority = 3;
                        mc.apply = [=, this]() {
                            const ActorType t = role == "government_head" ? ActorType::Government : ActorType::Military;
                            const std::string cc = country_code(ref.gaz);
                            std::size_t country = country_entity(ref.gaz);
                            std::size_t body = entity(mint_iri(opt_.base_iri, t, cc.empty() ? idx_.entry(ref.gaz).label : cc),
                                                      t, surface(i, ref.name_end));
                            mention(hend + 1, ref.name_end, country, MentionKind::Name);
                            mention(i, ref.name_end, body, MentionKind::Name);
                            link(body, country, "partOf", "actors:country-" + role);
                        };
                        out.push_back(std::move(mc));
                    }
                }
                Match m;
                m.end = hend;
                m.priority = 1;
                m.apply = [=, this]() { defer(Pending::Description, i, hend, types, head); };
                out.push_back(std::move(m));
            }
            for (std::string_view bloc : {"bloc", "organization", "organisation", "body", "union"}) {
                if (is(k, bloc)) {
                    Match m;
                    m.end = k + 1;
                    m.priority = 1;
                    m.apply = [=, this]() {
                        defer(Pending::Description, i, k + 1, {ActorType::Organization}, std::string(bloc));
                    };
                    out.push_back(std::move(m));
                }
            }
        }
    }

    void defer(Pending::Kind kind, std::size_t b, std::size_t e, std::vector<ActorType> types,
               std::string head) {
        pending_.push_back(Pending{kind, TokenRange{b, e}, sent_, std::move(types), std::move(head), "", npos, ""});
        for (std::size_t q = b; q < e; ++q) claimed_[q] = true;
    }

    void pronoun_pattern(std::size_t i, std::vector<Match>& out) {
        if (!(is(i, "it") || is(i, "its") || is(i, "they") || is(i, "their") || is(i, "he") ||
              is(i, "she") || is(i, "his") || is(i, "her")))
            return;
        Match m;
        m.end = i + 1;
        m.priority = 0;
        m.apply = [=, this]() {
            std::vector<ActorType> types;
            const std::string& w = lower_[i];
            if (w == "he" || w == "she" || w == "his" || w == "her")
                types = {ActorType::Person};
            else if (w == "it" || w == "its")
                types = {ActorType::Organization, ActorType::Government, ActorType::Country,
                         ActorType::Military, ActorType::ArmedGroup};
            else
                types = {ActorType::ArmedGroup, ActorType::Military, ActorType::Organization,
                         ActorType::Government, ActorType::Country};
            pending_.push_back(Pending{Pending::Pronoun, TokenRange{i, i + 1}, sent_, types, w, "", npos, ""});
            claimed_[i] = true;
        };
        out.push_back(std::move(m));
    }

    /// An unknown capitalised name, typed by its context.
    void unknown_name(std::size_t i, std::vector<Match>& out) {
        if (!name_token(i)) return;
        if (idx_.by_name(lower_[i]) || idx_.by_adjective(lower_[i])) return;
        if (cues_.by_word.count(lower_[i]) && !cues_.has_role(lower_[i], "org_suffix")) return;
        std::size_t j = i;
        while (j < sent_end_) {
            if (name_token(j) || (j > i && doc_.tokens[j].kind == TokenKind::Number && cap_[j - 1])) {
                ++j;
                continue;
            }
            // "of"/"for"/"and"/"the" continue a name after a name noun ("Democratic Forces
            // for the Liberation of Rwanda", "Ministry of Foreign Affairs").
            if (j > i && (is(j, "of") || is(j, "for") || is(j, "and") || is(j, "the") || is(j, "on")) &&
                cues_.has_role(lower_[j - 1], "name_noun")) {
                std::size_t k = j + 1;
                while (is(k, "the") || is(k, "for") || is(k, "of")) ++k;
                if (word(k) && cap_[k] && !stop(k)) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        const std::size_t end = j;
        const bool sentence_initial = i == doc_.sentences[sent_].tokens.first ||
                                      (i > 0 && (is(i - 1, "\"") || text(i - 1) == "\xE2\x80\x9C"));
        const bool heading = doc_.sentences[sent_].heading;
        if (cues_.not_actors.count(key_of(i, end))) return;
        // A platform the actor speaks through ("posted on Truth Social") is not an actor.
        if (i >= doc_.sentences[sent_].tokens.first + 2 && cues_.has_role(key_of(i - 2, i), "media_cue")) return;
        // "Government", "Army", "Forces" alone are descriptions, not names.
        bool all_cues = true;
        for (std::size_t k = i; k < end; ++k)
            if (!cues_.by_word.count(lower_[k])) all_cues = false;
        if (all_cues) return;
        ActorType type = ActorType::Actor;
        // The last organisation word of the name types it ("Commission of Inquiry on …").
        std::string suffix_type;
        for (std::size_t k = i; k < end; ++k)
            if (auto t = cues_.role(lower_[k], "org_suffix"); !t.empty()) suffix_type = t;
        if (!suffix_type.empty()) {
            type = *actor_type_from_string(suffix_type);
        } else if (idx_.by_name(lower_[i]) ||
                   (end - i > 2 && idx_.by_name(key_of(i, i + 2)))) {
            // A longer name that starts with an organisation's ("United Nations Human Rights").
            type = ActorType::Organization;
        } else if (i > doc_.sentences[sent_].tokens.first) {
            std::size_t p = i - 1;
            if (cues_.has_role(lower_[p], "place_cue") ||
                (p > 0 && cues_.has_role(key_of(p - 1, p + 1), "place_cue")))
                type = ActorType::Location;
        }
        const bool all_caps = end - i == 1 && is_all_caps(text(i));
        // The statistical recogniser, when there is one, decides what the rules can only
        // guess: whether a run of capitalised words is a name at all, and of what.
        const NameProposals::Proposal* proposal = names_.active() ? names_.overlapping(i, end) : nullptr;
        if (type == ActorType::Actor) {
            if (end - i >= 2 && !heading) {
                if (names_.active() && !proposal) return; // "Common Sense", "Prime Ministers"
                type = proposal ? NameProposals::actor_type(proposal->type) : ActorType::Person;
            } else if (end - i >= 2 && heading) {
                return; // Title Case headings capitalise everything
            }
        }
        // A single unknown word the model takes for a name: its type, should nothing in
        // the article resolve it better (a surname, a group, an acronym).
        std::vector<ActorType> model_type;
        // Not after an opening quote, where imperatives stand capitalised ("Withdraw all …").
        const bool after_quote = i > doc_.sentences[sent_].tokens.first && sentence_initial;
        if (end - i == 1 && proposal && proposal->tokens.first == i && proposal->tokens.last == end &&
            !heading && !after_quote && !dateline(i))
            model_type.push_back(NameProposals::actor_type(proposal->type));
        // A capitalised first word is only an actor when it is a surname met elsewhere.
        const bool only_surname = sentence_initial && end - i == 1 && type == ActorType::Actor;
        Match m;
        m.end = end;
        m.priority = 0;
        m.apply = [=, this]() {
            if (type == ActorType::Actor) {
                // A single unknown word: a surname of a person named elsewhere, a group
                // modifier, or an acronym; decided once the whole article is read.
                pending_.push_back(Pending{Pending::Unknown, TokenRange{i, end}, sent_, model_type, "",
                                           lower_[i], npos,
                                           only_surname ? "surname" : all_caps ? "acronym" : ""});
                claimed_[i] = true;
                return;
            }
            std::string key = key_of(i, end);
            std::size_t ent = entity(mint_iri(opt_.base_iri, type, key), type, surface(i, end));
            mention(i, end, ent, all_caps ? MentionKind::Acronym : MentionKind::Name);
            expand_parenthesised_acronym(end, ent);
        };
        out.push_back(std::move(m));
    }

    // ---- resolution after the scan -------------------------------------------------------
    /// Misspelt acronyms: an unknown all-capitals word one edit away from the acronym of an
    /// actor already found (MIMUSMA → MINUSMA). Never across two gazetteer actors.
    void resolve_acronym_spellings() {
        for (auto& p : pending_) {
            if (p.kind != Pending::Unknown || p.relation != "acronym") continue;
            std::string t(doc_.token_text(p.range.first));
            if (t.size() < 4) continue;
            std::size_t best = npos;
            for (std::size_t e = 0; e < x_.entities.size(); ++e) {
                if (gaz_of_entity_[e] == npos) continue;
                for (const auto& a : idx_.entry(gaz_of_entity_[e]).acronyms)
                    if (a.size() >= 4 && edit_distance(t, a) <= (a.size() >= 7 ? 2u : 1u)) best = e;
            }
            if (best == npos) {
                for (const auto& [acr, hits] : idx_.acronyms())
                    if (acr.size() >= 5 && edit_distance(t, acr) <= 1 && hits.size() == 1) {
                        best = gaz_entity(hits.front());
                        break;
                    }
            }
            if (best != npos) {
                sent_ = p.sentence;
                mention(p.range.first, p.range.last, best, MentionKind::Acronym);
                p.kind = Pending::Description;
                p.types.clear(); // done
                p.head = "#done";
            }
        }
    }

    /// Mentions before token `pos` (in document order), most recent first.
    std::vector<std::size_t> mentions_before(std::size_t pos) const {
        std::vector<std::size_t> out;
        for (std::size_t m = 0; m < x_.mentions.size(); ++m)
            if (x_.mentions[m].tokens.first < pos && x_.mentions[m].kind != MentionKind::Pronoun)
                out.push_back(m);
        std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            return x_.mentions[a].tokens.first > x_.mentions[b].tokens.first;
        });
        return out;
    }

    std::size_t entity_index(const EntityId& id) const {
        for (std::size_t e = 0; e < x_.entities.size(); ++e)
            if (x_.entities[e].id == id) return e;
        return npos;
    }

    bool type_ok(std::size_t e, const std::vector<ActorType>& types) const {
        return std::find(types.begin(), types.end(), x_.entities[e].type) != types.end();
    }

    /// Does a description's head fit this entity ("mission" fits MINUSMA, not the UN)?
    bool head_fits(std::size_t e, const Pending& p) const {
        const auto& ent = x_.entities[e];
        if (ent.type == ActorType::Organization) {
            bool subunit = gaz_of_entity_[e] != npos ? is_subunit_entry(idx_.entry(gaz_of_entity_[e]))
                                                     : lower(ent.label).find("mission") != std::string::npos ||
                                                           lower(ent.label).find("force") != std::string::npos;
            if (p.head == "mission" || p.head == "force" || p.head == "peacekeepers" ||
                p.head == "troops" || p.head == "forces" || p.head == "operation" ||
                p.head == "peacekeeping mission" || p.head == "peacekeeping force")
                return subunit;
            return !subunit;
        }
        return true;
    }

    void resolve_pending() {
        std::sort(pending_.begin(), pending_.end(),
                  [](const Pending& a, const Pending& b) { return a.range.first < b.range.first; });
        for (auto& p : pending_) {
            if (p.head == "#done") continue;
            sent_ = p.sentence;
            sent_end_ = doc_.sentences[p.sentence].tokens.last;
            switch (p.kind) {
            case Pending::Unknown: resolve_unknown(p); break;
            case Pending::Rebel: {
                // "Rebel spokesperson": the armed group called rebels, else the one in focus.
                std::size_t g = npos;
                for (std::size_t e = 0; e < x_.entities.size() && g == npos && p.types.front() == ActorType::ArmedGroup; ++e) {
                    if (x_.entities[e].type != ActorType::ArmedGroup) continue;
                    for (std::size_t m : x_.entities[e].mentions)
                        if (lower(doc_.slice(x_.mentions[m].span)).find("rebel") != std::string::npos)
                            g = e;
                }
                if (g == npos) g = salient(p, p.types, 12);
                if (g != npos) {
                    mention(p.range.first, p.range.last, g, MentionKind::Description, false);
                    link(p.person, g, p.relation, "actors:title-of-group");
                }
                break;
            }
            case Pending::Description: {
                // A bare agent noun takes only a body already called so ("police").
                std::size_t e = p.types.front() == ActorType::Country ? main_country(p.range.first)
                                : p.relation == "agent"               ? salient(p, p.types, 30, true)
                                                                      : salient(p, p.types, 30);
                if (e == npos && (p.types.front() == ActorType::Government || p.types.front() == ActorType::Military))
                    e = government_of_main_country(p);
                if (e != npos) mention(p.range.first, p.range.last, e, MentionKind::Description);
                break;
            }
            case Pending::Pronoun: {
                std::size_t e = pronoun_antecedent(p);
                if (e != npos) mention(p.range.first, p.range.last, e, MentionKind::Pronoun);
                break;
            }
            }
        }
    }

    /// The country the article is about so far: the most mentioned before `pos` (the most
    /// recent on ties). "The West African nation" in news is the article's main country.
    std::size_t main_country(std::size_t pos) const {
        std::map<std::size_t, std::pair<int, std::size_t>> seen; // entity → (count, last pos)
        for (const auto& m : x_.mentions) {
            if (m.tokens.first >= pos) continue;
            std::size_t e = entity_index(m.entity);
            if (e == npos || x_.entities[e].type != ActorType::Country) continue;
            auto& s = seen[e];
            s.first++;
            s.second = std::max(s.second, m.tokens.first);
        }
        std::size_t best = npos;
        std::pair<int, std::size_t> best_v{0, 0};
        for (const auto& [e, v] : seen)
            if (v > best_v) {
                best_v = v;
                best = e;
            }
        return best;
    }

    /// "The government said", "the army said" with no such actor yet: the government or
    /// military of the article's main country.
    std::size_t government_of_main_country(const Pending& p) {
        std::size_t c = main_country(p.range.first);
        if (c == npos || gaz_of_entity_[c] == npos) return npos;
        const std::string cc = x_.entities[c].country_code;
        if (cc.empty()) return npos;
        const ActorType t = p.types.front();
        std::size_t e = entity(mint_iri(opt_.base_iri, t, cc), t, std::string(doc_.range_text(p.range)));
        link(e, c, "partOf", t == ActorType::Government ? "actors:government-of-main-country"
                                                          : "actors:military-of-main-country");
        return e;
    }

    /// The most recent compatible entity within `window` sentences before the mention.
    std::size_t salient(const Pending& p, const std::vector<ActorType>& types, std::size_t window,
                        bool same_head_only = false) {
        // First an actor already called by the same head noun ("the alliance" → the one
        // named "… alliance"), then any compatible actor, most recent first.
        const std::string head = p.head.substr(p.head.rfind(' ') == std::string::npos ? 0 : p.head.rfind(' ') + 1);
        for (std::size_t m : mentions_before(p.range.first)) {
            const auto& mm = x_.mentions[m];
            if (mm.sentence + window < p.sentence) break;
            std::size_t e = entity_index(mm.entity);
            if (e == npos || !type_ok(e, types) || !head_fits(e, p)) continue;
            if (head.size() > 3 && lower(doc_.slice(mm.span)).find(head) != std::string::npos) return e;
        }
        if (same_head_only) return npos;
        for (std::size_t m : mentions_before(p.range.first)) {
            const auto& mm = x_.mentions[m];
            if (mm.sentence + window < p.sentence) break;
            std::size_t e = entity_index(mm.entity);
            if (e == npos || !type_ok(e, types) || !head_fits(e, p)) continue;
            return e;
        }
        return npos;
    }

    /// Subject-first salience: the first actor of this sentence when the pronoun is not
    /// itself first, else the first compatible actor of the previous sentences.
    std::size_t pronoun_antecedent(const Pending& p) {
        auto first_in = [&](std::size_t s, std::size_t before) -> std::size_t {
            std::size_t best = npos, best_pos = npos;
            for (const auto& mm : x_.mentions) {
                if (mm.sentence != s || mm.kind == MentionKind::Pronoun || mm.tokens.first >= before) continue;
                std::size_t e = entity_index(mm.entity);
                if (e == npos || !type_ok(e, p.types)) continue;
                if (mm.tokens.first < best_pos) {
                    best_pos = mm.tokens.first;
                    best = e;
                }
            }
            return best;
        };
        std::size_t e = first_in(p.sentence, p.range.first);
        if (e != npos) return e;
        for (std::size_t back = 1; back <= 2 && back <= p.sentence; ++back) {
            e = first_in(p.sentence - back, static_cast<std::size_t>(-1));
            if (e != npos) return e;
        }
        return npos;
    }

    void resolve_unknown(Pending& p) {
        const std::string& k = p.key;
        // A surname or first name of a person named in the article.
        for (std::size_t e = 0; e < x_.entities.size(); ++e) {
            const auto& ent = x_.entities[e];
            if (ent.type != ActorType::Person) continue;
            std::string l = lower(ent.label);
            std::size_t sp = l.rfind(' ');
            if (sp != std::string::npos && (l.substr(sp + 1) == k || l.substr(0, l.find(' ')) == k)) {
                mention(p.range.first, p.range.last, e, MentionKind::Name);
                return;
            }
        }
        if (p.relation == "surname") return model_name(p);
        // A group modifier used alone ("the Tuaregs").
        std::string gk = group_key(doc_.token_text(p.range.first), cues_);
        // A plural demonym ("Palestinians") names people, not an armed group.
        if (idx_.by_adjective(gk) || idx_.by_adjective(k)) return;
        for (std::size_t e = 0; e < x_.entities.size(); ++e)
            if (group_key_of_entity_[e] == gk && !gk.empty()) {
                mention(p.range.first, p.range.last, e, MentionKind::Name);
                return;
            }
        // An unknown acronym names an organisation ("SSRC"), when it is not a unit or code.
        if (p.relation == "acronym") {
            std::string t(doc_.token_text(p.range.first));
            if (t.size() >= 3 && t.size() <= 8) {
                std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Organization, k),
                                         ActorType::Organization, t);
                mention(p.range.first, p.range.last, ent, MentionKind::Acronym);
                return;
            }
        }
        model_name(p);
    }

    /// An unknown word the statistical recogniser took for a name, nothing else claiming it.
    void model_name(const Pending& p) {
        if (p.types.empty()) return;
        // A word the article names an actor by elsewhere is that actor ("Ber" found by a
        // place cue before), whatever type the model would give it here.
        for (const auto& m : x_.mentions)
            if (m.kind == MentionKind::Name && m.tokens.size() == 1 && lower_[m.tokens.first] == p.key) {
                mention(p.range.first, p.range.last, entity_index(m.entity), MentionKind::Name);
                return;
            }
        const ActorType t = p.types.front();
        const std::string word(doc_.token_text(p.range.first));
        const std::size_t ent = entity(mint_iri(opt_.base_iri, t, p.key), t, word);
        mention(p.range.first, p.range.last, ent, is_all_caps(word) ? MentionKind::Acronym : MentionKind::Name);
    }

    /// A dateline's place: a word in capitals that opens a sentence before a dash or a
    /// comma ("BAMAKO —", "KYIV,").
    bool dateline(std::size_t i) const {
        if (i != doc_.sentences[sent_].tokens.first || !is_all_caps(text(i))) return false;
        const std::size_t n = i + 1;
        return n < sent_end_ && (is(n, "-") || is(n, ",") || text(n) == "\xE2\x80\x94" || text(n) == "\xE2\x80\x93");
    }

    /// Moves every mention and link of entity `from` to `to`.
    void merge_into(std::size_t from, std::size_t to) {
        for (std::size_t m : x_.entities[from].mentions) {
            x_.mentions[m].entity = x_.entities[to].id;
            x_.entities[to].mentions.push_back(m);
        }
        x_.entities[from].mentions.clear();
        for (auto* links : {&links_, &pending_links_})
            for (auto& l : *links) {
                if (l.subject == from) l.subject = to;
                if (l.object == from) l.object = to;
            }
    }

    /// "Mr. Laurence" or "Laurence" is the Jeremy Laurence the article names, when exactly
    /// one person of the article has that surname (or first name).
    void merge_surnames() {
        for (std::size_t e = 0; e < x_.entities.size(); ++e) {
            auto& one = x_.entities[e];
            if (one.type != ActorType::Person || one.from_gazetteer || one.mentions.empty() ||
                one.label.find(' ') != std::string::npos)
                continue;
            const std::string name = lower(one.label);
            std::size_t target = npos, count = 0;
            for (std::size_t f = 0; f < x_.entities.size(); ++f) {
                const auto& full = x_.entities[f];
                if (f == e || full.type != ActorType::Person || full.mentions.empty()) continue;
                std::string l = lower(full.label);
                auto sp = l.rfind(' ');
                if (sp == std::string::npos) continue;
                if (l.substr(sp + 1) == name || l.substr(0, l.find(' ')) == name) {
                    target = f;
                    ++count;
                }
            }
            if (count == 1) merge_into(e, target);
        }
    }

    /// The outermost mentions of a sentence in text order (a multi-word actor is one unit).
    std::vector<std::size_t> outer_mentions(std::size_t sentence) const {
        std::vector<std::size_t> ms;
        for (std::size_t m = 0; m < x_.mentions.size(); ++m)
            if (x_.mentions[m].sentence == sentence) ms.push_back(m);
        std::sort(ms.begin(), ms.end(), [&](std::size_t a, std::size_t b) {
            const auto &ma = x_.mentions[a], &mb = x_.mentions[b];
            if (ma.tokens.size() != mb.tokens.size()) return ma.tokens.size() > mb.tokens.size();
            return ma.tokens.first < mb.tokens.first;
        });
        std::vector<std::size_t> out;
        for (std::size_t m : ms) {
            bool overlaps = false;
            for (std::size_t o : out)
                if (x_.mentions[m].tokens.first < x_.mentions[o].tokens.last &&
                    x_.mentions[o].tokens.first < x_.mentions[m].tokens.last)
                    overlaps = true;
            if (!overlaps) out.push_back(m);
        }
        std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            return x_.mentions[a].tokens.first < x_.mentions[b].tokens.first;
        });
        return out;
    }

    std::string title_relation(std::size_t b, std::size_t e) const {
        std::string kind;
        for (std::size_t k = b; k < e; ++k) {
            if (cues_.has_role(lower_[k], "spokes_title")) return "spokespersonOf";
            if (cues_.has_role(lower_[k], "leader_title")) kind = "leaderOf";
            else if (kind.empty() && cues_.has_role(lower_[k], "title")) kind = "affiliatedWith";
        }
        return kind;
    }

    /// Standing relations stated by appositions and reduced clauses around people:
    ///   "Jane Doe, for the UN Refugee Agency, said"         → spokespersonOf
    ///   "President Jane Doe of Chad"                         → affiliatedWith
    ///   "Jane Doe, the junta's spokesman," / "its spokeswoman, Jane Doe"  → by title
    ///   "the delegation, led by Jane Doe"                    → leaderOf
    void appositions() {
        for (std::size_t s = 0; s < doc_.sentences.size(); ++s) {
            sent_ = s;
            sent_end_ = doc_.sentences[s].tokens.last;
            auto ms = outer_mentions(s);
            auto ent = [&](std::size_t m) { return entity_index(x_.mentions[m].entity); };
            auto is_person = [&](std::size_t m) {
                std::size_t e = ent(m);
                return e != npos && x_.entities[e].type == ActorType::Person;
            };
            for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
                const auto& a = x_.mentions[ms[k]];
                const auto& b = x_.mentions[ms[k + 1]];
                std::size_t gap_b = a.tokens.last, gap_e = b.tokens.first;
                auto gap_is = [&](std::initializer_list<std::string_view> words) {
                    if (gap_e - gap_b != words.size()) return false;
                    std::size_t i = gap_b;
                    for (auto w : words)
                        if (lower_[i++] != w) return false;
                    return true;
                };
                if (is_person(ms[k]) && !is_person(ms[k + 1])) {
                    if (gap_is({",", "for"}) || gap_is({",", "for", "the"}))
                        link(ent(ms[k]), ent(ms[k + 1]), "spokespersonOf", "actors:apposition-for");
                    else if (gap_is({"of"}) && x_.entities[ent(ms[k + 1])].type == ActorType::Country)
                        link(ent(ms[k]), ent(ms[k + 1]), "affiliatedWith", "actors:person-of-country");
                    else if ((gap_is({","}) || gap_is({",", "the"})) && possessive(b.tokens.last)) {
                        // "Jane Doe, the junta's spokesman"
                        std::size_t t = b.tokens.last + 1, te = t;
                        while (te < sent_end_ && te - t < 4 && word(te) && !cap_[te]) ++te;
                        std::string rel = title_relation(t, te);
                        if (!rel.empty()) link(ent(ms[k]), ent(ms[k + 1]), rel, "actors:apposition-title");
                    }
                }
                if (!is_person(ms[k]) && is_person(ms[k + 1])) {
                    // "its spokeswoman, Jane Doe" / "the junta's spokesman, Jane Doe"
                    bool possessor = possessive(a.tokens.last) || a.kind == MentionKind::Pronoun;
                    std::size_t t = possessive(a.tokens.last) ? a.tokens.last + 1 : a.tokens.last;
                    if (possessor && gap_e > t && lower_[gap_e - 1] == ",") {
                        std::string rel = title_relation(t, gap_e - 1);
                        if (!rel.empty()) link(ent(ms[k + 1]), ent(ms[k]), rel, "actors:apposition-title");
                    }
                    // "the delegation, led by Jane Doe"
                    if (gap_is({",", "led", "by"}) || gap_is({"led", "by"}) || gap_is({",", "headed", "by"}) ||
                        gap_is({"headed", "by"}))
                        link(ent(ms[k + 1]), ent(ms[k]), "leaderOf", "actors:led-by");
                }
            }
        }
    }

    /// People of a dictionary hold a role on the article's date ("[USAGOV 20090120-
    /// 20170120]"): memberOf that body (leaderOf when a TSV role says "leader:GOV"),
    /// affiliatedWith the country for other roles (ELI: a former official).
    /// Stated only when the article names the person's country (or its body), so a
    /// passing name does not bring a government into the graph.
    void dictionary_roles() {
        for (std::size_t e = 0; e < x_.entities.size(); ++e) {
            if (gaz_of_entity_[e] == npos || x_.entities[e].mentions.empty()) continue;
            const auto& info = idx_.dictionary_info(gaz_of_entity_[e]);
            if (info.kind != ActorIndex::DictKind::Person || !info.record) continue;
            const DictionaryActor& rec = *info.record;
            const std::string& code = rec.code_at(doc_.published);
            CodeMeaning m = idx_.meaning(code);
            if (m.country == npos || !by_iri_.count(idx_.entry(m.country).iri)) continue;
            std::size_t country = country_entity(m.country);
            if (x_.entities[country].mentions.empty()) continue;
            sent_ = x_.mentions[x_.entities[e].mentions.front()].sentence;
            if (!m.sector) {
                link(e, country, "affiliatedWith", "dictionary:person-country");
                continue;
            }
            // CAMEO codes do not tell a head of government from a minister (both GOV):
            // leaderOf only where a TSV role says "leader:GOV".
            const std::string how = rec.role.rfind("leader", 0) == 0 ? "leaderOf" : "memberOf";
            std::size_t body = sector_entity(m, std::string(to_string(m.type)) + " of " + x_.entities[country].label);
            if (x_.entities[body].mentions.empty()) {
                // Named only through the person: give it the country's mention as where it
                // is stated, so it is kept.
                implied_.push_back(body);
            }
            link(e, body, how, "dictionary:person-role");
        }
    }

    void finish() {
        dictionary_roles();
        merge_surnames();
        appositions();
        // Labels: gazetteer label, else the most frequent name (longest on ties).
        for (std::size_t e = 0; e < x_.entities.size(); ++e) {
            auto& ent = x_.entities[e];
            std::map<std::string, int> counts, names;
            for (std::size_t m : ent.mentions) {
                const auto& mm = x_.mentions[m];
                if (mm.kind == MentionKind::Pronoun) continue;
                counts[std::string(doc_.slice(mm.span))]++;
                // Labels come from names; "the junta" labels an actor only when nothing
                // names it better.
                if (mm.kind != MentionKind::Description) names[std::string(doc_.slice(mm.span))]++;
            }
            if (!ent.from_gazetteer) {
                std::string best = ent.label;
                int best_n = 0;
                for (const auto& [form, n] : names.empty() ? counts : names) {
                    if (ent.type == ActorType::Person) {
                        if (form.size() > best.size() && form.find(' ') != std::string::npos &&
                            ent.label.find(' ') != std::string::npos && false)
                            best = form;
                        continue;
                    }
                    if (n > best_n || (n == best_n && form.size() > best.size())) {
                        best = form;
                        best_n = n;
                    }
                }
                ent.label = best;
                // A dictionary's actor: its primary name, as written, when the article uses it.
                if (gaz_of_entity_[e] != npos && (idx_.dictionary_info(gaz_of_entity_[e]).kind == ActorIndex::DictKind::Named ||
                                                  idx_.dictionary_info(gaz_of_entity_[e]).kind == ActorIndex::DictKind::Person)) {
                    const std::string primary = name_key(idx_.entry(gaz_of_entity_[e]).label);
                    for (const auto& [form, n] : counts)
                        if (name_key(form) == primary) ent.label = form;
                }
            }
            std::set<std::string> aliases;
            for (const auto& [form, n] : counts)
                if (form != ent.label) aliases.insert(form);
            ent.aliases.assign(aliases.begin(), aliases.end());
        }
        // Standing relations stated by the names themselves; gazetteer parents named in
        // the article too.
        for (std::size_t e = 0; e < x_.entities.size(); ++e) {
            if (gaz_of_entity_[e] == npos) continue;
            const auto& g = idx_.entry(gaz_of_entity_[e]);
            if (g.parent_iri.empty() || x_.entities[e].mentions.empty()) continue;
            // Membership facts the names themselves imply ("UN mission"); where an outlet is
            // based is not something the article states.
            if (g.parent_relation != "partOf" && g.parent_relation != "affiliatedWith" &&
                g.parent_relation != "memberOf" && !g.parent_relation.empty())
                continue;
            auto it = by_iri_.find(g.parent_iri);
            if (it == by_iri_.end()) continue;
            const auto& first = x_.mentions[x_.entities[e].mentions.front()];
            sent_ = first.sentence;
            link(e, it->second, g.parent_relation.empty() ? "partOf" : g.parent_relation,
                 "gazetteer:parent");
        }
        // An entity created on the way but never mentioned (a parent looked up for a
        // subunit, say) is not an actor of the article.
        std::vector<bool> keep(x_.entities.size());
        for (std::size_t e = 0; e < x_.entities.size(); ++e) keep[e] = !x_.entities[e].mentions.empty();
        for (std::size_t e : implied_) keep[e] = true;
        links_.insert(links_.end(), pending_links_.begin(), pending_links_.end());
        for (const auto& l : links_) {
            if (!keep[l.subject] || !keep[l.object]) continue;
            Relation r;
            r.subject = x_.entities[l.subject].id;
            r.object = x_.entities[l.object].id;
            r.predicate = l.predicate;
            const auto& sen = doc_.sentences[l.sentence];
            r.evidence.push_back(Evidence{doc_.id, l.sentence, sen.span, std::string(doc_.slice(sen.span))});
            r.rule = l.rule;
            r.confidence = l.rule == "gazetteer:parent" ? 0.95 : 0.9;
            if (doc_.published) r.date = doc_.published;
            bool dup = false;
            for (auto& other : x_.relations)
                if (other.subject == r.subject && other.object == r.object &&
                    other.predicate == r.predicate) {
                    dup = true;
                    if (other.evidence.front().sentence != l.sentence)
                        other.evidence.push_back(r.evidence.front());
                }
            if (!dup) x_.relations.push_back(std::move(r));
            // A country's government, army or ministry carries the country's code, so
            // exports can give its ISO code and pictures can cluster it with its country.
            Entity& part = x_.entities[l.subject];
            const Entity& whole = x_.entities[l.object];
            if (l.predicate == "partOf" && part.country_code.empty() && !whole.country_code.empty() &&
                whole.type == ActorType::Country &&
                (part.type == ActorType::Government || part.type == ActorType::Military))
                part.country_code = whole.country_code;
        }
        std::vector<Entity> kept;
        for (std::size_t e = 0; e < x_.entities.size(); ++e)
            if (keep[e]) kept.push_back(std::move(x_.entities[e]));
        x_.entities = std::move(kept);
    }
};

} // namespace

void find_actors(Extraction& extraction, const ActorIndex& index, const ActorOptions& options) {
    Recognizer(extraction, index, options).run();
}

} // namespace newskg
