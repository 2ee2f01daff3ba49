// The syntax stage alone: tagger + lemmatizer + parser speed in sentences per CPU second
// on one thread, model load time and peak RSS. Input: articles (default the project's
// dev corpus ../shared/corpus/dev/*.txt), read and split as the pipeline does, repeated
// until there are --min-sentences sentences. --write-sentences FILE writes the same
// sentences one per line (words separated by spaces) for `link-parser` side by side.
//
//   bench_syntax [--model M] [--min-sentences N] [--write-sentences F] [ARTICLE...]
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "newskg/read/reader.hpp"
#include "newskg/syntax/model.hpp"
#include "newskg/syntax/syntax.hpp"
#include "newskg/text/analyse.hpp"

namespace fs = std::filesystem;
using namespace newskg;

namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

int main(int argc, char** argv) {
    std::string model_path = std::string(NEWSKG_SOURCE_DIR) + "/models/" + syntax::kModelFileName;
    std::size_t min_sentences = 5000;
    std::string write_sentences;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--model" && i + 1 < argc) model_path = argv[++i];
        else if (a == "--min-sentences" && i + 1 < argc) min_sentences = std::stoul(argv[++i]);
        else if (a == "--write-sentences" && i + 1 < argc) write_sentences = argv[++i];
        else inputs.push_back(a);
    }
    if (inputs.empty()) {
        const fs::path dev = fs::path(NEWSKG_SOURCE_DIR) / ".." / "shared" / "corpus" / "dev";
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dev, ec))
            if (e.path().extension() == ".txt") inputs.push_back(e.path().string());
        std::sort(inputs.begin(), inputs.end());
    }

    double c0 = thread_cpu_seconds(), w0 = wall_seconds();
    const auto model = syntax::SyntaxModel::load(model_path);
    const double load_cpu = thread_cpu_seconds() - c0, load_wall = wall_seconds() - w0;

    // The sentences as the pipeline gives them: UD words of each sentence's tokens.
    std::vector<std::vector<std::string>> sentences;
    std::vector<Diagnostic> diags;
    read_articles(inputs, ReadOptions{}, [&](Document&& doc) {
        analyse_text(doc);
        for (const auto& s : doc.sentences) {
            std::vector<std::string> forms;
            for (const auto& w : syntax::split_ud_words(doc, s.tokens))
                forms.push_back(syntax::model_form(doc.form(w)));
            if (!forms.empty()) sentences.push_back(std::move(forms));
        }
    }, diags);
    if (sentences.empty()) {
        std::cerr << "bench_syntax: no sentences\n";
        return 1;
    }
    const std::size_t distinct = sentences.size();
    for (std::size_t i = 0; sentences.size() < min_sentences; ++i) sentences.push_back(sentences[i]);
    std::size_t words = 0;
    for (const auto& s : sentences) words += s.size();

    if (!write_sentences.empty()) {
        std::ofstream out(write_sentences);
        for (const auto& s : sentences) {
            for (std::size_t i = 0; i < s.size(); ++i) out << (i ? " " : "") << s[i];
            out << "\n";
        }
    }

    std::vector<std::vector<std::string_view>> views;
    for (const auto& s : sentences) views.emplace_back(s.begin(), s.end());

    std::size_t checksum = 0;
    auto run = [&](bool parse, double& cpu, double& wall) {
        const double c = thread_cpu_seconds(), w = wall_seconds();
        for (const auto& v : views) {
            const auto a = parse ? model.analyse(v) : model.tag(v);
            checksum += a.size() + static_cast<std::size_t>(a.back().head + 1);
        }
        cpu = thread_cpu_seconds() - c;
        wall = wall_seconds() - w;
    };
    double warm_cpu, warm_wall, tag_cpu, tag_wall, all_cpu, all_wall;
    run(true, warm_cpu, warm_wall); // warm caches
    run(false, tag_cpu, tag_wall);
    run(true, all_cpu, all_wall);

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double n = static_cast<double>(sentences.size());
    std::printf("model: %s (%.1f MB)\n", model_path.c_str(), static_cast<double>(fs::file_size(model_path)) / 1e6);
    std::printf("load: %.3f s CPU, %.3f s wall\n", load_cpu, load_wall);
    std::printf("sentences: %zu (%zu distinct, repeated), words: %zu (%.1f per sentence)\n", sentences.size(),
                distinct, words, static_cast<double>(words) / n);
    std::printf("tagger+lemmatizer: %.0f sentences/s CPU (%.0f wall), %.0f words/s CPU\n", n / tag_cpu,
                n / tag_wall, static_cast<double>(words) / tag_cpu);
    std::printf("tagger+lemmatizer+parser: %.0f sentences/s CPU (%.0f wall), %.0f words/s CPU\n", n / all_cpu,
                n / all_wall, static_cast<double>(words) / all_cpu);
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    std::printf("(checksum %zu)\n", checksum);
    return 0;
}
