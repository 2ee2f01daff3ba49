#include "actors/name_proposals.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/ascii_case.hpp"

namespace newskg {

NameProposals::NameProposals(const Document& doc, const ner::NerModel& model, const ActorIndex& index) {
    if (model.empty() || doc.words.empty()) return;
    active_ = true;
    starting_.assign(doc.tokens.size(), 0);
    // Words with a kind of place in apposition (ontology/actor-cues.tsv, place_head).
    std::vector<bool> place_apposition(doc.words.size(), false);
    for (std::size_t i = 0; i < doc.words.size(); ++i)
        if (const Word& x = doc.words[i]; x.head != kNoWord && x.deprel == "appos" && index.cues().has_role(ascii_lower(doc.lemma(x)), "place_head"))
            place_apposition[x.head] = true;
    // Capitalised words of the article, to tell a people's plural ("Hutus" beside "Hutu")
    // from a surname that ends in "s" ("Karins").
    std::set<std::string> capitalised;
    for (std::size_t i = 0; i < doc.words.size(); ++i)
        if (const std::string_view f = doc.form(doc.words[i]); !f.empty() && std::isupper(static_cast<unsigned char>(f[0])))
            capitalised.insert(ascii_lower(f));
    for (const auto& n : ner::recognize_document(doc, model, index)) {
        // A name has a proper noun in it: "Farmers" or "Officials" the model calls a person
        // in a dateline's wake are common nouns the tagger knows as such.
        bool proper = false;
        for (std::size_t w = n.begin; w < n.end; ++w) proper = proper || doc.words[w].upos == "PROPN";
        if (!proper) continue;
        // One plural proper noun names a people or a group of followers ("Hutus",
        // "Americans"), not one actor; the tagger often calls them NNP, so a lone word the
        // model takes for a person and that ends in "s" counts as one too.
        if (n.end - n.begin == 1) {
            const Word& w = doc.words[n.begin];
            const std::string_view form = doc.form(w);
            if (w.xpos == "NNPS") continue;
            if (n.type == ner::NameType::Person && form.size() > 3 && form.back() == 's') {
                const std::string lower = ascii_lower(form);
                const std::string stem = lower.substr(0, lower.size() - 1);
                // A people: the singular is a demonym or written elsewhere ("Hutu rebels"),
                // or the word follows an article, a count or an adjective ("the Tutsis",
                // "many Uighurs", "thousands of Uighurs", "ethnic Hutus").
                const std::string before = n.begin > 0 ? ascii_lower(doc.form(doc.words[n.begin - 1])) : "";
                // "ethnic Hutus": a lower-case adjective before it, too.
                const std::string two_before = n.begin > 1 ? ascii_lower(doc.form(doc.words[n.begin - 2])) : "";
                const bool multitude = two_before == "thousands" || two_before == "hundreds" ||
                                       two_before == "dozens" || two_before == "millions" || two_before == "tens";
                const bool counted = before == "the" || before == "many" || before == "some" || before == "other" ||
                                     (before == "of" && multitude) ||
                                     (n.begin > 0 && (doc.words[n.begin - 1].upos == "NUM" ||
                                                      (doc.words[n.begin - 1].upos == "ADJ" && before != "former" &&
                                                       before != "late" && !before.empty() &&
                                                       std::islower(static_cast<unsigned char>(
                                                           doc.form(doc.words[n.begin - 1])[0])))));
                if (index.by_adjective(stem) || capitalised.count(stem) || counted) continue;
            }
        }
        // "Kiwanja, a town in North Kivu": a kind of place in apposition types the name,
        // whatever the model guessed from the word alone.
        ner::NameType type = n.type;
        // "Venezuela's Maduro ordered …", "Turkey's Erdogan said …": one name after a
        // country's possessive that is a verb's subject is a person (its leader), not a place
        // of the country ("Ukraine's Kharkiv was shelled" is no agent).
        if (n.end - n.begin == 1 && n.begin >= 2 && doc.words[n.begin].deprel == "nsubj" &&
            doc.form(doc.words[n.begin - 1]) == "'s") {
            const Word& owner = doc.words[n.begin - 2];
            if (owner.upos == "PROPN")
                if (const auto* hits = index.by_name(ascii_lower(doc.form(owner))))
                    if (index.entry(hits->front()).type == ActorType::Country) type = ner::NameType::Person;
        }
        for (std::size_t w = n.begin; w < n.end; ++w)
            if (place_apposition[w]) type = ner::NameType::Place;
        // "President Aldo Brunetti of Marovia": a person "of" a name is two names, the
        // person and the place or body they are of.
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, ner::NameType>> parts{{{n.begin, n.end}, type}};
        if (type == ner::NameType::Person)
            for (std::size_t w = n.begin + 1; w + 1 < n.end; ++w)
                if (ascii_lower(doc.form(doc.words[w])) == "of" && doc.words[w - 1].upos == "PROPN" &&
                    doc.words[w + 1].upos == "PROPN") {
                    parts = {{{n.begin, w}, type}, {{w + 1, n.end}, ner::NameType::Place}};
                    break;
                }
        for (const auto& [words, part_type] : parts) {
            const TokenRange r{doc.words[words.first].token, doc.words[words.second - 1].token + 1};
            // Names are whole tokens: a name that ends inside a token the tokenizer kept
            // whole is widened to it; one that would overlap the previous name is dropped.
            if (!proposals_.empty() && proposals_.back().tokens.last > r.first) continue;
            proposals_.push_back({r, part_type});
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
