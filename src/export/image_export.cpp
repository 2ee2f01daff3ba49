// Pictures through libgvc: DOT text in, SVG or PNG bytes out. All Graphviz calls are in
// graphviz.cpp (gv::Drawing); this file decides layout and resolution.
#include "newskg/export/image.hpp"

#include <optional>

#include "export/graphviz.hpp"

namespace newskg {

namespace {

const char* format_name(ImageFormat format) {
    // "png" is Graphviz's cairo renderer (pango plugin): antialiased, with the same
    // fonts and text measurement as its SVG, so both pictures have the same layout.
    return format == ImageFormat::Png ? "png" : "svg";
}

std::string draw(gv::Drawing& drawing, ImageFormat format, const std::string& layout) {
    const std::string engine = layout.empty() ? image_layout(drawing.edge_count()) : layout;
    if (format == ImageFormat::Png) drawing.set_graph_attribute("dpi", std::to_string(kImagePngDpi));
    if (engine == "sfdp") {
        // Straight edges: spline routing around every node costs more than the
        // force-directed layout itself on large graphs, and straight lines read better
        // in a dense picture. prism removes node overlaps while keeping the layout's shape.
        drawing.set_graph_attribute("splines", "line");
        drawing.set_graph_attribute("overlap", "prism");
    }
    drawing.layout(engine);
    return drawing.render(format_name(format));
}

} // namespace

std::string image_layout(std::size_t edges) { return edges > kImageLayeredMaxEdges ? "sfdp" : "dot"; }

std::string render_dot(const std::string& dot, ImageFormat format, const std::string& layout) {
    gv::Drawing drawing(dot);
    return draw(drawing, format, layout);
}

std::string to_image(const KnowledgeGraph& graph, const Ontology* ontology, const DotOptions& options,
                     ImageFormat format) {
    std::optional<gv::Drawing> drawing;
    drawing.emplace(to_dot(graph, ontology, options));
    // The size that matters is what is drawn (after --top), so it is read from the
    // parsed drawing; a large one is drawn again without edge labels (see image.hpp).
    if (options.edge_labels && image_layout(drawing->edge_count()) != "dot") {
        DotOptions plain = options;
        plain.edge_labels = false;
        drawing.reset();
        drawing.emplace(to_dot(graph, ontology, plain));
    }
    return draw(*drawing, format, {});
}

} // namespace newskg
