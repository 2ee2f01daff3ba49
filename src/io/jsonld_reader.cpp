// Reading JSON-LD back: the compacted form newskg writes (export/jsonld_export.cpp),
// expanded against the document's own @context into quads, the same ones the N-Quads
// export of the graph holds (so loading either into a store gives the same store).
// Handled: "@vocab", prefixes, term definitions with "@id", "@type" coercion ("@id" or
// a datatype) and "@language", compact IRIs, blank node ids, "@type", values as strings,
// numbers, booleans, {"@id"} and {"@value"} objects (with "@type" or "@language"),
// arrays, a top-level "@graph" and named graphs nested in it. Not handled (never written
// by newskg, so a clear error): remote contexts, "@reverse", lists, embedded nodes.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "io/rdf_triples.hpp"
#include "newskg/core/error.hpp"
#include "newskg/rdf/vocabulary.hpp"

namespace newskg::detail {

namespace {

using nlohmann::json;

struct TermDef {
    std::string iri;
    std::string coercion; ///< "@id", a datatype IRI, or empty
    std::string language; ///< "@language" of its plain strings, or empty
};

class Expander {
  public:
    Expander(const json& doc, const std::string& name) : name_(name) {
        if (!doc.is_object()) return;
        const auto it = doc.find("@context");
        if (it == doc.end()) return;
        if (!it->is_object()) fail("\"@context\" must be an object (remote contexts are not read)");
        // Prefixes first, so terms defined by compact IRIs can use them in any order.
        for (const auto& [k, v] : it->items())
            if (v.is_string() && k != "@vocab") prefixes_[k] = v.get<std::string>();
        if (auto v = it->find("@vocab"); v != it->end() && v->is_string()) vocab_ = v->get<std::string>();
        for (const auto& [k, v] : it->items()) {
            if (k == "@vocab") continue;
            TermDef d;
            if (v.is_string()) {
                d.iri = expand(v.get<std::string>(), false);
            } else if (v.is_object() && v.contains("@id") && v["@id"].is_string()) {
                d.iri = expand(v["@id"].get<std::string>(), false);
                if (auto t = v.find("@type"); t != v.end() && t->is_string()) {
                    const std::string type = t->get<std::string>();
                    d.coercion = type == "@id" || type == "@vocab" ? "@id" : expand(type, false);
                }
                if (auto l = v.find("@language"); l != v.end() && l->is_string()) d.language = l->get<std::string>();
            } else {
                fail("the @context entry \"" + k + "\" is not a prefix or a term definition");
            }
            terms_[k] = std::move(d);
        }
    }

    /// An IRI as a key or type (`vocab`: a bare name is relative to @vocab) or as a value.
    std::string expand(const std::string& s, bool vocab) const {
        if (vocab)
            if (auto t = terms_.find(s); t != terms_.end()) return t->second.iri;
        if (s.rfind("_:", 0) == 0) return s;
        const std::size_t colon = s.find(':');
        if (colon != std::string::npos) {
            const std::string prefix = s.substr(0, colon);
            if (auto p = prefixes_.find(prefix); p != prefixes_.end() && s.compare(colon + 1, 2, "//") != 0)
                return p->second + s.substr(colon + 1);
            return s; // an absolute IRI
        }
        if (vocab && !vocab_.empty()) return vocab_ + s;
        return s;
    }

    const TermDef* term(const std::string& key) const {
        const auto it = terms_.find(key);
        return it == terms_.end() ? nullptr : &it->second;
    }

    [[noreturn]] void fail(const std::string& problem) const {
        throw parse_error(ids::parse::kJsonLdOrAliases, name_, 0, "JSON-LD: " + problem);
    }

  private:
    const std::string& name_;
    std::map<std::string, std::string> prefixes_;
    std::map<std::string, TermDef> terms_;
    std::string vocab_;
};

/// An expanded IRI or "_:" blank node id as a term.
Term node_term(const std::string& id) {
    return id.rfind("_:", 0) == 0 ? Term::blank(id.substr(2)) : Term::iri(id);
}

std::string scalar_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return v.dump();
    return {};
}

/// The datatype JSON-LD gives a native value that no coercion types.
std::string native_datatype(const json& v) {
    if (v.is_boolean()) return std::string(vocab::kXsd) + "boolean";
    if (v.is_number_integer()) return std::string(vocab::kXsd) + "integer";
    if (v.is_number()) return std::string(vocab::kXsd) + "double";
    return {};
}

class Reader {
  public:
    Reader(const Expander& x, const io::QuadSink& each) : x_(x), each_(each) {}

    /// The node objects of `items` (one or an array of them), in `graph`.
    void nodes(const json& items, const std::string& graph) {
        if (items.is_object()) {
            node(items, graph);
            return;
        }
        if (!items.is_array()) x_.fail("\"@graph\" must hold node objects");
        for (const auto& n : items) node(n, graph);
    }

  private:
    const Expander& x_;
    const io::QuadSink& each_;

    void node(const json& n, const std::string& graph) {
        if (!n.is_object()) x_.fail("a node must be a JSON object");
        if (n.empty()) return; // {} states nothing
        const auto id = n.find("@id");
        if (id != n.end() && !id->is_string()) x_.fail("\"@id\" must be a string");
        const std::string subject = id == n.end() ? std::string() : x_.expand(id->get<std::string>(), false);
        // A node with "@graph" names the graph its nodes are in.
        if (auto g = n.find("@graph"); g != n.end()) nodes(*g, subject);
        if (id == n.end()) {
            if (n.size() == 1 && n.contains("@graph")) return;
            x_.fail("a node without \"@id\" (newskg names every node)");
        }
        const Term s = node_term(subject);
        for (const auto& [key, value] : n.items()) {
            if (key == "@id" || key == "@graph" || key == "@context") continue;
            if (key == "@type") {
                for (const auto& t : value.is_array() ? value : json::array({value})) {
                    if (!t.is_string()) x_.fail("\"@type\" must hold IRIs");
                    each_({s, Term::iri(std::string(vocab::kRdfType)), node_term(x_.expand(t.get<std::string>(), true)),
                           graph});
                }
                continue;
            }
            if (!key.empty() && key[0] == '@') x_.fail("\"" + key + "\" is not read");
            const TermDef* def = x_.term(key);
            const Term predicate = Term::iri(x_.expand(key, true));
            for (const auto& v : value.is_array() ? value : json::array({value}))
                each_({s, predicate, object(v, def), graph});
        }
    }

    Term object(const json& v, const TermDef* def) const {
        if (v.is_object()) {
            if (auto id = v.find("@id"); id != v.end() && id->is_string()) {
                if (v.size() > 1) x_.fail("embedded nodes are not read");
                return node_term(x_.expand(id->get<std::string>(), false));
            }
            const auto val = v.find("@value");
            if (val == v.end()) x_.fail("a value object needs \"@id\" or \"@value\"");
            if (val->is_object() || val->is_array() || val->is_null()) x_.fail("\"@value\" must be a scalar");
            if (auto t = v.find("@type"); t != v.end() && t->is_string())
                return Term::literal(scalar_text(*val), x_.expand(t->get<std::string>(), true));
            if (auto l = v.find("@language"); l != v.end() && l->is_string())
                return Term::literal(scalar_text(*val), {}, l->get<std::string>());
            return Term::literal(scalar_text(*val), val->is_string() ? std::string() : native_datatype(*val));
        }
        if (v.is_array() || v.is_null()) x_.fail("nested arrays and null values are not read");
        const std::string coercion = def ? def->coercion : std::string();
        if (coercion == "@id" && v.is_string()) return node_term(x_.expand(v.get<std::string>(), false));
        if (!coercion.empty() && coercion != "@id") return Term::literal(scalar_text(v), coercion);
        if (v.is_string()) return Term::literal(scalar_text(v), {}, def ? def->language : std::string());
        return Term::literal(scalar_text(v), native_datatype(v));
    }
};

} // namespace

void jsonld_quads(const nlohmann::json& doc, const std::string& name, const io::QuadSink& each) {
    const Expander x(doc, name);
    Reader r(x, each);
    if (doc.is_array()) r.nodes(doc, {});
    else if (!doc.is_object()) x.fail("a JSON-LD document is an object or an array");
    else if (auto g = doc.find("@graph"); g != doc.end() && !doc.contains("@id")) r.nodes(*g, {});
    else {
        json copy = doc;
        copy.erase("@context");
        r.nodes(copy, {});
    }
}

nlohmann::json parse_json_text(const std::string& text, const std::string& name) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann gives the byte; messages name the line.
        const std::size_t byte = std::min<std::size_t>(e.byte, text.size());
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + byte, '\n'));
        throw parse_error(ids::parse::kGraphNotJson, name, line, std::string("not valid JSON: ") + e.what());
    } catch (const nlohmann::json::exception& e) {
        // Well-formed but out of range ("8e730"): found by fuzz_rdf_reader.
        throw parse_error(ids::parse::kGraphNotJson, name, 0, std::string("not valid JSON: ") + e.what());
    }
}

} // namespace newskg::detail
