// Collective actors named by common nouns: the crowd in the street ("protesters",
// "pro-democracy demonstrators"), a country's opposition ("the opposition", "Arnor's
// opposition"), the West ("the West", "Western governments") and its leaders, a
// country's prosecutors; and a demonym before an event noun or a thing ("Arnorian
// strikes", "Arnorian vessels"), which is a mention of the country.
#include "actors/recognizer.hpp"

#include <set>

namespace newskg::recognition {

namespace {

/// Lower-case modifiers of a crowd noun: "pro-EU", "anti-government", "angry".
bool crowd_modifier(const std::string& w) {
    static const std::set<std::string> mods{"opposition", "student", "angry", "peaceful",
                                            "unarmed", "young", "masked", "striking"};
    return mods.count(w) > 0 || w.rfind("pro-", 0) == 0 || w.rfind("anti-", 0) == 0;
}

} // namespace

auto Recognizer::upos_at(std::size_t i) const -> std::string_view {
    if (i >= token_upos_.size()) return {};
    return token_upos_[i]; // "" where no word comes from the token
}

auto Recognizer::society_pattern(std::size_t i, std::vector<Match>& out) -> void {
    if (!word(i) || claimed_[i]) return;
    std::size_t j = i;
    if (is(j, "the")) ++j;
    std::optional<CountryRef> ref;
    if (auto c = country_ref_at(j)) {
        ref = c;
        j = c->end;
    }
    // "pro-EU" may come as one token or as "pro", "-", "EU".
    std::size_t h = j;
    for (int n = 0; n < 3 && h < sent_end_; ++n) {
        if (word(h) && !cap_[h] && crowd_modifier(lower_[h]) && !cue_at(h, "crowd_head")) {
            ++h;
        } else if ((is(h, "pro") || is(h, "anti")) && is(h + 1, "-") && word(h + 2)) {
            h += 3;
        } else {
            break;
        }
    }
    if (auto c = cue_at(h, "crowd_head")) {
        // One crowd per article: whoever is in the street is one actor to the reader.
        const std::size_t hend = c->first;
        Match m;
        m.end = hend;
        m.priority = 3;
        m.apply = [=, this]() {
            const std::size_t first = is(i, "the") ? i + 1 : i;
            std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Person, "protesters"),
                                     ActorType::Person, surface(first, hend));
            mention(first, hend, ent, MentionKind::Name);
            claimed_[i] = true;
        };
        out.push_back(std::move(m));
    }
    // "the opposition", "Arnor's opposition": the organised opposition of the country
    // named, else of the country the article is about. Not a modifier ("opposition
    // figures"), and not without "the" or a country ("in opposition to").
    if (is(j, "opposition") && (ref || is(i, "the")) && upos_at(j + 1) != "NOUN" &&
        upos_at(j + 1) != "PROPN" && !is(j + 1, "supporters")) {
        const std::size_t hend = j + 1;
        const std::optional<CountryRef> r = ref;
        Match m;
        m.end = hend;
        m.priority = 3;
        m.apply = [=, this]() {
            std::size_t country = r ? country_entity(r->gaz) : opposition_country(i);
            std::string key = "opposition";
            if (country != npos) {
                const auto& ce = x_.entities[country];
                key = (ce.country_code.empty() ? name_key(ce.label) : ce.country_code) + " opposition";
            }
            std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Organization, key),
                                     ActorType::Organization, surface(i, hend));
            if (r && !r->adjective) mention(i, r->name_end, country, MentionKind::Name, false);
            mention(i, hend, ent, MentionKind::Name);
            if (r) link(ent, country, "affiliatedWith", "actors:opposition-of-country");
        };
        out.push_back(std::move(m));
    }
    west_pattern(i, out);
    prosecutor_pattern(i, out);
}

auto Recognizer::opposition_country(std::size_t i) -> std::size_t {
    // The country whose opposition the article names with a demonym or possessive
    // anywhere ("Arnorian opposition leader ..."), else the one it is about so far.
    for (const auto& sen : doc_.sentences)
        for (std::size_t k = sen.tokens.first; k + 1 < sen.tokens.last; ++k) {
            if (lower_[k + 1] != "opposition" || !cap_[k]) continue;
            std::size_t b = k;
            if (k > sen.tokens.first && (lower_[k] == "'s" || lower_[k] == "'")) b = k - 1;
            for (std::size_t len = 1; len <= 2 && len <= b + 1 - sen.tokens.first; ++len) {
                const std::string key = key_of(b + 1 - len, b + 1);
                const auto* hits = idx_.by_adjective(key);
                if (!hits) hits = idx_.by_name(key);
                if (hits && idx_.entry(hits->front()).type == ActorType::Country) return country_entity(hits->front());
            }
        }
    return main_country(i);
}

auto Recognizer::west_pattern(std::size_t i, std::vector<Match>& out) -> void {
    // "the West" (not "West Africa"), "Western governments": the Western countries as one
    // actor; "Western leaders", "Western diplomats": the people who speak for them.
    std::size_t end = npos;
    std::string key;
    ActorType type = ActorType::Country;
    if (is(i, "the") && word(i + 1) && text(i + 1) == "West" && !(word(i + 2) && cap_[i + 2]) &&
        !is(i + 2, "-")) {
        end = i + 2;
        key = "west";
    } else if (word(i) && text(i) == "Western" && word(i + 1) && !cap_[i + 1]) {
        static const std::set<std::string> states{"countries", "governments", "nations", "powers",
                                                  "states", "allies", "democracies", "capitals"};
        static const std::set<std::string> people{"leaders", "officials", "diplomats"};
        if (states.count(lower_[i + 1])) {
            end = i + 2;
            key = "west";
        } else if (people.count(lower_[i + 1])) {
            end = i + 2;
            key = "western " + lower_[i + 1];
            type = ActorType::Person;
        }
    }
    if (end == npos) return;
    Match m;
    m.end = end;
    m.priority = 3;
    m.apply = [=, this]() {
        const std::size_t first = is(i, "the") ? i + 1 : i;
        std::size_t ent = entity(mint_iri(opt_.base_iri, type, key), type, surface(first, end));
        mention(first, end, ent, MentionKind::Name);
        claimed_[i] = true;
        if (type == ActorType::Person) {
            std::size_t west = entity(mint_iri(opt_.base_iri, ActorType::Country, "west"),
                                      ActorType::Country, "West");
            pending_links_.push_back({ent, west, "memberOf", sent_, "actors:western-leaders"});
        }
    };
    out.push_back(std::move(m));
}

auto Recognizer::prosecutor_pattern(std::size_t i, std::vector<Match>& out) -> void {
    // "the prosecutor's office", "Arnorian prosecutors", "prosecutors said": the
    // prosecution service of the country named, else of the country in focus.
    std::size_t j = i;
    if (is(j, "the")) ++j;
    std::optional<CountryRef> ref;
    if (auto c = country_ref_at(j)) {
        ref = c;
        j = c->end;
    }
    if (is(j, "chief") || is(j, "public") || is(j, "state")) ++j;
    std::size_t end = npos;
    if (is(j, "prosecutor") && possessive(j + 1) && is(j + 2, "office"))
        end = j + 3;
    else if (is(j, "prosecutors") && (ref || is(i, "the") || i == doc_.sentences[sent_].tokens.first))
        end = j + 1;
    if (end == npos) return;
    const std::optional<CountryRef> r = ref;
    Match m;
    m.end = end;
    m.priority = 3;
    m.apply = [=, this]() {
        std::size_t country = r ? country_entity(r->gaz) : main_country(i);
        if (country == npos) {
            for (std::size_t k = i; k < end; ++k) claimed_[k] = true;
            return;
        }
        const auto& ce = x_.entities[country];
        const std::string key = (ce.country_code.empty() ? name_key(ce.label) : ce.country_code) + " prosecution";
        std::size_t ent = entity(mint_iri(opt_.base_iri, ActorType::Government, key),
                                 ActorType::Government, surface(i, end));
        if (r && !r->adjective) mention(i, r->name_end, country, MentionKind::Name, false);
        mention(i, end, ent, MentionKind::Name);
        link(ent, country, "partOf", "actors:prosecution-of-country");
    };
    out.push_back(std::move(m));
}

auto Recognizer::demonym_thing(std::size_t j, std::size_t within) const -> bool {
    // Up to `within` words after the adjective: other modifiers, then an event noun or
    // a thing a country owns or acts with ("Arnorian missile factories").
    for (std::size_t k = j; k < sent_end_ && k < j + within; ++k) {
        if (cue_at(k, "thing_head") || cue_at(k, "place_head")) return true;
        if (!(word(k) && !cap_[k] && is_alpha_word(lower_[k]) && !is_verbish(k) && upos_at(k) == "NOUN"))
            return false;
    }
    return false;
}

auto Recognizer::demonym_argument(std::size_t i) const -> bool {
    // Read from the tree: the adjective's noun is an argument of a verb, so the country
    // takes part in what the verb says, as the event coders read "the French ambassador"
    // or "Israeli hostages". A noun of a noun ("Chinese food prices") is not enough.
    const Sentence& sen = doc_.sentences[sent_];
    // Of the words of the token ("British-flagged" is British, -, flagged), the one
    // hung outside it.
    std::size_t outer = npos;
    for (std::size_t k = sen.words.first; k < sen.words.last; ++k)
        if (doc_.words[k].token == i &&
            (outer == npos || (doc_.words[outer].head != kNoWord && doc_.words[doc_.words[outer].head].token == i)))
            outer = k;
    if (outer == npos) return false;
    // "Japanese and Philippine leaders": a later adjective of a coordination modifies the
    // noun through the first.
    for (std::size_t steps = 0; steps < 8 && doc_.words[outer].deprel == "conj" && doc_.words[outer].head != kNoWord &&
                                doc_.words[outer].head < outer;
         ++steps)
        outer = doc_.words[outer].head;
    const Word& adj = doc_.words[outer];
    // The tagger sometimes reads the adjective as a name ("his Estonian/PROPN counterpart"),
    // which the parser then hangs as a compound.
    if ((adj.deprel != "amod" && adj.deprel != "compound") || adj.head == kNoWord) return false;
    // As a compound, only right before its noun: "Chadian food prices" hangs "Chadian" on
    // "prices" across "food", which it does not modify.
    // Its own conjuncts may stand between ("Latvian and Estonian leaders").
    if (adj.deprel == "compound")
        for (std::size_t k = outer + 1; k < adj.head; ++k) {
            const auto& rel = doc_.words[k].deprel;
            if (rel != "cc" && rel != "conj" && rel != "punct") return false;
        }
    auto has_role = [&](const Word& w, const char* role) { // its lemma or its form
        return cues_.has_role(name_key(doc_.lemma(w)), role) || cues_.has_role(name_key(doc_.form(w)), role);
    };
    const Word& noun = doc_.words[adj.head];
    if (noun.upos != "NOUN" || noun.head == kNoWord || has_role(noun, "plain_head")) return false;
    // "a Belarusian opposition leader", "Russian dissidents": people who stand against the
    // country's rulers are not the country.
    for (std::size_t k = outer + 1; k <= adj.head; ++k)
        if (has_role(doc_.words[k], "adversary_head")) return false;
    // A later conjunct plays the first one's part: "talks between Hamas and Israeli
    // negotiators".
    std::size_t first = adj.head;
    for (std::size_t steps = 0; steps < 8 && doc_.words[first].deprel == "conj" && doc_.words[first].head != kNoWord;
         ++steps)
        first = doc_.words[first].head;
    const Word& role = doc_.words[first];
    if (role.head == kNoWord) return false;
    static const std::set<std::string_view> arguments{"nsubj", "nsubj:pass", "obj", "iobj", "obl"};
    bool argument = arguments.count(role.deprel.view()) && doc_.words[role.head].upos == "VERB";
    // "arrested dozens of Afghan migrants", "banned imports of Chinese apps": the counted
    // noun of a quantity argument, the goods of a trade argument.
    if (!argument && role.deprel == "nmod") {
        const Word& count = doc_.words[role.head];
        if (count.head != kNoWord && arguments.count(count.deprel.view()) && doc_.words[count.head].upos == "VERB" &&
            (has_role(count, "quantity_head") || has_role(count, "trade_head")))
            for (std::size_t k = sen.words.first; k < first; ++k)
                argument |= doc_.words[k].head == first && doc_.words[k].deprel == "case" &&
                            name_key(doc_.form(doc_.words[k])) == "of";
    }
    // The party of an event named by a noun: "talks with Israeli negotiators", "clashes
    // between X and Y", "an attack on Chadian troops"; a border a verb's phrase is near
    // ("put troops on alert near the Estonian border").
    if (!argument && role.deprel == "nmod" && doc_.words[role.head].upos == "NOUN") {
        const Word& holder = doc_.words[role.head];
        const bool verb_phrase = holder.head != kNoWord && arguments.count(holder.deprel.view()) &&
                                 doc_.words[holder.head].upos == "VERB";
        const std::string noun_key = name_key(doc_.lemma(role));
        const bool border = noun_key == "border" || noun_key == "frontier";
        for (std::size_t k = sen.words.first; k < first; ++k)
            if (doc_.words[k].head == first && doc_.words[k].deprel == "case") {
                const std::string c = name_key(doc_.form(doc_.words[k]));
                argument |= c == "with" || c == "between" || c == "against" || c == "on" ||
                            (border && verb_phrase && (c == "near" || c == "along" || c == "to")) ||
                            (verb_phrase && c == "for"); // "issued a warrant for the Estonian president"
            }
    }
    if (!argument) return false;
    // "his Russian counterpart Vladimir Putin", "Belarusian opposition politician Svetlana
    // Tikhanouskaya": the person named is the party, however the parser hung the name.
    if (adj.head + 1 < sen.words.last && doc_.words[adj.head + 1].upos == "PROPN") return false;
    for (std::size_t w = sen.words.first; w < sen.words.last; ++w)
        if (doc_.words[w].head == adj.head && doc_.words[w].deprel == "appos") return false;
    return true;
}

} // namespace newskg::recognition
