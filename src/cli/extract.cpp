#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli.hpp"
#include "graph_inputs.hpp"
#include "newskg/core/article_ids.hpp"
#include "newskg/core/error.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/io/graph_io.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/pipeline/parallel.hpp"
#include "newskg/pipeline/pipeline.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/store/store.hpp"
#include "newskg/text/analyse.hpp"

namespace newskg::cli {

namespace {

int run_extract(const Args& args);

} // namespace

Command extract_command() {
    using K = OptionKind;
    std::vector<OptionSpec> options{
        {"--format", K::Text, "LIST",
         "output formats, comma-separated\n"
         "  ttl      RDF Turtle              nt       RDF N-Triples\n"
         "  nq       RDF N-Quads             trig     RDF TriG\n"
         "  rdfxml   RDF/XML (file .rdf)     jsonld   JSON-LD\n"
         "  json     newskg JSON             dot      Graphviz DOT\n"
         "  graphml  GraphML (Gephi, yEd, Cytoscape)\n"
         "  svg      picture drawn by Graphviz, as SVG\n"
         "  png      picture drawn by Graphviz, as PNG (144 dpi)\n"
         "  html     explorable page: the picture with details on click, filters and search, "
         "self-contained (no network)\n"
         "pictures use the dot layout, and sfdp without edge labels above 150 edges: --top N draws the N "
         "most connected actors instead\n"
         "nq, trig and jsonld put each article's evidence in a named graph (the article's IRI); actors and "
         "relations are in the default graph",
         "json", {}},
        {"--output", K::Text, "PATH", "write one graph of all inputs to PATH (- is standard output); needs "
                                      "exactly one format", "", {}},
        {"--out-dir", K::Text, "DIR",
         "write one file per article and format: DIR/ID.FORMAT, where ID is the article's id (\"/\", control "
         "characters and a leading \".\" become \"_\"): the input's file name without extension, a JSON Lines "
         "line's \"id\", or stdin-HASH for standard input (HASH: 8 hex digits of the text); an id already used "
         "in the run becomes ID-2, ID-3 … with a warning (newskg.input.114)", "", {}},
        {"--taken-ids", K::Text, "FILE",
         "ids already used by other parts of the same batch, one per line (newskg-dask passes its earlier "
         "shards'): a repeat of one is named ID-2, ID-3 … as in one run over the whole batch", "", {}},
        {"--merge", K::Flag, "", "with --out-dir: also write DIR/merged.FORMAT, one graph of all inputs", "", {}},
        {"--merge-log", K::Text, "FILE", "when several articles are merged into one graph, write the actor merges "
                                         "beyond exact IRIs as JSON Lines (see newskg merge --help)", "", {}},
        {"--no-fuzzy-merge", K::Flag, "", "merge several articles' actors by exact IRI only", "", {}},
        {"--aliases", K::Text, "FILE", "alias file adding or forbidding merges (see newskg merge --help)", "", {}},
        shared_option("--top"),
        shared_option("--clusters"),
        {"--store", K::Text, "DIR", "also load every article into the RDF store in DIR (created when absent), as "
                                    "`newskg load` does; query it with `newskg query`", "", {}},
    };
    CommandSpec spec{
        "extract",
        "read articles and write their knowledge graph (RDF, JSON, DOT, SVG/PNG, HTML)",
        "newskg extract [OPTIONS] FILE...",
        R"(Reads news articles and writes their knowledge graph: actors as nodes, typed and
CAMEO-coded relations as edges, each with its evidence.

FILE is a plain-text article or a saved page as text (.txt), a saved web page (.html,
.htm), a JSON Lines file of articles (.jsonl: fields id, title, published, url, source,
text or html), any of those gzipped (.gz), a directory (read recursively, each
directory once however many symbolic links lead to it, only regular files: FIFOs,
sockets and devices in it are skipped with a warning), or - for standard input.
)",
        {{"Options", "", options}, {"Article options", "", article_option_specs()}},
        R"(Without --output or --out-dir, one format is written to standard output.
Exit status: 0 success; 1 some inputs failed (listed at the end; the rest were written);
2 wrong usage.
)",
        {}};
    return {spec, run_extract};
}

ArticleOptions article_options(const Args& args) {
    ArticleOptions ao;
    ao.read = read_options(args);
    if (auto path = args.value("--taken-ids")) {
        std::ifstream in(*path);
        if (!in) throw input_error(ids::input::kUnreadable, *path, "cannot open the file of taken ids");
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) ao.read.taken_ids.push_back(line);
    }
    // --out-dir with --merge writes DIR/merged.FORMAT: an article called "merged" must
    // not be overwritten by it (nor overwrite it).
    if (args.flag("--merge")) ao.read.taken_ids.push_back("merged");
    ao.pipeline = pipeline_options(args);
    ao.jobs = args.number("--jobs").value_or(0);
    ao.actor_files = args.values("--actors");
    return ao;
}

std::size_t extract_articles(const std::vector<std::string>& inputs, const Resources& resources,
                             const ArticleOptions& options, const std::function<void(Extraction&&)>& each,
                             std::vector<Diagnostic>& diagnostics) {
    std::size_t articles = 0;
    // Results come back in input order whatever --jobs is, so outputs do not depend on it.
    ParallelExtractor pool(resources, options.pipeline, options.jobs, [&](Extraction&& x) {
        ++articles;
        each(std::move(x));
    });
    read_articles(inputs, options.read, [&](Document&& doc) { pool.submit(std::move(doc)); }, diagnostics);
    pool.finish();
    return articles;
}

namespace {

int run_extract(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no input files (use - for standard input)");
    std::vector<const io::FormatInfo*> formats;
    for (const auto& name : split_list(*args.value("--format"))) {
        formats.push_back(io::format_named(name));
        if (!formats.back())
            throw usage_error("unknown format '" + name + "' (expected " + io::names_where(io::is_writable) + ")");
    }
    if (formats.empty()) throw usage_error("--format needs at least one format");
    const auto output = args.value("--output");
    const auto out_dir = args.value("--out-dir");
    if (output && out_dir) throw usage_error("give --output or --out-dir, not both");
    if (args.flag("--merge") && !out_dir)
        throw usage_error("--merge needs --out-dir (without it, all inputs already become one graph)");
    if ((output || !out_dir) && formats.size() != 1)
        throw usage_error("several formats need --out-dir");

    const ArticleOptions ao = article_options(args);
    const PipelineOptions& po = ao.pipeline;
    io::WriteOptions wo;
    wo.base_iri = po.base_iri;
    wo.picture.dot.clusters_by_country = args.flag("--clusters");
    wo.picture.dot.top = *args.number("--top");

    const auto resources = Resources::load(ontology_dir(args), true, ao.actor_files);
    const Ontology& onto = resources->ontology();
    const MergeOptions merge_opts = merge_options(args);
    if (out_dir) make_output_dir(*out_dir);
    std::optional<TripleStore> store;
    LoadStats loaded;
    if (auto dir = args.value("--store")) store.emplace(TripleStore::open(*dir, TripleStore::Mode::Write));

    const bool one_graph = !out_dir;
    // Articles are united order-free and, when there are several, their actors resolved
    // across them as newskg merge does.
    GraphUnion all_articles(&onto);
    KnowledgeGraph all;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> failures;
    std::size_t articles = 0;

    extract_articles(args.positionals(), *resources, ao, [&](Extraction&& x) {
        ++articles;
        if (store) {
            try {
                loaded += store->load_extraction(x, onto, po.base_iri);
            } catch (const error& e) {
                failures.push_back(x.document.source_path + ": " + e.what());
            }
        }
        // The evidence is moved, never copied, from the extraction to the article's
        // graph and on to the union: on a large article it is most of the memory.
        const std::string id = article_file_stem(x.document.id);
        KnowledgeGraph g;
        g.add(std::move(x), po.base_iri);
        if (out_dir) {
            // The reader gave every article of the run an id of its own (ArticleIds), so
            // file names never clash and each file is named after the id inside it.
            for (const io::FormatInfo* f : formats) {
                const std::string path = (std::filesystem::path(*out_dir) / (id + std::string(f->extensions.front()))).string();
                try {
                    write_file_atomically(path, [&](const ChunkSink& sink) { io::write_graph(*f, g, onto, wo, sink); });
                } catch (const error& e) {
                    failures.push_back(e.what());
                }
            }
        }
        if (one_graph || args.flag("--merge")) all_articles.add(std::move(g));
    }, diagnostics);
    if (one_graph || args.flag("--merge")) {
        MergeResult resolved = resolve_union(std::move(all_articles), onto, merge_opts);
        if (articles > 1 && args.value("--merge-log")) try {
                write_merge_log(args, resolved, articles);
            } catch (const error& e) {
                failures.push_back(e.what());
            }
        all = std::move(resolved.graph);
    }

    if (one_graph) {
        try {
            write_file_atomically(output.value_or("-"), [&](const ChunkSink& sink) {
                io::write_graph(*formats.front(), all, onto, wo, sink);
            });
        } catch (const error& e) {
            failures.push_back(e.what());
        }
    } else if (args.flag("--merge")) {
        for (const io::FormatInfo* f : formats) {
            const std::string path = (std::filesystem::path(*out_dir) / ("merged" + std::string(f->extensions.front()))).string();
            try {
                write_file_atomically(path, [&](const ChunkSink& sink) { io::write_graph(*f, all, onto, wo, sink); });
            } catch (const error& e) {
                failures.push_back(e.what());
            }
        }
    }

    if (store) try {
            store->commit(); // nothing of the run is in the store before this
        } catch (const error& e) {
            failures.push_back(e.what());
            loaded = LoadStats{};
        }
    if (store)
        std::cerr << "newskg: loaded " << loaded.articles << " article(s) into " << printable(store->dir()) << ": "
                  << loaded.triples_added << " triple(s) added, " << loaded.triples_kept << " already there\n";

    const bool failed = report_diagnostics(diagnostics) || !failures.empty();
    for (const auto& f : failures) std::cerr << "newskg: error: " << printable(f) << "\n";
    if (failed) {
        std::size_t n = failures.size();
        for (const auto& d : diagnostics) n += d.error ? 1 : 0;
        std::cerr << "newskg: " << n << " problem(s); " << articles << " article(s) extracted\n";
        return 1;
    }
    return 0;
}

} // namespace

} // namespace newskg::cli
