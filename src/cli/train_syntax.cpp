// newskg train-syntax: trains the tagger, lemmatizer and parser from CoNLL-U treebanks.
#include <chrono>
#include <iostream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/syntax/train.hpp"

namespace newskg::cli {

namespace {
const char* kTrainSyntaxHelp = R"(Usage: newskg train-syntax --train FILE... [--dev FILE] --output MODEL [OPTIONS]

Trains the syntax model (part-of-speech tagger, lemmatizer, labelled dependency parser)
from Universal Dependencies treebanks in CoNLL-U. Deterministic: the same inputs and
options give the same model bytes. scripts/train-syntax trains the shipped model
models/syntax-en.nskg from ../shared/ud (English EWT and the CC BY part of GUM).

Options:
  --train FILE...      training treebanks (CoNLL-U); all files after --train up to the
                       next option
  --dev FILE           scored after training (UPOS, UAS, LAS on standard error)
  --output MODEL       the model file to write
  --tagger-epochs N    tagger passes over the data (default 12)
  --parser-epochs N    parser passes over the data (default 20)
  --folds N            jackknife folds for the parser's predicted tags (default 5;
                       0 trains the parser on gold tags)
  --threads N          threads for the jackknife folds (default 2)
  --max-sentences N    use only the first N sentences of each file (for quick tests)
  --tagger-min-weight W   drop the tagger's averaged weights smaller than W (default 0.5)
  --parser-min-weight W   the same for the parser (default 1.0): a smaller, faster model
                          for a little accuracy (0 keeps every weight)
  --clusters C,F       word classes for the parser's features, learnt from the training
                       text: C coarse and F fine classes, e.g. 64,512 (default 0: none)
  --license TEXT       license recorded in the model (default "CC BY-SA 4.0")
  --attribution TEXT   credits recorded in the model
  --quiet              no progress lines
)";
} // namespace

int run_train_syntax(const std::vector<std::string>& argv) {
    const auto split = training_args(argv, kTrainSyntaxHelp);
    if (!split) return 0;
    const std::vector<std::string>& rest = split->rest;
    const std::vector<std::string>& train = split->train;
    Args args(rest,
              {"--dev", "--output", "--tagger-epochs", "--parser-epochs", "--folds", "--threads", "--max-sentences",
               "--tagger-min-weight", "--parser-min-weight", "--clusters", "--license", "--attribution"},
              {"--quiet"});
    if (!args.positionals().empty()) throw usage_error("unexpected argument '" + args.positionals()[0] + "'");
    if (train.empty()) throw usage_error("no --train files");
    const auto output = args.value("--output");
    if (!output) throw usage_error("no --output MODEL");
    syntax::TrainOptions opt;
    opt.train_files = train;
    opt.dev_file = args.value("--dev").value_or("");
    auto int_opt = [&](const char* name, auto& target) {
        if (auto v = args.value(name)) {
            try {
                target = static_cast<std::remove_reference_t<decltype(target)>>(std::stoll(*v));
            } catch (const std::exception&) {
                throw usage_error(std::string(name) + " expects a number, got '" + *v + "'");
            }
        }
    };
    int_opt("--tagger-epochs", opt.tagger_epochs);
    int_opt("--parser-epochs", opt.parser_epochs);
    int_opt("--folds", opt.folds);
    int_opt("--threads", opt.threads);
    int_opt("--max-sentences", opt.max_sentences);
    auto float_opt = [&](const char* name, float& target) {
        if (auto v = args.value(name)) {
            try {
                target = std::stof(*v);
            } catch (const std::exception&) {
                throw usage_error(std::string(name) + " expects a number, got '" + *v + "'");
            }
        }
    };
    float_opt("--tagger-min-weight", opt.tagger_min_weight);
    float_opt("--parser-min-weight", opt.parser_min_weight);
    if (auto v = args.value("--clusters")) {
        const auto comma = v->find(',');
        try {
            if (*v == "0") opt.coarse_clusters = opt.fine_clusters = 0;
            else if (comma == std::string::npos) throw std::invalid_argument("");
            else {
                opt.coarse_clusters = std::stoi(v->substr(0, comma));
                opt.fine_clusters = std::stoi(v->substr(comma + 1));
            }
        } catch (const std::exception&) {
            throw usage_error("--clusters expects COARSE,FINE (class counts) or 0, got '" + *v + "'");
        }
        if (opt.coarse_clusters < 0 || opt.fine_clusters < 0 || opt.coarse_clusters > 4096 || opt.fine_clusters > 4096 ||
            (opt.coarse_clusters == 0) != (opt.fine_clusters == 0))
            throw usage_error("--clusters: class counts between 1 and 4096, or 0 for none");
    }
    if (auto v = args.value("--license")) opt.license = *v;
    if (auto v = args.value("--attribution")) opt.attribution = *v;
    const auto start = std::chrono::steady_clock::now();
    if (!args.flag("--quiet"))
        opt.log = [&](const std::string& line) {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cerr << "train-syntax [" << static_cast<int>(s) << " s] " << line << "\n";
        };
    const syntax::SyntaxModel model = syntax::train_syntax_model(opt);
    model.save(*output);
    if (opt.log) opt.log("wrote " + *output);
    return 0;
}

} // namespace newskg::cli
