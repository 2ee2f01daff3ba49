// read_articles: paths, directories, standard input, gzip and JSON Lines, with every
// problem reported as a Diagnostic and the batch carrying on.
#include "newskg/read/reader.hpp"

#include "newskg/core/article_ids.hpp"
#include "newskg/core/error.hpp"
#include "newskg/text/analyse.hpp"
#include "read/builder.hpp"
#include "read/decode.hpp"
#include "read/furniture.hpp"
#include "read/html_limits.hpp"
#include "read/html_reader.hpp"
#include "read/text_reader.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace newskg {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool ends_with(const std::string& s, std::string_view e) {
    return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

// The message of an input_error without its "[id] " prefix (the id travels separately).
std::string message_of(const error& e) {
    std::string m = e.what();
    const std::string prefix = "[" + e.id() + "] ";
    if (m.rfind(prefix, 0) == 0) m.erase(0, prefix.size());
    return m;
}

Diagnostic diag(const std::string& path, std::string id, std::string message, bool is_error) {
    return Diagnostic{path, std::move(id), path + ": " + std::move(message), is_error};
}

// A file or standard input read through zlib's gz* functions, which inflate gzip data and
// pass anything else through unchanged. Buffered, so the first bytes can be inspected
// before deciding how to read the rest, and JSON Lines can be read line by line.
class Source {
  public:
    /// Opens `path` ("-": standard input). With regular_only, anything but a regular file
    /// (a FIFO, socket or device met in a directory walk) throws NotRegular instead of
    /// being opened for reading: a FIFO nobody writes to would block the batch forever.
    Source(const std::string& path, bool regular_only = false) : path_(path) {
        int fd = -1;
        if (path == "-") {
            fd = dup(fileno(stdin));
        } else {
            // Non-blocking, so that opening a FIFO returns at once and fstat can tell
            // what it is; the flag is cleared again before reading.
            fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0) {
                struct stat st {};
                if (::fstat(fd, &st) == 0 && regular_only && !S_ISREG(st.st_mode)) {
                    ::close(fd);
                    throw NotRegular{kind_of(st.st_mode)};
                }
                const int fl = ::fcntl(fd, F_GETFL);
                if (fl >= 0) ::fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
            }
        }
        const int err = errno;
        f_ = fd >= 0 ? gzdopen(fd, "rb") : nullptr;
        if (!f_) {
            if (fd >= 0) ::close(fd);
            throw input_error(ids::input::kUnreadable, path,
                              std::string("cannot open: ") + (fd < 0 && err ? std::strerror(err) : "out of memory"));
        }
        gzbuffer(f_, 1 << 17);
    }

    /// What a walk skipped instead of opening ("a FIFO", "a socket" ...).
    struct NotRegular {
        const char* kind;
    };
    static const char* kind_of(mode_t m) {
        if (S_ISFIFO(m)) return "a FIFO (named pipe)";
        if (S_ISSOCK(m)) return "a socket";
        if (S_ISCHR(m)) return "a character device";
        if (S_ISBLK(m)) return "a block device";
        if (S_ISDIR(m)) return "a directory";
        return "not a regular file";
    }
    ~Source() {
        if (f_) gzclose(f_);
    }
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    /// The first bytes (up to 8 KiB, fewer at end of input).
    std::string_view head() {
        while (buf_.size() - pos_ < 8192 && fill()) {
        }
        return std::string_view(buf_).substr(pos_, 8192);
    }

    /// Everything; throws input_error 105 when it exceeds max bytes.
    std::string all(std::size_t max) {
        std::string out = buf_.substr(pos_);
        buf_.clear();
        pos_ = 0;
        while (!eof_) {
            if (out.size() > max) break;
            std::array<char, 1 << 16> chunk{};
            const int n = gzread(f_, chunk.data(), static_cast<unsigned>(chunk.size()));
            if (n < 0) fail();
            if (n == 0) eof_ = true;
            out.append(chunk.data(), static_cast<std::size_t>(n));
        }
        check_complete();
        if (out.size() > max)
            throw input_error(ids::input::kTooLarge, path_,
                              "larger than the limit of " + std::to_string(max) + " bytes");
        return out;
    }

    /// Next line without its "\n"; false at end of input. A line longer than max is
    /// skipped to its end and reported through too_long.
    bool line(std::string& out, std::size_t max, bool& too_long) {
        out.clear();
        too_long = false;
        for (;;) {
            const auto nl = buf_.find('\n', pos_);
            const std::size_t end = nl == std::string::npos ? buf_.size() : nl;
            if (!too_long) out.append(buf_, pos_, end - pos_);
            if (out.size() > max) {
                too_long = true;
                out.clear();
            }
            if (nl != std::string::npos) {
                pos_ = nl + 1;
                compact();
                return true;
            }
            pos_ = buf_.size();
            compact();
            if (!fill()) return !out.empty() || too_long;
        }
    }

  private:
    std::string path_;
    gzFile f_ = nullptr;
    std::string buf_;
    std::size_t pos_ = 0;
    bool eof_ = false;

    [[noreturn]] void fail() {
        int errnum = 0;
        const char* msg = gzerror(f_, &errnum);
        throw input_error(
            ids::input::kUnreadable, path_,
            std::string("cannot read: ") + (errnum == Z_ERRNO ? std::strerror(errno) : (msg ? msg : "read error")) +
                (errnum == Z_DATA_ERROR || errnum == Z_BUF_ERROR ? " (corrupt or truncated gzip data)" : ""));
    }
    // zlib reports a gzip stream cut short only through gzerror, after handing over the
    // data it could inflate: a truncated download must not pass for a whole article.
    void check_complete() {
        int errnum = Z_OK;
        gzerror(f_, &errnum);
        if (errnum != Z_OK) fail();
    }
    bool fill() {
        if (eof_) return false;
        std::array<char, 1 << 16> chunk{};
        const int n = gzread(f_, chunk.data(), static_cast<unsigned>(chunk.size()));
        if (n < 0) fail();
        if (n == 0) {
            eof_ = true;
            check_complete();
            return false;
        }
        buf_.append(chunk.data(), static_cast<std::size_t>(n));
        return true;
    }
    void compact() {
        if (pos_ > (1u << 16)) {
            buf_.erase(0, pos_);
            pos_ = 0;
        }
    }
};

enum class Format { Text, Html, Jsonl };

std::string strip_gz(const std::string& name) {
    const std::string l = lower(name);
    return ends_with(l, ".gz") ? l.substr(0, l.size() - 3) : l;
}

bool accepted_extension(const fs::path& p) {
    const std::string n = strip_gz(p.filename().string());
    for (std::string_view e : {".txt", ".text", ".html", ".htm", ".jsonl"})
        if (ends_with(n, e)) return true;
    return false;
}

Format sniff(std::string_view head) {
    std::size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (i < head.size() && head[i] == '{') return Format::Jsonl;
    if (i < head.size() && head[i] == '<') {
        const std::string l = lower(std::string(head.substr(i, 4096)));
        for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article",
                                     "<meta", "<title"})
            if (l.find(tag) != std::string::npos) return Format::Html;
    }
    return Format::Text;
}

Format format_of(const std::string& path, std::string_view head, const std::string& requested) {
    if (requested == "text") return Format::Text;
    if (requested == "html") return Format::Html;
    if (requested == "jsonl") return Format::Jsonl;
    const std::string n = strip_gz(fs::path(path).filename().string());
    if (ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".xhtml")) return Format::Html;
    if (ends_with(n, ".jsonl") || ends_with(n, ".ndjson")) return Format::Jsonl;
    if (ends_with(n, ".txt") || ends_with(n, ".text")) return Format::Text;
    return sniff(head);
}

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

class Reader {
  public:
    Reader(const ReadOptions& o, const std::function<void(Document&&)>& sink, std::vector<Diagnostic>& d)
        : opt_(o), sink_(sink), diags_(d) {}

    void path(const std::string& p) {
        if (p == "-") {
            file(p);
            return;
        }
        std::error_code ec;
        const auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
                diags_.push_back(diag(p, ids::text(ids::input::kUnreadable), "cannot access: " + ec.message(), true));
            else
                diags_.push_back(diag(p, ids::text(ids::input::kMissing), "no such file or directory", true));
            return;
        }
        if (fs::is_directory(st)) {
            std::vector<DirId> ancestors;
            directory(p, ancestors);
        } else {
            file(p);
        }
    }

  private:
    const ReadOptions& opt_;
    const std::function<void(Document&&)>& sink_;
    std::vector<Diagnostic>& diags_;

    // A directory by device and inode: the same directory reached by two paths (a
    // symbolic link to it, or to one of its ancestors) is the same DirId.
    using DirId = std::pair<dev_t, ino_t>;
    /// Every directory read in this run, with the path it was first read under.
    std::map<DirId, std::string> seen_dirs_;

    // Each directory is read once per run: a link back to an ancestor is a loop (it would
    // otherwise be followed until the kernel's ELOOP, or forever with two links), a second
    // path to a directory already read would extract its articles twice.
    void directory(const fs::path& dir, std::vector<DirId>& ancestors) {
        struct stat st {};
        if (::stat(dir.c_str(), &st) != 0) {
            const int err = errno;
            diags_.push_back(diag(dir.string(), ids::text(ids::input::kUnreadable),
                                  std::string("cannot access: ") + std::strerror(err), true));
            return;
        }
        const DirId id{st.st_dev, st.st_ino};
        if (const auto seen = seen_dirs_.find(id); seen != seen_dirs_.end()) {
            const bool loop = std::find(ancestors.begin(), ancestors.end(), id) != ancestors.end();
            diags_.push_back(diag(dir.string(), ids::text(ids::input::kDirectoryAgain),
                                  loop ? "symbolic link loop: this is " + seen->second + " again; not followed"
                                       : "the same directory as " + seen->second + ", already read; skipped",
                                  false));
            return;
        }
        seen_dirs_.emplace(id, dir.string());
        std::error_code ec;
        std::vector<fs::path> files, dirs;
        fs::directory_iterator it(dir, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code e2;
            if (it->is_directory(e2)) dirs.push_back(it->path());
            else if (accepted_extension(it->path())) files.push_back(it->path());
        }
        if (ec) {
            diags_.push_back(
                diag(dir.string(), ids::text(ids::input::kUnreadable), "cannot list directory: " + ec.message(), true));
            return;
        }
        // Sorted, so that a batch comes out in the same order on every system.
        std::sort(files.begin(), files.end());
        std::sort(dirs.begin(), dirs.end());
        for (const auto& f : files) file(f.string(), true);
        ancestors.push_back(id);
        for (const auto& d : dirs) directory(d, ancestors);
        ancestors.pop_back();
    }

    /// Reads one file; in a directory walk (walked) only a regular file is opened.
    void file(const std::string& p, bool walked = false) {
        try {
            Source src(p, walked);
            const std::string_view head = src.head();
            const Format f = format_of(p, head, opt_.format);
            if (f == Format::Jsonl) {
                jsonl(src, p);
                return;
            }
            std::string bytes = src.all(opt_.max_bytes);
            article(bytes, p, f);
        } catch (const Source::NotRegular& n) {
            diags_.push_back(diag(p, ids::text(ids::input::kNotRegular),
                                  std::string(n.kind) + ", not a regular file; skipped", false));
        } catch (const input_error& e) {
            diags_.push_back(Diagnostic{p, e.id(), message_of(e), true});
        }
    }

    void empty_document(const std::string& where, const std::string& id, std::string why) {
        diags_.push_back(diag(where, ids::text(ids::input::kEmpty), std::move(why), false));
        Document d;
        d.id = id;
        d.source_path = where;
        d.published = opt_.published;
        sink_(std::move(d));
    }

    void warn_repaired(const std::string& where, const decode::Text& t) {
        if (t.repaired_from)
            diags_.push_back(diag(where, ids::text(ids::input::kEncoding),
                                  "not valid UTF-8; decoded as " + *t.repaired_from, false));
        if (t.nul_replaced)
            diags_.push_back(diag(where, ids::text(ids::input::kControl),
                                  std::to_string(t.nul_replaced) + " NUL byte(s) replaced by spaces", false));
    }

    void warn_html(const std::string& where, const detail::HtmlReport& r) {
        if (r.attributes_dropped)
            diags_.push_back(diag(where, ids::text(ids::input::kHtmlLimit),
                                  std::to_string(r.attributes_dropped) + " HTML attribute(s) beyond " +
                                      std::to_string(detail::kMaxHtmlAttributes) +
                                      " on one element left out (the page was read without them)",
                                  false));
        if (r.elements_flattened)
            diags_.push_back(diag(where, ids::text(ids::input::kTooDeep),
                                  std::to_string(r.elements_flattened) + " HTML element(s) nested deeper than " +
                                      std::to_string(detail::kMaxHtmlDepth) +
                                      " levels flattened into their ancestor (libxml2 stops at 256)",
                                  false));
    }

    // Relations of an undated article get no date (none is guessed), which the user
    // should hear about rather than find in the graph.
    void warn_undated(const std::string& where, const Document& d) {
        if (d.published) return;
        diags_.push_back(diag(where, ids::text(ids::input::kUndated),
                              "no publication date found (no date line, no date metadata; give --published): "
                              "its statements stay undated",
                              false));
    }

    void article(const std::string& bytes, const std::string& p, Format f) {
        const std::string id = detail::id_from_path(p);
        if (blank(bytes)) {
            empty_document(p, id, "empty article");
            return;
        }
        Document d;
        {
            const auto t = decode::to_utf8(bytes, p, f == Format::Html ? detail::declared_charset(bytes) : "");
            warn_repaired(p, t);
            detail::HtmlReport report;
            d = f == Format::Html ? detail::read_html_utf8(t.utf8, p, opt_, &report)
                                  : detail::read_plain_text(t.utf8, p, opt_, {});
            warn_html(p, report);
        }
        if (d.paragraphs.empty())
            diags_.push_back(diag(p, ids::text(ids::input::kEmpty), "no article text found", false));
        else warn_undated(p, d);
        sink_(std::move(d));
    }

    // One article per line: {"id", "title", "published", "url", "source", "text" | "html"}.
    void jsonl(Source& src, const std::string& p) {
        std::string line;
        bool too_long = false;
        std::size_t n = 0;
        while (src.line(line, opt_.max_bytes, too_long)) {
            ++n;
            const std::string where = p + ":" + std::to_string(n);
            if (too_long) {
                diags_.push_back(diag(where, ids::text(ids::input::kTooLarge),
                                      "line longer than the limit of " + std::to_string(opt_.max_bytes) + " bytes",
                                      true));
                continue;
            }
            if (blank(line)) continue;
            try {
                json_line(line, p, where, n);
            } catch (const input_error& e) {
                diags_.push_back(Diagnostic{where, e.id(), message_of(e), true});
            }
        }
    }

    // A string field: nullopt when absent or null; throws (reported as 202) on another type.
    static std::optional<std::string> field(const nlohmann::json& j, const char* name, bool allow_number = false) {
        const auto it = j.find(name);
        if (it == j.end() || it->is_null()) return std::nullopt;
        if (it->is_string()) return it->get<std::string>();
        if (allow_number && it->is_number_integer()) return std::to_string(it->get<long long>());
        throw std::invalid_argument(std::string("field \"") + name + "\" must be a string, not " + it->type_name());
    }

    // `author` / `authors`: a string ("Jane Roe and John Doe", split into people) or an
    // array of strings (one person each); nullopt when both are absent or null; throws
    // (reported as 202) on another type.
    static std::optional<std::vector<std::string>> authors_field(const nlohmann::json& j) {
        std::optional<std::vector<std::string>> out;
        for (const char* name : {"authors", "author"}) {
            const auto it = j.find(name);
            if (it == j.end() || it->is_null()) continue;
            std::vector<std::string> v;
            if (it->is_string()) {
                v = furniture::author_names(it->get<std::string>());
            } else if (it->is_array()) {
                for (const auto& e : *it) {
                    if (!e.is_string())
                        throw std::invalid_argument(std::string("field \"") + name +
                                                    "\" must hold strings, not " + e.type_name());
                    const std::string a(furniture::trim(e.get<std::string>()));
                    if (!a.empty() && std::find(v.begin(), v.end(), a) == v.end()) v.push_back(a);
                }
            } else {
                throw std::invalid_argument(std::string("field \"") + name +
                                            "\" must be a string or an array of strings, not " + it->type_name());
            }
            if (!out) out = std::move(v);
        }
        return out;
    }

    // JSON escapes can put any control character into a field ("\u0000", "\u0007"). They
    // have no place in text, XML cannot hold them and C APIs (librdf) stop at a NUL, so
    // each one but tab, line feed and carriage return becomes a space. Returns how many.
    static std::size_t replace_controls(std::optional<std::string>& v) {
        if (!v) return 0;
        std::size_t n = 0;
        for (char& c : *v) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7f) {
                c = ' ';
                ++n;
            }
        }
        return n;
    }

    void json_line(const std::string& raw, const std::string& p, const std::string& where, std::size_t n) {
        const auto t = decode::to_utf8(raw, where);
        warn_repaired(where, t);
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(t.utf8);
        } catch (const nlohmann::json::parse_error& e) {
            diags_.push_back(
                diag(where, ids::text(ids::parse::kJsonSyntax), std::string("not valid JSON: ") + e.what(), true));
            return;
        }
        if (!j.is_object()) {
            diags_.push_back(diag(where, ids::text(ids::parse::kJsonField), "a line must be a JSON object", true));
            return;
        }
        std::optional<std::string> id, title, published, url, source, text, html;
        std::optional<std::vector<std::string>> authors;
        try {
            authors = authors_field(j);
            id = field(j, "id", true);
            title = field(j, "title");
            published = field(j, "published");
            url = field(j, "url");
            source = field(j, "source");
            text = field(j, "text");
            html = field(j, "html");
        } catch (const std::invalid_argument& e) {
            diags_.push_back(diag(where, ids::text(ids::parse::kJsonField), e.what(), true));
            return;
        }
        std::size_t controls = 0;
        for (auto* v : {&id, &title, &published, &url, &source, &text, &html}) controls += replace_controls(*v);
        if (authors)
            for (auto& a : *authors) {
                std::optional<std::string> v(std::move(a));
                controls += replace_controls(v);
                a = std::move(*v);
            }
        if (controls)
            diags_.push_back(diag(where, ids::text(ids::input::kControl),
                                  std::to_string(controls) + " control character(s) replaced by spaces", false));
        const std::string doc_id = id && !id->empty() ? *id : detail::id_from_path(p) + "-" + std::to_string(n);
        if (!text && !html) {
            diags_.push_back(diag(where, ids::text(ids::parse::kJsonField), "no \"text\" or \"html\" field", true));
            return;
        }
        std::optional<DateValue> date;
        if (published) {
            date = parse_date(*published);
            if (!date)
                diags_.push_back(diag(where, ids::text(ids::parse::kJsonField),
                                      "\"published\" is not a date: " + *published + " (ignored)", false));
        }
        const std::string& body = text ? *text : *html;
        Document d;
        if (blank(body)) {
            diags_.push_back(diag(where, ids::text(ids::input::kEmpty), "empty article", false));
        } else if (text) {
            detail::TextHints hints;
            if (title) hints.title = furniture::trim(*title);
            d = detail::read_plain_text(*text, where, opt_, hints);
        } else {
            detail::HtmlReport report;
            d = detail::read_html_utf8(*html, where, opt_, &report);
            warn_html(where, report);
            if (title && d.title.empty()) build::prepend_title(d, *title);
        }
        if (!blank(body) && d.paragraphs.empty())
            diags_.push_back(diag(where, ids::text(ids::input::kEmpty), "no article text found", false));
        d.id = doc_id;
        d.source_path = p;
        if (title && !title->empty() && !d.paragraphs.empty()) d.title = std::string(furniture::trim(*title));
        if (url) d.url = *url;
        if (source && !source->empty()) d.outlet = *source;
        if (authors) d.authors = *authors;
        d.published = opt_.published ? opt_.published : (date ? date : d.published);
        if (!d.paragraphs.empty()) warn_undated(where, d);
        sink_(std::move(d));
    }
};

} // namespace

void read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                   const std::function<void(Document&&)>& sink, std::vector<Diagnostic>& diagnostics) {
    if (options.format != "auto" && options.format != "text" && options.format != "html" &&
        options.format != "jsonl") {
        diagnostics.push_back(
            Diagnostic{"", ids::text(ids::input::kBadFormat),
                       "unknown input format \"" + options.format + "\" (expected auto, text, html or jsonl)", true});
        return;
    }
    // Ids are settled here, the one place every article passes, so that no command sees
    // two articles of a run with the same id (see ArticleIds).
    ArticleIds ids(options.id, options.taken_ids);
    const std::function<void(Document&&)> named = [&](Document&& d) {
        const bool from_stdin = d.source_path == "-" && d.id == "stdin";
        const auto c = ids.claim(d.id, from_stdin, d.source_path, d.text);
        if (c.kind == ArticleIds::Claim::Kind::Refused) {
            diagnostics.push_back(diag(d.source_path, ids::text(ids::input::kIdGivenTwice),
                                       "--id " + c.id +
                                           " names one article, but the input holds more; "
                                           "this one is skipped (give JSON Lines their own \"id\" fields instead)",
                                       true));
            return;
        }
        if (c.kind == ArticleIds::Claim::Kind::Renamed)
            diagnostics.push_back(diag(d.source_path, ids::text(ids::input::kDuplicateId),
                                       "article id '" + d.id + "' is already the id of an article of " + c.taken_by +
                                           "; this article is '" + c.id + "'",
                                       false));
        d.id = c.id;
        sink(std::move(d));
    };
    Reader r(options, named, diagnostics);
    for (const auto& p : paths) r.path(p);
}

} // namespace newskg
