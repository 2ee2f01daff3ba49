// newskg parse: the syntax stage on its own — CoNLL-U or JSON for articles, or scores
// against a CoNLL-U treebank with --eval.
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "newskg/pipeline/pipeline.hpp"
#include "newskg/core/error.hpp"
#include "newskg/syntax/conllu.hpp"
#include "newskg/syntax/evaluate.hpp"
#include "newskg/syntax/syntax.hpp"
#include "newskg/text/analyse.hpp"

namespace newskg::cli {

namespace {
std::string one_line(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

void write_conllu(const Document& doc, std::ostream& out) {
    out << "# newdoc id = " << doc.id << "\n";
    for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
        const Sentence& s = doc.sentences[si];
        if (s.words.empty()) continue;
        out << "# sent_id = " << doc.id << "-" << (si + 1) << "\n";
        out << "# text = " << one_line(doc.slice(s.span)) << "\n";
        for (std::size_t wi = s.words.first; wi < s.words.last; ++wi) {
            const Word& w = doc.words[wi];
            const std::size_t head = w.head == kNoWord ? 0 : w.head - s.words.first + 1;
            std::string misc = "TokenRange=" + std::to_string(w.span.begin) + ":" + std::to_string(w.span.end) +
                               "|Token=" + std::to_string(w.token);
            if (wi + 1 < s.words.last && doc.words[wi + 1].span.begin == w.span.end) misc += "|SpaceAfter=No";
            out << (wi - s.words.first + 1) << '\t' << one_line(doc.form(w)) << '\t' << one_line(doc.lemma(w)) << '\t'
                << w.upos.view() << '\t' << w.xpos.view() << "\t_\t" << head << '\t' << w.deprel.view() << "\t_\t"
                << misc << "\n";
        }
        out << "\n";
    }
}

nlohmann::json to_json(const Document& doc) {
    nlohmann::json j;
    j["id"] = doc.id;
    j["source"] = doc.source_path;
    auto& sents = j["sentences"] = nlohmann::json::array();
    for (const auto& s : doc.sentences) {
        nlohmann::json js;
        js["begin"] = s.span.begin;
        js["end"] = s.span.end;
        js["text"] = std::string(doc.slice(s.span));
        auto& words = js["words"] = nlohmann::json::array();
        for (std::size_t wi = s.words.first; wi < s.words.last; ++wi) {
            const Word& w = doc.words[wi];
            words.push_back({{"form", std::string(doc.form(w))},
                             {"lemma", doc.lemma(w)},
                             {"upos", w.upos.str()},
                             {"xpos", w.xpos.str()},
                             {"head", w.head == kNoWord ? -1 : static_cast<long>(w.head - s.words.first)},
                             {"deprel", w.deprel.str()},
                             {"begin", w.span.begin},
                             {"end", w.span.end},
                             {"token", w.token}});
        }
        sents.push_back(std::move(js));
    }
    return j;
}

} // namespace

std::string syntax_model_path(const Args& args) {
    if (auto m = args.value("--model")) return *m;
    std::string p = syntax::default_model_path(ontology_dir(args));
    if (p.empty())
        throw usage_error("no syntax model: pass --model MODEL or set NEWSKG_SYNTAX_MODEL (models/" +
                          std::string(syntax::kModelFileName) + " was not found beside the ontology)");
    return p;
}

namespace {

int run_parse(const Args& args) {
    const std::string format = *args.value("--format");
    const auto gold = args.value("--eval");
    if (!gold && args.positionals().empty()) throw usage_error("no input files (use - for standard input)");
    if (gold && !args.positionals().empty()) throw usage_error("--eval takes no article files");
    // As extract reads, with the resources it loads (the known tags of gazetteer and verb
    // dictionary); no name recogniser.
    const auto resources = Resources::load(ontology_dir(args), true, {}, syntax_model_path(args), "none");
    const syntax::SyntaxModel& model = *resources->syntax();

    if (gold) {
        const auto sents = syntax::read_conllu(*gold);
        const std::string prefix = args.value("--doc-prefix").value_or("");
        const auto predictions_path = args.value("--predictions");
        std::ostringstream predictions;
        const auto scores = syntax::evaluate(
            model, sents, [&](const syntax::UdSentence& s) { return s.doc_id.compare(0, prefix.size(), prefix) == 0; },
            predictions_path ? &predictions : nullptr);
        if (scores.words == 0) throw usage_error("no sentences to score in " + *gold);
        std::cout << *gold << (prefix.empty() ? "" : " [" + prefix + "*]") << ": "
                  << syntax::format_scores(scores) << "\n";
        if (args.flag("--by-relation")) std::cout << syntax::format_relation_scores(scores);
        if (predictions_path) write_file_atomically(*predictions_path, predictions.str());
        return 0;
    }

    std::vector<Diagnostic> diags;
    read_articles(args.positionals(), read_options(args), [&](Document&& doc) {
        analyse_text(doc);
        syntax::analyse_syntax(doc, model);
        if (format == "conllu") write_conllu(doc, std::cout);
        else std::cout << to_json(doc).dump() << "\n";
    }, diags);
    return report_diagnostics(diags) ? 1 : 0;
}

} // namespace

Command parse_command() {
    using K = OptionKind;
    CommandSpec spec{
        "parse",
        "part-of-speech tags, lemmas and dependency trees of articles (CoNLL-U or\nJSON), or --eval against a "
        "CoNLL-U treebank",
        "newskg parse [OPTIONS] FILE...\nnewskg parse --eval GOLD.conllu [--doc-prefix P] [--model MODEL]",
        R"(Tags, lemmatizes and parses the sentences of articles (read as `newskg extract` reads
them) into Universal Dependencies words and trees, or scores the model on a treebank.

Output (--format conllu, the default): one CoNLL-U block per sentence, with
"# newdoc id", "# sent_id = ARTICLE-N" and "# text" comments, ten columns per word
(FEATS and DEPS are "_"), and in MISC the word's byte offsets into the article text
(TokenRange=BEGIN:END), the index of the tokenizer's token it comes from (Token=N) and
SpaceAfter=No where no space follows. --format json: one JSON object per article with
its sentences and words (0-based "head", -1 for the root).

--eval GOLD.conllu scores the model with the treebank's own words (gold tokenization,
predicted tags), counting punctuation, as the CoNLL 2018 shared task: UPOS, XPOS and
lemma accuracy, UAS, LAS (universal relation) and LAS-full (with subtypes);
--by-relation adds one line per gold relation with the points of UAS it loses;
--predictions FILE writes the model's analysis of the scored sentences as CoNLL-U (for
the CoNLL 2018 evaluation script or a diff against the gold file).

As in extract, the ontology's one-word country names are tagged PROPN and its demonyms
ADJ before a lower-case word (their plurals PROPN NNPS) whatever the tagger would guess:
the treebanks name few of the world's countries ("Latvia shot down an Estonian drone").

)",
        {{"Options",
          "",
          {{"--format", K::Choice, "", "output format", "conllu", {"conllu", "json"}},
           {"--model", K::Text, "MODEL", "the syntax model (default: $NEWSKG_SYNTAX_MODEL, else "
                                         "models/syntax-en.nskg beside the ontology directory)", "", {}},
           {"--eval", K::Text, "GOLD.conllu", "score instead of parsing", "", {}},
           shared_option("--doc-prefix"),
           {"--by-relation", K::Flag, "", "with --eval: scores for each gold relation", "", {}},
           {"--predictions", K::Text, "FILE", "with --eval: write the predicted trees (CoNLL-U)", "", {}},
           shared_option("--published"), shared_option("--input-format"), shared_option("--max-bytes"),
           {"--ontology", K::Text, "DIR", "where to look for the model (see --model)", "", {}}}}},
        "",
        {}};
    return {spec, run_parse};
}

} // namespace newskg::cli
