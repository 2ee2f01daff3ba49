// newskg command line: a thin layer over the library. Parses options, runs the pipeline,
// writes outputs atomically, and turns exceptions into messages and exit codes:
//   0 success, 1 some input or output failed (the rest was done), 2 wrong usage or setup.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/syntax/model.hpp"

namespace {

const char* kHelp = R"(newskg — a knowledge-graph generator for news articles

Usage: newskg COMMAND [OPTIONS] ...

Commands:
  extract   read articles and write their knowledge graph (RDF, JSON, DOT, SVG/PNG, HTML)
  merge     merge graphs newskg wrote (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON)
            into one, resolving actors across articles
  render    draw an extracted graph (JSON or RDF) as an explorable HTML page, SVG, PNG or DOT
  read      show what the reader keeps of an article (text or JSON)
  eval      score extraction against gold files (precision, recall, F1)
  stats     rank actors (degree, betweenness, PageRank), components, pair balances
  path      the shortest chain of relations between two actors
  load      load RDF exports and articles into the persistent RDF store
  unload    remove articles (their named graphs and the relations only they state)
            from the persistent RDF store
  query     answer a SPARQL query from the store (table, CSV, TSV, JSON)
  push      send graphs to a SPARQL store (Graph Store HTTP Protocol: Virtuoso, Fuseki ...)
  parse     part-of-speech tags, lemmas and dependency trees of articles (CoNLL-U or
            JSON), or --eval against a CoNLL-U treebank
  train-syntax  train the tagger, lemmatizer and parser from UD treebanks
  ner       the statistical name recogniser's proposals for articles, or --eval
            against GUM's entity annotations (span P/R/F1 per type)
  train-ner train the name recogniser from GUM's entity annotations
  help      this text; `newskg COMMAND --help` describes one command

Common options:
  --ontology DIR   ontology and lexicons to load (default: $NEWSKG_ONTOLOGY, else the
                   ontology/ directory installed with newskg)
  The syntax model (tagger, lemmatizer, parser) is $NEWSKG_SYNTAX_MODEL, else
  models/syntax-en.nskg beside the ontology directory; without one the syntax stage
  is skipped. The name recogniser is $NEWSKG_NER_MODEL, else models/ner-en.nskg
  beside the ontology directory; without one the actor stage uses its rules alone.
  --version        print the version

Exit status: 0 success; 1 some inputs or outputs failed (the others were done and the
failures are listed at the end); 2 wrong usage, a broken ontology or a broken syntax
model; 130, 143 or 129 when interrupted by SIGINT, SIGTERM or SIGHUP (outputs already
written are whole, no temporary file is left).
)";

} // namespace

int main(int argc, char** argv) {
    newskg::cli::remove_temp_files_on_signals();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << kHelp;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "newskg " << NEWSKG_VERSION << "\n";
        return 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "extract") return newskg::cli::run_extract(args);
        if (command == "read") return newskg::cli::run_read(args);
        if (command == "eval") return newskg::cli::run_eval(args);
        if (command == "render") return newskg::cli::run_render(args);
        if (command == "stats") return newskg::cli::run_stats(args);
        if (command == "path") return newskg::cli::run_path(args);
        if (command == "merge") return newskg::cli::run_merge(args);
        if (command == "load") return newskg::cli::run_load(args);
        if (command == "query") return newskg::cli::run_query(args);
        if (command == "unload") return newskg::cli::run_unload(args);
        if (command == "push") return newskg::cli::run_push(args);
        if (command == "parse") return newskg::cli::run_parse(args);
        if (command == "train-syntax") return newskg::cli::run_train_syntax(args);
        if (command == "ner") return newskg::cli::run_ner(args);
        if (command == "train-ner") return newskg::cli::run_train_ner(args);
        std::cerr << "newskg: unknown command '" << newskg::cli::printable(command) << "' (see newskg --help)\n";
        return 2;
    } catch (const newskg::usage_error& e) {
        std::cerr << "newskg " << newskg::cli::printable(command) << ": " << newskg::cli::printable(e.what(), true) << "\n(see newskg " << command
                  << " --help)\n";
        return 2;
    } catch (const newskg::ontology_error& e) {
        std::cerr << "newskg: " << newskg::cli::printable(e.what(), true) << "\n";
        return 2;
    } catch (const newskg::syntax::model_error& e) {
        std::cerr << "newskg: " << newskg::cli::printable(e.what(), true) << "\n";
        return 2;
    } catch (const newskg::error& e) {
        std::cerr << "newskg: " << newskg::cli::printable(e.what(), true) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "newskg: internal error: " << newskg::cli::printable(e.what(), true) << "\n";
        return 1;
    }
}
