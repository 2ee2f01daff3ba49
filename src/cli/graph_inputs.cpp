#include "graph_inputs.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "newskg/core/error.hpp"
#include "newskg/io/graph_io.hpp"
#include "newskg/merge/merge.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/read/reader.hpp"

namespace newskg::cli {

OptionSection graph_input_section() {
    OptionSection section{
        "Input options",
        R"(Inputs are graphs written by `newskg extract` (.json, .jsonld, .ttl, .nt, .nq, .trig,
.rdf) and articles (.txt, .html, .htm, .jsonl, gzipped, directories, - for standard
input), which are extracted first; everything given is merged into one graph.
)",
        {}};
    for (const char* name : {"--no-parser", "--jobs", "--published", "--base", "--ontology", "--actors"})
        section.options.push_back(shared_option(name));
    return section;
}

namespace {

bool is_graph_file(const std::string& path) {
    const io::FormatInfo* f = io::format_of_path(path);
    return f && f->readable;
}

} // namespace

GraphInputs load_graph_inputs(const std::vector<std::string>& paths, const Args& args) {
    GraphInputs in;
    std::vector<std::string> article_paths;
    for (const auto& p : paths)
        if (!is_graph_file(p)) article_paths.push_back(p);

    const ArticleOptions ao = article_options(args);
    // The parser's dictionary is opened only when articles will be parsed.
    in.resources = Resources::load(ontology_dir(args), ao.pipeline.use_parser && !article_paths.empty(),
                                   ao.actor_files);
    const Ontology& onto = in.resources->ontology();

    // Graphs and articles are combined as `newskg merge` combines graphs (GraphUnion,
    // then actor resolution across them: resolve_union), so the counts and labels agree
    // with merge's and do not depend on the order of the inputs.
    GraphUnion all(&onto);
    for (const auto& p : paths) {
        if (!is_graph_file(p)) continue;
        all.add(io::read_graph(p, onto));
        ++in.graph_files;
    }
    if (!article_paths.empty()) {
        std::vector<Diagnostic> diagnostics;
        in.articles = extract_articles(article_paths, *in.resources, ao, [&](Extraction&& x) {
            KnowledgeGraph g;
            g.add(std::move(x), ao.pipeline.base_iri);
            all.add(std::move(g));
        }, diagnostics);
        for (const auto& d : diagnostics) {
            if (d.error) throw error(d.id, d.message);
            std::cerr << "newskg: warning: " << printable(d.message) << "\n";
        }
    }
    in.graph = resolve_union(std::move(all), onto, MergeOptions{}).graph;
    return in;
}

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string fit(const std::string& s, std::size_t width) {
    if (display_width(s) <= width) return s + std::string(width - display_width(s), ' ');
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (cols + 1 == width) break;
            ++cols;
        }
        out += s[i];
    }
    return out + "…";
}

std::string right(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return (w < width ? std::string(width - w, ' ') : std::string()) + s;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace newskg::cli
