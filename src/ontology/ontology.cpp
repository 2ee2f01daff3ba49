// Loads ontology/*.ttl with librdf into one model, reads the triples into plain values
// and checks them against each other, so that every later stage can trust the ontology
// without re-checking: every event property has a CAMEO code that exists, with the
// QuadClass and Goldstein score of that code; every gazetteer actor has a type and a
// label; every lexicon line names a property that exists.
#include "newskg/ontology/ontology.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "newskg/core/error.hpp"
#include "newskg/io/term.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "rdf/rdf.hpp"

namespace newskg {

namespace {

namespace fs = std::filesystem;

// The W3C namespaces, spelt once in newskg/rdf/vocabulary.hpp.
using vocab::kOwl;
using vocab::kRdf;
using vocab::kRdfs;
using vocab::kSkos;

std::string term(std::string_view ns, std::string_view local) { return vocab::iri(ns, local); }

/// Everything said about one subject, in the order the files say it.
struct Subject {
    std::string file; ///< the file that first mentions it as a subject
    std::vector<std::pair<std::string, Term>> props;

    std::vector<const Term*> all(const std::string& pred) const {
        std::vector<const Term*> out;
        for (const auto& [p, v] : props)
            if (p == pred) out.push_back(&v);
        return out;
    }
    /// The first literal of `pred`, preferring English or untagged ones, since labels
    /// may come in several languages.
    const Term* literal(const std::string& pred) const {
        const Term* fallback = nullptr;
        for (const auto& [p, v] : props) {
            if (p != pred || v.is_iri()) continue;
            if (v.language.empty() || v.language == "en" || v.language.rfind("en-", 0) == 0) return &v;
            if (!fallback) fallback = &v;
        }
        return fallback;
    }
    bool has(const std::string& pred, const std::string& object_iri) const {
        for (const auto& [p, v] : props)
            if (p == pred && v.is_iri() && v.text() == object_iri) return true;
        return false;
    }
    std::vector<std::string> literals(const std::string& pred) const {
        std::vector<std::string> out;
        for (const auto& [p, v] : props)
            if (p == pred && !v.is_iri() && std::find(out.begin(), out.end(), v.text()) == out.end())
                out.push_back(v.text());
        return out;
    }
};

using SubjectMap = std::map<std::string, Subject>;

std::string short_name(const std::string& iri) {
    if (iri.rfind(kOntologyNs, 0) == 0) return "nkg:" + iri.substr(kOntologyNs.size());
    return "<" + iri + ">";
}

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> parse_double(std::string_view s) {
    // from_chars does not accept a leading '+', which Turtle decimals may carry.
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

bool is_cameo_code(std::string_view s) {
    if (s.size() < 2 || s.size() > 4) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// GDELT's grouping of the twenty roots, used when the concept scheme has no root
/// concept for a code.
int quad_class_by_rule(std::string_view code) {
    if (code.size() < 2 || !is_cameo_code(code.substr(0, 2))) return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root >= 1 && root <= 5) return 1;
    if (root >= 6 && root <= 9) return 2;
    if (root >= 10 && root <= 14) return 3;
    if (root >= 15 && root <= 20) return 4;
    return 0;
}

/// Parses every *.ttl of dir into one librdf model and regroups the triples by subject.
SubjectMap read_turtle(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".ttl" && it->is_regular_file(ec))
            files.push_back(it->path().string());
    if (ec)
        throw ontology_error(ids::ontology::kNoDirectory,
                             dir + ": cannot read the ontology directory: " + ec.message());
    if (files.empty()) throw ontology_error(ids::ontology::kMissingFile, dir + ": no *.ttl files");
    // Sorted so that messages and the order of equal-ranked values do not depend on
    // the file system's directory order.
    std::sort(files.begin(), files.end());

    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser parser(world, "turtle");
    SubjectMap subjects;
    for (const auto& file : files) {
        auto each = [&](rdf::StatementRef st) {
            rdf::NodeRef s = st.subject();
            // Blank nodes are not used by the ontology's own terms; their triples stay in
            // the model (OWL restrictions, lists) but are not read as terms.
            if (!s.is_iri()) return;
            Subject& subj = subjects[std::string(s.iri())];
            if (subj.file.empty()) subj.file = file;
            subj.props.emplace_back(std::string(st.predicate().iri()), st.object().term());
        };
        try {
            parser.parse_file(file, model, each);
        } catch (const rdf_error& e) {
            // rdf_error's text is "[newskg.rdf.N] <file>:<line>: <problem>"; keep the part
            // after the id so the ontology error names the file once.
            std::string msg = e.what();
            auto pos = msg.find("] ");
            throw ontology_error(ids::ontology::kSyntax, pos == std::string::npos ? msg : msg.substr(pos + 2));
        }
    }
    return subjects;
}

const std::vector<std::string_view> kStandingRelations = {
    "partOf", "memberOf", "affiliatedWith", "leaderOf", "spokespersonOf", "locatedIn", "presentIn"};

const std::vector<std::pair<std::string_view, ActorType>> kActorClasses = {
    {"Actor", ActorType::Actor},
    {"Person", ActorType::Person},
    {"Country", ActorType::Country},
    {"Location", ActorType::Location},
    {"Government", ActorType::Government},
    {"Military", ActorType::Military},
    {"ArmedGroup", ActorType::ArmedGroup},
    {"Organization", ActorType::Organization},
};

// The frames the relation extractor knows; prep:<p> is checked separately. "mutual"
// is for "X and Y signed a deal", where each subject is the other's object.
const std::vector<std::string_view> kFrames = {"dobj", "accuse_of", "demand_withdraw", "call_on", "mutual"};

bool valid_frame(const std::string& frame) {
    if (std::find(kFrames.begin(), kFrames.end(), frame) != kFrames.end()) return true;
    if (frame.rfind("prep:", 0) != 0 || frame.size() == 5) return false;
    return std::all_of(frame.begin() + 5, frame.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool valid_lemma(const std::string& lemma) {
    if (lemma.empty() || lemma.front() == ' ' || lemma.back() == ' ') return false;
    if (lemma.find("  ") != std::string::npos) return false;
    return std::all_of(lemma.begin(), lemma.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '\'';
    });
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return out;
}

std::string exe_dir() {
    // /proc/self/exe is Linux's way to find the running binary; argv[0] is not
    // available here and may be a bare name found through PATH.
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path().string();
}

bool has_ontology(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "newskg.ttl", ec);
}

} // namespace

// ---------------------------------------------------------------- loading

Ontology Ontology::load(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw ontology_error(ids::ontology::kNoDirectory, dir + ": ontology directory not found");

    Ontology o;
    o.dir_ = dir;
    SubjectMap subjects = read_turtle(dir);

    const std::string rdf_type = term(kRdf, "type");
    const std::string rdfs_label = term(kRdfs, "label");
    const std::string rdfs_comment = term(kRdfs, "comment");
    const std::string skos_concept = term(kSkos, "Concept");
    const std::string skos_notation = term(kSkos, "notation");
    const std::string skos_pref = term(kSkos, "prefLabel");
    const std::string skos_alt = term(kSkos, "altLabel");
    const std::string owl_symmetric = term(kOwl, "SymmetricProperty");
    auto nkg = [](std::string_view local) { return term(kOntologyNs, local); };

    // --- CAMEO concepts first: the properties are checked against them.
    for (const auto& [iri, s] : subjects) {
        if (!s.has(rdf_type, skos_concept)) continue;
        const Term* notation = s.literal(skos_notation);
        if (!notation) continue; // a concept of another scheme
        CameoCode c;
        c.code = notation->text();
        if (!is_cameo_code(c.code))
            throw ontology_error(ids::ontology::kBadCameo, s.file + ": " + short_name(iri) + " has notation \"" +
                                                               c.code + "\", not a CAMEO code");
        if (const Term* label = s.literal(skos_pref)) c.name = label->text();
        if (const Term* g = s.literal(nkg("goldstein"))) {
            c.goldstein = parse_double(g->text());
            if (!c.goldstein)
                throw ontology_error(ids::ontology::kBadCameo,
                                     s.file + ": CAMEO " + c.code + " has a Goldstein score that is not a number");
        }
        if (const Term* q = s.literal(nkg("quadClass"))) c.quad_class = parse_int(q->text()).value_or(0);
        if (c.quad_class == 0) c.quad_class = quad_class_by_rule(c.code);
        if (const Term* p = s.literal(nkg("ploverCategory"))) c.plover = p->text();
        if (o.cameo_index_.count(c.code))
            throw ontology_error(ids::ontology::kBadCameo, s.file + ": CAMEO code " + c.code + " is defined twice");
        o.cameo_index_.emplace(c.code, o.cameo_codes_.size());
        o.cameo_codes_.push_back(std::move(c));
    }
    if (o.cameo_codes_.empty())
        throw ontology_error(ids::ontology::kMissingFile, dir + ": no CAMEO concepts (is cameo.ttl missing?)");
    std::sort(o.cameo_codes_.begin(), o.cameo_codes_.end(),
              [](const CameoCode& a, const CameoCode& b) { return a.code < b.code; });
    o.cameo_index_.clear();
    for (std::size_t i = 0; i < o.cameo_codes_.size(); ++i) o.cameo_index_[o.cameo_codes_[i].code] = i;

    // --- relation properties.
    std::map<std::string, std::vector<std::pair<std::string, bool>>> by_code; // code → (name, preferred)
    for (const auto& [iri, s] : subjects) {
        bool event = s.has(rdf_type, nkg("EventProperty"));
        bool standing = s.has(rdf_type, nkg("StandingRelation"));
        bool has_code = s.literal(nkg("cameoCode")) != nullptr;
        if (!event && !standing) {
            // Object properties with CAMEO annotations but no class are a slip in the
            // data: without the class they would silently vanish from the ontology.
            if (has_code && s.has(rdf_type, term(kOwl, "ObjectProperty")))
                throw ontology_error(ids::ontology::kBadProperty,
                                     s.file + ": " + short_name(iri) +
                                         " has nkg:cameoCode but is not an nkg:EventProperty");
            continue;
        }
        const std::string where = s.file + ": " + short_name(iri);
        if (event && standing)
            throw ontology_error(ids::ontology::kBadProperty,
                                 where + " is both an event property and a standing relation");
        if (iri.rfind(kOntologyNs, 0) != 0)
            throw ontology_error(ids::ontology::kBadProperty, where + " is not in the nkg: namespace");
        RelationType r;
        r.iri = iri;
        r.name = iri.substr(kOntologyNs.size());
        r.event = event;
        const Term* label = s.literal(rdfs_label);
        if (!label || label->text().empty())
            throw ontology_error(ids::ontology::kBadProperty, where + " has no rdfs:label");
        r.label = label->text();
        const Term* comment = s.literal(rdfs_comment);
        if (!comment || comment->text().empty())
            throw ontology_error(ids::ontology::kBadProperty, where + " has no rdfs:comment");
        r.comment = comment->text();
        r.symmetric = s.has(rdf_type, owl_symmetric);
        if (standing) {
            if (has_code)
                throw ontology_error(ids::ontology::kBadProperty, where + " is a standing relation with a CAMEO code");
        } else {
            const Term* code = s.literal(nkg("cameoCode"));
            if (!code) throw ontology_error(ids::ontology::kBadProperty, where + " has no nkg:cameoCode");
            r.cameo = code->text();
            const CameoCode* concept = o.cameo(r.cameo);
            if (!concept)
                throw ontology_error(ids::ontology::kBadProperty,
                                     where + " has CAMEO code " + r.cameo + ", which cameo.ttl does not define");
            const Term* quad = s.literal(nkg("quadClass"));
            if (!quad) throw ontology_error(ids::ontology::kBadProperty, where + " has no nkg:quadClass");
            r.quad_class = parse_int(quad->text()).value_or(-1);
            if (r.quad_class != o.quad_class(r.cameo))
                throw ontology_error(ids::ontology::kBadProperty, where + " has QuadClass " + quad->text() +
                                                                      " but CAMEO " + r.cameo + " is QuadClass " +
                                                                      std::to_string(o.quad_class(r.cameo)));
            const Term* g = s.literal(nkg("goldstein"));
            if (!g) throw ontology_error(ids::ontology::kBadProperty, where + " has no nkg:goldstein");
            auto gv = parse_double(g->text());
            if (!gv)
                throw ontology_error(ids::ontology::kBadProperty,
                                     where + " has a Goldstein score that is not a number");
            r.goldstein = *gv;
            if (std::fabs(r.goldstein - o.goldstein(r.cameo)) > 1e-9) {
                std::ostringstream msg;
                msg << where << " has Goldstein " << g->text() << " but CAMEO " << r.cameo << " scores "
                    << o.goldstein(r.cameo);
                throw ontology_error(ids::ontology::kBadProperty, msg.str());
            }
            if (const Term* p = s.literal(nkg("ploverCategory"))) {
                r.plover = p->text();
                if (!concept->plover.empty() && concept->plover != r.plover)
                    throw ontology_error(ids::ontology::kBadProperty, where + " has PLOVER category " + r.plover +
                                                                          " but CAMEO " + r.cameo + " maps to " +
                                                                          concept->plover);
            } else {
                r.plover = concept->plover;
            }
            const Term* pref = s.literal(nkg("preferredForCode"));
            by_code[r.cameo].emplace_back(r.name, pref && (pref->text() == "true" || pref->text() == "1"));
        }
        o.relations_.push_back(std::move(r));
    }
    for (auto name : kStandingRelations) {
        auto it = std::find_if(o.relations_.begin(), o.relations_.end(),
                               [&](const RelationType& r) { return r.name == name; });
        if (it == o.relations_.end() || it->event)
            throw ontology_error(ids::ontology::kBadProperty,
                                 dir + ": the standing relation nkg:" + std::string(name) + " is not defined");
    }
    // Which property a bare CAMEO code maps back to when several share it.
    std::set<std::string> preferred_names;
    for (const auto& [code, props] : by_code) {
        std::size_t preferred = 0;
        for (const auto& [name, pref] : props)
            if (pref) ++preferred;
        if (props.size() == 1)
            preferred_names.insert(props.front().first);
        else if (preferred != 1)
            throw ontology_error(ids::ontology::kBadProperty,
                                 dir + ": CAMEO " + code + " is shared by " + std::to_string(props.size()) +
                                     " properties; exactly one needs nkg:preferredForCode true");
        for (const auto& [name, pref] : props)
            if (pref) preferred_names.insert(name);
    }
    // Standing relations first, then events in CAMEO order with the preferred property
    // of a shared code first: relation_for_cameo relies on that order, and it is the
    // order a reader of the ontology expects, stable whatever the order of the files.
    std::sort(o.relations_.begin(), o.relations_.end(),
              [&](const RelationType& a, const RelationType& b) {
                  if (a.event != b.event) return !a.event;
                  if (a.cameo != b.cameo) return a.cameo < b.cameo;
                  bool pa = preferred_names.count(a.name) > 0, pb = preferred_names.count(b.name) > 0;
                  if (pa != pb) return pa;
                  return a.name < b.name;
              });
    for (std::size_t i = 0; i < o.relations_.size(); ++i) o.relation_index_[o.relations_[i].name] = i;

    // --- gazetteer.
    std::map<std::string, ActorType> class_of;
    for (const auto& [local, type] : kActorClasses) class_of.emplace(nkg(local), type);
    const std::vector<std::string_view> parent_order = {"partOf", "affiliatedWith", "locatedIn", "memberOf",
                                                        "presentIn"};
    for (const auto& [iri, s] : subjects) {
        std::optional<ActorType> type;
        for (const Term* t : s.all(rdf_type)) {
            auto it = class_of.find(t->text());
            if (it == class_of.end()) continue;
            if (type && *type != ActorType::Actor && it->second != ActorType::Actor && *type != it->second)
                throw ontology_error(ids::ontology::kBadGazetteer,
                                     s.file + ": " + short_name(iri) + " has two actor types, " +
                                         std::string(to_string(*type)) + " and " + std::string(to_string(it->second)));
            if (!type || *type == ActorType::Actor) type = it->second;
        }
        if (!type) continue;
        GazetteerEntry e;
        e.iri = iri;
        e.type = *type;
        const Term* label = s.literal(skos_pref);
        if (!label) label = s.literal(rdfs_label);
        if (!label || label->text().empty())
            throw ontology_error(ids::ontology::kBadGazetteer,
                                 s.file + ": " + short_name(iri) + " has no skos:prefLabel");
        e.label = label->text();
        e.names.push_back(e.label);
        for (auto& n : s.literals(skos_alt))
            if (std::find(e.names.begin(), e.names.end(), n) == e.names.end()) e.names.push_back(std::move(n));
        e.acronyms = s.literals(nkg("acronym"));
        e.adjectives = s.literals(nkg("adjective"));
        if (const Term* iso = s.literal(nkg("isoCode"))) e.country_code = iso->text();
        if (const Term* cap = s.literal(nkg("capital"))) e.capital = cap->text();
        for (auto rel : parent_order) {
            auto targets = s.all(nkg(rel));
            if (targets.empty()) continue;
            e.parent_iri = targets.front()->text();
            e.parent_relation = std::string(rel);
            break;
        }
        o.actor_index_.emplace(e.iri, o.gazetteer_.size());
        o.gazetteer_.push_back(std::move(e));
    }
    for (const auto& e : o.gazetteer_) {
        if (!e.parent_iri.empty() && !o.actor(e.parent_iri))
            throw ontology_error(ids::ontology::kBadGazetteer,
                                 subjects.at(e.iri).file + ": " + short_name(e.iri) + " is nkg:" + e.parent_relation +
                                     " <" + e.parent_iri + ">, which the gazetteer does not define");
    }
    // The country an actor belongs to, for actors without their own code: follow the
    // structural links (part of, located in) first, since affiliation can point abroad
    // (Hezbollah is Lebanese and Iran-backed).
    for (auto& e : o.gazetteer_) {
        if (!e.country_code.empty()) continue;
        const Subject& s = subjects.at(e.iri);
        for (auto rel : {"partOf", "locatedIn", "affiliatedWith"}) {
            for (const Term* t : s.all(nkg(rel))) {
                // Walk up a few levels (a brigade part of an army part of a state).
                const GazetteerEntry* p = o.actor(t->text());
                for (int depth = 0; p && depth < 4 && p->type != ActorType::Country; ++depth)
                    p = p->parent_iri.empty() || p->parent_relation != "partOf" ? nullptr : o.actor(p->parent_iri);
                if (p && p->type == ActorType::Country && !p->country_code.empty()) {
                    e.country_code = p->country_code;
                    break;
                }
            }
            if (!e.country_code.empty()) break;
        }
    }

    // --- verb lexicon.
    const std::string verbs_path = (fs::path(dir) / "verbs.tsv").string();
    std::ifstream in(verbs_path);
    if (!in) throw ontology_error(ids::ontology::kMissingFile, verbs_path + ": cannot open the verb lexicon");
    std::string line;
    std::size_t lineno = 0;
    bool header = false;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::string where = verbs_path + ":" + std::to_string(lineno) + ": ";
        auto f = split_tabs(line);
        if (!header) {
            if (f != std::vector<std::string>{"lemma", "frame", "predicate", "cameo"})
                throw ontology_error(ids::ontology::kBadLexicon,
                                     where + "the header must be lemma, frame, predicate, cameo");
            header = true;
            continue;
        }
        if (f.size() != 4)
            throw ontology_error(ids::ontology::kBadLexicon,
                                 where + "expected 4 tab-separated columns, found " + std::to_string(f.size()));
        VerbSense v{f[0], f[1], f[2], f[3]};
        if (!valid_lemma(v.lemma))
            throw ontology_error(ids::ontology::kBadLexicon,
                                 where + "lemma \"" + v.lemma +
                                     "\" must be lower-case words separated by single spaces");
        if (!valid_frame(v.frame))
            throw ontology_error(ids::ontology::kBadLexicon, where + "unknown frame \"" + v.frame + "\"");
        const RelationType* r = o.relation(v.predicate);
        if (!r) throw ontology_error(ids::ontology::kBadLexicon, where + "no ontology property nkg:" + v.predicate);
        if (r->event) {
            if (!o.cameo(v.cameo))
                throw ontology_error(ids::ontology::kBadLexicon,
                                     where + "CAMEO code \"" + v.cameo + "\" does not exist");
            // A verb's code may be more specific than its property's, but must stay in
            // the same root: otherwise the QuadClass of the edge would contradict it.
            if (v.cameo.compare(0, 2, r->cameo, 0, 2) != 0)
                throw ontology_error(ids::ontology::kBadLexicon, where + "CAMEO " + v.cameo +
                                                                     " is not in the root of nkg:" + r->name + " (" +
                                                                     r->cameo + ")");
        } else if (!v.cameo.empty()) {
            throw ontology_error(ids::ontology::kBadLexicon,
                                 where + "nkg:" + r->name + " is a standing relation; leave the cameo column empty");
        }
        if (!seen.emplace(v.lemma, v.frame, v.predicate).second)
            throw ontology_error(ids::ontology::kBadLexicon,
                                 where + "duplicate entry " + v.lemma + " / " + v.frame + " / " + v.predicate);
        o.verbs_.push_back(std::move(v));
    }
    if (!header || o.verbs_.empty())
        throw ontology_error(ids::ontology::kBadLexicon, verbs_path + ": the verb lexicon is empty");
    return o;
}

std::string Ontology::default_dir() {
    if (const char* env = std::getenv("NEWSKG_ONTOLOGY"); env && *env) return env;
    std::string exe = exe_dir();
    if (!exe.empty()) {
        fs::path installed = fs::path(exe) / ".." / "share" / "newskg" / "ontology";
        if (has_ontology(installed)) return installed.lexically_normal().string();
        fs::path beside = fs::path(exe) / ".." / "ontology";
        if (has_ontology(beside)) return beside.lexically_normal().string();
    }
    return NEWSKG_DEFAULT_ONTOLOGY_DIR;
}

// ---------------------------------------------------------------- queries

const RelationType* Ontology::relation(std::string_view name) const {
    auto it = relation_index_.find(std::string(name));
    return it == relation_index_.end() ? nullptr : &relations_[it->second];
}

const RelationType* Ontology::relation_for_cameo(std::string_view code) const {
    // relations_ holds events in code order with the preferred property of a shared
    // code first, so the first hit of the longest matching prefix is the answer. A
    // linear scan over some eighty properties is cheaper than keeping another index.
    const RelationType* best = nullptr;
    for (const auto& r : relations_) {
        if (!r.event || r.cameo.size() > code.size() || code.compare(0, r.cameo.size(), r.cameo) != 0)
            continue;
        if (!best || r.cameo.size() > best->cameo.size()) best = &r;
    }
    return best;
}

const CameoCode* Ontology::cameo(std::string_view code) const {
    auto it = cameo_index_.find(std::string(code));
    return it == cameo_index_.end() ? nullptr : &cameo_codes_[it->second];
}

int Ontology::quad_class(std::string_view cameo_code) const {
    if (cameo_code.size() < 2) return 0;
    // The mapping is data (cameo.ttl's roots carry it); the rule is the fallback.
    if (const CameoCode* root = cameo(cameo_code.substr(0, 2)); root && root->quad_class)
        return root->quad_class;
    return quad_class_by_rule(cameo_code);
}

double Ontology::goldstein(std::string_view cameo_code) const {
    for (std::size_t n = cameo_code.size(); n >= 2; --n)
        if (const CameoCode* c = cameo(cameo_code.substr(0, n)); c && c->goldstein) return *c->goldstein;
    return 0.0;
}

const GazetteerEntry* Ontology::actor(std::string_view iri) const {
    auto it = actor_index_.find(std::string(iri));
    return it == actor_index_.end() ? nullptr : &gazetteer_[it->second];
}

} // namespace newskg
