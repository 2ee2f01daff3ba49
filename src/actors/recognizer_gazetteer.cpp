// Entities and mentions, and the gazetteer pattern: names, acronyms and subunits of
// known actors ("MINUSMA", "UN mission", "Wagner mercenaries").
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::entity(const std::string& iri, ActorType type, const std::string& label, std::size_t gaz) -> std::size_t {
    auto it = by_iri_.find(iri);
    if (it != by_iri_.end()) return it->second;
    Entity e;
    e.id = EntityId{"e" + std::to_string(x_.entities.size() + 1)};
    e.iri = iri;
    e.type = type;
    e.label = label;
    if (gaz != npos) {
        const auto& g = idx_.entry(gaz);
        e.from_gazetteer = true;
        e.label = g.label;
        e.type = g.type;
        if (g.type == ActorType::Country) e.country_code = g.country_code;
    }
    // A dictionary's actor is labelled by how the article writes it (dictionaries
    // spell names in capitals, "GONDOR"), as unknown names are.
    if (gaz != npos && idx_.dictionary_info(gaz).kind != ActorIndex::DictKind::None) e.from_gazetteer = false;
    x_.entities.push_back(std::move(e));
    gaz_of_entity_.push_back(gaz);
    group_key_of_entity_.emplace_back();
    by_iri_[iri] = x_.entities.size() - 1;
    return x_.entities.size() - 1;
}

auto Recognizer::gaz_entity(std::size_t g) -> std::size_t {
    const auto& e = idx_.entry(g);
    const auto& info = idx_.dictionary_info(g);
    if (info.kind == ActorIndex::DictKind::Sector) return sector_entity(info.meaning, e.label);
    if (info.kind == ActorIndex::DictKind::Person) {
        // Minted like any person, so "Jane Doe" found by a title pattern is the same node.
        std::size_t p = entity(mint_iri(opt_.base_iri, ActorType::Person, name_key(e.label)),
                               ActorType::Person, e.label);
        if (gaz_of_entity_[p] == npos) gaz_of_entity_[p] = g;
        return p;
    }
    return entity(e.iri, e.type, e.label, g);
}

auto Recognizer::sector_entity(const CodeMeaning& m, const std::string& label) -> std::size_t {
    const auto& c = idx_.entry(m.country);
    std::string key = c.country_code.empty() ? c.label : c.country_code;
    if (!m.sector_key.empty()) key += " " + m.sector_key;
    std::size_t ent = entity(mint_iri(opt_.base_iri, m.type, key), m.type, label);
    link(ent, country_entity(m.country), "partOf", "actors:dictionary-sector");
    return ent;
}

auto Recognizer::mention(std::size_t b, std::size_t e, std::size_t ent, MentionKind kind, bool claim) -> void {
    Mention m;
    m.tokens = TokenRange{b, e};
    m.span = CharSpan{doc_.tokens[b].span.begin, doc_.tokens[e - 1].span.end};
    m.sentence = sent_;
    m.entity = x_.entities[ent].id;
    m.kind = kind;
    x_.entities[ent].mentions.push_back(x_.mentions.size());
    x_.mentions.push_back(std::move(m));
    if (x_.entities[ent].type == ActorType::Country) country_mention_at_.emplace(b, ent);
    if (claim)
        for (std::size_t i = b; i < e; ++i) claimed_[i] = true;
}

auto Recognizer::is_subunit_entry(const GazetteerEntry& e) const -> bool {
    auto fits = [](const std::string& name) {
        std::string l = lower(name);
        for (std::string_view w : {"mission", "force", "operation", "peacekeep"})
            if (l.find(w) != std::string::npos) return true;
        return false;
    };
    if (fits(e.label)) return true;
    for (const auto& n : e.names)
        if (fits(n)) return true;
    return false;
}

auto Recognizer::country_in_names(const GazetteerEntry& e) const -> std::size_t {
    if (!e.country_code.empty()) return idx_.country(e.country_code);
    for (const auto& n : e.names) {
        auto at = n.rfind(" in ");
        if (at == std::string::npos) continue;
        std::string rest = name_key(n.substr(at + 4));
        if (const auto* hits = idx_.by_name(rest))
            for (std::size_t h : *hits)
                if (idx_.entry(h).type == ActorType::Country) return h;
    }
    return npos;
}

auto Recognizer::child_subunit(std::size_t parent_gaz) -> std::size_t {
    const auto& parent = idx_.entry(parent_gaz);
    std::size_t best = npos;
    int best_score = 0;
    const auto& gaz = idx_.ontology().gazetteer();
    for (std::size_t g = 0; g < gaz.size(); ++g) {
        if (gaz[g].parent_iri != parent.iri || !is_subunit_entry(gaz[g])) continue;
        int score = 0;
        if (by_iri_.count(gaz[g].iri)) score += 4;
        if (doc_mentions_acronym(gaz[g])) score += 3;
        if (std::size_t c = country_in_names(gaz[g]); c != npos) {
            if (by_iri_.count(idx_.entry(c).iri)) score += 2;
            if (doc_mentions_name(idx_.entry(c))) score += 1;
        }
        if (score > best_score) {
            best_score = score;
            best = g;
        }
    }
    return best_score >= 2 ? best : npos;
}

// Asked for each subunit of an organisation at each of its mentions: looked up in an
// index of the article's tokens, not by reading every token again.
auto Recognizer::doc_mentions_acronym(const GazetteerEntry& e) const -> bool {
    for (const auto& a : e.acronyms)
        if (token_texts().has_token(a) || (a.size() >= 5 && token_texts().caps_within_one_edit(a))) return true;
    return false;
}

auto Recognizer::doc_mentions_name(const GazetteerEntry& e) const -> bool {
    return token_texts().has_lower(name_key(e.label));
}

auto Recognizer::gazetteer_pattern(std::size_t i, std::vector<Match>& out) -> void {
    auto g = gazetteer_at(i);
    if (!g) return;
    const std::size_t gi = g->second;
    const GazetteerEntry& e = idx_.entry(gi);
    std::size_t end = g->first;
    // A gazetteer word inside a longer unknown capitalised name is part of that name
    // ("Therese Kayikwamba Wagner" is a person, not the Wagner Group).
    if (e.type != ActorType::Country && i > doc_.sentences[sent_].tokens.first &&
        word(i - 1) && cap_[i - 1] && !claimed_[i - 1] && !stop(i - 1) && !joined_modifier(i - 1) &&
        !idx_.by_name(lower_[i - 1]) && !idx_.by_adjective(lower_[i - 1]) &&
        !cues_.by_word.count(lower_[i - 1]))
        return;

    // Capital cities as actors stand for their country ("Moscow dismissed …"); after a
    // place cue they are places ("in Abuja").
    Match m;
    m.priority = 2;
    if (e.type == ActorType::Organization || e.type == ActorType::ArmedGroup ||
        e.type == ActorType::Military || e.type == ActorType::Government) {
        // "Wagner mercenaries", "MINUSMA force", "UN mission", "UN sanctions monitors".
        std::size_t j = end;
        if (possessive(j)) ++j;
        // An organisation, then another organisation: "UN MINSMA mission".
        std::size_t inner_end = j;
        bool inner_acronym = false;
        if (j < sent_end_ && is_all_caps(text(j)) && !idx_.by_name(lower_[j])) {
            inner_acronym = true;
            inner_end = j + 1;
        }
        std::size_t k = inner_end;
        std::size_t skip = 0;
        while (skip < 2 && word(k) && !cap_[k] && !cue_at(k, "subunit_head") &&
               !cue_at(k, "collective_head") && !cue_at(k, "member_head") &&
               is_alpha_word(lower_[k]) && lower_[k].size() > 2 && !is_verbish(k)) {
            ++k;
            ++skip;
        }
        if (e.type == ActorType::Organization) {
            if (auto c = cue_at(k, "collective_head"); c && !inner_acronym) {
                std::size_t hend = c->first;
                Match mc;
                mc.end = hend;
                mc.priority = 2;
                mc.apply = [=, this]() {
                    std::size_t parent = gaz_entity(gi);
                    std::string key = key_of(i, hend);
                    std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Organization, key),
                                             ActorType::Organization, surface(i, hend));
                    mention(i, end, parent, MentionKind::Name, false);
                    mention(i, hend, ent, MentionKind::Name);
                    link(ent, parent, "partOf", "actors:organisation-collective");
                };
                out.push_back(std::move(mc));
            }
            if (auto c = cue_at(k, "subunit_head")) {
                std::size_t hend = c->first;
                // "in Mali" right after the head belongs to the name ("UN force in Mali").
                Match ms;
                ms.end = hend;
                ms.priority = 2;
                ms.apply = [=, this]() {
                    std::size_t target = npos;
                    if (inner_acronym) {
                        target = acronym_entity(text(end < j ? j : j), gi);
                    }
                    if (target == npos && is_subunit_entry(e)) target = gaz_entity(gi);
                    if (target == npos) {
                        std::size_t child = child_subunit(gi);
                        if (child != npos) target = gaz_entity(child);
                    }
                    if (target == npos) {
                        std::string key = key_of(i, hend);
                        target = entity(mint_iri(opt_.base_iri, ActorType::Organization, key),
                                        ActorType::Organization, surface(i, hend));
                        link(target, gaz_entity(gi), "partOf", "actors:organisation-subunit");
                    } else if (!is_subunit_entry(e) || inner_acronym) {
                        // The parent named in the phrase is an actor of the article too.
                        std::size_t parent = gaz_entity(gi);
                        mention(i, end, parent, MentionKind::Name, false);
                    }
                    mention(i, hend, target, MentionKind::Name);
                };
                out.push_back(std::move(ms));
            }
        }
        {
            if (auto c = cue_at(end, "member_head");
                c && (e.type == ActorType::ArmedGroup || e.type == ActorType::Military)) {
                std::size_t hend = c->first;
                Match mm;
                mm.end = hend;
                mm.priority = 2;
                mm.apply = [=, this]() { mention(i, hend, gaz_entity(gi), MentionKind::Name); };
                out.push_back(std::move(mm));
            }
        }
    }
    // A dictionary's state body and an agent noun: "Washington security officials".
    if (const auto& info = idx_.dictionary_info(gi);
        info.kind == ActorIndex::DictKind::Sector ||
        (info.kind == ActorIndex::DictKind::Named && info.meaning.sector && info.meaning.country != npos)) {
        std::size_t k = end;
        if (possessive(k)) ++k;
        if (auto ag = idx_.agent_at(doc_, k, sent_end_); ag && !modifies_next_noun(ag->first)) {
            const std::size_t hend = ag->first;
            CodeMeaning body = idx_.dictionary_info(gi).meaning;
            if (CodeMeaning r = idx_.role_meaning(ag->second); r.sector) {
                r.country = body.country;
                body = r;
            }
            Match ma;
            ma.end = hend;
            ma.priority = 2;
            ma.apply = [=, this]() { mention(i, hend, sector_entity(body, surface(i, hend)), MentionKind::Name); };
            out.push_back(std::move(ma));
        }
    }
    m.end = end;
    m.apply = [=, this]() {
        std::size_t ent = gaz_entity(gi);
        bool acr = end - i == 1 && is_all_caps(text(i));
        mention(i, end, ent, acr ? MentionKind::Acronym : MentionKind::Name);
        expand_parenthesised_acronym(end, ent);
    };
    out.push_back(std::move(m));
}

auto Recognizer::expand_parenthesised_acronym(std::size_t after, std::size_t ent) -> void {
    if (!(is(after, "(") && after + 2 < sent_end_ && is(after + 2, ")") && is_all_caps(text(after + 1))))
        return;
    const auto* known = idx_.by_acronym(std::string(text(after + 1)));
    if (known && idx_.entry(known->front()).iri != x_.entities[ent].iri) {
        // "… Mission in the Democratic Republic of the Congo (MONUSCO)": the acronym is
        // a known actor; the name before "in <country>" is its long form.
        std::size_t acr = gaz_entity(known->front());
        mention(after + 1, after + 2, acr, MentionKind::Acronym);
        if (x_.entities[ent].type == ActorType::Country) {
            const auto& country_mention = x_.mentions[x_.entities[ent].mentions.back()];
            std::size_t b = country_mention.tokens.first;
            while (b > 0 && (is(b - 1, "the"))) --b;
            if (b > 0 && is(b - 1, "in") && b >= 2) {
                for (std::size_t e = 0; e < x_.entities.size(); ++e) {
                    if (e == acr || x_.entities[e].from_gazetteer || x_.entities[e].mentions.empty()) continue;
                    const auto& last = x_.mentions[x_.entities[e].mentions.back()];
                    if (last.tokens.last == b - 1) {
                        merge_into(e, acr);
                        break;
                    }
                }
            }
        }
        return;
    }
    mention(after + 1, after + 2, ent, MentionKind::Acronym);
}

auto Recognizer::acronym_entity(std::string_view t, std::size_t parent_gaz) -> std::size_t {
    if (const auto* hits = idx_.by_acronym(std::string(t))) return gaz_entity(hits->front());
    const auto& gaz = idx_.ontology().gazetteer();
    const auto& parent = idx_.entry(parent_gaz);
    for (std::size_t g = 0; g < gaz.size(); ++g) {
        if (gaz[g].parent_iri != parent.iri) continue;
        for (const auto& a : gaz[g].acronyms)
            if (a.size() >= 5 && edit_distance(t, a) <= 1) return gaz_entity(g);
    }
    return npos;
}

} // namespace newskg::recognition
