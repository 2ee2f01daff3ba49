#pragma once
// Where the tests find the source tree, their fixtures, the ontology and the CLI. The
// values live in a file CMake generates (test_paths.cpp in the build directory) rather
// than in -D definitions, so every test's compile command is the same in every checkout
// and build directory (ccache shares the objects between worktrees).
namespace newskg::test_paths {
extern const char* const source_dir;
extern const char* const fixtures_dir;
extern const char* const ontology_dir;
extern const char* const cli_path;
} // namespace newskg::test_paths

#define NEWSKG_SOURCE_DIR ::newskg::test_paths::source_dir
#define NEWSKG_TEST_FIXTURES ::newskg::test_paths::fixtures_dir
#define NEWSKG_DEFAULT_ONTOLOGY_DIR ::newskg::test_paths::ontology_dir
#define NEWSKG_CLI_PATH ::newskg::test_paths::cli_path
