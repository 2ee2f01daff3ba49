// newskg train-syntax: trains the tagger, lemmatizer and parser from CoNLL-U treebanks.
#include <chrono>
#include <iostream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/syntax/train.hpp"

namespace newskg::cli {

namespace {

int run_train_syntax(const Args& args) {
    const TrainingFiles files = training_files(args);
    syntax::TrainOptions opt;
    opt.train_files = files.train;
    opt.dev_file = files.dev;
    opt.tagger_epochs = static_cast<int>(*args.number("--tagger-epochs"));
    opt.parser_epochs = static_cast<int>(*args.number("--parser-epochs"));
    opt.folds = static_cast<int>(*args.number("--folds"));
    opt.threads = *args.number("--threads");
    opt.max_sentences = *args.number("--max-sentences");
    opt.tagger_min_weight = static_cast<float>(*args.decimal("--tagger-min-weight"));
    opt.parser_min_weight = static_cast<float>(*args.decimal("--parser-min-weight"));
    opt.ambiguity_min_count = *args.number("--ambiguity-min-count");
    opt.lexicon_file = args.value("--lexicon").value_or("");
    opt.license = *args.value("--license");
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
    if (auto v = args.value("--attribution")) opt.attribution = *v;
    const auto start = std::chrono::steady_clock::now();
    if (!args.flag("--quiet"))
        opt.log = [&](const std::string& line) {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cerr << "train-syntax [" << static_cast<int>(s) << " s] " << line << "\n";
        };
    const syntax::SyntaxModel model = syntax::train_syntax_model(opt);
    model.save(files.output);
    if (opt.log) opt.log("wrote " + files.output);
    return 0;
}

} // namespace

Command train_syntax_command() {
    using K = OptionKind;
    const syntax::TrainOptions defaults;
    constexpr double kMaxInt = 2147483647;
    CommandSpec spec{
        "train-syntax",
        "train the tagger, lemmatizer and parser from UD treebanks",
        "newskg train-syntax --train FILE... [--dev FILE] --output MODEL [OPTIONS]",
        R"(Trains the syntax model (part-of-speech tagger, lemmatizer, labelled dependency parser)
from Universal Dependencies treebanks in CoNLL-U. Deterministic: the same inputs and
options give the same model bytes. scripts/train-syntax trains the shipped model
models/syntax-en.nskg from ../shared/ud (English EWT and the CC BY part of GUM).

)",
        {{"Options",
          "",
          {{"--train", K::List, "FILE", "training treebanks (CoNLL-U): every argument after --train up to the next "
                                        "option", "", {}},
           {"--dev", K::Text, "FILE", "scored after training (UPOS, UAS, LAS on standard error)", "", {}},
           {"--output", K::Text, "MODEL", "the model file to write", "", {}},
           {"--tagger-epochs", K::Number, "N", "tagger passes over the data", number_text(defaults.tagger_epochs),
            {}, 0, kMaxInt},
           {"--parser-epochs", K::Number, "N", "parser passes over the data", number_text(defaults.parser_epochs),
            {}, 0, kMaxInt},
           {"--folds", K::Number, "N", "jackknife folds for the parser's predicted tags; 0 trains the parser on gold "
                                       "tags", number_text(defaults.folds), {}, 0, kMaxInt},
           {"--threads", K::Number, "N", "threads for the jackknife folds",
            number_text(static_cast<double>(defaults.threads)), {}},
           {"--max-sentences", K::Number, "N", "use only the first N sentences of each file (for quick tests); 0 "
                                               "uses all", number_text(static_cast<double>(defaults.max_sentences)),
            {}},
           {"--tagger-min-weight", K::Decimal, "W", "drop the tagger's averaged weights smaller than W",
            number_text(defaults.tagger_min_weight), {}},
           {"--lexicon", K::Text, "FILE", "tag lexicon (form, UPOS, XPOS a line) for words the treebanks have "
                                          "too rarely: closed-class words, irregular verb forms", "", {}},
           {"--ambiguity-min-count", K::Number, "N", "the tagger's ambiguity classes (the tags a word had) for words "
                                                     "seen at least N times; 0 for none",
            number_text(static_cast<double>(defaults.ambiguity_min_count)), {}, 0, kMaxInt},
           {"--parser-min-weight", K::Decimal, "W", "the same for the parser: a smaller, faster model for a little "
                                                    "accuracy (0 keeps every weight)",
            number_text(defaults.parser_min_weight), {}},
           {"--clusters", K::Text, "C,F", "word classes for the parser's features, learnt from the training text: "
                                          "C coarse and F fine classes, e.g. 64,512; 0 for none", "0", {}},
           {"--license", K::Text, "TEXT", "license recorded in the model", defaults.license, {}},
           shared_option("--attribution"),
           shared_option("--quiet")}}},
        "",
        {}};
    return {spec, run_train_syntax};
}

} // namespace newskg::cli
