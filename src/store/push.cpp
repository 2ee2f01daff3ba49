#include "newskg/io/formats.hpp"
#include "newskg/store/push.hpp"

#include <map>

#include "rdf/rdf.hpp"

namespace newskg::store {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

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

    void add(rdf::StatementRef st, rdf::NodeRef graph, const std::string& source) {
        const bool is_default = graph.is_null();
        if (!is_default && !graph.is_iri())
            throw rdf_error(ids::rdf::kParseError, source + ": a graph name is not an IRI: " + graph.describe());
        std::string target = is_default ? default_target : std::string(graph.iri());
        auto [it, inserted] = index.emplace(target, graphs.size());
        if (inserted) graphs.push_back(std::make_unique<Gathered>(world, GraphName{target}));
        Gathered& g = *graphs[it->second];
        if (is_default) g.holds_default_graph = true;
        g.model.add(st);
    }
};

PushDataset::PushDataset(std::string default_target) : impl_(std::make_unique<Impl>()) {
    impl_->default_target = std::move(default_target);
}
PushDataset::~PushDataset() = default;

std::string PushDataset::syntax_for(const std::string& path) {
    // The one format table: extensions compared case-insensitively, RDF/XML included.
    const io::FormatInfo* f = io::format_of_path(path);
    return f && f->rdf && f->readable ? std::string(f->raptor_syntax) : std::string();
}

void PushDataset::add_file(const std::string& path, const std::string& syntax) {
    rdf::Parser(impl_->world, syntax).parse_file_quads(path, [&](rdf::StatementRef st, rdf::NodeRef g) {
        impl_->add(st, g, path);
    });
}

void PushDataset::add_text(std::string_view text, const std::string& syntax, const std::string& base_iri,
                           const std::string& name) {
    rdf::Parser(impl_->world, syntax).parse_string_quads(text, base_iri, name,
                                                         [&](rdf::StatementRef st, rdf::NodeRef g) {
                                                             impl_->add(st, g, name);
                                                         });
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
