// newskg merge: reads graphs newskg wrote, unites them by IRI, resolves actors across
// articles and writes one graph, with a log of the merges beyond exact IRIs.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli.hpp"
#include "graph_inputs.hpp"
#include "newskg/core/error.hpp"
#include "newskg/io/graph_io.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg::cli {

MergeOptions merge_options(const Args& args) {
    MergeOptions mo;
    mo.fuzzy = !args.flag("--no-fuzzy-merge");
    if (auto a = args.value("--aliases")) mo.aliases = AliasRules::load(*a);
    return mo;
}

void write_merge_log(const Args& args, const MergeResult& result, std::size_t graphs) {
    if (auto path = args.value("--merge-log")) write_file_atomically(*path, merge_log_jsonl(result.log));
    std::cerr << "newskg: merged " << graphs << " graph(s): " << result.nodes_before << " actors by IRI, "
              << result.graph.node_count() << " after resolution; " << merge_log_summary(result.log) << "\n";
}

namespace {

std::vector<std::string> writable_format_names() {
    std::vector<std::string> names;
    for (const auto& f : io::formats())
        if (f.writable) names.emplace_back(f.name);
    return names;
}

int run_merge(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no graph files to merge");
    const auto output = args.value("--output");
    if (!output) throw usage_error("--output PATH is required (- for standard output)");
    const io::FormatInfo* format = &io::info(io::Format::Json);
    if (auto f = args.value("--format")) {
        format = io::format_named(*f);
    } else if (const io::FormatInfo* by_ext = io::format_of_path(*output); by_ext && by_ext->writable) {
        format = by_ext;
    }
    io::WriteOptions wo;
    wo.picture.dot.clusters_by_country = args.flag("--clusters");
    wo.picture.dot.top = *args.number("--top");
    wo.base_iri = *args.value("--base");

    const Ontology onto = Ontology::load(ontology_dir(args));
    // An unreadable alias file is a problem with the command, not with one input.
    const MergeOptions mo = merge_options(args);

    std::vector<std::string> failures;
    GraphUnion all(&onto);
    std::size_t read = 0;
    for (const auto& path : args.positionals()) {
        try {
            all.add(io::read_graph(path, onto));
            ++read;
        } catch (const error& e) {
            failures.push_back(e.what());
        }
    }
    const MergeResult result = resolve_union(all, onto, mo);
    try {
        write_file_atomically(*output, io::write_graph(*format, result.graph, onto, wo));
        write_merge_log(args, result, read);
    } catch (const error& e) {
        failures.push_back(e.what());
    }
    for (const auto& f : failures) std::cerr << "newskg: error: " << printable(f, true) << "\n";
    if (!failures.empty()) {
        std::cerr << "newskg: " << failures.size() << " problem(s); " << read << " graph(s) merged\n";
        return 1;
    }
    return 0;
}

} // namespace

Command merge_command() {
    using K = OptionKind;
    CommandSpec spec{
        "merge",
        "merge graphs newskg wrote (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON)\ninto one, resolving "
        "actors across articles",
        "newskg merge [OPTIONS] FILE... --output PATH",
        R"(Merges graphs newskg wrote earlier into one: the same IRI is the same actor, and beyond
that actors of different articles are merged by a shared name (alias), an acronym and
its long name, or a near-spelling (MIMUSMA ~ MINUSMA) when their types agree and no
gazetteer entry separates them (Niger is not Nigeria; Mali's junta is not Mali). The
same relation from several articles is one edge with all its evidence. The result does
not depend on the order of the inputs, and merging a graph twice changes nothing.

FILE is a graph in Turtle (.ttl), N-Triples (.nt), N-Quads (.nq), TriG (.trig),
RDF/XML (.rdf, .xml, .owl), JSON-LD (.jsonld) or newskg JSON (.json), extensions in
any case, or - for standard input (JSON, JSON-LD, RDF/XML or Turtle, told by content).
)",
        {{"Options",
          "",
          {{"--output", K::Text, "PATH", "where to write the merged graph (- is standard output)", "", {}},
           {"--format", K::Choice, "F", "one of " + io::names_where(io::is_writable) +
                                            " (default: from the output's extension, else json)",
            "", writable_format_names()},
           {"--merge-log", K::Text, "FILE", "write every merge beyond an exact IRI as JSON Lines: kept and merged "
                                            "IRI and label, the node matched (via), kind and reason", "", {}},
           {"--no-fuzzy-merge", K::Flag, "", "merge by exact IRI only (and by the alias file, when given)", "", {}},
           {"--aliases", K::Text, "FILE",
            "Turtle in the gazetteer's format: an actor with skos:prefLabel, skos:altLabel or nkg:acronym names "
            "merges every node with its IRI or one of those names; owl:differentFrom between two IRIs (actors or "
            "alias-file entries) forbids merging them", "", {}},
           {"--base", K::Text, "IRI", "namespace of minted IRIs in the output", std::string(kDefaultBaseIri), {}},
           shared_option("--ontology"),
           shared_option("--top"),
           shared_option("--clusters")}}},
        R"(A summary (graphs read, actors before and after resolution, merges by kind) goes to
standard error. Exit status: 0 success; 1 some inputs could not be read (named with the
problem; the others were merged and written) or the output failed; 2 wrong usage.
)",
        {}};
    return {spec, run_merge};
}

} // namespace newskg::cli
