// The options several commands share, declared once: their help reads the same wherever
// they appear, and their defaults come from the library's own option structs.
#include <stdexcept>

#include "cli.hpp"
#include "newskg/graph/knowledge_graph.hpp"

namespace newskg::cli {

namespace {

std::vector<OptionSpec> shared_options() {
    using K = OptionKind;
    return {
        {"--ontology", K::Text, "DIR", "ontology and lexicons to load (default: $NEWSKG_ONTOLOGY, else the "
                                       "ontology/ directory installed with newskg)", "", {}},
        {"--base", K::Text, "IRI", "namespace for minted IRIs", std::string(kDefaultBaseIri), {}},
        {"--published", K::Text, "DATE",
         "publication date (YYYY-MM-DD) for all articles, overriding what they say; relative dates "
         "(\"on Sunday\") resolve against it", "", {}},
        {"--input-format", K::Choice, "F", "how to read the articles: auto (by extension and content), text, html "
                                           "or jsonl", ReadOptions{}.format, {"auto", "text", "html", "jsonl"}},
        {"--max-bytes", K::Number, "N", "largest article accepted, in bytes", std::to_string(ReadOptions{}.max_bytes),
         {}},
        {"--id", K::Text, "ID", "the article's id, for standard input or one input file", "", {}},
        {"--jobs", K::Number, "N", "extract articles on N threads, 0 for one per core; the output is the same "
                                   "whatever N is", "0", {}},
        {"--no-parser", K::Flag, "", "token rules only, without the syntax stage (tagger and parser): faster, "
                                     "less exact", "", {}},
        {"--keep-negated", K::Flag, "", "keep negated events (\"did not attack\") as edges flagged \"negated\"",
         "", {}},
        {"--actors", K::Text, "FILE", "actor dictionary (PETRARCH/TABARI .actors/.agents, or newskg TSV; "
                                      "repeatable) read besides the gazetteer and the bundled ones", "", {}},
        {"--store", K::Text, "DIR", "the RDF store (default: $NEWSKG_STORE, else exports/store)", "", {}},
        {"--top", K::Number, "N", "DOT, SVG, PNG, HTML: draw only the N most central actors (degree "
                                  "centrality: the most relations, ties by IRI) and their relations; 0 draws all",
         "0", {}},
        {"--clusters", K::Flag, "", "DOT, SVG, PNG, HTML: group actors by country", "", {}},
        {"--doc-prefix", K::Text, "P", "with --eval: only the documents whose \"# newdoc id\" starts with P "
                                       "(GUM_news_ for GUM's news articles)", "", {}},
        {"--attribution", K::Text, "TEXT", "credits recorded in the model", "", {}},
        {"--quiet", K::Flag, "", "no progress lines", "", {}},
    };
}

} // namespace

OptionSpec shared_option(const std::string& name) {
    for (auto& o : shared_options())
        if (o.name == name) return o;
    throw std::logic_error("no shared option " + name);
}

std::vector<OptionSpec> article_option_specs() {
    std::vector<OptionSpec> out;
    for (const char* name : {"--published", "--input-format", "--max-bytes", "--id", "--base", "--jobs",
                             "--no-parser", "--keep-negated", "--ontology", "--actors"})
        out.push_back(shared_option(name));
    return out;
}

} // namespace newskg::cli
