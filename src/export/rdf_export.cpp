// RDF export: the knowledge graph as a librdf model, serialised as Turtle or N-Triples.
//
// Every edge is written twice. The direct triple (subject nkg:attacked object) lets a
// reader query the graph with plain SPARQL patterns; the qualified node carries what a
// triple cannot: the CAMEO code and scores, the date, the confidence and rule, the
// speaker, the flags, and the sentence it was read from with its article. A negated
// edge ("did not attack") gets only the qualified node: asserting the direct triple
// would state the opposite of the text.
//
// Datasets (N-Quads, TriG, and JSON-LD through to_quads) hold the same triples,
// each in exactly one graph, so the union of a dataset's graphs is the Turtle export:
//   - the default graph holds what the articles agree on as a whole: the actors
//     (types, labels, codes), the outlets, and the direct triples, each stated once
//     however many articles support it;
//   - the graph named by an article's IRI holds what that article contributes: its own
//     description (headline, date, publisher, schema:mentions) and the qualified node
//     of every reading taken from it, with its evidence sentence.
// A direct triple is not repeated in each supporting article's graph: its qualified
// nodes already record which articles state it, and a triple in several graphs would
// make a dataset's quad count differ from the triple count of the other syntaxes. A
// qualified node without evidence (an edge added by hand) has no article and stays in
// the default graph.
//
// Determinism: qualified-node IRIs are a hash of what identifies the reading (subject,
// predicate, object, CAMEO code, negation, article, sentence), never a counter or a
// blank node; N-Triples lines are sorted; the Turtle serializer of raptor orders
// subjects and predicates by comparing IRIs and literals as strings, so its output does
// not depend on the order the model was filled in (tests check this by filling the model
// in two orders).
#include "newskg/export/rdf.hpp"
#include "newskg/core/article_ids.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "export/utf8.hpp"
#include "newskg/core/error.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "rdf/rdf.hpp"

namespace newskg {

namespace {

using vocab::kProv;
using vocab::kRdf;
using vocab::kRdfs;
using vocab::kSchema;
using vocab::kSkos;
using vocab::kXsd;
constexpr std::string_view kCameoNs = vocab::kCameo;
constexpr auto cat = vocab::iri;

/// Percent-encodes the bytes an IRI may not contain (RFC 3987: controls, space and
/// <>"{}|\^`). Graph IRIs are minted by other stages from article text; one stray space
/// would make the N-Triples unreadable, so the exporter does not trust them blindly.
std::string safe_iri(std::string_view iri) {
    static constexpr std::string_view kBad = "<>\"{}|\\^`";
    std::string out;
    out.reserve(iri.size());
    for (unsigned char c : iri) {
        if (c <= 0x20 || c == 0x7f || kBad.find(static_cast<char>(c)) != std::string_view::npos) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

/// A lower-case slug for minted IRIs: ASCII letters and digits, other runs become '-'.
std::string slug(std::string_view s) {
    std::string out;
    bool dash = false;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
            dash = false;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            dash = false;
        } else if (!out.empty() && !dash) {
            out += '-';
            dash = true;
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "unnamed" : out;
}


/// xsd:decimal lexical form: fixed notation (no exponent), at most 6 decimals, trailing
/// zeros trimmed but one kept after the point. to_chars ignores the C locale, so a
/// German LC_NUMERIC cannot turn the point into a comma.
std::string decimal(double v) {
    std::array<char, 64> buf{};
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 6);
    std::string s = ec == std::errc() ? std::string(buf.data(), end) : std::string("0.0");
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s += '0';
    }
    if (s == "-0.0") s = "0.0";
    return s;
}

std::string base_of(const std::string& base_iri) {
    std::string b = base_iri.empty() ? std::string(kDefaultBaseIri) : base_iri;
    if (b.back() != '/' && b.back() != '#') b += '/';
    return b;
}

/// Builds the model: holds the librdf objects and the datatype URIs used over and over.
/// With `graphs`, statements go to the named graph set by set_graph (a dataset);
/// without, set_graph is ignored and the model is a plain graph in librdf's faster
/// storage, as the triple syntaxes need.
class Builder {
  public:
    Builder(const Ontology& ontology, std::string base, bool graphs = false)
        : ontology_(ontology), base_(std::move(base)),
          storage_(graphs ? rdf::Storage::in_memory_with_contexts(world_) : rdf::Storage::in_memory(world_)),
          model_(world_, storage_), xsd_date_(world_, cat(kXsd, "date")),
          xsd_year_month_(world_, cat(kXsd, "gYearMonth")), xsd_year_(world_, cat(kXsd, "gYear")),
          xsd_integer_(world_, cat(kXsd, "integer")), xsd_decimal_(world_, cat(kXsd, "decimal")),
          xsd_non_negative_(world_, cat(kXsd, "nonNegativeInteger")),
          xsd_positive_(world_, cat(kXsd, "positiveInteger")), xsd_any_uri_(world_, cat(kXsd, "anyURI")),
          graphs_(graphs) {}

    rdf::World& world() { return world_; }
    const rdf::Model& model() const { return model_; }
    const std::string& base() const { return base_; }

    /// The graph the next statements go to: an article IRI, or empty for the default
    /// graph. Returns the previous one, so a caller can put it back.
    std::string set_graph(std::string iri) {
        std::swap(graph_, iri);
        return iri;
    }

    void add_iri(const std::string& s, std::string_view p, const std::string& o) {
        add(node(s), rdf::Node::iri(world_, p), node(o));
    }
    /// For RDF/XML: literal text limited to the characters XML 1.0 can carry (raptor
    /// refuses to write a control character, failing the whole export for one stray
    /// byte of an article). Other syntaxes escape every character and keep the text.
    void xml_literals(bool on) { xml_ = on; }

    void add_text(const std::string& s, std::string_view p, std::string_view text) {
        add(node(s), rdf::Node::iri(world_, p), rdf::Node::literal(world_, literal_text(text)));
    }
    /// Names of actors: the articles newskg reads are English, and a language tag lets
    /// SPARQL clients pick labels by language (langMatches) beside other datasets'.
    void add_english(const std::string& s, std::string_view p, std::string_view text) {
        add(node(s), rdf::Node::iri(world_, p), rdf::Node::literal(world_, literal_text(text), "en"));
    }
    void add_typed(const std::string& s, std::string_view p, std::string_view text, const rdf::Uri& dt) {
        add(node(s), rdf::Node::iri(world_, p), rdf::Node::typed_literal(world_, literal_text(text), dt));
    }
    void add_date(const std::string& s, std::string_view p, const DateValue& d) {
        const rdf::Uri& dt = d.month == 0 ? xsd_year_ : d.day == 0 ? xsd_year_month_ : xsd_date_;
        add_typed(s, p, d.iso(), dt);
    }
    void add_integer(const std::string& s, std::string_view p, long long v) {
        add_typed(s, p, std::to_string(v), xsd_integer_);
    }
    void add_count(const std::string& s, std::string_view p, std::size_t v, bool positive) {
        add_typed(s, p, std::to_string(v), positive ? xsd_positive_ : xsd_non_negative_);
    }
    void add_decimal(const std::string& s, std::string_view p, double v) {
        add_typed(s, p, decimal(v), xsd_decimal_);
    }
    void add_url(const std::string& s, std::string_view p, std::string_view url) {
        // A literal, not an IRI node: article URLs come from the input as written and
        // may not be valid IRIs; xsd:anyURI keeps them verbatim and the output valid.
        add_typed(s, p, url, xsd_any_uri_);
    }

    /// The IRI of the publisher or agency called `name`: the gazetteer's when an
    /// organisation there has that name or acronym, else one minted under the base.
    std::string outlet_iri(const std::string& name) {
        if (auto it = outlets_.find(name); it != outlets_.end()) return it->second;
        std::string iri;
        for (const auto& e : ontology_.gazetteer()) {
            if (e.type != ActorType::Organization) continue;
            bool match = std::find(e.names.begin(), e.names.end(), name) != e.names.end() ||
                         std::find(e.acronyms.begin(), e.acronyms.end(), name) != e.acronyms.end();
            if (match) {
                iri = e.iri;
                break;
            }
        }
        if (iri.empty()) iri = base_ + "outlet/" + slug(name);
        outlets_.emplace(name, iri);
        // An outlet is shared by the articles that name it, so it is described once, in
        // the default graph, whichever article's graph is being filled.
        std::string article_graph = set_graph({});
        add_iri(iri, cat(kRdf, "type"), cat(kSchema, "Organization"));
        add_text(iri, cat(kSchema, "name"), name);
        set_graph(std::move(article_graph));
        return iri;
    }

  private:
    rdf::Node node(const std::string& iri) { return rdf::Node::iri(world_, safe_iri(iri)); }
    std::string literal_text(std::string_view text) const {
        return xml_ ? detail::xml_text(std::string(text)) : std::string(text);
    }

    void add(rdf::Node s, rdf::Node p, rdf::Node o) {
        if (graphs_ && !graph_.empty())
            model_.add(std::move(s), std::move(p), std::move(o), node(graph_));
        else
            model_.add(std::move(s), std::move(p), std::move(o));
    }

    const Ontology& ontology_;
    std::string base_;
    // Declaration order is destruction order reversed: the world must outlive the
    // storage, the model and the URIs made from it.
    rdf::World world_;
    rdf::Storage storage_;
    rdf::Model model_;
    rdf::Uri xsd_date_, xsd_year_month_, xsd_year_, xsd_integer_, xsd_decimal_, xsd_non_negative_,
        xsd_positive_, xsd_any_uri_;
    std::map<std::string, std::string> outlets_;
    bool graphs_ = false;
    bool xml_ = false;
    std::string graph_; ///< current named graph; empty = default graph
};


void add_actors(Builder& b, const KnowledgeGraph& g) {
    const std::string rdf_type = cat(kRdf, "type");
    for (const EntityNode* n : g.nodes()) {
        b.add_iri(n->iri, rdf_type, cat(kOntologyNs, to_string(n->type)));
        if (!n->label.empty()) {
            b.add_english(n->iri, cat(kSkos, "prefLabel"), n->label);
            b.add_english(n->iri, cat(kRdfs, "label"), n->label);
        }
        for (const auto& alias : n->aliases) b.add_english(n->iri, cat(kSkos, "altLabel"), alias);
        if (!n->country_code.empty()) b.add_text(n->iri, cat(kOntologyNs, "isoCode"), n->country_code);
    }
}

/// Adds the articles; returns their IRIs by article id, for the evidence.
std::map<std::string, std::string> add_articles(Builder& b, const KnowledgeGraph& g) {
    const std::string rdf_type = cat(kRdf, "type");
    std::map<std::string, std::string> iris;
    for (const ArticleInfo& a : g.articles()) {
        const std::string iri = a.iri.empty() ? article_iri(b.base(), a.id) : a.iri;
        iris.emplace(a.id, iri);
        b.set_graph(iri);
        b.add_iri(iri, rdf_type, cat(kSchema, "NewsArticle"));
        b.add_iri(iri, rdf_type, cat(kProv, "Entity"));
        b.add_text(iri, cat(kSchema, "identifier"), a.id);
        if (!a.title.empty()) b.add_text(iri, cat(kSchema, "headline"), a.title);
        if (a.published) b.add_date(iri, cat(kSchema, "datePublished"), *a.published);
        if (!a.outlet.empty()) b.add_iri(iri, cat(kSchema, "publisher"), b.outlet_iri(a.outlet));
        for (const auto& agency : a.agencies)
            if (!agency.empty()) b.add_iri(iri, cat(kOntologyNs, "agency"), b.outlet_iri(agency));
        // Authors are people named by the byline, not actors of the graph: literal names.
        for (const auto& author : a.authors)
            if (!author.empty()) b.add_text(iri, cat(kSchema, "author"), author);
        if (!a.url.empty()) b.add_url(iri, cat(kSchema, "url"), a.url);
    }
    // schema:mentions from each article to the actors it names.
    for (const EntityNode* n : g.nodes())
        for (const auto& id : n->articles) {
            auto it = iris.find(id);
            const std::string article = it != iris.end() ? it->second : article_iri(b.base(), id);
            b.set_graph(article);
            b.add_iri(article, cat(kSchema, "mentions"), n->iri);
        }
    b.set_graph({});
    return iris;
}

void add_edges(Builder& b, const KnowledgeGraph& g, const Ontology& ontology,
               const std::map<std::string, std::string>& articles) {
    const std::string rdf_type = cat(kRdf, "type");
    auto nkg = [](std::string_view local) { return cat(kOntologyNs, local); };
    for (const EdgeView& e : g.edges()) {
        const RelationEdge& r = e.relation;
        const RelationType* type = ontology.relation(r.predicate);
        const std::string predicate = type ? type->iri : nkg(r.predicate);
        const bool negated = (r.flags & kNegated) != 0;
        b.set_graph({});
        if (!negated) b.add_iri(e.subject.iri, predicate, e.object.iri);

        // One qualified node per piece of evidence; an edge without evidence (added by
        // hand) still gets one, so its scores are not lost.
        std::vector<const Evidence*> evidence;
        for (const auto& ev : r.evidence) evidence.push_back(&ev);
        if (evidence.empty()) evidence.push_back(nullptr);
        for (const Evidence* ev : evidence) {
            // The article the reading comes from, whose graph the qualified node goes to.
            std::string source;
            if (ev && !ev->document.empty()) {
                auto it = articles.find(ev->document);
                source = it != articles.end() ? it->second : article_iri(b.base(), ev->document);
            }
            b.set_graph(source);
            const std::string sentence = ev ? std::to_string(ev->sentence) : std::string();
            const std::string id =
                b.base() + "statement/" +
                stable_hash_hex({e.subject.iri, r.predicate, e.object.iri, r.cameo, negated ? "negated" : "",
                                 ev ? std::string_view(ev->document) : std::string_view(), sentence});
            b.add_iri(id, rdf_type, r.is_event() ? nkg("Event") : nkg("StandingRelationStatement"));
            b.add_iri(id, nkg("subject"), e.subject.iri);
            b.add_iri(id, nkg("object"), e.object.iri);
            b.add_iri(id, nkg("predicate"), predicate);
            if (r.is_event()) {
                b.add_text(id, nkg("cameoCode"), r.cameo);
                if (ontology.cameo(r.cameo)) b.add_iri(id, nkg("cameoConcept"), cat(kCameoNs, r.cameo));
                b.add_integer(id, nkg("quadClass"), r.quad_class);
                b.add_decimal(id, nkg("goldstein"), r.goldstein);
            }
            if (r.date) b.add_date(id, nkg("date"), *r.date);
            if (r.last_date && (!r.date || *r.last_date != *r.date)) b.add_date(id, nkg("lastDate"), *r.last_date);
            b.add_decimal(id, nkg("confidence"), r.confidence);
            if (!r.rule.empty()) b.add_text(id, nkg("rule"), r.rule);
            if (!r.speaker_iri.empty()) b.add_iri(id, nkg("speaker"), r.speaker_iri);
            for (const auto& [bit, name] : kFlagNames)
                if (r.flags & bit) b.add_text(id, nkg("flag"), name);
            if (r.mention_count > 0) b.add_count(id, nkg("mentionCount"), r.mention_count, true);
            if (ev) {
                if (!ev->text.empty()) b.add_text(id, nkg("evidenceText"), ev->text);
                b.add_count(id, nkg("evidenceStart"), ev->span.begin, false);
                b.add_count(id, nkg("evidenceEnd"), ev->span.end, false);
                b.add_count(id, nkg("sentenceIndex"), ev->sentence, false);
                if (!source.empty()) b.add_iri(id, cat(kProv, "wasDerivedFrom"), source);
            }
        }
    }
    b.set_graph({});
}

/// N-Triples with its lines sorted: librdf writes statements in storage order, which
/// follows its hash tables, not the content.
std::string sorted_lines(const std::string& text) {
    std::vector<std::string_view> lines;
    std::string_view rest(text);
    while (!rest.empty()) {
        std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        if (!line.empty()) lines.push_back(line);
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    std::string out;
    out.reserve(text.size());
    for (auto l : lines) {
        out += l;
        out += '\n';
    }
    return out;
}

/// Declares the prefixes of the abbreviating syntaxes (Turtle, TriG, RDF/XML), in a
/// fixed order: raptor writes them in this order. rdf: is not declared: raptor's
/// serializers always declare it and refuse it twice.
void declare_prefixes(rdf::Serializer& ser, const std::string& base) {
    for (const auto& p : vocab::kVocabularyPrefixes)
        if (p.name != "rdf") ser.set_namespace(std::string(p.name), p.iri);
    for (const auto& p : vocab::kActorPrefixes) ser.set_namespace(std::string(p.name), p.iri);
    // The base of minted IRIs gets a prefix of its own unless it is one of the above.
    if (base != kOntologyNs && base.rfind(kActorNs, 0) != 0) ser.set_namespace("kg", base);
}

void build(Builder& b, const KnowledgeGraph& graph, const Ontology& ontology) {
    add_actors(b, graph);
    auto articles = add_articles(b, graph);
    add_edges(b, graph, ontology, articles);
}

/// The graph of the stream's current statement: its IRI, empty for the default graph.
std::string graph_of(const rdf::Stream& st) {
    const rdf::NodeRef ctx = st.context();
    if (ctx.is_null()) return {};
    // Graph names are article IRIs; a blank graph name cannot come from the builder but
    // is kept apart from the default graph all the same.
    return ctx.is_iri() ? std::string(ctx.iri()) : "_:" + std::string(ctx.blank_id());
}

/// TriG: the prefixes, the default graph, then one block per named graph in IRI order.
/// raptor 2.0 has no TriG serializer, but a Turtle document without its @prefix lines
/// is a valid TriG graph body, so each graph is copied into a model of its own and
/// written by librdf's Turtle serializer, whose prefix block goes once to the top.
std::string write_trig(Builder& b) {
    struct Part {
        rdf::Storage storage;
        rdf::Model model;
        explicit Part(rdf::World& w) : storage(rdf::Storage::in_memory(w)), model(w, storage) {}
    };
    std::map<std::string, std::unique_ptr<Part>> parts; // "" (the default graph) first
    parts.emplace(std::string(), std::make_unique<Part>(b.world()));
    for (rdf::Stream st = b.model().statements(); !st.end(); st.next()) {
        auto& part = parts[graph_of(st)];
        if (!part) part = std::make_unique<Part>(b.world());
        part->model.add(st.current());
    }

    std::vector<std::string> prefixes; // in the order raptor writes them
    std::string body;
    for (const auto& [name, part] : parts) {
        rdf::Serializer ser(b.world(), "turtle");
        declare_prefixes(ser, b.base());
        const std::string ttl = ser.to_string(part->model);
        // Split the leading directive lines from the triples.
        std::size_t pos = 0;
        while (pos < ttl.size()) {
            const std::size_t nl = ttl.find('\n', pos);
            const std::size_t end = nl == std::string::npos ? ttl.size() : nl + 1;
            std::string_view line(ttl.data() + pos, end - pos);
            if (line.rfind("@prefix ", 0) == 0) {
                std::string l(line);
                if (std::find(prefixes.begin(), prefixes.end(), l) == prefixes.end()) prefixes.push_back(l);
            } else if (line.find_first_not_of(" \t\r\n") != std::string_view::npos) {
                break;
            }
            pos = end;
        }
        std::string triples = ttl.substr(pos);
        while (!triples.empty() && (triples.back() == '\n' || triples.back() == ' ')) triples.pop_back();
        if (name.empty()) {
            if (!triples.empty()) body += triples + "\n\n";
        } else {
            body += (name.rfind("_:", 0) == 0 ? name : "<" + name + ">") + " {\n" + triples + "\n}\n\n";
        }
    }
    std::string out;
    for (const auto& p : prefixes) out += p;
    if (!body.empty()) {
        body.pop_back(); // one newline at the end, not a blank line
        out += "\n" + body;
    }
    return out;
}

} // namespace

std::vector<Quad> to_quads(const KnowledgeGraph& graph, const Ontology& ontology, const std::string& base_iri) {
    Builder b(ontology, base_of(base_iri), true);
    build(b, graph, ontology);
    std::vector<Quad> quads;
    for (rdf::Stream st = b.model().statements(); !st.end(); st.next()) {
        const rdf::StatementRef s = st.current();
        quads.push_back({s.subject().term(), s.predicate().term(), s.object().term(), graph_of(st)});
    }
    return quads;
}

std::string to_rdf(const KnowledgeGraph& graph, const Ontology& ontology, RdfSyntax syntax,
                   const std::string& base_iri) {
    const bool dataset = syntax == RdfSyntax::NQuads || syntax == RdfSyntax::TriG;
    Builder b(ontology, base_of(base_iri), dataset);
    b.xml_literals(syntax == RdfSyntax::RdfXml);
    build(b, graph, ontology);

    switch (syntax) {
    case RdfSyntax::NTriples:
    case RdfSyntax::NQuads: {
        // librdf writes statements in storage order, which follows its hash tables or
        // node addresses rather than the content; sorted lines are the same every run.
        rdf::Serializer ser(b.world(), syntax == RdfSyntax::NQuads ? "nquads" : "ntriples");
        return sorted_lines(ser.to_string(b.model()));
    }
    case RdfSyntax::TriG: return write_trig(b);
    case RdfSyntax::RdfXml: {
        // The abbreviated writer: one element per subject, typed by its class
        // (<nkg:Country rdf:about=...>), subjects and properties in sorted order like
        // the Turtle writer, so the output does not depend on the storage order either.
        rdf::Serializer ser(b.world(), "rdfxml-abbrev");
        declare_prefixes(ser, b.base());
        return ser.to_string(b.model());
    }
    case RdfSyntax::Turtle: break;
    }
    rdf::Serializer ser(b.world(), "turtle");
    declare_prefixes(ser, b.base());
    return ser.to_string(b.model());
}

} // namespace newskg
