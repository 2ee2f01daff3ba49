// The persistent store: a librdf hashes/Berkeley DB storage with contexts, a lock file
// and a write-ahead journal (see include/newskg/store/store.hpp for what they promise).
#include "newskg/store/store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

#include "export/rdf_dataset.hpp"
#include "newskg/core/model.hpp"
#include "newskg/graph/knowledge_graph.hpp"
#include "newskg/ontology/ontology.hpp"
#include "rdf/rdf.hpp"

namespace newskg {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStorageName = "newskg"; // files newskg-sp2o.db and so on
constexpr const char* kJournal = "journal";
constexpr const char* kLock = "lock";
constexpr std::string_view kReplace = "# replace <";

enum StoreCode : int {
    kNoStore = 1,
    kLocked = 2,
    kIo = 3,
    kQuery = 4,
    kUnsupported = 5,
    kJournalFailed = 6,
};

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
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_ = -1;
};

void fsync_dir(const std::string& dir) {
    Fd d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (d.get() >= 0) ::fsync(d.get());
}

/// Writes `content` to `path` durably: a temporary file, fsync, rename, fsync of the
/// directory, so the journal is either absent or complete.
void write_durably(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    {
        Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
        if (fd.get() < 0) throw store_error(kIo, tmp + ": cannot write: " + errno_text());
        const char* p = content.data();
        std::size_t left = content.size();
        while (left > 0) {
            ssize_t n = ::write(fd.get(), p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw store_error(kIo, tmp + ": cannot write: " + errno_text());
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        if (::fsync(fd.get()) != 0) throw store_error(kIo, tmp + ": cannot write: " + errno_text());
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        throw store_error(kIo, path + ": cannot write: " + errno_text());
    fsync_dir(fs::path(path).parent_path().string());
}

std::string escape_literal(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += c;
        }
    }
    return out;
}

Term term_of(rdf::NodeRef n) {
    Term t;
    if (n.is_literal()) {
        t.kind = Term::Kind::Literal;
        t.value = std::string(n.literal());
        t.datatype = std::string(n.datatype());
        t.language = std::string(n.language());
    } else if (n.is_blank()) {
        t.kind = Term::Kind::Blank;
        t.value = std::string(n.blank_id());
    } else {
        t.value = std::string(n.iri());
    }
    return t;
}

Term term_of(const detail::RdfTerm& r) {
    Term t;
    t.kind = r.kind == detail::RdfTerm::Kind::Literal ? Term::Kind::Literal
             : r.kind == detail::RdfTerm::Kind::Blank ? Term::Kind::Blank
                                                      : Term::Kind::Iri;
    t.value = r.value;
    t.datatype = r.datatype;
    t.language = r.language;
    return t;
}

rdf::Node node_of(rdf::World& world, const Term& t) {
    switch (t.kind) {
    case Term::Kind::Blank: return rdf::Node::blank(world, t.value);
    case Term::Kind::Literal:
        if (!t.datatype.empty()) return rdf::Node::typed_literal(world, t.value, rdf::Uri(world, t.datatype));
        return rdf::Node::literal(world, t.value, t.language);
    case Term::Kind::Iri: break;
    }
    return rdf::Node::iri(world, t.value);
}

std::string nquad_line(const Quad& q) {
    std::string line = q.subject.ntriples() + " " + q.predicate.ntriples() + " " + q.object.ntriples();
    if (!q.graph.empty()) line += " <" + q.graph + ">";
    return line + " .\n";
}

bool quad_less(const Quad& a, const Quad& b) {
    if (a.graph != b.graph) return a.graph < b.graph;
    return nquad_line(a) < nquad_line(b);
}

/// The raptor syntax name for a file's extension; empty when not an RDF file.
std::string syntax_of(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".ttl") return "turtle";
    if (ext == ".nt") return "ntriples";
    if (ext == ".nq") return "nquads";
    if (ext == ".trig") return "trig";
    if (ext == ".rdf" || ext == ".xml" || ext == ".owl") return "rdfxml";
    if (ext == ".jsonld") return "jsonld";
    return {};
}

} // namespace

std::string Term::ntriples() const {
    switch (kind) {
    case Kind::Iri: return "<" + value + ">";
    case Kind::Blank: return "_:" + value;
    case Kind::Literal: break;
    }
    std::string s = "\"" + escape_literal(value) + "\"";
    if (!language.empty()) s += "@" + language;
    else if (!datatype.empty()) s += "^^<" + datatype + ">";
    return s;
}

LoadStats& LoadStats::operator+=(const LoadStats& o) {
    articles += o.articles;
    files += o.files;
    graphs += o.graphs;
    triples_added += o.triples_added;
    triples_kept += o.triples_kept;
    return *this;
}

struct TripleStore::Impl {
    // Declaration order is destruction order reversed: the model goes before its
    // storage, both before the world, and the lock is released last.
    Fd lock;
    std::string dir;
    rdf::World world;
    std::optional<rdf::Storage> storage;
    std::optional<rdf::Model> model;

    std::string journal_path() const { return (fs::path(dir) / kJournal).string(); }
    void recover();
};

void TripleStore::Impl::recover() {
    const std::string path = journal_path();
    if (!fs::exists(path)) return;
    // The replaced graphs are listed in comment lines, which the N-Quads parser skips.
    std::vector<std::string> replaced;
    {
        std::string text;
        if (FILE* f = std::fopen(path.c_str(), "rb")) {
            char buf[65536];
            std::size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
            std::fclose(f);
        } else {
            throw store_error(kJournalFailed, path + ": cannot read the journal: " + errno_text());
        }
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string::npos) nl = text.size();
            std::string_view line(text.data() + pos, nl - pos);
            if (line.substr(0, kReplace.size()) == kReplace && line.back() == '>')
                replaced.emplace_back(line.substr(kReplace.size(), line.size() - kReplace.size() - 1));
            pos = nl + 1;
        }
    }
    rdf::Parser parser(world, "nquads");
    std::vector<std::pair<rdf::Statement, std::optional<rdf::Node>>> added;
    parser.parse_file_quads(path, [&](rdf::StatementRef st, rdf::NodeRef graph) {
        rdf::Statement copy(world, rdf::Node::copy_of(st.subject()), rdf::Node::copy_of(st.predicate()),
                            rdf::Node::copy_of(st.object()));
        std::optional<rdf::Node> g;
        if (!graph.is_null()) g = rdf::Node::copy_of(graph);
        added.emplace_back(std::move(copy), std::move(g));
    });
    for (const auto& [st, g] : added) model->remove(st, g ? &*g : nullptr);
    for (const auto& g : replaced) model->remove_graph(rdf::Node::iri(world, g));
    model->sync();
    if (::unlink(path.c_str()) != 0) throw store_error(kJournalFailed, path + ": cannot remove the journal: " + errno_text());
    fsync_dir(dir);
}

TripleStore::TripleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TripleStore::TripleStore(TripleStore&&) noexcept = default;
TripleStore& TripleStore::operator=(TripleStore&&) noexcept = default;
TripleStore::~TripleStore() = default;

const std::string& TripleStore::dir() const noexcept { return impl_->dir; }

std::string TripleStore::default_dir() {
    if (const char* env = std::getenv("NEWSKG_STORE"); env && *env) return env;
    return "exports/store";
}

bool TripleStore::is_rdf_file(const std::string& path) { return !syntax_of(path).empty(); }

TripleStore TripleStore::open(const std::string& dir, Mode mode) {
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    const fs::path data = fs::path(dir) / (std::string(kStorageName) + "-sp2o.db");
    std::error_code ec;
    const bool exists = fs::exists(data, ec);
    if (mode == Mode::Read && !exists)
        throw store_error(kNoStore, dir + ": no newskg store here (create one with: newskg load --store " + dir +
                                        " FILE...)");
    if (mode == Mode::Write) {
        fs::create_directories(dir, ec);
        if (ec) throw store_error(kIo, dir + ": cannot create the store directory: " + ec.message());
    }

    const std::string lock_path = (fs::path(dir) / kLock).string();
    impl->lock = Fd(::open(lock_path.c_str(), O_RDWR | O_CREAT, 0644));
    if (impl->lock.get() < 0 && mode == Mode::Read) impl->lock = Fd(::open(lock_path.c_str(), O_RDONLY));
    if (impl->lock.get() < 0) throw store_error(kIo, lock_path + ": cannot open the lock file: " + errno_text());
    const bool journal = fs::exists(impl->journal_path(), ec);
    // A reader that finds an interrupted batch rolls it back first, which needs the
    // exclusive lock for a moment.
    const bool exclusive = mode == Mode::Write || journal;
    if (::flock(impl->lock.get(), (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            throw store_error(kLocked, dir + ": the store is in use by another newskg process" +
                                           std::string(exclusive ? "" : " that is loading into it") +
                                           "; try again when it has finished");
        throw store_error(kIo, lock_path + ": cannot lock: " + errno_text());
    }
    try {
        impl->storage.emplace(rdf::Storage::on_disk(impl->world, dir, kStorageName, !exists, !exclusive));
        impl->model.emplace(impl->world, *impl->storage);
    } catch (const rdf_error& e) {
        throw store_error(kIo, e.what());
    }
    if (journal) impl->recover();
    if (mode == Mode::Read && exclusive) ::flock(impl->lock.get(), LOCK_SH);
    return TripleStore(std::move(impl));
}

LoadStats TripleStore::apply(const std::vector<Quad>& quads, const std::vector<std::string>& replace) {
    Impl& s = *impl_;
    rdf::World& w = s.world;
    LoadStats stats;
    const std::set<std::string> replaced(replace.begin(), replace.end());
    std::set<std::string> graphs(replaced);
    std::map<std::string, rdf::Node> graph_nodes;
    for (const auto& q : quads)
        if (!q.graph.empty() && !graph_nodes.count(q.graph)) graph_nodes.emplace(q.graph, rdf::Node::iri(w, q.graph));

    // What is new: quads of a replaced graph all are (the graph is emptied first);
    // others when not in their graph yet. Duplicates within the batch count once.
    std::vector<std::pair<rdf::Statement, const rdf::Node*>> to_add;
    std::set<std::string> seen;
    std::string journal = "# newskg store journal: the batch being applied; an interrupted load is rolled back from it\n";
    for (const auto& g : replaced) journal += std::string(kReplace) + g + ">\n";
    for (const auto& q : quads) {
        std::string line = nquad_line(q);
        if (!seen.insert(line).second) continue;
        rdf::Statement st(w, node_of(w, q.subject), node_of(w, q.predicate), node_of(w, q.object));
        const rdf::Node* g = q.graph.empty() ? nullptr : &graph_nodes.at(q.graph);
        if (!replaced.count(q.graph) && s.model->contains(st, g)) {
            ++stats.triples_kept;
            continue;
        }
        if (!q.graph.empty()) graphs.insert(q.graph);
        journal += line;
        to_add.emplace_back(std::move(st), g);
    }
    stats.graphs = graphs.size();
    if (to_add.empty() && replaced.empty()) return stats;

    const std::string jpath = s.journal_path();
    write_durably(jpath, journal);
    try {
        for (const auto& g : replaced) s.model->remove_graph(rdf::Node::iri(w, g));
        for (const auto& [st, g] : to_add) s.model->add(st, g);
        s.model->sync();
    } catch (const rdf_error& e) {
        throw store_error(kIo, s.dir + ": " + e.what() + " (the batch is rolled back when the store is next opened)");
    }
    if (::unlink(jpath.c_str()) != 0) throw store_error(kJournalFailed, jpath + ": cannot remove the journal: " + errno_text());
    fsync_dir(s.dir);
    stats.triples_added = to_add.size();
    return stats;
}

LoadStats TripleStore::load_extraction(const Extraction& extraction, const Ontology& ontology,
                                       const std::string& base_iri) {
    KnowledgeGraph g;
    g.add(extraction, base_iri);
    std::vector<Quad> quads;
    std::set<std::string> named;
    for (auto& q : detail::rdf_dataset(g, ontology, base_iri)) {
        if (!q.graph.empty()) named.insert(q.graph);
        quads.push_back({term_of(q.subject), Term::iri(std::move(q.predicate)), term_of(q.object), std::move(q.graph)});
    }
    LoadStats stats = apply(quads, std::vector<std::string>(named.begin(), named.end()));
    stats.articles = 1;
    return stats;
}

LoadStats TripleStore::load_file(const std::string& path) {
    const std::string syntax = syntax_of(path);
    if (syntax == "jsonld")
        throw store_error(kUnsupported, path + ": JSON-LD cannot be loaded: the RDF library (raptor 2) has no "
                                               "JSON-LD parser; load the .nq or .trig export of the same graph");
    if (syntax.empty())
        throw store_error(kUnsupported, path + ": not an RDF file (expected .ttl, .nt, .nq, .trig, .rdf or .xml)");
    std::vector<Quad> quads;
    rdf::Parser parser(impl_->world, syntax);
    parser.parse_file_quads(path, [&](rdf::StatementRef st, rdf::NodeRef graph) {
        quads.push_back({term_of(st.subject()), term_of(st.predicate()), term_of(st.object()),
                         graph.is_null() ? std::string() : std::string(graph.iri())});
    });
    LoadStats stats = apply(quads, {});
    stats.files = 1;
    return stats;
}

QueryResult TripleStore::query(const std::string& sparql) {
    QueryResult out;
    try {
        rdf::Query q(impl_->world, sparql);
        rdf::QueryResults r = q.execute(*impl_->model);
        if (r.is_boolean()) {
            out.kind = QueryResult::Kind::Boolean;
            out.boolean = r.boolean();
        } else if (r.is_graph()) {
            out.kind = QueryResult::Kind::Graph;
            for (rdf::Stream st = r.statements(); !st.end(); st.next()) {
                rdf::StatementRef s = st.current();
                out.triples.push_back({term_of(s.subject()), term_of(s.predicate()), term_of(s.object()), {}});
            }
        } else {
            out.kind = QueryResult::Kind::Bindings;
            out.variables = r.variables();
            const int n = static_cast<int>(out.variables.size());
            for (; !r.finished(); r.next()) {
                std::vector<std::optional<Term>> row;
                for (int i = 0; i < n; ++i) {
                    std::optional<rdf::Node> v = r.value(i);
                    row.push_back(v ? std::optional<Term>(term_of(v->ref())) : std::nullopt);
                }
                out.rows.push_back(std::move(row));
            }
        }
    } catch (const rdf_error& e) {
        // Keep librdf's words, under the store's id (the message says what is wrong).
        std::string msg = e.what();
        if (auto close = msg.find("] "); close != std::string::npos) msg = msg.substr(close + 2);
        throw store_error(kQuery, msg);
    }
    return out;
}

std::size_t TripleStore::size() const {
    std::size_t n = 0;
    for (rdf::Stream st = impl_->model->statements(); !st.end(); st.next()) ++n;
    return n;
}

std::vector<std::string> TripleStore::graphs() const {
    std::vector<std::string> out;
    for (rdf::NodeIterator it = impl_->model->graphs(); !it.end(); it.next()) out.emplace_back(it.current().iri());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Quad> TripleStore::quads() const {
    std::vector<Quad> out;
    for (rdf::Stream st = impl_->model->statements(); !st.end(); st.next()) {
        rdf::StatementRef s = st.current();
        rdf::NodeRef g = st.context();
        out.push_back({term_of(s.subject()), term_of(s.predicate()), term_of(s.object()),
                       g.is_null() ? std::string() : std::string(g.iri())});
    }
    std::sort(out.begin(), out.end(), quad_less);
    return out;
}

} // namespace newskg
