// The persistent store: librdf's hashes/Berkeley DB storage in generations that are
// written as copies and committed by renaming a symlink (see
// include/newskg/store/store.hpp for the layout and what it promises).
#include "newskg/io/formats.hpp"
#include "newskg/io/quads.hpp"
#include "newskg/store/store.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include "newskg/core/model.hpp"
#include "newskg/export/rdf.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "newskg/store/query.hpp"
#include "rdf/rdf.hpp"

namespace newskg {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStorageName = "newskg"; // files newskg-sp2o.db and so on
constexpr const char* kDbSuffixes[] = {"-sp2o.db", "-po2s.db", "-so2p.db", "-contexts.db"};
constexpr const char* kCurrent = "current";
constexpr const char* kCurrentNew = "current.new";
constexpr const char* kLock = "lock";
constexpr const char* kReaders = "readers";
constexpr const char* kManifest = "manifest";
constexpr const char* kJournal = "journal"; // of the layout before generations
constexpr std::string_view kGenPrefix = "gen-";
constexpr std::string_view kTrashPrefix = "trash-";
constexpr std::string_view kReplace = "# replace <";
constexpr std::string_view kManifestHeader = "newskg store generation 1";

std::string errno_text() { return std::strerror(errno); }

/// An open file descriptor, closed on destruction (closing also drops its flock).
class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    Fd& operator=(Fd&& o) noexcept {
        std::swap(fd_, o.fd_);
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_ = -1;
};

void fsync_dir(const std::string& dir) {
    Fd d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (d.get() < 0 || ::fsync(d.get()) != 0)
        throw store_error(ids::store::kIo, dir + ": cannot sync the directory: " + errno_text());
}

void fsync_file(const std::string& path) {
    Fd f(::open(path.c_str(), O_RDONLY));
    if (f.get() < 0 || ::fsync(f.get()) != 0)
        throw store_error(ids::store::kIo, path + ": cannot sync: " + errno_text());
}

void write_all(int fd, const std::string& path, std::string_view content) {
    while (!content.empty()) {
        ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw store_error(ids::store::kIo, path + ": cannot write: " + errno_text());
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

/// The names of the generation's Berkeley DB files.
std::vector<std::string> db_files() {
    std::vector<std::string> out;
    for (const char* suffix : kDbSuffixes) out.push_back(std::string(kStorageName) + suffix);
    return out;
}

/// What a read of a Berkeley DB file found: its size and checksum for the manifest, and
/// the first page that is not a well-formed page of a B-tree database, if any.
struct FileCheck {
    std::uint64_t size = 0;
    std::uint64_t sum = 0;
    std::string damage; ///< "page 12: ..." ; empty when every page is well formed
};

/// Checks the pages of a B-tree database file as they are read. librdf ends a cursor
/// silently on an error from Berkeley DB, so a damaged page would make a query answer
/// short with success: every page's header must name its own number and a B-tree page
/// type, and the item offsets of an index or leaf page must lie inside the page. What is
/// read is the header and the offsets, not the items: the checksum covers those.
class PageCheck {
  public:
    /// Feeds the next bytes of the file, which arrive in order.
    void feed(const char* data, std::size_t n) {
        while (n > 0 && damage_.empty()) {
            const std::size_t want = (page_size_ ? page_size_ : kMetaBytes) - buf_.size();
            const std::size_t take = std::min(want, n);
            buf_.append(data, take);
            data += take;
            n -= take;
            if (buf_.size() == (page_size_ ? page_size_ : kMetaBytes)) page_complete();
        }
    }
    /// The damage found, once the whole file was fed; empty when there is none.
    std::string finish() {
        if (damage_.empty() && (page_size_ == 0 || !buf_.empty()))
            damage_ = page_size_ == 0 ? "too short for a Berkeley DB file"
                                      : "its size is not a whole number of " + std::to_string(page_size_) +
                                            "-byte pages";
        return damage_;
    }

  private:
    static constexpr std::size_t kMetaBytes = 26; // the meta page's fields read here
    static constexpr std::uint32_t kBtreeMagic = 0x053162;
    std::uint32_t u32(std::size_t at) const {
        std::uint32_t v;
        std::memcpy(&v, buf_.data() + at, 4);
        return swapped_ ? __builtin_bswap32(v) : v;
    }
    std::uint16_t u16(std::size_t at) const {
        std::uint16_t v;
        std::memcpy(&v, buf_.data() + at, 2);
        return swapped_ ? __builtin_bswap16(v) : v;
    }
    void fail(const std::string& why) { damage_ = "page " + std::to_string(page_) + ": " + why; }
    void page_complete() {
        if (page_size_ == 0) {
            // The meta page: the B-tree magic number at 12 and the page size at 20, in
            // the byte order of the machine that wrote it.
            std::uint32_t magic;
            std::memcpy(&magic, buf_.data() + 12, 4);
            swapped_ = magic != kBtreeMagic && __builtin_bswap32(magic) == kBtreeMagic;
            if (!swapped_ && magic != kBtreeMagic) {
                damage_ = "not a Berkeley DB B-tree file (its magic number is wrong)";
                return;
            }
            const std::uint32_t size = u32(20);
            if (size < 512 || size > 65536 || (size & (size - 1)) != 0) {
                damage_ = "its page size " + std::to_string(size) + " is not one Berkeley DB writes";
                return;
            }
            page_size_ = size; // the meta page goes on filling up to its size
            return;
        }
        check_page();
        buf_.clear();
        ++page_;
    }
    void check_page() {
        // Header: LSN (8 bytes), page number (4), previous and next page (4 + 4),
        // entries (2), high free offset (2), level (1), type (1).
        constexpr std::size_t kHeader = 26;
        const std::uint32_t pgno = u32(8);
        const unsigned type = static_cast<unsigned char>(buf_[25]);
        if (pgno != page_) return fail("its header names page " + std::to_string(pgno) + " (a damaged page)");
        enum : unsigned { kFree = 0, kInternal = 3, kInternalRecno = 4, kLeaf = 5, kLeafRecno = 6, kOverflow = 7,
                          kMeta = 9, kDuplicates = 12 };
        const std::size_t entries = u16(20), high = u16(22);
        switch (type) {
        case kMeta:
            if (page_ != 0) fail("a second meta page");
            return;
        case kFree: return;
        case kOverflow:
            if (kHeader + high > page_size_) fail("an overflow page longer than a page");
            return;
        case kInternal:
        case kInternalRecno:
        case kLeaf:
        case kLeafRecno:
        case kDuplicates: break;
        default: return fail("unknown page type " + std::to_string(type));
        }
        if (page_ == 0) return fail("the meta page is not one");
        // high == 0 stands for a full page of 64 KiB.
        const std::size_t top = high == 0 && page_size_ == 65536 ? page_size_ : high;
        if (kHeader + 2 * entries > top || top > page_size_)
            return fail("its item index does not fit the page (a damaged page)");
        for (std::size_t k = 0; k < entries; ++k) {
            const std::size_t at = u16(kHeader + 2 * k);
            if (at < top || at >= page_size_) return fail("an item outside the page (a damaged page)");
        }
    }

    std::string buf_;
    std::uint32_t page_size_ = 0;
    std::uint32_t page_ = 0;
    bool swapped_ = false;
    std::string damage_;
};

/// A 64-bit FNV-1a over 8-byte words (and the tail bytes) of a file, with its size: a
/// check that the file is the one the writer synced, cheap enough to run on every open;
/// and the page check, in the same read.
FileCheck check_file(const std::string& path) {
    Fd f(::open(path.c_str(), O_RDONLY));
    if (f.get() < 0) throw store_error(ids::store::kDamaged, path + ": cannot read: " + errno_text());
    std::uint64_t h = 1469598103934665603ULL, size = 0;
    PageCheck pages;
    std::vector<char> buf(1 << 16);
    for (;;) {
        ssize_t n = ::read(f.get(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw store_error(ids::store::kDamaged, path + ": cannot read: " + errno_text());
        if (n == 0) break;
        std::size_t i = 0;
        for (; i + 8 <= static_cast<std::size_t>(n); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, buf.data() + i, 8);
            h = (h ^ w) * 1099511628211ULL;
        }
        for (; i < static_cast<std::size_t>(n); ++i) h = (h ^ static_cast<unsigned char>(buf[i])) * 1099511628211ULL;
        size += static_cast<std::uint64_t>(n);
        pages.feed(buf.data(), static_cast<std::size_t>(n));
    }
    return {size, h, pages.finish()};
}

/// The generation's manifest text for its files as they are now, and the first damaged
/// page found in them ("FILE: page N: ..."), if any.
std::pair<std::string, std::string> manifest_text(const std::string& gen_dir) {
    std::string out = std::string(kManifestHeader) + "\n", damage;
    for (const auto& name : db_files()) {
        const std::string path = (fs::path(gen_dir) / name).string();
        FileCheck c = check_file(path);
        char line[160];
        std::snprintf(line, sizeof line, " %" PRIu64 " %016" PRIx64 "\n", c.size, c.sum);
        out += name + line;
        if (damage.empty() && !c.damage.empty()) damage = path + ": " + c.damage;
    }
    return {out, damage};
}

const std::string kAdvice = "; the store cannot be trusted: restore it from a backup or load its inputs into a "
                            "new store";

/// Reads a whole small file (a manifest, a journal) into `text`; false when it cannot be
/// opened (errno tells why).
bool read_whole_file(const std::string& path, std::string& text) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
    return true;
}

/// Whether the generation's files are those its writer synced, and well-formed; throws
/// store_error (`id`, newskg.store.7 on open) naming the store, the file and what differs.
void verify_generation(const std::string& store_dir, const std::string& gen_dir,
                       ids::Id<ids::Family::Store> id = ids::store::kDamaged) {
    const std::string manifest = (fs::path(gen_dir) / kManifest).string();
    std::string expected;
    if (!read_whole_file(manifest, expected)) {
        throw store_error(id, store_dir + ": the store is damaged: " + manifest + " cannot be read (" + errno_text() +
                                  ")" + kAdvice);
    }
    const auto [actual, damage] = manifest_text(gen_dir);
    if (actual != expected) {
        // Name the first file that differs.
        std::size_t pos = 0;
        while (pos < actual.size() && pos < expected.size() && actual[pos] == expected[pos]) ++pos;
        std::size_t line_start = actual.rfind('\n', pos == 0 ? 0 : pos - 1);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        std::string file = actual.substr(line_start, actual.find(' ', line_start) - line_start);
        throw store_error(id, store_dir + ": the store is damaged: " + (fs::path(gen_dir) / file).string() +
                                  " is not the file that was written (its size or checksum differs from " + manifest +
                                  ")" + kAdvice);
    }
    // The files are those the writer synced, and its check passed them (commit); a page
    // damaged before that (or a manifest written again by hand) is still caught here.
    if (!damage.empty()) throw store_error(id, store_dir + ": the store is damaged: " + damage + kAdvice);
}

/// The page check alone, for a store in the layout before generations (no manifest).
void verify_pages(const std::string& store_dir, const std::string& dir,
                  ids::Id<ids::Family::Store> id = ids::store::kDamaged) {
    for (const auto& name : db_files()) {
        const std::string path = (fs::path(dir) / name).string();
        std::string damage = check_file(path).damage;
        if (!damage.empty())
            throw store_error(id, store_dir + ": the store is damaged: " + path + ": " + damage + kAdvice);
    }
}

/// Where the symlink points (a generation's name), or nullopt when there is none.
std::optional<std::string> read_link(const std::string& path) {
    char buf[256];
    ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
    if (n < 0) return std::nullopt;
    return std::string(buf, static_cast<std::size_t>(n));
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// The number of a generation directory's name ("gen-00000012" → 12), or 0.
unsigned long generation_number(const std::string& name) {
    if (!starts_with(name, kGenPrefix)) return 0;
    return std::strtoul(name.c_str() + kGenPrefix.size(), nullptr, 10);
}

bool has_legacy_files(const std::string& dir) {
    std::error_code ec;
    return fs::exists(fs::path(dir) / (std::string(kStorageName) + "-sp2o.db"), ec);
}

/// Removes a generation nobody reads: under an exclusive lock of its readers file
/// (which fails while a reader holds it shared), the directory is renamed out of the
/// readers' sight first, so a reader that opened it but has not locked it yet sees
/// it gone and retries. Returns false when a reader still holds it.
bool remove_generation(const std::string& store_dir, const std::string& name) {
    const fs::path gen = fs::path(store_dir) / name;
    Fd readers(::open((gen / kReaders).c_str(), O_RDONLY));
    if (readers.get() >= 0 && ::flock(readers.get(), LOCK_EX | LOCK_NB) != 0) return false;
    const fs::path trash = fs::path(store_dir) / (std::string(kTrashPrefix) + name);
    std::error_code ec;
    fs::rename(gen, trash, ec);
    if (ec) return false;
    fs::remove_all(trash, ec);
    return true;
}

bool quad_less(const Quad& a, const Quad& b) {
    if (a.graph != b.graph) return a.graph < b.graph;
    return a.nquads() < b.nquads();
}

/// The RDF format of a file by its extension (the one format table); nullptr when it is
/// not an RDF file.
const io::FormatInfo* rdf_format_of(const std::string& path) {
    const io::FormatInfo* f = io::format_of_path(path);
    return f && f->rdf ? f : nullptr;
}

const std::string kNkg(vocab::kNkg);

/// The quads of a batch grouped by graph, each once, as N-Quads lines for comparing.
struct Batch {
    std::map<std::string, std::set<std::string>> named; ///< graph IRI → N-Triples lines
    std::vector<const Quad*> unique;                     ///< first occurrence of each quad
};

Batch group(const std::vector<Quad>& quads) {
    Batch b;
    std::set<std::string> seen;
    for (const auto& q : quads) {
        std::string line = q.nquads();
        if (!seen.insert(line).second) continue;
        b.unique.push_back(&q);
        if (!q.graph.empty()) b.named[q.graph].insert(q.subject.ntriples() + " " + q.predicate.ntriples() + " " +
                                                      q.object.ntriples());
    }
    return b;
}

} // namespace

LoadStats& LoadStats::operator+=(const LoadStats& o) {
    articles += o.articles;
    files += o.files;
    graphs += o.graphs;
    triples_added += o.triples_added;
    triples_kept += o.triples_kept;
    triples_removed += o.triples_removed;
    replaced.insert(replaced.end(), o.replaced.begin(), o.replaced.end());
    return *this;
}

struct TripleStore::Impl {
    // Declaration order is destruction order reversed: the model goes before its
    // storage, both before the world, and the locks are released last.
    Fd writer_lock;  ///< DIR/lock, held exclusively by a writer
    Fd readers_lock; ///< the read generation's readers file, held shared
    Fd legacy_lock;  ///< DIR/lock of a store in the layout before generations, shared
    std::string dir;
    TripleStore::Mode mode = TripleStore::Mode::Read;
    std::string current;  ///< the committed generation's name; "" none (or legacy)
    bool legacy = false;  ///< the committed store is DIR's own files (the old layout)
    std::string working;  ///< the uncommitted generation's name; "" none
    bool dirty = false;   ///< whether the working generation differs from current
    bool broken = false;  ///< a write failed: the working generation must not be committed
    bool replace_changed = true; ///< see replace_changed_graphs()
    rdf::World world;
    std::optional<rdf::Storage> storage;
    std::optional<rdf::Model> model;

    ~Impl() {
        close();
        if (!working.empty()) {
            std::error_code ec;
            fs::remove_all(fs::path(dir) / working, ec);
        }
    }
    std::string path(const std::string& name) const { return (fs::path(dir) / name).string(); }
    std::string committed_dir() const { return legacy ? dir : path(current); }
    void close() {
        model.reset();
        storage.reset();
    }
    void open_storage(const std::string& gen_dir, bool create, bool read_only) {
        try {
            storage.emplace(rdf::Storage::on_disk(world, gen_dir, kStorageName, create, read_only));
            model.emplace(world, *storage);
        } catch (const rdf_error& e) {
            close();
            throw store_error(ids::store::kIo, e.what());
        }
    }
    void open_committed_read_only() {
        if (current.empty() && !legacy) return;
        open_storage(committed_dir(), false, true);
    }
    /// After a read: throws store_error newskg.store.12 when the committed files changed
    /// or show a damaged page since they were checked on open (librdf ends a cursor on a
    /// damaged page silently: the answer would be short). A working generation has no
    /// manifest yet and is not checked.
    void check_after_read() const {
        if (!working.empty()) return;
        if (legacy) verify_pages(dir, dir, ids::store::kDamagedInQuery);
        else if (!current.empty()) verify_generation(dir, path(current), ids::store::kDamagedInQuery);
    }
    void remove_leftovers();
    void begin_working();
    void rollback_legacy_journal();
    /// The graph's quads as N-Triples lines.
    std::set<std::string> graph_lines(const std::string& graph);
    /// Removes a named graph and the direct triples of its readings that no other graph
    /// states; the number of quads removed.
    std::size_t drop_graph(const std::string& graph);
};

void TripleStore::Impl::remove_leftovers() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (starts_with(name, kTrashPrefix) || name == kCurrentNew) fs::remove_all(entry.path(), ec);
        else if (starts_with(name, kGenPrefix) && name != current) remove_generation(dir, name);
    }
    // A writer killed after committing the first generation of a store in the old
    // layout, before removing the old files.
    if (!current.empty() && !legacy) {
        for (const auto& name : db_files()) fs::remove(path(name), ec);
        fs::remove(path(kJournal), ec);
    }
}

void TripleStore::Impl::begin_working() {
    unsigned long next = generation_number(current) + 1;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        next = std::max(next, generation_number(entry.path().filename().string()) + 1);
    char name[32];
    std::snprintf(name, sizeof name, "gen-%08lu", next);
    const std::string gen = path(name);
    if (::mkdir(gen.c_str(), 0755) != 0) throw store_error(ids::store::kIo, gen + ": cannot create: " + errno_text());
    working = name;
    const bool from_nothing = current.empty() && !legacy;
    const std::string source = committed_dir();
    close();
    try {
        if (!from_nothing)
            for (const auto& f : db_files()) {
                fs::copy_file(fs::path(source) / f, fs::path(gen) / f, ec);
                if (ec)
                    throw store_error(ids::store::kIo, gen + ": cannot copy " + f + " of the store: " + ec.message());
            }
        Fd readers(::open((fs::path(gen) / kReaders).c_str(), O_WRONLY | O_CREAT, 0644));
        if (readers.get() < 0)
            throw store_error(ids::store::kIo, gen + ": cannot create the readers file: " + errno_text());
        open_storage(gen, from_nothing, false);
        if (legacy && fs::exists(path(kJournal), ec)) rollback_legacy_journal();
    } catch (...) {
        // No half-made generation: back to reading the committed one (disk full, say).
        close();
        fs::remove_all(gen, ec);
        working.clear();
        open_committed_read_only();
        throw;
    }
    // A new store is a change: committing it creates the empty store.
    dirty = from_nothing;
}

/// The old layout's write-ahead journal: a batch an interrupted run of an older newskg
/// was applying; undone in the copy that becomes the first generation.
void TripleStore::Impl::rollback_legacy_journal() {
    const std::string jpath = path(kJournal);
    std::vector<std::string> replaced;
    std::string text;
    if (!read_whole_file(jpath, text)) {
        throw store_error(ids::store::kJournalFailed, jpath + ": cannot read the journal: " + errno_text());
    }
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + pos, nl - pos);
        if (starts_with(line, kReplace) && line.back() == '>')
            replaced.emplace_back(line.substr(kReplace.size(), line.size() - kReplace.size() - 1));
        pos = nl + 1;
    }
    rdf::Parser parser(world, "nquads");
    std::vector<std::pair<rdf::Statement, std::optional<rdf::Node>>> added;
    parser.parse_file_quads(jpath, [&](rdf::StatementRef st, rdf::NodeRef graph) {
        rdf::Statement copy(world, rdf::Node::copy_of(st.subject()), rdf::Node::copy_of(st.predicate()),
                            rdf::Node::copy_of(st.object()));
        std::optional<rdf::Node> g;
        if (!graph.is_null()) g = rdf::Node::copy_of(graph);
        added.emplace_back(std::move(copy), std::move(g));
    });
    for (const auto& [st, g] : added) model->remove(st, g ? &*g : nullptr);
    for (const auto& g : replaced) model->remove_graph(rdf::Node::iri(world, g));
}

std::set<std::string> TripleStore::Impl::graph_lines(const std::string& graph) {
    std::set<std::string> out;
    for (rdf::Stream st = model->statements_in(rdf::Node::iri(world, graph)); !st.end(); st.next()) {
        rdf::StatementRef s = st.current();
        out.insert(s.subject().term().ntriples() + " " + s.predicate().term().ntriples() + " " +
                   s.object().term().ntriples());
    }
    return out;
}

std::size_t TripleStore::Impl::drop_graph(const std::string& graph) {
    rdf::World& w = world;
    const rdf::Node g = rdf::Node::iri(w, graph);
    // The direct triples its readings support: qualified nodes (nkg:subject,
    // nkg:predicate, nkg:object) not flagged negated, which have no direct triple.
    std::map<std::string, std::array<Term, 3>> readings;
    std::set<std::string> negated;
    std::size_t removed = 0;
    for (rdf::Stream st = model->statements_in(g); !st.end(); st.next()) {
        ++removed;
        rdf::StatementRef s = st.current();
        if (!s.subject().is_iri() || !s.predicate().is_iri()) continue;
        const std::string subject(s.subject().iri()), predicate(s.predicate().iri());
        if (predicate == kNkg + "subject") readings[subject][0] = s.object().term();
        else if (predicate == kNkg + "predicate") readings[subject][1] = s.object().term();
        else if (predicate == kNkg + "object") readings[subject][2] = s.object().term();
        else if (predicate == kNkg + "flag" && s.object().is_literal() && s.object().literal() == "negated")
            negated.insert(subject);
    }
    model->remove_graph(g);
    for (const auto& [node, spo] : readings) {
        if (negated.count(node) || spo[0].value.empty() || spo[1].value.empty() || spo[2].value.empty()) continue;
        // Still stated by another graph's reading?
        const std::string ask = "ASK { GRAPH ?g { ?r <" + kNkg + "subject> " + spo[0].ntriples() + " ; <" + kNkg +
                                "predicate> " + spo[1].ntriples() + " ; <" + kNkg + "object> " +
                                spo[2].ntriples() + " } }";
        rdf::Query q(w, ask);
        if (q.execute(*model).boolean()) continue;
        rdf::Statement direct(w, rdf::Node::of(w, spo[0]), rdf::Node::of(w, spo[1]), rdf::Node::of(w, spo[2]));
        if (model->contains(direct, nullptr)) {
            model->remove(direct, nullptr);
            ++removed;
        }
    }
    return removed;
}

TripleStore::TripleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TripleStore::TripleStore(TripleStore&&) noexcept = default;
TripleStore& TripleStore::operator=(TripleStore&&) noexcept = default;
TripleStore::~TripleStore() = default;

const std::string& TripleStore::dir() const noexcept { return impl_->dir; }

std::string TripleStore::generation_dir() const {
    if (!impl_->working.empty()) return impl_->path(impl_->working);
    return impl_->current.empty() && !impl_->legacy ? std::string() : impl_->committed_dir();
}

std::string TripleStore::default_dir() {
    if (const char* env = std::getenv("NEWSKG_STORE"); env && *env) return env;
    return "exports/store";
}

bool TripleStore::is_rdf_file(const std::string& path) { return rdf_format_of(path) != nullptr; }

namespace {

/// Takes a reader's hold on the committed generation: its readers file locked shared,
/// then checked to be still the one `current` names (a writer may have removed the
/// generation between reading the link and locking). Returns the generation's name,
/// or nullopt when the store has no `current`.
std::optional<std::string> hold_current(const std::string& dir, Fd& hold) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto name = read_link((fs::path(dir) / kCurrent).string());
        if (!name) return std::nullopt;
        const std::string readers = (fs::path(dir) / *name / kReaders).string();
        Fd fd(::open(readers.c_str(), O_RDONLY));
        if (fd.get() < 0) continue; // removed meanwhile: read the link again
        if (::flock(fd.get(), LOCK_SH) != 0)
            throw store_error(ids::store::kIo, readers + ": cannot lock: " + errno_text());
        struct stat held {}, now {};
        if (::fstat(fd.get(), &held) != 0 || ::stat(readers.c_str(), &now) != 0 || held.st_ino != now.st_ino ||
            held.st_dev != now.st_dev)
            continue;
        hold = std::move(fd);
        return name;
    }
    throw store_error(ids::store::kIo, dir + ": the store kept changing while it was being opened; try again");
}

} // namespace

TripleStore TripleStore::open(const std::string& dir, Mode mode) {
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->mode = mode;
    std::error_code ec;
    if (mode == Mode::Write) {
        fs::create_directories(dir, ec);
        if (ec) throw store_error(ids::store::kIo, dir + ": cannot create the store directory: " + ec.message());
        const std::string lock_path = impl->path(kLock);
        impl->writer_lock = Fd(::open(lock_path.c_str(), O_RDWR | O_CREAT, 0644));
        if (impl->writer_lock.get() < 0)
            throw store_error(ids::store::kIo, lock_path + ": cannot open the lock file: " + errno_text());
        if (::flock(impl->writer_lock.get(), LOCK_EX | LOCK_NB) != 0) {
            if (errno == EWOULDBLOCK)
                throw store_error(ids::store::kLocked,
                                  dir + ": another newskg process is loading into the store; try again "
                                        "when it has finished");
            throw store_error(ids::store::kIo, lock_path + ": cannot lock: " + errno_text());
        }
        // A writer needs no reader's hold: it is the only one that removes generations.
        impl->current = read_link(impl->path(kCurrent)).value_or("");
        impl->legacy = impl->current.empty() && has_legacy_files(dir);
        impl->remove_leftovers();
        if (!impl->current.empty()) verify_generation(dir, impl->path(impl->current));
        else if (impl->legacy) verify_pages(dir, dir);
        if (impl->current.empty() && !impl->legacy) impl->begin_working(); // a new store
        else impl->open_committed_read_only();
        return TripleStore(std::move(impl));
    }

    if (auto name = hold_current(dir, impl->readers_lock)) {
        impl->current = *name;
        verify_generation(dir, impl->path(*name));
    } else if (has_legacy_files(dir)) {
        // The layout before generations: its writer held DIR/lock exclusively while
        // writing, readers shared.
        impl->legacy = true;
        const std::string lock_path = impl->path(kLock);
        impl->legacy_lock = Fd(::open(lock_path.c_str(), O_RDONLY));
        if (impl->legacy_lock.get() < 0 || ::flock(impl->legacy_lock.get(), LOCK_SH | LOCK_NB) != 0)
            throw store_error(ids::store::kLocked,
                              dir + ": the store is in use by another newskg process; try again when "
                                    "it has finished");
        if (fs::exists(impl->path(kJournal), ec))
            throw store_error(ids::store::kJournalFailed,
                              dir +
                                  ": an older newskg was interrupted while loading into this "
                                  "store; run newskg load --store " +
                                  dir + " (with any file) to recover it first");
        verify_pages(dir, dir);
    } else {
        throw store_error(ids::store::kNoStore,
                          dir + ": no newskg store here (create one with: newskg load --store " + dir + " FILE...)");
    }
    impl->open_committed_read_only();
    return TripleStore(std::move(impl));
}

void TripleStore::replace_changed_graphs(bool replace) noexcept { impl_->replace_changed = replace; }

void TripleStore::commit() {
    Impl& s = *impl_;
    if (s.broken)
        throw store_error(ids::store::kNotCommitted,
                          s.dir + ": a write failed, so nothing of this run was committed; the store "
                                  "is as it was before");
    if (s.working.empty()) return;
    const std::string gen = s.path(s.working);
    if (!s.dirty) {
        // Nothing changed: keep the committed generation, drop the copy.
        s.close();
        std::error_code ec;
        fs::remove_all(gen, ec);
        s.working.clear();
        s.open_committed_read_only();
        return;
    }
    try {
        s.model->sync();
    } catch (const rdf_error& e) {
        s.broken = true;
        throw store_error(ids::store::kIo, s.dir + ": " + e.what() + "; nothing of this run was committed");
    }
    s.close(); // Berkeley DB writes the rest of its cache when the files are closed
    try {
        for (const auto& f : db_files()) fsync_file((fs::path(gen) / f).string());
        {
            const std::string manifest = (fs::path(gen) / kManifest).string();
            Fd out(::open(manifest.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
            if (out.get() < 0) throw store_error(ids::store::kIo, manifest + ": cannot write: " + errno_text());
            const auto [text, damage] = manifest_text(gen);
            // Never certify files Berkeley DB wrote wrong: such a generation is not committed.
            if (!damage.empty())
                throw store_error(ids::store::kDamaged, s.dir + ": the files just written are damaged: " + damage +
                                                            "; nothing of this run was committed");
            write_all(out.get(), manifest, text);
            if (::fsync(out.get()) != 0)
                throw store_error(ids::store::kIo, manifest + ": cannot sync: " + errno_text());
        }
        fsync_dir(gen);
        // The commit point: `current` names the new generation once the rename is durable.
        const std::string link_new = s.path(kCurrentNew);
        ::unlink(link_new.c_str());
        if (::symlink(s.working.c_str(), link_new.c_str()) != 0)
            throw store_error(ids::store::kIo, link_new + ": cannot create: " + errno_text());
        if (::rename(link_new.c_str(), s.path(kCurrent).c_str()) != 0)
            throw store_error(ids::store::kIo, s.path(kCurrent) + ": cannot replace: " + errno_text());
    } catch (const store_error&) {
        s.broken = true; // the copy is closed and incomplete: the store stays as it was
        throw;
    }
    fsync_dir(s.dir);
    const std::string previous = s.current;
    const bool was_legacy = s.legacy;
    s.current = s.working;
    s.working.clear();
    s.legacy = false;
    s.dirty = false;
    if (!previous.empty()) remove_generation(s.dir, previous); // a reader may still hold it: removed later
    if (was_legacy) s.remove_leftovers();
    s.open_committed_read_only();
}

LoadStats TripleStore::apply(const std::vector<Quad>& quads) {
    Impl& s = *impl_;
    if (s.mode != Mode::Write) throw store_error(ids::store::kIo, s.dir + ": the store was opened for reading");
    if (s.broken)
        throw store_error(ids::store::kNotCommitted,
                          s.dir + ": an earlier write failed; nothing more is written in this run");
    rdf::World& w = s.world;
    LoadStats stats;
    const Batch batch = group(quads);
    std::map<std::string, rdf::Node> graph_nodes;
    for (const auto& [g, lines] : batch.named) graph_nodes.emplace(g, rdf::Node::iri(w, g));
    if (s.working.empty()) s.begin_working();

    try {
        // Named graphs: unchanged ones are kept, changed ones replaced as a whole.
        std::set<std::string> unchanged, existing;
        for (rdf::NodeIterator it = s.model->graphs(); !it.end(); it.next())
            if (it.current().is_iri()) existing.emplace(it.current().iri());
        for (const auto& [g, lines] : batch.named) {
            if (!existing.count(g)) continue;
            if (s.graph_lines(g) == lines) {
                unchanged.insert(g);
                continue;
            }
            if (!s.replace_changed)
                throw store_error(ids::store::kChanged, "<" + g +
                                                            ">: the store holds a different version of it; not loaded "
                                                            "(--no-replace): unload it first to load this one");
            stats.replaced.push_back(g);
        }
        stats.graphs = batch.named.size() - unchanged.size();
        // The old versions go first: a direct triple only the old version stated goes
        // with it, and comes back below when the new version states it too.
        for (const auto& g : stats.replaced) stats.triples_removed += s.drop_graph(g);
        const std::set<std::string> replaced(stats.replaced.begin(), stats.replaced.end());
        for (const Quad* q : batch.unique) {
            if (unchanged.count(q->graph)) {
                ++stats.triples_kept;
                continue;
            }
            rdf::Statement st(w, rdf::Node::of(w, q->subject), rdf::Node::of(w, q->predicate),
                              rdf::Node::of(w, q->object));
            const rdf::Node* g = q->graph.empty() ? nullptr : &graph_nodes.at(q->graph);
            // A graph new to the store (or replaced) holds nothing yet, and the batch has
            // no duplicates: only the default graph and graphs added to need a look.
            const bool fresh = !q->graph.empty() && (replaced.count(q->graph) || !existing.count(q->graph));
            if (!g) {
                // Kept beside any named graph stating it too: reloading or unloading that
                // article leaves it in the default graph.
                if (s.model->add_to_default_graph(st)) ++stats.triples_added;
                else ++stats.triples_kept;
                continue;
            }
            if (!fresh && s.model->contains(st, g)) {
                ++stats.triples_kept;
                continue;
            }
            s.model->add(st, g);
            ++stats.triples_added;
        }
        if (stats.triples_added || stats.triples_removed) s.dirty = true;
    } catch (const rdf_error& e) {
        s.broken = true;
        throw store_error(ids::store::kIo, s.dir + ": " + e.what() + "; nothing of this run will be committed");
    }
    return stats;
}

std::vector<TripleStore::Unloaded> TripleStore::unload(const std::vector<std::string>& graphs) {
    Impl& s = *impl_;
    if (s.mode != Mode::Write) throw store_error(ids::store::kIo, s.dir + ": the store was opened for reading");
    if (s.broken)
        throw store_error(ids::store::kNotCommitted,
                          s.dir + ": an earlier write failed; nothing more is written in this run");
    if (s.working.empty()) s.begin_working();
    std::set<std::string> existing;
    for (rdf::NodeIterator it = s.model->graphs(); !it.end(); it.next())
        if (it.current().is_iri()) existing.emplace(it.current().iri());
    std::vector<Unloaded> out;
    try {
        for (const auto& g : graphs) {
            Unloaded u;
            u.graph = g;
            u.found = existing.erase(g) > 0;
            if (u.found) u.triples_removed = s.drop_graph(g);
            if (u.triples_removed) s.dirty = true;
            out.push_back(std::move(u));
        }
    } catch (const rdf_error& e) {
        s.broken = true;
        throw store_error(ids::store::kIo, s.dir + ": " + e.what() + "; nothing of this run will be committed");
    }
    return out;
}

LoadStats TripleStore::load_extraction(const Extraction& extraction, const Ontology& ontology,
                                       const std::string& base_iri) {
    KnowledgeGraph g;
    g.add(extraction, base_iri);
    LoadStats stats = apply(to_quads(g, ontology, base_iri));
    stats.articles = 1;
    return stats;
}

LoadStats TripleStore::load_file(const std::string& path) {
    const io::FormatInfo* format = rdf_format_of(path);
    if (!format)
        throw store_error(ids::store::kUnsupported,
                          path + ": not an RDF file (expected .ttl, .nt, .nq, .trig, .rdf, .xml or .jsonld)");
    std::vector<Quad> quads;
    io::read_quads(path, *format, [&](Quad&& q) {
        // A graph the store could not name when asked to replace or unload it.
        if (q.graph.rfind("_:", 0) == 0)
            throw store_error(ids::store::kUnsupported, path + ": a graph name is not an IRI: " + q.graph);
        quads.push_back(std::move(q));
    });
    LoadStats stats = apply(quads);
    stats.files = 1;
    return stats;
}

namespace {

using VariablesSink = std::function<void(const std::vector<std::string>&)>;
using RowSink = std::function<void(std::vector<std::optional<Term>>&&)>;

/// Runs a query Rasqal can answer; rows go to `on_row` when given.
QueryResult run_query(rdf::World& world, rdf::Model& model, const std::string& sparql,
                      const VariablesSink& on_variables = {}, const RowSink& on_row = {}) {
    QueryResult out;
    try {
        rdf::Query q(world, sparql);
        rdf::QueryResults r = q.execute(model);
        if (r.is_boolean()) {
            out.kind = QueryResult::Kind::Boolean;
            out.boolean = r.boolean();
        } else if (r.is_graph()) {
            out.kind = QueryResult::Kind::Graph;
            for (rdf::Stream st = r.statements(); !st.end(); st.next()) {
                rdf::StatementRef s = st.current();
                out.triples.push_back({s.subject().term(), s.predicate().term(), s.object().term(), {}});
            }
        } else {
            out.kind = QueryResult::Kind::Bindings;
            out.variables = r.variables();
            if (on_variables) on_variables(out.variables);
            const int n = static_cast<int>(out.variables.size());
            for (; !r.finished(); r.next()) {
                std::vector<std::optional<Term>> row;
                for (int i = 0; i < n; ++i) {
                    std::optional<rdf::Node> v = r.value(i);
                    row.push_back(v ? std::optional<Term>(v->ref().term()) : std::nullopt);
                }
                if (on_row) on_row(std::move(row));
                else out.rows.push_back(std::move(row));
            }
        }
    } catch (const rdf_error& e) {
        // Keep librdf's words, under the store's id (the message says what is wrong).
        std::string msg = e.what();
        if (auto close = msg.find("] "); close != std::string::npos) msg = msg.substr(close + 2);
        throw store_error(ids::store::kQuery, msg);
    }
    return out;
}

/// DESCRIBE, which Rasqal cannot run: each resource's description is every triple
/// whose subject it is, gathered with CONSTRUCT queries.
QueryResult describe(rdf::World& world, rdf::Model& model, const DescribeQuery& d) {
    QueryResult out;
    out.kind = QueryResult::Kind::Graph;
    std::set<std::string> done, seen;
    auto add = [&](const std::string& term) {
        if (!done.insert(term).second) return;
        QueryResult r = run_query(world, model, d.prologue + " CONSTRUCT { " + term + " ?p ?o } WHERE { " + term +
                                                    " ?p ?o }");
        for (auto& t : r.triples)
            if (seen.insert(t.nquads()).second) out.triples.push_back(std::move(t));
    };
    for (const auto& c : d.constants) add(c);
    if (!d.variables.empty()) {
        std::string select = d.prologue + " SELECT DISTINCT";
        for (const auto& v : d.variables) select += " ?" + v;
        QueryResult rows = run_query(world, model, select + " " + d.where);
        for (const auto& row : rows.rows)
            for (const auto& cell : row)
                if (cell && cell->kind == Term::Kind::Iri) add(cell->ntriples());
    }
    return out;
}

} // namespace

QueryResult TripleStore::query(const std::string& sparql) { return query(sparql, {}, {}); }

QueryResult TripleStore::query(const std::string& sparql, const std::function<void(const std::vector<std::string>&)>& variables,
                               const std::function<void(std::vector<std::optional<Term>>&&)>& row) {
    check_sparql(sparql, impl_->dir);
    std::optional<DescribeQuery> d = parse_describe(sparql);
    if (!impl_->model) {
        QueryResult empty;
        if (d) empty.kind = QueryResult::Kind::Graph;
        return empty;
    }
    QueryResult out = d ? describe(impl_->world, *impl_->model, *d)
                        : run_query(impl_->world, *impl_->model, sparql, variables, row);
    impl_->check_after_read();
    return out;
}

std::size_t TripleStore::size() const {
    if (!impl_->model) return 0;
    std::size_t n = 0;
    for (rdf::Stream st = impl_->model->statements(); !st.end(); st.next()) ++n;
    impl_->check_after_read();
    return n;
}

std::vector<std::string> TripleStore::graphs() const {
    std::vector<std::string> out;
    if (!impl_->model) return out;
    for (rdf::NodeIterator it = impl_->model->graphs(); !it.end(); it.next()) out.emplace_back(it.current().iri());
    impl_->check_after_read();
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Quad> TripleStore::quads() const {
    std::vector<Quad> out;
    if (!impl_->model) return out;
    for (rdf::Stream st = impl_->model->statements(); !st.end(); st.next()) {
        rdf::StatementRef s = st.current();
        rdf::NodeRef g = st.context();
        out.push_back({s.subject().term(), s.predicate().term(), s.object().term(),
                       g.is_null() ? std::string() : std::string(g.iri())});
    }
    impl_->check_after_read();
    std::sort(out.begin(), out.end(), quad_less);
    return out;
}

} // namespace newskg
