#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/eval/score.hpp"
#include "newskg/export/json.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/io/graph_io.hpp"
#include "newskg/pipeline/pipeline.hpp"
#include "newskg/read/reader.hpp"

namespace newskg::cli {

namespace {

std::string fmt3(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

nlohmann::json read_json_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw input_error(ids::input::kUnreadable, path, "cannot open the gold file");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw parse_error(ids::parse::kGoldJson, path, 0, std::string("not valid JSON: ") + e.what());
    }
}

int run_eval(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no gold files given");
    const auto resources = Resources::load(ontology_dir(args), true, args.values("--actors"));
    PipelineOptions po;
    po.base_iri = *args.value("--base");
    const auto save = args.value("--save-graphs");
    if (save) make_output_dir(*save);

    std::vector<ArticleScore> scores;
    std::vector<std::string> problems;
    for (const auto& gold_path : args.positionals()) {
        try {
            nlohmann::json gold = read_json_file(gold_path);
            if (!gold.is_object() || !gold.contains("text") || !gold["text"].is_string())
                throw parse_error(ids::parse::kGoldText, gold_path, 0,
                                  "a gold file needs a 'text' field naming the article");
            const auto article =
                (std::filesystem::path(gold_path).parent_path() / gold["text"].get<std::string>()).string();
            KnowledgeGraph graph;
            std::vector<Diagnostic> diags;
            std::size_t n = 0;
            read_articles({article}, ReadOptions{}, [&](Document&& doc) {
                ++n;
                graph.add(extract(std::move(doc), *resources, po), po.base_iri);
            }, diags);
            for (const auto& d : diags)
                if (d.error) throw error(d.id, d.message); // the reader's own id: missing, binary ...
            if (n == 0) throw input_error(ids::input::kEmpty, article, "no article read");
            nlohmann::json graph_json = to_json(graph, &resources->ontology());
            if (save) {
                std::string id = gold.value("id", std::filesystem::path(gold_path).stem().string());
                // The graph as `extract --format json` writes it, through the one writer.
                write_file_atomically((std::filesystem::path(*save) / (id + ".json")).string(),
                                      io::write_graph(io::info(io::Format::Json), graph, resources->ontology(), {}));
            }
            scores.push_back(score_graph(gold, graph_json, gold_path));
        } catch (const error& e) {
            problems.push_back(e.what());
        } catch (const nlohmann::json::exception& e) {
            // A field of the wrong type deep in a gold file ("optional": "yes", a relation
            // that is a string): this gold file is malformed, the others are still scored.
            problems.push_back(
                parse_error(ids::parse::kGoldMalformed, gold_path, 0, std::string("malformed gold file: ") + e.what())
                    .what());
        }
    }
    const TotalScore tot = total(scores);
    if (args.flag("--json")) {
        nlohmann::json docs = nlohmann::json::array();
        for (const auto& s : scores) docs.push_back(to_json(s));
        std::cout << nlohmann::json{{"documents", docs}, {"total", to_json(tot)}}.dump(1) << "\n";
    } else {
        for (const auto& s : scores) {
            if (args.flag("--quiet")) break;
            std::cout << "== " << printable(s.id) << "\n";
            std::cout << "entities  P " << fmt3(s.entities.precision) << " R " << fmt3(s.entities.recall)
                      << " F1 " << fmt3(s.entities.f1) << "  fragments " << s.fragmentation
                      << " conflations " << s.conflation << "\n";
            for (const auto& m : s.missed_entities) std::cout << "  missed entity: " << m << "\n";
            for (const auto& m : s.spurious_entities) std::cout << "  spurious entity: " << m << "\n";
            std::cout << "relations P " << fmt3(s.relations.precision) << " R " << fmt3(s.relations.recall)
                      << " F1 " << fmt3(s.relations.f1) << "  duplicates " << s.duplicates
                      << "  pair recall " << fmt3(s.pair_recall) << "\n";
            for (const auto& m : s.missed_relations) std::cout << "  missed relation: " << m << "\n";
            for (const auto& m : s.spurious_relations) std::cout << "  spurious relation: " << m << "\n";
        }
        std::cout << "TOTAL entities P " << fmt3(tot.entities.precision) << " R "
                  << fmt3(tot.entities.recall) << " F1 " << fmt3(tot.entities.f1)
                  << " | relations P " << fmt3(tot.relations.precision) << " R "
                  << fmt3(tot.relations.recall) << " F1 " << fmt3(tot.relations.f1)
                  << " | pair recall " << fmt3(tot.pair_recall) << " | fragments "
                  << tot.fragmentation << " conflations " << tot.conflation << "\n";
    }
    for (const auto& p : problems) std::cerr << "newskg: error: " << printable(p, true) << "\n";
    return problems.empty() ? 0 : 1;
}

} // namespace

Command eval_command() {
    using K = OptionKind;
    CommandSpec spec{"eval",
                     "score extraction against gold files (precision, recall, F1)",
                     "newskg eval [OPTIONS] GOLD.json...",
                     R"(Extracts the article each gold file names (its "text" field, a file beside the gold
file) and scores the graph against the gold: precision, recall and F1 of entities and
of typed relations, untyped pair recall, fragmentation and conflation, per article and
micro-averaged, with every miss and every spurious item. The figures are those of
../shared/corpus/score.py on the same graphs.

)",
                     {{"Options",
                       "",
                       {{"--json", K::Flag, "", "machine-readable output (the shape of score.py --json)", "", {}},
                        {"--quiet", K::Flag, "", "only the total line", "", {}},
                        {"--save-graphs", K::Text, "DIR", "also write each extracted graph as DIR/ID.json", "", {}},
                        shared_option("--base"), shared_option("--ontology"), shared_option("--actors")}}},
                     R"(Exit status: 0 when every article was scored; 1 when a gold file or article could not be
read (the others are still scored); 2 wrong usage.
)",
                     {}};
    return {spec, run_eval};
}

} // namespace newskg::cli
