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

// newskg --help: the commands come from the command table, between these two parts.
const char* kHelpHead = R"(newskg — a knowledge-graph generator for news articles

Usage: newskg COMMAND [OPTIONS] ...

Commands:
)";

const char* kHelpTail = R"(  help          this text; `newskg COMMAND --help` describes one command

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

std::vector<newskg::cli::Command> command_table() {
    using namespace newskg::cli;
    return {extract_command(), merge_command(),  render_command(), read_command(),         eval_command(),
            stats_command(),   path_command(),   load_command(),   unload_command(),       query_command(),
            push_command(),    parse_command(),  train_syntax_command(), ner_command(), train_ner_command()};
}

std::string main_help(const std::vector<newskg::cli::Command>& commands) {
    constexpr std::size_t kSummaryColumn = 16;
    std::string out = kHelpHead;
    for (const auto& c : commands) {
        out += "  " + c.spec.name + std::string(kSummaryColumn - 2 - c.spec.name.size(), ' ');
        for (char ch : c.spec.summary) out += ch == '\n' ? "\n" + std::string(kSummaryColumn, ' ') : std::string(1, ch);
        out += "\n";
    }
    return out + kHelpTail;
}

} // namespace

int main(int argc, char** argv) {
    newskg::cli::remove_temp_files_on_signals();
    std::vector<std::string> args(argv + 1, argv + argc);
    const std::vector<newskg::cli::Command> commands = command_table();
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << main_help(commands);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "newskg " << NEWSKG_VERSION << "\n";
        return 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        for (const auto& c : commands) {
            if (c.spec.name != command) continue;
            if (newskg::cli::asks_for_help(args)) {
                std::cout << newskg::cli::help_text(c.spec);
                return 0;
            }
            return c.run(newskg::cli::Args(c.spec, args));
        }
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
