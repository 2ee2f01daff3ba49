// JSON-LD export: the RDF dataset of rdf_export.cpp, compacted by hand against newskg's
// context. The dataset comes out of librdf as plain quads (to_quads, export/rdf.hpp); this file
// only chooses keys and value shapes, so every triple of the Turtle export appears here
// once and nothing else does (the tests count triples through rdflib's JSON-LD parser).
//
// The compaction is a small, fixed subset of the JSON-LD algorithm, chosen so that any
// JSON-LD processor expands it back to exactly the same triples:
//   - a key is a term of the context, else an ontology local name (through "@vocab"),
//     else "prefix:local", else the full IRI, and a shorter form is used only when it
//     cannot be read as something else (a local name that is also a term, or contains
//     ':', keeps its longer form);
//   - a value is written in the short form the term's coercion makes exact (IRI string
//     for "@type": "@id", JSON integer or string for a datatype), and as an explicit
//     {"@id"} / {"@value", "@type"} object otherwise.
#include "newskg/export/jsonld.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "newskg/export/rdf.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/rdf/vocabulary.hpp"

namespace newskg {

namespace {

using nlohmann::json;

using vocab::kRdfType;
using vocab::kXsdString;
// The vocabularies the exports use, in the order the context lists them.
constexpr const auto& kPrefixes = vocab::kVocabularyPrefixes;

/// One term of the context: a short key for a property, with the coercion of its values
/// ("@id", a datatype as "xsd:...", or none) and whether its value is always an array
/// (properties that routinely have several values, so readers need not test the shape).
struct ContextTerm {
    const char* name;
    const char* prefix;
    const char* local;
    const char* type; ///< nullptr: no coercion
    bool set;
    const char* language = nullptr; ///< the language of its plain strings ("@language")
};

constexpr ContextTerm kTerms[] = {
    // actors
    {"label", "rdfs", "label", nullptr, false, "en"},
    {"prefLabel", "skos", "prefLabel", nullptr, false, "en"},
    {"altLabel", "skos", "altLabel", nullptr, true, "en"},
    // articles and outlets
    {"identifier", "schema", "identifier", nullptr, false},
    {"headline", "schema", "headline", nullptr, false},
    {"datePublished", "schema", "datePublished", nullptr, false},
    {"publisher", "schema", "publisher", "@id", false},
    {"agency", "nkg", "agency", "@id", true},
    {"author", "schema", "author", nullptr, true},
    {"url", "schema", "url", "xsd:anyURI", false},
    {"mentions", "schema", "mentions", "@id", true},
    {"name", "schema", "name", nullptr, false},
    // qualified relation nodes
    {"subject", "nkg", "subject", "@id", false},
    {"object", "nkg", "object", "@id", false},
    {"predicate", "nkg", "predicate", "@id", false},
    {"speaker", "nkg", "speaker", "@id", false},
    {"cameoConcept", "nkg", "cameoConcept", "@id", false},
    {"quadClass", "nkg", "quadClass", "xsd:integer", false},
    {"goldstein", "nkg", "goldstein", "xsd:decimal", false},
    {"confidence", "nkg", "confidence", "xsd:decimal", false},
    {"mentionCount", "nkg", "mentionCount", "xsd:positiveInteger", false},
    {"evidenceStart", "nkg", "evidenceStart", "xsd:nonNegativeInteger", false},
    {"evidenceEnd", "nkg", "evidenceEnd", "xsd:nonNegativeInteger", false},
    {"sentenceIndex", "nkg", "sentenceIndex", "xsd:nonNegativeInteger", false},
    {"flag", "nkg", "flag", nullptr, true},
    {"wasDerivedFrom", "prov", "wasDerivedFrom", "@id", false},
};

std::string_view prefix_iri(std::string_view name) {
    for (const auto& p : kPrefixes)
        if (name == p.name) return p.iri;
    return {};
}

std::string expand(const char* prefix, const char* local) {
    return std::string(prefix_iri(prefix)) + local;
}

/// A name that JSON-LD reads as a plain term: not a keyword, no ':' (which would make
/// it a compact IRI or an absolute IRI), not empty.
bool simple_name(std::string_view s) {
    if (s.empty()) return false;
    const auto c0 = static_cast<unsigned char>(s[0]);
    if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z') || c0 == '_')) return false;
    for (unsigned char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-'))
            return false;
    return true;
}

/// The context's terms, by name and by the IRI they stand for.
struct Terms {
    std::map<std::string, const ContextTerm*, std::less<>> by_name;
    std::map<std::string, const ContextTerm*, std::less<>> by_iri;
    Terms() {
        for (const ContextTerm& t : kTerms) {
            by_name.emplace(t.name, &t);
            by_iri.emplace(expand(t.prefix, t.local), &t);
        }
    }
};

const Terms& terms() {
    static const Terms t;
    return t;
}

/// The shortest form of `iri` that expands back to it as a key or a type: a term (keys
/// only), an ontology local name, a compact IRI, else the IRI itself.
std::string compact_iri(const std::string& iri, bool as_key) {
    const Terms& t = terms();
    if (as_key)
        if (auto it = t.by_iri.find(iri); it != t.by_iri.end()) return it->second->name;
    // A local name that is also a term would expand to the term's IRI instead.
    if (iri.rfind(kOntologyNs, 0) == 0) {
        const std::string local = iri.substr(kOntologyNs.size());
        if (simple_name(local) && !t.by_name.count(local)) return local;
    }
    for (const auto& p : kPrefixes) {
        if (iri.size() <= p.iri.size() || iri.compare(0, p.iri.size(), p.iri) != 0) continue;
        const std::string local = iri.substr(p.iri.size());
        if (simple_name(local)) return std::string(p.name) + ":" + local;
    }
    return iri;
}

std::string compact_datatype(const std::string& iri) { return compact_iri(iri, false); }

bool integer_type(std::string_view type) {
    return type == "xsd:integer" || type == "xsd:nonNegativeInteger" || type == "xsd:positiveInteger";
}

/// A JSON number for a canonical integer lexical form that fits 64 bits; null otherwise
/// ("007", "+3" and huge values stay strings, so the lexical form survives).
json integer_value(const std::string& s) {
    const bool neg = !s.empty() && s[0] == '-';
    const std::string digits = neg ? s.substr(1) : s;
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos ||
        (digits.size() > 1 && digits[0] == '0') || (neg && digits == "0"))
        return nullptr;
    const std::int64_t v = std::stoll(digits);
    return neg ? -v : v;
}

/// The value of one object under a key whose term is `term` (nullptr: no term).
json value_of(const Term& o, const ContextTerm* term) {
    const std::string coercion = term && term->type ? term->type : "";
    if (o.is_node()) {
        if (coercion == "@id") return o.text();
        return json{{"@id", o.text()}};
    }
    const char* term_language = term ? term->language : nullptr;
    if (!o.language.empty()) {
        if (term_language && o.language == term_language) return o.value;
        return json{{"@value", o.value}, {"@language", o.language}};
    }
    const bool plain = o.datatype.empty() || o.datatype == kXsdString;
    if (plain) {
        // A bare string under a coerced term would take the coercion's datatype (or
        // the term's language).
        if (!coercion.empty() || term_language) return json{{"@value", o.value}};
        return o.value;
    }
    const std::string type = compact_datatype(o.datatype);
    if (!coercion.empty() && coercion == type) {
        if (integer_type(type)) {
            json n = integer_value(o.value);
            if (!n.is_null()) return n;
        }
        return o.value;
    }
    return json{{"@value", o.value}, {"@type", type}};
}

/// Subject → key → values, for one graph.
using NodeMap = std::map<std::string, std::map<std::string, std::vector<json>>>;

/// The node objects of one graph, in subject order, values sorted and single values
/// unwrapped (except for "@set" terms).
json node_objects(const NodeMap& nodes) {
    const Terms& t = terms();
    json out = json::array();
    for (const auto& [id, props] : nodes) {
        json node = json::object();
        node["@id"] = id;
        for (auto [key, values] : props) {
            std::sort(values.begin(), values.end(),
                      [](const json& a, const json& b) { return a.dump() < b.dump(); });
            values.erase(std::unique(values.begin(), values.end()), values.end());
            const auto term = t.by_name.find(key);
            const bool set = term != t.by_name.end() && term->second->set;
            node[key] = values.size() == 1 && !set ? values.front() : json(values);
        }
        out.push_back(std::move(node));
    }
    return out;
}

json build_context() {
    json ctx = json::object();
    ctx["@vocab"] = std::string(kOntologyNs);
    for (const auto& p : kPrefixes) ctx[std::string(p.name)] = std::string(p.iri);
    for (const ContextTerm& term : kTerms) {
        json def = json::object();
        def["@id"] = std::string(term.prefix) + ":" + term.local;
        if (term.type) def["@type"] = term.type;
        if (term.set) def["@container"] = "@set";
        if (term.language) def["@language"] = term.language;
        ctx[term.name] = def;
    }
    return json{{"@context", ctx}};
}

} // namespace

const nlohmann::json& jsonld_context() {
    static const json context = build_context();
    return context;
}

std::string to_jsonld(const KnowledgeGraph& graph, const Ontology& ontology, const std::string& base_iri) {
    const std::vector<Quad> quads = to_quads(graph, ontology, base_iri);
    const Terms& t = terms();

    std::map<std::string, NodeMap> graphs; // "" = default graph, first
    graphs[std::string()];
    for (const Quad& q : quads) {
        auto& props = graphs[q.graph][q.subject.text()];
        if (q.predicate.value == kRdfType && q.object.is_node()) {
            props["@type"].push_back(q.object.is_blank() ? q.object.text() : compact_iri(q.object.value, false));
            continue;
        }
        const std::string key = compact_iri(q.predicate.value, true);
        const auto term = t.by_name.find(key);
        props[key].push_back(value_of(q.object, term != t.by_name.end() ? term->second : nullptr));
    }

    json items = node_objects(graphs.begin()->second);
    for (auto it = std::next(graphs.begin()); it != graphs.end(); ++it)
        items.push_back(json{{"@id", it->first}, {"@graph", node_objects(it->second)}});

    json doc = json::object();
    doc["@context"] = jsonld_context()["@context"];
    doc["@graph"] = std::move(items);
    // Text from articles may hold invalid UTF-8; it is replaced rather than failing the
    // whole export, as in the plain JSON export.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace newskg
