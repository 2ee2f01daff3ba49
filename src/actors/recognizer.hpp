#pragma once
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
//
// The recogniser is one class, Recognizer, declared here and defined in the
// recognizer*.cpp files, one part of the work each.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <optional>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include "actors/name_proposals.hpp"
#include "actors/scan_index.hpp"
#include "newskg/actors/actors.hpp"

namespace newskg::recognition {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

inline bool is_upper_initial(std::string_view s) {
    if (s.empty()) return false;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

inline bool is_all_caps(std::string_view s) {
    int letters = 0;
    for (unsigned char c : s) {
        if (std::islower(c)) return false;
        if (std::isupper(c)) ++letters;
    }
    return letters >= 2;
}

inline bool is_alpha_word(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!(std::isalpha(c) || c == '-' || c >= 0x80)) return false;
    return true;
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Group key of an ethnic or ideological modifier: "Tuareg-led" and "Tuaregs" → "tuareg".
inline std::string group_key(std::string_view word, const ActorCues& cues) {
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
    enum Kind { Description, Pronoun, Surname, Unknown, Rebel, StateTitle } kind;
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
        lower_.reserve(n);
        cap_.resize(n);
        claimed_.assign(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            auto t = doc_.token_text(i);
            lower_.push_back(name_key(t));
            cap_[i] = doc_.tokens[i].kind == TokenKind::Word && is_upper_initial(t);
        }
        token_upos_.assign(doc_.words.empty() ? 0 : n, Tag());
        for (std::size_t w = doc_.words.size(); w-- > 0;)
            if (doc_.words[w].token < n) token_upos_[doc_.words[w].token] = doc_.words[w].upos;
        if (opt.names) names_ = NameProposals(doc_, *opt.names, idx_);
    }

    void run();

  private:
    Extraction& x_;
    const Document& doc_;
    const ActorIndex& idx_;
    const ActorCues& cues_;
    const ActorOptions& opt_;
    TokenKeys lower_;
    std::vector<bool> cap_;
    std::vector<bool> claimed_;
    std::vector<Tag> token_upos_; ///< the UPOS of each token's first syntactic word, "" none
    std::unordered_map<std::size_t, std::size_t> country_mention_at_; ///< first token → country entity
    std::map<std::string, std::size_t> by_iri_;
    std::vector<std::size_t> gaz_of_entity_; ///< gazetteer index or npos, per entity
    std::vector<std::string> group_key_of_entity_;
    std::vector<Pending> pending_;
    std::vector<StandingLink> links_;
    std::vector<StandingLink> pending_links_; ///< kept only when both ends are mentioned
    std::size_t sent_ = 0;
    /// End of the sentence read. Mutable so that main_country can read a mention in its
    /// own sentence whatever sentence the caller is in.
    mutable std::size_t sent_end_ = 0;
    std::vector<std::size_t> implied_; ///< entities kept without a mention (a person's body)
    NameProposals names_; ///< the statistical recogniser's names (inactive without a model)
    /// Built on first use: the article's token texts, for doc_mentions_acronym/_name.
    mutable std::optional<TokenTextIndex> token_texts_;
    const TokenTextIndex& token_texts() const {
        if (!token_texts_) token_texts_.emplace(doc_, lower_);
        return *token_texts_;
    }
    mutable SentenceMentions sentence_mentions_; ///< the mentions of each sentence
    /// Per entity, for person_by_title: the title words of the entity's mentions read so
    /// far (mentions are only appended; merge_into starts it over).
    struct TitleWords {
        std::size_t seen = 0;           ///< mentions of the entity read
        std::vector<std::string> words; ///< distinct
    };
    mutable std::vector<TitleWords> title_words_;
    /// For main_country: per country entity, the positions of the mentions that count,
    /// ascending; kept current with the mentions (merge_into starts it over).
    mutable std::map<std::size_t, std::vector<std::size_t>> country_positions_;
    mutable std::size_t country_indexed_ = 0; ///< mentions read into country_positions_

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

    std::string key_of(std::size_t b, std::size_t e) const;
    /// The key of tokens b..e with a possessive or apostrophe token glued to the word
    /// before and apostrophes dropped ("people 's" → "peoples"); empty when no token
    /// after the first starts with an apostrophe.
    std::string folded_key_of(std::size_t b, std::size_t e) const;
    std::string surface(std::size_t b, std::size_t e) const {
        return std::string(doc_.range_text(TokenRange{b, e}));
    }

    /// Longest cue starting at i with this role: (end, type) or nullopt.
    std::optional<std::pair<std::size_t, std::string>> cue_at(std::size_t i, std::string_view role) const;

    /// Longest gazetteer name starting at i (capitalised; acronyms with their exact case).
    std::optional<std::pair<std::size_t, std::size_t>> gazetteer_at( std::size_t i, std::optional<ActorType> only = std::nullopt) const;

    /// A country named by adjective ("Malian"), name ("Mali") or possessive ("Mali's").
    struct CountryRef {
        std::size_t end;       ///< after the reference (and its "'s")
        std::size_t gaz;       ///< gazetteer index of the country
        std::size_t name_end;  ///< end of the name itself (without "'s")
        bool adjective;
    };
    std::optional<CountryRef> country_ref_at(std::size_t i) const;

    // ---- entities and mentions ------------------------------------------------------
    std::size_t entity(const std::string& iri, ActorType type, const std::string& label, std::size_t gaz = npos);
    std::size_t gaz_entity(std::size_t g);
    /// A country's state body (government, military, police …) as a CodeMeaning names it:
    /// one node per country and body, the IRI minted as "Malian forces" mints it.
    std::size_t sector_entity(const CodeMeaning& m, const std::string& label);
    std::size_t country_entity(std::size_t g) { return gaz_entity(g); }
    std::string country_code(std::size_t g) const { return idx_.entry(g).country_code; }

    void mention(std::size_t b, std::size_t e, std::size_t ent, MentionKind kind, bool claim = true);
    void link(std::size_t s, std::size_t o, std::string predicate, std::string rule) {
        if (s == o) return;
        links_.push_back({s, o, std::move(predicate), sent_, std::move(rule)});
    }

    // ---- patterns -------------------------------------------------------------------
    void scan_sentence(std::size_t s);

    /// Tries every pattern at i; applies the longest; returns the token after it.
    std::size_t try_at(std::size_t i);

    /// Title words before a name: returns the end of the titles and the kind of title.
    std::optional<std::pair<std::size_t, std::string>> titles_at(std::size_t i) const;
    bool title_covers(std::size_t j, std::size_t end) const;

    /// A personal name: 1–4 capitalised words (initials and particles allowed inside).
    std::size_t person_name_end(std::size_t i) const;

    void title_person(std::size_t i, std::vector<Match>& out);

    /// "Secretary of Energy", "Minister of Foreign Affairs": a title naming its body.
    struct PortfolioTitle {
        std::size_t begin, end;              ///< the title word to the end of the portfolio
        std::size_t portfolio_b, portfolio_e; ///< "Energy", "Foreign Affairs"
        std::string head;                     ///< "secretary", "minister"
    };
    std::optional<PortfolioTitle> portfolio_title_at(std::size_t j) const;

    /// The person after a portfolio title, without the title in the name; leaderOf (or
    /// memberOf, for a deputy) the department or ministry the title names.
    void portfolio_person(std::size_t i, std::size_t owner_begin, std::optional<CountryRef> owner_country,
                          const PortfolioTitle& pt, std::vector<Match>& out);

    /// Is this gazetteer entry a mission or force (its own "mission" is itself)?
    bool is_subunit_entry(const GazetteerEntry& e) const;

    /// A country the entry works in, read from its names ("… Mission in Mali"), or npos.
    std::size_t country_in_names(const GazetteerEntry& e) const;

    /// The gazetteer child of `parent` that a subunit head ("UN mission") most likely means:
    /// one named in this article, else one working in a country the article names.
    std::size_t child_subunit(std::size_t parent_gaz);

    bool doc_mentions_acronym(const GazetteerEntry& e) const;
    bool doc_mentions_name(const GazetteerEntry& e) const;

    void gazetteer_pattern(std::size_t i, std::vector<Match>& out);

    /// "… Mission in Mali (MINUSMA)": the acronym in brackets after a name is the same actor.
    void expand_parenthesised_acronym(std::size_t after, std::size_t ent);

    /// The entity an all-capitals token names, given the organisation before it: exact
    /// gazetteer acronym, else a near-spelling of a child's acronym.
    std::size_t acronym_entity(std::string_view t, std::size_t parent_gaz);

    /// Rough test for a verb form, so modifiers do not swallow "… said", "… has".
    bool is_verbish(std::size_t k) const;

    void country_pattern(std::size_t i, std::vector<Match>& out);

    /// A capital city: after a place cue it is a place in its country ("talks in Abuja");
    /// elsewhere it stands for the country's government, as news uses it ("Moscow
    /// rejected the sanctions"), and is an alias of the country.
    void capital_pattern(std::size_t i, std::vector<Match>& out);

    void apply_country_head(std::size_t i, const CountryRef& ref, std::size_t cg, std::size_t head_b, std::size_t hend, const std::string& role);

    /// A country and an agent noun of a dictionary: the body the agent's code names
    /// (GOV → the government, MIL → the military, COP → the police …), an armed group of
    /// the country (REB), or another organisation of it (OPP, MED …).
    void apply_country_agent(std::size_t i, const CountryRef& ref, std::size_t hend, const std::string& code);

    /// An agent noun, then "of", "in" or "from" and a country: "the government of
    /// Gondor", "soldiers from Gondor", "human rights activists in Arnor".
    void agent_pattern(std::size_t i, std::vector<Match>& out);

    /// A state body's agent noun alone ("riot police intervened", "the soldiers fired"):
    /// the body already called so in the article, else the main country's. Not after
    /// "a" or "one": that is one person or unit, not the body.
    void bare_agent(std::size_t i, std::size_t j, std::size_t hend, const std::string& code, std::vector<Match>& out);

    void group_pattern(std::size_t i, std::vector<Match>& out);

    /// Lower-case group phrases: "the rebel alliance led by ethnic Tuaregs" (keyed by who
    /// leads it), "armed terrorist groups" (keyed by the phrase), and bare "the rebel
    /// alliance" (resolved later to the armed group in focus).
    void generic_group(std::size_t i, std::vector<Match>& out);

    std::size_t group_entity(const std::string& key, std::size_t b, std::size_t e);

    void description_pattern(std::size_t i, std::vector<Match>& out);
    /// Whether the tree hangs the word of this token on a noun after it (amod, compound).
    /// "Tutsi-led", "Iran-backed", "Soviet-style": a capitalised word joined by a hyphen
    /// to a lower-case one, which modifies the name after it and is no part of it.
    bool joined_modifier(std::size_t token) const;
    /// Links the actors of the current sentence named right after "X-backed" to X.
    void link_backers();
    bool modifies_next(std::size_t token) const;

    void defer(Pending::Kind kind, std::size_t b, std::size_t e, std::vector<ActorType> types, std::string head) {
        pending_.push_back(Pending{kind, TokenRange{b, e}, sent_, std::move(types), std::move(head), "", npos, ""});
        for (std::size_t q = b; q < e; ++q) claimed_[q] = true;
    }

    void pronoun_pattern(std::size_t i, std::vector<Match>& out);

    // ---- collective actors named by common nouns (recognizer_society.cpp) ---------------
    /// The universal tag of a token's first syntactic word ("" before the syntax stage).
    std::string_view upos_at(std::size_t i) const;
    /// "Israel's military campaign", "the Latvian military aid": a body's word the tagger
    /// reads as an adjective of the noun after it names no body.
    bool modifies_next_noun(std::size_t end) const {
        return end > 0 && end < sent_end_ && upos_at(end - 1) == "ADJ" && upos_at(end) == "NOUN";
    }

    /// "protesters" (one crowd per article), "the opposition" (of a country), the West.
    void society_pattern(std::size_t i, std::vector<Match>& out);

    /// The country whose opposition "the opposition" is.
    std::size_t opposition_country(std::size_t i);

    /// "the West", "Western governments" (one actor), "Western leaders" (its people).
    void west_pattern(std::size_t i, std::vector<Match>& out);

    /// "the prosecutor's office", "Arnorian prosecutors": a country's prosecution.
    void prosecutor_pattern(std::size_t i, std::vector<Match>& out);

    /// Does an event noun or a thing of a country follow within `within` nouns
    /// ("strikes", "missile factories", "vessels")? Then a demonym before it names the country.
    bool demonym_thing(std::size_t j, std::size_t within) const;
    /// Whether tokens [b, e) between a person and a body say the person is "of" it.
    bool of_a_body(std::size_t b, std::size_t e) const;
    static bool is_body(ActorType type);
    /// Whether the country adjective at token i modifies a noun that is a verb's subject,
    /// object or oblique ("seized a British tanker", "Chinese hackers targeted …").
    bool demonym_argument(std::size_t i) const;

    /// An unknown capitalised name, typed by its context.
    void unknown_name(std::size_t i, std::vector<Match>& out);

    // ---- resolution after the scan -------------------------------------------------------
    /// Misspelt acronyms: an unknown all-capitals word one edit away from the acronym of an
    /// actor already found (MIMUSMA → MINUSMA). Never across two gazetteer actors.
    void resolve_acronym_spellings();

    /// Mentions other than pronouns before the start of `p`, in its sentence and the
    /// `window` sentences before it, most recent first (ties in the order they were made).
    std::vector<std::size_t> mentions_before(const Pending& p, std::size_t window) const;

    std::size_t entity_index(const EntityId& id) const {
        // entity() names the entity at index i "e<i+1>": checked, then the scan as a fallback.
        if (id.value.size() > 1 && id.value[0] == 'e') {
            std::size_t n = 0;
            bool digits = true;
            for (std::size_t k = 1; k < id.value.size() && digits; ++k) {
                const char c = id.value[k];
                digits = c >= '0' && c <= '9';
                n = n * 10 + static_cast<std::size_t>(c - '0');
            }
            if (digits && n >= 1 && n <= x_.entities.size() && x_.entities[n - 1].id == id) return n - 1;
        }
        for (std::size_t e = 0; e < x_.entities.size(); ++e)
            if (x_.entities[e].id == id) return e;
        return npos;
    }

    /// The title words mention m carries: those of a title run ending where its name
    /// starts ("President Luis Arce"), of one its span begins with, and the words of an
    /// apposition after it ("Luis Arce, the country's president,").
    std::vector<std::string> title_words_of(const Mention& m) const;

    /// Does some name mention of person e carry `title` (title_words_of)?
    bool titled(std::size_t e, const std::string& title) const;

    bool type_ok(std::size_t e, const std::vector<ActorType>& types) const {
        return std::find(types.begin(), types.end(), x_.entities[e].type) != types.end();
    }

    /// Does a description's head fit this entity ("mission" fits MINUSMA, not the UN)?
    bool head_fits(std::size_t e, const Pending& p) const;

    void resolve_pending();

    /// The country the article is about so far: the most mentioned before `pos` (the most
    /// recent on ties). "The West African nation" in news is the article's main country.
    std::size_t main_country(std::size_t pos) const;
    /// The country with at least two mentions before pos and twice any other's, or npos:
    /// the one an article about one state is about ("President X" with no country named).
    std::size_t dominant_country(std::size_t pos) const;
    /// Brings country_positions_ up to the mentions made so far.
    void index_country_mentions() const;

    /// "New York-based": a mention of the place, claimed before any name can run over it;
    /// returns the token after it, or 0.
    std::size_t based_place(std::size_t i);

    /// The end of a dateline opening token i's paragraph ("GOMA, Congo (AP) —"), or 0.
    std::size_t dateline_end(std::size_t i) const;

    /// Does a kind of place follow within a few words ("Nigerian border region")?
    bool names_a_place(std::size_t j) const;

    /// "The government said", "the army said" with no such actor yet: the government or
    /// military of the article's main country.
    std::size_t government_of_main_country(const Pending& p);
    /// The country a description's "in" phrase names ("the government in Niamey", "the
    /// regime in Belarus"), or npos.
    std::size_t country_in_phrase_after(std::size_t end) const;
    /// "The government accused Chad of …": whether country entity c is named after the
    /// description p in its clause (no comma or conjunction between, not as where the act
    /// happens) — another party, not the government's own ("Chad ended the pact, the
    /// government said" is Chad's).
    bool acted_on_in_clause(std::size_t c, const Pending& p) const;

    /// The most recent compatible entity within `window` sentences before the mention.
    std::size_t salient(const Pending& p, const std::vector<ActorType>& types, std::size_t window, bool same_head_only = false);

    /// "The president", "the former general": the most recent person the article gave
    /// that title (before the name, or in an apposition after it), within `window`
    /// sentences; npos when no person had it, so a bare title never lands on a stranger.
    std::size_t person_by_title(const Pending& p, std::size_t window) const;

    /// Subject-first salience: the first actor of this sentence when the pronoun is not
    /// itself first, else the first compatible actor of the previous sentences.
    std::size_t pronoun_antecedent(const Pending& p);

    void resolve_unknown(Pending& p);

    /// An unknown word the statistical recogniser took for a name, nothing else claiming it.
    void model_name(const Pending& p);

    /// A dateline's place: a word in capitals that opens a sentence before a dash or a
    /// comma ("BAMAKO —", "KYIV,").
    bool dateline(std::size_t i) const {
        if (i != doc_.sentences[sent_].tokens.first || !is_all_caps(text(i))) return false;
        const std::size_t n = i + 1;
        return n < sent_end_ && (is(n, "-") || is(n, ",") || text(n) == "\xE2\x80\x94" || text(n) == "\xE2\x80\x93");
    }

    /// Moves every mention and link of entity `from` to `to`.
    void merge_into(std::size_t from, std::size_t to);

    /// "Mr. Laurence" or "Laurence" is the Jeremy Laurence the article names, when exactly
    /// one person of the article has that surname (or first name).
    void merge_surnames();

    // ---- one node per actor (recognizer_aliases.cpp) --------------------------------------
    /// Are these capitals the initials of `label`'s content words, in order or (three or
    /// more) in another order ("ELN" of "National Liberation Army")?
    static bool acronym_of(std::string_view acronym, std::string_view label);

    /// An acronym-only actor and the one actor of the article with those initials: one node.
    void merge_acronyms();

    /// Is this mention's text an alias of its actor? Not "the country", "the group".
    bool alias_worthy(const Mention& m) const;

    std::string title_relation(std::size_t b, std::size_t e) const;

    /// Standing relations stated by appositions and reduced clauses around people:
    ///   "Jane Doe, for the UN Refugee Agency, said"         → spokespersonOf
    ///   "President Jane Doe of Chad"                         → affiliatedWith
    ///   "Jane Doe, the junta's spokesman," / "its spokeswoman, Jane Doe"  → by title
    ///   "the delegation, led by Jane Doe"                    → leaderOf
    void appositions();

    /// People of a dictionary hold a role on the article's date ("[USAGOV 20090120-
    /// 20170120]"): memberOf that body (leaderOf when a TSV role says "leader:GOV"),
    /// affiliatedWith the country for other roles (ELI: a former official).
    /// Stated only when the article names the person's country (or its body), so a
    /// passing name does not bring a government into the graph.
    void dictionary_roles();

    void finish();
};

} // namespace newskg::recognition
