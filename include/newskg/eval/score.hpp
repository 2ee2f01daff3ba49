#pragma once
/// Scoring a graph against a gold file, exactly as ../shared/corpus/score.py does (same
/// name normalisation, same matching of entities and relations, same counts), so that
/// `newskg eval` and the shared scorer agree to the last digit.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace newskg {

/// Precision, recall and F1 from counts, rounded to 4 places as score.py rounds them.
struct Prf {
    std::size_t tp = 0, fp = 0, fn = 0;
    double precision = 0, recall = 0, f1 = 0;
    static Prf from(std::size_t tp, std::size_t fp, std::size_t fn);
};

struct ArticleScore {
    std::string id;
    Prf entities;
    std::size_t fragmentation = 0, conflation = 0;
    std::vector<std::string> missed_entities, spurious_entities;
    Prf relations;
    std::size_t duplicates = 0;
    std::vector<std::string> missed_relations, spurious_relations;
    std::size_t pair_tp = 0, pair_fn = 0;
    double pair_recall = 0;
};

struct TotalScore {
    Prf entities, relations;
    double pair_recall = 0;
    std::size_t fragmentation = 0, conflation = 0;
};

/// Name normalisation of score.py: NFKC, lower case, curly quotes straightened, leading
/// "the " and trailing "'s" dropped, runs of non-word characters folded to one space.
std::string gold_norm(const std::string& name);

/// Scores one graph (the JSON export) against one gold file.
/// throws parse_error (with `gold_path`) when the gold file lacks a required field.
ArticleScore score_graph(const nlohmann::json& gold, const nlohmann::json& graph,
                         const std::string& gold_path = "gold");

TotalScore total(const std::vector<ArticleScore>& scores);

/// The JSON shape score.py prints with --json.
nlohmann::json to_json(const ArticleScore& s);
nlohmann::json to_json(const TotalScore& t);

} // namespace newskg
