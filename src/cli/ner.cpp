// newskg ner: the statistical name recogniser on its own — the names it finds in
// articles, or its scores against GUM's entity annotations with --eval.
#include <iostream>

#include "cli.hpp"
#include "newskg/actors/ner_train.hpp"
#include "newskg/core/error.hpp"
#include "newskg/syntax/syntax.hpp"
#include "newskg/text/analyse.hpp"

namespace newskg::cli {

namespace {

int run_ner(const Args& args) {
    const auto gold = args.value("--eval");
    if (!gold && args.positionals().empty()) throw usage_error("no input files (use - for standard input)");
    if (gold && !args.positionals().empty()) throw usage_error("--eval takes no article files");
    const std::string dir = ontology_dir(args);
    const std::string syntax_path = args.value("--syntax-model").value_or(syntax::default_model_path(dir));
    if (syntax_path.empty()) throw usage_error("no syntax model: pass --syntax-model MODEL or set NEWSKG_SYNTAX_MODEL");
    const std::string model_path = args.value("--model").value_or(ner::default_model_path(dir));
    if (model_path.empty())
        throw usage_error("no name recogniser: pass --model MODEL or set NEWSKG_NER_MODEL (models/" +
                          std::string(ner::kNerModelFileName) + " was not found beside the ontology)");
    const auto resources = Resources::load(dir, true, {}, syntax_path, "none");
    const ner::NerModel model = ner::NerModel::load(model_path);

    if (gold) {
        const auto sents = syntax::read_conllu(*gold);
        const std::string prefix = args.value("--doc-prefix").value_or("");
        const auto scores = ner::evaluate_ner(model, *resources->syntax(), resources->actors(), sents,
                                              [&](const syntax::UdSentence& s) {
                                                  return s.doc_id.compare(0, prefix.size(), prefix) == 0;
                                              });
        if (scores.sentences == 0) throw usage_error("no sentences to score in " + *gold);
        std::cout << *gold << (prefix.empty() ? "" : " [" + prefix + "*]") << ":\n" << ner::format_ner_scores(scores);
        return 0;
    }

    std::vector<Diagnostic> diags;
    read_articles(args.positionals(), read_options(args), [&](Document&& doc) {
        analyse_text(doc);
        syntax::analyse_syntax(doc, *resources->syntax());
        for (const auto& n : ner::recognize_document(doc, model, resources->actors())) {
            const CharSpan span{doc.words[n.begin].span.begin, doc.words[n.end - 1].span.end};
            std::size_t sentence = 0;
            while (sentence + 1 < doc.sentences.size() && doc.sentences[sentence].words.last <= n.begin) ++sentence;
            std::string text(doc.slice(span));
            for (char& c : text)
                if (c == '\n' || c == '\t' || c == '\r') c = ' ';
            std::cout << doc.id << '\t' << sentence + 1 << '\t' << span.begin << '\t' << span.end << '\t'
                      << ner::to_string(n.type) << '\t' << text << '\n';
        }
    }, diags);
    return report_diagnostics(diags) ? 1 : 0;
}

} // namespace

Command ner_command() {
    using K = OptionKind;
    CommandSpec spec{
        "ner",
        "the statistical name recogniser's proposals for articles, or --eval\nagainst GUM's entity annotations "
        "(span P/R/F1 per type)",
        "newskg ner [OPTIONS] FILE...\nnewskg ner --eval GOLD.conllu [--doc-prefix P] [--model MODEL]",
        R"(Runs the statistical name recogniser (people, organisations, places) over articles,
read as `newskg extract` reads them, and prints one line per name:
ARTICLE <tab> SENTENCE <tab> BEGIN <tab> END <tab> TYPE <tab> TEXT (BEGIN and END are
byte offsets into the article text, SENTENCE counts from 1). These are the recogniser's
proposals before the actor stage types and resolves them.

--eval GOLD.conllu scores it on a CoNLL-U file with GUM's entity annotations (gold
tokenization, predicted tags): span precision, recall and F1 per type, exact
boundaries and type. A gold name is a person, organization or place mention whose
head is a PROPN, cut to the run of proper nouns around its head (see train-ner).

)",
        {{"Options",
          "",
          {{"--model", K::Text, "MODEL", "the recogniser (default: $NEWSKG_NER_MODEL, else models/ner-en.nskg "
                                         "beside the ontology directory)", "", {}},
           {"--syntax-model", K::Text, "MODEL", "the tagger and parser (default: $NEWSKG_SYNTAX_MODEL, else "
                                                "models/syntax-en.nskg beside the ontology directory)", "", {}},
           {"--eval", K::Text, "GOLD.conllu", "score instead of recognising", "", {}},
           shared_option("--doc-prefix"),
           shared_option("--published"), shared_option("--input-format"), shared_option("--max-bytes"),
           {"--ontology", K::Text, "DIR", "gazetteer and dictionaries (and where to look for the models)", "", {}}}}},
        "",
        {}};
    return {spec, run_ner};
}

} // namespace newskg::cli
