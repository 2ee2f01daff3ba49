#pragma once
// Shared by the merge tests: the example and project gold articles extracted once per
// test run (token rules only, for speed), each as a graph of its own.
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../process.hpp"
#include "../support.hpp"
#include "newskg/graph/knowledge_graph.hpp"

namespace newskg::test {

/// Article graphs by article id: examples/*.txt and tests/gold/*.txt, extracted without
/// the syntax stage.
inline const std::map<std::string, KnowledgeGraph>& article_graphs() {
    static const std::map<std::string, KnowledgeGraph> graphs = [] {
        std::map<std::string, KnowledgeGraph> out;
        std::vector<std::string> paths;
        for (const char* dir : {"examples", "tests/gold"})
            for (const auto& e : std::filesystem::directory_iterator(source_path(dir)))
                if (e.path().extension() == ".txt") paths.push_back(e.path().string());
        std::sort(paths.begin(), paths.end());
        PipelineOptions po;
        po.use_parser = false;
        for (const auto& p : paths) {
            ReadOptions ro;
            Document doc = read_text_article(read_file(p), p, ro);
            const std::string id = doc.id;
            KnowledgeGraph g;
            g.add(extract(std::move(doc), resources(), po), po.base_iri);
            out.emplace(id, std::move(g));
        }
        return out;
    }();
    return graphs;
}

} // namespace newskg::test
