// The project's license and the notices of the data it ships: LICENSE names every file
// that is not newskg's own, and each notice it points to exists.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.hpp"

namespace {

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("LICENSE covers the code and names the notices of the data and models shipped", "[license]") {
    namespace fs = std::filesystem;
    const fs::path root(NEWSKG_SOURCE_DIR);
    REQUIRE(fs::is_regular_file(root / "LICENSE"));
    const std::string license = read_text(root / "LICENSE");
    CHECK(license.rfind("MIT License", 0) == 0);
    // Every trained model and every notice of converted data is named there.
    std::size_t named = 0;
    for (const char* dir : {"models", "ontology"})
        for (const auto& e : fs::directory_iterator(root / dir)) {
            const std::string file = e.path().filename().string();
            if (e.path().extension() != ".nskg" && file.rfind("NOTICE", 0) != 0) continue;
            INFO(file);
            CHECK(license.find(std::string(dir) + "/" + file) != std::string::npos);
            ++named;
        }
    CHECK(named >= 3);
    // The converted PETRARCH dictionaries keep their MIT notice.
    for (const char* data : {"ontology/cameo-verbs.tsv", "ontology/actors-phoenix.tsv"}) {
        INFO(data);
        CHECK(license.find(data) != std::string::npos);
        CHECK(fs::is_regular_file(root / data));
    }
    CHECK(license.find("Copyright (c) 2015 Open Event Data Alliance") != std::string::npos);
}
