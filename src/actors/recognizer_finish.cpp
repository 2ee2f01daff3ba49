// The last pass: appositions and roles, labels and aliases, the standing relations the
// names state, and the entities kept.
#include "actors/recognizer.hpp"

#include "newskg/core/evidence.hpp"

#include <tuple>

namespace newskg::recognition {

namespace {

// The outermost of the mentions `ms` (indices in document order): longer mentions first,
// each kept unless it overlaps one kept before; returned in text order. The kept spans
// are disjoint, so one look at the nearest kept span decides an overlap.
std::vector<std::size_t> outermost(const std::vector<Mention>& mentions, std::vector<std::size_t> ms) {
    std::sort(ms.begin(), ms.end(), [&](std::size_t a, std::size_t b) {
        const auto &ma = mentions[a], &mb = mentions[b];
        if (ma.tokens.size() != mb.tokens.size()) return ma.tokens.size() > mb.tokens.size();
        return ma.tokens.first < mb.tokens.first;
    });
    std::map<std::size_t, std::size_t> kept; // first token -> mention
    for (std::size_t m : ms) {
        const TokenRange& r = mentions[m].tokens;
        // The kept span starting last before r ends is the only one that can overlap r.
        auto it = kept.lower_bound(r.last);
        if (it != kept.begin() && r.first < mentions[std::prev(it)->second].tokens.last) continue;
        kept.emplace(r.first, m);
    }
    std::vector<std::size_t> out;
    out.reserve(kept.size());
    for (const auto& [first, m] : kept) out.push_back(m);
    return out;
}

} // namespace

auto Recognizer::title_relation(std::size_t b, std::size_t e) const -> std::string {
    std::string kind;
    for (std::size_t k = b; k < e; ++k) {
        if (cues_.has_role(lower_[k], "spokes_title")) return "spokespersonOf";
        if (cues_.has_role(lower_[k], "leader_title")) kind = "leaderOf";
        else if (kind.empty() && cues_.has_role(lower_[k], "title")) kind = "affiliatedWith";
    }
    return kind;
}

auto Recognizer::of_a_body(std::size_t b, std::size_t e) const -> bool {
    // "of", "of the", "of the ruling", "of the liberal pro-European party": lower-case
    // words that describe the body, no verb, no comma.
    if (b >= e || lower_[b] != "of" || e - b > 6) return false;
    for (std::size_t k = b + 1; k < e; ++k)
        if (!word(k) || cap_[k] || is_verbish(k) || !(is_alpha_word(lower_[k]) || lower_[k].find('-') != std::string::npos))
            return false;
    return true;
}

auto Recognizer::is_body(ActorType type) -> bool {
    return type == ActorType::Organization || type == ActorType::ArmedGroup || type == ActorType::Government;
}

auto Recognizer::appositions() -> void {
    for (std::size_t s = 0; s < doc_.sentences.size(); ++s) {
        sent_ = s;
        sent_end_ = doc_.sentences[s].tokens.last;
        auto ms = outermost(x_.mentions, sentence_mentions_.of(s, x_.mentions));
        auto ent = [&](std::size_t m) { return entity_index(x_.mentions[m].entity); };
        auto is_person = [&](std::size_t m) {
            std::size_t e = ent(m);
            return e != npos && x_.entities[e].type == ActorType::Person;
        };
        for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
            const auto& a = x_.mentions[ms[k]];
            const auto& b = x_.mentions[ms[k + 1]];
            std::size_t gap_b = a.tokens.last, gap_e = b.tokens.first;
            auto gap_is = [&](std::initializer_list<std::string_view> words) {
                if (gap_e - gap_b != words.size()) return false;
                std::size_t i = gap_b;
                for (auto w : words)
                    if (lower_[i++] != w) return false;
                return true;
            };
            if (is_person(ms[k]) && !is_person(ms[k + 1])) {
                if (gap_is({",", "for"}) || gap_is({",", "for", "the"}))
                    link(ent(ms[k]), ent(ms[k + 1]), "spokespersonOf", "actors:apposition-for");
                // "President Aldo Brunetti of Marovia": a place "of" a person is theirs too.
                else if (gap_is({"of"}) && (x_.entities[ent(ms[k + 1])].type == ActorType::Country ||
                                            x_.entities[ent(ms[k + 1])].type == ActorType::Location))
                    link(ent(ms[k]), ent(ms[k + 1]), "affiliatedWith",
                         x_.entities[ent(ms[k + 1])].type == ActorType::Country ? "actors:person-of-country"
                                                                                : "actors:person-of-place");
                else if (of_a_body(gap_b, gap_e) && is_body(x_.entities[ent(ms[k + 1])].type))
                    // "Nika Gvaramia of the liberal party Ahali", "Lee of the Labour Party"
                    link(ent(ms[k]), ent(ms[k + 1]), "memberOf", "actors:person-of-body");
                else if ((gap_is({","}) || gap_is({",", "the"})) && possessive(b.tokens.last)) {
                    // "Jane Doe, the junta's spokesman"
                    std::size_t t = b.tokens.last + 1, te = t;
                    while (te < sent_end_ && te - t < 4 && word(te) && !cap_[te]) ++te;
                    std::string rel = title_relation(t, te);
                    if (!rel.empty()) link(ent(ms[k]), ent(ms[k + 1]), rel, "actors:apposition-title");
                }
            }
            if (!is_person(ms[k]) && is_person(ms[k + 1])) {
                // "its spokeswoman, Jane Doe" / "the junta's spokesman, Jane Doe"
                bool possessor = possessive(a.tokens.last) || a.kind == MentionKind::Pronoun;
                std::size_t t = possessive(a.tokens.last) ? a.tokens.last + 1 : a.tokens.last;
                if (possessor && gap_e > t && lower_[gap_e - 1] == ",") {
                    std::string rel = title_relation(t, gap_e - 1);
                    if (!rel.empty()) link(ent(ms[k + 1]), ent(ms[k]), rel, "actors:apposition-title");
                }
                // "the delegation, led by Jane Doe"
                if (gap_is({",", "led", "by"}) || gap_is({"led", "by"}) || gap_is({",", "headed", "by"}) ||
                    gap_is({"headed", "by"}))
                    link(ent(ms[k + 1]), ent(ms[k]), "leaderOf", "actors:led-by");
            }
        }
    }
}

auto Recognizer::dictionary_roles() -> void {
    for (std::size_t e = 0; e < x_.entities.size(); ++e) {
        if (gaz_of_entity_[e] == npos || x_.entities[e].mentions.empty()) continue;
        const auto& info = idx_.dictionary_info(gaz_of_entity_[e]);
        if (info.kind != ActorIndex::DictKind::Person || !info.record) continue;
        const DictionaryActor& rec = *info.record;
        const std::string& code = rec.code_at(doc_.published);
        CodeMeaning m = idx_.meaning(code);
        if (m.country == npos || !by_iri_.count(idx_.entry(m.country).iri)) continue;
        std::size_t country = country_entity(m.country);
        if (x_.entities[country].mentions.empty()) continue;
        sent_ = x_.mentions[x_.entities[e].mentions.front()].sentence;
        if (!m.sector) {
            link(e, country, "affiliatedWith", "dictionary:person-country");
            continue;
        }
        // CAMEO codes do not tell a head of government from a minister (both GOV):
        // leaderOf only where a TSV role says "leader:GOV".
        const std::string how = rec.role.rfind("leader", 0) == 0 ? "leaderOf" : "memberOf";
        std::size_t body = sector_entity(m, std::string(to_string(m.type)) + " of " + x_.entities[country].label);
        if (x_.entities[body].mentions.empty()) {
            // Named only through the person: give it the country's mention as where it
            // is stated, so it is kept.
            implied_.push_back(body);
        }
        link(e, body, how, "dictionary:person-role");
    }
}

auto Recognizer::finish() -> void {
    dictionary_roles();
    merge_surnames();
    merge_acronyms();
    appositions();
    // Labels: gazetteer label, else the most frequent name (longest on ties).
    for (std::size_t e = 0; e < x_.entities.size(); ++e) {
        auto& ent = x_.entities[e];
        std::map<std::string, int> counts, names;
        for (std::size_t m : ent.mentions) {
            const auto& mm = x_.mentions[m];
            if (mm.kind == MentionKind::Pronoun) continue;
            counts[std::string(doc_.slice(mm.span))]++;
            // Labels come from names; "the junta" labels an actor only when nothing
            // names it better.
            if (mm.kind != MentionKind::Description) names[std::string(doc_.slice(mm.span))]++;
        }
        if (!ent.from_gazetteer) {
            std::string best = ent.label;
            int best_n = 0;
            for (const auto& [form, n] : names.empty() ? counts : names) {
                if (ent.type == ActorType::Person) {
                    if (form.size() > best.size() && form.find(' ') != std::string::npos &&
                        ent.label.find(' ') != std::string::npos && false)
                        best = form;
                    continue;
                }
                if (n > best_n || (n == best_n && form.size() > best.size())) {
                    best = form;
                    best_n = n;
                }
            }
            ent.label = best;
            // A dictionary's actor: its primary name, as written, when the article uses it.
            if (gaz_of_entity_[e] != npos && (idx_.dictionary_info(gaz_of_entity_[e]).kind == ActorIndex::DictKind::Named ||
                                              idx_.dictionary_info(gaz_of_entity_[e]).kind == ActorIndex::DictKind::Person)) {
                const std::string primary = name_key(idx_.entry(gaz_of_entity_[e]).label);
                for (const auto& [form, n] : counts)
                    if (name_key(form) == primary) ent.label = form;
            }
        }
        std::set<std::string> aliases;
        for (std::size_t m : ent.mentions) {
            const std::string form(doc_.slice(x_.mentions[m].span));
            if (form != ent.label && alias_worthy(x_.mentions[m])) aliases.insert(form);
        }
        ent.aliases.assign(aliases.begin(), aliases.end());
    }
    // Standing relations stated by the names themselves; gazetteer parents named in
    // the article too.
    for (std::size_t e = 0; e < x_.entities.size(); ++e) {
        if (gaz_of_entity_[e] == npos) continue;
        const auto& g = idx_.entry(gaz_of_entity_[e]);
        if (g.parent_iri.empty() || x_.entities[e].mentions.empty()) continue;
        // Membership facts the names themselves imply ("UN mission"); where an outlet is
        // based is not something the article states.
        if (g.parent_relation != "partOf" && g.parent_relation != "affiliatedWith" &&
            g.parent_relation != "memberOf" && !g.parent_relation.empty())
            continue;
        auto it = by_iri_.find(g.parent_iri);
        if (it == by_iri_.end()) continue;
        const auto& first = x_.mentions[x_.entities[e].mentions.front()];
        sent_ = first.sentence;
        link(e, it->second, g.parent_relation.empty() ? "partOf" : g.parent_relation,
             "gazetteer:parent");
    }
    // An entity created on the way but never mentioned (a parent looked up for a
    // subunit, say) is not an actor of the article.
    std::vector<bool> keep(x_.entities.size());
    for (std::size_t e = 0; e < x_.entities.size(); ++e) keep[e] = !x_.entities[e].mentions.empty();
    for (std::size_t e : implied_) keep[e] = true;
    links_.insert(links_.end(), pending_links_.begin(), pending_links_.end());
    // Where each entity is named in each sentence, for the evidence window of a link.
    std::map<std::pair<std::size_t, std::size_t>, CharSpan> named_at;
    for (std::size_t e = 0; e < x_.entities.size(); ++e)
        for (std::size_t m : x_.entities[e].mentions) {
            const Mention& mm = x_.mentions[m];
            auto [it, fresh] = named_at.try_emplace({e, mm.sentence}, mm.span);
            if (!fresh)
                it->second = CharSpan{std::min(it->second.begin, mm.span.begin), std::max(it->second.end, mm.span.end)};
        }
    // The relations already made, by subject, object and predicate (looked up, not
    // scanned, for each link: an article can state thousands).
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> made;
    for (std::size_t i = 0; i < x_.relations.size(); ++i)
        made[{x_.relations[i].subject.value, x_.relations[i].object.value, x_.relations[i].predicate}].push_back(i);
    for (const auto& l : links_) {
        if (!keep[l.subject] || !keep[l.object]) continue;
        Relation r;
        r.subject = x_.entities[l.subject].id;
        r.object = x_.entities[l.object].id;
        r.predicate = l.predicate;
        const auto& sen = doc_.sentences[l.sentence];
        CharSpan focus{sen.span.begin, sen.span.begin};
        bool found = false;
        for (std::size_t e : {l.subject, l.object})
            if (auto it = named_at.find({e, l.sentence}); it != named_at.end()) {
                focus = found ? CharSpan{std::min(focus.begin, it->second.begin), std::max(focus.end, it->second.end)}
                              : it->second;
                found = true;
            }
        r.evidence.push_back(sentence_evidence(doc_, l.sentence, focus));
        r.rule = l.rule;
        r.confidence = l.rule == "gazetteer:parent" ? 0.95 : 0.9;
        if (doc_.published) r.date = doc_.published;
        auto& same = made[{r.subject.value, r.object.value, r.predicate}];
        for (std::size_t i : same) {
            auto& other = x_.relations[i];
            if (other.evidence.front().sentence != l.sentence) other.evidence.push_back(r.evidence.front());
        }
        if (same.empty()) {
            same.push_back(x_.relations.size());
            x_.relations.push_back(std::move(r));
        }
        // A country's government, army or ministry carries the country's code, so
        // exports can give its ISO code and pictures can cluster it with its country.
        Entity& part = x_.entities[l.subject];
        const Entity& whole = x_.entities[l.object];
        if (l.predicate == "partOf" && part.country_code.empty() && !whole.country_code.empty() &&
            whole.type == ActorType::Country &&
            (part.type == ActorType::Government || part.type == ActorType::Military))
            part.country_code = whole.country_code;
    }
    std::vector<Entity> kept;
    for (std::size_t e = 0; e < x_.entities.size(); ++e)
        if (keep[e]) kept.push_back(std::move(x_.entities[e]));
    x_.entities = std::move(kept);
}

} // namespace newskg::recognition
