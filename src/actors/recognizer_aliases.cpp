// One node per actor in an article: an acronym and the long form it abbreviates
// ("NLF" / "National Liberation Front", also in another language's word order), and
// which surface forms are aliases (a name, not "the country").
#include <iterator>

#include "actors/recognizer.hpp"

namespace newskg::recognition {

namespace {

/// Upper-case initials of a name's content words ("National Liberation Army" → "NLA").
std::string initials(std::string_view label) {
    static const std::set<std::string> skip{"of", "the", "for", "and", "in", "on", "de", "la", "del", "des", "du"};
    std::string out;
    std::size_t p = 0;
    while (p < label.size()) {
        while (p < label.size() && (label[p] == ' ' || label[p] == '-')) ++p;
        std::size_t q = p;
        while (q < label.size() && label[q] != ' ' && label[q] != '-') ++q;
        if (q > p) {
            std::string w = lower(label.substr(p, q - p));
            if (!skip.count(w) && std::isalpha(static_cast<unsigned char>(label[p])))
                out += static_cast<char>(std::toupper(static_cast<unsigned char>(label[p])));
        }
        p = q;
    }
    return out;
}

} // namespace

auto Recognizer::acronym_of(std::string_view acronym, std::string_view label) -> bool {
    if (acronym.size() < 2 || acronym.size() > 8) return false;
    for (unsigned char c : acronym)
        if (!std::isupper(c)) return false;
    const std::string ini = initials(label);
    if (ini.size() != acronym.size() || ini.size() < 2) return false;
    if (ini == acronym) return true;
    // The same initials in another order: the acronym of the name in the group's own
    // language ("Ejército de Liberación Nacional" → ELN beside "National Liberation Army").
    // Its words are translated too, so one initial may differ ("Ejército" → E).
    if (ini.size() < 3) return false;
    std::string a(acronym), b(ini);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::string common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return common.size() + 1 >= a.size();
}

auto Recognizer::merge_acronyms() -> void {
    // An actor named only by an acronym that is not a known name of its own, and an
    // actor of the article whose multi-word name has those initials: one actor. The
    // long form keeps its node (and its type) unless it is the unknown one.
    for (std::size_t a = 0; a < x_.entities.size(); ++a) {
        auto& short_form = x_.entities[a];
        if (short_form.mentions.empty() || short_form.type == ActorType::Person ||
            short_form.type == ActorType::Country || short_form.label.find(' ') != std::string::npos)
            continue;
        std::size_t target = npos, count = 0;
        for (std::size_t f = 0; f < x_.entities.size(); ++f) {
            const auto& full = x_.entities[f];
            if (f == a || full.mentions.empty() || full.type == ActorType::Person ||
                full.type == ActorType::Country || full.label.find(' ') == std::string::npos)
                continue;
            if (!acronym_of(short_form.label, full.label)) continue;
            // A loose match (initials reordered or one translated) only for an acronym
            // no dictionary knows.
            if (initials(full.label) != short_form.label && gaz_of_entity_[a] != npos) continue;
            // Two known actors of the dictionaries are two actors, whatever their initials.
            if (gaz_of_entity_[a] != npos && gaz_of_entity_[f] != npos && gaz_of_entity_[a] != gaz_of_entity_[f]) continue;
            target = f;
            ++count;
        }
        if (count != 1) continue;
        // The gazetteer's node wins; otherwise the long form's.
        if (gaz_of_entity_[a] != npos && gaz_of_entity_[target] == npos) {
            merge_into(target, a);
        } else {
            merge_into(a, target);
        }
    }
}

auto Recognizer::alias_worthy(const Mention& m) const -> bool {
    if (m.kind == MentionKind::Pronoun) return false;
    if (m.kind != MentionKind::Description) return true;
    // "the country", "the nation", "the group": a description by a bare generic noun
    // refers to the actor but does not name it.
    const std::size_t b = m.tokens.first, e = m.tokens.last;
    std::size_t k = b;
    if (k < e && (lower_[k] == "the" || lower_[k] == "this" || lower_[k] == "that")) ++k;
    if (e - k != 1) return true;
    static const std::set<std::string> generic{"group", "organisation", "organization", "body",
                                               "country", "nation", "state", "kingdom",
                                               "republic", "side", "movement"};
    return !(generic.count(lower_[k]) || cues_.has_role(lower_[k], "country_noun"));
}

} // namespace newskg::recognition
