// Gold names from GUM's entity annotations (the MISC column's "Entity=" value; see
// include/newskg/actors/ner_train.hpp for which mentions count as names).
#include <algorithm>
#include <optional>
#include <string>

#include "newskg/actors/ner_train.hpp"

namespace newskg::ner {

namespace {

struct RawMention {
    std::size_t begin, end; ///< words, half-open
    std::string type;       ///< GUM's entity type: person, organization, place, event …
};

std::string_view entity_value(std::string_view misc) {
    std::size_t p = 0;
    while (p < misc.size()) {
        std::size_t bar = misc.find('|', p);
        if (bar == std::string_view::npos) bar = misc.size();
        std::string_view item = misc.substr(p, bar - p);
        if (item.rfind("Entity=", 0) == 0) return item.substr(7);
        p = bar + 1;
    }
    return {};
}

/// Every bracketed mention of the sentence: "(12-person-…" opens one (with ")" right
/// after when it is one word long), "12)" closes the latest open mention of group 12.
std::vector<RawMention> raw_mentions(const syntax::UdSentence& s) {
    struct Open {
        std::string group, type;
        std::size_t begin;
    };
    std::vector<Open> open;
    std::vector<RawMention> out;
    for (std::size_t w = 0; w < s.words.size(); ++w) {
        const std::string_view v = entity_value(s.words[w].misc);
        std::size_t p = 0;
        while (p < v.size()) {
            if (v[p] == '(') {
                std::size_t end = v.find_first_of("()", p + 1);
                if (end == std::string_view::npos) end = v.size();
                const std::string_view spec = v.substr(p + 1, end - p - 1);
                const std::size_t dash = spec.find('-');
                const std::string group(spec.substr(0, dash));
                std::string type;
                if (dash != std::string_view::npos) {
                    const std::size_t dash2 = spec.find('-', dash + 1);
                    type = std::string(spec.substr(dash + 1, dash2 == std::string_view::npos ? std::string_view::npos
                                                                                          : dash2 - dash - 1));
                }
                if (end < v.size() && v[end] == ')') {
                    out.push_back({w, w + 1, type});
                    p = end + 1;
                } else {
                    open.push_back({group, type, w});
                    p = end;
                }
                continue;
            }
            std::size_t close = v.find(')', p);
            if (close == std::string_view::npos) break;
            const std::string group(v.substr(p, close - p));
            for (std::size_t k = open.size(); k-- > 0;)
                if (open[k].group == group) {
                    out.push_back({open[k].begin, w + 1, open[k].type});
                    open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
                    break;
                }
            p = close + 1;
        }
    }
    return out;
}

std::optional<NameType> name_type(const std::string& gum_type) {
    if (gum_type == "person") return NameType::Person;
    if (gum_type == "organization") return NameType::Organization;
    if (gum_type == "place") return NameType::Place;
    return std::nullopt;
}

bool is_bridge(const std::string& form) {
    std::string l = form;
    for (char& c : l)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return l == "of" || l == "for" || l == "de" || l == "the" || l == "&";
}

/// Kinds of place whose "of" phrase is the place's name ("the village of X").
bool is_place_kind(const std::string& lemma) {
    static const char* const kinds[] = {"village", "town", "city", "suburb", "province", "county",
                                        "region",  "district", "state", "island", "borough", "parish"};
    for (const char* k : kinds)
        if (lemma == k) return true;
    return false;
}

} // namespace

std::vector<NameSpan> gold_names(const syntax::UdSentence& s) {
    const auto& w = s.words;
    auto propn = [&](std::size_t k) { return w[k].upos == "PROPN"; };
    std::vector<NameSpan> names, derived_names;
    for (const RawMention& m : raw_mentions(s)) {
        const auto type = name_type(m.type);
        if (!type || m.end > w.size()) continue;
        std::size_t head = m.end;
        for (std::size_t k = m.begin; k < m.end && head == m.end; ++k) {
            const int h = w[k].head - 1; // −1: the root
            if (h < static_cast<int>(m.begin) || h >= static_cast<int>(m.end)) head = k;
        }
        if (head == m.end) continue;
        bool derived = false; // a name found under a common noun: explicit names win over it
        // A common noun heading the mention may carry the name of the same referent:
        // "the physician Yang Buwei", "music journalist Stanley Mitchell" (appos, flat), "the
        // village of Clyst St. Mary" (a kind of place and its name). Left out, such names
        // would teach the model that a name after a role noun is none.
        if (!propn(head)) {
            const std::size_t noun = head;
            head = m.end;
            for (std::size_t k = m.begin; k < m.end && head == m.end; ++k) {
                if (!propn(k) || w[k].head - 1 != static_cast<int>(noun)) continue;
                const std::string& rel = w[k].deprel;
                if (rel == "appos" || rel == "flat") head = k;
                else if (*type == NameType::Place && rel == "nmod" && is_place_kind(w[noun].lemma) && k > noun &&
                         k >= 1 && (w[k - 1].form == "of" || w[k - 1].form == "Of"))
                    head = k;
            }
            if (head == m.end) continue;
            derived = true;
        }
        std::size_t b = head, e = head + 1;
        for (;;) { // leftwards: PROPN, or up to two bridge words with a PROPN before them
            if (b > m.begin && propn(b - 1)) {
                --b;
                continue;
            }
            std::size_t k = b;
            while (k > m.begin && b - k < 2 && is_bridge(w[k - 1].form)) --k;
            if (k < b && k > m.begin && propn(k - 1)) {
                b = k - 1;
                continue;
            }
            break;
        }
        for (;;) { // rightwards, the same
            if (e < m.end && propn(e)) {
                ++e;
                continue;
            }
            std::size_t k = e;
            while (k < m.end && k - e < 2 && is_bridge(w[k].form)) ++k;
            if (k > e && k < m.end && propn(k)) {
                e = k + 1;
                continue;
            }
            break;
        }
        (derived ? derived_names : names).push_back({b, e, *type});
    }
    // Overlaps: the longer name wins (then the earlier one); a derived name only where no
    // explicit one is.
    auto longer_first = [](std::vector<NameSpan>& v) {
        std::sort(v.begin(), v.end(), [](const NameSpan& a, const NameSpan& b) {
            if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
            return a.begin < b.begin;
        });
    };
    longer_first(names);
    longer_first(derived_names);
    names.insert(names.end(), derived_names.begin(), derived_names.end());
    std::vector<NameSpan> kept;
    for (const auto& n : names) {
        bool overlaps = false;
        for (const auto& k : kept)
            if (n.begin < k.end && k.begin < n.end) overlaps = true;
        if (!overlaps) kept.push_back(n);
    }
    std::sort(kept.begin(), kept.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
    return kept;
}

} // namespace newskg::ner
