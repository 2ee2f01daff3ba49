#pragma once
/// Pictures of the knowledge graph (SVG, PNG), drawn by Graphviz's library (libgvc) from
/// the DOT export (dot.hpp), so a picture needs no `dot` program on the PATH and looks
/// exactly like the DOT rendered by hand.
///
/// The layout engine follows the size of the drawing: `dot` (layered, left to right,
/// edge labels placed beside their edges) up to kImageLayeredMaxEdges edges; above
/// that `sfdp` (force-directed, scales to thousands of edges) without edge labels,
/// because dot's run time grows steeply with labelled edges and a label on every edge
/// of a hairball is unreadable anyway. DotOptions::top is the way to a readable picture
/// of a large graph: the most connected actors, laid out by `dot` with labels.
#include <cstddef>
#include <string>

#include "newskg/core/error.hpp"
#include "newskg/export/dot.hpp"
#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

/// Graphviz could not read, lay out or render a drawing ("newskg.render.<code>").
class render_error : public error {
  public:
    render_error(ids::Id<ids::Family::Render> id, const std::string& what_arg) : error(ids::text(id), what_arg) {}
};

enum class ImageFormat { Svg, Png };

/// Above this many edges (legend included) a drawing is laid out by sfdp, not dot.
inline constexpr std::size_t kImageLayeredMaxEdges = 150;

/// Resolution of PNG pictures: sharp on a projector or a retina screen (Graphviz's
/// default of 96 dpi looks blurred on a slide); SVG is resolution-free.
inline constexpr int kImagePngDpi = 144;

/// The layout engine for a drawing with this many edges: "dot" or "sfdp".
std::string image_layout(std::size_t edges);

/// Lays out DOT text with `layout` (empty: image_layout of its edge count) and renders
/// it. throws render_error.
std::string render_dot(const std::string& dot, ImageFormat format, const std::string& layout = {});

/// The picture of the graph: to_dot(graph, ontology, options), laid out by size as
/// described above. throws render_error.
std::string to_image(const KnowledgeGraph& graph, const Ontology* ontology, const DotOptions& options,
                     ImageFormat format);

} // namespace newskg
