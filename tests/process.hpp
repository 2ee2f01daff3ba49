#pragma once
// Running commands from tests: the newskg CLI and the third-party tools that check its
// output (rapper, dot, python3). Output is captured through a temporary file.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include "test_paths.hpp"

namespace newskg::test {

struct RunResult {
    int status = -1; ///< exit status, or -1 when the command did not exit normally
    std::string out; ///< standard output
    std::string err; ///< standard error
};

/// A fresh temporary directory, removed when the object goes away.
class TempDir {
  public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "newskg-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

/// Single-quotes an argument for /bin/sh.
inline std::string sh_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}

/// Runs a shell command line, capturing standard output and error.
inline RunResult run(const std::string& command) {
    TempDir tmp;
    std::string out = tmp / "out", err = tmp / "err";
    int rc = std::system(("( " + command + " ) >" + sh_quote(out) + " 2>" + sh_quote(err) + " </dev/null").c_str());
    RunResult r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

/// Runs the newskg CLI with these (already quoted where needed) arguments.
inline RunResult run_newskg(const std::string& args) {
    return run(sh_quote(NEWSKG_CLI_PATH) + " " + args);
}

inline std::string source_path(const std::string& rel) {
    return (std::filesystem::path(NEWSKG_SOURCE_DIR) / rel).string();
}

} // namespace newskg::test
