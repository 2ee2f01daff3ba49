// newskg push: sends RDF graphs to a remote store over the SPARQL 1.1 Graph Store HTTP
// Protocol. Inputs are newskg's RDF exports (their named graphs kept) or articles,
// extracted first. Every graph is one request; a graph is reported as pushed only once
// the store has answered 2xx, so a failure never leaves a graph claimed that is not there.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/store/push.hpp"
#include "newskg/store/remote.hpp"

namespace newskg::cli {

namespace {

std::string read_password_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error(path + ": cannot read the password file");
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    if (line.empty()) throw usage_error(path + ": the password file is empty");
    return line;
}

int run_push(const Args& args) {
    const auto endpoint = args.value("--endpoint");
    if (!endpoint || endpoint->empty()) throw usage_error("--endpoint URL is required");
    if (args.positionals().empty()) throw usage_error("no input files");

    const std::string mode_name = *args.value("--mode");
    const store::PushMode mode = mode_name == "replace"   ? store::PushMode::Replace
                                 : mode_name == "append"  ? store::PushMode::Append
                                 : mode_name == "retract" ? store::PushMode::Retract
                                                          : store::PushMode::Auto;

    store::RemoteOptions ro;
    ro.endpoint = *endpoint;
    ro.query_endpoint = args.value("--sparql").value_or("");
    ro.user = args.value("--user").value_or("");
    if (auto f = args.value("--password-file")) {
        ro.password = read_password_file(*f);
    } else if (const char* env = std::getenv("NEWSKG_PASSWORD")) {
        ro.password = env;
    }
    // Programs started from here (none today) should not inherit it.
    ::unsetenv("NEWSKG_PASSWORD");
    if (!ro.user.empty() && ro.password.empty())
        throw usage_error("--user " + ro.user + " needs a password: set NEWSKG_PASSWORD or give --password-file");
    if (ro.user.empty() && !ro.password.empty())
        throw usage_error("a password was given (NEWSKG_PASSWORD or --password-file) but no --user");
    ro.retries = static_cast<int>(*args.number("--retries"));
    ro.retry_delay_s = *args.decimal("--retry-delay");
    ro.timeout_s = *args.decimal("--timeout");

    // Parsed even when no article is among the inputs, so a malformed option is reported.
    const ArticleOptions ao = article_options(args);

    // Gather every input into one dataset keyed by destination graph.
    store::PushDataset dataset(args.value("--graph").value_or(""));
    std::vector<std::string> articles;
    for (const auto& path : args.positionals()) {
        if (!store::PushDataset::is_rdf_file(path)) {
            articles.push_back(path);
            continue;
        }
        try {
            dataset.add_file(path);
        } catch (const error& e) {
            std::cerr << "newskg: error: " << printable(e.what(), true) << "\nnewskg: nothing was pushed\n";
            return 1;
        }
    }
    if (!articles.empty()) {
        const auto resources = Resources::load(ontology_dir(args), true, ao.actor_files);
        // The same graph as `extract --output` of these articles: united by IRI, then
        // actors resolved across articles.
        GraphUnion all_articles(&resources->ontology());
        std::vector<Diagnostic> diagnostics;
        const std::size_t extracted = extract_articles(articles, *resources, ao, [&](Extraction&& x) {
            KnowledgeGraph g;
            g.add(std::move(x), ao.pipeline.base_iri);
            all_articles.add(std::move(g));
        }, diagnostics);
        const bool failed = report_diagnostics(diagnostics);
        // Pushing part of what was asked for would leave the store in a state nobody chose.
        if (failed) {
            std::cerr << "newskg: nothing was pushed\n";
            return 1;
        }
        KnowledgeGraph all = all_articles.graph();
        if (extracted > 1) all = resolve_actors(all, resources->ontology(), MergeOptions{}).graph;
        dataset.add(to_quads(all, resources->ontology(), ao.pipeline.base_iri), "the extracted articles");
    }
    if (dataset.empty()) {
        std::cerr << "newskg: the inputs hold no triples; nothing was pushed\n";
        return 0;
    }
    const std::vector<store::GraphPayload> payloads = dataset.payloads();

    store::RemoteStore remote(ro);
    const int attempts = ro.retries + 1;
    remote.on_retry([&](const std::string& problem, int next, double wait) {
        std::cerr << "newskg: warning: " << printable(problem, true) << "; retrying in " << std::fixed << std::setprecision(1) << wait
                  << " s (attempt " << next << " of " << attempts << ")\n";
    });
    const store::PushReport report = store::push_graphs(remote, payloads, mode, [&](const store::GraphPayload& p) {
        if (p.retracted(mode))
            std::cout << "retracted " << printable(p.target.describe()) << "\n";
        else
            std::cout << "pushed " << p.triples << " triples to " << printable(p.target.describe())
                      << (p.replaces(mode) ? "" : " (appended)") << "\n";
        std::cout.flush();
    });
    if (!report.complete()) {
        std::cerr << "newskg: error: " << printable(report.error, true) << "\n";
        std::cerr << "newskg: push stopped: " << report.loaded.size() << " of " << payloads.size()
                  << " graph(s) loaded";
        for (std::size_t i = 0; i < report.loaded.size(); ++i)
            std::cerr << (i ? ", " : ": ") << printable(report.loaded[i].describe());
        std::cerr << "\nnewskg: not loaded: " << printable(report.not_loaded.front().describe()) << " (the one that failed)";
        for (std::size_t i = 1; i < report.not_loaded.size(); ++i) std::cerr << ", " << printable(report.not_loaded[i].describe());
        std::cerr << "\n";
        return 1;
    }

    if (args.flag("--verify")) {
        std::vector<std::string> missing;
        for (const auto& p : payloads) {
            if (p.target.is_default()) continue; // a store's default graph may be the union of all graphs
            if (mode == store::PushMode::Retract && !p.retracted(mode)) continue; // left alone
            std::size_t there = remote.count_triples(p.target.name);
            if (p.retracted(mode) ? there != 0 : p.replaces(mode) ? there != p.triples : there < p.triples)
                missing.push_back(p.target.describe() + " holds " + std::to_string(there) + " triples, " +
                                  (p.retracted(mode) ? std::string("none after its retraction")
                                                     : std::to_string(p.triples) + " were pushed"));
        }
        if (!missing.empty()) {
            for (const auto& m : missing) std::cerr << "newskg: error: verify: " << printable(m) << "\n";
            return 1;
        }
        std::cout << "verified " << payloads.size() << " graph(s) at " << printable(remote.options().query_endpoint) << "\n";
    }
    return 0;
}

} // namespace

Command push_command() {
    using K = OptionKind;
    std::vector<OptionSpec> options{
        {"--endpoint", K::Text, "URL", "Graph Store endpoint (Virtuoso: http://HOST:8890/sparql-graph-crud-auth)",
         "", {}},
        {"--graph", K::Text, "IRI", "where the default graph goes (default: the store's default graph; a store "
                                    "that keeps none, such as one whose default graph is the union of the named "
                                    "ones, needs --graph)", "", {}},
        {"--mode", K::Choice, "MODE",
         "how graphs replace what the store holds\n"
         "  auto     named graphs are replaced (PUT), the default graph is appended to (POST)\n"
         "  replace  every graph is replaced (PUT)\n"
         "  append   every graph is appended to (POST)\n"
         "  retract  each named graph of the inputs (an article's) is deleted from the store (DELETE), the "
         "inverse of a push of the same articles; the default graph (actors and relations other articles share) "
         "is left as it is, and --verify checks the graphs are gone\n"
         "auto suits pushing article after article: each article's evidence graph is replaced when the article "
         "is pushed again, while the shared graph of actors and relations accumulates instead of holding only "
         "the last article's",
         "auto", {"auto", "replace", "append", "retract"}},
        {"--user", K::Text, "NAME", "authenticate as NAME (digest or basic, as the server asks)", "", {}},
        {"--password-file", K::Text, "F", "read the password from the first line of F; otherwise it is taken from "
                                          "the environment variable NEWSKG_PASSWORD. There is no --password "
                                          "option: a password in the arguments would be visible to every user in "
                                          "the process listing", "", {}},
        {"--retries", K::Number, "N", "retries after a connection failure, a timeout, HTTP 5xx or 429, waiting "
                                      "--retry-delay seconds, then twice as long each time (at most 8 s); other "
                                      "4xx answers are not retried", "3", {}, 0, 2147483647},
        {"--retry-delay", K::Decimal, "S", "first wait before a retry, in seconds", "0.5", {}},
        {"--timeout", K::Decimal, "S", "longest time for the whole push in seconds, every request, retry and wait "
                                       "included: no request runs past it; a request that moves no data for 30 s "
                                       "(or S, if less) is abandoned too. Of an error answer, the first 64 KiB are "
                                       "read, the rest is not", "300", {}, 0.1},
        {"--verify", K::Flag, "", "afterwards, count the triples of each named graph with a SPARQL query and fail "
                                  "when some are missing", "", {}},
        {"--sparql", K::Text, "URL", "SPARQL query endpoint for --verify (default: the endpoint URL with its last "
                                     "path segment replaced by \"sparql\")", "", {}},
    };
    CommandSpec spec{
        "push",
        "send graphs to a SPARQL store (Graph Store HTTP Protocol: Virtuoso, Fuseki ...)",
        "newskg push --endpoint URL [OPTIONS] FILE...",
        R"(Sends knowledge graphs to a remote RDF store over the SPARQL 1.1 Graph Store HTTP
Protocol (Virtuoso, Fuseki, GraphDB, Oxigraph ...), one HTTP request per graph.

FILE is an RDF export of newskg or articles:
  .nq, .trig,    a dataset: each named graph goes to its own name; the default graph
  .jsonld        (actors and relations) to --graph, else to the store's default graph
  .ttl, .nt,     one graph: to --graph, else to the store's default graph
  .rdf, .xml
  anything else  articles (.txt, .html, .jsonl, directories, as for extract): extracted
                 first, then pushed like an N-Quads export of them
Graphs of the same name in several inputs are merged and sent once.

)",
        {{"Options", "", options}, {"Article options", "", article_option_specs()}},
        R"(Prints "pushed N triples to GRAPH" for each graph the store accepted. When a graph fails
(after its retries), push stops: it lists the graphs that were loaded and those that
were not, and exits with status 1. Status 2: wrong usage.
)",
        {{"--password", "there is no --password option: a password in the arguments is visible to every user in "
                        "the process listing; put it in the environment variable NEWSKG_PASSWORD or in a file "
                        "given with --password-file"}}};
    return {spec, run_push};
}

} // namespace newskg::cli
