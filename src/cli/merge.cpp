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

namespace {

const char* kMergeHelp = R"(Usage: newskg merge [OPTIONS] FILE... --output PATH

Merges graphs newskg wrote earlier into one: the same IRI is the same actor, and beyond
that actors of different articles are merged by a shared name (alias), an acronym and
its long name, or a near-spelling (MIMUSMA ~ MINUSMA) when their types agree and no
gazetteer entry separates them (Niger is not Nigeria; Mali's junta is not Mali). The
same relation from several articles is one edge with all its evidence. The result does
not depend on the order of the inputs, and merging a graph twice changes nothing.

FILE is a graph in Turtle (.ttl), N-Triples (.nt), N-Quads (.nq), TriG (.trig),
RDF/XML (.rdf, .xml, .owl), JSON-LD (.jsonld) or newskg JSON (.json), extensions in
any case, or - for standard input (JSON, JSON-LD, RDF/XML or Turtle, told by content).

Options:
  --output PATH      where to write the merged graph (- is standard output)
  --format F         ttl, nt, nq, trig, rdfxml, jsonld, json, dot, graphml, svg, png
                     or html (default: from the output's extension, else json)
  --merge-log FILE   write every merge beyond an exact IRI as JSON Lines: kept and
                     merged IRI and label, the node matched (via), kind and reason
  --no-fuzzy-merge   merge by exact IRI only (and by the alias file, when given)
  --aliases FILE     Turtle in the gazetteer's format: an actor with skos:prefLabel,
                     skos:altLabel or nkg:acronym names merges every node with its IRI
                     or one of those names; owl:differentFrom between two IRIs (actors
                     or alias-file entries) forbids merging them
  --base IRI         namespace of minted IRIs in the output (default https://newskg.org/id/)
  --ontology DIR     ontology and lexicons to load
  --top N, --clusters  DOT, SVG, PNG as for extract

A summary (graphs read, actors before and after resolution, merges by kind) goes to
standard error. Exit status: 0 success; 1 some inputs could not be read (named with the
problem; the others were merged and written) or the output failed; 2 wrong usage.
)";

} // namespace

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

int run_merge(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help" || a == "-h") {
            std::cout << kMergeHelp;
            return 0;
        }
    Args args(argv, {"--output", "--format", "--merge-log", "--aliases", "--base", "--ontology", "--top"},
              {"--no-fuzzy-merge", "--clusters"});
    if (args.positionals().empty()) throw usage_error("no graph files to merge");
    const auto output = args.value("--output");
    if (!output) throw usage_error("--output PATH is required (- for standard output)");
    const io::FormatInfo* format = &io::info(io::Format::Json);
    if (auto f = args.value("--format")) {
        format = io::format_named(*f);
        if (!format || !format->writable)
            throw usage_error("unknown format '" + *f + "' (expected " + io::names_where(io::is_writable) + ")");
    } else if (const io::FormatInfo* by_ext = io::format_of_path(*output); by_ext && by_ext->writable) {
        format = by_ext;
    }
    io::WriteOptions wo;
    wo.picture.dot.clusters_by_country = args.flag("--clusters");
    wo.picture.dot.top = number_option(args, "--top", 0);
    wo.base_iri = args.value("--base").value_or(std::string(kDefaultBaseIri));

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

} // namespace newskg::cli
