#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <set>
#include <unistd.h>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg::cli {

namespace {

// The temporary files being written right now, so that SIGINT or SIGTERM can remove them
// before the process exits. Process-wide by nature (a signal handler has no other way to
// find them); fixed slots of atomics, because the handler may only use async-signal-safe
// calls (unlink, _exit) and cannot take a lock or allocate.
constexpr std::size_t kTempSlots = 256;
std::atomic<char*> g_temp_files[kTempSlots];

extern "C" void remove_temp_files_and_exit(int sig) {
    for (auto& slot : g_temp_files)
        if (char* name = slot.load()) ::unlink(name);
    ::_exit(128 + sig); // 130 for SIGINT, 143 for SIGTERM, as a shell reports them
}

/// Registers a temporary file for removal on a signal for as long as it lives.
class TempFileGuard {
  public:
    explicit TempFileGuard(char* name) {
        if (!name) return;
        for (auto& slot : g_temp_files) {
            char* expected = nullptr;
            if (slot.compare_exchange_strong(expected, name)) {
                slot_ = &slot;
                return;
            }
        }
        // All slots taken (more threads than slots): the file is still removed on every
        // error, only an interrupt could leave it, under its hidden temporary name (which a
        // later run removes once this process is gone).
    }
    ~TempFileGuard() {
        if (slot_) slot_->store(nullptr);
    }
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;

  private:
    std::atomic<char*>* slot_ = nullptr;
};

// Temporary names say whose they are: ".NAME.newskg-tmp.HOST.PID.XXXXXX". A run killed
// with SIGKILL (or a crash) cannot remove its own; a later run writing into the same
// directory removes those of processes that no longer exist on this host.
constexpr std::string_view kTempMarker = ".newskg-tmp.";

std::string host_name() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "localhost";
    std::string h(buf);
    // The name is parsed back from the right; keep it to characters that cannot confuse that.
    for (char& c : h)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
    return h;
}

// When this process started writing: a stale temporary file is older than that.
const std::time_t g_run_start = std::time(nullptr);

/// The PID a temporary name of this host carries, or -1 when it is not one of ours.
pid_t temp_owner(const std::string& name, const std::string& host) {
    if (name.empty() || name[0] != '.') return -1;
    const auto at = name.rfind(kTempMarker);
    if (at == std::string::npos) return -1;
    const std::string rest = name.substr(at + kTempMarker.size()); // HOST.PID.XXXXXX
    if (rest.size() < host.size() + 2 || rest.compare(0, host.size(), host) != 0 || rest[host.size()] != '.')
        return -1;
    const std::string tail = rest.substr(host.size() + 1); // PID.XXXXXX
    const auto dot = tail.find('.');
    if (dot == 0 || dot == std::string::npos || tail.size() - dot - 1 != 6 || dot > 9) return -1;
    for (std::size_t i = 0; i < dot; ++i)
        if (!std::isdigit(static_cast<unsigned char>(tail[i]))) return -1;
    return static_cast<pid_t>(std::stol(tail.substr(0, dot)));
}

/// Removes, once per directory and run, the temporary files that runs on this host left
/// behind when they were killed: only names of our pattern, of a process that is gone,
/// older than this run.
void remove_stale_temp_files(const std::filesystem::path& dir) {
    static std::mutex mutex;
    static std::set<std::string> done;
    std::lock_guard<std::mutex> lock(mutex);
    std::error_code ec;
    const std::string key = std::filesystem::absolute(dir, ec).lexically_normal().string();
    if (!done.insert(key).second) return;
    const std::string host = host_name();
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const pid_t pid = temp_owner(name, host);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue; // alive, or not ours to judge
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_mtime >= g_run_start) continue;
        ::unlink(it->path().c_str());
    }
}

} // namespace

void remove_temp_files_on_signals() {
    struct sigaction sa {};
    sa.sa_handler = remove_temp_files_and_exit;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
}

namespace {

// Writes through a 64 KiB buffer to a file descriptor; a failed write throws output_error
// naming `path` (the caller closes and removes what it must).
class FdWriter {
  public:
    FdWriter(int fd, const std::string& path) : fd_(fd), path_(path) { buffer_.reserve(kSize); }
    void write(std::string_view data) {
        if (buffer_.size() + data.size() > kSize) flush();
        if (data.size() >= kSize) put(data.data(), data.size());
        else buffer_.append(data);
    }
    void flush() {
        put(buffer_.data(), buffer_.size());
        buffer_.clear();
    }

  private:
    static constexpr std::size_t kSize = 1 << 16;
    void put(const char* p, std::size_t left) {
        while (left > 0) {
            ssize_t n = ::write(fd_, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw output_error(ids::output::kWriteFailed, path_, std::string("write failed: ") + std::strerror(errno));
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    int fd_;
    const std::string& path_;
    std::string buffer_;
};

/// Everything `produce` hands over, written to fd through one buffer (the caller closes
/// fd, and on an error removes what it must).
void write_produced(int fd, const std::string& path, const std::function<void(const ChunkSink&)>& produce) {
    FdWriter out(fd, path);
    produce([&](std::string_view chunk) { out.write(chunk); });
    out.flush();
}

} // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
    write_file_atomically(path, [&](const ChunkSink& sink) { sink(content); });
}

void write_file_atomically(const std::string& path, const std::function<void(const ChunkSink&)>& produce) {
    if (path == "-") {
        produce([](std::string_view chunk) { std::cout.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); });
        std::cout.flush();
        if (!std::cout) throw output_error(ids::output::kStdout, "<stdout>", "cannot write to standard output");
        return;
    }
    namespace fs = std::filesystem;
    fs::path target(path);
    std::error_code ec;
    if (fs::exists(target, ec) && !fs::is_regular_file(target, ec)) {
        // A device or pipe (/dev/stdout, /dev/full, a FIFO) is written in place: renaming
        // a temporary file over it would replace the device itself.
        int fd = ::open(path.c_str(), O_WRONLY);
        if (fd < 0) throw output_error(ids::output::kCannotCreate, path, std::string("cannot open: ") + std::strerror(errno));
        try {
            write_produced(fd, path, produce);
        } catch (...) {
            ::close(fd);
            throw;
        }
        if (::close(fd) != 0)
            throw output_error(ids::output::kWriteFailed, path, std::string("write failed: ") + std::strerror(errno));
        return;
    }
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    remove_stale_temp_files(dir);
    // The target's name is cut (at a character boundary) so that the temporary name stays
    // within NAME_MAX even for a long article id.
    std::string base = target.filename().string();
    if (base.size() > 120) {
        std::size_t cut = 120;
        while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
        base.resize(cut);
    }
    std::string tmpl = (dir / ("." + base + std::string(kTempMarker) + host_name() + "." +
                               std::to_string(::getpid()) + ".XXXXXX"))
                           .string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    // Registered before mkstemp fills in the name and creates the file: a signal may be
    // delivered to any thread (blocking it here would not stop another thread taking it),
    // so the handler must already know the buffer when the file appears. Until then it
    // unlinks a name that does not exist, which is harmless.
    TempFileGuard guard(name.data());
    int fd = ::mkstemp(name.data());
    const int mkstemp_errno = errno;
    if (fd < 0) throw output_error(ids::output::kCannotCreate, path, std::string("cannot create a file here: ") + std::strerror(mkstemp_errno));
    // Written as it is produced (a large graph's text is never held whole), into the
    // temporary file: an error part-way removes it and leaves the target as it was.
    try {
        write_produced(fd, path, produce);
    } catch (...) {
        ::close(fd);
        ::unlink(name.data());
        throw;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(name.data());
        throw output_error(ids::output::kWriteFailed, path, std::string("write failed: ") + std::strerror(err));
    }
    ::chmod(name.data(), 0644);
    if (::rename(name.data(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(name.data());
        throw output_error(ids::output::kCannotReplace, path,
                           std::string("cannot replace the file: ") + std::strerror(err));
    }
}

bool report_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    bool failed = false;
    for (const auto& d : diagnostics) {
        std::cerr << "newskg: " << (d.error ? "error" : "warning") << ": " << printable(d.message)
                  << (d.id.empty() ? "" : " [" + d.id + "]") << "\n";
        failed = failed || d.error;
    }
    return failed;
}

TrainingFiles training_files(const Args& args) {
    if (!args.positionals().empty()) throw usage_error("unexpected argument '" + args.positionals()[0] + "'");
    TrainingFiles files{args.values("--train"), args.value("--dev").value_or(""), args.value("--output").value_or("")};
    if (files.train.empty()) throw usage_error("no --train files");
    if (files.output.empty()) throw usage_error("no --output MODEL");
    return files;
}

void make_output_dir(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw output_error(ids::output::kCannotCreate, dir, "cannot create the directory: " + ec.message());
}

std::string ontology_dir(const Args& args) {
    if (auto d = args.value("--ontology")) return *d;
    return Ontology::default_dir();
}

ReadOptions read_options(const Args& args) {
    ReadOptions ro;
    if (auto p = args.value("--published")) {
        ro.published = DateValue::parse_iso(*p);
        if (!ro.published) throw usage_error("--published expects YYYY-MM-DD, got '" + *p + "'");
    }
    if (auto f = args.value("--input-format")) ro.format = *f;
    if (auto m = args.number("--max-bytes")) ro.max_bytes = *m;
    if (auto id = args.value("--id")) {
        // One id names one article: several inputs or a directory would need several.
        if (id->empty()) throw usage_error("--id needs a non-empty id");
        if (args.positionals().size() != 1 || std::filesystem::is_directory(args.positionals().front()))
            throw usage_error("--id names one article: give one input file or - (standard input)");
        ro.id = *id;
    }
    return ro;
}

PipelineOptions pipeline_options(const Args& args) {
    PipelineOptions po;
    if (auto b = args.value("--base")) po.base_iri = *b;
    po.keep_negated = args.flag("--keep-negated");
    po.use_parser = !args.flag("--no-parser");
    return po;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ',') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (c != ' ') {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

} // namespace newskg::cli
