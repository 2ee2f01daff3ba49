#include <algorithm>
#include <filesystem>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "newskg/core/error.hpp"
#include "newskg/relations/relations.hpp"

namespace newskg {

namespace {
std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) {
        while (!c.empty() && (c.back() == '\r' || c.back() == ' ')) c.pop_back();
        cols.push_back(c);
    }
    return cols;
}
/// Calls `row(cols, where)` for each line of a tab-separated list that is not empty or
/// a '#' comment; `where` is "PATH:LINE: " for error messages. Throws `cannot_open`.
template <typename Row>
void for_each_row(const std::string& path, ids::Id<ids::Family::Ontology> cannot_open, const std::string& what,
                  Row&& row) {
    std::ifstream in(path);
    if (!in) throw ontology_error(cannot_open, path + ": cannot open the " + what);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        row(split_tabs(line), path + ":" + std::to_string(n) + ": ");
    }
}
bool ends_with(const std::string& s, std::string_view suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}
std::unordered_map<std::string, std::vector<std::string>> load_verb_classes(const std::string& path) {
    static const std::set<std::string> known{"reporting", "directive", "intent",  "committing",
                                             "refusal",   "alleging",  "light",   "leaving", "denial",
                                             "presence",  "threat",    "contest", "rejecting", "helping", "naming",
                                             "deploying", "transferring", "responding", "ceasing", "returning", "ordering", "receiving", "adopting"};
    std::unordered_map<std::string, std::vector<std::string>> classes;
    for_each_row(path, ids::ontology::kNoVerbClasses, "verb classes", [&](const auto& cols, const std::string& where) {
        if (cols.size() != 2 || cols[1].empty())
            throw ontology_error(ids::ontology::kBadVerbClass, where + "expected 'class<TAB>lemma'");
        if (!known.count(cols[0]))
            throw ontology_error(ids::ontology::kBadVerbClass, where + "unknown verb class '" + cols[0] + "'");
        classes[cols[1]].push_back(cols[0]);
    });
    return classes;
}
/// A table of recodings: the CAMEO code of an act (a prefix) and the code of threatening
/// it (ontology/threat-codes.tsv, codes 13…), of promising it (intent-codes.tsv, 03…) or of
/// refusing it (refusal-codes.tsv, 12…) or of stopping it (cessation-codes.tsv, 16… or 08…).
struct Recoding {
    const char* file;
    const char* what;
    const char* root;
    const char* fallback; ///< the root's own code, which the ontology must know if the code is not
    ids::Id<ids::Family::Ontology> cannot_open;
    ids::Id<ids::Family::Ontology> malformed;
};
std::map<std::string, std::string> load_recoding(const Ontology& ontology, const Recoding& r) {
    const std::string path = ontology.dir() + "/" + r.file;
    std::map<std::string, std::string> codes;
    auto digits = [](const std::string& s) {
        return s.size() >= 2 && std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isdigit(ch); });
    };
    for_each_row(path, r.cannot_open, std::string(r.what) + " codes", [&](const auto& cols, const std::string& where) {
        if (cols.size() != 2 || !digits(cols[0]) || !digits(cols[1]))
            throw ontology_error(r.malformed, where + "expected 'CAMEO<TAB>CAMEO' (digits)");
        // The root: "16", or several ("16|08": stopping aid reduces relations, stopping
        // attacks de-escalates).
        const std::string roots = r.root;
        bool rooted = false;
        for (std::size_t at = 0; at + 2 <= roots.size(); at += 3) rooted = rooted || cols[1].compare(0, 2, roots, at, 2) == 0;
        if (!rooted ||
            !(ontology.relation_for_cameo(cols[1]) || ontology.relation_for_cameo(r.fallback)))
            throw ontology_error(r.malformed, where + "'" + cols[1] + "' is no CAMEO " + r.what + " (" + r.root +
                                                  "…) the ontology knows");
        if (!codes.emplace(cols[0], cols[1]).second)
            throw ontology_error(r.malformed, where + "code '" + cols[0] + "' listed twice");
    });
    return codes;
}
std::string recode(const std::map<std::string, std::string>& codes, const std::string& cameo) {
    for (std::size_t n = cameo.size(); n >= 2; --n)
        if (auto it = codes.find(cameo.substr(0, n)); it != codes.end()) return it->second;
    return "";
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
} // namespace

Lemmatizer Lemmatizer::load(const std::string& dir) {
    Lemmatizer l;
    const std::string path = dir + "/irregular-verbs.tsv";
    for_each_row(path, ids::ontology::kNoIrregularVerbs, "irregular verb list", [&](const auto& cols, const std::string& where) {
        if (cols.size() != 2 || cols[0].empty() || cols[1].empty())
            throw ontology_error(ids::ontology::kBadIrregularVerb, where + "expected 'form<TAB>lemma'");
        l.irregular_[cols[0]] = cols[1];
    });
    return l;
}

std::vector<std::string> Lemmatizer::lemmas(const std::string& w) const {
    std::vector<std::string> out;
    auto add = [&](std::string s) {
        if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    };
    if (auto it = irregular_.find(w); it != irregular_.end()) add(it->second);
    const std::size_t n = w.size();
    if (n > 4 && ends_with(w, "ied")) add(w.substr(0, n - 3) + "y");          // denied
    if (n > 4 && ends_with(w, "ies")) add(w.substr(0, n - 3) + "y");          // denies
    if (n > 3 && ends_with(w, "ed")) {
        std::string stem = w.substr(0, n - 2);
        // Doubled final consonant: "committed" → commit, "halted" keeps "halt".
        if (stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
            !is_vowel(stem.back()) && stem.back() != 'l' && stem.back() != 's')
            add(stem.substr(0, stem.size() - 1));
        add(w.substr(0, n - 1)); // accused → accuse
        add(stem);               // demanded → demand
    }
    if (n > 4 && ends_with(w, "ing")) {
        std::string stem = w.substr(0, n - 3);
        if (stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2] && !is_vowel(stem.back()))
            add(stem.substr(0, stem.size() - 1));
        add(stem + "e"); // accusing → accuse
        add(stem);       // attacking → attack
    }
    if (n > 3 && ends_with(w, "es")) add(w.substr(0, n - 2)); // pushes → push
    if (n > 2 && ends_with(w, "s") && !ends_with(w, "ss")) add(w.substr(0, n - 1));
    add(w);
    return out;
}

RelationLexicon::RelationLexicon(const Ontology& ontology, Lemmatizer lemmatizer,
                                 std::vector<EventNoun> nouns)
    : ontology_(ontology), lemmatizer_(std::move(lemmatizer)), nouns_(std::move(nouns)) {
    for (const auto& v : ontology_.verbs()) {
        std::string first = v.lemma.substr(0, v.lemma.find(' '));
        by_first_word_[first].push_back(&v);
    }
    for (const auto& n : nouns_) nouns_by_word_[n.noun.substr(0, n.noun.find(' '))].push_back(n);
}

RelationLexicon RelationLexicon::load(const Ontology& ontology) {
    Lemmatizer lem = Lemmatizer::load(ontology.dir());
    const std::string path = ontology.dir() + "/event-nouns.tsv";
    std::vector<EventNoun> nouns;
    for_each_row(path, ids::ontology::kNoEventNouns, "event noun list", [&](const auto& cols, const std::string& where) {
        if (cols.size() != 4)
            throw ontology_error(ids::ontology::kBadEventNoun, where + "expected 'noun<TAB>frame<TAB>property<TAB>cameo'");
        if (!ontology.relation(cols[2]))
            throw ontology_error(ids::ontology::kEventNounProperty, where + "no ontology property '" + cols[2] + "'");
        nouns.push_back(EventNoun{cols[0], cols[1], cols[2], cols[3]});
    });
    RelationLexicon lexicon(ontology, std::move(lem), std::move(nouns));
    lexicon.verbs_ = std::make_shared<const VerbDictionary>(VerbDictionary::load(ontology));
    lexicon.cues_ = ActorCues::load(ontology.dir());
    lexicon.classes_ = load_verb_classes(ontology.dir() + "/verb-classes.tsv");
    lexicon.threat_codes_ = load_recoding(ontology, {"threat-codes.tsv", "threat", "13", "130", ids::ontology::kNoThreatCodes,
                                                     ids::ontology::kBadThreatCode});
    lexicon.intent_codes_ = load_recoding(ontology, {"intent-codes.tsv", "intent", "03", "030", ids::ontology::kNoIntentCodes,
                                                     ids::ontology::kBadIntentCode});
    lexicon.refusal_codes_ = load_recoding(ontology, {"refusal-codes.tsv", "refusal", "12", "120",
                                                      ids::ontology::kNoRefusalCodes, ids::ontology::kBadRefusalCode});
    // Optional, as verb-synonyms.tsv: an ontology without it codes no cessation.
    if (std::filesystem::exists(ontology.dir() + "/cessation-codes.tsv"))
        lexicon.cessation_codes_ = load_recoding(ontology, {"cessation-codes.tsv", "cessation", "16|08", "160",
                                                            ids::ontology::kNoCessationCodes,
                                                            ids::ontology::kBadCessationCode});
    return lexicon;
}

std::string RelationLexicon::cessation_code(const std::string& cameo) const { return recode(cessation_codes_, cameo); }
std::string RelationLexicon::threat_code(const std::string& cameo) const { return recode(threat_codes_, cameo); }
std::string RelationLexicon::intent_code(const std::string& cameo) const { return recode(intent_codes_, cameo); }
std::string RelationLexicon::refusal_code(const std::string& cameo) const { return recode(refusal_codes_, cameo); }

bool RelationLexicon::in_class(std::string_view verb_class, const std::string& lemma) const {
    auto it = classes_.find(lemma);
    return it != classes_.end() && std::find(it->second.begin(), it->second.end(), verb_class) != it->second.end();
}

const std::vector<const VerbSense*>* RelationLexicon::senses(const std::string& first_word) const {
    auto it = by_first_word_.find(first_word);
    return it == by_first_word_.end() ? nullptr : &it->second;
}

const std::vector<EventNoun>* RelationLexicon::nouns(const std::string& noun) const {
    auto it = nouns_by_word_.find(noun);
    return it == nouns_by_word_.end() ? nullptr : &it->second;
}

} // namespace newskg
