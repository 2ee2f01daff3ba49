#include "actors/name_proposals.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "core/ascii_case.hpp"

namespace newskg {

namespace {

/// Whether the lone word w, which the model takes for a person and which ends in "s",
/// names a people ("Hutus", "Americans") rather than one person ("Karins"): its singular
/// is a demonym or written capitalised in the article ("Hutu rebels"), or an article, a
/// count or an adjective comes before it ("the Tutsis", "many Uighurs", "thousands of
/// Uighurs", "ethnic Hutus").
bool names_a_people(const Document& doc, std::size_t w, const ActorIndex& index,
                    const std::set<std::string>& capitalised) {
    const std::string lower = ascii_lower(doc.form(doc.words[w]));
    const std::string stem = lower.substr(0, lower.size() - 1);
    if (index.by_adjective(stem) || capitalised.count(stem)) return true;
    if (w == 0) return false;
    const Word& prev = doc.words[w - 1];
    const std::string before = ascii_lower(doc.form(prev));
    const auto count = [&](const std::string& word) { return index.cues().has_role(word, "quantity_head"); };
    if (before == "the" || before == "other" || count(before) || prev.upos == "NUM") return true;
    if (before == "of" && w >= 2 && count(ascii_lower(doc.form(doc.words[w - 2])))) return true;
    const std::string_view prev_form = doc.form(prev);
    return prev.upos == "ADJ" && before != "former" && before != "late" && !prev_form.empty() &&
           std::islower(static_cast<unsigned char>(prev_form[0]));
}

/// "Venezuela's Maduro ordered …", "Turkey's Erdogan said …": one name after a country's
/// possessive that is a verb's subject is a person (its leader), not a place of the
/// country ("Ukraine's Kharkiv was shelled" is no agent).
bool leader_after_possessive(const Document& doc, std::size_t w, const ActorIndex& index) {
    if (w < 2 || doc.words[w].deprel != "nsubj" || doc.form(doc.words[w - 1]) != "'s") return false;
    const Word& owner = doc.words[w - 2];
    if (owner.upos != "PROPN") return false;
    const auto* hits = index.by_name(ascii_lower(doc.form(owner)));
    return hits && index.entry(hits->front()).type == ActorType::Country;
}

struct NamePart {
    std::size_t begin, end; ///< words
    ner::NameType type;
};

/// "President Aldo Brunetti of Marovia": a person "of" a name is two names, the person
/// and the place or body they are of.
std::vector<NamePart> split_person_of(const Document& doc, const NamePart& name) {
    if (name.type == ner::NameType::Person)
        for (std::size_t w = name.begin + 1; w + 1 < name.end; ++w)
            if (ascii_lower(doc.form(doc.words[w])) == "of" && doc.words[w - 1].upos == "PROPN" &&
                doc.words[w + 1].upos == "PROPN")
                return {{name.begin, w, name.type}, {w + 1, name.end, ner::NameType::Place}};
    return {name};
}

} // namespace

NameProposals::NameProposals(const Document& doc, const ner::NerModel& model, const ActorIndex& index) {
    if (model.empty() || doc.words.empty()) return;
    active_ = true;
    starting_.assign(doc.tokens.size(), 0);
    // Words with a kind of place in apposition (ontology/actor-cues.tsv, place_head).
    std::vector<bool> place_apposition(doc.words.size(), false);
    for (std::size_t i = 0; i < doc.words.size(); ++i)
        if (const Word& x = doc.words[i]; x.head != kNoWord && x.deprel == "appos" && index.cues().has_role(ascii_lower(doc.lemma(x)), "place_head"))
            place_apposition[x.head] = true;
    // The article's capitalised words, made only when a word ending in "s" needs them.
    std::optional<std::set<std::string>> capitalised;
    auto capitalised_words = [&]() -> const std::set<std::string>& {
        if (!capitalised) {
            capitalised.emplace();
            for (std::size_t i = 0; i < doc.words.size(); ++i)
                if (const std::string_view f = doc.form(doc.words[i]);
                    !f.empty() && std::isupper(static_cast<unsigned char>(f[0])))
                    capitalised->insert(ascii_lower(f));
        }
        return *capitalised;
    };
    for (const auto& n : ner::recognize_document(doc, model, index)) {
        // A name has a proper noun in it: "Farmers" or "Officials" the model calls a person
        // in a dateline's wake are common nouns the tagger knows as such.
        bool proper = false;
        for (std::size_t w = n.begin; w < n.end; ++w) proper = proper || doc.words[w].upos == "PROPN";
        if (!proper) continue;
        // One plural proper noun names a people or a group of followers, not one actor.
        if (n.end - n.begin == 1) {
            const Word& w = doc.words[n.begin];
            const std::string_view form = doc.form(w);
            if (w.xpos == "NNPS") continue;
            if (n.type == ner::NameType::Person && form.size() > 3 && form.back() == 's' &&
                names_a_people(doc, n.begin, index, capitalised_words()))
                continue;
        }
        ner::NameType type = n.type;
        if (n.end - n.begin == 1 && leader_after_possessive(doc, n.begin, index)) type = ner::NameType::Person;
        // "Kiwanja, a town in North Kivu": a kind of place in apposition types the name,
        // whatever the model guessed from the word alone.
        for (std::size_t w = n.begin; w < n.end; ++w)
            if (place_apposition[w]) type = ner::NameType::Place;
        for (const NamePart& part : split_person_of(doc, {n.begin, n.end, type})) {
            const TokenRange r{doc.words[part.begin].token, doc.words[part.end - 1].token + 1};
            // Names are whole tokens: a name that ends inside a token the tokenizer kept
            // whole is widened to it; one that would overlap the previous name is dropped.
            if (!proposals_.empty() && proposals_.back().tokens.last > r.first) continue;
            proposals_.push_back({r, part.type});
            starting_[r.first] = static_cast<std::uint32_t>(proposals_.size()); // under 2^32: one per token at most
        }
    }
}

const NameProposals::Proposal* NameProposals::starting_at(std::size_t i) const {
    if (i >= starting_.size() || starting_[i] == 0) return nullptr;
    return &proposals_[starting_[i] - 1];
}

const NameProposals::Proposal* NameProposals::overlapping(std::size_t first, std::size_t last) const {
    auto it = std::lower_bound(proposals_.begin(), proposals_.end(), first,
                               [](const Proposal& p, std::size_t f) { return p.tokens.last <= f; });
    if (it != proposals_.end() && it->tokens.first < last) return &*it;
    return nullptr;
}

ActorType NameProposals::actor_type(ner::NameType t) {
    switch (t) {
    case ner::NameType::Person: return ActorType::Person;
    case ner::NameType::Organization: return ActorType::Organization;
    case ner::NameType::Place: return ActorType::Location;
    }
    return ActorType::Actor;
}

} // namespace newskg
