// Resolution after the scan: misspelt acronyms, descriptions and pronouns to the actors
// found so far, surnames to full names.
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::resolve_acronym_spellings() -> void {
    for (auto& p : pending_) {
        if (p.kind != Pending::Unknown || p.relation != "acronym") continue;
        std::string t(doc_.token_text(p.range.first));
        if (t.size() < 4) continue;
        std::size_t best = npos;
        for (std::size_t e = 0; e < x_.entities.size(); ++e) {
            if (gaz_of_entity_[e] == npos) continue;
            for (const auto& a : idx_.entry(gaz_of_entity_[e]).acronyms)
                if (a.size() >= 4 && edit_distance(t, a) <= (a.size() >= 7 ? 2u : 1u)) best = e;
        }
        if (best == npos) {
            for (const auto& [acr, hits] : idx_.acronyms())
                if (acr.size() >= 5 && edit_distance(t, acr) <= 1 && hits.size() == 1) {
                    best = gaz_entity(hits.front());
                    break;
                }
        }
        if (best != npos) {
            sent_ = p.sentence;
            mention(p.range.first, p.range.last, best, MentionKind::Acronym);
            p.kind = Pending::Description;
            p.types.clear(); // done
            p.head = "#done";
        }
    }
}

auto Recognizer::mentions_before(const Pending& p, std::size_t window) const -> std::vector<std::size_t> {
    // Only the window's sentences: reading every mention of the article for each
    // description made resolution quadratic in the article's length.
    std::vector<std::size_t> out;
    const std::size_t from = p.sentence > window ? p.sentence - window : 0;
    for (std::size_t s = from; s <= p.sentence; ++s)
        for (std::size_t m : sentence_mentions_.of(s, x_.mentions))
            if (x_.mentions[m].tokens.first < p.range.first && x_.mentions[m].kind != MentionKind::Pronoun)
                out.push_back(m);
    std::sort(out.begin(), out.end());
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return x_.mentions[a].tokens.first > x_.mentions[b].tokens.first;
    });
    return out;
}

auto Recognizer::head_fits(std::size_t e, const Pending& p) const -> bool {
    const auto& ent = x_.entities[e];
    if (ent.type == ActorType::Organization) {
        bool subunit = gaz_of_entity_[e] != npos ? is_subunit_entry(idx_.entry(gaz_of_entity_[e]))
                                                 : lower(ent.label).find("mission") != std::string::npos ||
                                                       lower(ent.label).find("force") != std::string::npos;
        if (p.head == "mission" || p.head == "force" || p.head == "peacekeepers" ||
            p.head == "troops" || p.head == "forces" || p.head == "operation" ||
            p.head == "peacekeeping mission" || p.head == "peacekeeping force")
            return subunit;
        return !subunit;
    }
    return true;
}

auto Recognizer::resolve_pending() -> void {
    std::sort(pending_.begin(), pending_.end(),
              [](const Pending& a, const Pending& b) { return a.range.first < b.range.first; });
    std::set<std::size_t> placed_people;
    bool placed_built = false;
    for (auto& p : pending_) {
        if (p.head == "#done") continue;
        sent_ = p.sentence;
        sent_end_ = doc_.sentences[p.sentence].tokens.last;
        switch (p.kind) {
        case Pending::Unknown: resolve_unknown(p); break;
        case Pending::Rebel: {
            // "Rebel spokesperson": the armed group called rebels, else the one in focus.
            std::size_t g = npos;
            for (std::size_t e = 0; e < x_.entities.size() && g == npos && p.types.front() == ActorType::ArmedGroup; ++e) {
                if (x_.entities[e].type != ActorType::ArmedGroup) continue;
                for (std::size_t m : x_.entities[e].mentions)
                    if (lower(doc_.slice(x_.mentions[m].span)).find("rebel") != std::string::npos)
                        g = e;
            }
            if (g == npos) g = salient(p, p.types, 12);
            if (g != npos) {
                mention(p.range.first, p.range.last, g, MentionKind::Description, false);
                link(p.person, g, p.relation, "actors:title-of-group");
            }
            break;
        }
        case Pending::StateTitle: {
            // Only for a person no country claims yet (a dictionary, a title with one),
            // and only where one country dominates what came before: in an article about
            // two states, "President X" may be either's.
            if (!placed_built) { // once: the people a link already places in a country
                for (const auto* links : {&links_, &pending_links_})
                    for (const auto& l : *links)
                        if (x_.entities[l.object].type == ActorType::Country) placed_people.insert(l.subject);
                placed_built = true;
            }
            const bool placed = gaz_of_entity_[p.person] != npos || placed_people.count(p.person) > 0;
            const std::size_t c = placed ? npos : dominant_country(p.range.first);
            if (c != npos) {
                link(p.person, c, p.relation, "actors:title-of-main-country");
                placed_people.insert(p.person);
            }
            break;
        }
        case Pending::Description: {
            // A bare agent noun takes only a body already called so ("police").
            // "the police" is a police force named so, not the air force in focus.
            const bool own_kind = cues_.has_role(p.head, "own_kind");
            std::size_t e = p.types.front() == ActorType::Country  ? main_country(p.range.first)
                            : p.types.front() == ActorType::Person ? person_by_title(p, 30)
                            : p.relation == "agent" || own_kind    ? salient(p, p.types, 30, true)
                                                                   : salient(p, p.types, 30);
            if (e == npos && (p.types.front() == ActorType::Government || p.types.front() == ActorType::Military))
                e = government_of_main_country(p);
            if (e != npos) mention(p.range.first, p.range.last, e, MentionKind::Description);
            break;
        }
        case Pending::Pronoun: {
            std::size_t e = pronoun_antecedent(p);
            if (e != npos) mention(p.range.first, p.range.last, e, MentionKind::Pronoun);
            break;
        }
        }
    }
}

auto Recognizer::title_words_of(const Mention& mm) const -> std::vector<std::string> {
    std::vector<std::string> out;
    auto add = [&](std::size_t w) {
        if (std::find(out.begin(), out.end(), lower_[w]) == out.end()) out.push_back(lower_[w]);
    };
    const auto& sent = doc_.sentences[mm.sentence].tokens;
    // A title run that ends where the name starts ("President Luis Arce", "former army
    // chief Ana Ruiz"), or one the mention's span begins with.
    auto title_run = [&](std::size_t q, std::size_t name) {
        auto t = titles_at(q);
        if (!t || t->first != name) return;
        for (std::size_t w = q; w < name; ++w) add(w);
    };
    for (std::size_t q = mm.tokens.first; q > sent.first && mm.tokens.first - q < 4;) {
        --q;
        title_run(q, mm.tokens.first);
    }
    if (auto t = titles_at(mm.tokens.first); t && t->first < mm.tokens.last) title_run(mm.tokens.first, t->first);
    // In an apposition after it ("Luis Arce, the country's president,").
    if (mm.tokens.last < sent.last && is(mm.tokens.last, ","))
        for (std::size_t q = mm.tokens.last + 1; q < sent.last && q - mm.tokens.last <= 6; ++q) {
            if (is(q, ",")) break;
            add(q);
        }
    return out;
}

auto Recognizer::titled(std::size_t e, const std::string& title) const -> bool {
    // Each mention is read once, when it is first asked about: the same person asked
    // about for every description made this quadratic in the article's length.
    if (title_words_.size() < x_.entities.size()) title_words_.resize(x_.entities.size());
    TitleWords& tw = title_words_[e];
    const auto& ms = x_.entities[e].mentions;
    for (; tw.seen < ms.size(); ++tw.seen) {
        const Mention& mm = x_.mentions[ms[tw.seen]];
        if (mm.kind == MentionKind::Pronoun || mm.kind == MentionKind::Description) continue;
        for (auto& w : title_words_of(mm))
            if (std::find(tw.words.begin(), tw.words.end(), w) == tw.words.end()) tw.words.push_back(std::move(w));
    }
    return std::find(tw.words.begin(), tw.words.end(), title) != tw.words.end();
}

auto Recognizer::person_by_title(const Pending& p, std::size_t window) const -> std::size_t {
    // The title's last word carries it: "foreign minister" matches "Minister Lavrov".
    const std::string title = p.head.substr(p.head.rfind(' ') == std::string::npos ? 0 : p.head.rfind(' ') + 1);
    for (std::size_t m : mentions_before(p, window)) {
        const auto& mm = x_.mentions[m];
        std::size_t e = entity_index(mm.entity);
        if (e == npos || x_.entities[e].type != ActorType::Person) continue;
        if (titled(e, title)) return e;
    }
    return npos;
}

auto Recognizer::names_a_place(std::size_t j) const -> bool {
    // A kind of place within three lower-case words: "capital", "border region".
    for (std::size_t k = j; k < j + 3 && k < doc_.tokens.size(); ++k) {
        if (cue_at(k, "place_head")) return true;
        if (!(word(k) && !cap_[k])) return false;
    }
    return false;
}

auto Recognizer::index_country_mentions() const -> void {
    // The country mentions made since the last call join their country's positions (a
    // scan of every mention per call made this quadratic in the article's length).
    for (; country_indexed_ < x_.mentions.size(); ++country_indexed_) {
        const Mention& m = x_.mentions[country_indexed_];
        std::size_t e = entity_index(m.entity);
        if (e == npos || x_.entities[e].type != ActorType::Country) continue;
        // "The Nigerian capital" says where a place is, not what the article is about.
        // Read within the mention's own sentence: mentions are indexed whatever
        // sentence the caller is in.
        if (m.kind == MentionKind::Demonym) {
            const std::size_t caller_end = sent_end_;
            sent_end_ = doc_.sentences[m.sentence].tokens.last;
            const bool place = names_a_place(m.tokens.last);
            sent_end_ = caller_end;
            if (place) continue;
        }
        auto& at = country_positions_[e];
        at.insert(std::upper_bound(at.begin(), at.end(), m.tokens.first), m.tokens.first);
    }
}

auto Recognizer::main_country(std::size_t pos) const -> std::size_t {
    index_country_mentions();
    std::size_t best = npos;
    std::pair<std::size_t, std::size_t> best_v{0, 0}; // (mentions before pos, the last one's position)
    for (const auto& [e, at] : country_positions_) {
        const auto before = static_cast<std::size_t>(std::lower_bound(at.begin(), at.end(), pos) - at.begin());
        if (before == 0) continue;
        const std::pair<std::size_t, std::size_t> v{before, at[before - 1]};
        if (v > best_v) {
            best_v = v;
            best = e;
        }
    }
    return best;
}

auto Recognizer::dominant_country(std::size_t pos) const -> std::size_t {
    index_country_mentions();
    std::size_t best = npos, first = 0, second = 0; // mentions before pos: most, next most
    for (const auto& [e, at] : country_positions_) {
        const auto before = static_cast<std::size_t>(std::lower_bound(at.begin(), at.end(), pos) - at.begin());
        if (before > first) {
            second = first;
            first = before;
            best = e;
        } else if (before > second) {
            second = before;
        }
    }
    return first >= 2 && first >= 2 * second ? best : npos;
}

auto Recognizer::government_of_main_country(const Pending& p) -> std::size_t {
    // A bare agent noun ("diplomats said", "police") is the main country's only where one
    // country dominates what came before: after "Latvia attacked Estonia" it may be
    // either's, or neither's.
    std::size_t c = country_in_phrase_after(p.range.last);
    const bool named_here = c != npos;
    if (!named_here) {
        c = p.relation == "agent" ? dominant_country(p.range.first) : main_country(p.range.first);
        if (c != npos && acted_on_in_clause(c, p)) return npos;
    }
    if (c == npos || gaz_of_entity_[c] == npos) return npos;
    const std::string cc = x_.entities[c].country_code;
    if (cc.empty()) return npos;
    const ActorType t = p.types.front();
    std::size_t e = entity(mint_iri(opt_.base_iri, t, cc), t, std::string(doc_.range_text(p.range)));
    link(e, c, "partOf", named_here                   ? "actors:government-in-country"
                         : t == ActorType::Government ? "actors:government-of-main-country"
                                                      : "actors:military-of-main-country");
    return e;
}

auto Recognizer::acted_on_in_clause(std::size_t c, const Pending& p) const -> bool {
    const auto at = country_positions_.find(c);
    if (at == country_positions_.end()) return false;
    const auto k = std::lower_bound(at->second.begin(), at->second.end(), p.range.last);
    if (k == at->second.end() || *k >= doc_.sentences[p.sentence].tokens.last) return false;
    // "… seized power in Estonia": where the act happens is the body's own country.
    const std::size_t before = *k - 1;
    if (is(before, "in") || is(before, "inside") || is(before, "across") || is(before, "throughout") ||
        is(before, "within"))
        return false;
    for (std::size_t t = p.range.last; t < *k; ++t)
        if (is(t, ",") || is(t, "and") || is(t, "but") || is(t, ";")) return false;
    return true;
}

auto Recognizer::country_in_phrase_after(std::size_t end) const -> std::size_t {
    if (end >= sent_end_ || !is(end, "in")) return npos;
    std::size_t c = end + 1;
    if (c < sent_end_ && is(c, "the")) ++c;
    const auto it = country_mention_at_.find(c);
    return it == country_mention_at_.end() ? npos : it->second;
}

auto Recognizer::salient(const Pending& p, const std::vector<ActorType>& types, std::size_t window, bool same_head_only) -> std::size_t {
    // First an actor already called by the same head noun ("the alliance" → the one
    // named "… alliance"), then any compatible actor, most recent first.
    const std::string head = p.head.substr(p.head.rfind(' ') == std::string::npos ? 0 : p.head.rfind(' ') + 1);
    const std::vector<std::size_t> before = mentions_before(p, window);
    for (std::size_t m : before) {
        const auto& mm = x_.mentions[m];
        std::size_t e = entity_index(mm.entity);
        if (e == npos || !type_ok(e, types) || !head_fits(e, p)) continue;
        if (head.size() > 3 && lower(doc_.slice(mm.span)).find(head) != std::string::npos) return e;
    }
    if (same_head_only) return npos;
    // Then the nearest sentence with a compatible actor, and in it the first one named:
    // "The group, which has pledged allegiance to the Islamic State, killed 20 people. …
    // the militants" are the group, not the one it pledged allegiance to.
    std::size_t best = npos, best_sentence = npos, best_pos = npos;
    for (std::size_t m : before) {
        const auto& mm = x_.mentions[m];
        if (best_sentence != npos && mm.sentence != best_sentence) break; // most recent sentence first
        std::size_t e = entity_index(mm.entity);
        if (e == npos || !type_ok(e, types) || !head_fits(e, p)) continue;
        if (best == npos || mm.tokens.first <= best_pos) {
            best = e;
            best_sentence = mm.sentence;
            best_pos = mm.tokens.first;
        }
    }
    return best;
}

auto Recognizer::pronoun_antecedent(const Pending& p) -> std::size_t {
    // A pronoun inside a quotation ("Rathbun wrote, \"… unless he returned\"") does not
    // speak of whoever is named before the quotation opens — the one quoted, mostly. A
    // quotation woven into the reporting clause ("X said it had \"expedited its
    // withdrawal\"") is the reporter's paraphrase, whose pronouns are the speaker's: only a
    // quotation opened after a comma or a colon, or opening the sentence, counts.
    std::size_t quote_open = 0;
    bool inside = false, open = false;
    const std::size_t first = doc_.sentences[p.sentence].tokens.first;
    for (std::size_t k = first; k < p.range.first; ++k) {
        const std::string_view t = text(k);
        if (t == "\xE2\x80\x9C" || (t == "\"" && !open)) {
            open = true;
            inside = k == first || text(k - 1) == "," || text(k - 1) == ":";
            quote_open = k;
        } else if (t == "\xE2\x80\x9D" || t == "\"") {
            open = inside = false;
        }
    }
    auto first_in = [&](std::size_t s, std::size_t before) -> std::size_t {
        std::size_t best = npos, best_pos = npos, best_last = 0;
        for (std::size_t m : sentence_mentions_.of(s, x_.mentions)) {
            const Mention& mm = x_.mentions[m];
            if (mm.kind == MentionKind::Pronoun || mm.tokens.first >= before) continue;
            if (inside && s == p.sentence && mm.tokens.first < quote_open) continue;
            // "According to X, the files were returned after he left": the source of a
            // report is not whom its pronouns speak of.
            const std::size_t b = mm.tokens.first;
            if (b >= 2 && lower_[b - 2] == "according" && lower_[b - 1] == "to") continue;
            std::size_t e = entity_index(mm.entity);
            if (e == npos || !type_ok(e, p.types)) continue;
            // The first named; of two starting together ("Congo" in "Congo's army"), the
            // longer, which contains the other.
            if (mm.tokens.first < best_pos || (mm.tokens.first == best_pos && mm.tokens.last > best_last)) {
                best_pos = mm.tokens.first;
                best_last = mm.tokens.last;
                best = e;
            }
        }
        return best;
    };
    std::size_t e = first_in(p.sentence, p.range.first);
    if (e != npos) return e;
    for (std::size_t back = 1; back <= 2 && back <= p.sentence; ++back) {
        e = first_in(p.sentence - back, static_cast<std::size_t>(-1));
        if (e != npos) return e;
    }
    return npos;
}

auto Recognizer::merge_into(std::size_t from, std::size_t to) -> void {
    for (std::size_t m : x_.entities[from].mentions) {
        x_.mentions[m].entity = x_.entities[to].id;
        x_.entities[to].mentions.push_back(m);
    }
    x_.entities[from].mentions.clear();
    // What person_by_title and main_country read of the two entities changed.
    title_words_.clear();
    country_positions_.clear();
    country_indexed_ = 0;
    for (auto* links : {&links_, &pending_links_})
        for (auto& l : *links) {
            if (l.subject == from) l.subject = to;
            if (l.object == from) l.object = to;
        }
}

auto Recognizer::merge_surnames() -> void {
    for (std::size_t e = 0; e < x_.entities.size(); ++e) {
        auto& one = x_.entities[e];
        if (one.type != ActorType::Person || one.from_gazetteer || one.mentions.empty() ||
            one.label.find(' ') != std::string::npos)
            continue;
        const std::string name = lower(one.label);
        std::size_t target = npos, count = 0;
        for (std::size_t f = 0; f < x_.entities.size(); ++f) {
            const auto& full = x_.entities[f];
            if (f == e || full.type != ActorType::Person || full.mentions.empty()) continue;
            std::string l = lower(full.label);
            auto sp = l.rfind(' ');
            if (sp == std::string::npos) continue;
            if (l.substr(sp + 1) == name || l.substr(0, l.find(' ')) == name) {
                target = f;
                ++count;
            }
        }
        if (count == 1) merge_into(e, target);
    }
}

} // namespace newskg::recognition
