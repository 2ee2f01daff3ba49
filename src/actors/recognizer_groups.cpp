// Groups, definite descriptions and pronouns ("Tuareg-led rebels", "the junta", "it"),
// the latter two resolved once the article is read.
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::group_pattern(std::size_t i, std::vector<Match>& out) -> void {
    // [Modifier] [mods] group head: "Tuareg-led rebels", "Islamist insurgency",
    // "jihadist rebellions", "Tuareg separatist and jihadist rebellions".
    if (!word(i) || claimed_[i]) return;
    std::string key;
    if (cap_[i] && !stop(i) && !idx_.by_name(lower_[i]) && !idx_.by_adjective(lower_[i]))
        key = group_key(text(i), cues_);
    else if (!cap_[i] && !cues_.role(lower_[i], "synonym").empty())
        key = cues_.role(lower_[i], "synonym");
    if (key.empty()) {
        generic_group(i, out);
        return;
    }
    // Skip up to three modifiers ("separatist", "armed") and coordinated modifiers.
    std::size_t h = i + 1;
    for (int n = 0; n < 3 && word(h) && !cue_at(h, "group_head"); ++n) {
        if (!is_alpha_word(lower_[h]) || cap_[h] || is_verbish(h)) break;
        ++h;
    }
    // "the Civic Alliance", "the Green Movement": a word of party politics names a party,
    // which the unknown-name rule types.
    if (auto head = cue_at(h, "group_head"); head && !cues_.has_role(lower_[i], "civic_word")) {
        std::size_t hend = head->first;
        Match m;
        m.end = hend;
        m.priority = 3;
        m.apply = [=, this]() { mention(i, hend, group_entity(key, i, hend), MentionKind::Name); };
        out.push_back(std::move(m));
    } else if (cap_[i] && !cues_.role(lower_[i], "synonym").empty()) {
        // "Islamists" alone.
        Match m;
        m.end = i + 1;
        m.priority = 1;
        m.apply = [=, this]() { mention(i, i + 1, group_entity(key, i, i + 1), MentionKind::Name); };
        out.push_back(std::move(m));
    }
}

auto Recognizer::generic_group(std::size_t i, std::vector<Match>& out) -> void {
    std::size_t j = i;
    if (is(j, "the")) ++j;
    static const std::set<std::string> mods{"rebel", "armed", "terrorist", "militant",
                                            "extremist", "separatist", "criminal", "jihadist"};
    std::size_t h = j;
    while (h < sent_end_ && h - j < 3 && word(h) && mods.count(lower_[h]) && !cue_at(h, "group_head")) ++h;
    auto head = cue_at(h, "group_head");
    if (!head) return;
    const std::size_t hend = head->first;
    // "… led by (ethnic) Tuaregs"
    if ((is(hend, "led") || is(hend, "backed") || is(hend, "dominated")) && is(hend + 1, "by")) {
        std::size_t n = hend + 2;
        if (is(n, "ethnic")) ++n;
        if (word(n) && cap_[n] && !claimed_[n]) {
            std::string gkey = group_key(text(n), cues_);
            std::size_t nend = n + 1;
            Match m;
            m.end = nend;
            m.priority = 3;
            m.apply = [=, this]() { mention(i, nend, group_entity(gkey, i, nend), MentionKind::Description); };
            out.push_back(std::move(m));
        }
    }
    if (h > j && !is(i, "the") && (lower_[h] == "groups" || lower_[hend - 1] == "groups")) {
        // An indefinite plural such as "armed terrorist groups" names its own actor.
        std::string gkey = key_of(j, hend);
        Match m;
        m.end = hend;
        m.priority = 2;
        m.apply = [=, this]() { mention(i, hend, group_entity(gkey, i, hend), MentionKind::Name); };
        out.push_back(std::move(m));
        return;
    }
    if (h == j && !is(i, "the")) return; // a bare "alliance" or "fighters" is no actor
    Match m;
    m.end = hend;
    m.priority = 1;
    m.apply = [=, this]() { defer(Pending::Description, i, hend, {ActorType::ArmedGroup}, lower_[hend - 1]); };
    out.push_back(std::move(m));
}

auto Recognizer::group_entity(const std::string& key, std::size_t b, std::size_t e) -> std::size_t {
    std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::ArmedGroup, key),
                             ActorType::ArmedGroup, surface(b, e));
    group_key_of_entity_[ent] = key;
    return ent;
}

bool Recognizer::joined_modifier(std::size_t token) const {
    const std::string_view t = text(token);
    const auto dash = t.find('-');
    return dash != std::string_view::npos && dash > 0 && dash + 1 < t.size() &&
           std::isupper(static_cast<unsigned char>(t[0])) && std::islower(static_cast<unsigned char>(t[dash + 1]));
}

bool Recognizer::modifies_next(std::size_t token) const {
    // Words are in token order: the first word of the token by binary search, so that a
    // long line stays linear.
    const Sentence& sen = doc_.sentences[sent_];
    std::size_t lo = sen.words.first, hi = sen.words.last;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (doc_.words[mid].token < token) lo = mid + 1;
        else hi = mid;
    }
    if (lo >= sen.words.last || doc_.words[lo].token != token) return false;
    const Word& word = doc_.words[lo];
    return (word.deprel == "amod" || word.deprel == "compound") && word.head != kNoWord && word.head > lo &&
           doc_.words[word.head].upos == "NOUN";
}

auto Recognizer::description_pattern(std::size_t i, std::vector<Match>& out) -> void {
    // "the junta", "the mission", "the military", "the West African nation".
    if (!is(i, "the") && !(word(i) && cap_[i] && !idx_.by_name(lower_[i]))) return;
    std::size_t j = i;
    if (is(j, "the")) ++j;
    // Region words before a country noun: "West African", "Gulf", "Horn of Africa".
    std::size_t caps = j;
    while (caps < sent_end_ && caps - j < 3 && word(caps) && cap_[caps] && !claimed_[caps] &&
           !idx_.by_name(lower_[caps]))
        ++caps;
    if (caps > j) {
        if (auto c = cue_at(caps, "country_noun")) {
            std::size_t hend = c->first;
            // "a Palestinian state": without "the", a demonym before the country noun names
            // that country; it is no description of another one ("the Central African
            // nation" may well describe Chad).
            if (auto cr = country_ref_at(j); cr && !is(i, "the") && cr->adjective && cr->name_end == caps) {
                const std::size_t g = cr->gaz;
                Match m;
                m.end = hend;
                m.priority = 2;
                m.apply = [=, this]() { mention(j, hend, country_entity(g), MentionKind::Name); };
                out.push_back(std::move(m));
                return;
            }
            Match m;
            m.end = hend;
            m.priority = 2;
            m.apply = [=, this]() { defer(Pending::Description, i, hend, {ActorType::Country}, "country"); };
            out.push_back(std::move(m));
        }
        return;
    }
    if (!is(i, "the")) return;
    // Skip adjectives such as "regional", "military", "UN-led"? keep to one lowercase word.
    for (std::size_t skip = 0; skip <= 1; ++skip) {
        std::size_t k = j + skip;
        if (skip == 1 && (!word(j) || cap_[j] || is_verbish(j))) break;
        struct Head {
            const char* role;
            std::vector<ActorType> types;
        };
        const Head heads[] = {
            {"government_head", {ActorType::Government}},
            {"military_head", {ActorType::Military}},
            {"subunit_head", {ActorType::Organization}},
            {"group_head", {ActorType::ArmedGroup}},
            {"country_noun", {ActorType::Country}},
        };
        for (const auto& hd : heads) {
            auto c = cue_at(k, hd.role);
            if (!c) continue;
            // "the forces" after "its": not here; "the troops" are ambiguous between
            // military and mission: allow both.
            std::vector<ActorType> types = hd.types;
            std::string head = key_of(k, c->first);
            if (std::string(hd.role) == "military_head" && (head == "troops" || head == "forces"))
                types.push_back(ActorType::Organization);
            std::size_t hend = c->first;
            // "the military takeover", "the government forces": a head word the tree hangs
            // on a noun after it modifies that noun and is no actor of its own.
            if (modifies_next(hend - 1)) continue;
            // "the current state of magic", "the nation of Arnor": a country noun with an
            // "of" phrase is another sense, or names the country itself.
            if (std::string(hd.role) == "country_noun" && is(hend, "of")) continue;
            // "the authorities of Niger", "the armed forces of Niger": a country's body.
            if ((std::string(hd.role) == "government_head" || std::string(hd.role) == "military_head") &&
                is(hend, "of")) {
                if (auto cr = country_ref_at(hend + 1); cr && !cr->adjective) {
                    const CountryRef ref = *cr;
                    const std::string role(hd.role);
                    Match mc;
                    mc.end = ref.name_end;
                    mc.priority = 3;
                    mc.apply = [=, this]() {
                        const ActorType t = role == "government_head" ? ActorType::Government : ActorType::Military;
                        const std::string cc = country_code(ref.gaz);
                        std::size_t country = country_entity(ref.gaz);
                        std::size_t body = entity(mint_iri(opt_.base_iri, t, cc.empty() ? idx_.entry(ref.gaz).label : cc),
                                                  t, surface(i, ref.name_end));
                        mention(hend + 1, ref.name_end, country, MentionKind::Name);
                        mention(i, ref.name_end, body, MentionKind::Name);
                        link(body, country, "partOf", "actors:country-" + role);
                    };
                    out.push_back(std::move(mc));
                }
            }
            Match m;
            m.end = hend;
            m.priority = 1;
            m.apply = [=, this]() { defer(Pending::Description, i, hend, types, head); };
            out.push_back(std::move(m));
        }
        // "The group" names an armed group or an organisation alike: news uses it for both.
        if (is(k, "group") && !(k + 1 < sent_end_ && word(k + 1) && cap_[k + 1])) {
            Match m;
            m.end = k + 1;
            m.priority = 1;
            m.apply = [=, this]() {
                defer(Pending::Description, i, k + 1, {ActorType::ArmedGroup, ActorType::Organization}, "group");
            };
            out.push_back(std::move(m));
        }
        // "The president", "the former general": a person the article titled so. Not
        // before a name (that is a title) or "of" (another body's holder of the title).
        if (auto t = titles_at(k); t && !(t->first < sent_end_ && (is(t->first, "of") ||
                                                                    (word(t->first) && cap_[t->first])))) {
            const std::size_t tend = t->first;
            Match m;
            m.end = tend;
            m.priority = 1;
            m.apply = [=, this]() { defer(Pending::Description, i, tend, {ActorType::Person}, key_of(k, tend)); };
            out.push_back(std::move(m));
        }
        for (std::string_view bloc : {"bloc", "organization", "organisation", "body", "union"}) {
            if (is(k, bloc)) {
                Match m;
                m.end = k + 1;
                m.priority = 1;
                m.apply = [=, this]() {
                    defer(Pending::Description, i, k + 1, {ActorType::Organization}, std::string(bloc));
                };
                out.push_back(std::move(m));
            }
        }
    }
}

auto Recognizer::pronoun_pattern(std::size_t i, std::vector<Match>& out) -> void {
    if (!(is(i, "it") || is(i, "its") || is(i, "they") || is(i, "their") || is(i, "he") ||
          is(i, "she") || is(i, "his") || is(i, "her")))
        return;
    Match m;
    m.end = i + 1;
    m.priority = 0;
    m.apply = [=, this]() {
        std::vector<ActorType> types;
        const std::string& w = lower_[i];
        if (w == "he" || w == "she" || w == "his" || w == "her")
            types = {ActorType::Person};
        else if (w == "it" || w == "its")
            types = {ActorType::Organization, ActorType::Government, ActorType::Country,
                     ActorType::Military, ActorType::ArmedGroup};
        else
            types = {ActorType::ArmedGroup, ActorType::Military, ActorType::Organization,
                     ActorType::Government, ActorType::Country};
        pending_.push_back(Pending{Pending::Pronoun, TokenRange{i, i + 1}, sent_, types, w, "", npos, ""});
        claimed_[i] = true;
    };
    out.push_back(std::move(m));
}

} // namespace newskg::recognition
