#include "newskg/syntax/evaluate.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace newskg::syntax {

namespace {
std::string universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }
} // namespace

Scores evaluate(const SyntaxModel& model, const std::vector<UdSentence>& gold,
                const std::function<bool(const UdSentence&)>& keep, std::ostream* predictions) {
    Scores s;
    std::vector<std::string_view> forms;
    for (const auto& sent : gold) {
        if (keep && !keep(sent)) continue;
        forms.clear();
        for (const auto& w : sent.words) forms.push_back(w.form);
        const auto out = model.analyse(forms);
        ++s.sentences;
        if (predictions) {
            UdSentence predicted{sent.doc_id, sent.text, {}};
            for (std::size_t i = 0; i < out.size(); ++i)
                predicted.words.push_back({sent.words[i].form, out[i].lemma, out[i].upos, out[i].xpos,
                                           out[i].head + 1, out[i].deprel, {}});
            write_conllu(*predictions, predicted);
        }
        for (std::size_t i = 0; i < out.size(); ++i) {
            const UdWord& g = sent.words[i];
            const WordAnalysis& p = out[i];
            ++s.words;
            s.upos += p.upos == g.upos;
            s.xpos += p.xpos == g.xpos;
            s.lemma += p.lemma == g.lemma;
            const bool head_ok = p.head + 1 == g.head;
            const std::string gold_rel = universal(g.deprel);
            const bool label_ok = head_ok && universal(p.deprel) == gold_rel;
            s.uas += head_ok;
            s.las += label_ok;
            s.las_full += head_ok && p.deprel == g.deprel;
            RelationScores& r = s.by_relation[gold_rel];
            ++r.words;
            r.uas += head_ok;
            r.las += label_ok;
        }
    }
    return s;
}

std::string format_scores(const Scores& s) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "UPOS %.4f  XPOS %.4f  Lemma %.4f  UAS %.4f  LAS %.4f  LAS-full %.4f  (%zu sentences, %zu words)",
                  s.ratio(s.upos), s.ratio(s.xpos), s.ratio(s.lemma), s.ratio(s.uas), s.ratio(s.las),
                  s.ratio(s.las_full), s.sentences, s.words);
    return buf;
}

std::string format_relation_scores(const Scores& s) {
    std::vector<std::pair<std::string, RelationScores>> rows(s.by_relation.begin(), s.by_relation.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.words > b.second.words; });
    std::string out = "relation      words   share    UAS     LAS   UAS lost\n";
    char buf[128];
    for (const auto& [rel, r] : rows) {
        const double n = static_cast<double>(r.words);
        std::snprintf(buf, sizeof buf, "%-12s %6zu  %6.4f  %6.4f  %6.4f  %6.4f\n", rel.c_str(), r.words,
                      n / static_cast<double>(s.words), static_cast<double>(r.uas) / n,
                      static_cast<double>(r.las) / n, static_cast<double>(r.words - r.uas) / static_cast<double>(s.words));
        out += buf;
    }
    return out;
}

} // namespace newskg::syntax
