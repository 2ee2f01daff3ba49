// newskg path: the shortest chain of relations between two actors, with each relation's
// direction, dates and one evidence sentence.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "graph_inputs.hpp"
#include "newskg/analytics/analytics.hpp"
#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg::cli {

namespace {

std::string describe(const EntityNode& n) {
    return n.label + " (" + std::string(to_string(n.type)) + ", " + n.iri + ")";
}

const EntityNode& resolve(const KnowledgeGraph& g, const std::string& option, const std::string& name) {
    const auto found = find_actors(g, name);
    if (found.size() == 1) return *found.front();
    if (found.empty()) {
        std::string msg = option + " '" + name + "': no actor of that name in the graph";
        const auto close = similar_actor_names(g, name);
        for (std::size_t i = 0; i < close.size(); ++i) msg += (i ? ", " : "; did you mean: ") + close[i];
        throw error(ids::text(ids::actor::kNotFound), msg);
    }
    std::string msg = option + " '" + name + "' names " + std::to_string(found.size()) +
                      " actors; give one of their IRIs:";
    for (const EntityNode* n : found) msg += "\n  " + describe(*n);
    throw error(ids::text(ids::actor::kAmbiguous), msg);
}

std::string predicate_label(const Ontology& onto, const std::string& predicate) {
    const RelationType* r = onto.relation(predicate);
    return r && !r->label.empty() ? r->label : predicate;
}

std::string dates(const ChainRelation& r) {
    if (!r.date) return "undated";
    std::string d = r.date->iso();
    if (r.last_date && *r.last_date != *r.date) d += " – " + r.last_date->iso();
    return d;
}

nlohmann::json actor_json(const KnowledgeGraph& g, const std::string& iri) {
    const EntityNode* n = g.find(iri);
    return {{"iri", iri}, {"label", n ? n->label : iri}, {"type", n ? std::string(to_string(n->type)) : "Actor"}};
}

nlohmann::json to_json(const KnowledgeGraph& g, const Ontology& onto, const EntityNode& from,
                       const EntityNode& to, const std::optional<Chain>& chain) {
    nlohmann::json out{{"from", actor_json(g, from.iri)}, {"to", actor_json(g, to.iri)},
                       {"found", chain.has_value()}};
    if (!chain) return out;
    nlohmann::json actors = nlohmann::json::array();
    for (const auto& iri : chain->actors) actors.push_back(actor_json(g, iri));
    nlohmann::json steps = nlohmann::json::array();
    for (const ChainStep& s : chain->steps) {
        nlohmann::json rels = nlohmann::json::array();
        for (const ChainRelation& r : s.relations) {
            nlohmann::json j{{"subject", r.subject_iri},
                             {"predicate", r.predicate},
                             {"label", predicate_label(onto, r.predicate)},
                             {"object", r.object_iri},
                             {"direction", r.forward ? "forward" : "backward"},
                             {"cameo", r.cameo.empty() ? nlohmann::json() : nlohmann::json(r.cameo)},
                             {"quad_class", r.quad_class},
                             {"goldstein", r.goldstein},
                             {"date", r.date ? nlohmann::json(r.date->iso()) : nlohmann::json()},
                             {"last_date", r.last_date ? nlohmann::json(r.last_date->iso()) : nlohmann::json()},
                             {"mention_count", r.mention_count},
                             {"evidence", nlohmann::json()}};
            if (r.evidence)
                j["evidence"] = {{"document", r.evidence->document},
                                 {"sentence", r.evidence->sentence},
                                 {"text", r.evidence->text}};
            rels.push_back(j);
        }
        steps.push_back({{"from", s.from_iri}, {"to", s.to_iri}, {"relations", rels}});
    }
    out["length"] = chain->steps.size();
    out["actors"] = actors;
    out["steps"] = steps;
    return out;
}

std::string to_table(const KnowledgeGraph& g, const Ontology& onto, const EntityNode& from,
                     const EntityNode& to, const std::optional<Chain>& chain) {
    std::ostringstream out;
    if (!chain) {
        out << from.label << " and " << to.label
            << " are not connected: no chain of relations joins them in this graph.\n";
        return out.str();
    }
    const std::size_t n = chain->steps.size();
    out << from.label << " → " << to.label << ": " << n << (n == 1 ? " step" : " steps") << "\n";
    auto label = [&](const std::string& iri) {
        const EntityNode* node = g.find(iri);
        return node ? node->label : iri;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const ChainStep& s = chain->steps[i];
        out << "\n" << right(std::to_string(i + 1), 2) << ". " << label(s.from_iri) << "  ";
        for (std::size_t k = 0; k < s.relations.size(); ++k) {
            const ChainRelation& r = s.relations[k];
            const std::string arrow = r.forward ? "—[" + predicate_label(onto, r.predicate) + "]→"
                                                : "←[" + predicate_label(onto, r.predicate) + "]—";
            if (k == 0) {
                out << arrow << "  " << label(s.to_iri) << "\n";
            } else {
                out << "      also " << arrow << "\n";
            }
            out << "      " << dates(r) << ", " << r.mention_count
                << (r.mention_count == 1 ? " mention" : " mentions");
            if (r.quad_class) out << ", QuadClass " << r.quad_class << ", Goldstein " << fixed(r.goldstein, 1);
            out << "\n";
            if (r.evidence)
                out << "      \"" << r.evidence->text << "\" (" << r.evidence->document << ", sentence "
                    << r.evidence->sentence + 1 << ")\n";
        }
    }
    return out.str();
}

int run_path(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no graph or article files given");
    const auto from_name = args.value("--from");
    const auto to_name = args.value("--to");
    if (!from_name || !to_name) throw usage_error("give both --from ACTOR and --to ACTOR");
    const std::string format = *args.value("--format");

    const GraphInputs in = load_graph_inputs(args.positionals(), args);
    const EntityNode& from = resolve(in.graph, "--from", *from_name);
    const EntityNode& to = resolve(in.graph, "--to", *to_name);
    const auto chain = shortest_chain(in.graph, from.iri, to.iri);
    const Ontology& onto = in.resources->ontology();
    write_file_atomically("-", format == "json" ? to_json(in.graph, onto, from, to, chain).dump(2) + "\n"
                                                : to_table(in.graph, onto, from, to, chain));
    return 0;
}

} // namespace

Command path_command() {
    using K = OptionKind;
    CommandSpec spec{
        "path",
        "the shortest chain of relations between two actors",
        "newskg path [OPTIONS] GRAPH_OR_ARTICLE... --from ACTOR --to ACTOR",
        R"(Finds the shortest chain of relations between two actors ("how is Wagner connected to
MINUSMA?"), following relations in either direction, and shows every step with its
relations, their direction, dates, mentions and one evidence sentence.

ACTOR is an IRI, a label or an alias ("Wagner", "the UN mission"), ignoring case. A name
that fits several actors is an error listing them (give the IRI); an unknown name is an
error suggesting close names.

)",
        {{"Options",
          "",
          {{"--from", K::Text, "ACTOR", "where the chain starts", "", {}},
           {"--to", K::Text, "ACTOR", "where it ends", "", {}},
           {"--format", K::Choice, "", "table for reading, json for programs", "table", {"table", "json"}}}},
         graph_input_section()},
        R"(Exit status: 0 when the search ran (also when the actors are not connected: the
output says so); 1 an input could not be read or an actor was not found; 2 wrong usage.
)",
        {}};
    return {spec, run_path};
}

} // namespace newskg::cli
