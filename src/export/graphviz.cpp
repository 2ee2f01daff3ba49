#include "export/graphviz.hpp"

#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

// newskg's headers before Graphviz's: Graphviz declares a global type named `path`,
// which would make every later parameter called `path` (error.hpp has some) a -Wshadow
// warning.
#include "newskg/export/image.hpp"

#include <cgraph.h>
#include <gvc.h>

namespace newskg::gv {

namespace {

// Where Graphviz's messages go while a Capture is alive. The callback has no user
// pointer, hence a global; thread_local keeps two threads' captures apart at least.
thread_local std::string* g_sink = nullptr;

int capture_message(char* message) {
    if (g_sink && message) {
        try {
            g_sink->append(message);
        } catch (...) {
            // No exception may cross Graphviz's C frames; a lost message is the lesser harm.
        }
    }
    return 0;
}

/// Routes Graphviz's errors and warnings into a string for one call, and resets its
/// error level so that a previous call's failure is not reported again.
class Capture {
  public:
    Capture() : previous_sink_(g_sink), previous_(agseterrf(&capture_message)) {
        g_sink = &messages_;
        agreseterrors();
    }
    ~Capture() {
        agseterrf(previous_);
        g_sink = previous_sink_;
    }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;

    /// True when an error (not only a warning) was reported since construction.
    bool failed() const { return agerrors() >= AGERR; }
    /// The messages, on one line, for an exception.
    std::string text(const std::string& fallback) const {
        std::string s;
        for (char c : messages_) s += (c == '\n' || c == '\r') ? ' ' : c;
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s.empty() ? fallback : s;
    }

  private:
    std::string messages_;
    std::string* previous_sink_;
    agusererrf previous_;
};

// ------------------------------------------------------------------ reading DOT
//
// Graphviz's default ID discipline makes the ID of a named object the address of its
// interned name, and cgraph keeps subgraphs ordered by ID. The clusters of a drawing
// (legend, actors without relations, countries) therefore came out in an order that
// changed from run to run with the heap's addresses, and with them the SVG's bytes.
// The discipline below numbers names in the order the DOT first uses them, so the
// same DOT gives the same drawing; agmemread cannot take a discipline, so the text is
// read through agread with a memory reader of our own.

/// The names of one root graph, numbered as cgraph's default does it: named objects
/// get even IDs, anonymous ones odd IDs (cgraph tells them apart by parity).
struct NameTable {
    std::unordered_map<std::string, IDTYPE> ids;
    std::vector<std::string> names; // names[k] has ID 2 * (k + 1)
    IDTYPE next_anonymous = 1;
};

// The callbacks below are C entry points: they must not throw, so allocation failure
// is reported to cgraph as "cannot map" (0 / nullptr) instead.

void* names_open(Agraph_t*, Agdisc_t*) {
    try {
        return new NameTable();
    } catch (...) {
        return nullptr;
    }
}

long names_map(void* state, int, char* name, IDTYPE* id, int create) {
    auto* table = static_cast<NameTable*>(state);
    if (!name) {
        *id = table->next_anonymous;
        table->next_anonymous += 2;
        return 1;
    }
    try {
        if (auto it = table->ids.find(name); it != table->ids.end()) {
            *id = it->second;
            return 1;
        }
        if (!create) return 0; // unknown name: cgraph then looks in its internal map
        table->names.emplace_back(name);
        *id = 2 * static_cast<IDTYPE>(table->names.size());
        table->ids.emplace(table->names.back(), *id);
        return 1;
    } catch (...) {
        return 0;
    }
}

long names_alloc(void*, int, IDTYPE request) {
    // An explicit ID request (agidnode) may take an even ID, as with the default.
    return request % 2 == 0 ? 1 : 0;
}

void names_free(void*, int, IDTYPE) {
    // Names live as long as the graph: an ID is never reused for another name.
}

char* names_print(void* state, int, IDTYPE id) {
    auto* table = static_cast<NameTable*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > table->names.size()) return nullptr;
    // cgraph only reads the name; the string lives until names_close.
    return table->names[static_cast<std::size_t>(id / 2 - 1)].data();
}

void names_close(void* state) { delete static_cast<NameTable*>(state); }

void names_register(void*, int, void*) {}

Agiddisc_t kNameDiscipline = {names_open, names_map,  names_alloc,   names_free,
                              names_print, names_close, names_register};

/// DOT text handed to the parser a line at a time, as agmemread does.
struct TextReader {
    const std::string* text;
    std::size_t pos;
};

int reader_read(void* chan, char* buf, int size) {
    auto* r = static_cast<TextReader*>(chan);
    int n = 0;
    while (n < size && r->pos < r->text->size()) {
        const char c = (*r->text)[r->pos++];
        buf[n++] = c;
        if (c == '\n') break;
    }
    return n;
}

int reader_putstr(void*, const char*) { return -1; } // reading only
int reader_flush(void*) { return 0; }

Agiodisc_t kReaderDiscipline = {reader_read, reader_putstr, reader_flush};

} // namespace

Drawing::Drawing(const std::string& dot) {
    Capture capture;
    // gvContext loads the plugins Graphviz's installation lists (layouts, renderers).
    gvc_ = gvContext();
    if (!gvc_) throw render_error(ids::render::kContextFailed, capture.text("cannot create a Graphviz context"));
    TextReader reader{&dot, 0};
    // cgraph copies the discipline record into the graph but keeps the pointers to the
    // memory, ID and I/O disciplines, which are static.
    Agdisc_t discipline{&AgMemDisc, &kNameDiscipline, &kReaderDiscipline};
    graph_ = agread(&reader, &discipline);
    if (!graph_ || capture.failed()) {
        // A constructor that throws gets no destructor call, so it releases here, through
        // the same function the destructor uses.
        const std::string why = capture.text("syntax error");
        release();
        throw render_error(ids::render::kDotSyntax, "Graphviz cannot read the DOT: " + why);
    }
}

Drawing::~Drawing() { release(); }

void Drawing::release() noexcept {
    // gvFreeLayout is safe on a graph that was never (or only partly) laid out: it
    // skips a graph without layout records, so a failed gvLayout needs no special case.
    if (graph_) {
        gvFreeLayout(gvc_, graph_);
        agclose(graph_);
        graph_ = nullptr;
    }
    if (gvc_) {
        gvFreeContext(gvc_);
        gvc_ = nullptr;
    }
}

std::size_t Drawing::node_count() const { return static_cast<std::size_t>(agnnodes(graph_)); }
std::size_t Drawing::edge_count() const { return static_cast<std::size_t>(agnedges(graph_)); }

void Drawing::set_graph_attribute(const std::string& name, const std::string& value) {
    // agsafeset declares the attribute when the DOT did not (default ""), then sets it.
    std::vector<char> n(name.begin(), name.end()), v(value.begin(), value.end()), empty(1, '\0');
    n.push_back('\0');
    v.push_back('\0');
    agsafeset(graph_, n.data(), v.data(), empty.data());
}

void Drawing::layout(const std::string& engine) {
    if (laid_out_) throw render_error(ids::render::kLayoutFailed, "the graph is already laid out");
    Capture capture;
    const int rc = gvLayout(gvc_, graph_, engine.c_str());
    if (rc != 0 || capture.failed()) {
        // Whatever part of a layout gvLayout attached is freed by release().
        throw render_error(ids::render::kLayoutFailed, "Graphviz layout '" + engine + "' failed: " +
                                                           capture.text("unknown layout engine or layout error"));
    }
    laid_out_ = true;
}

std::string Drawing::render(const std::string& format) {
    if (!laid_out_) throw render_error(ids::render::kRenderFailed, "render before layout");
    Capture capture;
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc_, graph_, format.c_str(), &data, &length);
    // The buffer is Graphviz's; it is released through gvFreeRenderData whatever happens.
    std::unique_ptr<char, void (*)(char*)> owned(data, [](char* p) {
        if (p) gvFreeRenderData(p);
    });
    if (rc != 0 || capture.failed() || !data)
        throw render_error(ids::render::kRenderFailed, "Graphviz cannot render " + format + ": " +
                                                           capture.text("unknown format or renderer error"));
    return std::string(data, length);
}

} // namespace newskg::gv
