#include "newskg/eval/score.hpp"

#include <cmath>
#include <map>
#include <set>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "newskg/core/error.hpp"

namespace newskg {

namespace {
double round4(double v) { return std::round(v * 10000.0) / 10000.0; }
} // namespace

Prf Prf::from(std::size_t tp, std::size_t fp, std::size_t fn) {
    Prf r;
    r.tp = tp;
    r.fp = fp;
    r.fn = fn;
    double p = tp + fp ? double(tp) / double(tp + fp) : 0.0;
    double rc = tp + fn ? double(tp) / double(tp + fn) : 0.0;
    double f = p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0;
    r.precision = round4(p);
    r.recall = round4(rc);
    r.f1 = round4(f);
    return r;
}

std::string gold_norm(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
    if (U_SUCCESS(status)) u = nfkc->normalize(u, status);
    u.toLower();
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), "'");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), "'");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x201C)), "\"");
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x201D)), "\"");
    // strip(), then a leading "the" followed by whitespace, then a trailing "'s".
    std::u32string s;
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        s.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    auto is_space = [](char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; };
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    s = s.substr(b, e - b);
    if (s.size() > 3 && s.compare(0, 3, U"the") == 0 && is_space(s[3])) {
        std::size_t k = 3;
        while (k < s.size() && is_space(s[k])) ++k;
        s = s.substr(k);
    }
    if (s.size() >= 2 && s.compare(s.size() - 2, 2, U"'s") == 0) s.resize(s.size() - 2);
    // Python's \w: alphanumeric (letters, digits, numbers) and "_", which then becomes a space.
    auto is_word = [](char32_t c) {
        UChar32 u32 = static_cast<UChar32>(c);
        return u_isalnum(u32) || u_hasBinaryProperty(u32, UCHAR_ALPHABETIC) ||
               (u_charType(u32) == U_OTHER_NUMBER) || (u_charType(u32) == U_LETTER_NUMBER);
    };
    std::string out;
    bool pending_space = false;
    for (char32_t c : s) {
        if (c == U'_' || !is_word(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        icu::UnicodeString one(static_cast<UChar32>(c));
        std::string utf8;
        one.toUTF8String(utf8);
        out += utf8;
    }
    return out;
}

namespace {

std::vector<std::string> as_list(const nlohmann::json& v) {
    std::vector<std::string> out;
    if (v.is_array()) {
        for (const auto& x : v) out.push_back(x.is_string() ? x.get<std::string>() : x.dump());
    } else if (v.is_string()) {
        out.push_back(v.get<std::string>());
    } else if (!v.is_null()) {
        out.push_back(v.dump());
    }
    return out;
}

std::string str(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
    for (const auto& x : a)
        if (b.count(x)) return true;
    return false;
}

/// Python's "%s" of a gold end: a string, or a list printed as ['a', 'b'].
std::string py_repr(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string s = "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) s += ", ";
            s += "'" + str(v[i]) + "'";
        }
        return s + "]";
    }
    return v.dump();
}

} // namespace

ArticleScore score_graph(const nlohmann::json& gold, const nlohmann::json& graph,
                         const std::string& gold_path) {
    if (!gold.is_object() || !gold.contains("entities") || !gold["entities"].is_array() ||
        !gold.contains("relations") || !gold["relations"].is_array())
        throw parse_error(ids::parse::kGoldShape, gold_path, 0, "a gold file needs 'entities' and 'relations' arrays");
    ArticleScore out;
    out.id = gold.contains("id") ? str(gold["id"]) : "";

    std::map<std::string, std::set<std::string>> names;
    for (const auto& e : gold["entities"]) {
        if (!e.is_object() || !e.contains("id") || !e.contains("names") || !e["names"].is_array())
            throw parse_error(ids::parse::kGoldEntity, gold_path, 0, "every gold entity needs 'id' and 'names'");
        for (const auto& n : e["names"]) names[gold_norm(str(n))].insert(str(e["id"]));
    }
    std::set<std::string> ignored;
    if (gold.contains("ignore_names") && gold["ignore_names"].is_array())
        for (const auto& n : gold["ignore_names"]) ignored.insert(gold_norm(str(n)));

    std::map<std::string, std::set<std::string>> sys_map;
    std::vector<std::string> sys_order;
    const nlohmann::json empty = nlohmann::json::array();
    const auto& ents = graph.is_object() && graph.contains("entities") ? graph["entities"] : empty;
    for (const auto& e : ents) {
        std::vector<std::string> forms;
        forms.push_back(e.contains("label") ? str(e["label"]) : "");
        if (e.contains("aliases") && e["aliases"].is_array())
            for (const auto& a : e["aliases"]) forms.push_back(str(a));
        std::set<std::string> keys;
        for (const auto& f : forms)
            if (!f.empty()) keys.insert(gold_norm(f));
        std::set<std::string> hit;
        for (const auto& k : keys)
            if (auto it = names.find(k); it != names.end()) hit.insert(it->second.begin(), it->second.end());
        const std::string id = str(e.value("id", nlohmann::json()));
        if (!sys_map.count(id)) sys_order.push_back(id);
        sys_map[id] = hit;
        if (hit.empty() && !intersects(keys, ignored))
            out.spurious_entities.push_back(e.contains("label") ? str(e["label"]) : id);
    }
    std::set<std::string> found;
    for (const auto& [id, hit] : sys_map) found.insert(hit.begin(), hit.end());
    std::size_t required = 0;
    for (const auto& e : gold["entities"]) {
        if (e.value("optional", false)) continue;
        ++required;
        if (!found.count(str(e["id"]))) out.missed_entities.push_back(str(e["id"]));
    }
    std::map<std::string, std::size_t> per_gold;
    for (const auto& [id, hit] : sys_map)
        for (const auto& g : hit) per_gold[g]++;
    for (const auto& [g, n] : per_gold) out.fragmentation += n - 1;
    for (const auto& [id, hit] : sys_map) out.conflation += hit.size() > 1 ? 1 : 0;
    out.entities = Prf::from(required - out.missed_entities.size(), out.spurious_entities.size(),
                             out.missed_entities.size());

    const auto& golds = gold["relations"];
    auto ends_match = [](const nlohmann::json& g, const std::set<std::string>& s_hit,
                         const std::set<std::string>& o_hit) {
        auto sl = as_list(g.value("s", nlohmann::json())), ol = as_list(g.value("o", nlohmann::json()));
        std::set<std::string> S(sl.begin(), sl.end()), O(ol.begin(), ol.end());
        if (intersects(s_hit, S) && intersects(o_hit, O)) return true;
        return g.value("symmetric", false) && intersects(s_hit, O) && intersects(o_hit, S);
    };
    auto type_match = [](const nlohmann::json& g, const nlohmann::json& r) {
        if (g.contains("cameo")) {
            std::string code = r.contains("cameo") ? str(r["cameo"]) : "";
            for (const auto& c : as_list(g["cameo"]))
                if (code.rfind(c, 0) == 0) return true;
            return false;
        }
        std::string p = r.contains("predicate") ? str(r["predicate"]) : "";
        for (const auto& s : as_list(g.value("static", nlohmann::json::array())))
            if (s == p) return true;
        return false;
    };
    std::set<std::size_t> matched, pair_matched;
    const auto& rels = graph.is_object() && graph.contains("relations") ? graph["relations"] : empty;
    const std::set<std::string> none;
    for (const auto& r : rels) {
        auto find = [&](const char* key) -> const std::set<std::string>& {
            if (!r.contains(key)) return none;
            auto it = sys_map.find(str(r[key]));
            return it == sys_map.end() ? none : it->second;
        };
        const auto& s_hit = find("subject");
        const auto& o_hit = find("object");
        std::vector<std::size_t> typed;
        for (std::size_t i = 0; i < golds.size(); ++i) {
            if (ends_match(golds[i], s_hit, o_hit) && type_match(golds[i], r)) typed.push_back(i);
            if (ends_match(golds[i], s_hit, o_hit) || ends_match(golds[i], o_hit, s_hit))
                pair_matched.insert(i);
        }
        if (typed.empty()) {
            out.spurious_relations.push_back(str(r.value("subject", nlohmann::json())) + " -" +
                                             (r.contains("predicate") ? str(r["predicate"]) : "None") + "(" +
                                             (r.contains("cameo") && !r["cameo"].is_null() ? str(r["cameo"]) : "None") +
                                             ")-> " + str(r.value("object", nlohmann::json())));
        } else {
            bool all = true;
            for (auto i : typed)
                if (!matched.count(i)) all = false;
            if (all)
                out.duplicates++;
            else
                matched.insert(typed.begin(), typed.end());
        }
    }
    std::size_t req = 0;
    for (std::size_t i = 0; i < golds.size(); ++i) {
        if (golds[i].value("optional", false)) continue;
        ++req;
        if (!matched.count(i))
            out.missed_relations.push_back(py_repr(golds[i]["s"]) + " -" + str(golds[i].value("label", "")) +
                                           "-> " + py_repr(golds[i]["o"]));
        if (pair_matched.count(i)) out.pair_tp++;
    }
    out.relations = Prf::from(req - out.missed_relations.size(), out.spurious_relations.size(),
                              out.missed_relations.size());
    out.pair_fn = req - out.pair_tp;
    out.pair_recall = req ? round4(double(out.pair_tp) / double(req)) : 0.0;
    return out;
}

TotalScore total(const std::vector<ArticleScore>& scores) {
    TotalScore t;
    std::size_t etp = 0, efp = 0, efn = 0, rtp = 0, rfp = 0, rfn = 0, ptp = 0, pfn = 0;
    for (const auto& s : scores) {
        etp += s.entities.tp;
        efp += s.entities.fp;
        efn += s.entities.fn;
        rtp += s.relations.tp;
        rfp += s.relations.fp;
        rfn += s.relations.fn;
        ptp += s.pair_tp;
        pfn += s.pair_fn;
        t.fragmentation += s.fragmentation;
        t.conflation += s.conflation;
    }
    t.entities = Prf::from(etp, efp, efn);
    t.relations = Prf::from(rtp, rfp, rfn);
    t.pair_recall = ptp + pfn ? round4(double(ptp) / double(ptp + pfn)) : 0.0;
    return t;
}

namespace {
nlohmann::json prf_json(const Prf& p) {
    return {{"tp", p.tp}, {"fp", p.fp}, {"fn", p.fn}, {"precision", p.precision},
            {"recall", p.recall}, {"f1", p.f1}};
}
} // namespace

nlohmann::json to_json(const ArticleScore& s) {
    nlohmann::json e = prf_json(s.entities);
    e["fragmentation"] = s.fragmentation;
    e["conflation"] = s.conflation;
    e["missed"] = s.missed_entities;
    e["spurious"] = s.spurious_entities;
    nlohmann::json r = prf_json(s.relations);
    r["duplicates"] = s.duplicates;
    r["missed"] = s.missed_relations;
    r["spurious"] = s.spurious_relations;
    return {{"id", s.id},
            {"entities", e},
            {"relations", r},
            {"pairs", {{"recall", s.pair_recall}, {"tp", s.pair_tp}, {"fn", s.pair_fn}}}};
}

nlohmann::json to_json(const TotalScore& t) {
    return {{"entities", prf_json(t.entities)},
            {"relations", prf_json(t.relations)},
            {"pairs", {{"recall", t.pair_recall}}},
            {"fragmentation", t.fragmentation},
            {"conflation", t.conflation}};
}

} // namespace newskg
