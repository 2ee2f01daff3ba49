#pragma once
/// The plain value types that the pipeline stages pass along:
///   read → Document (text, paragraphs) → text → Sentences, Tokens, DateExpressions
///   → actors → Mentions, Entities → relations → Relations → graph → export.
///
/// Offsets: every CharSpan counts **bytes** of the UTF-8 string Document::text
/// (which is NFC-normalised by the reader), half-open [begin, end). Token ranges are
/// half-open indices into Document::tokens.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newskg {

/// Half-open byte range [begin, end) into Document::text.
struct CharSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const noexcept { return end - begin; }
    bool empty() const noexcept { return end <= begin; }
    bool contains(const CharSpan& o) const noexcept { return begin <= o.begin && o.end <= end; }
    bool overlaps(const CharSpan& o) const noexcept { return begin < o.end && o.begin < end; }
    friend bool operator==(const CharSpan& a, const CharSpan& b) {
        return a.begin == b.begin && a.end == b.end;
    }
    friend bool operator!=(const CharSpan& a, const CharSpan& b) { return !(a == b); }
};

/// Half-open range [first, last) of indices into Document::tokens.
struct TokenRange {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t size() const noexcept { return last - first; }
    bool empty() const noexcept { return last <= first; }
};

/// A calendar value at the precision the text gives: a year, a month or a day.
struct DateValue {
    int year = 0;
    int month = 0; ///< 1..12, 0 when only the year is known
    int day = 0;   ///< 1..31, 0 when only year and month are known
    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    std::string iso() const;
    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when it is none of them.
    static std::optional<DateValue> parse_iso(std::string_view s);
    friend bool operator==(const DateValue& a, const DateValue& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const DateValue& a, const DateValue& b) { return !(a == b); }
    friend bool operator<(const DateValue& a, const DateValue& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
};

enum class TokenKind { Word, Number, Punct, Symbol };

struct Token {
    CharSpan span;
    TokenKind kind = TokenKind::Word;
};

enum class ParagraphKind { Title, Heading, Body };

/// A block of the article the reader kept (headline, sub-heading or body paragraph).
struct Paragraph {
    CharSpan span;
    ParagraphKind kind = ParagraphKind::Body;
};

/// Half-open range [first, last) of indices into Document::words.
struct WordRange {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t size() const noexcept { return last - first; }
    bool empty() const noexcept { return last <= first; }
};

/// "No word": the head of a sentence's root, and "none" for word indices.
inline constexpr std::size_t kNoWord = static_cast<std::size_t>(-1);

/// A tag of the syntax stage: a part of speech ("PROPN", "NNP") or a dependency relation
/// ("nsubj:pass"). There are a few hundred of them at most (a model's label sets), so
/// each distinct text is kept once per process and a tag is its 2-byte number: a long
/// article's millions of words do not each hold three strings. Reads like the text
/// (compares with strings, converts to std::string_view); the empty tag is "".
/// Thread-safe: making a tag from a text takes a lock the first time that text is seen.
class Tag {
  public:
    Tag() = default;
    Tag(std::string_view text); // NOLINT: implicit, so `word.upos = "NOUN"` reads as before
    Tag(const char* text) : Tag(std::string_view(text)) {}
    Tag(const std::string& text) : Tag(std::string_view(text)) {}
    /// The text (valid for the life of the process).
    std::string_view view() const noexcept;
    operator std::string_view() const noexcept { return view(); }
    std::string str() const { return std::string(view()); }
    bool empty() const noexcept { return id_ == 0; }
    std::size_t size() const noexcept { return view().size(); }
    friend bool operator==(Tag a, Tag b) noexcept { return a.id_ == b.id_; }
    friend bool operator!=(Tag a, Tag b) noexcept { return a.id_ != b.id_; }
    friend bool operator==(Tag a, std::string_view b) noexcept { return a.view() == b; }
    friend bool operator!=(Tag a, std::string_view b) noexcept { return a.view() != b; }
    friend bool operator==(std::string_view a, Tag b) noexcept { return a == b.view(); }
    friend bool operator!=(std::string_view a, Tag b) noexcept { return a != b.view(); }
    friend bool operator==(Tag a, const char* b) noexcept { return a.view() == b; }
    friend bool operator!=(Tag a, const char* b) noexcept { return a.view() != b; }
    friend bool operator==(Tag a, const std::string& b) noexcept { return a.view() == b; }
    friend bool operator!=(Tag a, const std::string& b) noexcept { return a.view() != b; }

  private:
    std::uint16_t id_ = 0;
};

/// A syntactic word of the Universal Dependencies analysis (the syntax stage): a token,
/// or a piece of one where UD splits what the tokenizer keeps whole ("do" + "n't" of
/// "don't", "cease" + "-" + "fire"). Its tree is in the UD scheme: `head` is the index
/// of its governor in Document::words (kNoWord for the sentence's root) and `deprel` the
/// relation with its subtype ("nsubj:pass", "obl", "acl:relcl"); `lemma`, `upos`
/// ("PROPN") and `xpos` (Penn, "NNP") come from the tagger and lemmatizer. Its form is
/// the text of its span (Document::form), its lemma one of the document's distinct
/// lemmas (Document::lemma). Compact (48 bytes, not 192 with five strings): a 32 MB
/// article holds millions of words until its relations are read.
struct Word {
    CharSpan span;         ///< bytes into Document::text (a piece spans its own bytes)
    std::size_t token = 0; ///< index into Document::tokens of the token it comes from
    std::size_t head = kNoWord;
    std::uint32_t lemma_id = 0; ///< Document::lemmas[lemma_id - 1]; 0: no lemma ("")
    Tag upos;
    Tag xpos;
    Tag deprel;
};

/// Document::words: the syntactic words of an article, by index, kept in blocks of
/// kBlock words so that the relation stage can give back the words of the sentences it is
/// done with (release_before) while it reads the rest: a 32 MB article of one long line
/// has 5 million words, which need not all be held until its last relation is read.
/// Indices stay those of the whole article; a released word must not be read again.
class WordList {
  public:
    static constexpr std::size_t kBlock = 4096;
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const Word& operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
    Word& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
    void push_back(Word w) {
        if (size_ % kBlock == 0) {
            blocks_.emplace_back();
            blocks_.back().reserve(kBlock);
        }
        blocks_.back().push_back(std::move(w));
        ++size_;
    }
    void clear() noexcept {
        blocks_.clear();
        blocks_.shrink_to_fit();
        size_ = 0;
    }
    /// Frees the blocks that hold only words before `i` (size() and the indices of the
    /// words after them are unchanged).
    void release_before(std::size_t i) {
        for (std::size_t b = 0; b < blocks_.size() && (b + 1) * kBlock <= i; ++b)
            std::vector<Word>().swap(blocks_[b]);
    }

  private:
    std::vector<std::vector<Word>> blocks_;
    std::size_t size_ = 0;
};

struct Sentence {
    CharSpan span;
    TokenRange tokens;
    WordRange words; ///< its syntactic words; empty until the syntax stage has run
    std::size_t paragraph = 0; ///< index into Document::paragraphs
    bool heading = false;      ///< a headline or sub-heading (no final stop needed)
};

/// A date expression found in the text ("on Sunday", "in June", "2015"), resolved
/// against the publication date.
struct DateExpression {
    CharSpan span;
    DateValue value;
};

/// One article: its provenance, its text, and the annotations the text stages add.
struct Document {
    std::string id;          ///< stable id: JSON Lines `id`, else derived from the file name
    std::string source_path; ///< the file it came from ("-" for standard input)
    std::string title;
    std::optional<DateValue> published;
    std::string outlet;                ///< source outlet ("DW", "Reuters"), when known
    std::vector<std::string> agencies; ///< credited news agencies ("AFP", "Reuters")
    std::vector<std::string> authors;  ///< bylined people, in page order
    std::string url;
    std::string text; ///< the article text the spans point into (UTF-8, NFC)
    std::vector<Paragraph> paragraphs;
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    WordList words; ///< syntactic words of every sentence, in order (syntax stage)
    std::vector<std::string> lemmas; ///< the words' distinct lemmas (see Word::lemma_id)
    std::vector<DateExpression> dates;

    std::string_view slice(const CharSpan& s) const {
        return std::string_view(text).substr(s.begin, s.end - s.begin);
    }
    std::string_view token_text(std::size_t i) const { return slice(tokens[i].span); }
    /// A word's form: the text of its span, as the parser saw it (curly quotes kept).
    std::string_view form(const Word& w) const { return slice(w.span); }
    std::string_view form(std::size_t word) const { return slice(words[word].span); }
    /// A word's lemma ("" when it has none).
    const std::string& lemma(const Word& w) const { return w.lemma_id == 0 ? no_lemma() : lemmas[w.lemma_id - 1]; }
    const std::string& lemma(std::size_t word) const { return lemma(words[word]); }
    /// Appends `text` to the lemmas and returns its Word::lemma_id (the syntax stage adds
    /// each distinct lemma once).
    std::uint32_t add_lemma(std::string text) {
        lemmas.push_back(std::move(text));
        return static_cast<std::uint32_t>(lemmas.size());
    }
    /// The characters from the first to the last token of a range.
    static const std::string& no_lemma() {
        static const std::string none;
        return none;
    }
    std::string_view range_text(const TokenRange& r) const {
        if (r.empty()) return {};
        return std::string_view(text).substr(tokens[r.first].span.begin,
                                             tokens[r.last - 1].span.end -
                                                 tokens[r.first].span.begin);
    }
};

/// Actor classes of the ontology (newskg:Actor and its subclasses).
enum class ActorType { Actor, Person, Country, Location, Government, Military, ArmedGroup, Organization };

/// "Person", "Country" … as used in the ontology and the JSON export.
std::string_view to_string(ActorType t);
/// Inverse of to_string; nullopt for unknown names.
std::optional<ActorType> actor_type_from_string(std::string_view s);

/// Strong id of an entity within one extraction ("e1", "e2" …).
struct EntityId {
    std::string value;
    friend bool operator==(const EntityId& a, const EntityId& b) { return a.value == b.value; }
    friend bool operator!=(const EntityId& a, const EntityId& b) { return !(a == b); }
    friend bool operator<(const EntityId& a, const EntityId& b) { return a.value < b.value; }
};

enum class MentionKind { Name, Acronym, Demonym, Description, Pronoun };

/// A stretch of text that refers to an actor.
struct Mention {
    CharSpan span;
    TokenRange tokens;
    std::size_t sentence = 0;
    EntityId entity;
    MentionKind kind = MentionKind::Name;
};

/// An actor of the article: one per actor however the text spells it.
struct Entity {
    EntityId id;
    std::string iri;   ///< gazetteer IRI, or minted from type and normalised name
    std::string label; ///< preferred name
    ActorType type = ActorType::Actor;
    std::vector<std::string> aliases; ///< every surface form seen (label excluded)
    std::string country_code;         ///< ISO 3166-1 alpha-2 for countries, else empty
    bool from_gazetteer = false;
    std::vector<std::size_t> mentions; ///< indices into Extraction::mentions
};

/// Where a relation was read.
struct Evidence {
    std::string document;      ///< Document::id
    std::size_t sentence = 0;  ///< index into Document::sentences
    CharSpan span;             ///< the sentence's span in Document::text (bytes)
    std::string text;          ///< the sentence text
};

/// Flags on a relation (a bit set).
enum RelationFlag : unsigned {
    kNegated = 1u << 0,     ///< "did not attack": kept only when asked for
    kHedged = 1u << 1,      ///< "believed to be", "may", "could"
    kReported = 1u << 2,    ///< reported speech: see Relation::speaker
    kConditional = 1u << 3, ///< "if", "threatened to"
    kHeadline = 1u << 4,    ///< read from a headline or sub-heading
    kAlleged = 1u << 5,     ///< an act someone is accused of: Relation::speaker is the accuser
};

/// A typed edge: an event (with a CAMEO code) or a standing relation.
struct Relation {
    EntityId subject;
    std::string predicate; ///< local name of the ontology property ("accused", "partOf")
    EntityId object;
    std::string cameo;     ///< CAMEO code for events ("112"), empty for standing relations
    int quad_class = 0;    ///< 1..4 for events, 0 for standing relations
    double goldstein = 0.0;
    std::vector<Evidence> evidence; ///< at least one; several when the article repeats it
    std::optional<DateValue> date;
    std::string rule;               ///< the rule or lexicon entry that produced it
    double confidence = 1.0;        ///< 0..1
    std::optional<EntityId> speaker; ///< who said it, for reported speech
    unsigned flags = 0;              ///< RelationFlag bits
    bool is_event() const noexcept { return !cameo.empty(); }
};

/// Everything extracted from one document.
struct Extraction {
    Document document;
    std::vector<Mention> mentions;
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    const Entity* find(const EntityId& id) const {
        for (const auto& e : entities)
            if (e.id == id) return &e;
        return nullptr;
    }
};

} // namespace newskg
