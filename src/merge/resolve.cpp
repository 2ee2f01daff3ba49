// Cross-article actor resolution. The IRI union already makes one node of an actor
// that two articles named alike (gazetteer IRIs, or IRIs minted from the same type and
// name). What it cannot see: an actor minted from a different spelling ("MIMUSMA"), an
// acronym in one article and the long name in another, or an alias only one article
// gave. Those are found here as candidate pairs, checked against what separates actors
// (types, country codes, the gazetteer, the user's alias file), and united.
//
// Order-freedom: candidates are sorted (by kind, then IRIs) before they are united, the
// surviving IRI is chosen by a fixed order, and merged nodes keep every name as an alias,
// so merging a merged graph again finds the same matches through those aliases.
#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "io/rdf_triples.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "newskg/actors/actors.hpp"
#include "newskg/core/error.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

enum Kind { kAliasFile = 0, kAlias = 1, kAcronym = 2, kEditDistance = 3 };
const char* kind_name(int k) {
    switch (k) {
    case kAliasFile: return "alias-file";
    case kAlias: return "alias";
    case kAcronym: return "acronym";
    default: return "edit-distance";
    }
}

struct Candidate {
    int kind;
    std::size_t a, b; ///< node indices, a < b by IRI
    std::string reason;
};

bool has_upper(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
}
bool has_digit(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

/// Words an acronym may skip ("Economic Community of West African States").
bool small_word(const std::string& w) {
    static const std::set<std::string> kSmall{"of", "the", "and", "for", "on", "in", "de", "des", "du", "la", "le", "al", "el"};
    return kSmall.count(w) > 0;
}

/// An acronym as written: 2 to 10 capital letters, nothing else ("UN", "ECOWAS").
bool is_acronym(const std::string& s) {
    if (s.size() < 2 || s.size() > 10) return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
        if (c == ' ' || c == '-' || c == '\t') {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

/// The acronyms a long name can stand for: the initials of its capitalised words
/// ("Rapid Support Forces" → RSF) and of all its words ("Economic Community of West
/// African States" → ECOWAS).
std::set<std::string> initials(const std::string& name) {
    std::set<std::string> out;
    const auto ws = words(name);
    if (ws.size() < 2) return out;
    std::string caps, all;
    bool only_small_lower = true; // "United Nations experts" is not the UN
    for (const auto& w : ws) {
        const unsigned char c = static_cast<unsigned char>(w[0]);
        if (!std::isalpha(c)) return {};
        all += static_cast<char>(std::toupper(c));
        if (std::isupper(c))
            caps += static_cast<char>(c);
        else if (!small_word(w))
            only_small_lower = false;
    }
    if (!only_small_lower) return out;
    if (caps.size() >= 2) out.insert(caps);
    if (all.size() >= 2) out.insert(all);
    return out;
}

/// Are these two name keys the same words but one, that one (5+ letters in both, same
/// first letter) one edit away? The near-spelling rule of the resolver.
bool one_word_misspelt(const std::string& a, const std::string& b) {
    const auto wa = words(a), wb = words(b);
    if (wa.size() != wb.size()) return false;
    std::size_t differing = 0, at = 0;
    for (std::size_t t = 0; t < wa.size(); ++t)
        if (wa[t] != wb[t]) ++differing, at = t;
    if (differing != 1) return false;
    const std::string& x = wa[at];
    const std::string& y = wb[at];
    if (std::min(x.size(), y.size()) < 5 || x[0] != y[0]) return false;
    return edit_distance(x, y) == 1;
}

/// What the resolver knows of one node.
struct Info {
    const EntityNode* node;
    std::vector<std::string> names;  ///< proper names: label and aliases with a capital
    const GazetteerEntry* gaz;       ///< the node is this gazetteer actor
    std::set<std::string> claims;    ///< gazetteer IRIs one of its names is a name of
};

class Resolver {
  public:
    Resolver(const KnowledgeGraph& g, const Ontology& onto, const MergeOptions& opt)
        : onto_(onto), opt_(opt), cues_(ActorCues::load(onto.dir())) {
        index_gazetteer();
        for (const EntityNode* n : g.nodes()) {
            Info info{n, {}, onto.actor(n->iri), {}};
            auto take = [&](const std::string& name) {
                if (is_proper_name(name)) info.names.push_back(name);
            };
            take(n->label);
            for (const auto& a : n->aliases) take(a);
            for (const auto& name : info.names) {
                if (auto it = gaz_names_.find(name_key(name)); it != gaz_names_.end())
                    info.claims.insert(it->second.begin(), it->second.end());
                if (auto it = gaz_acronyms_.find(name); it != gaz_acronyms_.end())
                    info.claims.insert(it->second.begin(), it->second.end());
            }
            if (info.gaz) info.claims.insert(n->iri);
            index_.emplace(n->iri, infos_.size());
            infos_.push_back(std::move(info));
        }
        parent_.resize(infos_.size());
        std::iota(parent_.begin(), parent_.end(), 0);
        members_.resize(infos_.size());
        for (std::size_t i = 0; i < infos_.size(); ++i) members_[i] = {i};
        forbidden_pairs();
    }

    MergeResult run(const KnowledgeGraph& g) {
        KnowledgeGraph copy = g;
        return run(std::move(copy));
    }

    MergeResult run(KnowledgeGraph&& g) {
        std::vector<Candidate> cands;
        alias_file_candidates(cands);
        if (opt_.fuzzy) {
            alias_candidates(cands);
            acronym_candidates(cands);
            edit_distance_candidates(cands);
        }
        std::sort(cands.begin(), cands.end(), [&](const Candidate& x, const Candidate& y) {
            return std::tie(x.kind, iri(x.a), iri(x.b), x.reason) < std::tie(y.kind, iri(y.a), iri(y.b), y.reason);
        });
        std::vector<const Candidate*> accepted;
        for (const auto& c : cands) {
            std::size_t ra = find(c.a), rb = find(c.b);
            if (ra == rb) continue;
            if (!compatible(members_[ra], members_[rb], c.kind == kAliasFile)) continue;
            // A misspelling joins two spellings, not two groups that merely touch: every
            // member of one must be a near-spelling (or a namesake) of every member of
            // the other, or "Keita" ~ "Keito" and "Ibrahim" ~ "Ibrahima" would chain
            // "Ibrahim Keito" and "Ibrahima Keita" into one person.
            if (c.kind == kEditDistance && !all_near(members_[ra], members_[rb])) continue;
            unite(ra, rb);
            accepted.push_back(&c);
        }
        return finish(g, accepted);
    }

  private:
    const std::string& iri(std::size_t i) const { return infos_[i].node->iri; }

    /// Descriptions ("the junta", "The junta" opening a sentence, "the country") are not
    /// names: two articles' "the junta" may be two juntas. A name has a capital letter
    /// after any leading article, and is not just a cue word of the recogniser.
    bool is_proper_name(const std::string& name) const {
        std::string rest = name;
        for (const char* article : {"The ", "the ", "A ", "a ", "An ", "an "})
            if (rest.rfind(article, 0) == 0) {
                rest = rest.substr(std::string(article).size());
                break;
            }
        if (!has_upper(rest)) return false;
        // The cue lexicon lists the forms the recogniser meets ("rebels"); a capitalised
        // singular or plural of a cue word opening a sentence ("Rebel commander …") is a
        // description too.
        const std::string key = name_key(rest);
        if (cues_.by_word.count(key) || cues_.by_word.count(key + "s")) return false;
        if (key.size() > 3 && key.back() == 's' && cues_.by_word.count(key.substr(0, key.size() - 1)))
            return false;
        return true;
    }

    void index_gazetteer() {
        for (const auto& e : onto_.gazetteer()) {
            gaz_names_[name_key(e.label)].insert(e.iri);
            for (const auto& n : e.names) gaz_names_[name_key(n)].insert(e.iri);
            for (const auto& a : e.acronyms) gaz_acronyms_[a].insert(e.iri);
        }
    }

    /// Nodes an alias-file subject stands for: the node with its IRI and every node one
    /// of whose names is one of its names.
    std::vector<std::size_t> nodes_of_entry(const std::string& subject) const {
        std::set<std::size_t> out;
        if (auto it = index_.find(subject); it != index_.end()) out.insert(it->second);
        for (const auto& e : opt_.aliases.entries) {
            if (e.iri != subject) continue;
            std::set<std::string> keys;
            for (const auto& n : e.names) keys.insert(name_key(n));
            for (std::size_t i = 0; i < infos_.size(); ++i) {
                const EntityNode& n = *infos_[i].node;
                if (keys.count(name_key(n.label))) out.insert(i);
                for (const auto& a : n.aliases)
                    if (keys.count(name_key(a))) out.insert(i);
            }
        }
        return {out.begin(), out.end()};
    }

    void forbidden_pairs() {
        for (const auto& [x, y] : opt_.aliases.different)
            for (std::size_t a : nodes_of_entry(x))
                for (std::size_t b : nodes_of_entry(y))
                    if (a != b) forbidden_.insert({std::min(a, b), std::max(a, b)});
    }

    void add(std::vector<Candidate>& out, int kind, std::size_t a, std::size_t b, std::string reason) {
        if (a == b) return;
        if (iri(b) < iri(a)) std::swap(a, b);
        out.push_back({kind, a, b, std::move(reason)});
    }

    void alias_file_candidates(std::vector<Candidate>& out) {
        for (const auto& e : opt_.aliases.entries) {
            const auto nodes = nodes_of_entry(e.iri);
            for (std::size_t k = 1; k < nodes.size(); ++k)
                add(out, kAliasFile, nodes[0], nodes[k], "alias file entry <" + e.iri + ">");
        }
    }

    void alias_candidates(std::vector<Candidate>& out) {
        std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> by_key;
        for (std::size_t i = 0; i < infos_.size(); ++i)
            for (const auto& n : infos_[i].names) by_key[name_key(n)].push_back({i, n});
        for (auto& [key, hits] : by_key) {
            std::sort(hits.begin(), hits.end(),
                      [&](const auto& x, const auto& y) { return std::tie(iri(x.first), x.second) < std::tie(iri(y.first), y.second); });
            for (std::size_t k = 1; k < hits.size(); ++k)
                if (hits[k].first != hits[0].first)
                    add(out, kAlias, hits[0].first, hits[k].first, "alias \"" + hits[0].second + "\"");
        }
    }

    void acronym_candidates(std::vector<Candidate>& out) {
        std::map<std::string, std::vector<std::size_t>> by_acronym;
        for (std::size_t i = 0; i < infos_.size(); ++i)
            for (const auto& n : infos_[i].names)
                if (is_acronym(n)) by_acronym[n].push_back(i);
        for (std::size_t i = 0; i < infos_.size(); ++i)
            for (const auto& n : infos_[i].names)
                for (const auto& acr : initials(n))
                    if (auto it = by_acronym.find(acr); it != by_acronym.end())
                        for (std::size_t j : it->second)
                            add(out, kAcronym, i, j, "acronym \"" + acr + "\" of \"" + n + "\"");
    }

    void edit_distance_candidates(std::vector<Candidate>& out) {
        // Distinct keys of proper names without digits ("Resolution 2719" is not a
        // misspelling of "Resolution 2718"), bucketed by first byte.
        std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> keys;
        for (std::size_t i = 0; i < infos_.size(); ++i)
            for (const auto& n : infos_[i].names) {
                const std::string k = name_key(n);
                if (k.size() >= 5 && !has_digit(k)) keys[k].push_back({i, n});
            }
        // A near-spelling is one name written with one word misspelt: the same words but
        // one, and that one (5 letters or more in both, same first letter) one edit
        // away: "MIMUSMA" ~ "MINUSMA", "Mohamed Bazoum" ~ "Mohammed Bazoum". Distances
        // over whole names let short distinctive words drift ("Yaba Liberation Front" ~
        // "Yabuka Liberation Front") and chain unrelated actors into one. Candidates
        // come from an index of each word's one-deletion variants with the other words
        // fixed (the symmetric-delete method), so the cost grows with the names, not
        // with their pairs; each is checked with the real edit distance.
        std::unordered_map<std::string, std::vector<const std::string*>> variants;
        for (const auto& entry : keys) {
            const std::string& k = entry.first;
            const auto toks = words(k);
            for (std::size_t t = 0; t < toks.size(); ++t) {
                if (toks[t].size() < 5) continue;
                std::string rest;
                for (std::size_t u = 0; u < toks.size(); ++u) rest += (u == t ? std::string("\x01") : toks[u]) + ' ';
                std::set<std::string> mine{toks[t]};
                for (std::size_t p = 0; p < toks[t].size(); ++p)
                    mine.insert(toks[t].substr(0, p) + toks[t].substr(p + 1));
                for (const auto& v : mine) variants[rest + '\x02' + v].push_back(&k);
            }
        }
        std::set<std::pair<const std::string*, const std::string*>> pairs;
        for (const auto& [v, list] : variants)
            for (std::size_t x = 0; x < list.size(); ++x)
                for (std::size_t y = x + 1; y < list.size(); ++y) {
                    const std::string* a = list[x];
                    const std::string* b = list[y];
                    if (a == b) continue;
                    if (*b < *a) std::swap(a, b);
                    pairs.insert({a, b});
                }
        for (const auto& [pa, pb] : pairs) {
            const std::string& a = *pa;
            const std::string& b = *pb;
            if (!one_word_misspelt(a, b)) continue;
            // Two real names are not misspellings of each other (Niger, Nigeria).
            if (gaz_names_.count(a) && gaz_names_.count(b)) continue;
            for (const auto& [i, na] : keys.at(a))
                for (const auto& [j, nb] : keys.at(b))
                    add(out, kEditDistance, i, j, "edit distance 1 \"" + na + "\"~\"" + nb + "\"");
        }
    }

    bool all_near(const std::vector<std::size_t>& ga, const std::vector<std::size_t>& gb) const {
        for (std::size_t a : ga)
            for (std::size_t b : gb) {
                bool near = false;
                for (const auto& na : infos_[a].names) {
                    for (const auto& nb : infos_[b].names) {
                        const std::string ka = name_key(na), kb = name_key(nb);
                        if (ka == kb || one_word_misspelt(ka, kb)) {
                            near = true;
                            break;
                        }
                    }
                    if (near) break;
                }
                if (!near) return false;
            }
        return true;
    }

    /// May these two nodes be one actor?
    bool allowed(std::size_t a, std::size_t b, bool user_said_so) const {
        if (forbidden_.count({std::min(a, b), std::max(a, b)})) return false;
        if (user_said_so) return true;
        const Info& x = infos_[a];
        const Info& y = infos_[b];
        const ActorType tx = x.node->type, ty = y.node->type;
        if (tx != ty && tx != ActorType::Actor && ty != ActorType::Actor) return false;
        if (!x.node->country_code.empty() && !y.node->country_code.empty() &&
            x.node->country_code != y.node->country_code)
            return false;
        if (x.gaz && y.gaz) return false;
        // A node whose names belong to two gazetteer actors is ambiguous: it joins neither.
        if ((!x.gaz && x.claims.size() > 1) || (!y.gaz && y.claims.size() > 1)) return false;
        if (!x.claims.empty() && !y.claims.empty()) {
            bool shared = std::any_of(x.claims.begin(), x.claims.end(),
                                      [&](const std::string& c) { return y.claims.count(c) > 0; });
            if (!shared) return false;
        }
        return true;
    }

    /// Every member of one group may be one actor with every member of the other.
    bool compatible(const std::vector<std::size_t>& ga, const std::vector<std::size_t>& gb, bool user) const {
        for (std::size_t a : ga)
            for (std::size_t b : gb)
                if (!allowed(a, b, user)) return false;
        return true;
    }

    std::size_t find(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void unite(std::size_t a, std::size_t b) {
        if (members_[a].size() < members_[b].size()) std::swap(a, b);
        parent_[b] = a;
        members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
        members_[b].clear();
    }

    /// The surviving node of a group: the gazetteer's, else the alias file's, else a
    /// specifically typed one, else one not labelled by an acronym (the long name is the
    /// better label), else the smallest IRI.
    std::size_t survivor(const std::vector<std::size_t>& group) const {
        std::set<std::string> entry_iris;
        for (const auto& e : opt_.aliases.entries) entry_iris.insert(e.iri);
        auto rank = [&](std::size_t i) {
            const Info& x = infos_[i];
            return std::make_tuple(x.gaz ? 0 : 1, entry_iris.count(x.node->iri) ? 0 : 1,
                                   x.node->type == ActorType::Actor ? 1 : 0,
                                   is_acronym(x.node->label) ? 1 : 0, std::cref(x.node->iri));
        };
        return *std::min_element(group.begin(), group.end(),
                                 [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    }

    MergeResult finish(KnowledgeGraph& g, const std::vector<const Candidate*>& accepted) {
        MergeResult result;
        result.nodes_before = g.node_count();
        std::map<std::size_t, std::vector<std::pair<std::size_t, const Candidate*>>> adjacent;
        for (const Candidate* c : accepted) {
            adjacent[c->a].push_back({c->b, c});
            adjacent[c->b].push_back({c->a, c});
        }
        std::map<std::string, std::string> rename;
        for (std::size_t root = 0; root < infos_.size(); ++root) {
            if (parent_[root] != root || members_[root].size() < 2) continue;
            const std::size_t keep = survivor(members_[root]);
            // Walk the tree of accepted pairs from the survivor: each other node is logged
            // with the pair that joined it.
            std::vector<std::size_t> todo{keep};
            std::set<std::size_t> seen{keep};
            while (!todo.empty()) {
                const std::size_t at = todo.back();
                todo.pop_back();
                for (const auto& [next, c] : adjacent[at]) {
                    if (!seen.insert(next).second) continue;
                    todo.push_back(next);
                    rename[iri(next)] = iri(keep);
                    MergeLogEntry e;
                    e.kept = iri(keep);
                    e.kept_label = infos_[keep].node->label;
                    e.merged = iri(next);
                    e.merged_label = infos_[next].node->label;
                    if (at != keep) e.via = iri(at);
                    e.kind = kind_name(c->kind);
                    e.reason = c->reason;
                    result.log.push_back(std::move(e));
                }
            }
        }
        std::sort(result.log.begin(), result.log.end(),
                  [](const MergeLogEntry& a, const MergeLogEntry& b) {
                      return std::tie(a.kept, a.merged) < std::tie(b.kept, b.merged);
                  });
        GraphUnion u(&onto_);
        u.add(std::move(g), rename);
        result.graph = u.take();
        return result;
    }

    const Ontology& onto_;
    const MergeOptions& opt_;
    const ActorCues cues_;
    std::map<std::string, std::set<std::string>> gaz_names_, gaz_acronyms_;
    std::vector<Info> infos_;
    std::map<std::string, std::size_t> index_;
    std::vector<std::size_t> parent_;
    std::vector<std::vector<std::size_t>> members_;
    std::set<std::pair<std::size_t, std::size_t>> forbidden_;
};

} // namespace

AliasRules AliasRules::load(const std::string& path) {
    const auto triples = detail::parse_rdf_file(path, io::info(io::Format::Turtle));
    static const std::string skos(vocab::kSkos);
    static const std::vector<std::string> name_predicates{
        skos + "prefLabel", skos + "altLabel", std::string(vocab::kRdfsLabel),
        std::string(kOntologyNs) + "acronym"};
    static const std::string different = vocab::iri(vocab::kOwl, "differentFrom");
    AliasRules rules;
    for (const auto& [subject, d] : triples) {
        Entry e;
        e.iri = subject;
        for (const auto& p : name_predicates)
            if (auto it = d.find(p); it != d.end())
                for (const auto& v : it->second)
                    if (!v.is_node()) e.names.push_back(v.value);
        std::sort(e.names.begin(), e.names.end());
        e.names.erase(std::unique(e.names.begin(), e.names.end()), e.names.end());
        if (!e.names.empty()) rules.entries.push_back(std::move(e));
        if (auto it = d.find(different); it != d.end())
            for (const auto& v : it->second)
                if (v.is_node()) rules.different.push_back({subject, v.text()});
    }
    if (rules.entries.empty() && rules.different.empty())
        throw parse_error(ids::parse::kJsonLdOrAliases, path, 0,
                          "an alias file needs actors with names (skos:prefLabel, skos:altLabel, "
                          "nkg:acronym) or owl:differentFrom statements; found neither");
    return rules;
}

MergeResult resolve_actors(const KnowledgeGraph& graph, const Ontology& ontology, const MergeOptions& options) {
    Resolver r(graph, ontology, options);
    return r.run(graph);
}

MergeResult resolve_actors(KnowledgeGraph&& graph, const Ontology& ontology, const MergeOptions& options) {
    Resolver r(graph, ontology, options);
    return r.run(std::move(graph));
}

MergeResult merge_graphs(const std::vector<const KnowledgeGraph*>& graphs, const Ontology& ontology,
                         const MergeOptions& options) {
    GraphUnion u(&ontology);
    for (const KnowledgeGraph* g : graphs) u.add(*g);
    return resolve_union(u, ontology, options);
}

MergeResult resolve_union(const GraphUnion& all, const Ontology& ontology, const MergeOptions& options) {
    if (all.size() > 1) return resolve_actors(all.graph(), ontology, options);
    MergeResult r;
    r.graph = all.graph();
    r.nodes_before = r.graph.node_count();
    return r;
}

MergeResult resolve_union(GraphUnion&& all, const Ontology& ontology, const MergeOptions& options) {
    const std::size_t graphs = all.size();
    KnowledgeGraph g = all.take();
    if (graphs > 1) return resolve_actors(std::move(g), ontology, options);
    MergeResult r;
    r.graph = std::move(g);
    r.nodes_before = r.graph.node_count();
    return r;
}

std::string merge_log_jsonl(const std::vector<MergeLogEntry>& log) {
    std::string out;
    for (const auto& e : log) {
        nlohmann::json j{{"kept", e.kept},     {"kept_label", e.kept_label},
                         {"merged", e.merged}, {"merged_label", e.merged_label},
                         {"kind", e.kind},     {"reason", e.reason}};
        j["via"] = e.via.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.via);
        out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return out;
}

std::string merge_log_summary(const std::vector<MergeLogEntry>& log) {
    std::map<std::string, std::size_t> by_kind;
    for (const auto& e : log) ++by_kind[e.kind];
    std::ostringstream s;
    s << log.size() << " merge(s) beyond exact IRIs (alias: " << by_kind["alias"]
      << ", acronym: " << by_kind["acronym"] << ", edit distance: " << by_kind["edit-distance"]
      << ", alias file: " << by_kind["alias-file"] << ")";
    return s.str();
}

} // namespace newskg
