#pragma once
// Boost.Graph's writers (GraphViz, GraphML) and the graph type they write, for the DOT
// and GraphML exports, included here once for both.
//
// GCC 12 at -O2 reports a false -Wmaybe-uninitialized inside Boost's edge iterator (a
// boost::optional it only reads after setting) once a writer is inlined into an export;
// the location it reports is in the Boost headers, so that is where it is silenced.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
