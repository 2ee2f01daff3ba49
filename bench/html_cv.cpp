// Training and leave-site-out cross-validation of the HTML reader's block scorer
// (src/read/block_model.hpp) on the article-extraction benchmark's dev pages
// (/work/shared/corpus/html/README.md). Run through scripts/html-cv, which builds it
// against build/libnewskg.a and scores its outputs with the benchmark's scorer.
//
//   html_cv train GROUND_TRUTH.json DIR PAGE.html.gz...         weights from these pages,
//                                                                DIR/block_model_{page,block}.inc
//   html_cv extract OUTDIR MODEL PAGE.html.gz...                 bodies; MODEL = a directory
//                                                                with page.txt and block.txt,
//                                                                "rules" or "shipped"
//   html_cv cv GROUND_TRUTH.json K OUTDIR PAGE.html.gz...        each page read with weights
//                                                                trained on the other folds
//
// Folds are by site (the host of the page's URL, "www." dropped): all pages of a site are
// in the same fold, so every page is read by a scorer that never saw its site. Sites are
// sorted by name and dealt to the K folds in turn: the folds are the same on every run.
// Training is deterministic (Newton's method from zero weights, fixed iteration count).
#include "newskg/read/reader.hpp"
#include "read/block_model.hpp"
#include "read/decode.hpp"
#include "read/html_reader.hpp"
#include "text/unicode_util.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

namespace fs = std::filesystem;
using namespace newskg;
using detail::BlockFeatures;
using detail::BlockModel;
using detail::BlockModels;
using detail::kBlockFeatures;

namespace {

std::string read_gz(const std::string& path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot open " + path);
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    gzclose(f);
    return out;
}

std::string page_name(const std::string& path) {
    std::string n = fs::path(path).filename().string();
    for (std::string ext : {".gz", ".html"})
        if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) n.resize(n.size() - ext.size());
    return n;
}

std::string utf8_page(const std::string& path) {
    const std::string bytes = read_gz(path);
    return decode::to_utf8(bytes, path, detail::declared_charset(bytes)).utf8;
}

// The scorer's tokens: runs of word characters (its regular expression \w+).
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = uc::decode(s, i);
        if (uc::is_word_char(cp.cp)) cur.append(s.substr(i, cp.len));
        else if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
        i += cp.len;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string join(const std::vector<std::string>& t, std::size_t from, std::size_t n) {
    std::string s;
    for (std::size_t k = from; k < from + n; ++k) s += t[k] + '\x1f';
    return s;
}

// Every 1- to 4-gram of the true body: a block's label is the share of its 4-grams (or
// of its whole token run when shorter) found there.
struct Truth {
    std::unordered_set<std::string> grams;
    std::size_t tokens = 0;
};

Truth make_truth(const std::string& body) {
    Truth t;
    const auto tok = tokens(body);
    t.tokens = tok.size();
    for (std::size_t n = 1; n <= 4; ++n)
        for (std::size_t i = 0; i + n <= tok.size(); ++i) t.grams.insert(join(tok, i, n));
    return t;
}

struct Example {
    BlockFeatures x;
    double y = 0; ///< share of the block in the truth (a soft label)
    double w = 0; ///< its tokens over the page's true tokens: each page counts about once
};

// NEWSKG_CV_STRIP_CLASSES=1: the pages are read without their class and id attributes,
// as a stand-in for sites whose class names no list knows (the scorers are still trained
// on the pages as they are).
// NEWSKG_CV_STRIP_TAGS=1 also turns <article>, <main>, <nav>, <aside>, <header>, <footer>,
// <figure> and <figcaption> into <div>: a page of an older template with no telling markup.
std::string without_semantic_tags(std::string html) {
    if (!std::getenv("NEWSKG_CV_STRIP_TAGS")) return html;
    for (std::string_view t : {"article", "main", "nav", "aside", "header", "footer", "figcaption", "figure"})
        for (std::string_view pre : {"<", "</"}) {
            const std::string from = std::string(pre) + std::string(t);
            for (std::size_t p = html.find(from); p != std::string::npos; p = html.find(from, p + 1)) {
                const char after = p + from.size() < html.size() ? html[p + from.size()] : ' ';
                if (after == '>' || after == ' ' || after == '\n' || after == '\t')
                    html.replace(p, from.size(), std::string(pre) + "div");
            }
        }
    return html;
}

std::string without_class_names(std::string html) {
    html = without_semantic_tags(std::move(html));
    if (!std::getenv("NEWSKG_CV_STRIP_CLASSES")) return html;
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        bool cut = false;
        for (std::string_view a : {" class=\"", " id=\"", " class='", " id='"})
            if (html.compare(i, a.size(), a) == 0) {
                const std::size_t end = html.find(a.back(), i + a.size());
                if (end != std::string::npos) {
                    i = end + 1;
                    cut = true;
                }
                break;
            }
        if (!cut) out += html[i++];
    }
    return out;
}

// NEWSKG_CV_MASK="a,b": features left out (set to 0, so their weight stays 0), to see
// what a signal is worth under cross-validation.
void mask(BlockFeatures& x) {
    static const std::string m = std::getenv("NEWSKG_CV_MASK") ? "," + std::string(std::getenv("NEWSKG_CV_MASK")) + "," : "";
    if (m.empty()) return;
    for (std::size_t i = 0; i < kBlockFeatures; ++i)
        if (m.find("," + std::string(detail::kBlockFeatureNames[i]) + ",") != std::string::npos) x[i] = 0;
}

void add_examples(const std::string& path, const Truth& truth, const BlockModels& models, bool block_stage,
                  std::vector<Example>& out) {
    ReadOptions opt;
    // NEWSKG_CV_STRIP_TRAIN=1: train on the pages without class names too.
    std::string html = utf8_page(path);
    if (std::getenv("NEWSKG_CV_STRIP_TRAIN")) html = without_class_names(std::move(html));
    const auto samples = detail::html_block_samples(html, path, opt, models, block_stage);
    for (const auto& s : samples) {
        const auto tok = tokens(s.text);
        if (tok.empty()) continue;
        const std::size_t n = std::min<std::size_t>(4, tok.size());
        std::size_t hit = 0, all = 0;
        for (std::size_t i = 0; i + n <= tok.size(); ++i, ++all) hit += truth.grams.count(join(tok, i, n));
        Example e;
        e.x = s.x;
        mask(e.x);
        e.y = static_cast<double>(hit) / static_cast<double>(all);
        e.w = static_cast<double>(tok.size()) / static_cast<double>(std::max<std::size_t>(truth.tokens, 50));
        out.push_back(e);
    }
}

// Solves A d = b by Gaussian elimination with partial pivoting (A is small and positive
// definite thanks to the ridge term).
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
    const std::size_t n = b.size();
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t piv = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
        std::swap(a[c], a[piv]);
        std::swap(b[c], b[piv]);
        for (std::size_t r = c + 1; r < n; ++r) {
            const double f = a[r][c] / a[c][c];
            for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
            b[r] -= f * b[c];
        }
    }
    std::vector<double> x(n);
    for (std::size_t c = n; c-- > 0;) {
        double s = b[c];
        for (std::size_t k = c + 1; k < n; ++k) s -= a[c][k] * x[k];
        x[c] = s / a[c][c];
    }
    return x;
}

// Weighted logistic regression with a ridge penalty (not on the bias), by Newton steps.
BlockModel train(const std::vector<Example>& ex) {
    // Ridge strength: NEWSKG_CV_RIDGE to experiment; the default was chosen by the CV figure.
    const double kRidge = std::getenv("NEWSKG_CV_RIDGE") ? std::atof(std::getenv("NEWSKG_CV_RIDGE")) : 1.0;
    constexpr int kIterations = 30;
    BlockModel m;
    m.empty = false;
    const std::size_t n = kBlockFeatures;
    for (int it = 0; it < kIterations; ++it) {
        std::vector<double> g(n, 0.0);
        std::vector<std::vector<double>> h(n, std::vector<double>(n, 0.0));
        for (const auto& e : ex) {
            const double p = m.probability(e.x);
            const double r = e.w * (p - e.y), v = e.w * std::max(p * (1 - p), 1e-6);
            for (std::size_t i = 0; i < n; ++i) {
                g[i] += r * e.x[i];
                for (std::size_t j = 0; j <= i; ++j) h[i][j] += v * e.x[i] * e.x[j];
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < i; ++j) h[j][i] = h[i][j];
            if (i > 0) {
                g[i] += kRidge * m.weights[i];
                h[i][i] += kRidge;
            } else {
                h[i][i] += 1e-6;
            }
        }
        const auto d = solve(h, g);
        for (std::size_t i = 0; i < n; ++i) m.weights[i] -= d[i];
    }
    return m;
}

std::map<std::string, nlohmann::json> load_truth(const std::string& path) {
    std::ifstream f(path);
    if (!f) throw std::runtime_error("cannot open " + path);
    nlohmann::json j;
    f >> j;
    std::map<std::string, nlohmann::json> out;
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = it.value();
    return out;
}

std::string site_of(const std::string& url) {
    std::string h = url;
    if (auto p = h.find("://"); p != std::string::npos) h = h.substr(p + 3);
    h = h.substr(0, h.find('/'));
    if (h.rfind("www.", 0) == 0) h = h.substr(4);
    return h;
}

// Both scorers from these pages: the page scorer first, then the block scorer on the
// elements that the page scorer chooses (as the reader will use them).
BlockModels train_on(const std::vector<std::string>& pages, const std::map<std::string, nlohmann::json>& gt) {
    std::vector<Truth> truths;
    for (const auto& p : pages) {
        const auto it = gt.find(page_name(p));
        if (it == gt.end()) throw std::runtime_error("no ground truth for " + p);
        truths.push_back(make_truth(it->second.value("articleBody", "")));
    }
    BlockModels models;
    if (!std::getenv("NEWSKG_CV_NO_PAGE_MODEL")) {
        std::vector<Example> ex;
        for (std::size_t i = 0; i < pages.size(); ++i) add_examples(pages[i], truths[i], models, false, ex);
        models.page = train(ex);
    }
    std::vector<Example> ex;
    for (std::size_t i = 0; i < pages.size(); ++i) add_examples(pages[i], truths[i], models, true, ex);
    models.block = train(ex);
    return models;
}

void extract(const std::string& page, const fs::path& outdir, const BlockModels& models) {
    ReadOptions opt;
    const Document d = detail::read_html_utf8(without_class_names(utf8_page(page)), page, opt, models);
    std::ofstream(outdir / (page_name(page) + ".txt"), std::ios::binary) << body_text(d);
}

void write_inc(const BlockModel& m, const std::string& path, std::size_t pages) {
    std::ofstream f(path, std::ios::binary);
    f << "// Block scorer weights (src/read/block_model.hpp): one \"feature weight\" per line.\n"
      << "// Written by `scripts/html-cv train` from " << pages << " benchmark dev pages; do not edit.\n"
      << "R\"(" << m.to_text() << ")\"\n";
}

int cmd_train(int argc, char** argv) {
    const auto gt = load_truth(argv[2]);
    const std::vector<std::string> pages(argv + 4, argv + argc);
    const BlockModels m = train_on(pages, gt);
    const std::string dir = argv[3];
    write_inc(m.page, dir + "/block_model_page.inc", pages.size());
    write_inc(m.block, dir + "/block_model_block.inc", pages.size());
    std::cerr << "trained on " << pages.size() << " pages: " << dir << "/block_model_{page,block}.inc\n";
    return 0;
}

BlockModel load_model(const std::string& path) {
    std::ifstream f(path);
    if (!f) throw std::runtime_error("cannot open " + path);
    std::stringstream ss;
    ss << f.rdbuf();
    return BlockModel::parse(ss.str());
}

// MODEL: "rules" (no scorer), "shipped", or DIR holding page.txt and block.txt.
int cmd_extract(int argc, char** argv) {
    const fs::path outdir = argv[2];
    fs::create_directories(outdir);
    const std::string which = argv[3];
    BlockModels models;
    if (which == "shipped") models = BlockModels::shipped();
    else if (which != "rules") models = {load_model(which + "/page.txt"), load_model(which + "/block.txt")};
    for (int i = 4; i < argc; ++i) extract(argv[i], outdir, models);
    return 0;
}

int cmd_cv(int argc, char** argv) {
    const auto gt = load_truth(argv[2]);
    const int k = std::stoi(argv[3]);
    const fs::path outdir = argv[4];
    fs::create_directories(outdir / "models");
    std::vector<std::string> pages(argv + 5, argv + argc);
    std::sort(pages.begin(), pages.end());
    std::set<std::string> sites;
    for (const auto& p : pages) sites.insert(site_of(gt.at(page_name(p)).value("url", page_name(p))));
    std::map<std::string, int> fold_of;
    int next = 0;
    for (const auto& s : sites) fold_of[s] = next++ % k;
    for (int f = 0; f < k; ++f) {
        std::vector<std::string> train_pages, test_pages;
        for (const auto& p : pages)
            (fold_of[site_of(gt.at(page_name(p)).value("url", page_name(p)))] == f ? test_pages : train_pages)
                .push_back(p);
        const BlockModels m = train_on(train_pages, gt);
        const fs::path mdir = outdir / "models" / ("fold-" + std::to_string(f));
        fs::create_directories(mdir);
        std::ofstream(mdir / "page.txt") << m.page.to_text();
        std::ofstream(mdir / "block.txt") << m.block.to_text();
        for (const auto& p : test_pages) extract(p, outdir, m);
        std::cerr << "fold " << f << ": trained on " << train_pages.size() << ", read " << test_pages.size() << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::string cmd = argc > 1 ? argv[1] : "";
        if (cmd == "train" && argc >= 5) return cmd_train(argc, argv);
        if (cmd == "extract" && argc >= 5) return cmd_extract(argc, argv);
        if (cmd == "cv" && argc >= 6) return cmd_cv(argc, argv);
        std::cerr << "usage: html_cv train GT.json MODEL_OUT PAGES... | extract OUTDIR MODEL|rules|shipped PAGES... |"
                     " cv GT.json K OUTDIR PAGES...\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "html_cv: " << e.what() << "\n";
        return 1;
    }
}
