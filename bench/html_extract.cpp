// Article-body extraction driver for the HTML benchmark (see
// /work/shared/corpus/html/README.md): reads each page with newskg's reader and writes
// OUTDIR/ID.txt holding body_text() — the sub-headings and paragraphs, no headline.
//
// It is not part of the CMake build (bench/ is built only with NEWSKG_BUILD_BENCH); build
// it against the library of a build directory:
//   g++ -std=c++17 -O2 -Iinclude bench/html_extract.cpp build-read/libnewskg.a \
//       -licui18n -licuuc -lxml2 -lz -o /tmp/html_extract
//   /tmp/html_extract /tmp/extracted /work/shared/corpus/html/dev/*.html.gz
//   python3 /work/shared/corpus/html/score_html.py /tmp/extracted /work/shared/corpus/html/dev/ground-truth.json
#include "newskg/read/reader.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: html_extract OUTDIR PAGE.html[.gz]...\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    newskg::ReadOptions options;
    options.format = "html";
    std::vector<newskg::Diagnostic> diagnostics;
    int written = 0;
    newskg::read_articles(
        std::vector<std::string>(argv + 2, argv + argc), options,
        [&](newskg::Document&& doc) {
            std::ofstream f(out / (doc.id + ".txt"), std::ios::binary);
            f << newskg::body_text(doc);
            if (!f) std::cerr << "cannot write " << (out / (doc.id + ".txt")).string() << "\n";
            ++written;
        },
        diagnostics);
    for (const auto& d : diagnostics) std::cerr << (d.error ? "error " : "warning ") << d.id << ": " << d.message << "\n";
    std::cerr << written << " pages written to " << out.string() << "\n";
    return 0;
}
