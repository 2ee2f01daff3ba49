// libFuzzer target: read_graph_file, the RDF reader behind `newskg merge` (librdf's
// Turtle, N-Quads, TriG and RDF/XML parsers, then the rebuilding of the graph). The first
// byte picks the syntax; the rest is written to a file with that extension in a private
// temporary directory. Bad input may throw newskg::error; nothing else.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "newskg/core/error.hpp"
#include "newskg/io/graph_files.hpp"
#include "newskg/ontology/ontology.hpp"

namespace {

const newskg::Ontology& ontology() {
    static const newskg::Ontology onto = newskg::Ontology::load(newskg::Ontology::default_dir());
    return onto;
}

const std::string& scratch_dir() {
    static const std::string dir = [] {
        std::string t = (std::filesystem::temp_directory_path() / "newskg-fuzz-rdf-XXXXXX").string();
        if (!::mkdtemp(t.data())) std::abort();
        return t;
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kExt[] = {"ttl", "nt", "nq", "trig", "rdf", "json"};
    const std::string path = scratch_dir() + "/in." + kExt[data[0] % 6];
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    try {
        newskg::read_graph_file(path, ontology());
    } catch (const newskg::error&) {
    }
    std::remove(path.c_str());
    return 0;
}
