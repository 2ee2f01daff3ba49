// State actors: a country reference and a head ("Malian forces", "Mali's junta"),
// capitals, and dictionary agents ("the Gondor foreign minister").
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::is_verbish(std::size_t k) const -> bool {
    const std::string& w = lower_[k];
    static const std::set<std::string> aux{"is", "are", "was", "were", "has", "have", "had",
                                           "said", "says", "will", "would", "could", "can",
                                           "may", "might", "did", "does", "do", "and", "or",
                                           "of", "in", "on", "to", "for", "with", "by", "from"};
    return aux.count(w) > 0 || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0);
}

auto Recognizer::country_pattern(std::size_t i, std::vector<Match>& out) -> void {
    auto c = country_ref_at(i);
    if (!c) return;
    const std::size_t j = c->end;
    const std::size_t cg = c->gaz;
    const CountryRef ref = *c;
    // Country + known non-country actor (+ member head): "Russian Wagner troops",
    // "Russia's Wagner mercenary group", "Russia's GRU".
    if (auto g = gazetteer_at(j); g && idx_.entry(g->second).type != ActorType::Country) {
        std::size_t gi = g->second;
        std::size_t hend = g->first;
        if (auto h = cue_at(hend, "member_head")) hend = h->first;
        Match m;
        m.end = hend;
        m.priority = 4;
        m.apply = [=, this]() {
            std::size_t country = country_entity(cg);
            std::size_t ent = gaz_entity(gi);
            mention(i, ref.name_end, country, ref.adjective ? MentionKind::Demonym : MentionKind::Name, false);
            mention(i, hend, ent, MentionKind::Name);
            mention(j, hend, ent, MentionKind::Name, false);
            link(ent, country, "affiliatedWith", "actors:country-modifier");
        };
        out.push_back(std::move(m));
    }
    // Country + heads: military, government, ministry, armed groups.
    for (std::size_t skip = 0; skip <= 2; ++skip) {
        std::size_t k = j + skip;
        if (skip > 0) {
            std::size_t w = k - 1;
            if (!word(w) || cap_[w] || !is_alpha_word(lower_[w]) || is_verbish(w)) break;
            static const std::set<std::string> mods{
                "military", "ruling", "interim", "transitional", "new", "former", "armed",
                "security", "special", "regular", "national", "elite", "own", "federal",
                "official", "central", "state", "top", "defence", "defense", "foreign",
                "interior", "health", "finance", "justice", "economy", "trade", "main",
                "senior", "chief", "largest", "leading"};
            if (!mods.count(lower_[w])) break;
        }
        // Agent nouns of the actor dictionaries: "Osgiliath soldiers", "Gondor's
        // foreign minister", "Arnor former security officials".
        if (auto ag = idx_.agent_at(doc_, k, sent_end_); ag && !modifies_next_noun(ag->first)) {
            const std::size_t hend = ag->first;
            const std::string code = ag->second;
            Match m;
            m.end = hend;
            m.priority = 3;
            m.apply = [=, this]() { apply_country_agent(i, ref, hend, code); };
            out.push_back(std::move(m));
        }
        for (std::string_view role : {"military_head", "government_head", "ministry_head", "group_head"}) {
            auto h = cue_at(k, role);
            if (!h || modifies_next_noun(h->first)) continue;
            std::size_t hend = h->first;
            std::string role_s(role);
            Match m;
            m.end = hend;
            m.priority = 3;
            m.apply = [=, this]() { apply_country_head(i, ref, cg, j, hend, role_s); };
            out.push_back(std::move(m));
        }
    }
    // "tariffs on Mexican imports": a country's goods stand for the country as the
    // target of trade measures; the adjective is the mention.
    if (ref.adjective) {
        // Up to five words on: other adjectives, "and", "or", commas and a modifier
        // ("Mexican and most Canadian imports").
        std::size_t k = j;
        bool trade = false;
        for (; k < sent_end_ && k < j + 5; ++k) {
            if (cue_at(k, "trade_head")) {
                trade = true;
                break;
            }
            if (!(is(k, "and") || is(k, "or") || is(k, ",") || idx_.by_adjective(lower_[k]) ||
                  (word(k) && !cap_[k] && is_alpha_word(lower_[k]) && !is_verbish(k))))
                break;
        }
        // "Arnorian strikes", "Arnorian missile factories": the country acts or owns.
        if (!trade) trade = demonym_thing(j, 3) || demonym_argument(ref.name_end - 1);
        if (trade) {
            Match m;
            m.end = ref.name_end;
            m.priority = 2;
            m.apply = [=, this]() {
                mention(i, ref.name_end, country_entity(cg), MentionKind::Demonym);
                // "British-flagged": the adjective is the mention, not what follows the hyphen.
                const std::string_view last = text(ref.name_end - 1);
                if (const auto dash = last.find('-'); dash != std::string_view::npos && dash > 0)
                    x_.mentions.back().span.end -= last.size() - dash;
            };
            out.push_back(std::move(m));
            return;
        }
    }
    // A capital city after a place cue is a place; otherwise the bare country name.
    Match m;
    m.end = ref.name_end;
    m.priority = 1;
    m.apply = [=, this]() {
        if (!ref.adjective) {
            mention(i, ref.name_end, country_entity(cg), MentionKind::Name);
        } else {
            // A lone adjective names no actor by itself ("Malian soil"); a plural
            // demonym names the people ("Palestinians"), which are not an actor either.
            claimed_[i] = true;
        }
    };
    out.push_back(std::move(m));
}

auto Recognizer::capital_pattern(std::size_t i, std::vector<Match>& out) -> void {
    if (!word(i) || !cap_[i] || claimed_[i]) return;
    for (std::size_t len = std::min<std::size_t>(3, sent_end_ - i); len >= 1; --len) {
        const auto* hits = idx_.by_capital(key_of(i, i + len));
        if (!hits) continue;
        const std::size_t cg = hits->front();
        const std::size_t end = i + len;
        // After a place preposition, or as a dateline ("NIAMEY (AP) —"), a capital is a
        // place; elsewhere ("Moscow rejected …", "accused Paris of …") it stands for its
        // country, as news uses it.
        const std::size_t first = doc_.sentences[sent_].tokens.first;
        std::size_t before = i;
        // "in southern Beirut": a compass adjective between the preposition and the city.
        if (before > first + 1 && (is(before - 1, "northern") || is(before - 1, "southern") ||
                                   is(before - 1, "eastern") || is(before - 1, "western") ||
                                   is(before - 1, "central") || is(before - 1, "downtown")))
            --before;
        // A word after which a name is where something goes or happens ("in", "to", …).
        auto to_a_place = [&](std::size_t k) {
            return cues_.has_role(lower_[k], "place_cue") || is(k, "to") || is(k, "from") || is(k, "into") ||
                   is(k, "across");
        };
        // "sanctions on Tehran", "tariffs against Beijing": a measure of trade is aimed at a state.
        const bool measure_on = before > first + 1 && (is(before - 1, "on") || is(before - 1, "against")) &&
                                cues_.has_role(lower_[before - 2], "economic_measure");
        // "officials in Kinshasa", "leaders in Moscow": office holders in a capital are its state's.
        auto office_word = [&](const std::string& w) {
            return cues_.has_role(w, "title") || cues_.has_role(w, "leader_title") ||
                   cues_.has_role(w, "government_head");
        };
        // Plural only: "met his counterpart in Luanda" says where they met.
        auto plural_office_holder = [&](const std::string& w) {
            return w.size() > 3 && w.back() == 's' && (office_word(w) || office_word(w.substr(0, w.size() - 1)));
        };
        // "the government in Niamey", "the junta in Bamako": a capital is where its state sits.
        const bool officials_in = before > first + 1 && is(before - 1, "in") &&
                                  (plural_office_holder(lower_[before - 2]) ||
                                   cues_.has_role(lower_[before - 2], "government_head"));
        const bool after_place_word =
            !measure_on && !officials_in && before > first &&
            (to_a_place(before - 1) || is(before - 1, "on") || is(before - 1, "over") || is(before - 1, "of") ||
             cue_at(before - 1, "place_head")); // "the Georgian capital Tbilisi"
        const bool dateline = i == first && is_all_caps(text(i)) &&
                              (is(end, "(") || is(end, ",") || is(end, ":") || is(end, "\xE2\x80\x94") || is(end, "-"));
        // "in New South Wales, Victoria and Queensland": a capital's name in a list of
        // places after a place word is a place too (here not Seychelles' capital).
        bool in_place_list = false;
        if (!after_place_word && before > first + 1 && (is(before - 1, ",") || is(before - 1, "and"))) {
            std::size_t k = before - 1;
            bool names = false;
            while (k > first && (is(k, ",") || is(k, "and") || (word(k) && cap_[k]))) {
                names |= word(k) && cap_[k];
                --k;
            }
            in_place_list = names && to_a_place(k);
        }
        const bool place = after_place_word || in_place_list;
        Match m;
        m.end = end;
        m.priority = 1;
        m.apply = [=, this]() {
            if (dateline) {
                // "BAMAKO —": where the article was filed, not an actor of it.
                for (std::size_t k = i; k < end; ++k) claimed_[k] = true;
            } else if (place) {
                std::size_t country = npos;
                std::string key = key_of(i, end);
                std::size_t loc = entity(mint_iri(opt_.base_iri, ActorType::Location, key),
                                         ActorType::Location, surface(i, end));
                mention(i, end, loc, MentionKind::Name);
                (void)country; // that a capital lies in its country is not news the article states
                // … but the relation stage reads an act aimed at a capital as aimed at its
                // state ("recalled its ambassador from Madrid", "arrived in Damascus").
                if (x_.entities[loc].country_code.empty()) x_.entities[loc].country_code = country_code(cg);
            } else {
                mention(i, end, country_entity(cg), MentionKind::Name);
            }
        };
        out.push_back(std::move(m));
        return;
    }
}

auto Recognizer::apply_country_head(std::size_t i, const CountryRef& ref, std::size_t cg, std::size_t head_b, std::size_t hend, const std::string& role) -> void {
    std::size_t country = country_entity(cg);
    const std::string cc = country_code(cg);
    const std::string cname = idx_.entry(cg).label;
    std::size_t ent;
    std::string predicate = "partOf";
    if (role == "military_head") {
        ent = entity(mint_iri(opt_.base_iri, ActorType::Military, cc.empty() ? cname : cc),
                     ActorType::Military, surface(i, hend));
    } else if (role == "government_head") {
        ent = entity(mint_iri(opt_.base_iri, ActorType::Government, cc.empty() ? cname : cc),
                     ActorType::Government, surface(i, hend));
    } else if (role == "ministry_head") {
        std::string key = (cc.empty() ? cname : cc) + " " + key_of(head_b, hend);
        ent = entity(mint_iri(opt_.base_iri, ActorType::Government, key), ActorType::Government,
                     surface(i, hend));
    } else {
        std::string key = group_key(text(i), cues_);
        ent = entity(mint_iri(opt_.base_iri, ActorType::ArmedGroup, key), ActorType::ArmedGroup,
                     surface(i, hend));
        group_key_of_entity_[ent] = key;
        predicate = "affiliatedWith";
    }
    if (!ref.adjective) mention(i, ref.name_end, country, MentionKind::Name, false);
    mention(i, hend, ent, MentionKind::Name);
    link(ent, country, predicate, "actors:country-" + role);
}

auto Recognizer::apply_country_agent(std::size_t i, const CountryRef& ref, std::size_t hend, const std::string& code) -> void {
    const CodeMeaning roles = idx_.role_meaning(code);
    // A dictionary pattern may end on a preposition ("EMBASSY IN"): the name stops before it
    // ("Mexico's embassy in Quito" is Mexico's embassy).
    while (hend > ref.name_end + 1 && (is(hend - 1, "in") || is(hend - 1, "on") || is(hend - 1, "with")))
        --hend;
    std::size_t country = country_entity(ref.gaz);
    // "Latvia's ambassador to", "the Afghan envoy for": a person's post with its
    // destination after it, no body of the state; the country is still named.
    if (hend > i && (is(hend - 1, "to") || is(hend - 1, "at") || is(hend - 1, "for"))) {
        mention(i, ref.name_end, country, ref.adjective ? MentionKind::Demonym : MentionKind::Name);
        return;
    }
    if (!ref.adjective) mention(i, ref.name_end, country, MentionKind::Name, false);
    // "Iranian state media" is an outlet of the state, not its government.
    const bool media = code.size() >= 3 && code.compare(code.size() - 3, 3, "MED") == 0;
    if (roles.sector && !media) {
        CodeMeaning m = roles;
        m.country = ref.gaz;
        mention(i, hend, sector_entity(m, surface(i, hend)), MentionKind::Name);
        return;
    }
    const auto& c = idx_.entry(ref.gaz);
    std::string key = (c.country_code.empty() ? c.label : c.country_code) + " " + (media ? std::string("media") : lower(roles.role));
    const ActorType t = media || roles.type == ActorType::Actor ? ActorType::Organization : roles.type;
    std::size_t ent = entity(mint_iri(opt_.base_iri, t, key), t, surface(i, hend));
    if (t == ActorType::ArmedGroup) group_key_of_entity_[ent] = key;
    mention(i, hend, ent, MentionKind::Name);
    link(ent, country, "affiliatedWith", "actors:dictionary-agent");
}

auto Recognizer::agent_pattern(std::size_t i, std::vector<Match>& out) -> void {
    std::size_t j = i;
    if (is(j, "the")) ++j;
    while (is(j, "former") || is(j, "senior") || is(j, "top")) ++j;
    auto ag = idx_.agent_at(doc_, j, sent_end_);
    if (!ag || modifies_next_noun(ag->first)) return;
    const std::size_t hend = ag->first;
    bare_agent(i, j, hend, ag->second, out);
    // "in" says where, not whose, for forces ("1,000 fighters in Mali" are not Mali's);
    // "officials in Fornost", "activists in Arnor" are of the place.
    const CodeMeaning what = idx_.role_meaning(ag->second);
    const bool force = what.type == ActorType::Military || what.type == ActorType::ArmedGroup;
    if (!(is(hend, "of") || is(hend, "from") || (is(hend, "in") && !force))) return;
    // "received F-16 jets from Denmark": weapons come from somewhere, they are no body of it.
    if (is(hend, "from") && cues_.has_role(lower_[hend - 1], "weapon_head")) return;
    // "withdrew its troops from Chad": forces someone owns come from a place, they are
    // not that place's.
    if (is(hend, "from") && i > doc_.sentences[sent_].tokens.first &&
        (is(i - 1, "its") || is(i - 1, "their") || is(i - 1, "his") || is(i - 1, "her") || is(i - 1, "our")))
        return;
    std::size_t c = hend + 1;
    if (is(c, "the")) ++c;
    auto cr = country_ref_at(c);
    // "diplomats in Kinshasa", "officials from Moscow": people of a capital act for its
    // state ("the mayor of Kyiv" is the city's, so not after "of"; "the presidential
    // palace in Niamey" is a building, so only a plural of people).
    const std::string& agent_word = lower_[hend - 1];
    if (!cr && !is(hend, "of") && agent_word.size() > 3 && agent_word.back() == 's' && word(c) && cap_[c] &&
        !claimed_[c])
        for (std::size_t len = std::min<std::size_t>(3, sent_end_ - c); len >= 1 && !cr; --len)
            if (const auto* hits = idx_.by_capital(key_of(c, c + len)))
                cr = CountryRef{c + len, hits->front(), c + len, false};
    if (!cr || cr->adjective) return;
    const CountryRef ref = *cr;
    // "the prime ministers of Spain and Portugal": office holders of several states are
    // no one state's body; the relation stage gives each state its part.
    if (is(hend, "of") && ref.name_end < sent_end_ && (is(ref.name_end, "and") || is(ref.name_end, ","))) {
        std::size_t n = ref.name_end + 1;
        if (is(n, "the")) ++n;
        if (n < sent_end_ && country_ref_at(n)) return;
    }
    const std::string code = ag->second;
    Match m;
    m.end = ref.name_end;
    m.priority = 3;
    m.apply = [=, this]() {
        const CodeMeaning roles = idx_.role_meaning(code);
        std::size_t country = country_entity(ref.gaz);
        mention(c, ref.name_end, country, MentionKind::Name);
        if (roles.sector) {
            CodeMeaning cm = roles;
            cm.country = ref.gaz;
            mention(i, ref.name_end, sector_entity(cm, surface(i, ref.name_end)), MentionKind::Name);
        } else {
            const auto& ce = idx_.entry(ref.gaz);
            std::string key = (ce.country_code.empty() ? ce.label : ce.country_code) + " " + lower(roles.role);
            const ActorType t = roles.type == ActorType::Actor ? ActorType::Organization : roles.type;
            std::size_t ent = entity(mint_iri(opt_.base_iri, t, key), t, surface(i, hend));
            // The whole phrase names them too: "activists in Arnor" are not just any.
            mention(i, ref.name_end, ent, MentionKind::Name);
            link(ent, country, "affiliatedWith", "actors:dictionary-agent");
        }
    };
    out.push_back(std::move(m));
}

auto Recognizer::bare_agent(std::size_t i, std::size_t j, std::size_t hend, const std::string& code, std::vector<Match>& out) -> void {
    const CodeMeaning what = idx_.role_meaning(code);
    if (!what.sector || what.type == ActorType::Actor) return;
    // Counted soldiers are people ("killed four soldiers"), not the body.
    static const std::set<std::string> counts{
        "a", "an", "one", "each", "every", "another", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several", "some",
        "many", "few", "more", "most", "other", "no", "both", "these", "those"};
    if (i > doc_.sentences[sent_].tokens.first &&
        (counts.count(lower_[i - 1]) || doc_.tokens[i - 1].kind == TokenKind::Number || possessive(i - 1)))
        return;
    if (j > i && !is(i, "the")) return;
    // Where a subject starts: the sentence's start, "the", after a comma or a
    // conjunction ("…, riot police intervened"); not after a modifier ("mounted soldiers").
    if (j == i && i > doc_.sentences[sent_].tokens.first &&
        !(is(i - 1, ",") || is(i - 1, "and") || is(i - 1, "but") || is(i - 1, "while") ||
          is(i - 1, "when") || is(i - 1, "after") || is(i - 1, "as") || is(i - 1, "that") ||
          is(i - 1, "\"") || doc_.tokens[i - 1].kind == TokenKind::Punct))
        return;
    // A plural or "police": "military", "government" alone are modifiers as often
    // ("military cooperation") as bodies.
    const std::string& last = lower_[hend - 1];
    if (!(last == "police" || (last.size() > 3 && last.back() == 's'))) return;
    Match m;
    m.end = hend;
    m.priority = 0;
    const ActorType t = what.type;
    m.apply = [=, this]() {
        defer(Pending::Description, i, hend, {t}, key_of(j, hend));
        pending_.back().relation = "agent";
    };
    out.push_back(std::move(m));
}

} // namespace newskg::recognition
