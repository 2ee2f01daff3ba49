#pragma once
/// The syntax layer of the relations stage: a sentence parser behind a small interface of
/// our own (SyntaxParser), its Link Grammar implementation, and dependency-style queries
/// over a parse (SyntaxQuery) that a verb-frame matcher needs — the subjects, objects and
/// prepositional objects of a verb, passive and "by"-agent, negation, and the clause a
/// verb governs ("demanded that X withdraw", "threatened to attack X").
///
/// Label contract. SyntaxLink::label uses Link Grammar's link names ("Ss", "Os", "MVp",
/// "Jp", "Pv" …). SyntaxQuery reads only a few link types, by their leading capitals:
///   S, SI (subject; inverted), O (object), B (object of a relative clause), MV, OF
///   (verb → preposition), J, ON, IN (preposition → object), M (Mp/Mf noun → preposition,
///   Mv/Mg participle modifying a noun, Mr relative), MX (appositive relative),
///   R (noun → relative pronoun), I, PP, P (auxiliary chains: "did attack", "has
///   attacked", "was attacked"; Pa to a verb-tagged word counts as passive), TO, IV, TH,
///   TS, CV (complement clauses), N, E (negation), D, YS, YP (possessives), G
///   (proper-noun chains), SJ, VJ, MJ … (coordination).
/// Another parser plugs in by emitting those labels for the relations it knows.
///
/// Speed (Link Grammar 5.12, English dictionary, the defaults below, RelWithDebInfo, one
/// thread of a shared two-core machine): 200 news sentences of 5–25 tokens (mean 11.9)
/// parse at 110–120 sentences per CPU second (~9 ms each), 70–140 sentences/s of wall time
/// depending on the machine's load — the "[.syntax-bench]" test of
/// tests/relations/test_syntax.cpp prints both. Opening the dictionary takes ~0.3 s.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace newskg {

/// "No word" for word and token indices of the syntax layer.
inline constexpr std::size_t kNoSyntaxWord = static_cast<std::size_t>(-1);

/// One word of a parsed sentence.
struct SyntaxWord {
    /// The input word; for a piece of an input word the parser split ("Sudan's" →
    /// "Sudan" + "'s"), that piece. "LEFT-WALL"/"RIGHT-WALL" for the walls.
    std::string text;
    /// Index into the input words; kNoSyntaxWord for the walls Link Grammar adds.
    std::size_t token = kNoSyntaxWord;
    /// The Link Grammar subscript: "v", "v-d" (past), "q" ("said" before a quote), "n",
    /// "s", "p", "l" (place), "m" (given name), "a", "e", "r", "j-n" (noun conjunction),
    /// "j-v" (verb conjunction) …; empty when the word has none ("the", "of", walls).
    std::string tag;
    /// Not in the dictionary: the category is guessed (a capitalised word is read as a
    /// proper noun; a collapsed name that looks plural, "Malian_forces", as a plural noun).
    bool guessed = false;
    bool skipped = false; ///< left out of the linkage (a null word of an incomplete parse)
};

/// A grammatical link between two words (indices into SyntaxParse::words, left < right).
struct SyntaxLink {
    std::size_t left = 0;
    std::size_t right = 0;
    std::string label;
};

struct SyntaxParse {
    std::vector<SyntaxWord> words; ///< in order, walls included
    std::vector<SyntaxLink> links;
    /// False when the parser skipped words (null_count > 0) or ran out of time.
    bool complete = false;
    std::size_t null_count = 0; ///< words left out of the linkage
    /// The first word of input token `token` (the parse may split a token), or kNoSyntaxWord.
    std::size_t word_of(std::size_t token) const;
};

class SyntaxParser {
  public:
    virtual ~SyntaxParser() = default;
    /// Parses one sentence given as words: already tokenised, with each multi-word actor
    /// name collapsed into one word by the caller ("Burkina_Faso", "Malian_forces", or a
    /// placeholder proper noun). A word holding '_' or a space is taken for such a name.
    /// Returns nullopt when there is nothing to parse or no parse is found within the
    /// time bound.
    virtual std::optional<SyntaxParse> parse(const std::vector<std::string>& words) const = 0;
};

struct LinkGrammarOptions {
    /// CPU seconds per sentence. Link Grammar counts whole seconds (rounded up here, at
    /// least 1) of the *process's* user CPU time and checks its clock between parsing
    /// steps, so a sentence can overrun (measured: ~0.8 s extra on a 200-word sentence)
    /// and, while other threads are busy, the budget runs out sooner in wall time.
    double max_seconds = 1.0;
    /// Language name ("en") or a dictionary directory.
    std::string dictionary = "en";
    /// When no linkage uses every word, retry allowing up to this many skipped words.
    int max_null_count = 3;
    /// Linkages Link Grammar extracts and ranks by cost. When a sentence has more, it
    /// ranks a random (repeatable) sample, so the best linkage may be missed. On the test
    /// corpus (484 claims about subjects, objects, agents …): 100 → 462 right at 128
    /// sentences/s, 300 → 471 at 91/s, 1000 → 469 at 66/s.
    int linkage_limit = 300;
    /// Sentences with more words are not parsed (nullopt at once): on longer run-ons Link
    /// Grammar uses its whole time budget and hundreds of MB (765 MB for 200 words)
    /// without finding a linkage. 0 for no limit.
    std::size_t max_words = 100;
};

/// Link Grammar with the English dictionary; `max_seconds` bounds each sentence.
/// throws newskg::error ("newskg.syntax.101") when the dictionary cannot be opened.
///
/// Thread safety: parse() is reentrant and may be called from several threads at once on
/// one parser — the dictionary is shared read-only, and the parse options, sentence and
/// linkage are created per call. Creating a parser is not thread-safe with anything that
/// uses the C locale: Link Grammar sets the process's LC_CTYPE to a UTF-8 locale (C.UTF-8
/// here) when it opens a dictionary, because its tokenizer needs one; create parsers
/// before starting threads. Link Grammar's messages (it prints dictionary and locale
/// notes to stderr) are discarded on the calling thread while the parser works.
std::unique_ptr<SyntaxParser> make_link_grammar_parser(double max_seconds = 1.0,
                                                       const std::string& dictionary = "en");
std::unique_ptr<SyntaxParser> make_link_grammar_parser(const LinkGrammarOptions& options);

/// A preposition and its object as a verb's argument: "turned to Russia" → (to, Russia).
struct PrepObject {
    std::size_t preposition = kNoSyntaxWord;
    std::size_t object = kNoSyntaxWord; ///< kNoSyntaxWord when none was found
    /// The phrase hangs on the verb's direct object rather than on the verb — Link
    /// Grammar's usual reading of "accused Sudan of shelling", "imposed sanctions on X".
    bool on_object = false;
};

enum class ComplementKind {
    That,       ///< "demanded that France withdraw", "said that X attacked"
    Bare,       ///< "said X attacked" (no complementizer)
    Infinitive, ///< "threatened to attack", "urged X to withdraw", "called on X to leave"
};

/// The clause a verb governs.
struct Complement {
    ComplementKind kind = ComplementKind::That;
    std::size_t marker = kNoSyntaxWord; ///< "that" or "to"; kNoSyntaxWord for a bare clause
    std::size_t verb = kNoSyntaxWord;   ///< the clause's main (content) verb
};

/// Dependency-style questions about one parse. Word arguments and results are indices
/// into SyntaxParse::words (map them to tokens with SyntaxWord::token); "verb" means the
/// content verb of a verb group ("attack" in "did not attack", "attacked" in "was
/// attacked"). Coordination is resolved everywhere ("Mali and Niger" → both), and
/// relative pronouns are replaced by what they refer to ("the alliance, which is led by
/// …" → alliance). Results are in word order without duplicates.
/// The query keeps a reference to the parse, which must outlive it.
class SyntaxQuery {
  public:
    explicit SyntaxQuery(const SyntaxParse& parse);
    SyntaxQuery(SyntaxParse&&) = delete; ///< it would refer to a temporary

    const SyntaxParse& parse() const { return parse_; }
    /// A verb form: tag "v", "v-d", "q", "q-d", "w" or "w-d".
    bool is_verb(std::size_t w) const;
    /// Content verbs in word order: verbs that are not auxiliaries of another verb.
    std::vector<std::size_t> verbs() const;
    /// Auxiliaries of the verb group, nearest first: "did" for "did not attack", "was",
    /// "has" for "has been attacked", "to" for "to attack", "may", "will" …
    std::vector<std::size_t> auxiliaries(std::size_t verb) const;

    /// Grammatical subjects: S/SI links on the verb group, through verb coordination
    /// ("X attacked and looted"), the noun a participle modifies ("the convoy attacked by
    /// …", "militants attacking …", "X , backed by Y ,"); for a passive, the patient.
    std::vector<std::size_t> subjects(std::size_t verb) const;
    /// The understood subject of an infinitive: the object of the governing verb when it
    /// has one ("urged Sudan to withdraw" → Sudan; "called on France to leave" → France),
    /// else its subject ("threatened to attack" → the threatener). Empty otherwise.
    std::vector<std::size_t> controllers(std::size_t verb) const;
    /// Direct objects (O links; B for "the town that militants attacked" → town).
    std::vector<std::size_t> objects(std::size_t verb) const;
    /// Prepositional phrases on the verb (MV, OF) and on its direct objects (Mp, Mf).
    std::vector<PrepObject> prepositions(std::size_t verb) const;
    /// Prepositional phrases on a noun: "soldiers from Chad" → (from, Chad).
    std::vector<PrepObject> noun_prepositions(std::size_t noun) const;
    /// Passive voice: "was attacked", "has been attacked", "the convoy attacked by",
    /// "X , backed by Y ,".
    bool passive(std::size_t verb) const;
    /// The "by"-agents of a passive verb (empty for active verbs: "by force" is no agent).
    std::vector<std::size_t> agents(std::size_t verb) const;
    /// "not", "never" or "n't" on the verb group.
    bool negated(std::size_t verb) const;
    /// The clause the verb governs, if any.
    std::optional<Complement> complement(std::size_t verb) const;

    /// The words coordinated at w: a conjunction ("and", a list comma) gives its
    /// conjuncts, recursively; a proper-noun chain joined by "and" gives its names;
    /// any other word gives itself.
    std::vector<std::size_t> conjuncts(std::size_t w) const;
    /// What a relative pronoun ("which", "who", "that") refers to, or kNoSyntaxWord.
    std::size_t antecedent(std::size_t w) const;
    /// The possessor of a noun: "Chad 's army" → Chad, or kNoSyntaxWord.
    std::size_t possessor(std::size_t noun) const;

  private:
    struct Edge {
        std::size_t other;
        std::size_t link;
        bool other_is_right; ///< the other word is the link's right end
    };
    const SyntaxParse& parse_;
    std::vector<std::vector<Edge>> edges_; ///< per word: its links
    std::vector<std::string> types_;       ///< per link: the type ("MV" of "MVp")
    std::vector<std::string> subs_;        ///< per link: the subscript ("p" of "MVp")
    std::vector<std::string> lower_;       ///< per word: its text in ASCII lower case

    bool is_conjunction(std::size_t w) const;
    bool aux_link(std::size_t link) const;
    bool passive_link(std::size_t link) const;
    bool participle_link(std::size_t link) const;
    std::size_t verb_conjunction(std::size_t w) const;
    std::vector<std::size_t> verb_nodes(std::size_t verb) const;
    std::vector<std::size_t> verb_group(std::size_t verb) const;
    std::size_t governor_of_infinitive(std::size_t verb, bool& object_control) const;
    std::size_t content_verb(std::size_t w) const;
    std::vector<std::size_t> prep_objects(std::size_t prep) const;
    std::vector<std::size_t> resolve(const std::vector<std::size_t>& ws) const;
    void add_preps(std::size_t from, bool on_object, std::vector<PrepObject>& out) const;
};

} // namespace newskg
