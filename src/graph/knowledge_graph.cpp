#include "graph/knowledge_graph_impl.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "core/sorted_merge.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

/// Keeps a list usable as a set: sorted, without duplicates or empty strings.
void sort_unique(std::vector<std::string>& v) {
    v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// Establishes the EntityNode invariants (aliases sorted, unique, label excluded;
/// articles sorted, unique) whatever the caller handed in.
void normalise(EntityNode& n) {
    sort_unique(n.aliases);
    n.aliases.erase(std::remove(n.aliases.begin(), n.aliases.end(), n.label), n.aliases.end());
    sort_unique(n.articles);
}

using detail::merge_sorted;

void merge_into(EntityNode& into, const EntityNode& from) {
    // The first label seen stays the label (a graph built in the same order always names
    // a node the same way); every other spelling is kept as an alias so that scoring and
    // search still find the node by it.
    if (into.label.empty())
        into.label = from.label;
    else if (from.label != into.label)
        into.aliases.push_back(from.label);
    into.aliases.insert(into.aliases.end(), from.aliases.begin(), from.aliases.end());
    // A generic Actor is what the recogniser says when it could not type a name; any
    // specific type seen elsewhere is better information.
    if (into.type == ActorType::Actor) into.type = from.type;
    if (into.country_code.empty()) into.country_code = from.country_code;
    sort_unique(into.aliases);
    into.aliases.erase(std::remove(into.aliases.begin(), into.aliases.end(), into.label),
                       into.aliases.end());
    std::vector<std::string> articles = from.articles;
    articles.erase(std::remove(articles.begin(), articles.end(), std::string()), articles.end());
    merge_sorted(into.articles, std::move(articles), std::less<std::string>(),
                 std::equal_to<std::string>());
}

bool evidence_less(const Evidence& a, const Evidence& b) {
    if (a.document != b.document) return a.document < b.document;
    return a.sentence < b.sentence;
}
bool same_evidence(const Evidence& a, const Evidence& b) {
    return a.document == b.document && a.sentence == b.sentence;
}

/// One evidence item per (document, sentence): two rules reading the same relation off
/// the same sentence are one mention, not two. Sorted so the order does not depend on
/// the order the articles were added in.
void normalise_evidence(std::vector<Evidence>& ev) {
    std::stable_sort(ev.begin(), ev.end(), evidence_less);
    ev.erase(std::unique(ev.begin(), ev.end(), same_evidence), ev.end());
}

std::optional<DateValue> min_date(const std::optional<DateValue>& a,
                                  const std::optional<DateValue>& b) {
    if (!a) return b;
    if (!b) return a;
    return *b < *a ? b : a;
}
std::optional<DateValue> max_date(const std::optional<DateValue>& a,
                                  const std::optional<DateValue>& b) {
    if (!a) return b;
    if (!b) return a;
    return *a < *b ? b : a;
}

/// Makes a stand-alone edge consistent: date ≤ last_date, evidence de-duplicated, and
/// mention_count equal to the evidence when there is any (an edge built by hand without
/// evidence keeps the count it was given, at least one).
void normalise(RelationEdge& e) {
    normalise_evidence(e.evidence);
    const auto first = min_date(e.date, e.last_date);
    const auto last = max_date(e.date, e.last_date);
    e.date = first;
    e.last_date = last;
    if (!e.evidence.empty())
        e.mention_count = e.evidence.size();
    else if (e.mention_count == 0)
        e.mention_count = 1;
}

/// Flags a merged relation keeps when *any* mention has them: a headline mention is a
/// fact about where it was read. Negation is part of the edge key, so both sides agree.
constexpr unsigned kAnyFlags = kNegated | kHeadline;
/// Flags it keeps only when *every* mention has them: one plain statement of a relation
/// outweighs a hedged, conditional or second-hand one, so the merged relation is hedged
/// (reported, conditional) only if nothing said it outright.
constexpr unsigned kAllFlags = kHedged | kReported | kConditional | kAlleged;

void merge_into(RelationEdge& into, const RelationEdge& from) {
    const std::size_t before = into.evidence.size();
    const bool had_evidence = before > 0 || !from.evidence.empty();
    merge_sorted(into.evidence, from.evidence, evidence_less, same_evidence);
    if (had_evidence)
        into.mention_count = into.evidence.size();
    else
        into.mention_count += std::max<std::size_t>(from.mention_count, 1);

    into.date = min_date(min_date(into.date, from.date), from.last_date);
    into.last_date = max_date(max_date(into.last_date, from.last_date), from.date);

    // The rule reported is the one behind the confidence reported.
    if (from.confidence > into.confidence) {
        into.confidence = from.confidence;
        into.rule = from.rule;
    } else if (into.rule.empty()) {
        into.rule = from.rule;
    }
    if (into.quad_class == 0 && from.quad_class != 0) {
        into.quad_class = from.quad_class;
        into.goldstein = from.goldstein;
    }

    const unsigned any = into.flags | from.flags;
    const unsigned all = into.flags & from.flags;
    const unsigned merged = (any & ~kAllFlags) | (all & kAllFlags);
    if (merged & kReported) {
        if (into.speaker_iri.empty()) into.speaker_iri = from.speaker_iri;
    } else if (any & kReported) {
        // Someone also stated it outright: it is no longer only that speaker's claim.
        into.speaker_iri.clear();
    } else if (into.speaker_iri.empty()) {
        into.speaker_iri = from.speaker_iri;
    }
    into.flags = merged;
}

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

    for (const Relation& r : extraction.relations) {
        RelationEdge edge;
        edge.predicate = r.predicate;
        edge.cameo = r.cameo;
        edge.quad_class = r.quad_class;
        edge.goldstein = r.goldstein;
        edge.evidence = r.evidence;
        for (Evidence& ev : edge.evidence)
            if (ev.document.empty()) ev.document = doc.id;
        edge.date = r.date;
        edge.last_date = r.date;
        edge.rule = r.rule;
        edge.confidence = r.confidence;
        if (r.speaker) edge.speaker_iri = resolve(*r.speaker, "speaker");
        edge.flags = r.flags;
        edge.mention_count = 1;
        upsert_edge(resolve(r.subject, "subject"), edge, resolve(r.object, "object"));
    }
}

const EntityNode& KnowledgeGraph::upsert_node(const EntityNode& node) {
    if (node.iri.empty()) throw std::invalid_argument("knowledge graph node without an IRI");
    Impl& im = mutable_impl();
    const auto it = im.vertex_index.find(node.iri);
    if (it != im.vertex_index.end()) {
        EntityNode& existing = im.graph[it->second];
        merge_into(existing, node);
        return existing;
    }
    EntityNode fresh = node;
    normalise(fresh);
    const Impl::Vertex v = boost::add_vertex(std::move(fresh), im.graph);
    im.vertex_index.emplace(node.iri, v);
    return im.graph[v];
}

void KnowledgeGraph::upsert_edge(const std::string& subject_iri, const RelationEdge& edge,
                                 const std::string& object_iri) {
    Impl& im = mutable_impl();
    const Impl::Vertex s = im.vertex(subject_iri);
    const Impl::Vertex o = im.vertex(object_iri);
    Impl::EdgeKey key = Impl::key_of(subject_iri, edge, object_iri);
    const auto it = im.edge_index.find(key);
    if (it != im.edge_index.end()) {
        merge_into(im.graph[it->second], edge);
        return;
    }
    RelationEdge fresh = edge;
    normalise(fresh);
    const auto [e, added] = boost::add_edge(s, o, std::move(fresh), im.graph);
    (void)added; // always true: adjacency_list with vecS out-edges allows parallel edges
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
    // Adding an article again (a re-run over the same input) replaces what was known.
    if (it != list.end() && it->id == article.id)
        *it = article;
    else
        list.insert(it, article);
}

std::string article_iri(const std::string& base_iri, const std::string& article_id) {
    return normalised_base(base_iri) + "article/" + percent_encode(article_id);
}

} // namespace newskg
