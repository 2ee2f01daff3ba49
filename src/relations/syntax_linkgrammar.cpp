// Link Grammar behind SyntaxParser, and SyntaxQuery over its links.
//
// Parsing. The input words are joined with single spaces into the string Link Grammar
// tokenises; each word's byte range in that string is kept, and every word of the
// linkage is mapped back to the input word whose range holds its first byte
// (linkage_get_word_byte_start), so the walls LG adds (LEFT-WALL, RIGHT-WALL) and the
// pieces it splits off ("Sudan's" → "Sudan" "'s") keep their place.
//
// Names. A word holding '_' or a space is a name the caller collapsed. Spaces become '_'
// so it stays one word; a lower-case first letter is capitalised, because LG guesses
// unknown capitalised words as proper nouns but unknown lower-case ones as anything. A
// name the dictionary lists is passed as it is; in others, punctuation becomes '_'. An
// unknown name that LG's guesser would take for a plural proper noun ("Malian_forces")
// is replaced by the plural noun "militants" (on the 200-sentence test corpus that entry
// lost to quotation fragments and "according" as a subject); since that noun insists on
// plural verbs, a parse that then skips words is retried with the names as given.
//
// One sentence_parse call tries 0, 1, … max_null_count skipped words in turn, under
// LG's own timer; a parse with skipped words, or one LG stopped, is marked incomplete.
//
// Queries. They read Link Grammar's link types (the leading capitals of a label; the
// lower-case rest is a subscript): a verb group is climbed from its content verb through
// auxiliary links (I, PP, Pv, Pg) and verb coordination (VJ) to the word its subject
// links to (S from the left, SI from the right); objects and prepositions hang on the
// content verb or on the "and" that coordinates it.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <set>

#include "linkgrammar_handles.hpp"
#include "newskg/core/error.hpp"
#include "newskg/relations/syntax.hpp"

namespace newskg {

std::size_t SyntaxParse::word_of(std::size_t token) const {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].token == token) return i;
    return kNoSyntaxWord;
}

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string ascii_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Whether LG's regex guesser would read a capitalised word as a plural proper noun
/// (4.0.regex: /^[[:upper:]].*[^iuoys'’]s$/).
bool looks_plural_name(const std::string& w) {
    if (w.size() < 3 || !std::isupper(static_cast<unsigned char>(w[0])) || w.back() != 's') return false;
    const char before = w[w.size() - 2];
    // '\x99' is the last byte of the curly apostrophe.
    return std::string("iuoys'\x99").find(before) == std::string::npos;
}

/// The sentence as Link Grammar gets it, with each input word's place in it.
struct Prepared {
    std::string text;
    // Per word that is not blank: its byte range in `text`, its input index, and whether
    // a placeholder stands in for it.
    std::vector<std::size_t> begin, end, index;
    std::vector<bool> substituted;
    bool any_substituted = false;
};

/// What a linkage word string says besides the word: "accused.v-d" → tag "v-d";
/// "ECOWAS[!<ALL-UPPER>]" → guessed; "blah[?].a" → guessed, tag "a"; "[the]" → skipped.
struct DecodedWord {
    std::string tag;
    bool guessed = false;
    bool skipped = false;
};

DecodedWord decode_word(std::string s, const std::string& piece) {
    DecodedWord d;
    // A null word is shown in brackets around the plain word.
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']' &&
        ascii_lower(s.substr(1, s.size() - 2)) == ascii_lower(piece)) {
        d.skipped = true;
        return d;
    }
    std::string rest;
    if (!piece.empty() && s.size() >= piece.size() &&
        ascii_lower(s.substr(0, piece.size())) == ascii_lower(piece)) {
        rest = s.substr(piece.size());
    } else {
        // LG changed the word (it does for some capitalised or corrected words): the
        // marks start at the first '[' or, failing that, the last '.' inside the string.
        std::size_t p = s.find('[');
        if (p == std::string::npos) {
            p = s.rfind('.');
            if (p == 0 || p + 1 >= s.size()) p = std::string::npos;
        }
        if (p != std::string::npos) rest = s.substr(p);
    }
    if (!rest.empty() && rest.front() == '[') {
        d.guessed = true;
        std::size_t close = rest.find(']');
        rest = close == std::string::npos ? std::string() : rest.substr(close + 1);
    }
    if (rest.size() > 1 && rest.front() == '.') d.tag = rest.substr(1);
    return d;
}

class LinkGrammarParser final : public SyntaxParser {
  public:
    explicit LinkGrammarParser(LinkGrammarOptions options) : opt_(std::move(options)) {
        lg::QuietErrors quiet;
        dict_ = lg::make_dictionary(opt_.dictionary);
        if (!dict_) {
            std::string why = quiet.errors();
            while (!why.empty() && why.back() == '\n') why.pop_back();
            throw error("newskg.syntax.101", "cannot open the Link Grammar dictionary '" +
                                                 opt_.dictionary + "'" +
                                                 (why.empty() ? std::string() : ": " + why));
        }
        // LG's timer counts whole seconds; a fraction rounds up so the bound is never
        // tighter than asked, and nonsense (≤ 0, NaN) falls back to the one-second floor.
        double s = opt_.max_seconds;
        seconds_ = (s > 1.0 && s < 86400.0) ? static_cast<int>(std::ceil(s)) : (s >= 86400.0 ? 86400 : 1);
    }

    std::optional<SyntaxParse> parse(const std::vector<std::string>& words) const override {
        lg::QuietErrors quiet;
        const Prepared first = prepare(words, true);
        if (first.index.empty()) return std::nullopt;
        if (opt_.max_words > 0 && first.index.size() > opt_.max_words) return std::nullopt;
        const auto t0 = std::chrono::steady_clock::now();
        bool stopped = false;
        std::optional<SyntaxParse> best = run(first, words, stopped);
        // The plural noun standing in for a plural-looking name insists on plural verbs,
        // while the name itself is often singular ("United_Nations has", "Doctors_Without_
        // Borders says"): when that leaves words out, the names as given (LG's plural
        // guess accepts either number) get a second pass — if the first left time for it.
        const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (first.any_substituted && !stopped && (!best || best->null_count > 0) &&
            used < 0.5 * std::max(opt_.max_seconds, 0.0)) {
            bool stopped_again = false;
            std::optional<SyntaxParse> plain = run(prepare(words, false), words, stopped_again);
            if (plain && (!best || plain->null_count < best->null_count)) best = std::move(plain);
        }
        return best;
    }

  private:
    LinkGrammarOptions opt_;
    lg::DictionaryPtr dict_;
    int seconds_ = 1;

    /// One input word as LG gets it; `substituted` is set when a placeholder stands in.
    std::string prepare_word(const std::string& word, bool substitute, bool& substituted) const {
        substituted = false;
        std::size_t b = 0, e = word.size();
        while (b < e && ascii_space(word[b])) ++b;
        while (e > b && ascii_space(word[e - 1])) --e;
        std::string out = word.substr(b, e - b);
        bool joined = false;
        for (auto& c : out)
            if (ascii_space(c)) {
                c = '_';
                joined = true;
            }
        const bool collapsed = joined || out.find('_') != std::string::npos;
        if (!collapsed || out.empty()) return out;
        if (std::islower(static_cast<unsigned char>(out[0])))
            out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
        // Names the dictionary lists ("United_States", "Burkina_Faso") stay as they are,
        // also when the caller kept the article ("The_United_States").
        if (lg::listed_in_dictionary(dict_.get(), out)) return out;
        if (out.size() > 4 && ascii_lower(out.substr(0, 4)) == "the_" &&
            std::isupper(static_cast<unsigned char>(out[4])) &&
            lg::listed_in_dictionary(dict_.get(), out.substr(4)))
            return out.substr(4);
        // Inside a name, LG's tokenizer would split at punctuation ("the_U.S." lost its
        // final dot to the sentence; an apostrophe stops its proper-noun guess): it
        // becomes '_', and trailing '_' go, since the guess wants a name to end in a
        // letter or digit. The caller still sees the name as given.
        std::string clean;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(out[i]);
            if (c == 0xE2 && i + 2 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0x80 &&
                (static_cast<unsigned char>(out[i + 2]) == 0x98 || static_cast<unsigned char>(out[i + 2]) == 0x99)) {
                clean.push_back('_'); // ‘ ’
                i += 2;
            } else if (c < 0x80 && std::ispunct(c) && c != '_' && c != '-') {
                clean.push_back('_');
            } else {
                clean.push_back(out[i]);
            }
        }
        while (!clean.empty() && clean.back() == '_') clean.pop_back();
        if (clean.empty()) return out;
        out = std::move(clean);
        // An unknown name LG would guess as a plural proper noun ("Malian_forces") loses
        // to odd readings: "X recalled its ambassador" became a quotation fragment,
        // "According to X , …" made "according" the subject. A plural common noun parses
        // well in those places.
        if (substitute && looks_plural_name(out)) {
            substituted = true;
            return "militants";
        }
        return out;
    }

    Prepared prepare(const std::vector<std::string>& words, bool substitute) const {
        Prepared p;
        for (std::size_t i = 0; i < words.size(); ++i) {
            bool substituted = false;
            std::string w = prepare_word(words[i], substitute, substituted);
            if (w.empty()) continue;
            if (!p.text.empty()) p.text.push_back(' ');
            p.begin.push_back(p.text.size());
            p.text += w;
            p.end.push_back(p.text.size());
            p.index.push_back(i);
            p.substituted.push_back(substituted);
            p.any_substituted = p.any_substituted || substituted;
        }
        return p;
    }

    /// One Link Grammar parse of a prepared sentence; `stopped` tells whether LG's timer
    /// (or memory limit) ended it.
    std::optional<SyntaxParse> run(const Prepared& in, const std::vector<std::string>& words,
                                   bool& stopped) const {
        stopped = false;
        lg::OptionsPtr opts = lg::make_options();
        if (!opts) return std::nullopt;
        parse_options_set_verbosity(opts.get(), 0);
        parse_options_set_max_parse_time(opts.get(), seconds_);
        parse_options_set_linkage_limit(opts.get(), std::max(1, opt_.linkage_limit));
        parse_options_set_min_null_count(opts.get(), 0);
        parse_options_set_max_null_count(opts.get(), std::max(0, opt_.max_null_count));
        parse_options_set_islands_ok(opts.get(), false);
        // Spelling correction would turn unknown names into dictionary words.
        parse_options_set_spell_guess(opts.get(), 0);
        // The same sentence gets the same linkage on every run.
        parse_options_set_repeatable_rand(opts.get(), true);
        parse_options_set_display_morphology(opts.get(), 0);

        lg::SentencePtr sentence = lg::make_sentence(in.text, dict_.get());
        if (!sentence) return std::nullopt;
        if (sentence_split(sentence.get(), opts.get()) < 0) return std::nullopt;
        const int found = sentence_parse(sentence.get(), opts.get());
        stopped = parse_options_timer_expired(opts.get()) || parse_options_resources_exhausted(opts.get());
        if (found <= 0) return std::nullopt;
        lg::LinkagePtr linkage = lg::make_linkage(0, sentence.get(), opts.get());
        if (!linkage) return std::nullopt;

        SyntaxParse out;
        const int nulls = sentence_null_count(sentence.get());
        out.null_count = nulls > 0 ? static_cast<std::size_t>(nulls) : 0;
        out.complete = out.null_count == 0 && !stopped;

        const std::size_t n = linkage_get_num_words(linkage.get());
        std::vector<bool> linked(n, false);
        const std::size_t nl = linkage_get_num_links(linkage.get());
        out.links.reserve(nl);
        for (std::size_t k = 0; k < nl; ++k) {
            SyntaxLink l;
            l.left = linkage_get_link_lword(linkage.get(), k);
            l.right = linkage_get_link_rword(linkage.get(), k);
            const char* label = linkage_get_link_label(linkage.get(), k);
            l.label = label ? label : "";
            if (l.left >= n || l.right >= n) continue;
            if (l.left > l.right) std::swap(l.left, l.right);
            linked[l.left] = linked[l.right] = true;
            out.links.push_back(std::move(l));
        }

        out.words.reserve(n);
        for (std::size_t k = 0; k < n; ++k) {
            const char* raw = linkage_get_word(linkage.get(), k);
            std::string lgword = raw ? raw : "";
            SyntaxWord w;
            if ((k == 0 && lgword == "LEFT-WALL") || (k + 1 == n && lgword == "RIGHT-WALL")) {
                w.text = lgword;
                out.words.push_back(std::move(w));
                continue;
            }
            const std::size_t bs = linkage_get_word_byte_start(linkage.get(), k);
            const std::size_t be = linkage_get_word_byte_end(linkage.get(), k);
            // The input word whose range holds the first byte.
            auto it = std::upper_bound(in.begin.begin(), in.begin.end(), bs);
            std::size_t slot = kNoSyntaxWord;
            if (it != in.begin.begin()) {
                std::size_t j = static_cast<std::size_t>(it - in.begin.begin()) - 1;
                if (bs < in.end[j]) slot = j;
            }
            std::string piece = (bs < be && be <= in.text.size()) ? in.text.substr(bs, be - bs) : std::string();
            DecodedWord d = decode_word(lgword, piece);
            w.tag = std::move(d.tag);
            w.guessed = d.guessed;
            w.skipped = d.skipped || (!linked[k] && out.null_count > 0);
            if (slot != kNoSyntaxWord) {
                w.token = in.index[slot];
                if (in.substituted[slot]) w.guessed = true;
                // The whole word keeps the caller's spelling; a piece is what LG split off.
                w.text = (bs == in.begin[slot] && be == in.end[slot]) ? words[w.token] : piece;
            } else {
                w.text = piece.empty() ? lgword : piece;
            }
            out.words.push_back(std::move(w));
        }
        return out;
    }
};

} // namespace

std::unique_ptr<SyntaxParser> make_link_grammar_parser(const LinkGrammarOptions& options) {
    return std::make_unique<LinkGrammarParser>(options);
}

std::unique_ptr<SyntaxParser> make_link_grammar_parser(double max_seconds, const std::string& dictionary) {
    LinkGrammarOptions o;
    o.max_seconds = max_seconds;
    o.dictionary = dictionary;
    return make_link_grammar_parser(o);
}

// ---- queries ---------------------------------------------------------------------------

namespace {

bool starts(const std::string& s, char c) { return !s.empty() && s.front() == c; }

bool is_relative_pronoun(const std::string& lower) {
    return lower == "who" || lower == "whom" || lower == "which" || lower == "that";
}

bool is_negator(const std::string& lower) {
    return lower == "not" || lower == "never" || lower == "n't" || lower == "n\xE2\x80\x99t";
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void add_unique(std::vector<std::size_t>& v, std::size_t w) {
    if (w != kNoSyntaxWord && std::find(v.begin(), v.end(), w) == v.end()) v.push_back(w);
}

} // namespace

SyntaxQuery::SyntaxQuery(const SyntaxParse& parse) : parse_(parse), edges_(parse.words.size()) {
    types_.reserve(parse.links.size());
    subs_.reserve(parse.links.size());
    for (std::size_t k = 0; k < parse.links.size(); ++k) {
        const auto& l = parse.links[k];
        // The link type is the leading capitals ("MV" of "MVp", "S" of "Ss*s"); idiom
        // links ("_IBHW") have none and so match nothing below.
        std::size_t p = 0;
        while (p < l.label.size() && std::isupper(static_cast<unsigned char>(l.label[p]))) ++p;
        types_.push_back(l.label.substr(0, p));
        subs_.push_back(l.label.substr(p));
        if (l.left >= edges_.size() || l.right >= edges_.size()) continue;
        edges_[l.left].push_back(Edge{l.right, k, true});
        edges_[l.right].push_back(Edge{l.left, k, false});
    }
    lower_.reserve(parse.words.size());
    for (const auto& w : parse.words) lower_.push_back(ascii_lower(w.text));
}

bool SyntaxQuery::is_verb(std::size_t w) const {
    if (w >= parse_.words.size()) return false;
    const std::string& t = parse_.words[w].tag;
    if (t.empty() || (t.size() > 1 && t[1] != '-')) return false;
    return t[0] == 'v' || t[0] == 'q' || t[0] == 'w';
}

bool SyntaxQuery::is_conjunction(std::size_t w) const {
    // Structural, not by tag: "and", "or" and list commas carry the left and right
    // conjunct links (SJl/SJr, VJl/VJr, MJl/MJr …), whatever their subscript.
    for (const Edge& e : edges_[w]) {
        const std::string& t = types_[e.link];
        const std::string& s = subs_[e.link];
        if (t.size() == 2 && t[1] == 'J' &&
            ((!e.other_is_right && starts(s, 'l')) || (e.other_is_right && starts(s, 'r'))))
            return true;
    }
    return false;
}

bool SyntaxQuery::aux_link(std::size_t link) const {
    const std::string& t = types_[link];
    const std::string& s = subs_[link];
    if (t == "I" || t == "PP") return true;
    if (t != "P") return false;
    // Pv passive, Pg progressive; Pa is a predicative adjective, but LG also reads
    // "were lifted" that way, with the participle still tagged as a verb.
    return starts(s, 'v') || starts(s, 'g') || (starts(s, 'a') && is_verb(parse_.links[link].right));
}

bool SyntaxQuery::participle_link(std::size_t link) const {
    // A participle modifying a noun: "the convoy attacked by …" (Mv), "militants
    // attacking the convoy" (Mg; Mgp is a preposition's gerund, "of shelling"), and
    // between commas "X , backed by Y ," / "X , accusing Y ," (MXpp, MX*p, MXsp).
    const std::string& t = types_[link];
    const std::string& s = subs_[link];
    if (t == "M") return starts(s, 'v') || (starts(s, 'g') && s.rfind("gp", 0) != 0);
    return t == "MX" && !s.empty() && s.back() == 'p';
}

bool SyntaxQuery::passive_link(std::size_t link) const {
    const std::string& s = subs_[link];
    return types_[link] == "P" && (starts(s, 'v') || (starts(s, 'a') && is_verb(parse_.links[link].right)));
}

std::size_t SyntaxQuery::verb_conjunction(std::size_t w) const {
    // A verb coordinated by "and" is its left (VJl, verb on the left) or right (VJr,
    // verb on the right) conjunct.
    for (const Edge& e : edges_[w]) {
        if (types_[e.link] != "VJ") continue;
        const std::string& s = subs_[e.link];
        if ((e.other_is_right && starts(s, 'l')) || (!e.other_is_right && starts(s, 'r')))
            return e.other;
    }
    return kNoSyntaxWord;
}

std::vector<std::size_t> SyntaxQuery::verb_nodes(std::size_t verb) const {
    std::vector<std::size_t> out;
    for (std::size_t w = verb; w != kNoSyntaxWord && out.size() < parse_.words.size();
         w = verb_conjunction(w)) {
        if (std::find(out.begin(), out.end(), w) != out.end()) break;
        out.push_back(w);
    }
    return out;
}

std::vector<std::size_t> SyntaxQuery::verb_group(std::size_t verb) const {
    // Climb from the content verb: left through auxiliary links ("did" -I- "attack",
    // "has" -PP- "been" -Pg- "attacking", "that" -I- "withdraw") and up through verb
    // conjunctions, until no such link is left.
    std::vector<std::size_t> out;
    if (verb >= parse_.words.size()) return out;
    std::vector<std::size_t> todo{verb};
    while (!todo.empty()) {
        std::size_t w = todo.back();
        todo.pop_back();
        if (std::find(out.begin(), out.end(), w) != out.end()) continue;
        out.push_back(w);
        for (const Edge& e : edges_[w])
            if (!e.other_is_right && aux_link(e.link)) todo.push_back(e.other);
        std::size_t c = verb_conjunction(w);
        if (c != kNoSyntaxWord) todo.push_back(c);
    }
    return out;
}

std::size_t SyntaxQuery::content_verb(std::size_t w) const {
    // Down the auxiliary chain; at a verb conjunction ("will train and equip"), its
    // first conjunct.
    for (std::size_t steps = 0; w != kNoSyntaxWord && steps < parse_.words.size(); ++steps) {
        std::size_t next = kNoSyntaxWord;
        for (const Edge& e : edges_[w])
            if (e.other_is_right && aux_link(e.link)) {
                next = e.other;
                break;
            }
        if (next == kNoSyntaxWord && is_conjunction(w) && !is_verb(w)) {
            auto c = conjuncts(w);
            if (!c.empty() && c.front() != w) next = c.front();
        }
        if (next == kNoSyntaxWord) return w;
        w = next;
    }
    return w;
}

std::vector<std::size_t> SyntaxQuery::verbs() const {
    std::vector<std::size_t> out;
    for (std::size_t w = 0; w < parse_.words.size(); ++w) {
        if (!is_verb(w)) continue;
        bool aux = false;
        for (const Edge& e : edges_[w])
            if (e.other_is_right && aux_link(e.link)) aux = true;
        if (!aux) out.push_back(w);
    }
    return out;
}

std::vector<std::size_t> SyntaxQuery::auxiliaries(std::size_t verb) const {
    std::vector<std::size_t> out;
    // The group also holds "that" ("demanded that X withdraw": I links it to the verb)
    // and verb conjunctions; only verbs and the infinitive "to" are auxiliaries.
    for (std::size_t w : verb_group(verb))
        if (w != verb && (is_verb(w) || lower_[w] == "to")) out.push_back(w);
    return out;
}

std::size_t SyntaxQuery::antecedent(std::size_t w) const {
    if (w >= parse_.words.size()) return kNoSyntaxWord;
    // "the town that …" (R), "the man who …" (Mr), "the alliance, which …" (MXsr).
    for (const Edge& e : edges_[w]) {
        if (e.other_is_right) continue;
        const std::string& t = types_[e.link];
        const std::string& s = subs_[e.link];
        if (t == "R" || (t == "M" && starts(s, 'r')) ||
            (t == "MX" && s.find('r') != std::string::npos))
            return e.other;
    }
    return kNoSyntaxWord;
}

std::vector<std::size_t> SyntaxQuery::conjuncts(std::size_t w) const {
    std::vector<std::size_t> out;
    if (w >= parse_.words.size()) return out;
    if (is_conjunction(w)) {
        std::vector<std::size_t> todo{w};
        std::set<std::size_t> seen;
        while (!todo.empty()) {
            std::size_t c = todo.back();
            todo.pop_back();
            if (!seen.insert(c).second) continue;
            if (!is_conjunction(c)) {
                add_unique(out, c);
                continue;
            }
            for (const Edge& e : edges_[c]) {
                const std::string& t = types_[e.link];
                const std::string& s = subs_[e.link];
                if (t.size() == 2 && t[1] == 'J' &&
                    ((!e.other_is_right && starts(s, 'l')) || (e.other_is_right && starts(s, 'r'))))
                    todo.push_back(e.other);
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    // A proper-noun chain: LG may read "Mali and Niger" as one name (G links through
    // "and.j-g"); when "and"/"or" is in the chain, its names are conjuncts.
    std::vector<std::size_t> chain;
    std::vector<std::size_t> todo{w};
    while (!todo.empty()) {
        std::size_t c = todo.back();
        todo.pop_back();
        if (std::find(chain.begin(), chain.end(), c) != chain.end()) continue;
        chain.push_back(c);
        for (const Edge& e : edges_[c])
            if (types_[e.link] == "G") todo.push_back(e.other);
    }
    bool coordinated = false;
    for (std::size_t c : chain)
        if (lower_[c] == "and" || lower_[c] == "or") coordinated = true;
    if (!coordinated) return {w};
    for (std::size_t c : chain)
        if (lower_[c] != "and" && lower_[c] != "or" && lower_[c] != ",") out.push_back(c);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> SyntaxQuery::resolve(const std::vector<std::size_t>& ws) const {
    std::vector<std::size_t> out;
    for (std::size_t w : ws) {
        if (w >= parse_.words.size()) continue;
        if (is_relative_pronoun(lower_[w])) {
            std::size_t a = antecedent(w);
            if (a != kNoSyntaxWord) w = a;
        }
        for (std::size_t c : conjuncts(w)) add_unique(out, c);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> SyntaxQuery::subjects(std::size_t verb) const {
    std::vector<std::size_t> found;
    const auto nodes = verb_nodes(verb);
    for (std::size_t h : verb_group(verb)) {
        for (const Edge& e : edges_[h]) {
            const std::string& t = types_[e.link];
            // SF ("it"/"there" as dummy subjects) is left out: they name no actor.
            if (!e.other_is_right && (t == "S" || t == "SX")) add_unique(found, e.other);
            else if (e.other_is_right && (t == "SI" || t == "SXI")) add_unique(found, e.other);
            else if (!e.other_is_right && participle_link(e.link) &&
                     std::find(nodes.begin(), nodes.end(), h) != nodes.end())
                add_unique(found, e.other);
        }
    }
    return resolve(found);
}

std::size_t SyntaxQuery::governor_of_infinitive(std::size_t verb, bool& object_control) const {
    object_control = false;
    for (std::size_t h : verb_group(verb)) {
        for (const Edge& e : edges_[h]) {
            if (e.other_is_right) continue;
            const std::string& t = types_[e.link];
            const std::string& s = subs_[e.link];
            // "urged X to" (TOo) names the object as the doer; "called on X to" (MVi)
            // the object of its preposition.
            if (t == "TO") {
                object_control = starts(s, 'o');
                return e.other;
            }
            if (t == "MV" && starts(s, 'i')) {
                object_control = true;
                return e.other;
            }
        }
    }
    for (const Edge& e : edges_[verb])
        if (!e.other_is_right && types_[e.link] == "IV") return e.other;
    return kNoSyntaxWord;
}

std::vector<std::size_t> SyntaxQuery::controllers(std::size_t verb) const {
    std::vector<std::size_t> seen;
    std::size_t v = verb;
    // "threatened to try to attack": up through nested infinitives, a few at most.
    for (int depth = 0; depth < 4 && v < parse_.words.size(); ++depth) {
        if (depth > 0) {
            auto s = subjects(v);
            if (!s.empty()) return s;
        }
        if (std::find(seen.begin(), seen.end(), v) != seen.end()) break;
        seen.push_back(v);
        bool object_control = false;
        std::size_t g = governor_of_infinitive(v, object_control);
        if (g == kNoSyntaxWord) return {};
        if (object_control) {
            auto o = objects(g);
            if (!o.empty()) return o;
            for (const PrepObject& p : prepositions(g))
                if (!p.on_object && p.object != kNoSyntaxWord &&
                    (lower_[p.preposition] == "on" || lower_[p.preposition] == "upon")) {
                    std::vector<std::size_t> r;
                    for (const PrepObject& q : prepositions(g))
                        if (q.preposition == p.preposition) add_unique(r, q.object);
                    return r;
                }
        }
        v = g;
    }
    return {};
}

std::vector<std::size_t> SyntaxQuery::objects(std::size_t verb) const {
    std::vector<std::size_t> found;
    for (std::size_t h : verb_nodes(verb)) {
        for (const Edge& e : edges_[h]) {
            const std::string& t = types_[e.link];
            if (e.other_is_right && t == "O") add_unique(found, e.other);
            // "the town that militants attacked": B links the noun to the verb.
            else if (!e.other_is_right && t == "B") add_unique(found, e.other);
        }
    }
    return resolve(found);
}

std::vector<std::size_t> SyntaxQuery::prep_objects(std::size_t prep) const {
    std::vector<std::size_t> found;
    for (const Edge& e : edges_[prep]) {
        if (!e.other_is_right) continue;
        const std::string& t = types_[e.link];
        if (t == "J" || t == "ON" || t == "IN" || (t == "M" && starts(subs_[e.link], 'g')))
            add_unique(found, e.other);
    }
    return resolve(found);
}

void SyntaxQuery::add_preps(std::size_t from, bool on_object, std::vector<PrepObject>& out) const {
    for (const Edge& e : edges_[from]) {
        if (!e.other_is_right) continue;
        const std::string& t = types_[e.link];
        const std::string& s = subs_[e.link];
        bool prep = false;
        if (on_object) prep = (t == "M" && (starts(s, 'p') || starts(s, 'f'))) || t == "OF";
        else prep = t == "OF" || (t == "MV" && (starts(s, 'p') || !prep_objects(e.other).empty()));
        if (!prep) continue;
        const std::size_t p = e.other;
        // One phrase, however many words LG hangs it on ("imposed sanctions on X" has
        // both MVp and Mp to "on"): the verb's reading wins.
        if (std::any_of(out.begin(), out.end(), [&](const PrepObject& q) { return q.preposition == p; }))
            continue;
        auto objs = prep_objects(p);
        if (objs.empty()) out.push_back(PrepObject{p, kNoSyntaxWord, on_object});
        for (std::size_t o : objs) out.push_back(PrepObject{p, o, on_object});
    }
}

std::vector<PrepObject> SyntaxQuery::prepositions(std::size_t verb) const {
    std::vector<PrepObject> out;
    if (verb >= parse_.words.size()) return out;
    for (std::size_t h : verb_nodes(verb)) add_preps(h, false, out);
    // Phrases on the direct object, reached through the word the O link lands on (an
    // "and" for coordinated objects) as well as each conjunct.
    std::vector<std::size_t> heads;
    for (std::size_t h : verb_nodes(verb))
        for (const Edge& e : edges_[h])
            if (e.other_is_right && types_[e.link] == "O") add_unique(heads, e.other);
    for (std::size_t o : objects(verb)) add_unique(heads, o);
    for (std::size_t o : heads) add_preps(o, true, out);
    std::stable_sort(out.begin(), out.end(),
                     [](const PrepObject& a, const PrepObject& b) { return a.preposition < b.preposition; });
    return out;
}

std::vector<PrepObject> SyntaxQuery::noun_prepositions(std::size_t noun) const {
    std::vector<PrepObject> out;
    if (noun >= parse_.words.size()) return out;
    add_preps(noun, true, out);
    for (auto& p : out) p.on_object = false;
    return out;
}

bool SyntaxQuery::passive(std::size_t verb) const {
    for (std::size_t h : verb_group(verb))
        for (const Edge& e : edges_[h])
            if (!e.other_is_right && passive_link(e.link)) return true;
    for (std::size_t h : verb_nodes(verb))
        for (const Edge& e : edges_[h]) {
            if (e.other_is_right) continue;
            if (types_[e.link] == "M" && starts(subs_[e.link], 'v')) return true;
            // MX does not tell the participles apart: the form does ("backed" vs "accusing").
            if (types_[e.link] == "MX" && participle_link(e.link) && !ends_with(lower_[h], "ing")) return true;
        }
    return false;
}

std::vector<std::size_t> SyntaxQuery::agents(std::size_t verb) const {
    std::vector<std::size_t> out;
    if (!passive(verb)) return out;
    for (const PrepObject& p : prepositions(verb))
        if (!p.on_object && lower_[p.preposition] == "by") add_unique(out, p.object);
    if (out.empty()) {
        // "a deal brokered by Qatar": LG often hangs the by-phrase on the noun the
        // participle modifies (Mp) or on the main verb; a "by" right after the
        // participle on its noun is its agent.
        for (std::size_t h : verb_nodes(verb))
            for (const Edge& e : edges_[h]) {
                if (e.other_is_right || types_[e.link] != "M" || !starts(subs_[e.link], 'v')) continue;
                for (const PrepObject& p : noun_prepositions(e.other))
                    if (lower_[p.preposition] == "by" && p.preposition > verb) add_unique(out, p.object);
            }
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool SyntaxQuery::negated(std::size_t verb) const {
    for (std::size_t h : verb_group(verb)) {
        const std::string& w = lower_[h];
        if (ends_with(w, "n't") || ends_with(w, "n\xE2\x80\x99t") || w == "cannot") return true;
        for (const Edge& e : edges_[h]) {
            const std::string& t = types_[e.link];
            if (t == "N") return true; // "did not", "will not": N links "not" to the auxiliary
            if (!e.other_is_right && t == "E" && is_negator(lower_[e.other])) return true;
        }
    }
    return false;
}

std::optional<Complement> SyntaxQuery::complement(std::size_t verb) const {
    if (verb >= parse_.words.size()) return std::nullopt;
    const auto nodes = verb_nodes(verb);
    auto clause_verb = [&](std::size_t marker) {
        for (const Edge& e : edges_[marker])
            if (e.other_is_right && types_[e.link] == "CV") return content_verb(e.other);
        for (const Edge& e : edges_[marker])
            if (e.other_is_right && types_[e.link] == "I") return content_verb(e.other);
        return kNoSyntaxWord;
    };
    // "that" clauses first: "said that X attacked" (TH), "demanded that X withdraw" (TS).
    for (std::size_t h : nodes)
        for (const Edge& e : edges_[h])
            if (e.other_is_right && (types_[e.link] == "TH" || types_[e.link] == "TS")) {
                std::size_t v = clause_verb(e.other);
                if (v != kNoSyntaxWord) return Complement{ComplementKind::That, e.other, v};
            }
    // "said X attacked": CV straight from the verb to the clause's verb.
    for (std::size_t h : nodes)
        for (const Edge& e : edges_[h])
            if (e.other_is_right && types_[e.link] == "CV")
                return Complement{ComplementKind::Bare, kNoSyntaxWord, content_verb(e.other)};
    // Infinitives: "threatened to" (TO), "called on X to" (MVi), or IV straight to the verb.
    for (std::size_t h : nodes)
        for (const Edge& e : edges_[h]) {
            if (!e.other_is_right) continue;
            const std::string& t = types_[e.link];
            if (t == "TO" || (t == "MV" && starts(subs_[e.link], 'i'))) {
                std::size_t v = clause_verb(e.other);
                if (v != kNoSyntaxWord) return Complement{ComplementKind::Infinitive, e.other, v};
            }
        }
    for (std::size_t h : nodes)
        for (const Edge& e : edges_[h])
            if (e.other_is_right && types_[e.link] == "IV")
                return Complement{ComplementKind::Infinitive, kNoSyntaxWord, content_verb(e.other)};
    return std::nullopt;
}

std::size_t SyntaxQuery::possessor(std::size_t noun) const {
    if (noun >= parse_.words.size()) return kNoSyntaxWord;
    static const std::set<std::string> determiners{"its", "their", "his", "her", "our", "my", "your"};
    for (const Edge& e : edges_[noun]) {
        if (e.other_is_right || types_[e.link] != "D") continue;
        const std::string& d = lower_[e.other];
        if (determiners.count(d)) return e.other;
        if (d == "'s" || d == "'" || d == "\xE2\x80\x99s" || d == "\xE2\x80\x99") {
            // "Chad 's army": YS (YP for plurals: "the rebels ' leader") ties the owner to "'s".
            for (const Edge& y : edges_[e.other])
                if (!y.other_is_right && (types_[y.link] == "YS" || types_[y.link] == "YP")) return y.other;
        }
    }
    return kNoSyntaxWord;
}

} // namespace newskg
