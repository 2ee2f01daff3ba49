// newskg load: RDF exports and articles into the persistent store, committed at once at
// the end (see store.hpp: a new generation of the store, switched to atomically).
// SIGINT, SIGTERM and SIGHUP stop the load between batches: what was loaded so far is
// committed, the rest skipped, and the exit status says the load was interrupted;
// rerunning it completes the store without duplicates. A kill -9 leaves the store as
// it was before the load.
#include <csignal>
#include <iostream>
#include <optional>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/pipeline/parallel.hpp"
#include "newskg/pipeline/pipeline.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/store/store.hpp"

namespace newskg::cli {

namespace {

// The one piece of process state here: signal handlers can only set a flag.
volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int sig) { g_stop_signal = sig; }

/// Installs the SIGINT/SIGTERM/SIGHUP handlers for its lifetime (a closed terminal
/// or a dropped ssh session sends SIGHUP: stopped the same way).
class StopSignals {
  public:
    StopSignals() {
        g_stop_signal = 0;
        struct sigaction sa {};
        sa.sa_handler = on_stop_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART; // BDB's and our writes carry on; the loop checks the flag
        sigaction(SIGINT, &sa, &old_int_);
        sigaction(SIGTERM, &sa, &old_term_);
        sigaction(SIGHUP, &sa, &old_hup_);
    }
    ~StopSignals() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
        sigaction(SIGHUP, &old_hup_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    bool stopped() const { return g_stop_signal != 0; }
    int signal() const { return g_stop_signal; }

  private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
    struct sigaction old_hup_ {};
};

int run_load(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no files to load");
    const ReadOptions ro = read_options(args);
    const PipelineOptions po = pipeline_options(args);
    const std::size_t jobs = *args.number("--jobs");

    std::vector<std::string> rdf_files, articles;
    for (const auto& p : args.positionals()) (TripleStore::is_rdf_file(p) ? rdf_files : articles).push_back(p);

    StopSignals signals;
    TripleStore store = TripleStore::open(args.value("--store").value_or(TripleStore::default_dir()),
                                          TripleStore::Mode::Write);
    store.replace_changed_graphs(!args.flag("--no-replace"));
    LoadStats stats;
    std::vector<std::string> failures;
    std::vector<Diagnostic> diagnostics;

    for (const auto& f : rdf_files) {
        if (signals.stopped()) break;
        try {
            stats += store.load_file(f);
        } catch (const error& e) {
            failures.push_back(e.what());
        }
    }

    if (!articles.empty() && !signals.stopped()) {
        const auto resources = Resources::load(ontology_dir(args), po.use_parser, args.values("--actors"));
        const Ontology& onto = resources->ontology();
        // Extractions arrive in input order, one at a time; after a stop signal the
        // ones still in flight are dropped rather than loaded.
        ParallelExtractor pool(*resources, po, jobs, [&](Extraction&& x) {
            if (signals.stopped()) return;
            try {
                stats += store.load_extraction(x, onto, po.base_iri);
            } catch (const error& e) {
                failures.push_back(x.document.source_path + ": " + e.what());
            }
        });
        read_articles(
            articles, ro,
            [&](Document&& doc) {
                if (!signals.stopped()) pool.submit(std::move(doc));
            },
            diagnostics);
        pool.finish();
    }

    // Committed whatever happened above: failed inputs were never written, and a stop
    // signal keeps the batches loaded before it.
    std::string commit_failure;
    try {
        store.commit();
    } catch (const error& e) {
        commit_failure = e.what();
    }
    for (const auto& g : stats.replaced)
        std::cerr << "newskg: note: replaced <" << printable(g)
                  << ">: the store held a different version of it, which was removed with the relations only it "
                     "stated\n";
    if (!commit_failure.empty()) {
        for (const auto& f : failures) std::cerr << "newskg: error: " << printable(f, true) << "\n";
        std::cerr << "newskg: error: " << printable(commit_failure, true) << "\n";
        return 1;
    }
    std::cout << "loaded " << stats.articles << " article(s) and " << stats.files << " RDF file(s) into "
              << printable(store.dir()) << ": " << stats.graphs << " named graph(s) written (" << stats.replaced.size()
              << " replaced), " << stats.triples_added << " triple(s) added, " << stats.triples_kept
              << " already there, " << stats.triples_removed << " removed; the store holds " << store.size()
              << " triple(s) in " << store.graphs().size() << " named graph(s)\n";

    const bool failed = report_diagnostics(diagnostics) || !failures.empty();
    for (const auto& f : failures) std::cerr << "newskg: error: " << printable(f, true) << "\n";
    if (signals.stopped()) {
        std::cerr << "newskg load: interrupted by signal " << signals.signal()
                  << "; the store holds every article and file loaded before it; rerun to complete the load\n";
        return 128 + signals.signal();
    }
    if (failed) {
        std::size_t n = failures.size();
        for (const auto& d : diagnostics) n += d.error ? 1 : 0;
        std::cerr << "newskg: " << n << " problem(s); " << stats.articles << " article(s) and " << stats.files
                  << " RDF file(s) loaded\n";
        return 1;
    }
    return 0;
}

} // namespace

Command load_command() {
    std::vector<OptionSpec> options{
        shared_option("--store"),
        {"--no-replace", OptionKind::Flag, "", "refuse, rather than replace, an article (or named graph) the store "
                                               "holds with different content", "", {}}};
    CommandSpec spec{"load",
                     "load RDF exports and articles into the persistent RDF store",
                     "newskg load --store DIR [OPTIONS] FILE...",
                     R"(Loads RDF exports and news articles into the RDF store in DIR (created when absent),
which `newskg query` answers SPARQL queries from.

FILE is an RDF file (.ttl, .nt, .nq, .trig, .rdf, .xml or .jsonld; the graph names of
N-Quads, TriG and JSON-LD are kept) or an article as `newskg extract` reads them (.txt,
.html, .jsonl, .gz, a directory, - for standard input), which is extracted and loaded as
the N-Quads export would write it: actors and relations in the default graph, the
article and its evidence in the named graph of the article's IRI.

Loading merges by IRI (the same actor in two articles is one node) and never
duplicates: a triple already in the store is not added twice. An article the store
already holds (the same IRI) is kept when its content is the same, and replaced when
it differs: its old named graph goes, with the relations (direct triples) that only
the old version stated, and a note names each article replaced. Two versions of an
article are never merged. With --no-replace such an article is not loaded but
reported (exit 1; the other inputs are loaded).

A load is all or nothing: readers see the store as it was until the whole load is
written and synced, then all of it at once. A load killed at any instant (kill -9, a
crash, a power cut) leaves the store as it was before; Ctrl-C, SIGTERM or SIGHUP (a
closed terminal) stop it after the current article or file and keep what was loaded.
Queries run meanwhile answer from the store as it was.

)",
                     {{"Options", "", options}, {"Article options", "", article_option_specs()}},
                     R"(Exit status: 0 success; 1 some inputs failed (listed at the end; the others were
loaded), or the store could not be written (nothing was); 2 wrong usage; 129, 130 or
143 interrupted by SIGHUP, SIGINT or SIGTERM (the store holds every article and file
loaded before).
)",
                     {}};
    return {spec, run_load};
}

} // namespace newskg::cli
