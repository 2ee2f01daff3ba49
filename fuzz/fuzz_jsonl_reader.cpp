// libFuzzer target: read_articles on a JSON Lines file (line splitting, JSON parsing,
// fields, text and HTML bodies). The input is handed over as an in-memory file
// (memfd), so the real file path of the reader is exercised without touching the disk.
// Every problem must come back as a Diagnostic: read_articles throws nothing.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "newskg/read/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const int fd = ::memfd_create("fuzz.jsonl", 0);
    if (fd < 0) return 0;
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    newskg::ReadOptions options;
    options.format = "jsonl";
    options.max_bytes = 1 << 16;
    std::vector<newskg::Diagnostic> diagnostics;
    std::size_t articles = 0;
    newskg::read_articles({"/proc/self/fd/" + std::to_string(fd)}, options,
                          [&](newskg::Document&& d) { articles += d.text.size() > 0; }, diagnostics);
    ::close(fd);
    return 0;
}
