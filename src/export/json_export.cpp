#include "newskg/export/json.hpp"
#include "export/property_labels.hpp"

#include <cmath>

#include <array>
#include <limits>
#include <unordered_map>
#include <utility>

#include "newskg/core/error.hpp"
#include "newskg/ontology/ontology.hpp"

namespace newskg {

namespace {

using nlohmann::json;


json date_or_null(const std::optional<DateValue>& d) { return d ? json(d->iso()) : json(nullptr); }
json string_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }


// ------------------------------------------------------------------------ reading

/// Reads one JSON value with a path for messages ("/relations/3/subject"), so that a
/// bad file says exactly where it is bad.
class Reader {
  public:
    explicit Reader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(ids::Id<ids::Family::Parse> id, const std::string& where, const std::string& what) const {
        throw parse_error(id, source_, 0, (where.empty() ? std::string("/") : where) + ": " + what);
    }

    const json* member(const json& obj, const std::string& where, const char* key,
                       bool required) const {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(ids::parse::kGraphJsonField, where, std::string("missing \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::string string(const json& obj, const std::string& where, const char* key,
                       bool required = false) const {
        const json* v = member(obj, where, key, required);
        if (!v) return {};
        if (!v->is_string()) fail(ids::parse::kGraphJsonField, where + "/" + key, "expected a string");
        return v->get<std::string>();
    }

    std::vector<std::string> strings(const json& obj, const std::string& where,
                                     const char* key) const {
        std::vector<std::string> out;
        const json* v = member(obj, where, key, false);
        if (!v) return out;
        if (!v->is_array()) fail(ids::parse::kGraphJsonField, where + "/" + key, "expected an array of strings");
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            if (!item.is_string())
                fail(ids::parse::kGraphJsonField, where + "/" + key + "/" + std::to_string(i), "expected a string");
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    double number(const json& obj, const std::string& where, const char* key,
                  double fallback) const {
        const json* v = member(obj, where, key, false);
        if (!v) return fallback;
        if (!v->is_number()) fail(ids::parse::kGraphJsonField, where + "/" + key, "expected a number");
        return v->get<double>();
    }

    std::size_t count(const json& obj, const std::string& where, const char* key,
                      std::size_t fallback) const {
        const json* v = member(obj, where, key, false);
        if (!v) return fallback;
        if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<long long>() >= 0))
            fail(ids::parse::kGraphJsonField, where + "/" + key, "expected a non-negative integer");
        return v->get<std::size_t>();
    }

    int integer(const json& obj, const std::string& where, const char* key) const {
        const json* v = member(obj, where, key, false);
        if (!v) return 0;
        if (!v->is_number_integer() || v->get<long long>() < std::numeric_limits<int>::min() ||
            v->get<long long>() > std::numeric_limits<int>::max())
            fail(ids::parse::kGraphJsonField, where + "/" + key, "expected an integer");
        return v->get<int>();
    }

    std::optional<DateValue> date(const json& obj, const std::string& where,
                                  const char* key) const {
        const std::string s = string(obj, where, key);
        if (s.empty()) return std::nullopt;
        auto d = DateValue::parse_iso(s);
        if (!d) fail(ids::parse::kGraphJsonDate, where + "/" + key, "\"" + s + "\" is not YYYY, YYYY-MM or YYYY-MM-DD");
        return d;
    }

    const json& array(const json& obj, const std::string& where, const char* key,
                      bool required) const {
        static const json kEmpty = json::array();
        const json* v = member(obj, where, key, required);
        if (!v) return kEmpty;
        if (!v->is_array()) fail(ids::parse::kGraphJsonShape, where + "/" + key, "expected an array");
        return *v;
    }

    void object(const json& v, const std::string& where) const {
        if (!v.is_object()) fail(ids::parse::kGraphJsonShape, where, "expected an object");
    }

    /// Calls f(item, where) for each item of the array `key` of `obj`, each checked to be
    /// an object and named ".../key/i" in messages.
    template <class F>
    void objects(const json& obj, const std::string& where, const char* key, bool required, F&& f) const {
        const json& items = array(obj, where, key, required);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string at = where + "/" + key + "/" + std::to_string(i);
            object(items[i], at);
            f(items[i], at);
        }
    }

  private:
    std::string source_;
};

} // namespace

namespace {

/// The "articles" and "entities" members of the export.
json graph_head(const KnowledgeGraph& graph) {
    json out = json::object();

    json articles = json::array();
    for (const ArticleInfo& a : graph.articles()) {
        articles.push_back({
            {"id", a.id},
            {"iri", a.iri},
            {"title", a.title},
            {"published", date_or_null(a.published)},
            {"outlet", a.outlet},
            {"agencies", a.agencies},
            {"authors", a.authors},
            {"url", a.url},
            {"source", a.source_path},
        });
    }
    out["articles"] = std::move(articles);

    json entities = json::array();
    for (const EntityNode* n : graph.nodes()) {
        entities.push_back({
            {"id", n->iri},
            {"iri", n->iri},
            {"label", n->label},
            {"type", std::string(to_string(n->type))},
            {"aliases", n->aliases},
            {"country", string_or_null(n->country_code)},
            {"articles", n->articles},
        });
    }
    out["entities"] = std::move(entities);

    return out;
}

/// One member of "relations".
json relation_json(const EdgeView& e, const std::unordered_map<std::string, std::string>& labels) {
    const RelationEdge& r = e.relation;
    json flags = json::array();
    for (const auto& [bit, name] : kFlagNames)
        if (r.flags & bit) flags.push_back(std::string(name));
    json evidence = json::array();
    for (const Evidence& ev : r.evidence) {
        evidence.push_back({
            {"document", ev.document},
            {"sentence", ev.sentence},
            {"start", ev.span.begin},
            {"end", ev.span.end},
            {"text", ev.text},
        });
    }
    const auto label = labels.find(r.predicate);
    return json{
        {"subject", e.subject.iri},
        {"predicate", r.predicate},
        {"object", e.object.iri},
        {"cameo", r.cameo},
        {"quad_class", r.quad_class},
        {"goldstein", r.goldstein},
        {"label", label != labels.end() ? label->second : r.predicate},
        {"date", date_or_null(r.date)},
        {"last_date", date_or_null(r.last_date)},
        // Three decimals: the scorers' outputs are not more precise than that, and
        // 0.8333333333333334 in every relation is noise to a reader.
        {"confidence", std::round(r.confidence * 1000.0) / 1000.0},
        {"rule", r.rule},
        {"speaker", string_or_null(r.speaker_iri)},
        {"flags", std::move(flags)},
        {"mention_count", r.mention_count},
        {"evidence", std::move(evidence)},
    };
}

std::string dump(const json& j) {
    // Text comes from arbitrary web pages; one stray byte must not lose the whole graph,
    // so invalid UTF-8 is replaced instead of throwing.
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}

} // namespace

nlohmann::json to_json(const KnowledgeGraph& graph, const Ontology* ontology) {
    json out = graph_head(graph);
    const auto labels = detail::property_labels(ontology);
    json relations = json::array();
    for (const EdgeView& e : graph.edges()) relations.push_back(relation_json(e, labels));
    out["relations"] = std::move(relations);
    return out;
}

std::string to_json_string(const KnowledgeGraph& graph, const Ontology* ontology) {
    std::string out;
    write_json(graph, ontology, [&](std::string_view piece) { out += piece; });
    return out;
}

void write_json(const KnowledgeGraph& graph, const Ontology* ontology,
                const std::function<void(std::string_view)>& sink) {
    // The same text as to_json(...).dump(2), written one relation at a time: the document
    // tree of a large graph took several times the memory of its text, and the text of
    // a large graph is several times the graph. Members are in key order ("articles",
    // "entities", "relations"); each relation is dumped alone and indented by its depth
    // (dumped strings hold no raw line breaks).
    std::string out = dump(graph_head(graph));
    out.resize(out.size() - 2); // "\n}"
    sink(out);
    const auto labels = detail::property_labels(ontology);
    bool first = true;
    for (const EdgeView& e : graph.edges()) {
        out = first ? ",\n  \"relations\": [\n" : ",\n";
        first = false;
        const std::string item = dump(relation_json(e, labels));
        out += "    ";
        for (char c : item) {
            out += c;
            if (c == '\n') out += "    ";
        }
        sink(out);
    }
    sink(first ? ",\n  \"relations\": []\n}\n" : "\n  ]\n}\n");
}

KnowledgeGraph from_json(const nlohmann::json& in, const std::string& source) {
    const Reader rd(source);
    rd.object(in, "");
    KnowledgeGraph graph;

    rd.objects(in, "", "articles", false, [&](const json& a, const std::string& at) {
        ArticleInfo info;
        info.id = rd.string(a, at, "id", true);
        info.iri = rd.string(a, at, "iri");
        info.title = rd.string(a, at, "title");
        info.published = rd.date(a, at, "published");
        info.outlet = rd.string(a, at, "outlet");
        info.agencies = rd.strings(a, at, "agencies");
        info.authors = rd.strings(a, at, "authors");
        info.url = rd.string(a, at, "url");
        info.source_path = rd.string(a, at, "source");
        graph.add_article(info);
    });

    rd.objects(in, "", "entities", true, [&](const json& e, const std::string& at) {
        EntityNode node;
        // "iri" is authoritative; "id" alone is enough so that hand-written files in the
        // scorer's minimal format ({"id": "e1", ...}) load too.
        node.iri = rd.string(e, at, "iri");
        if (node.iri.empty()) node.iri = rd.string(e, at, "id", true);
        if (node.iri.empty()) rd.fail(ids::parse::kGraphJsonField, at + "/id", "empty id");
        node.label = rd.string(e, at, "label", true);
        const std::string type = rd.string(e, at, "type");
        if (!type.empty()) {
            const auto t = actor_type_from_string(type);
            if (!t) rd.fail(ids::parse::kGraphJsonType, at + "/type", "unknown actor type \"" + type + "\"");
            node.type = *t;
        }
        node.aliases = rd.strings(e, at, "aliases");
        node.country_code = rd.string(e, at, "country");
        node.articles = rd.strings(e, at, "articles");
        graph.upsert_node(node);
    });

    rd.objects(in, "", "relations", true, [&](const json& r, const std::string& at) {
        const std::string subject = rd.string(r, at, "subject", true);
        const std::string object = rd.string(r, at, "object", true);
        if (!graph.find(subject))
            rd.fail(ids::parse::kGraphJsonEndpoint, at + "/subject", "\"" + subject + "\" is not an entity");
        if (!graph.find(object))
            rd.fail(ids::parse::kGraphJsonEndpoint, at + "/object", "\"" + object + "\" is not an entity");
        RelationEdge edge;
        edge.predicate = rd.string(r, at, "predicate", true);
        edge.cameo = rd.string(r, at, "cameo");
        edge.quad_class = rd.integer(r, at, "quad_class");
        edge.goldstein = rd.number(r, at, "goldstein", 0.0);
        edge.date = rd.date(r, at, "date");
        edge.last_date = rd.date(r, at, "last_date");
        edge.confidence = rd.number(r, at, "confidence", 1.0);
        edge.rule = rd.string(r, at, "rule");
        edge.speaker_iri = rd.string(r, at, "speaker");
        if (!edge.speaker_iri.empty() && !graph.find(edge.speaker_iri))
            rd.fail(ids::parse::kGraphJsonEndpoint, at + "/speaker", "\"" + edge.speaker_iri + "\" is not an entity");
        const std::vector<std::string> flags = rd.strings(r, at, "flags");
        for (std::size_t f = 0; f < flags.size(); ++f) {
            const unsigned bit = flag_named(flags[f]);
            edge.flags |= bit;
            if (!bit)
                rd.fail(ids::parse::kGraphJsonType, at + "/flags/" + std::to_string(f),
                        "unknown flag \"" + flags[f] + "\"");
        }
        edge.mention_count = rd.count(r, at, "mention_count", 1);
        rd.objects(r, at, "evidence", false, [&](const json& ev, const std::string& eat) {
            Evidence item;
            item.document = rd.string(ev, eat, "document");
            item.sentence = rd.count(ev, eat, "sentence", 0);
            item.span.begin = rd.count(ev, eat, "start", 0);
            item.span.end = rd.count(ev, eat, "end", 0);
            if (item.span.end < item.span.begin) rd.fail(ids::parse::kGraphJsonField, eat + "/end", "end before start");
            item.text = rd.string(ev, eat, "text");
            edge.evidence.push_back(std::move(item));
        });
        graph.upsert_edge(subject, edge, object);
    });
    return graph;
}

} // namespace newskg
