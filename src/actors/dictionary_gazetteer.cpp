// Actor dictionaries as a gazetteer source: each record becomes a GazetteerEntry after
// the ontology's own (a country, a state body, a named organisation or armed group, a
// person), so the recogniser's patterns find it like any gazetteer actor; agent nouns
// ("soldiers", "foreign minister") are matched as heads after a country.
#include <algorithm>
#include <cctype>
#include <set>

#include "newskg/actors/actors.hpp"

namespace newskg {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// CAMEO codes in the country position that are not countries.
const std::set<std::string, std::less<>> kInternational{"IGO", "NGO", "NGM", "MNC", "UNO", "IMG", "UIS", "INT"};

/// State bodies: one per country and role, as "Malian forces" is one per country.
struct Sector {
    std::string_view role;
    ActorType type;
    std::string_view key; ///< appended to the country in the minted IRI ("" = the body itself)
};
constexpr Sector kSectors[] = {
    {"GOV", ActorType::Government, ""},        {"LEG", ActorType::Government, "legislature"},
    {"JUD", ActorType::Government, "judiciary"}, {"MIL", ActorType::Military, ""},
    {"COP", ActorType::Military, "police"},    {"SPY", ActorType::Military, "intelligence"},
};

/// CAMEO role codes that say a group is armed.
const std::set<std::string, std::less<>> kArmedRoles{"REB", "INS", "UAF", "SEP", "IMG"};

const Sector* sector_of(std::string_view role) {
    for (const auto& s : kSectors)
        if (s.role == role) return &s;
    return nullptr;
}

bool is_known_role(std::string_view role) { return is_cameo_role(role); }

/// "GONDOR" → "Gondor", "PRINCE OF DOL AMROTH" → "Prince of Dol Amroth"; short one-word
/// names stay in capitals ("IMF").
std::string display_name(const std::string& phrase) {
    const bool has_lower = std::any_of(phrase.begin(), phrase.end(), [](unsigned char c) { return std::islower(c); });
    const bool vowel = phrase.find_first_of("AEIOU") != std::string::npos;
    if (has_lower || (phrase.find(' ') == std::string::npos && (phrase.size() <= 3 || !vowel))) return phrase;
    std::string out;
    bool start = true;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(phrase[i]);
        out += static_cast<char>(start ? c : std::tolower(c));
        start = c == ' ' || c == '-' || c == '.';
    }
    for (std::string_view small : {" Of ", " The ", " And ", " For ", " In "}) {
        for (auto at = out.find(small); at != std::string::npos; at = out.find(small, at + 1))
            for (std::size_t k = 1; k < small.size() - 1; ++k)
                out[at + k] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[at + k])));
    }
    return out;
}

} // namespace

std::size_t ActorIndex::cameo_country(std::string_view code) const {
    if (auto it = dict_countries_.find(std::string(code)); it != dict_countries_.end()) return it->second;
    if (auto it = cues_.cameo_countries.find(std::string(code)); it != cues_.cameo_countries.end())
        return country(it->second);
    // A two-letter code in newskg's TSV is already ISO 3166-1 alpha-2.
    if (code.size() == 2) return country(std::string(code));
    return npos;
}

CodeMeaning ActorIndex::meaning(std::string_view code) const {
    CodeMeaning m;
    if (code.size() < 2 || code == "---" || code == "+++" || code == "###") return m;
    const std::string head(code.substr(0, code.size() == 2 ? 2 : 3));
    if (kInternational.count(head)) {
        m = role_meaning(code);
        m.type = head == "IMG" || m.type == ActorType::ArmedGroup ? ActorType::ArmedGroup : ActorType::Organization;
        m.sector = false;
        m.sector_key.clear();
        return m;
    }
    if (code.size() <= 3) {
        m.type = ActorType::Country;
        m.country = cameo_country(head);
        return m;
    }
    m = role_meaning(code.substr(3));
    m.country = cameo_country(head);
    return m;
}

CodeMeaning ActorIndex::role_meaning(std::string_view roles_code) const {
    CodeMeaning m;
    std::vector<std::string> roles;
    for (std::size_t i = 0; i + 3 <= roles_code.size(); i += 3) roles.emplace_back(roles_code.substr(i, 3));
    if (roles.empty()) return m;
    m.role = roles.front();
    const bool all_known =
        std::all_of(roles.begin(), roles.end(), [](const std::string& r) { return is_known_role(r); });
    // The first role decides: "GOVFRM" (foreign ministry) is the government, "MILNAV" the
    // military; "HMSMIL" (a named group's armed wing) is not a state body.
    if (const Sector* s = sector_of(roles.front())) {
        m.type = s->type;
        m.sector = true;
        m.sector_key = std::string(s->key);
        return m;
    }
    // A named group ("HMS…") or another sector of society ("OPP", "MED"): an armed group
    // when one of its roles says so, else an organisation.
    m.type = ActorType::Organization;
    for (const auto& r : roles)
        if (kArmedRoles.count(r) || (!all_known && r == "MIL")) m.type = ActorType::ArmedGroup;
    return m;
}

const ActorIndex::DictInfo& ActorIndex::dictionary_info(std::size_t g) const {
    static const DictInfo none;
    return g < base_ ? none : extra_info_[g - base_];
}

void ActorIndex::add_dictionary(const ActorDictionary& dictionary) {
    for (const auto& a : dictionary.agents()) agent_keys_.insert(name_key(a.phrase));
    // Countries first, so later records can name their country by code ("ITHMIL").
    std::vector<const DictionaryActor*> rest;
    for (const auto& a : dictionary.actors()) {
        const std::string& code = a.type ? a.country : a.default_code;
        const bool country = a.type ? *a.type == ActorType::Country
                                    : !a.is_person() && code.size() == 3 && !kInternational.count(code) &&
                                          code != "---" && code != "+++";
        if (!country || code.empty()) {
            rest.push_back(&a);
            continue;
        }
        // The gazetteer's country when the record names it ("AFGHANISTAN_ [AFG]"), else
        // the country this dictionary already defined under the code; a record naming
        // none of them defines a new country even when its code is an ISO one
        // (PETRARCH's test dictionary has "ERIADOR [ERI]", and ERI is Eritrea).
        std::size_t known = npos;
        for (const auto& n : a.names)
            if (const auto* hits = by_name(name_key(dictionary_phrase(n))))
                for (std::size_t h : *hits)
                    if (h < base_ && entry(h).type == ActorType::Country && known == npos) known = h;
        if (known == npos)
            if (auto it = dict_countries_.find(code); it != dict_countries_.end()) known = it->second;
        if (known != npos) {
            if (known < base_) dict_countries_.emplace(code, known);
            // A country the gazetteer knows: its new names become names of that entry.
            GazetteerEntry names;
            names.names = a.names;
            for (auto& n : names.names) n = dictionary_phrase(n);
            add_names(known, names);
            if (known >= base_) {
                auto& e = extra_[known - base_];
                e.names.insert(e.names.end(), names.names.begin(), names.names.end());
            }
            continue;
        }
        GazetteerEntry e;
        e.type = ActorType::Country;
        e.label = display_name(dictionary_phrase(a.label));
        for (const auto& n : a.names) e.names.push_back(dictionary_phrase(n));
        e.iri = a.iri.empty() ? mint_iri(std::string(kActorNs) + "dict", ActorType::Country, code) : a.iri;
        if (code.size() == 2) e.country_code = code;
        dict_countries_[code] = base_ + extra_.size();
        extra_info_.push_back(DictInfo{DictKind::Named, &a, {}});
        add_names(base_ + extra_.size(), e);
        extra_.push_back(std::move(e));
    }
    for (const DictionaryActor* a : rest) add_dictionary_actor(*a);
    // Actor names are in the gazetteer maps; the phrase index serves the agents.
    std::vector<DictionaryPhrase> agents = dictionary.phrases();
    agents.erase(std::remove_if(agents.begin(), agents.end(), [](const DictionaryPhrase& p) { return !p.agent; }),
                 agents.end());
    agents_ = DictionaryIndex(std::move(agents));
}

void ActorIndex::add_dictionary_actor(const DictionaryActor& a) {
    GazetteerEntry e;
    DictInfo info{DictKind::Named, &a, {}};
    e.label = display_name(dictionary_phrase(a.label));
    for (const auto& n : a.names) {
        std::string p = dictionary_phrase(n);
        // Short one-word names in capitals are acronyms: "IMF" must be written so.
        if (p.size() <= 4 && p.find(' ') == std::string::npos &&
            std::all_of(p.begin(), p.end(), [](unsigned char c) { return std::isupper(c) || c == '.'; }))
            e.acronyms.push_back(p);
        else
            e.names.push_back(p);
    }
    if (a.is_person()) {
        e.type = ActorType::Person;
        info.kind = DictKind::Person;
    } else {
        info.meaning = meaning(a.code_at(std::nullopt));
        e.type = a.type ? *a.type : info.meaning.type;
        // newskg's TSV: a Government or Military row with a country and no role is that
        // country's government or military.
        if (a.type && (e.type == ActorType::Government || e.type == ActorType::Military) &&
            info.meaning.type == ActorType::Country) {
            info.meaning.type = e.type;
            info.meaning.sector = true;
        }
        if (e.type == ActorType::Actor) return; // "---": the dictionary says it is no actor
        if (info.meaning.sector && info.meaning.country != npos && e.type == info.meaning.type) {
            // "ISRAELI_TROOPS [ISRMIL]" is the Israeli military, as "Israeli troops" is; a
            // named institution ("FEDERAL_BUREAU_OF_INVESTIGATION [USACOP]") is an actor of
            // its own, part of its country.
            e.parent_iri = entry(info.meaning.country).iri;
            e.parent_relation = "partOf";
            if (std::all_of(e.names.begin(), e.names.end(),
                            [&](const std::string& n) { return generic_body_name(name_key(n)); }))
                info.kind = DictKind::Sector;
        }
        if (info.meaning.country != npos) e.country_code = entry(info.meaning.country).country_code;
    }
    e.iri = !a.iri.empty() ? a.iri
                           : mint_iri(std::string(kActorNs) + "dict", e.type, name_key(e.label));
    add_names(base_ + extra_.size(), e);
    extra_.push_back(std::move(e));
    extra_info_.push_back(std::move(info));
}

bool ActorIndex::generic_body_name(const std::string& key) const {
    // A country's name or adjective (one to three words), then a body noun.
    for (std::size_t cut = key.find(' '), words = 1; cut != std::string::npos && words <= 3;
         cut = key.find(' ', cut + 1), ++words) {
        const std::string head = key.substr(0, cut), rest = key.substr(cut + 1);
        bool country = by_adjective(head) != nullptr;
        if (const auto* hits = by_name(head))
            for (std::size_t h : *hits)
                if (entry(h).type == ActorType::Country) country = true;
        if (!country) continue;
        if (cues_.has_role(rest, "military_head") || cues_.has_role(rest, "government_head")) return true;
        if (agent_keys_.count(rest)) return true;
    }
    return false;
}

std::optional<std::pair<std::size_t, std::string>> ActorIndex::agent_at(const Document& doc, std::size_t i,
                                                                          std::size_t limit) const {
    if (!dictionary_) return std::nullopt;
    const auto found = agents_.match(doc, i, limit, true);
    if (found.empty()) return std::nullopt;
    const DictionaryAgent& a = dictionary_->agents()[found.front().phrase->entry];
    return std::make_pair(found.front().end, a.code);
}

} // namespace newskg
