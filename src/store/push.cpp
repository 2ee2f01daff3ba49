#include "newskg/store/push.hpp"

#include <map>

#include "newskg/io/formats.hpp"
#include "newskg/io/quads.hpp"
#include "rdf/rdf.hpp"

namespace newskg::store {

namespace {

/// One destination graph being gathered: a set of triples in librdf's in-memory storage.
struct Gathered {
    GraphName target;
    bool holds_default_graph = false;
    rdf::Storage storage;
    rdf::Model model;
    Gathered(rdf::World& world, GraphName t)
        : target(std::move(t)), storage(rdf::Storage::in_memory(world)), model(world, storage) {}
};

} // namespace

struct PushDataset::Impl {
    // Declared first, destroyed last: every model refers to it.
    rdf::World world;
    std::string default_target;
    std::map<std::string, std::size_t> index;
    std::vector<std::unique_ptr<Gathered>> graphs;

    void add(const Quad& q, const std::string& source) {
        const bool is_default = q.graph.empty();
        if (q.graph.rfind("_:", 0) == 0)
            throw rdf_error(ids::rdf::kParseError, source + ": a graph name is not an IRI: " + q.graph);
        const std::string& target = is_default ? default_target : q.graph;
        auto [it, inserted] = index.emplace(target, graphs.size());
        if (inserted) graphs.push_back(std::make_unique<Gathered>(world, GraphName{target}));
        Gathered& g = *graphs[it->second];
        if (is_default) g.holds_default_graph = true;
        g.model.add(rdf::Node::of(world, q.subject), rdf::Node::of(world, q.predicate), rdf::Node::of(world, q.object));
    }
};

PushDataset::PushDataset(std::string default_target) : impl_(std::make_unique<Impl>()) {
    impl_->default_target = std::move(default_target);
}
PushDataset::~PushDataset() = default;

bool PushDataset::is_rdf_file(const std::string& path) {
    // The one format table: extensions compared case-insensitively.
    const io::FormatInfo* f = io::format_of_path(path);
    return f && f->rdf;
}

void PushDataset::add_file(const std::string& path) {
    const io::FormatInfo* f = io::format_of_path(path);
    if (!f || !f->rdf) throw rdf_error(ids::rdf::kParseError, path + ": not an RDF file");
    io::read_quads(path, *f, [&](Quad&& q) { impl_->add(q, path); });
}

void PushDataset::add(const std::vector<Quad>& quads, const std::string& name) {
    for (const Quad& q : quads) impl_->add(q, name);
}

bool PushDataset::empty() const { return impl_->graphs.empty(); }

std::vector<GraphPayload> PushDataset::payloads() const {
    rdf::Serializer ntriples(impl_->world, "ntriples");
    std::vector<GraphPayload> out;
    for (const auto& g : impl_->graphs) {
        GraphPayload p;
        p.target = g->target;
        p.holds_default_graph = g->holds_default_graph;
        p.triples = g->model.size();
        p.ntriples = ntriples.to_string(g->model);
        out.push_back(std::move(p));
    }
    return out;
}

PushReport push_graphs(RemoteStore& remote, const std::vector<GraphPayload>& payloads, PushMode mode,
                       const std::function<void(const GraphPayload&)>& pushed) {
    PushReport report;
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        const GraphPayload& p = payloads[i];
        if (mode == PushMode::Retract && !p.retracted(mode)) continue; // shared: left alone
        try {
            if (p.retracted(mode))
                remote.delete_graph(p.target);
            else if (p.replaces(mode))
                remote.put_graph(p.target, p.ntriples);
            else
                remote.post_graph(p.target, p.ntriples);
        } catch (const remote_error& e) {
            report.error = e.what();
            // Stores that keep no default graph of their own (a union of the named
            // graphs, or none) refuse writes to it.
            if (p.target.is_default() &&
                (e.kind() == remote_error::Kind::Rejected || e.kind() == remote_error::Kind::NotFound))
                report.error += "; the store may have no default graph to write to: send the inputs' default graph "
                                "(actors and relations) to a named graph with --graph IRI";
            for (std::size_t j = i; j < payloads.size(); ++j) report.not_loaded.push_back(payloads[j].target);
            return report;
        }
        report.loaded.push_back(p.target);
        if (pushed) pushed(p);
    }
    return report;
}

} // namespace newskg::store
