// The scan: each sentence left to right, every pattern tried at each unclaimed token, the
// longest match applied; and the lookups the patterns share (cues, gazetteer names,
// country references).
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::run() -> void {
    for (std::size_t s = 0; s < doc_.sentences.size(); ++s) scan_sentence(s);
    resolve_acronym_spellings();
    resolve_pending();
    finish();
}

auto Recognizer::key_of(std::size_t b, std::size_t e) const -> std::string {
    std::string k;
    for (std::size_t i = b; i < e; ++i) {
        if (!k.empty()) k += ' ';
        k += lower_[i];
    }
    return k;
}

auto Recognizer::folded_key_of(std::size_t b, std::size_t e) const -> std::string {
    std::string k;
    bool apostrophe = false;
    for (std::size_t i = b; i < e; ++i) {
        const std::string& w = lower_[i];
        if (!w.empty() && w[0] == '\'') apostrophe = i > b;
        else if (!k.empty()) k += ' ';
        k += w;
    }
    return apostrophe ? apostrophe_folded(k) : std::string();
}

auto Recognizer::cue_at(std::size_t i, std::string_view role) const -> std::optional<std::pair<std::size_t, std::string>> {
    for (std::size_t len = std::min(cues_.longest_cue, sent_end_ - std::min(i, sent_end_));
         len >= 1; --len) {
        std::string k = key_of(i, i + len);
        std::string t = cues_.role(k, role);
        if (!t.empty()) return std::make_pair(i + len, t);
    }
    return std::nullopt;
}

auto Recognizer::gazetteer_at( std::size_t i, std::optional<ActorType> only) const -> std::optional<std::pair<std::size_t, std::size_t>> {
    if (!word(i) || claimed_[i]) return std::nullopt;
    // A name the gazetteer writes in lower case at its start ("al-Shabaab", "al-Qaeda")
    // is found when the article writes it exactly so; other names start with a capital.
    const bool lower_start = !cap_[i];
    const std::size_t max = std::min(idx_.longest_name_from(lower_[i]), sent_end_ - i);
    for (std::size_t len = max; len >= 1; --len) {
        if (claimed_[i + len - 1]) continue;
        if (lower_start) {
            const std::string_view written = std::string_view(doc_.text).substr(
                doc_.tokens[i].span.begin, doc_.tokens[i + len - 1].span.end - doc_.tokens[i].span.begin);
            const auto* hits = idx_.by_name(key_of(i, i + len));
            if (!hits) continue;
            for (std::size_t g : *hits) {
                const auto& e = idx_.entry(g);
                if (only && e.type != *only) continue;
                if (e.label == written || std::find(e.names.begin(), e.names.end(), written) != e.names.end())
                    return std::make_pair(i + len, g);
            }
            continue;
        }
        // Every word of the name is capitalised, except short connectors inside it.
        bool ok = cap_[i + len - 1] || doc_.tokens[i + len - 1].kind == TokenKind::Number;
        if (!ok) continue;
        const auto* hits = idx_.by_name(key_of(i, i + len));
        if (!hits) {
            const std::string folded = folded_key_of(i, i + len);
            if (!folded.empty()) hits = idx_.by_name(folded);
        }
        if (!hits) continue;
        for (std::size_t g : *hits) {
            const auto& e = idx_.entry(g);
            // Only a country, say, when a longer name of another kind starts here too
            // ("US" in "US President", a dictionary's name for the presidency).
            if (only && e.type != *only) continue;
            // An acronym ("US", "IS", "WHO") must be written as one: "us", "Who" are words.
            if (len == 1 && !e.acronyms.empty()) {
                const std::string t(text(i));
                bool via_acronym = false, exact = false;
                for (const auto& a : e.acronyms) {
                    if (name_key(a) == lower_[i]) via_acronym = true;
                    if (a == t) exact = true;
                }
                bool exact_name = e.label == t ||
                                  std::find(e.names.begin(), e.names.end(), t) != e.names.end();
                if (via_acronym && !exact && !exact_name) continue;
            }
            return std::make_pair(i + len, g);
        }
    }
    return std::nullopt;
}

auto Recognizer::country_ref_at(std::size_t i) const -> std::optional<CountryRef> {
    if (!word(i) || !cap_[i] || claimed_[i]) return std::nullopt;
    // Two-word adjectives first ("South African"), then one word.
    for (std::size_t len = std::min<std::size_t>(2, sent_end_ - i); len >= 1; --len) {
        if (const auto* hits = idx_.by_adjective(key_of(i, i + len)))
            return CountryRef{i + len, hits->front(), i + len, true};
    }
    // "British-flagged", "Chinese-owned", "Russian-made": the country whose thing it is.
    if (const auto dash = lower_[i].find('-'); dash != std::string::npos && dash > 0 &&
        cues_.has_role(lower_[i].substr(dash + 1), "origin_suffix"))
        if (const auto* hits = idx_.by_adjective(lower_[i].substr(0, dash)))
            return CountryRef{i + 1, hits->front(), i + 1, true};
    if (auto g = gazetteer_at(i, ActorType::Country)) {
        const auto& e = idx_.entry(g->second);
        if (e.type == ActorType::Country) {
            std::size_t end = g->first;
            if (possessive(end)) ++end;
            return CountryRef{end, g->second, g->first, false};
        }
    }
    return std::nullopt;
}

auto Recognizer::scan_sentence(std::size_t s) -> void {
    sent_ = s;
    const auto& sen = doc_.sentences[s];
    sent_end_ = sen.tokens.last;
    for (std::size_t i = sen.tokens.first; i < sent_end_;) {
        if (claimed_[i]) {
            ++i;
            continue;
        }
        std::size_t next = try_at(i);
        i = next > i ? next : i + 1;
    }
    link_backers();
}

auto Recognizer::link_backers() -> void {
    // "the Iran-backed Houthis", "Rwanda-backed M23 rebels": the actor named right after
    // a state's "-backed" (or "-sponsored", "-allied" …) is affiliated with that state.
    static const std::set<std::string> backing{"backed", "sponsored", "supported", "funded", "armed", "allied", "aligned"};
    for (std::size_t i = doc_.sentences[sent_].tokens.first; i + 1 < sent_end_; ++i) {
        if (!joined_modifier(i)) continue;
        const std::string& l = lower_[i];
        const std::size_t dash = l.find('-');
        if (!backing.count(l.substr(dash + 1))) continue;
        const std::string state = l.substr(0, dash);
        std::size_t gaz = npos;
        if (const auto* hits = idx_.by_adjective(state)) gaz = hits->front();
        else if (const auto* named = idx_.by_name(state))
            for (std::size_t g : *named)
                if (idx_.entry(g).type == ActorType::Country && gaz == npos) gaz = g;
        if (gaz == npos) continue;
        for (std::size_t m : sentence_mentions_.of(sent_, x_.mentions)) {
            const Mention& mm = x_.mentions[m];
            if (mm.tokens.first != i + 1 || mm.kind == MentionKind::Pronoun) continue;
            const std::size_t e = entity_index(mm.entity);
            const std::size_t c = country_entity(gaz);
            if (e == npos || e == c || x_.entities[e].type == ActorType::Country || claimed_[i]) break;
            // The state is named in the modifier: a mention of it, "Iran" of "Iran-backed".
            const auto saved = sent_end_;
            mention(i, i + 1, c, MentionKind::Demonym);
            sent_end_ = saved;
            x_.mentions.back().span.end = x_.mentions.back().span.begin + dash;
            link(e, c, "affiliatedWith", "actors:backed-by");
            break;
        }
    }
}

auto Recognizer::based_place(std::size_t i) -> std::size_t {
    // "New York-based Human Rights Watch", "a London-based group": the place before
    // "-based" is where the next actor sits, never part of its name.
    if (!word(i) || !cap_[i]) return 0;
    // "The New York-based …": the article belongs to the phrase, not to the place.
    if ((lower_[i] == "the" || lower_[i] == "a" || lower_[i] == "an") && i + 1 < sent_end_) {
        const std::size_t end = based_place(i + 1);
        if (end) claimed_[i] = true;
        return end;
    }
    for (std::size_t j = i; j < sent_end_ && j < i + 4; ++j) {
        const std::string& l = lower_[j];
        constexpr std::string_view suffix = "-based";
        if (l.size() > suffix.size() && l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0) {
            std::string key = j > i ? key_of(i, j) + " " : "";
            key += l.substr(0, l.size() - suffix.size());
            std::string label = surface(i, j + 1);
            label.resize(label.size() - suffix.size());
            std::size_t ent = npos;
            if (const auto* hits = idx_.by_name(key)) ent = gaz_entity(hits->front());
            else ent = entity(mint_iri(opt_.base_iri, ActorType::Location, key), ActorType::Location, label);
            mention(i, j + 1, ent, MentionKind::Name);
            x_.mentions.back().span.end -= suffix.size(); // the place's name, without "-based"
            return j + 1;
        }
        if (!(word(j) && cap_[j])) return 0;
    }
    return 0;
}

auto Recognizer::dateline_end(std::size_t i) const -> std::size_t {
    // "BAMAKO —", "KYIV:", "GOMA (Reuters) —", "GOMA, Democratic Republic of Congo (AP) —":
    // where the story was filed, at the head of its paragraph; never an actor of it.
    const std::size_t first = doc_.sentences[sent_].tokens.first;
    if (i != first || !word(i) || !is_all_caps(text(i))) return 0;
    if (sent_ > 0 && doc_.sentences[sent_ - 1].paragraph == doc_.sentences[sent_].paragraph) return 0;
    bool place = false;
    if (const auto* hits = idx_.by_name(lower_[i])) {
        const ActorType t = idx_.entry(hits->front()).type;
        if (t != ActorType::Location && t != ActorType::Country) return 0; // "NATO, the EU and …"
        place = true;
    }
    if (idx_.by_capital(lower_[i])) place = true;
    std::size_t j = i;
    while (j < sent_end_ && j < i + 3 && word(j) && is_all_caps(text(j))) ++j;
    auto dash = [&](std::size_t k) {
        const std::string t(text(k));
        return t == "-" || t == "--" || t == ":" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
    };
    bool in_paren = false;
    for (std::size_t k = j; k < sent_end_ && k < i + 16; ++k) {
        if (is(k, "(")) in_paren = true;
        else if (is(k, ")")) in_paren = false;
        else if (!in_paren && dash(k)) return k + 1;
        else if (!in_paren && !(is(k, ",") || is(k, "of") || (word(k) && cap_[k]))) break;
    }
    // "KYIV, March 3" and the like: the known place alone.
    return place && (is(j, ",") || is(j, "(")) ? j : 0;
}

auto Recognizer::try_at(std::size_t i) -> std::size_t {
    if (const std::size_t end = dateline_end(i)) {
        for (std::size_t k = i; k < end; ++k) claimed_[k] = true;
        return end;
    }
    if (const std::size_t end = based_place(i)) return end;
    std::vector<Match> found;
    title_person(i, found);
    gazetteer_pattern(i, found);
    country_pattern(i, found);
    capital_pattern(i, found);
    group_pattern(i, found);
    society_pattern(i, found);
    agent_pattern(i, found);
    description_pattern(i, found);
    pronoun_pattern(i, found);
    unknown_name(i, found);
    if (found.empty()) return i + 1;
    auto best = std::max_element(found.begin(), found.end(), [](const Match& a, const Match& b) {
        return a.end != b.end ? a.end < b.end : a.priority < b.priority;
    });
    best->apply();
    return best->end;
}

} // namespace newskg::recognition

namespace newskg {

void find_actors(Extraction& extraction, const ActorIndex& index, const ActorOptions& options) {
    recognition::Recognizer(extraction, index, options).run();
}

} // namespace newskg
