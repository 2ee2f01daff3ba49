// Reading exported graphs back. The RDF is read into quads by the one RDF reader
// (io::read_quads), grouped by subject, and the KnowledgeGraph is
// rebuilt from the vocabulary src/export/rdf_export.cpp writes. Edges come from the
// qualified nodes, which carry everything an edge holds (one node per evidence item,
// each repeating the edge's scores, dates and flags); the direct triples add nothing.
#include "newskg/io/graph_files.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "newskg/core/error.hpp"
#include "newskg/export/json.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/rdf/vocabulary.hpp"
#include "io/rdf_triples.hpp"

namespace newskg {

namespace {

using detail::Description;
using detail::Descriptions;

using vocab::kRdfsLabel;
using vocab::kRdfType;
using vocab::kSchema;
using vocab::kSkos;
constexpr auto cat = vocab::iri;

const std::vector<Term>& values(const Description& d, const std::string& predicate) {
    static const std::vector<Term> none;
    const auto it = d.find(predicate);
    return it == d.end() ? none : it->second;
}

/// The first value of a property (the smallest, so a subject stated twice with different
/// values reads the same whatever order the parser gave them in).
std::optional<std::string> first(const Description& d, const std::string& predicate) {
    const auto& v = values(d, predicate);
    if (v.empty()) return std::nullopt;
    std::string best = v.front().text();
    for (const auto& x : v) best = std::min(best, x.text());
    return best;
}

/// Reads the values of one file, naming it and the subject in errors.
class Fields {
  public:
    Fields(const std::string& path, const std::string& subject, const Description& d)
        : path_(path), subject_(subject), d_(d) {}

    std::optional<std::string> text(std::string_view predicate) const {
        return first(d_, std::string(predicate));
    }
    std::vector<std::string> all(std::string_view predicate) const {
        std::vector<std::string> out;
        for (const auto& v : values(d_, std::string(predicate))) out.push_back(v.text());
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    std::optional<DateValue> date(std::string_view predicate) const {
        auto s = text(predicate);
        if (!s) return std::nullopt;
        auto d = DateValue::parse_iso(*s);
        if (!d) bad(predicate, "\"" + *s + "\" is not a date");
        return d;
    }
    template <class Number>
    std::optional<Number> number(std::string_view predicate) const {
        auto s = text(predicate);
        if (!s) return std::nullopt;
        Number n{};
        const char* b = s->data();
        const char* e = b + s->size();
        auto [end, ec] = std::from_chars(b, e, n);
        if (ec != std::errc() || end != e) bad(predicate, "\"" + *s + "\" is not a number");
        return n;
    }
    [[noreturn]] void bad(std::string_view predicate, const std::string& problem) const {
        throw parse_error(ids::parse::kGraphValue, path_, 0,
                          "<" + subject_ + "> <" + std::string(predicate) + ">: " + problem);
    }

  private:
    const std::string& path_;
    const std::string& subject_;
    const Description& d_;
};

bool has_type(const Description& d, std::string_view type) {
    for (const auto& v : values(d, std::string(kRdfType)))
        if (v.is_node() && v.text() == type) return true;
    return false;
}

/// The actor type of a subject typed nkg:<Type>, if it is one.
std::optional<ActorType> actor_type(const Description& d) {
    std::optional<ActorType> best;
    for (const auto& v : values(d, std::string(kRdfType))) {
        if (!v.is_node() || v.value.rfind(kOntologyNs, 0) != 0) continue;
        auto t = actor_type_from_string(std::string_view(v.value).substr(kOntologyNs.size()));
        // A subject typed twice (a generic and a specific class) is the specific one.
        if (t && (!best || *best == ActorType::Actor)) best = t;
    }
    return best;
}

KnowledgeGraph graph_from_rdf(const std::string& path, const Descriptions& triples,
                              const Ontology& ontology) {
    KnowledgeGraph g;
    const std::string nkg(kOntologyNs);
    auto name_of = [&](const std::string& iri) {
        auto it = triples.find(iri);
        if (it == triples.end()) return iri;
        return first(it->second, cat(kSchema, "name")).value_or(iri);
    };

    // Articles first: evidence and mentions name them by IRI, the graph by id.
    std::map<std::string, std::string> article_id; // IRI → id
    for (const auto& [subject, d] : triples) {
        if (!has_type(d, cat(kSchema, "NewsArticle"))) continue;
        Fields f(path, subject, d);
        ArticleInfo a;
        a.iri = subject;
        a.id = f.text(cat(kSchema, "identifier")).value_or(subject);
        a.title = f.text(cat(kSchema, "headline")).value_or("");
        a.published = f.date(cat(kSchema, "datePublished"));
        if (auto p = f.text(cat(kSchema, "publisher"))) a.outlet = name_of(*p);
        for (const auto& agency : f.all(nkg + "agency")) a.agencies.push_back(name_of(agency));
        std::sort(a.agencies.begin(), a.agencies.end());
        a.authors = f.all(cat(kSchema, "author"));
        a.url = f.text(cat(kSchema, "url")).value_or("");
        article_id[subject] = a.id;
        g.add_article(a);
    }
    auto id_of_article = [&](const std::string& iri) {
        auto it = article_id.find(iri);
        return it == article_id.end() ? iri : it->second;
    };

    // Which articles mention which actor.
    std::map<std::string, std::vector<std::string>> mentioned_in;
    for (const auto& [subject, d] : triples)
        for (const auto& v : values(d, cat(kSchema, "mentions")))
            if (v.is_node()) mentioned_in[v.text()].push_back(id_of_article(subject));

    for (const auto& [subject, d] : triples) {
        auto type = actor_type(d);
        if (!type) continue;
        Fields f(path, subject, d);
        EntityNode n;
        n.iri = subject;
        n.type = *type;
        n.label = f.text(cat(kSkos, "prefLabel")).value_or(f.text(kRdfsLabel).value_or(""));
        n.aliases = f.all(cat(kSkos, "altLabel"));
        n.country_code = f.text(nkg + "isoCode").value_or("");
        if (auto it = mentioned_in.find(subject); it != mentioned_in.end()) n.articles = it->second;
        g.upsert_node(n);
    }
    if (g.node_count() == 0 && g.articles().empty())
        throw parse_error(ids::parse::kNotAGraph, path, 0,
                          "RDF, but not a newskg graph: no actor (nkg:Person, nkg:Country …) and no "
                          "schema:NewsArticle in it");

    // Predicate IRI → the ontology's local name.
    std::map<std::string, std::string> predicate_name;
    for (const auto& r : ontology.relation_types()) predicate_name[r.iri] = r.name;

    for (const auto& [subject, d] : triples) {
        const bool event = has_type(d, nkg + "Event");
        if (!event && !has_type(d, nkg + "StandingRelationStatement")) continue;
        Fields f(path, subject, d);
        auto need = [&](const char* local) {
            auto v = f.text(nkg + local);
            if (!v) f.bad(nkg + local, "a qualified relation needs it");
            return *v;
        };
        const std::string s = need("subject"), o = need("object"), p = need("predicate");
        for (const auto& end : {s, o})
            if (!g.find(end)) f.bad(nkg + "subject", "<" + end + "> is not an actor of this graph");
        RelationEdge r;
        if (auto it = predicate_name.find(p); it != predicate_name.end())
            r.predicate = it->second;
        else if (p.rfind(nkg, 0) == 0)
            r.predicate = p.substr(nkg.size());
        else
            f.bad(nkg + "predicate", "<" + p + "> is not a property of the ontology");
        r.cameo = f.text(nkg + "cameoCode").value_or("");
        r.quad_class = f.number<int>(nkg + "quadClass").value_or(0);
        r.goldstein = f.number<double>(nkg + "goldstein").value_or(0.0);
        r.date = f.date(nkg + "date");
        r.last_date = f.date(nkg + "lastDate");
        if (!r.last_date) r.last_date = r.date;
        r.confidence = f.number<double>(nkg + "confidence").value_or(1.0);
        r.rule = f.text(nkg + "rule").value_or("");
        r.speaker_iri = f.text(nkg + "speaker").value_or("");
        for (const auto& flag : f.all(nkg + "flag")) {
            const unsigned bit = flag_named(flag);
            if (!bit) f.bad(nkg + "flag", "unknown flag \"" + flag + "\"");
            r.flags |= bit;
        }
        r.mention_count = f.number<std::size_t>(nkg + "mentionCount").value_or(1);
        if (auto start = f.number<std::size_t>(nkg + "evidenceStart")) {
            Evidence ev;
            ev.span.begin = *start;
            ev.span.end = f.number<std::size_t>(nkg + "evidenceEnd").value_or(*start);
            ev.sentence = f.number<std::size_t>(nkg + "sentenceIndex").value_or(0);
            ev.text = f.text(nkg + "evidenceText").value_or("");
            if (auto src = f.text(cat(vocab::kProv, "wasDerivedFrom"))) ev.document = id_of_article(*src);
            r.evidence.push_back(std::move(ev));
        }
        // Every qualified node of an edge repeats its values with one evidence item of
        // its own: the graph joins them into one edge.
        g.upsert_edge(s, r, o);
    }
    return g;
}

KnowledgeGraph graph_from_json_text(const std::string& text, const std::string& path, bool jsonld,
                                    const Ontology& ontology) {
    const nlohmann::json j = detail::parse_json_text(text, path);
    if (jsonld || (j.is_object() && (j.contains("@context") || j.contains("@graph"))))
        return graph_from_rdf(path, detail::jsonld_descriptions(j, path), ontology);
    if (!j.is_object() || !j.contains("entities"))
        throw parse_error(ids::parse::kNotAGraph, path, 0, "JSON, but not a newskg graph: no \"entities\" array");
    return from_json(j, path);
}

} // namespace

namespace detail {

namespace {

/// Subject → property → values of every quad `read` hands on.
template <class Read>
Descriptions collect(Read&& read) {
    Descriptions out;
    read([&](Quad&& q) { out[q.subject.text()][q.predicate.value].push_back(std::move(q.object)); });
    return out;
}

} // namespace

Descriptions parse_rdf_file(const std::string& path, const io::FormatInfo& format) {
    return collect([&](const io::QuadSink& each) { io::read_quads(path, format, each); });
}

Descriptions parse_rdf_text(std::string_view text, const io::FormatInfo& format, const std::string& name) {
    return collect([&](const io::QuadSink& each) {
        io::read_quads_text(text, format, std::string(kDefaultBaseIri), name, each);
    });
}

Descriptions jsonld_descriptions(const nlohmann::json& doc, const std::string& name) {
    return collect([&](const io::QuadSink& each) { jsonld_quads(doc, name, each); });
}

} // namespace detail

KnowledgeGraph read_graph_text(const std::string& text, const io::FormatInfo& format, const std::string& name,
                               const Ontology& ontology) {
    if (!format.readable)
        throw parse_error(ids::parse::kGraphFormat, name, 0,
                          "newskg cannot read " + std::string(format.name) + " back (it reads " +
                              io::names_where(io::is_readable) + ")");
    if (format.format == io::Format::Json || format.format == io::Format::JsonLd)
        return graph_from_json_text(text, name, format.format == io::Format::JsonLd, ontology);
    return graph_from_rdf(name, detail::parse_rdf_text(text, format, name), ontology);
}

KnowledgeGraph read_graph_file(const std::string& path, const Ontology& ontology) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw input_error(ids::input::kMissing, path, "no such file");
    if (std::filesystem::is_directory(path, ec))
        throw input_error(ids::input::kUnreadable, path, "a directory, not a graph file");
    const io::FormatInfo* format = io::format_of_path(path);
    if (!format || !format->readable) {
        std::string exts;
        for (const auto& f : io::formats())
            if (f.readable)
                for (auto e : f.extensions) exts += (exts.empty() ? "" : " ") + std::string(e);
        throw parse_error(ids::parse::kGraphFormat, path, 0, "unknown graph format (expected one of: " + exts + ")");
    }
    if (!format->raptor_syntax.empty()) return graph_from_rdf(path, detail::parse_rdf_file(path, *format), ontology);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(ids::input::kUnreadable, path, "cannot open the file");
    std::stringstream buf;
    buf << in.rdbuf();
    return graph_from_json_text(buf.str(), path, format->format == io::Format::JsonLd, ontology);
}

} // namespace newskg
