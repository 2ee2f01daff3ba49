#include <algorithm>
#include <cctype>

#include "newskg/actors/actors.hpp"

namespace newskg {

std::string name_key(std::string_view name) {
    // Straighten curly quotes first (multi-byte), then lower-case ASCII and fold spaces.
    std::string s;
    s.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (i + 2 < name.size() && static_cast<unsigned char>(name[i]) == 0xE2 &&
            static_cast<unsigned char>(name[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(name[i + 2]) == 0x99 ||
             static_cast<unsigned char>(name[i + 2]) == 0x98)) {
            s += '\'';
            i += 2;
            continue;
        }
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    }
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.rfind("the ", 0) == 0) out.erase(0, 4);
    if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
    if (out.size() > 2 && out.compare(out.size() - 3, 3, " 's") == 0) out.resize(out.size() - 3);
    return out;
}

std::string apostrophe_folded(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key)
        if (c != '\'') out += c;
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

namespace {
std::string slug(std::string_view s) {
    std::string out;
    bool dash = false;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c >= 0x80) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            // Bytes of non-ASCII letters are percent-encoded so the IRI stays ASCII and stable.
            if (c >= 0x80) {
                static const char* hex = "0123456789ABCDEF";
                out += '%';
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(std::tolower(c));
            }
        } else {
            dash = true;
        }
    }
    return out;
}

std::string type_slug(ActorType t) {
    std::string s(to_string(t));
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
} // namespace

std::string mint_iri(const std::string& base, ActorType type, std::string_view key) {
    std::string b = base;
    if (!b.empty() && b.back() != '/' && b.back() != '#') b += '/';
    return b + type_slug(type) + "/" + slug(key);
}

ActorIndex::ActorIndex(const Ontology& ontology, const ActorCues& cues, const ActorDictionary* dictionary)
    : ontology_(ontology), cues_(cues), dictionary_(dictionary) {
    const auto& gaz = ontology_.gazetteer();
    base_ = gaz.size();
    for (std::size_t i = 0; i < gaz.size(); ++i) {
        const auto& e = gaz[i];
        add_names(i, e);
        if (e.type == ActorType::Country && !e.country_code.empty()) countries_[e.country_code] = i;
    }
    if (dictionary) add_dictionary(*dictionary);
}

void ActorIndex::add_names(std::size_t i, const GazetteerEntry& e) {
    auto add = [](auto& map, const std::string& key, std::size_t at) {
        auto& v = map[key];
        if (std::find(v.begin(), v.end(), at) == v.end()) v.push_back(at);
    };
    auto add_name = [&](const std::string& n) {
        std::string key = name_key(n);
        if (key.empty()) return;
        add(names_, key, i);
        // Apostrophes folded away too: the event coders' dictionaries write "TIGRAY PEOPLES
        // LIBERATION FRONT" for the article's "Tigray People's Liberation Front".
        if (std::string folded = apostrophe_folded(key); folded != key) add(names_, folded, i);
        // A word ending in "s" may be two tokens in the text ("People" "'s"), so a name may
        // span that many more tokens than it has words.
        std::size_t words = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
        for (std::size_t at = key.find('s'); at != std::string::npos; at = key.find('s', at + 1))
            if (at + 1 == key.size() || key[at + 1] == ' ') ++words;
        longest_name_ = std::max(longest_name_, words);
        const std::string first = key.substr(0, key.find(' '));
        auto& from = longest_from_[first];
        from = std::max(from, words);
        // "lord's resistance army" starts at the text's token "lord", or "lords".
        if (const std::size_t cut = first.find('\''); cut != std::string::npos && cut > 0)
            for (const std::string& w : {first.substr(0, cut), apostrophe_folded(first)}) {
                auto& from_word = longest_from_[w];
                from_word = std::max(from_word, words);
            }
    };
    add_name(e.label);
    for (const auto& n : e.names) add_name(n);
    for (const auto& a : e.acronyms) {
        add(acronyms_, a, i);
        add_name(a);
    }
    for (const auto& a : e.adjectives) add(adjectives_, name_key(a), i);
    if (!e.capital.empty()) add(capitals_, name_key(e.capital), i);
}

std::size_t ActorIndex::longest_name_from(const std::string& first_word) const {
    auto it = longest_from_.find(first_word);
    return it == longest_from_.end() ? 0 : it->second;
}

namespace {
template <class Map>
const std::vector<std::size_t>* find_in(const Map& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
}
} // namespace

const std::vector<std::size_t>* ActorIndex::by_name(const std::string& key) const {
    return find_in(names_, key);
}
const std::vector<std::size_t>* ActorIndex::by_adjective(const std::string& key) const {
    return find_in(adjectives_, key);
}
const std::vector<std::size_t>* ActorIndex::by_acronym(const std::string& acronym) const {
    return find_in(acronyms_, acronym);
}
const std::vector<std::size_t>* ActorIndex::by_capital(const std::string& key) const {
    return find_in(capitals_, key);
}
std::size_t ActorIndex::country(const std::string& iso) const {
    auto it = countries_.find(iso);
    return it == countries_.end() ? npos : it->second;
}

} // namespace newskg
