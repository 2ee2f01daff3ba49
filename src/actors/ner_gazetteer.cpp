// Gazetteer and dictionary membership of a sentence's words, as features of the name
// recogniser: the same tables the rule-based recogniser reads (ActorIndex).
#include <algorithm>

#include <set>

#include "newskg/actors/actors.hpp"
#include "newskg/actors/ner.hpp"

namespace newskg::ner {

namespace {

std::uint32_t type_bit(const ActorIndex& index, std::size_t g) {
    if (index.dictionary_info(g).kind == ActorIndex::DictKind::Person) return kGazPerson;
    switch (index.entry(g).type) {
    case ActorType::Country: return kGazCountry;
    case ActorType::Location: return kGazPlace;
    case ActorType::Person: return kGazPerson;
    case ActorType::Government:
    case ActorType::Military:
    case ActorType::ArmedGroup:
    case ActorType::Organization: return kGazOrganization;
    case ActorType::Actor: return 0;
    }
    return 0;
}

bool lower_initial(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }

} // namespace

std::vector<std::uint32_t> gazetteer_marks(const ActorIndex& index, const std::vector<std::string_view>& forms) {
    const std::size_t n = forms.size();
    std::vector<std::uint32_t> marks(n, 0);
    std::vector<std::string> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = name_key(forms[i]);
    const ActorCues& cues = index.cues();
    for (std::size_t i = 0; i < n; ++i) {
        if (index.by_adjective(keys[i])) marks[i] |= kGazDemonym;
        if (index.by_acronym(std::string(forms[i]))) marks[i] |= kGazAcronym;
        // A word that names an actor's kind or title; the roles that only say what a
        // demonym or a common noun before it means, or what the relation rules read
        // (sport, deeds, origin words), are not name evidence.
        static const std::set<std::string> not_name_evidence{"thing_head",  "place_head", "crowd_head",
                                                             "portfolio",   "contest_cue", "plain_head",
                                                             "act_noun",    "origin_suffix", "economic_measure", "censure", "weapon_head"};
        if (auto it = cues.by_word.find(keys[i]); it != cues.by_word.end())
            for (const auto& [role, type] : it->second)
                if (!not_name_evidence.count(role)) {
                    marks[i] |= kGazCue;
                    break;
                }
        if (cues.not_actors.count(keys[i])) marks[i] |= kGazNotActor;
    }
    // Names: the longest one starting at each word not inside an earlier one. A name
    // written in lower case ("turkey", "chad") is a word, not the name.
    for (std::size_t i = 0; i < n;) {
        if (lower_initial(forms[i]) || keys[i].empty()) {
            ++i;
            continue;
        }
        // Capitals are not indexed by first word: up to three words are tried for them.
        const std::size_t longest = std::min(std::max<std::size_t>(index.longest_name_from(keys[i]), 3), n - i);
        std::size_t found = 0;
        std::uint32_t bits = 0;
        std::string key;
        std::vector<std::string> prefixes;
        for (std::size_t len = 1; len <= longest; ++len) {
            if (len > 1) key += ' ';
            key += keys[i + len - 1];
            prefixes.push_back(key);
        }
        for (std::size_t len = longest; len >= 1 && !found; --len) {
            if (lower_initial(forms[i + len - 1]) && len > 1 && keys[i + len - 1].size() > 3) continue;
            if (const auto* hits = index.by_name(prefixes[len - 1])) {
                found = len;
                for (std::size_t g : *hits) bits |= type_bit(index, g);
            }
            if (index.by_capital(prefixes[len - 1]) && (!found || found == len)) {
                found = len;
                bits |= kGazPlace; // a country's capital city
            }
        }
        if (!found) {
            ++i;
            continue;
        }
        marks[i] |= kGazBegin | bits;
        for (std::size_t k = i + 1; k < i + found; ++k) marks[k] |= kGazInside | bits;
        i += found;
    }
    return marks;
}

} // namespace newskg::ner

namespace newskg::ner {

std::vector<NameSpan> recognize_document(const Document& doc, const NerModel& model, const ActorIndex& index) {
    std::vector<NameSpan> out;
    if (model.empty()) return out;
    std::vector<std::string_view> forms;
    std::vector<NerWord> words;
    for (const Sentence& s : doc.sentences) {
        if (s.words.empty()) continue;
        forms.clear();
        words.clear();
        for (std::size_t w = s.words.first; w < s.words.last; ++w) forms.push_back(doc.form(w));
        const auto marks = gazetteer_marks(index, forms);
        for (std::size_t w = s.words.first; w < s.words.last; ++w) {
            const Word& word = doc.words[w];
            words.push_back(NerWord{doc.form(word), word.upos, word.xpos, marks[w - s.words.first]});
        }
        for (NameSpan n : model.recognize(words)) {
            n.begin += s.words.first;
            n.end += s.words.first;
            out.push_back(n);
        }
    }
    return out;
}

} // namespace newskg::ner
