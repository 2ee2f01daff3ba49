// Unknown capitalised names, with the statistical name recogniser's proposals where there
// is a model: whether a run is a name, its type, and lone words nothing else resolves.
#include "actors/recognizer.hpp"

namespace newskg::recognition {

auto Recognizer::unknown_name(std::size_t i, std::vector<Match>& out) -> void {
    if (!name_token(i)) return;
    // "Tutsi-led M23": the modifier is no part of the name after it.
    if (joined_modifier(i) && i + 1 < sent_end_ && name_token(i + 1)) return;
    // "the ruling Georgian Dream party", "the Strong Latvia movement": capitalised words
    // before a lower-case organisation noun are that organisation's name, even when the
    // first is a demonym or a country.
    auto party_head = [&](std::size_t k) {
        return word(k) && !cap_[k] && cues_.has_role(lower_[k], "org_suffix") && !is(k, "forces") &&
               !is(k, "army") && !is(k, "government") && !is(k, "ministry");
    };
    std::size_t run = i;
    while (run < sent_end_ && name_token(run) && !(run > i && joined_modifier(run))) ++run;
    const bool named_party = run - i >= 2 && party_head(run);
    // "the Sahel Freedom Army", "the Darfur Liberation Movement": a place or demonym that
    // opens three or more capitalised words ending in an organisation's word (not a state
    // body's: "the Latvian Army" is Latvia's) is the first word of that name.
    auto named_body = [&]() {
        if (run - i < 3 || !cues_.has_role(lower_[run - 1], "org_suffix")) return false;
        for (std::string_view state_body : {"forces", "government", "ministry", "navy", "police"})
            if (is(run - 1, state_body)) return false;
        // "the Afghan National Army", "the Royal Thai Army" are states' own.
        for (std::size_t k = i + 1; k < run; ++k)
            if (idx_.by_name(lower_[k]) || idx_.by_adjective(lower_[k]) || is(k, "national") || is(k, "royal") ||
                is(k, "armed") || is(k, "federal") || is(k, "regular"))
                return false;
        return true;
    };
    if (!named_party && (idx_.by_name(lower_[i]) || idx_.by_adjective(lower_[i])) && !named_body()) return;
    if (cues_.by_word.count(lower_[i]) && !cues_.has_role(lower_[i], "org_suffix")) return;
    // "Neighbouring Chad closed …": a sentence's capitalised first word that the tagger
    // reads as an adjective, verb or adverb does not open the known name after it.
    if (i == doc_.sentences[sent_].tokens.first && i + 1 < sent_end_ &&
        (upos_at(i) == "ADJ" || upos_at(i) == "VERB" || upos_at(i) == "ADV") &&
        (idx_.by_name(lower_[i + 1]) || idx_.by_adjective(lower_[i + 1])))
        return;
    std::size_t j = i;
    while (j < sent_end_) {
        // A model number goes on a name ("Resolution 2719"); an amount does not ("fined
        // Google 2.4 billion").
        const bool model_number = j > i && doc_.tokens[j].kind == TokenKind::Number && cap_[j - 1] &&
                                  text(j).find_first_of(".,") == std::string_view::npos &&
                                  !(j + 1 < sent_end_ && cues_.has_role(lower_[j + 1], "quantity_head"));
        if ((name_token(j) && !(j > i && joined_modifier(j))) || model_number) {
            ++j;
            continue;
        }
        // "of"/"for"/"and"/"the" continue a name after a name noun ("Democratic Forces
        // for the Liberation of Rwanda", "Ministry of Foreign Affairs").
        if (j > i && (is(j, "of") || is(j, "for") || is(j, "and") || is(j, "the") || is(j, "on")) &&
            cues_.has_role(lower_[j - 1], "name_noun")) {
            std::size_t k = j + 1;
            // After "and", a name goes on only inside one name ("Foreign Affairs and
            // Trade"): not after a whole organisation's name nor into a new phrase ("the
            // Civic Party and the Democratic Party", "Democratic Party and Tanya Chan").
            const bool joins = is(j, "and");
            if (joins && cues_.has_role(lower_[j - 1], "org_suffix")) break;
            while (!joins && (is(k, "the") || is(k, "for") || is(k, "of"))) ++k;
            // "sanctions imposed by the European Union on Latvia": "on" right before a name
            // the gazetteer knows starts a phrase of its own (a body's subject after "on"
            // goes on: "Commission of Inquiry on the Syrian Arab Republic").
            if (is(j, "on") && word(k) && idx_.by_name(lower_[k])) break;
            if (word(k) && cap_[k] && !stop(k)) {
                j = k;
                continue;
            }
        }
        break;
    }
    const std::size_t end = j;
    // "F-16 jets", "Shahed drones", "Kinzhal missiles": an unknown name before a weapon of
    // war is the weapon's model, no actor.
    if (end < sent_end_ && word(end) && !cap_[end] && cue_at(end, "weapon_head")) return;
    // "Scientology-related employment", "Soviet-style": a name joined to a lower-case word
    // is a modifier, not an actor ("-led", "-backed" groups and "-based" places have their
    // own rules, which come first).
    if (end - i == 1) {
        const std::string_view t = text(i);
        const auto dash = t.find('-');
        if (dash != std::string_view::npos && dash + 1 < t.size() && std::islower(static_cast<unsigned char>(t[dash + 1])))
            return;
    }
    const bool sentence_initial = i == doc_.sentences[sent_].tokens.first ||
                                  (i > 0 && (is(i - 1, "\"") || text(i - 1) == "\xE2\x80\x9C"));
    const bool heading = doc_.sentences[sent_].heading;
    if (cues_.not_actors.count(key_of(i, end))) return;
    // A platform the actor speaks through ("posted on Truth Social") is not an actor.
    if (i >= doc_.sentences[sent_].tokens.first + 2 && cues_.has_role(key_of(i - 2, i), "media_cue")) return;
    // "Government", "Army", "Forces" alone are descriptions, not names.
    // Cues of several words count whole: "Prime Minister" is a title, not a name.
    bool all_cues = true;
    for (std::size_t k = i; k < end && all_cues;) {
        std::size_t n = std::min(cues_.longest_cue, end - k);
        while (n > 0 && !cues_.by_word.count(key_of(k, k + n))) --n;
        if (n == 0) all_cues = false;
        k += n;
    }
    if (all_cues) return;
    ActorType type = ActorType::Actor;
    // The last organisation word of the name types it ("Commission of Inquiry on …").
    std::string suffix_type;
    if (named_party && end == run) suffix_type = cues_.role(lower_[end], "org_suffix");
    for (std::size_t k = i; k < end; ++k)
        if (auto t = cues_.role(lower_[k], "org_suffix"); !t.empty()) suffix_type = t;
    if (!suffix_type.empty()) {
        type = *actor_type_from_string(suffix_type);
        // "the Movement for Democratic Renewal", "the Civic Alliance": words of party
        // politics make a movement, alliance or front an organisation.
        if (type == ActorType::ArmedGroup) {
            bool civic = false, armed = false;
            for (std::size_t k = i; k < end; ++k) {
                civic |= cues_.has_role(lower_[k], "civic_word");
                armed |= cues_.has_role(lower_[k], "armed_word");
            }
            if (civic && !armed) type = ActorType::Organization;
        }
    } else if (idx_.by_name(lower_[i]) ||
               (end - i > 2 && idx_.by_name(key_of(i, i + 2)))) {
        // A longer name that starts with an organisation's ("United Nations Human Rights").
        type = ActorType::Organization;
    } else if (i > doc_.sentences[sent_].tokens.first && party_head(i - 1)) {
        // "the liberal party Ahali", "the political alliance Strong Latvia": the body
        // noun before the name types it.
        type = *actor_type_from_string(cues_.role(lower_[i - 1], "org_suffix"));
    } else if (i > doc_.sentences[sent_].tokens.first) {
        std::size_t p = i - 1;
        if (cues_.has_role(lower_[p], "place_cue") ||
            (p > 0 && cues_.has_role(key_of(p - 1, p + 1), "place_cue")))
            type = ActorType::Location;
    }
    const bool all_caps = end - i == 1 && is_all_caps(text(i));
    // The statistical recogniser, when there is one, decides what the rules can only
    // guess: whether a run of capitalised words is a name at all, and of what.
    const NameProposals::Proposal* proposal = names_.active() ? names_.overlapping(i, end) : nullptr;
    if (type == ActorType::Actor) {
        if (end - i >= 2 && !heading) {
            if (names_.active() && !proposal) return; // "Common Sense", "Prime Ministers"
            type = proposal ? NameProposals::actor_type(proposal->type) : ActorType::Person;
        } else if (end - i >= 2 && heading) {
            return; // Title Case headings capitalise everything
        }
    }
    // A single unknown word the model takes for a name: its type, should nothing in
    // the article resolve it better (a surname, a group, an acronym).
    std::vector<ActorType> model_type;
    // Not after an opening quote, where imperatives stand capitalised ("Withdraw all …").
    const bool after_quote = i > doc_.sentences[sent_].tokens.first && sentence_initial;
    if (end - i == 1 && proposal && proposal->tokens.first == i && proposal->tokens.last == end &&
        !heading && !after_quote && !dateline(i))
        model_type.push_back(NameProposals::actor_type(proposal->type));
    // A capitalised first word is only an actor when it is a surname met elsewhere.
    const bool only_surname = sentence_initial && end - i == 1 && type == ActorType::Actor;
    Match m;
    m.end = end;
    m.priority = 0;
    m.apply = [=, this]() {
        if (type == ActorType::Actor) {
            // A single unknown word: a surname of a person named elsewhere, a group
            // modifier, or an acronym; decided once the whole article is read.
            pending_.push_back(Pending{Pending::Unknown, TokenRange{i, end}, sent_, model_type, "",
                                       lower_[i], npos,
                                       only_surname ? "surname" : all_caps ? "acronym" : ""});
            claimed_[i] = true;
            return;
        }
        std::string key = key_of(i, end);
        std::size_t ent = entity(mint_iri(opt_.base_iri, type, key), type, surface(i, end));
        mention(i, end, ent, all_caps ? MentionKind::Acronym : MentionKind::Name);
        expand_parenthesised_acronym(end, ent);
    };
    out.push_back(std::move(m));
}

auto Recognizer::resolve_unknown(Pending& p) -> void {
    const std::string& k = p.key;
    // A surname or first name of a person named in the article.
    for (std::size_t e = 0; e < x_.entities.size(); ++e) {
        const auto& ent = x_.entities[e];
        if (ent.type != ActorType::Person) continue;
        std::string l = lower(ent.label);
        std::size_t sp = l.rfind(' ');
        if (sp != std::string::npos && (l.substr(sp + 1) == k || l.substr(0, l.find(' ')) == k)) {
            mention(p.range.first, p.range.last, e, MentionKind::Name);
            return;
        }
    }
    if (p.relation == "surname") return model_name(p);
    // A group modifier used alone ("the Tuaregs").
    std::string gk = group_key(doc_.token_text(p.range.first), cues_);
    // A plural demonym ("Palestinians") names people, not an armed group.
    if (idx_.by_adjective(gk) || idx_.by_adjective(k)) return;
    for (std::size_t e = 0; e < x_.entities.size(); ++e)
        if (group_key_of_entity_[e] == gk && !gk.empty()) {
            mention(p.range.first, p.range.last, e, MentionKind::Name);
            return;
        }
    // An unknown acronym names an organisation ("SSRC"), when it is not a unit or code.
    if (p.relation == "acronym") {
        std::string t(doc_.token_text(p.range.first));
        if (t.size() >= 3 && t.size() <= 8) {
            std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Organization, k),
                                     ActorType::Organization, t);
            mention(p.range.first, p.range.last, ent, MentionKind::Acronym);
            return;
        }
    }
    model_name(p);
}

auto Recognizer::model_name(const Pending& p) -> void {
    if (p.types.empty()) return;
    // A word the article names an actor by elsewhere is that actor ("Ber" found by a
    // place cue before), whatever type the model would give it here.
    for (const auto& m : x_.mentions)
        if (m.kind == MentionKind::Name && m.tokens.size() == 1 && lower_[m.tokens.first] == p.key) {
            mention(p.range.first, p.range.last, entity_index(m.entity), MentionKind::Name);
            return;
        }
    const ActorType t = p.types.front();
    const std::string word(doc_.token_text(p.range.first));
    const std::size_t ent = entity(mint_iri(opt_.base_iri, t, p.key), t, word);
    mention(p.range.first, p.range.last, ent, is_all_caps(word) ? MentionKind::Acronym : MentionKind::Name);
}

} // namespace newskg::recognition
