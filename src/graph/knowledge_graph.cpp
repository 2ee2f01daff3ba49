#include "graph/knowledge_graph_impl.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "graph/join.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

/// RFC 3986 percent-encoding of everything but the unreserved characters, so that any
/// article id (file names with spaces, URLs, non-ASCII) yields a valid IRI path segment.
std::string percent_encode(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

/// The base IRI with a separator at its end, the default base when none is given.
std::string normalised_base(const std::string& base_iri) {
    std::string base = base_iri.empty() ? std::string(kDefaultBaseIri) : base_iri;
    if (base.back() != '/' && base.back() != '#') base += '/';
    return base;
}

} // namespace

// ---------------------------------------------------------------------------- Impl

KnowledgeGraph::Impl::Impl(const Impl& other)
    : graph(other.graph), vertex_index(other.vertex_index), articles(other.articles) {
    rebuild_edge_index();
}

KnowledgeGraph::Impl& KnowledgeGraph::Impl::operator=(const Impl& other) {
    if (this != &other) {
        graph = other.graph;
        vertex_index = other.vertex_index;
        articles = other.articles;
        rebuild_edge_index();
    }
    return *this;
}

KnowledgeGraph::Impl::EdgeKey KnowledgeGraph::Impl::key_of(const std::string& subject_iri,
                                                           const RelationEdge& edge,
                                                           const std::string& object_iri) {
    return EdgeKey(subject_iri, edge.predicate, object_iri, edge.cameo,
                   (edge.flags & kNegated) != 0);
}

KnowledgeGraph::Impl::Vertex KnowledgeGraph::Impl::vertex(const std::string& iri) const {
    const auto it = vertex_index.find(iri);
    if (it == vertex_index.end())
        throw std::out_of_range("knowledge graph has no node " + iri);
    return it->second;
}

void KnowledgeGraph::Impl::rebuild_edge_index() {
    edge_index.clear();
    for (auto [it, end] = boost::edges(graph); it != end; ++it) {
        const Edge e = *it;
        edge_index.emplace(key_of(graph[boost::source(e, graph)].iri, graph[e],
                                  graph[boost::target(e, graph)].iri),
                           e);
    }
}

// ---------------------------------------------------------------------- KnowledgeGraph

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;

// A moved-from graph holds no Impl (allocating one here could throw inside noexcept);
// every member below treats that state as the empty graph and re-creates the Impl on
// the first write, so a moved-from graph stays fully usable.
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) noexcept
    : impl_(std::exchange(other.impl_, nullptr)) {}
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) noexcept {
    impl_.swap(other.impl_);
    return *this;
}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : impl_(std::make_unique<Impl>(other.impl())) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
    if (this != &other) impl_ = std::make_unique<Impl>(other.impl());
    return *this;
}

const KnowledgeGraph::Impl& KnowledgeGraph::empty_impl() {
    static const Impl empty;
    return empty;
}

KnowledgeGraph::Impl& KnowledgeGraph::mutable_impl() {
    if (!impl_) impl_ = std::make_unique<Impl>();
    return *impl_;
}

void KnowledgeGraph::add(const Extraction& extraction, const std::string& base_iri) {
    Extraction copy;
    copy.document.id = extraction.document.id;
    copy.document.title = extraction.document.title;
    copy.document.published = extraction.document.published;
    copy.document.outlet = extraction.document.outlet;
    copy.document.agencies = extraction.document.agencies;
    copy.document.authors = extraction.document.authors;
    copy.document.url = extraction.document.url;
    copy.document.source_path = extraction.document.source_path;
    copy.entities = extraction.entities;
    copy.relations = extraction.relations;
    add(std::move(copy), base_iri);
}

void KnowledgeGraph::add(Extraction&& extraction, const std::string& base_iri) {
    // What the graph does not keep goes first: on a large article the text, its tokens,
    // words and mentions are as large as the graph being built.
    {
        Document& d = extraction.document;
        std::string().swap(d.text);
        std::vector<Paragraph>().swap(d.paragraphs);
        std::vector<Sentence>().swap(d.sentences);
        std::vector<Token>().swap(d.tokens);
        d.words.clear();
        std::vector<DateExpression>().swap(d.dates);
        std::vector<Mention>().swap(extraction.mentions);
        for (Entity& e : extraction.entities) std::vector<std::size_t>().swap(e.mentions);
    }
    const Document& doc = extraction.document;
    ArticleInfo article;
    article.id = doc.id;
    article.iri = article_iri(base_iri, doc.id);
    article.title = doc.title;
    article.published = doc.published;
    article.outlet = doc.outlet;
    article.agencies = doc.agencies;
    article.authors = doc.authors;
    article.url = doc.url;
    article.source_path = doc.source_path;
    add_article(article);

    // Entity ids are local to the extraction; the graph speaks IRIs.
    std::map<std::string, std::string> iri_of;
    for (const Entity& e : extraction.entities) {
        EntityNode node;
        // The actor stage always sets an IRI; should one be missing, a document-local IRI
        // keeps the entity without merging it with another document's namesake.
        node.iri = !e.iri.empty() ? e.iri
                                  : normalised_base(base_iri) + "actor/" +
                                        percent_encode(doc.id) + "/" +
                                        percent_encode(e.id.value);
        node.label = e.label;
        node.type = e.type;
        node.aliases = e.aliases;
        node.country_code = e.country_code;
        if (!doc.id.empty()) node.articles.push_back(doc.id);
        upsert_node(node);
        iri_of[e.id.value] = node.iri;
    }

    const auto resolve = [&](const EntityId& id, const char* role) -> const std::string& {
        const auto it = iri_of.find(id.value);
        if (it == iri_of.end())
            throw std::invalid_argument("extraction of document '" + doc.id + "': relation " +
                                        role + " '" + id.value + "' is not one of its entities");
        return it->second;
    };

    for (Relation& r : extraction.relations) {
        RelationEdge edge;
        edge.predicate = r.predicate;
        edge.cameo = r.cameo;
        edge.quad_class = r.quad_class;
        edge.goldstein = r.goldstein;
        edge.evidence = std::move(r.evidence);
        r.evidence.clear();
        for (Evidence& ev : edge.evidence)
            if (ev.document.empty()) ev.document = doc.id;
        edge.date = r.date;
        edge.last_date = r.date;
        edge.rule = r.rule;
        // Three decimals, as every export writes it, so that a graph read back from any
        // of them (JSON included) is the graph that was written.
        edge.confidence = std::round(r.confidence * 1000.0) / 1000.0;
        if (r.speaker) edge.speaker_iri = resolve(*r.speaker, "speaker");
        edge.flags = r.flags;
        edge.mention_count = 1;
        upsert_edge(resolve(r.subject, "subject"), std::move(edge), resolve(r.object, "object"));
    }
    std::vector<Relation>().swap(extraction.relations);
}

const EntityNode& KnowledgeGraph::upsert_node(const EntityNode& node) {
    if (node.iri.empty()) throw std::invalid_argument("knowledge graph node without an IRI");
    Impl& im = mutable_impl();
    const auto it = im.vertex_index.find(node.iri);
    if (it != im.vertex_index.end()) {
        EntityNode& existing = im.graph[it->second];
        detail::join(existing, node);
        return existing;
    }
    EntityNode fresh = node;
    detail::normalise(fresh);
    const Impl::Vertex v = boost::add_vertex(std::move(fresh), im.graph);
    im.vertex_index.emplace(node.iri, v);
    return im.graph[v];
}

void KnowledgeGraph::upsert_edge(const std::string& subject_iri, const RelationEdge& edge,
                                 const std::string& object_iri) {
    RelationEdge copy = edge;
    upsert_edge(subject_iri, std::move(copy), object_iri);
}

void KnowledgeGraph::upsert_edge(const std::string& subject_iri, RelationEdge&& edge, const std::string& object_iri) {
    Impl& im = mutable_impl();
    const Impl::Vertex s = im.vertex(subject_iri);
    const Impl::Vertex o = im.vertex(object_iri);
    Impl::EdgeKey key = Impl::key_of(subject_iri, edge, object_iri);
    const auto it = im.edge_index.find(key);
    if (it != im.edge_index.end()) {
        detail::join(im.graph[it->second], std::move(edge));
        return;
    }
    RelationEdge fresh = std::move(edge);
    detail::normalise(fresh);
    // Added empty, then filled: add_edge takes the property by const reference and would
    // copy the evidence.
    const auto [e, added] = boost::add_edge(s, o, im.graph);
    (void)added; // always true: adjacency_list with vecS out-edges allows parallel edges
    im.graph[e] = std::move(fresh);
    im.edge_index.emplace(std::move(key), e);
}

std::size_t KnowledgeGraph::node_count() const { return boost::num_vertices(impl().graph); }
std::size_t KnowledgeGraph::edge_count() const { return boost::num_edges(impl().graph); }

const EntityNode* KnowledgeGraph::find(const std::string& iri) const {
    const Impl& im = impl();
    const auto it = im.vertex_index.find(iri);
    return it == im.vertex_index.end() ? nullptr : &im.graph[it->second];
}

std::vector<const EntityNode*> KnowledgeGraph::nodes() const {
    const Impl& im = impl();
    std::vector<const EntityNode*> out;
    out.reserve(im.vertex_index.size());
    for (const auto& [iri, v] : im.vertex_index) out.push_back(&im.graph[v]);
    return out;
}

std::vector<EdgeView> KnowledgeGraph::edges() const {
    const Impl& im = impl();
    std::vector<EdgeView> out;
    out.reserve(im.edge_index.size());
    for (const auto& [key, e] : im.edge_index)
        out.push_back(EdgeView{im.graph[boost::source(e, im.graph)], im.graph[e],
                               im.graph[boost::target(e, im.graph)]});
    return out;
}

const std::vector<ArticleInfo>& KnowledgeGraph::articles() const { return impl().articles; }

void KnowledgeGraph::add_article(const ArticleInfo& article) {
    auto& list = mutable_impl().articles;
    const auto it = std::lower_bound(
        list.begin(), list.end(), article.id,
        [](const ArticleInfo& a, const std::string& id) { return a.id < id; });
    if (it != list.end() && it->id == article.id)
        detail::join(*it, article);
    else
        list.insert(it, article);
}

std::string article_iri(const std::string& base_iri, const std::string& article_id) {
    return normalised_base(base_iri) + "article/" + percent_encode(article_id);
}

} // namespace newskg
