#pragma once
// Private RAII owner of Graphviz's C objects (libgvc, libcgraph). graphviz.cpp is the
// only file in newskg that calls Graphviz; everything else goes through Drawing.
#include <cstddef>
#include <string>

// Graphviz's handle types, declared rather than included: <gvc.h> needs Graphviz's
// include path, which only the library target has (the tests include src/ headers
// too). GVC_t and Agraph_t are typedefs of these tagged structs.
struct GVC_s;
struct Agraph_s;

namespace newskg::gv {

/// One graph read from DOT text, with the Graphviz context that lays it out and renders
/// it. release() (run by the destructor, and by the constructor when it fails) is the
/// one place that frees them, in the order Graphviz needs: gvFreeLayout (the layout
/// refers to the graph), agclose (the graph), gvFreeContext (the context, whose plugins
/// laid the graph out).
///
/// Graphviz reports problems through a process-wide error callback; each call here
/// captures them for its own duration, so a failure becomes a render_error carrying
/// Graphviz's message and nothing is printed to stderr. That callback is global state:
/// use Drawing from one thread at a time.
class Drawing {
  public:
    /// Parses `dot`. throws render_error on a syntax error.
    explicit Drawing(const std::string& dot);
    ~Drawing();
    Drawing(const Drawing&) = delete;
    Drawing& operator=(const Drawing&) = delete;

    std::size_t node_count() const;
    std::size_t edge_count() const;
    /// Sets a graph attribute (before layout), e.g. "overlap" or "dpi".
    void set_graph_attribute(const std::string& name, const std::string& value);
    /// Lays the graph out with `engine` ("dot", "sfdp", "neato" …); once only.
    /// throws render_error when the engine is unknown or fails.
    void layout(const std::string& engine);
    /// The laid-out graph in an output format of Graphviz ("svg", "png" …).
    /// throws render_error when the format is unknown or rendering fails.
    std::string render(const std::string& format);

  private:
    void release() noexcept;

    GVC_s* gvc_ = nullptr;
    Agraph_s* graph_ = nullptr;
    bool laid_out_ = false;
};

} // namespace newskg::gv
