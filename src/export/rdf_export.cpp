// RDF export: the knowledge graph as a librdf model, serialised as Turtle or N-Triples.
//
// Every edge is written twice. The direct triple (subject nkg:attacked object) lets a
// reader query the graph with plain SPARQL patterns; the qualified node carries what a
// triple cannot: the CAMEO code and scores, the date, the confidence and rule, the
// speaker, the flags, and the sentence it was read from with its article. A negated
// edge ("did not attack") gets only the qualified node: asserting the direct triple
// would state the opposite of the text.
//
// Determinism: qualified-node IRIs are a hash of what identifies the reading (subject,
// predicate, object, CAMEO code, negation, article, sentence), never a counter or a
// blank node; N-Triples lines are sorted; the Turtle serializer of raptor orders
// subjects and predicates by comparing IRIs and literals as strings, so its output does
// not depend on the order the model was filled in (tests check this by filling the model
// in two orders).
#include "newskg/export/rdf.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "newskg/core/error.hpp"
#include "rdf/rdf.hpp"

namespace newskg {

namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
constexpr std::string_view kSchema = "https://schema.org/";
constexpr std::string_view kCameoNs = "https://newskg.org/cameo/";

std::string cat(std::string_view a, std::string_view b) {
    std::string s(a);
    s += b;
    return s;
}

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

/// 64-bit FNV-1a over the parts, each terminated by a 0 byte so that ("ab","c") and
/// ("a","bc") differ. Stable across runs and platforms, unlike std::hash.
std::string hash_id(const std::vector<std::string_view>& parts) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&](unsigned char c) {
        h ^= c;
        h *= 0x100000001b3ull;
    };
    for (auto p : parts) {
        for (unsigned char c : p) mix(c);
        mix(0);
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kHex[h & 15];
        h >>= 4;
    }
    return out;
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
class Builder {
  public:
    Builder(const Ontology& ontology, std::string base)
        : ontology_(ontology), base_(std::move(base)), storage_(rdf::Storage::in_memory(world_)),
          model_(world_, storage_), xsd_date_(world_, cat(kXsd, "date")),
          xsd_year_month_(world_, cat(kXsd, "gYearMonth")), xsd_year_(world_, cat(kXsd, "gYear")),
          xsd_integer_(world_, cat(kXsd, "integer")), xsd_decimal_(world_, cat(kXsd, "decimal")),
          xsd_non_negative_(world_, cat(kXsd, "nonNegativeInteger")),
          xsd_positive_(world_, cat(kXsd, "positiveInteger")), xsd_any_uri_(world_, cat(kXsd, "anyURI")) {}

    rdf::World& world() { return world_; }
    const rdf::Model& model() const { return model_; }
    const std::string& base() const { return base_; }

    void add_iri(const std::string& s, std::string_view p, const std::string& o) {
        model_.add(node(s), rdf::Node::iri(world_, p), node(o));
    }
    void add_text(const std::string& s, std::string_view p, std::string_view text) {
        model_.add(node(s), rdf::Node::iri(world_, p), rdf::Node::literal(world_, text));
    }
    void add_typed(const std::string& s, std::string_view p, std::string_view text, const rdf::Uri& dt) {
        model_.add(node(s), rdf::Node::iri(world_, p), rdf::Node::typed_literal(world_, text, dt));
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
        add_iri(iri, cat(kRdf, "type"), cat(kSchema, "Organization"));
        add_text(iri, cat(kSchema, "name"), name);
        return iri;
    }

  private:
    rdf::Node node(const std::string& iri) { return rdf::Node::iri(world_, safe_iri(iri)); }

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
};

const std::array<std::pair<unsigned, std::string_view>, 5> kFlagNames{{
    {kNegated, "negated"},
    {kHedged, "hedged"},
    {kReported, "reported"},
    {kConditional, "conditional"},
    {kHeadline, "headline"},
}};

void add_actors(Builder& b, const KnowledgeGraph& g) {
    const std::string rdf_type = cat(kRdf, "type");
    for (const EntityNode* n : g.nodes()) {
        b.add_iri(n->iri, rdf_type, cat(kOntologyNs, to_string(n->type)));
        if (!n->label.empty()) {
            b.add_text(n->iri, cat(kSkos, "prefLabel"), n->label);
            b.add_text(n->iri, cat(kRdfs, "label"), n->label);
        }
        for (const auto& alias : n->aliases) b.add_text(n->iri, cat(kSkos, "altLabel"), alias);
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
        b.add_iri(iri, rdf_type, cat(kSchema, "NewsArticle"));
        b.add_iri(iri, rdf_type, cat(kProv, "Entity"));
        b.add_text(iri, cat(kSchema, "identifier"), a.id);
        if (!a.title.empty()) b.add_text(iri, cat(kSchema, "headline"), a.title);
        if (a.published) b.add_date(iri, cat(kSchema, "datePublished"), *a.published);
        if (!a.outlet.empty()) b.add_iri(iri, cat(kSchema, "publisher"), b.outlet_iri(a.outlet));
        for (const auto& agency : a.agencies)
            if (!agency.empty()) b.add_iri(iri, cat(kOntologyNs, "agency"), b.outlet_iri(agency));
        if (!a.url.empty()) b.add_url(iri, cat(kSchema, "url"), a.url);
    }
    // schema:mentions from each article to the actors it names.
    for (const EntityNode* n : g.nodes())
        for (const auto& id : n->articles) {
            auto it = iris.find(id);
            b.add_iri(it != iris.end() ? it->second : article_iri(b.base(), id), cat(kSchema, "mentions"),
                      n->iri);
        }
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
        if (!negated) b.add_iri(e.subject.iri, predicate, e.object.iri);

        // One qualified node per piece of evidence; an edge without evidence (added by
        // hand) still gets one, so its scores are not lost.
        std::vector<const Evidence*> evidence;
        for (const auto& ev : r.evidence) evidence.push_back(&ev);
        if (evidence.empty()) evidence.push_back(nullptr);
        for (const Evidence* ev : evidence) {
            const std::string sentence = ev ? std::to_string(ev->sentence) : std::string();
            const std::string id =
                b.base() + "statement/" +
                hash_id({e.subject.iri, r.predicate, e.object.iri, r.cameo, negated ? "negated" : "",
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
                if (!ev->document.empty()) {
                    auto it = articles.find(ev->document);
                    b.add_iri(id, cat(kProv, "wasDerivedFrom"),
                              it != articles.end() ? it->second : article_iri(b.base(), ev->document));
                }
            }
        }
    }
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

} // namespace

std::string to_rdf(const KnowledgeGraph& graph, const Ontology& ontology, RdfSyntax syntax,
                   const std::string& base_iri) {
    Builder b(ontology, base_of(base_iri));
    add_actors(b, graph);
    auto articles = add_articles(b, graph);
    add_edges(b, graph, ontology, articles);

    if (syntax == RdfSyntax::NTriples) {
        rdf::Serializer ser(b.world(), "ntriples");
        return sorted_lines(ser.to_string(b.model()));
    }
    rdf::Serializer ser(b.world(), "turtle");
    // Declared in a fixed order: raptor writes the @prefix lines in this order. rdf: is
    // not declared: raptor's Turtle serializer always declares it and refuses it twice.
    ser.set_namespace("rdfs", kRdfs);
    ser.set_namespace("xsd", kXsd);
    ser.set_namespace("skos", kSkos);
    ser.set_namespace("prov", kProv);
    ser.set_namespace("schema", kSchema);
    ser.set_namespace("nkg", kOntologyNs);
    ser.set_namespace("cameo", kCameoNs);
    ser.set_namespace("country", cat(kActorNs, "country/"));
    ser.set_namespace("org", cat(kActorNs, "org/"));
    ser.set_namespace("loc", cat(kActorNs, "location/"));
    // The base of minted IRIs gets a prefix of its own unless it is one of the above.
    if (b.base() != kOntologyNs && b.base().rfind(kActorNs, 0) != 0) ser.set_namespace("kg", b.base());
    return ser.to_string(b.model());
}

} // namespace newskg
