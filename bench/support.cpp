#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "newskg/actors/actors.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"

namespace newskg::bench {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "newskg bench: " << message << "\n";
    std::exit(2);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) fail("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The *.txt files of one folder of the source tree, in name order.
std::vector<Article> txt_files(const fs::path& dir) {
    std::vector<fs::path> paths;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::vector<Article> out;
    for (const auto& p : paths) out.push_back({p.string(), slurp(p)});
    return out;
}

} // namespace

const std::vector<Article>& project_articles() {
    static const std::vector<Article> articles = [] {
        const fs::path root = NEWSKG_SOURCE_DIR;
        auto all = txt_files(root / "examples");
        auto gold = txt_files(root / "tests" / "gold");
        all.insert(all.end(), gold.begin(), gold.end());
        if (all.empty())
            fail("no articles in " + (root / "examples").string() + " or " +
                 (root / "tests" / "gold").string());
        return all;
    }();
    return articles;
}

const Article& sample_article() {
    static const Article article = [] {
        const fs::path p = fs::path(NEWSKG_SOURCE_DIR) / "examples" / "sahel-minusma-withdrawal.txt";
        return Article{p.string(), slurp(p)};
    }();
    return article;
}

const Resources& resources() {
    static const std::unique_ptr<Resources> r = [] {
        try {
            return Resources::load(Ontology::default_dir());
        } catch (const std::exception& e) {
            fail(std::string("cannot load the ontology: ") + e.what());
        }
    }();
    return *r;
}

std::vector<Document> read_all(const std::vector<Article>& articles) {
    std::vector<Document> docs;
    for (const auto& a : articles) docs.push_back(read_text_article(a.content, a.path, ReadOptions{}));
    return docs;
}

std::vector<Document> analysed(const std::vector<Article>& articles) {
    auto docs = read_all(articles);
    for (auto& d : docs) analyse_text(d);
    return docs;
}

std::vector<Extraction> with_actors(const std::vector<Article>& articles) {
    std::vector<Extraction> xs;
    for (auto& d : analysed(articles)) {
        Extraction x;
        x.document = std::move(d);
        find_actors(x, resources().actors(), ActorOptions{});
        xs.push_back(std::move(x));
    }
    return xs;
}

std::vector<Extraction> extracted(const std::vector<Article>& articles) {
    std::vector<Extraction> xs;
    for (auto& d : read_all(articles)) xs.push_back(extract(std::move(d), resources()));
    return xs;
}

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::size_t input_bytes(const std::vector<Article>& articles) {
    std::size_t n = 0;
    for (const auto& a : articles) n += a.content.size();
    return n;
}

std::size_t text_bytes(const std::vector<Document>& docs) {
    std::size_t n = 0;
    for (const auto& d : docs) n += d.text.size();
    return n;
}

std::size_t text_bytes(const std::vector<Extraction>& xs) {
    std::size_t n = 0;
    for (const auto& x : xs) n += x.document.text.size();
    return n;
}

std::size_t sentence_count(const std::vector<Document>& docs) {
    std::size_t n = 0;
    for (const auto& d : docs) n += d.sentences.size();
    return n;
}

std::size_t sentence_count(const std::vector<Extraction>& xs) {
    std::size_t n = 0;
    for (const auto& x : xs) n += x.document.sentences.size();
    return n;
}

std::vector<Extraction> renamed_copies(const std::vector<Extraction>& xs, std::size_t copies) {
    std::vector<Extraction> out;
    out.reserve(xs.size() * copies);
    for (std::size_t c = 0; c < copies; ++c)
        for (const auto& x : xs) {
            Extraction y = x;
            if (c > 0) {
                // The evidence names its article too; both must change or the graph would
                // see one article's evidence claimed by another.
                y.document.id += "~" + std::to_string(c + 1);
                for (auto& r : y.relations)
                    for (auto& e : r.evidence) e.document = y.document.id;
            }
            out.push_back(std::move(y));
        }
    return out;
}

KnowledgeGraph build_graph(const std::vector<Extraction>& xs, std::size_t copies) {
    KnowledgeGraph g;
    for (const auto& x : renamed_copies(xs, copies)) g.add(x, std::string(kDefaultBaseIri));
    return g;
}

} // namespace newskg::bench
