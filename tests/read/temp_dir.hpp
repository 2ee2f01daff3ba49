#pragma once
// A scratch directory for one test, removed afterwards, with helpers to write the odd
// files (binary, Latin-1, gzip) that are better made by the test than kept in the tree.
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace newskg::test {

class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = std::filesystem::temp_directory_path() /
                ("newskg-read-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::string write(const std::string& name, const std::string& bytes) const {
        const auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream f(p, std::ios::binary);
        f << bytes;
        return p.string();
    }

    std::string write_gz(const std::string& name, const std::string& bytes) const {
        const auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        gzFile g = gzopen(p.string().c_str(), "wb");
        if (!g) throw std::runtime_error("cannot create " + p.string());
        gzwrite(g, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(g);
        return p.string();
    }

  private:
    std::filesystem::path path_;
};

} // namespace newskg::test
