#include "newskg/syntax/evaluate.hpp"

#include <cstdio>

namespace newskg::syntax {

namespace {
std::string universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }
} // namespace

Scores evaluate(const SyntaxModel& model, const std::vector<UdSentence>& gold,
                const std::function<bool(const UdSentence&)>& keep) {
    Scores s;
    std::vector<std::string_view> forms;
    for (const auto& sent : gold) {
        if (keep && !keep(sent)) continue;
        forms.clear();
        for (const auto& w : sent.words) forms.push_back(w.form);
        const auto out = model.analyse(forms);
        ++s.sentences;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const UdWord& g = sent.words[i];
            const WordAnalysis& p = out[i];
            ++s.words;
            s.upos += p.upos == g.upos;
            s.xpos += p.xpos == g.xpos;
            s.lemma += p.lemma == g.lemma;
            const bool head_ok = p.head + 1 == g.head;
            s.uas += head_ok;
            s.las += head_ok && universal(p.deprel) == universal(g.deprel);
            s.las_full += head_ok && p.deprel == g.deprel;
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

} // namespace newskg::syntax
