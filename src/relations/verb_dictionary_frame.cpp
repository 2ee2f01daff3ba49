// Builds a VerbFrame from a Universal Dependencies tree (core/model.hpp's Word), the
// mapping verb_dictionary.hpp documents, so the relation stage need not repeat it.
#include <algorithm>
#include "core/ascii_case.hpp"
#include <cctype>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/core/model.hpp"
#include "newskg/relations/verb_dictionary.hpp"

namespace newskg {

namespace {

/// "obl:agent" → "obl".
std::string_view base(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

class Tree {
  public:
    Tree(const Document& doc, WordRange sentence) : doc_(doc), w_(doc.words), s_(sentence) {}

    std::vector<std::size_t> children(std::size_t head) const {
        std::vector<std::size_t> out;
        for (std::size_t i = s_.first; i < s_.last && i < w_.size(); ++i)
            if (w_[i].head == head) out.push_back(i);
        return out;
    }

    std::string lemma(std::size_t i) const {
        return ascii_lower(doc_.lemma(i).empty() ? doc_.form(i) : std::string_view(doc_.lemma(i)));
    }
    const Word& operator[](std::size_t i) const { return w_[i]; }

    /// The words of the phrase headed by `head`, in text order, without punctuation,
    /// without the phrase's own case marker and without clauses hanging on it (a
    /// relative clause is not part of who was accused).
    std::vector<std::size_t> phrase(std::size_t head) const {
        std::vector<std::size_t> out{head};
        collect(head, out, true);
        std::sort(out.begin(), out.end());
        return out;
    }

    /// The case marker of an oblique ("of", "by"; "because of" for case + fixed).
    std::string preposition(std::size_t head) const {
        std::string p;
        for (std::size_t c : children(head)) {
            if (w_[c].deprel != "case") continue;
            p += (p.empty() ? "" : " ") + lemma(c);
            for (std::size_t f : children(c))
                if (w_[f].deprel == "fixed") p += " " + lemma(f);
        }
        return p;
    }

  private:
    void collect(std::size_t head, std::vector<std::size_t>& out, bool top) const {
        for (std::size_t c : children(head)) {
            const std::string_view rel = base(w_[c].deprel);
            if (rel == "punct" || rel == "acl" || rel == "advcl" || rel == "ccomp" || rel == "parataxis" ||
                rel == "dep" || (top && rel == "case"))
                continue;
            out.push_back(c);
            collect(c, out, false);
        }
    }

    const Document& doc_;
    const WordList& w_;
    WordRange s_;
};

std::vector<std::string> lemmas(const Tree& t, const std::vector<std::size_t>& words) {
    std::vector<std::string> out;
    for (std::size_t i : words) out.push_back(t.lemma(i));
    return out;
}

bool any_actor(const std::vector<std::size_t>& words, const std::function<bool(std::size_t)>& is_actor) {
    return is_actor && std::any_of(words.begin(), words.end(), is_actor);
}

} // namespace

VerbFrame verb_frame_from_ud(const Document& doc, WordRange sentence, std::size_t verb,
                             const std::function<bool(std::size_t)>& is_actor) {
    const WordList& words = doc.words;
    const Tree t(doc, sentence);
    VerbFrame f;
    f.lemma = t.lemma(verb);
    bool has_subject = false;
    for (std::size_t c : t.children(verb)) {
        const std::string_view rel = t[c].deprel;
        const std::string_view b = base(rel);
        if (rel == "compound:prt") {
            f.particle += (f.particle.empty() ? "" : " ") + t.lemma(c);
        } else if (rel == "aux:pass") {
            f.passive = true;
        } else if (b == "nsubj") {
            f.passive = f.passive || rel == "nsubj:pass";
            f.subject = lemmas(t, t.phrase(c));
            has_subject = true;
        } else if (rel == "obj" || rel == "iobj") {
            const auto p = t.phrase(c);
            f.args.push_back({"", lemmas(t, p), any_actor(p, is_actor)});
        } else if (b == "obl" || b == "nmod") {
            std::string prep = t.preposition(c);
            if (prep.empty()) continue; // "on Sunday" has one, "Sunday" (obl:tmod) none
            const auto p = t.phrase(c);
            f.args.push_back({std::move(prep), lemmas(t, p), any_actor(p, is_actor)});
        } else if (rel == "xcomp") {
            if (t[c].upos == "VERB" || t[c].upos == "AUX") {
                f.xcomp.push_back(t.lemma(c));
                for (std::size_t o : t.children(c))
                    if (t[o].deprel == "obj") {
                        auto more = lemmas(t, t.phrase(o));
                        f.xcomp.insert(f.xcomp.end(), more.begin(), more.end());
                    }
            } else {
                f.modifiers.push_back(t.lemma(c)); // "set them free", "appear uncertain"
            }
        } else if (rel == "advmod") {
            f.modifiers.push_back(t.lemma(c));
        }
    }
    // A verb without a subject of its own shares one: "X met Y and signed a deal" (conj)
    // takes its head verb's; "X asked Y to leave" (xcomp) the object of the verb that
    // controls it, else that verb's subject.
    if (!has_subject && verb < words.size() && words[verb].head != kNoWord) {
        const std::size_t head = words[verb].head;
        const std::string_view rel = base(words[verb].deprel);
        if (rel == "conj" || rel == "xcomp") {
            std::size_t controller = kNoWord;
            for (std::size_t c : t.children(head)) {
                if (rel == "xcomp" && t[c].deprel == "obj") controller = c;
                if (controller == kNoWord && base(t[c].deprel) == "nsubj") controller = c;
            }
            if (controller != kNoWord) f.subject = lemmas(t, t.phrase(controller));
        }
    }
    return f;
}

} // namespace newskg
