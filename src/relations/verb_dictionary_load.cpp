// Loads ontology/cameo-verbs.tsv (PETRARCH's verb dictionary, converted by
// scripts/convert-cameo) and compiles our own senses of ontology/verbs.tsv into the
// same patterns, so one matcher serves both and ours can win ties.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"
#include "relations/verb_dictionary_data.hpp"

namespace newskg {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string::size_type start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) return out;
        start = pos + 1;
    }
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

/// Builds the compiled dictionary; `where` prefixes every error ("file:line: ").
class Compiler {
  public:
    Compiler(VerbDictionary::Data& d, const Ontology& o) : d_(d), o_(o) {}

    void add_set(const std::string& name, const std::string& members, const std::string& where) {
        if (name.empty() || members.empty()) throw bad(where, "a set needs a name and members");
        Alternatives alts;
        for (const auto& member : split(members, '|')) {
            std::vector<WordId> option;
            for (const auto& w : words(member)) option.push_back(intern(w));
            if (option.empty()) throw bad(where, "empty member in set " + name);
            alts.options.push_back(std::move(option));
        }
        if (!d_.alternative_index.emplace("&" + name, AltId(d_.alternatives.size())).second)
            throw bad(where, "set " + name + " is defined twice");
        d_.alternatives.push_back(std::move(alts));
    }

    /// Words news writes for a dictionary word (ontology/verb-synonyms.tsv): the line's
    /// first word is the dictionary's, the others stand for it wherever a pattern names it
    /// as a literal word. One way only: the dictionary's own patterns for the other words
    /// ("ORDER * ENVOY") keep their own meaning.
    void add_synonyms(const std::vector<std::string>& group, const std::string& where) {
        if (group.size() < 2) throw bad(where, "a synonym line needs the dictionary's word and one or more others");
        auto& list = synonyms_[group.front()];
        for (std::size_t i = 1; i < group.size(); ++i) list.push_back(group[i]);
    }

    /// A pattern token ("right", "favour/favor", "&military") as a requirement.
    AltId requirement(const std::string& token, const std::string& where) {
        if (auto it = d_.alternative_index.find(token); it != d_.alternative_index.end()) return it->second;
        if (token[0] == '&') throw bad(where, "undefined set " + token);
        Alternatives alts;
        std::set<std::string> seen;
        for (const auto& w : split(token, '/')) {
            if (w.empty()) throw bad(where, "empty alternative in \"" + token + "\"");
            if (seen.insert(w).second) alts.options.push_back({intern(w)});
            if (auto it = synonyms_.find(w); it != synonyms_.end())
                for (const auto& s : it->second)
                    if (seen.insert(s).second) alts.options.push_back({intern(s)});
        }
        d_.alternatives.push_back(std::move(alts));
        return d_.alternative_index.emplace(token, AltId(d_.alternatives.size() - 1)).first->second;
    }

    /// The words and markers of one part of a pattern; returns the role its marker gives.
    Role part(const std::string& text, std::vector<AltId>& out, const std::string& where) {
        Role role = Role::None;
        for (const auto& t : words(text)) {
            if (t == "+" || t == "$") {
                if (role != Role::None) throw bad(where, "two markers in one phrase");
                role = t == "+" ? Role::Target : Role::Source;
            } else {
                out.push_back(requirement(t, where));
            }
        }
        return role;
    }

    std::uint32_t block(const std::string& name) {
        auto [it, fresh] = d_.block_index.emplace(name, std::uint32_t(d_.blocks.size()));
        if (fresh) d_.blocks.emplace_back();
        return it->second;
    }

    /// A CAMEO code the ontology knows: itself, else its nearest known parent.
    std::string code(const std::string& c, const std::string& where, bool null_allowed = true) {
        if (c == "---" && null_allowed) return c;
        if (c.size() < 2 || c.size() > 4 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            throw bad(where, "\"" + c + "\" is not a CAMEO code");
        for (std::string parent = c; parent.size() >= 2; parent.pop_back()) {
            if (o_.cameo(parent)) {
                if (parent != c) ++d_.stats.codes_remapped;
                return parent;
            }
        }
        throw bad(where, "CAMEO " + c + " and its parents are unknown to the ontology");
    }

    std::string predicate_of(const std::string& c) const {
        if (c.empty() || c == "---") return {};
        const RelationType* r = o_.relation_for_cameo(c);
        return r ? r->name : std::string();
    }

    static ontology_error bad(const std::string& where, const std::string& problem) {
        return ontology_error(ids::ontology::kBadVerbDictionary, where + problem);
    }

  private:
    WordId intern(const std::string& w) {
        return d_.words.emplace(w, WordId(d_.words.size())).first->second;
    }

    VerbDictionary::Data& d_;
    const Ontology& o_;
    std::map<std::string, std::vector<std::string>> synonyms_;
};

/// ontology/verb-synonyms.tsv, when the ontology has one: a dictionary word and the words
/// that stand for it, a line.
void read_synonyms(const std::string& path, Compiler& c) {
    std::ifstream in(path);
    if (!in) return; // optional: an ontology without it matches the dictionary's words only
    std::string line;
    std::size_t lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> group;
        for (const auto& w : words(line)) group.push_back(fold_plural(w));
        c.add_synonyms(group, path + ":" + std::to_string(lineno) + ": ");
    }
}

int specificity(const Pattern& p) {
    int n = int(p.subject.size() + p.object.size());
    for (const auto& pr : p.preps) n += 1 + int(pr.words.size());
    return n;
}

/// What a pattern requires, independent of its code: equal for an own sense and the
/// dictionary pattern it replaces.
std::string signature(const Pattern& p) {
    auto sorted = [](std::vector<AltId> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    std::ostringstream s;
    for (AltId a : sorted(p.subject)) s << a << ',';
    s << '*';
    for (AltId a : sorted(p.object)) s << a << ',';
    std::vector<std::string> preps;
    for (const auto& pr : p.preps) {
        std::ostringstream one;
        for (const auto& prep : pr.prepositions) one << prep << '/';
        for (AltId a : sorted(pr.words)) one << a << ',';
        preps.push_back(one.str());
    }
    std::sort(preps.begin(), preps.end());
    for (const auto& pr : preps) s << '|' << pr;
    return s.str();
}

void read_dictionary(const std::string& path, Compiler& c, VerbDictionary::Data& d) {
    std::ifstream in(path);
    if (!in) throw Compiler::bad(path + ": ", "cannot open the CAMEO verb dictionary (scripts/convert-cameo writes it)");
    std::string line;
    std::size_t lineno = 0;
    std::size_t order = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::string where = path + ":" + std::to_string(lineno) + ": ";
        const auto f = split(line, '\t');
        if (f[0] == "set") {
            if (f.size() != 3) throw Compiler::bad(where, "a set row has 3 fields, found " + std::to_string(f.size()));
            c.add_set(f[1], f[2], where);
            ++d.stats.sets;
        } else if (f[0] == "verb") {
            // verb block lemma particle code line
            if (f.size() != 6) throw Compiler::bad(where, "a verb row has 6 fields, found " + std::to_string(f.size()));
            if (f[2].empty()) throw Compiler::bad(where, "verb without lemma");
            VerbEntry e;
            e.particle = words(f[3]);
            e.block = c.block(f[1]);
            e.code = c.code(f[4], where);
            e.predicate = c.predicate_of(e.code);
            e.provenance = "CAMEO.2.0.txt:" + f[5] + " " + f[2] + (f[3].empty() ? "" : " " + f[3]);
            if (e.particle.size() == 1) d.particle_verbs.insert(f[2] + " " + e.particle.front());
            d.verbs[f[2]].push_back(std::move(e));
            ++d.stats.verb_entries;
        } else if (f[0] == "pattern") {
            // pattern block subject object preps code reverse line text
            if (f.size() != 9)
                throw Compiler::bad(where, "a pattern row has 9 fields, found " + std::to_string(f.size()));
            Pattern p;
            p.subject_role = c.part(f[2], p.subject, where);
            p.object_role = c.part(f[3], p.object, where);
            if (!f[4].empty()) {
                for (const auto& phrase : split(f[4], '|')) {
                    auto ws = words(phrase);
                    if (ws.empty()) throw Compiler::bad(where, "empty prepositional phrase");
                    PrepRequirement pr;
                    pr.prepositions = split(ws[0], '/');
                    ws.erase(ws.begin());
                    std::string rest;
                    for (const auto& w : ws) rest += w + " ";
                    pr.role = c.part(rest, pr.words, where);
                    p.preps.push_back(std::move(pr));
                }
            }
            if (f[5].empty() && f[6].empty()) throw Compiler::bad(where, "a pattern needs a code");
            if (!f[5].empty()) p.cameo = c.code(f[5], where);
            if (!f[6].empty()) p.reverse = c.code(f[6], where, false);
            p.predicate = c.predicate_of(p.cameo.empty() ? p.reverse : p.cameo);
            p.provenance = "CAMEO.2.0.txt:" + f[7] + " - " + f[8];
            p.specificity = specificity(p);
            p.order = ++order;
            d.blocks[c.block(f[1])].push_back(std::move(p));
            ++d.stats.patterns;
        } else {
            throw Compiler::bad(where, "unknown row kind \"" + f[0] + "\" (set, verb or pattern)");
        }
    }
    if (d.stats.verb_entries == 0) throw Compiler::bad(path + ": ", "no verbs");
    // Multi-word verbs are tried before the plain verb, the longest first (as PETRARCH).
    for (auto& [lemma, entries] : d.verbs)
        std::stable_sort(entries.begin(), entries.end(),
                         [](const VerbEntry& a, const VerbEntry& b) { return a.particle.size() > b.particle.size(); });
}

/// Our senses as patterns of their lemma. A lemma of several words ("cut ties") is the
/// verb and words required after it; the frame adds a phrase or a word.
void compile_own(const Ontology& o, Compiler& c, VerbDictionary::Data& d) {
    const std::string where = (fs::path(o.dir()) / "verbs.tsv").string() + ": ";
    for (const VerbSense& v : o.verbs()) {
        if (const auto sp = v.lemma.find(' '); sp != std::string::npos && v.lemma.find(' ', sp + 1) == std::string::npos)
            d.particle_verbs.insert(v.lemma); // "hand back", and "cut ties" (no particle: never asked)
        const RelationType* r = o.relation(v.predicate);
        if (!r || !r->event || v.cameo.empty()) continue; // standing relations are not CAMEO events
        auto ws = words(v.lemma);
        const std::string lemma = ws.front();
        Pattern p;
        for (std::size_t i = 1; i < ws.size(); ++i) p.object.push_back(c.requirement(fold_plural(ws[i]), where));
        if (v.frame.rfind("prep:", 0) == 0) {
            p.preps.push_back({{v.frame.substr(5)}, {}, Role::Target});
        } else if (v.frame == "accuse_of") {
            p.preps.push_back({{"of"}, {}, Role::None});
        } else if (v.frame == "call_on") {
            p.preps.push_back({{"on"}, {}, Role::Target});
        } else if (v.frame == "demand_withdraw") {
            p.object.push_back(c.requirement("withdraw/leave", where));
        } // dobj and mutual require nothing beyond the verb
        p.cameo = c.code(v.cameo, where + v.lemma + " " + v.frame + ": ", false);
        if (v.frame == "mutual") p.reverse = p.cameo;
        p.predicate = v.predicate;
        p.provenance = "verbs.tsv: " + v.lemma + " " + v.frame + " " + v.predicate;
        p.specificity = specificity(p);
        p.own = true;
        p.direct = v.frame == "dobj";
        ++d.stats.own_senses;
        if (auto it = d.verbs.find(lemma); it != d.verbs.end()) {
            ++d.stats.own_known;
            const VerbEntry& plain = it->second.back();
            const std::string sig = signature(p);
            const bool shadows =
                (sig == signature(Pattern{}) && plain.particle.empty()) ||
                std::any_of(d.blocks[plain.block].begin(), d.blocks[plain.block].end(),
                            [&](const Pattern& q) { return signature(q) == sig; });
            if (shadows) ++d.stats.own_shadowing;
        }
        d.own[lemma].push_back(std::move(p));
    }
}

} // namespace

VerbDictionary::VerbDictionary(std::unique_ptr<Data> data) : data_(std::move(data)) {}
VerbDictionary::VerbDictionary(VerbDictionary&&) noexcept = default;
VerbDictionary& VerbDictionary::operator=(VerbDictionary&&) noexcept = default;
VerbDictionary::~VerbDictionary() = default;

VerbDictionary VerbDictionary::load(const Ontology& ontology) {
    auto d = std::make_unique<Data>();
    Compiler c(*d, ontology);
    read_synonyms((fs::path(ontology.dir()) / "verb-synonyms.tsv").string(), c);
    read_dictionary((fs::path(ontology.dir()) / "cameo-verbs.tsv").string(), c, *d);
    compile_own(ontology, c, *d);
    std::set<std::string> lemmas;
    for (const auto& [lemma, entries] : d->verbs) lemmas.insert(lemma);
    for (const auto& [lemma, senses] : d->own) lemmas.insert(lemma);
    d->stats.lemmas = lemmas.size();
    return VerbDictionary(std::move(d));
}

VerbDictionary VerbDictionary::load(const std::string& ontology_dir) {
    return load(Ontology::load(ontology_dir));
}

const VerbDictionaryStats& VerbDictionary::stats() const { return data_->stats; }

} // namespace newskg
