// newskg train-ner: trains the name recogniser from CoNLL-U files with GUM's entity
// annotations.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli.hpp"
#include "newskg/actors/ner_train.hpp"
#include "newskg/core/error.hpp"

namespace newskg::cli {

namespace {

int run_train_ner(const Args& args) {
    const TrainingFiles files = training_files(args);
    ner::NerTrainOptions opt;
    opt.train_files = files.train;
    opt.dev_file = files.dev;
    opt.epochs = static_cast<int>(*args.number("--epochs"));
    opt.min_weight = static_cast<float>(*args.decimal("--min-weight"));
    opt.max_sentences = *args.number("--max-sentences");
    opt.license = *args.value("--license");
    if (auto v = args.value("--attribution")) opt.attribution = *v;
    const std::string dir = ontology_dir(args);
    std::string syntax_path = args.value("--syntax-model").value_or(syntax::default_model_path(dir));
    if (syntax_path.empty()) throw usage_error("no syntax model: pass --syntax-model MODEL");
    const auto resources = Resources::load(dir, true, {}, syntax_path, "none");
    // The tagger and the gazetteer's sources are inputs too: the header records them.
    opt.extra_inputs.push_back(syntax_path);
    for (const char* f : {"gazetteer-countries.ttl", "gazetteer-organizations.ttl", "actors-phoenix.tsv",
                          "cameo-countries.tsv", "actor-cues.tsv", "not-actors.txt"}) {
        const auto p = std::filesystem::path(dir) / f;
        std::error_code ec;
        if (std::filesystem::exists(p, ec)) opt.extra_inputs.push_back(p.string());
    }
    const auto start = std::chrono::steady_clock::now();
    if (!args.flag("--quiet"))
        opt.log = [&](const std::string& line) {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cerr << "train-ner [" << static_cast<int>(s) << " s] " << line << "\n";
        };
    const ner::NerModel model = ner::train_ner_model(opt, *resources->syntax(), resources->actors());
    model.save(files.output);
    if (opt.log) opt.log("wrote " + files.output);
    return 0;
}

} // namespace

Command train_ner_command() {
    using K = OptionKind;
    const ner::NerTrainOptions defaults;
    CommandSpec spec{
        "train-ner",
        "train the name recogniser from GUM's entity annotations",
        "newskg train-ner --train FILE... [--dev FILE] --output MODEL [OPTIONS]",
        R"(Trains the name recogniser (people, organisations, places; a greedy averaged
perceptron over BILOU labels) from CoNLL-U files whose MISC column carries GUM's
entity annotations (Entity=...). A name is a person, organization or place mention
whose head is a PROPN, cut to the run of proper nouns around that head. Its features
include the tags the syntax model predicts and the gazetteer and actor dictionaries of
the ontology directory, so train with the syntax model and ontology it will run with.
Deterministic: the same inputs and options give the same model bytes.
scripts/train-ner trains the shipped model models/ner-en.nskg from ../shared/ud (GUM).

)",
        {{"Options",
          "",
          {{"--train", K::List, "FILE", "training files (CoNLL-U): every argument after --train up to the next "
                                        "option", "", {}},
           {"--dev", K::Text, "FILE", "scored after each epoch (span F1 on standard error)", "", {}},
           {"--output", K::Text, "MODEL", "the model file to write", "", {}},
           {"--epochs", K::Number, "N", "passes over the data", number_text(defaults.epochs), {}, 1, 2147483647},
           {"--min-weight", K::Decimal, "W", "drop averaged weights smaller than W", number_text(defaults.min_weight),
            {}},
           {"--max-sentences", K::Number, "N", "use only the first N sentences of each file (for quick tests); 0 "
                                               "uses all", number_text(static_cast<double>(defaults.max_sentences)),
            {}},
           {"--syntax-model", K::Text, "M", "the tagger (default: $NEWSKG_SYNTAX_MODEL, else models/syntax-en.nskg "
                                            "beside the ontology directory)", "", {}},
           {"--ontology", K::Text, "DIR", "gazetteer, cue lists and bundled actor dictionaries", "", {}},
           {"--license", K::Text, "TEXT", "license recorded in the model", defaults.license, {}},
           shared_option("--attribution"),
           shared_option("--quiet")}}},
        "",
        {}};
    return {spec, run_train_ner};
}

} // namespace newskg::cli
