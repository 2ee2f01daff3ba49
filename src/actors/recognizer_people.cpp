// People named with their titles ("Rebel spokesperson Mohamed Ramadane", "Mr. Laurence").
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::titles_at(std::size_t i) const -> std::optional<std::pair<std::size_t, std::string>> {
    std::size_t j = i;
    std::string kind;
    while (j < sent_end_) {
        // "at 2 PM Geneva time": after a number, "PM" is the time of day.
        if (is(j, "pm") && j > 0 && doc_.tokens[j - 1].kind == TokenKind::Number) break;
        std::optional<std::pair<std::size_t, std::string>> best;
        for (std::string_view role : {"spokes_title", "leader_title", "title"}) {
            auto c = cue_at(j, role);
            if (c && (!best || c->first > best->first)) {
                best = c;
                if (kind.empty() || role != "title") kind = std::string(role);
            }
        }
        if (!best) break;
        j = best->first;
    }
    if (j == i) return std::nullopt;
    return std::make_pair(j, kind);
}

namespace {
/// "al-Amr", "el-Sisi": an article joined by a hyphen to a capitalised name.
bool joined_article(std::string_view t) {
    for (std::string_view a : {"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-"})
        if (t.size() > a.size() + 1 && t.compare(0, a.size(), a) == 0 &&
            std::isupper(static_cast<unsigned char>(t[a.size()])))
            return true;
    return false;
}
} // namespace

auto Recognizer::person_name_end(std::size_t i) const -> std::size_t {
    std::size_t j = i;
    // In a Title Case heading the verb is capitalised too ("Latvian PM Slams Estonia"):
    // the word the tagger takes for a verb ends the name.
    const bool heading = doc_.sentences[sent_].heading;
    while (j < sent_end_ && j - i < 5) {
        if (heading && upos_at(j) == "VERB") break;
        // A word never an actor alone ("Monday") ends a name unless a name word follows
        // ("Putin Monday said" is Putin).
        const bool inner_stop = j > i && word(j + 1) && cap_[j + 1] && !stop(j + 1);
        if (word(j) && cap_[j] && !claimed_[j] && (!stop(j) || inner_stop)) {
            ++j;
            continue;
        }
        // "Suleiman al-Amr": an Arabic article joined to a capitalised name.
        if (j > i && word(j) && !cap_[j] && joined_article(text(j))) {
            ++j;
            continue;
        }
        // Particles inside names: "bin", "al", "de", "van".
        if (j > i && word(j) && j + 1 < sent_end_ && cap_[j + 1] &&
            (is(j, "bin") || is(j, "al") || is(j, "de") || is(j, "van") || is(j, "von") ||
             is(j, "da") || is(j, "el") || is(j, "ibn"))) {
            ++j;
            continue;
        }
        break;
    }
    // A name stops before a word that starts a title or an organisation noun.
    return j;
}

/// Whether a title starting at j reaches at least to `end` ("Secretary of State").
bool Recognizer::title_covers(std::size_t j, std::size_t end) const {
    const auto t = titles_at(j);
    return t && t->first >= end;
}

auto Recognizer::title_person(std::size_t i, std::vector<Match>& out) -> void {
    // [modifier] [titles] Name — the modifier is a country, an organisation or "rebel".
    std::size_t j = i;
    std::optional<std::size_t> owner;      // entity-producing modifier (gazetteer index)
    std::optional<CountryRef> owner_country;
    bool rebel = false, unknown_owner = false;
    while (is(j, "former") || is(j, "ousted") || is(j, "late") || is(j, "acting") ||
           is(j, "interim") || is(j, "deputy") || is(j, "senior") || is(j, "then"))
        ++j;
    std::size_t owner_begin = j, owner_end = j;
    if (auto c = country_ref_at(j)) {
        owner_country = c;
        owner_end = c->end;
        j = c->end;
    } else if (auto g = gazetteer_at(j); g && !title_covers(j, g->first)) {
        // (A dictionary entry that is itself a title, "Secretary of State", is the title
        // of the name after it, not its owner.)
        owner = g->second;
        owner_end = g->first;
        j = g->first;
        if (possessive(j)) ++j;
    } else if (is(j, "rebel") || is(j, "rebels'") || cues_.has_role(lower_[j], "government_head") ||
               cues_.has_role(lower_[j], "military_head") || cues_.has_role(lower_[j], "group_head")) {
        // "Rebel spokesperson X", "Government spokeswoman X", "Army spokesman X": the
        // owner is the actor of that kind in focus, resolved once the article is read.
        rebel = true;
        owner_end = j + 1;
        ++j;
    } else if (!titles_at(j)) {
        // "Daily Courier reporter Anna Lind", "the Tesla CEO Ana Ruiz": an unknown proper
        // name before a title is the body the person works for. Its last word must be
        // tagged a proper noun, and one word alone must not open the sentence, where
        // any word is capitalised ("Veteran reporter Anna Lind").
        std::size_t k = j;
        while (k < sent_end_ && k < j + 4 && word(k) && cap_[k] && !claimed_[k] && !titles_at(k)) ++k;
        const bool opens = j == doc_.sentences[sent_].tokens.first;
        // A title written capitalised inside a run of names is part of a name
        // ("Hassan Sheikh Mohamud"): only a lower-case or acronym title ("reporter",
        // "CEO") separates a body from its person.
        const bool plain_title = k < sent_end_ && (!cap_[k] || is_all_caps(text(k)));
        if (k > j && titles_at(k) && plain_title && upos_at(k - 1) == "PROPN" && !(opens && k == j + 1)) {
            unknown_owner = true;
            owner_end = k;
            j = k;
        }
    }
    auto t = titles_at(j);
    if (!t || is(t->first, "of")) {
        if (auto pt = portfolio_title_at(t ? t->first - 1 : j)) {
            portfolio_person(i, owner_begin, owner_country, *pt, out);
            return;
        }
    }
    if (!t) return;
    std::size_t name_b = t->first;
    // "Afghan Ambassador to the United States Hamdullah Mohib": the post's destination
    // between the title and the name is no part of the name; it is named as itself.
    std::optional<std::pair<std::size_t, std::size_t>> destination; // tokens of the country, gazetteer index
    std::size_t destination_b = 0;
    if (is(name_b, "to") && (is(name_b - 1, "ambassador") || is(name_b - 1, "envoy") || is(name_b - 1, "representative"))) {
        std::size_t c = name_b + 1;
        if (is(c, "the")) ++c;
        if (auto cr = country_ref_at(c); cr && !cr->adjective) {
            destination = std::pair<std::size_t, std::size_t>{cr->name_end, cr->gaz};
            destination_b = c;
            name_b = cr->name_end;
        } else if (auto g = gazetteer_at(c)) {
            destination = std::pair<std::size_t, std::size_t>{g->first, g->second};
            destination_b = c;
            name_b = g->first;
        }
    }
    // "his Latvian counterpart, Ilze Ozola, said": a country's title in apposition to the
    // name after the comma (not "the Latvian president, Ilze Ozola said …": a clause).
    const bool apposed = owner_country && owner_country->adjective && is(name_b, ",");
    if (apposed) ++name_b;
    std::size_t name_e = person_name_end(name_b);
    if (name_e == name_b) return;
    if (apposed && name_e < sent_end_ && !is(name_e, ",") && !is(name_e, ".") && !is(name_e, "and")) return;
    // The name must not itself be a known actor ("President Putin" is fine, "President
    // of Mali" is not a name).
    if (name_e - name_b == 1 && idx_.by_name(lower_[name_b]) &&
        idx_.entry(idx_.by_name(lower_[name_b])->front()).type != ActorType::Person)
        return;
    // "official National News Agency" is an organisation, not a person.
    for (std::size_t k = name_b; k < name_e; ++k)
        if (cues_.has_role(lower_[k], "org_suffix")) return;
    const std::string kind = t->second;
    const std::size_t begin = i;
    Match m;
    m.end = name_e;
    m.priority = 3;
    m.apply = [=, this]() {
        std::string key = key_of(name_b, name_e);
        std::size_t p = entity(mint_iri(opt_.base_iri, ActorType::Person, key),
                               ActorType::Person, surface(name_b, name_e));
        mention(name_b, name_e, p, MentionKind::Name);
        // The whole phrase is an alias too ("Kremlin spokesman Dmitry Peskov").
        mention(begin, name_e, p, MentionKind::Name, false);
        if (destination) mention(destination_b, destination->first, gaz_entity(destination->second), MentionKind::Name);
        std::string rel = kind == "spokes_title" ? "spokespersonOf"
                          : kind == "leader_title" ? "leaderOf"
                                                   : "affiliatedWith";
        if (owner_country) {
            std::size_t c = country_entity(owner_country->gaz);
            mention(owner_begin, owner_country->name_end, c,
                    owner_country->adjective ? MentionKind::Demonym : MentionKind::Name);
            link(p, c, rel == "spokespersonOf" ? rel : "affiliatedWith", "actors:title-of-country");
        } else if (owner) {
            std::size_t o = gaz_entity(*owner);
            mention(owner_begin, owner_end, o, MentionKind::Name);
            link(p, o, rel, "actors:title-of-organisation");
        } else if (unknown_owner) {
            std::size_t o = entity(mint_iri(opt_.base_iri, ActorType::Organization, key_of(owner_begin, owner_end)),
                                   ActorType::Organization, surface(owner_begin, owner_end));
            mention(owner_begin, owner_end, o, MentionKind::Name);
            link(p, o, rel, "actors:title-of-organisation");
        } else if (!rebel && cues_.has_role(lower_[name_b - 1], "state_title") && cap_[begin]) {
            // "President Luis Arce", "Deputy Interior Minister X" with no country named:
            // an office of the state the article is about, unless the person is known.
            // Written as a title (capitalised): "the association's president X" is not.
            pending_.push_back(Pending{Pending::StateTitle, TokenRange{begin, name_b}, sent_,
                                       {ActorType::Country}, lower_[name_b - 1], "", p, "affiliatedWith"});
        } else if (rebel) {
            const std::string w = lower_[owner_begin];
            std::vector<ActorType> types{ActorType::ArmedGroup};
            if (cues_.has_role(w, "government_head")) types = {ActorType::Government, ActorType::Country};
            else if (cues_.has_role(w, "military_head")) types = {ActorType::Military};
            Pending pd{Pending::Rebel, TokenRange{owner_begin, owner_end}, sent_, types, w, "", p, rel};
            pending_.push_back(pd);
        }
        for (std::size_t k = begin; k < name_e; ++k) claimed_[k] = true;
    };
    out.push_back(std::move(m));
}

auto Recognizer::portfolio_title_at(std::size_t j) const -> std::optional<PortfolioTitle> {
    // "Secretary of Energy", "Minister of Foreign Affairs", "Deputy Secretary of Homeland
    // Security": a title word, "of", and a portfolio from the cues.
    if (!word(j)) return std::nullopt;
    const std::string& head = lower_[j];
    if (head != "secretary" && head != "minister" && head != "undersecretary") return std::nullopt;
    if (!is(j + 1, "of")) return std::nullopt;
    std::size_t p = j + 2;
    if (is(p, "the")) ++p;
    auto c = cue_at(p, "portfolio");
    if (!c || !cap_[p]) return std::nullopt;
    std::size_t pend = c->first;
    // "Foreign Affairs and Trade": a second portfolio after "and".
    if (is(pend, "and") && word(pend + 1) && cap_[pend + 1])
        if (auto c2 = cue_at(pend + 1, "portfolio")) pend = c2->first;
    return PortfolioTitle{j, pend, p, pend, head};
}

auto Recognizer::portfolio_person(std::size_t i, std::size_t owner_begin, std::optional<CountryRef> owner_country,
                                  const PortfolioTitle& pt, std::vector<Match>& out) -> void {
    const std::size_t name_b = pt.end;
    const std::size_t name_e = person_name_end(name_b);
    // A name of its own: two words or more, or one not known as another actor.
    if (name_e == name_b) return;
    if (name_e - name_b == 1 && idx_.by_name(lower_[name_b])) return;
    for (std::size_t k = name_b; k < name_e; ++k)
        if (cues_.has_role(lower_[k], "org_suffix")) return;
    // A deputy, an assistant or an under-secretary is a member of the body; the
    // secretary or minister leads it.
    bool deputy = pt.head == "undersecretary";
    for (std::size_t k = i; k < pt.begin; ++k)
        if (is(k, "deputy") || is(k, "assistant") || is(k, "vice") || is(k, "under") || is(k, "junior") ||
            is(k, "state"))
            deputy = true;
    Match m;
    m.end = name_e;
    m.priority = 4;
    m.apply = [=, this]() {
        std::size_t p = entity(mint_iri(opt_.base_iri, ActorType::Person, key_of(name_b, name_e)),
                               ActorType::Person, surface(name_b, name_e));
        mention(name_b, name_e, p, MentionKind::Name);
        mention(i, name_e, p, MentionKind::Name, false);
        std::size_t country = npos;
        std::string cc;
        if (owner_country) {
            country = country_entity(owner_country->gaz);
            cc = country_code(owner_country->gaz);
            mention(owner_begin, owner_country->name_end, country,
                    owner_country->adjective ? MentionKind::Demonym : MentionKind::Name);
        }
        // The body the title names: a department (secretaries) or a ministry.
        const std::string portfolio = surface(pt.portfolio_b, pt.portfolio_e);
        const std::string label = (pt.head == "minister" ? "Ministry of " : "Department of ") + portfolio;
        std::size_t body = entity(mint_iri(opt_.base_iri, ActorType::Government,
                                           cc + " ministry " + key_of(pt.portfolio_b, pt.portfolio_e)),
                                  ActorType::Government, label);
        if (x_.entities[body].mentions.empty() &&
            std::find(implied_.begin(), implied_.end(), body) == implied_.end())
            implied_.push_back(body);
        link(p, body, deputy ? "memberOf" : "leaderOf", "actors:portfolio-title");
        if (country != npos) link(body, country, "partOf", "actors:portfolio-title");
        for (std::size_t k = i; k < name_e; ++k) claimed_[k] = true;
    };
    out.push_back(std::move(m));
}

} // namespace newskg::recognition
