#include "newskg/syntax/model.hpp"

#include <algorithm>
#include <iterator>
#include <cstdlib>
#include <filesystem>

#include "core/ascii_case.hpp"
#include "syntax/binary_io.hpp"
#include "syntax/model_file.hpp"
#include "syntax/model_parts.hpp"

namespace newskg::syntax {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kMagic = "newskg-syntax-model\n";

/// Whether the tagger gave the sentence a verb or an auxiliary.
bool has_verb(const std::vector<std::string_view>& upos) {
    for (std::string_view u : upos)
        if (u == "VERB" || u == "AUX") return true;
    return false;
}
} // namespace

SyntaxModel::SyntaxModel(std::shared_ptr<const ModelParts> parts) : parts_(std::move(parts)) {}

const ModelInfo& SyntaxModel::info() const { return parts_->info; }

std::string SyntaxModel::serialize() const {
    ByteWriter out;
    write_model_header(out, kMagic, kModelFormatVersion, parts_->info);
    parts_->tagger.write(out);
    parts_->lemmatizer.write(out);
    parts_->parser.write(out);
    return gzip_compress(out.bytes());
}

void SyntaxModel::save(const std::string& path) const {
    write_model_file(path, serialize(), ids::output::kSyntaxModelWrite, ids::output::kSyntaxModelRename);
}

SyntaxModel SyntaxModel::load(const std::string& path) {
    const std::string raw = read_model_file(path, kMagic, "syntax model");
    ByteReader in(raw);
    auto parts = std::make_shared<ModelParts>();
    read_model_header(in, path, kModelFormatVersion, "syntax model", "newskg train-syntax", parts->info);
    if (in.failed() || !parts->tagger.read(in) || !parts->lemmatizer.read(in) || !parts->parser.read(in) ||
        !in.at_end())
        throw model_error(ids::syntax::kModelCorrupt, path,
                          "corrupt syntax model (a section is truncated or inconsistent)");
    return SyntaxModel(std::move(parts));
}

void KnownTags::add_name(const std::string& lower) { names_.insert(lower); }
void KnownTags::add_adjective(const std::string& lower) { adjectives_.insert(lower); }
void KnownTags::add_verb(const std::string& lower) { verbs_.insert(lower); }
void KnownTags::add_irregular_past(const std::string& lower, const std::string& lemma) {
    if (verbs_.count(lemma)) irregular_pasts_.insert(lower);
}

std::size_t KnownTags::headline_verb(const std::vector<std::string_view>& forms,
                                     const std::vector<std::string_view>& upos) const {
    if (has_verb(upos)) return static_cast<std::size_t>(-1);
    for (std::size_t i = 1; i < forms.size(); ++i) {
        const std::string_view f = forms[i], before = forms[i - 1];
        if (upos[i] != "NOUN" || f.size() < 3 || f[0] < 'a' || f[0] > 'z' || before.empty() || before[0] < 'A' ||
            before[0] > 'Z')
            continue;
        const std::string form(f);
        if (verbs_.count(form) || (form.back() == 's' && verbs_.count(form.substr(0, form.size() - 1))) ||
            (form.size() > 3 && form.compare(form.size() - 2, 2, "es") == 0 && verbs_.count(form.substr(0, form.size() - 2))))
            return i;
    }
    // A headline in Title Case ("Latvian PM Slams Estonia Over Gas Deal"): a capitalised
    // third-person form of a known verb after a capitalised word, not a country's name.
    for (std::size_t i = 1; i + 1 < forms.size(); ++i) {
        const std::string_view f = forms[i], before = forms[i - 1];
        if (f.size() < 4 || f[0] < 'A' || f[0] > 'Z' || before.empty() || before[0] < 'A' || before[0] > 'Z' ||
            (upos[i] != "PROPN" && upos[i] != "NOUN"))
            continue;
        const std::string form = ascii_lower(f);
        if (form.back() != 's' || names_.count(form) || adjectives_.count(form)) continue;
        const std::string stem = form.substr(0, form.size() - 1);
        if (verbs_.count(stem) || (stem.size() > 2 && stem.back() == 'e' && verbs_.count(stem.substr(0, stem.size() - 1))))
            return i;
    }
    return static_cast<std::size_t>(-1);
}

std::size_t KnownTags::verbless_past(const std::vector<std::string_view>& forms,
                                     const std::vector<std::string_view>& upos) const {
    if (has_verb(upos)) return static_cast<std::size_t>(-1);
    auto known_past = [&](const std::string& f) {
        if (irregular_pasts_.count(f)) return true; // shot, struck
        if (f.size() < 5 || f.compare(f.size() - 2, 2, "ed") != 0) return false;
        const std::string stem = f.substr(0, f.size() - 2); // attacked
        if (verbs_.count(stem) || verbs_.count(stem + "e")) return true; // imposed
        if (stem.back() == 'i' && verbs_.count(stem.substr(0, stem.size() - 1) + "y")) return true; // denied
        // banned, committed
        return stem.size() > 2 && stem.back() == stem[stem.size() - 2] && verbs_.count(stem.substr(0, stem.size() - 1));
    };
    for (std::size_t i = 1; i < forms.size(); ++i) {
        if ((upos[i] != "ADJ" && upos[i] != "NOUN") || forms[i].empty() || forms[i][0] < 'a' || forms[i][0] > 'z') continue;
        if (upos[i - 1] != "NOUN" && upos[i - 1] != "PROPN") continue;
        if (known_past(std::string(forms[i]))) return i;
    }
    return static_cast<std::size_t>(-1);
}

std::pair<std::string_view, std::string_view> KnownTags::at(const std::vector<std::string_view>& forms,
                                                           std::size_t i) const {
    const std::string_view f = forms[i];
    if (f.size() < 2 || f[0] < 'A' || f[0] > 'Z') return {};
    const std::string low = ascii_lower(f);
    if (names_.count(low)) return {"PROPN", "NNP"};
    if (adjectives_.count(low)) {
        // Before a common noun ("Estonian drone"); "Estonian Prime Minister", "in Estonian"
        // are left to the tagger.
        const bool before_word = i + 1 < forms.size() && !forms[i + 1].empty() && forms[i + 1][0] >= 'a' &&
                                 forms[i + 1][0] <= 'z';
        return before_word ? std::pair<std::string_view, std::string_view>{"ADJ", "JJ"}
                           : std::pair<std::string_view, std::string_view>{};
    }
    if (low.back() == 's' && adjectives_.count(low.substr(0, low.size() - 1))) return {"PROPN", "NNPS"};
    return {};
}

SyntaxModel SyntaxModel::with_known_tags(KnownTags tags) const {
    SyntaxModel m(parts_);
    if (!tags.empty()) m.names_ = std::make_shared<const KnownTags>(std::move(tags));
    return m;
}

std::vector<int> SyntaxModel::tag_indices(const std::vector<std::string_view>& forms, bool headline) const {
    const ModelParts& p = *parts_;
    if (!names_) return p.tagger.tag(forms);
    const TagSet& ts = p.tagger.tags();
    std::vector<int> forced(forms.size(), -1);
    bool any = false;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto [u, x] = names_->at(forms, i);
        if (u.empty()) continue;
        forced[i] = ts.find(u, x);
        any |= forced[i] >= 0;
    }
    std::vector<int> tags = any ? p.tagger.tag(forms, &forced) : p.tagger.tag(forms);
    std::vector<std::string_view> upos;
    for (int t : tags) upos.push_back(ts.upos[static_cast<std::size_t>(t)]);
    if (!headline) {
        // A sentence has a verb: a past form read as an adjective after its subject is it.
        const std::size_t v = names_->verbless_past(forms, upos);
        if (v >= forms.size()) return tags;
        forced[v] = ts.find("VERB", "VBD");
        return forced[v] >= 0 ? p.tagger.tag(forms, &forced) : tags;
    }
    const std::size_t v = names_->headline_verb(forms, upos);
    if (v >= forms.size()) return tags;
    // Present tense, as headlines write: "meets" VBZ, "sign" VBP.
    forced[v] = ts.find("VERB", forms[v].back() == 's' ? "VBZ" : "VBP");
    return forced[v] >= 0 ? p.tagger.tag(forms, &forced) : tags;
}

std::vector<WordAnalysis> SyntaxModel::tag(const std::vector<std::string_view>& forms) const {
    const ModelParts& p = *parts_;
    const std::vector<int> tags = tag_indices(forms);
    std::vector<WordAnalysis> out(forms.size());
    const TagSet& ts = p.tagger.tags();
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto t = static_cast<std::size_t>(tags[i]);
        out[i].upos = ts.upos[t];
        out[i].xpos = ts.xpos[t];
        out[i].lemma = p.lemmatizer.lemma(forms[i], ts.xpos[t]);
    }
    return out;
}

std::vector<WordAnalysis> SyntaxModel::analyse(const std::vector<std::string_view>& forms, bool headline) const {
    const ModelParts& p = *parts_;
    const std::vector<int> tags = tag_indices(forms, headline);
    const TagSet& ts = p.tagger.tags();
    const Tree tree = p.parser.parse(parser_input(forms, tags, ts.upos, &p.parser.clusters()));
    std::vector<WordAnalysis> out(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto t = static_cast<std::size_t>(tags[i]);
        out[i].upos = ts.upos[t];
        out[i].xpos = ts.xpos[t];
        out[i].lemma = p.lemmatizer.lemma(forms[i], ts.xpos[t]);
        out[i].head = tree.head[i];
        out[i].deprel = p.parser.labels()[static_cast<std::size_t>(tree.label[i])];
    }
    repair_heads(forms, out);
    return out;
}

namespace {

bool is_article(std::string_view f) {
    return f == "the" || f == "The" || f == "a" || f == "A" || f == "an" || f == "An";
}
bool is_indefinite_article(std::string_view f) { return f == "a" || f == "A" || f == "an" || f == "An"; }

/// A clause's relation to its head, as a nominal taking the clause's place has it
/// ("ccomp" → "obj"); the relation itself when it has no nominal counterpart.
std::string nominal_relation(const std::string& rel) {
    static const std::pair<std::string_view, std::string_view> nominal_of[] = {
        {"ccomp", "obj"}, {"xcomp", "obj"}, {"csubj", "nsubj"}, {"advcl", "obl"}};
    for (const auto& [clausal, nominal] : nominal_of)
        if (rel == clausal) return std::string(nominal);
    return rel;
}

/// Where climbing from `from` up the heads stops: the first VERB, or the word reached
/// after `steps` steps, or -1 at the root.
int verb_above(const std::vector<WordAnalysis>& words, int from, int steps) {
    for (int n = 0; n < steps && from >= 0 && words[static_cast<std::size_t>(from)].upos != "VERB"; ++n)
        from = words[static_cast<std::size_t>(from)].head;
    return from;
}

/// Whether word x has a direct object among the few words after it.
bool has_object_after(const std::vector<WordAnalysis>& words, std::size_t x) {
    for (std::size_t c = x + 1; c < words.size() && c < x + 8; ++c)
        if (words[c].head == static_cast<int>(x) && words[c].deprel == "obj") return true;
    return false;
}

/// A verb in the past or present tense (not an infinitive or participle).
bool is_finite(const WordAnalysis& w) { return w.xpos == "VBD" || w.xpos == "VBZ" || w.xpos == "VBP"; }

/// A plural noun or a name: what a verbless sentence's participle can have as its subject
/// ("Latvian troops crossed …"), where a singular noun is a caption ("Photo attached.").
bool plural_or_name(const WordAnalysis& w) { return w.xpos == "NNS" || w.xpos == "NNP" || w.xpos == "NNPS"; }

/// Whether word x has a child with one of these relations.
bool has_child(const std::vector<WordAnalysis>& words, std::size_t x, std::initializer_list<std::string_view> rels) {
    for (const auto& w : words)
        if (w.head == static_cast<int>(x))
            for (std::string_view r : rels)
                if (w.deprel == r) return true;
    return false;
}

/// The past participle modifying noun n right after it ("troops crossed …" read as a
/// participle), with no "by" agent of its own, or words.size().
std::size_t participle_after(const std::vector<WordAnalysis>& words, std::size_t n) {
    const std::size_t v = n + 1;
    if (v >= words.size() || words[v].head != static_cast<int>(n) || words[v].deprel != "acl" ||
        words[v].upos != "VERB" || words[v].xpos != "VBN" || has_child(words, v, {"obl:agent"}))
        return words.size();
    return v;
}

template <std::size_t N>
bool one_of(std::string_view w, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

/// A verb takes no article in UD: a word tagged VERB that the parser gives one in a
/// nominal's place ("condemned the Israeli raid on …", "raid" read as a verb) is a noun.
void mend_nominal_verbs(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        WordAnalysis& w = words[i];
        if (w.upos != "VERB") continue;
        const std::string_view rel = std::string_view(w.deprel).substr(0, std::string_view(w.deprel).find(':'));
        if (rel != "obj" && rel != "nsubj" && rel != "obl" && rel != "iobj" && rel != "nmod") continue;
        // Within a few words before it, so that a long line stays linear.
        const std::size_t from = i > 6 ? i - 6 : 0;
        bool article = false;
        for (std::size_t c = from; c < i && !article; ++c) {
            article = words[c].head == static_cast<int>(i) && words[c].upos == "DET" && is_article(forms[c]);
        }
        if (!article) continue;
        w.upos = "NOUN";
        w.xpos = w.xpos == "VBZ" ? "NNS" : "NN";
        // Its clause relations become a noun's: "the Estonian raid" with "Estonian" its
        // subject is its modifier.
        for (std::size_t c = from; c < i; ++c) {
            WordAnalysis& d = words[c];
            if (d.head != static_cast<int>(i) || (d.deprel != "nsubj" && d.deprel != "obj")) continue;
            if (d.upos == "ADJ") d.deprel = "amod";
            else if (d.upos == "NOUN" || d.upos == "PROPN") d.deprel = "compound";
        }
    }
}

/// "rejected a United Nations demand to reopen …" read with "Nations" the subject of a
/// verb "demand": an indefinite article never determines a plural, so the plural right
/// before a present-tense "verb" is a modifier of a noun, the would-be verb.
void mend_plural_subject_nouns(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    for (std::size_t i = 1; i < words.size(); ++i) {
        WordAnalysis& v = words[i];
        if (v.upos != "VERB" || (v.xpos != "VBP" && v.xpos != "VB")) continue;
        const std::size_t sub = i - 1;
        if (words[sub].head != static_cast<int>(i) || words[sub].deprel != "nsubj" ||
            (words[sub].xpos != "NNS" && words[sub].xpos != "NNPS"))
            continue;
        std::size_t article = words.size();
        for (std::size_t c = sub >= 6 ? sub - 6 : 0; c < sub; ++c)
            if (words[c].head == static_cast<int>(sub) && words[c].deprel == "det" && is_indefinite_article(forms[c]))
                article = c;
        if (article == words.size()) continue;
        v.upos = "NOUN";
        v.xpos = "NN";
        v.deprel = nominal_relation(v.deprel);
        words[sub].deprel = "compound";
        words[article].head = static_cast<int>(i);
        for (std::size_t c = i + 1; c < words.size(); ++c)
            if (words[c].head == static_cast<int>(i) && words[c].deprel == "xcomp") words[c].deprel = "acl";
    }
}

/// "leader of the alliance Strong Latvia": a name right after a nominal of its head's
/// "of"-type phrase, with no comma between, is that nominal's apposition, not the
/// head's ("Strong Latvia" is the alliance, not the leader). Looked at within a few
/// words only, so a long line stays linear.
void mend_name_appositions(std::vector<WordAnalysis>& words) {
    auto reaches = [&](std::size_t from, std::size_t to) {
        for (std::size_t cur = from, steps = 0; steps < 12; ++steps) {
            if (cur == to) return true;
            if (words[cur].head < 0) return false;
            cur = static_cast<std::size_t>(words[cur].head);
        }
        return false;
    };
    for (std::size_t x = 1; x < words.size(); ++x) {
        if (words[x].deprel != "appos" || words[x].head < 0 || words[x].upos != "PROPN") continue;
        const auto n = static_cast<std::size_t>(words[x].head);
        if (n >= x) continue;
        std::size_t left = x; // the first word of the name's phrase
        while (left > 0 && x - left < 8 && words[left - 1].upos != "PUNCT" && reaches(left - 1, x)) --left;
        if (left == 0 || words[left - 1].upos == "PUNCT") continue;
        const std::size_t before = left - 1;
        for (std::size_t m = before + 1; m-- > n + 1 && before - m < 8;) {
            if (words[m].head != static_cast<int>(n) || words[m].deprel != "nmod" || words[m].upos != "NOUN") continue;
            if (reaches(before, m)) words[x].head = static_cast<int>(m);
            break;
        }
    }
}

/// "…, and the United States, Germany and Britain demanded …": the parser may take the
/// first name of a list of subjects for a conjunct of the clause before (a name as the
/// conjunct of a verb, which UD never coordinates), and the next name for the subject.
/// The first name is the subject, the next its conjunct.
void mend_subject_lists(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    for (std::size_t x = 0; x + 2 < words.size(); ++x) {
        if (words[x].deprel != "conj" || (words[x].upos != "PROPN" && words[x].upos != "NOUN") || words[x].head < 0)
            continue;
        const int h = words[x].head;
        if (words[static_cast<std::size_t>(h)].upos != "VERB") continue;
        const std::size_t y = x + 2;
        if ((forms[x + 1] != "," && forms[x + 1] != "and") || words[y].deprel != "nsubj" ||
            (words[y].upos != "PROPN" && words[y].upos != "NOUN") || words[y].head <= static_cast<int>(y))
            continue;
        const auto v2 = static_cast<std::size_t>(words[y].head);
        // The later verb coordinates with the clause before (its head lies before the list).
        if (words[v2].deprel != "conj" || words[v2].head < 0 || words[v2].head >= static_cast<int>(x) || h >= static_cast<int>(x))
            continue;
        words[x].head = static_cast<int>(v2);
        words[x].deprel = "nsubj";
        words[y].head = static_cast<int>(x);
        words[y].deprel = "conj";
        words[x + 1].head = static_cast<int>(y);
        words[x + 1].deprel = forms[x + 1] == "," ? "punct" : "cc";
    }
}

/// "Estonia, Latvia sign defence pact": a headline's "X, Y" is a coordination, not an
/// address (news has no vocatives): the first name is the subject, the second its
/// conjunct.
void mend_headline_coordination(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    if (words.size() > 3 && words[0].upos == "PROPN" && (words[0].deprel == "vocative" || words[0].deprel == "dislocated") &&
        forms[1] == ",") {
        for (std::size_t j = 2; j < words.size() && j < 8; ++j) {
            if (words[j].upos != "PROPN" || words[j].deprel != "nsubj" || words[j].head != words[0].head) continue;
            words[0].deprel = "nsubj";
            words[j].head = 0;
            words[j].deprel = "conj";
            words[1].head = static_cast<int>(j);
            break;
        }
    }
}

/// "Burkina Faso, Mali and Niger announced …", "the army, the police and the rebels
/// agreed": the parser may give the verb two subjects, the first and the rest of the list
/// after a comma or "and". A verb has one subject in UD: a nominal subject right after
/// such a separator that follows another subject is that one's conjunct, and so are its
/// own conjuncts.
void mend_double_subjects(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    auto nominal = [&](std::size_t x) { return words[x].upos == "PROPN" || words[x].upos == "NOUN"; };
    for (std::size_t b = 2; b < words.size(); ++b) {
        if (words[b].deprel != "nsubj" || !nominal(b)) continue;
        const int v = words[b].head;
        if (v <= static_cast<int>(b)) continue;
        std::size_t first = b; // the first word of b's phrase
        while (first > 0 && words[first - 1].head == static_cast<int>(b) && words[first - 1].deprel != "punct" &&
               words[first - 1].deprel != "cc")
            --first;
        if (first < 2) continue;
        const std::size_t sep = first - 1;
        if (forms[sep] != "," && words[sep].upos != "CCONJ") continue;
        // The other subject: the nearest word before the separator hanging on the verb.
        std::size_t a = words.size();
        for (std::size_t c = sep; c-- > 0 && sep - c <= 10;)
            if (words[c].head == v) {
                if (words[c].deprel == "nsubj" && nominal(c)) a = c;
                break;
            }
        if (a == words.size()) continue;
        words[b].head = static_cast<int>(a);
        words[b].deprel = "conj";
        words[sep].head = static_cast<int>(b);
        words[sep].deprel = forms[sep] == "," ? "punct" : "cc";
        for (auto& w : words)
            if (w.head == static_cast<int>(b) && w.deprel == "conj") w.head = static_cast<int>(a);
    }
}

/// "… condemned an attack by X on Thursday and promised aid to Y": the parser may make
/// a finite verb the conjunct of a nominal (the object before it). A finite verb with its
/// own clause coordinates with a clause: it takes the nearest verb above the nominal.
void mend_verb_conjuncts(std::vector<WordAnalysis>& words) {
    for (std::size_t x = 0; x < words.size(); ++x) {
        WordAnalysis& v = words[x];
        if (v.deprel != "conj" || v.upos != "VERB" || v.head < 0) continue;
        // A past participle with an object of its own is a past tense all the same
        // ("promised aid"), when the clause it joins is in the past.
        const bool finite = is_finite(v);
        if (!finite && !(v.xpos == "VBN" && has_object_after(words, x))) continue;
        const auto h = static_cast<std::size_t>(v.head);
        if (words[h].upos != "NOUN" && words[h].upos != "PROPN") continue;
        const int up = verb_above(words, words[h].head, 8);
        if (up < 0 || up >= static_cast<int>(x) || words[static_cast<std::size_t>(up)].upos != "VERB") continue;
        if (!finite && words[static_cast<std::size_t>(up)].xpos != "VBD") continue;
        v.head = up;
        if (!finite) v.xpos = "VBD";
    }
}

/// "tariffs on $18 billion worth of goods" with "on" hung on "$", a compound of "worth":
/// a case word before its nominal belongs to the nominal's head, not to a compound inside
/// it (UD hangs case on the head).
void mend_case_on_compounds(std::vector<WordAnalysis>& words) {
    for (std::size_t c = 0; c < words.size(); ++c) {
        // "Washington's arms sales": the possessor owns the whole nominal, so it hangs on
        // the head, not on a compound before it.
        if (words[c].deprel == "nmod:poss" && words[c].head > static_cast<int>(c)) {
            const auto m = static_cast<std::size_t>(words[c].head);
            if (words[m].deprel == "compound" && words[m].head > static_cast<int>(m)) words[c].head = words[m].head;
            continue;
        }
        if (words[c].deprel != "case" || words[c].head <= static_cast<int>(c)) continue;
        const auto m = static_cast<std::size_t>(words[c].head);
        if (words[m].deprel != "compound" || words[m].head <= static_cast<int>(m)) continue;
        words[c].head = words[m].head;
    }
}

/// "The Philippines said Chinese vessels blocked its ships": the parser may read the
/// reported clause's subject as the object of "said" and its verb as a participle on it.
/// A verb of saying takes a clause; a past participle with an object of its own right
/// after that "object" is the clause's verb in the past, and the nominal its subject.
void mend_reported_clauses(std::vector<WordAnalysis>& words) {
    static const std::string_view saying[] = {"say", "claim", "allege", "report", "insist", "believe",
                                              "think", "add", "announce", "confirm", "deny", "argue"};
    for (std::size_t x = 0; x < words.size(); ++x) {
        WordAnalysis& v = words[x];
        if (v.deprel != "acl" || v.upos != "VERB" || (v.xpos != "VBN" && v.xpos != "VBD") || v.head < 0) continue;
        const auto n = static_cast<std::size_t>(v.head);
        if (n >= x || words[n].deprel != "obj" || words[n].head < 0) continue;
        const auto say = static_cast<std::size_t>(words[n].head);
        bool is_saying = false;
        for (std::string_view l : saying) is_saying = is_saying || words[say].lemma == l;
        if (!is_saying || say >= n || !has_object_after(words, x)) continue;
        v.head = static_cast<int>(say);
        v.deprel = "ccomp";
        v.xpos = "VBD";
        words[n].head = static_cast<int>(x);
        words[n].deprel = "nsubj";
    }
}

/// True when word `w` is `ancestor` or hangs below it (heads are word indexes here, the
/// root's negative).
bool descends_from(const std::vector<WordAnalysis>& words, std::size_t w, std::size_t ancestor) {
    for (std::size_t steps = 0; steps <= words.size(); ++steps) {
        if (w == ancestor) return true;
        if (words[w].head < 0 || static_cast<std::size_t>(words[w].head) >= words.size()) return false;
        w = static_cast<std::size_t>(words[w].head);
    }
    return false;
}

/// The first word of the phrase word x heads (its leftmost descendant in a row before it).
std::size_t phrase_start(const std::vector<WordAnalysis>& words, std::size_t x) {
    std::size_t first = x;
    while (first > 0 && descends_from(words, first - 1, x)) --first;
    return first;
}

/// "applied to join NATO after Russia invaded Ukraine", "summoned Israel's ambassador after
/// an aid worker was killed": the parser may read "NATO after Russia" as a noun with its
/// "after" phrase and make it the subject of "invaded" (or of the passive "was killed"). When
/// the phrase's noun stands right before that verb and the subject right after a verb
/// that has no object, the subject is that verb's object, the phrase's noun the clause's
/// subject and its case word the clause's mark.
void mend_subordinate_subjects(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    static const std::string_view subordinators[] = {"after", "before", "since", "until", "as", "while", "when"};
    for (std::size_t x = 0; x < words.size(); ++x) {
        WordAnalysis& v = words[x];
        if (v.upos != "VERB" || v.deprel == "root") continue;
        const bool passive = v.xpos == "VBN";
        if (!passive && !is_finite(v)) continue;
        const std::string_view subject_relation = passive ? "nsubj:pass" : "nsubj";
        std::size_t n = words.size();
        for (std::size_t c = 0; c < x; ++c)
            if (words[c].head == static_cast<int>(x) && words[c].deprel == subject_relation) n = c;
        if (n == words.size()) continue;
        // The clause starts at its first auxiliary ("was killed", "had been seen").
        std::size_t start = x;
        while (start > 0 && words[start - 1].head == static_cast<int>(x) &&
               (words[start - 1].deprel == "aux" || words[start - 1].deprel == "aux:pass"))
            --start;
        if (passive && start == x) continue; // a participle without its auxiliary is no clause
        // The phrase's noun: an nmod of the subject ending right before the verb.
        std::size_t m = words.size(), mark = words.size();
        for (std::size_t c = n + 1; c < x; ++c) {
            if (words[c].head != static_cast<int>(n) || words[c].deprel != "nmod") continue;
            for (std::size_t k = n + 1; k < c; ++k)
                if (words[k].head == static_cast<int>(c) && words[k].deprel == "case") {
                    const std::string f = ascii_lower(forms[k]);
                    for (std::string_view s : subordinators)
                        if (f == s) mark = k;
                }
            if (mark != words.size()) m = c;
        }
        if (m == words.size() || m + 1 != start) continue;
        // The verb before the subject, with nothing between but the subject's own words.
        const std::size_t first = phrase_start(words, n);
        if (first == 0) continue;
        const std::size_t p = first - 1;
        if (words[p].upos != "VERB") continue;
        bool has_object = false;
        for (std::size_t c = 0; c < words.size(); ++c)
            has_object |= words[c].head == static_cast<int>(p) &&
                          (words[c].deprel == "obj" || (words[c].deprel == "ccomp" && c != x));
        if (has_object) continue;
        words[n].head = static_cast<int>(p);
        words[n].deprel = "obj";
        words[m].head = static_cast<int>(x);
        words[m].deprel = std::string(subject_relation);
        words[mark].head = static_cast<int>(x);
        words[mark].deprel = "mark";
        words[mark].upos = "SCONJ";
        if (v.deprel == "ccomp") v.deprel = "advcl"; // a clause with its subordinator says when, not what
    }
}

/// "Brokered by Norway, the deal was signed by X and Y": the parser may make the opening
/// participle the root and the clause after the comma its conjunct. A participle that
/// opens the sentence with no subject of its own, before a comma and a clause with one, is
/// that clause's adverbial: the clause becomes the root, and the words after the comma
/// that hung on the participle go with it.
void mend_opening_participles(std::vector<WordAnalysis>& words) {
    std::size_t p = 0;
    while (p < words.size() && (words[p].upos == "ADV" || words[p].upos == "CCONJ")) ++p;
    if (p >= words.size() || words[p].deprel != "root" || words[p].upos != "VERB" ||
        (words[p].xpos != "VBN" && words[p].xpos != "VBG"))
        return;
    std::size_t comma = words.size(), clause = words.size();
    for (std::size_t c = p + 1; c < words.size(); ++c) {
        if (words[c].head != static_cast<int>(p)) continue;
        if (words[c].deprel == "nsubj" || words[c].deprel == "nsubj:pass") return; // a clause of its own
        if (clause == words.size() && words[c].deprel == "conj" && words[c].upos == "VERB") clause = c;
    }
    for (std::size_t c = p + 1; c < clause && c < words.size() && comma == words.size(); ++c)
        if (words[c].upos == "PUNCT") comma = c;
    if (comma == words.size() || clause == words.size() || comma > clause) return;
    bool subject = false;
    for (std::size_t c = comma + 1; c < clause; ++c)
        subject |= words[c].head == static_cast<int>(clause) &&
                   (words[c].deprel == "nsubj" || words[c].deprel == "nsubj:pass");
    if (!subject) return;
    for (std::size_t c = comma + 1; c < words.size(); ++c)
        if (c != clause && words[c].head == static_cast<int>(p)) words[c].head = static_cast<int>(clause);
    words[comma].head = static_cast<int>(clause);
    words[clause].head = -1;
    words[clause].deprel = "root";
    words[p].head = static_cast<int>(clause);
    words[p].deprel = "advcl";
}

/// "rejected the proposal put forward by X": the parser may hang the participle on the
/// verb as its open complement. A past participle right after the verb's object, with an
/// agent of its own, describes the object (acl) unless the verb is one that takes an
/// object and a participle ("had the envoy arrested by police", "wants it done").
void mend_object_participles(std::vector<WordAnalysis>& words) {
    static const std::string_view causative[] = {"have", "get", "see", "want", "need", "find", "leave", "keep",
                                                 "make", "consider", "like", "prefer", "hear", "watch", "declare"};
    for (std::size_t x = 1; x < words.size(); ++x) {
        WordAnalysis& v = words[x];
        if (v.deprel != "xcomp" || v.upos != "VERB" || v.xpos != "VBN" || v.head < 0) continue;
        const auto h = static_cast<std::size_t>(v.head);
        if (h >= x) continue;
        bool cause = false;
        for (std::string_view c : causative) cause = cause || words[h].lemma == c;
        if (cause) continue;
        std::size_t obj = words.size();
        for (std::size_t c = h + 1; c < x; ++c)
            if (words[c].head == static_cast<int>(h) && words[c].deprel == "obj") obj = c;
        if (obj == words.size() || obj + 1 != x) continue;
        bool agent = false;
        for (std::size_t c = x + 1; c < words.size(); ++c) agent |= words[c].head == static_cast<int>(x) && words[c].deprel == "obl:agent";
        if (!agent) continue;
        v.head = static_cast<int>(obj);
        v.deprel = "acl";
    }
}

/// "relations with Nicaragua next month": the parser may read the name as a compound of
/// the time noun after it. A compound never has "next", "last" or "this" between it and
/// its head, so the name takes the time noun's place (and its case word), and the time
/// noun becomes a bare temporal modifier of the clause's verb.
void mend_temporal_compounds(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    static const std::string_view time_nouns[] = {
        "day", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night",
        "spring", "summer", "autumn", "fall", "winter", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december"};
    for (std::size_t x = 0; x + 2 < words.size(); ++x) {
        if (words[x].deprel != "compound" || words[x].upos != "PROPN" || words[x].head != static_cast<int>(x) + 2) continue;
        const std::size_t h = x + 2, m = x + 1;
        if (words[m].head != static_cast<int>(h)) continue;
        const std::string mod = ascii_lower(forms[m]), noun = ascii_lower(words[h].lemma);
        if (mod != "next" && mod != "last" && mod != "this") continue;
        bool time = false;
        for (std::string_view t : time_nouns) time = time || noun == t;
        if (!time || words[h].head < 0) continue;
        // The clause's verb: the nearest VERB above the time noun (a few steps at most).
        const int verb = verb_above(words, words[h].head, 6);
        if (verb < 0) continue;
        words[x].head = words[h].head;
        words[x].deprel = words[h].deprel;
        for (std::size_t c = 0; c < x; ++c)
            if (words[c].head == static_cast<int>(h) && words[c].deprel == "case") words[c].head = static_cast<int>(x);
        words[h].head = verb;
        words[h].deprel = "obl:unmarked";
    }
}

/// Punctuation heads nothing in UD; a word the parser hung on a mark ("counterpart,
/// Therese Wagner" with the name on the comma) belongs to the mark's head. The mark's
/// head is an ancestor of the word, so no cycle arises; a mark at the root keeps its
/// dependents (the sentence would lose its root otherwise).
void mend_punctuation_heads(std::vector<WordAnalysis>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t steps = 0; steps < words.size(); ++steps) {
            const int h = words[i].head;
            if (h < 0 || words[static_cast<std::size_t>(h)].upos != "PUNCT" || words[static_cast<std::size_t>(h)].head < 0)
                break;
            words[i].head = words[static_cast<std::size_t>(h)].head;
        }
    }
}

/// An article heads nothing either ("United" is tagged VERB in names, as UD tags it,
/// and the parser may then hang "Nations" on "the"): the noun takes the article's
/// place. The noun is in the article's subtree, so no cycle arises.
void mend_article_heads(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    for (std::size_t a = 0; a < words.size(); ++a) {
        if (words[a].upos != "DET" || words[a].deprel == "root") continue;
        if (!is_article(forms[a])) continue;
        std::size_t noun = words.size();
        for (std::size_t c = a + 1; c < words.size() && noun == words.size(); ++c)
            if (words[c].head == static_cast<int>(a) && (words[c].upos == "NOUN" || words[c].upos == "PROPN"))
                noun = c;
        if (noun == words.size()) continue;
        // A clause's relation given to the article becomes the noun's counterpart (a
        // clause on a noun, "acl", a noun's "nmod").
        const std::string rel = words[a].deprel == "acl" ? "nmod" : nominal_relation(words[a].deprel);
        words[noun].head = words[a].head;
        words[noun].deprel = rel;
        for (std::size_t c = 0; c < words.size(); ++c)
            if (c != noun && words[c].head == static_cast<int>(a)) words[c].head = static_cast<int>(noun);
        words[a].head = static_cast<int>(noun);
        words[a].deprel = "det";
    }
}

} // namespace

/// "Armenian troops crossed into Azerbaijan.": a past tense the tagger reads as a
/// participle leaves a sentence without a verb, its subject the root and the verb a
/// participle modifying it. A full sentence (ending in a stop) whose root is a nominal
/// with a participle right after it, without an auxiliary or a "by" agent, is a clause:
/// the participle is its verb and the nominal its subject. Headlines, which drop the
/// auxiliary ("Five soldiers killed in attack"), have no stop and keep the reading.
void mend_verbless_sentences(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    if (words.size() < 3 || (forms.back() != "." && forms.back() != "!")) return;
    std::size_t root = words.size();
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].head < 0) root = root == words.size() ? i : words.size() + 1;
        if (words[i].upos == "VERB" && words[i].xpos != "VBN" && words[i].xpos != "VBG") return;
        if (words[i].upos == "AUX") return;
    }
    if (root >= words.size() || !plural_or_name(words[root])) return;
    const std::size_t v = participle_after(words, root);
    if (v >= words.size() || has_child(words, v, {"aux", "aux:pass"})) return;
    words[v].head = -1;
    words[v].deprel = "root";
    words[v].xpos = "VBD";
    words[root].head = static_cast<int>(v);
    words[root].deprel = "nsubj";
    // What followed the verb and hung on the nominal (the stop, a closing phrase) is the
    // clause's.
    for (std::size_t c = v + 1; c < words.size(); ++c)
        if (words[c].head == static_cast<int>(root)) words[c].head = static_cast<int>(v);
}

/// "Armenian troops crossed into Azerbaijan overnight, Baku said.": with the past tense
/// read as a participle, the parser may make the troops the subject of "said" and the
/// speaker their conjunct. A verb of saying after a comma whose subject is a plural or a
/// name with a participle right after it, and a conjunct of that subject right before the
/// verb of saying, is a reported clause: the participle its verb, the conjunct the speaker.
void mend_trailing_attribution(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    static const std::string_view saying[] = {"say", "claim", "report", "add", "announce", "confirm", "tell"};
    for (std::size_t say = 2; say < words.size(); ++say) {
        if (!one_of(words[say].lemma, saying) || words[say].upos != "VERB") continue;
        std::size_t n = words.size(), speaker = words.size();
        for (std::size_t c = 0; c < say; ++c)
            if (words[c].head == static_cast<int>(say) && words[c].deprel == "nsubj") n = c;
        if (n == words.size() || !plural_or_name(words[n])) continue;
        const std::size_t v = participle_after(words, n);
        if (v >= say) continue;
        for (std::size_t c = v + 1; c < say; ++c)
            if (words[c].head == static_cast<int>(n) && words[c].deprel == "conj") speaker = c;
        // The speaker's phrase runs up to the verb of saying, after a comma.
        if (speaker == words.size() || speaker < 2) continue;
        std::size_t first = speaker;
        while (first > 0 && descends_from(words, first - 1, speaker) && forms[first - 1] != ",") --first;
        if (first == 0 || forms[first - 1] != ",") continue;
        bool speaker_ends_at_say = true;
        for (std::size_t c = speaker + 1; c < say; ++c) speaker_ends_at_say &= descends_from(words, c, speaker);
        if (!speaker_ends_at_say) continue;
        words[speaker].head = static_cast<int>(say);
        words[speaker].deprel = "nsubj";
        words[v].head = static_cast<int>(say);
        words[v].deprel = "ccomp";
        words[v].xpos = "VBD";
        words[n].head = static_cast<int>(v);
        words[n].deprel = "nsubj";
        words[first - 1].head = static_cast<int>(v); // the comma closes the clause
        // What hung on the subject between the verb and the comma is the clause's.
        for (std::size_t c = v + 1; c + 1 < first; ++c)
            if (words[c].head == static_cast<int>(n)) words[c].head = static_cast<int>(v);
    }
}

/// "mediated by Egypt, Qatar and the United States": the parser may read the second item
/// of a list as an apposition of the first and the last as its conjunct. An apposition
/// with a conjunct joined by "and"/"or" is an item of the list: it and its conjuncts
/// are conjuncts of the first item, as UD coordinates lists.
void mend_list_appositions(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    for (std::size_t y = 1; y < words.size(); ++y) {
        if (words[y].deprel != "appos" || words[y].head < 0 || words[y].upos != "PROPN") continue;
        const auto x = static_cast<std::size_t>(words[y].head);
        if (x >= y || words[x].upos != "PROPN") continue;
        std::vector<std::size_t> conjuncts;
        bool joined = false;
        for (std::size_t z = y + 1; z < words.size(); ++z) {
            if (words[z].head != static_cast<int>(y) || words[z].deprel != "conj") continue;
            conjuncts.push_back(z);
            for (std::size_t c = y + 1; c < z; ++c)
                if (words[c].head == static_cast<int>(z) && words[c].deprel == "cc") {
                    const std::string f = ascii_lower(forms[c]);
                    joined |= f == "and" || f == "or";
                }
        }
        if (!joined) continue;
        words[y].deprel = "conj";
        for (std::size_t z : conjuncts) words[z].head = static_cast<int>(x);
    }
}

/// "Latvian PM slams Estonia": an adjective right before the subject, hung on the verb as
/// an adverbial, modifies the subject (adjectives do not modify verbs).
void mend_adverbial_adjectives(std::vector<WordAnalysis>& words) {
    for (std::size_t a = 0; a + 1 < words.size(); ++a) {
        if (words[a].upos != "ADJ" || words[a].deprel != "advmod" || words[a].head < 0) continue;
        const std::size_t n = a + 1;
        if ((words[n].upos != "NOUN" && words[n].upos != "PROPN") || words[n].head != words[a].head ||
            (words[n].deprel != "nsubj" && words[n].deprel != "nsubj:pass"))
            continue;
        words[a].head = static_cast<int>(n);
        words[a].deprel = "amod";
    }
}

/// "The Estonian minister, who visited Riga last week, criticized the plan.": the parser may
/// make the subject noun the root and the main verb a conjunct of the relative clause. A
/// finite verb after the comma that closes a relative clause on the root noun, joined
/// without "and"/"or", is the sentence's verb and the noun its subject.
void mend_relative_clause_predicates(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    std::size_t root = words.size();
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].head < 0) root = i;
    if (root >= words.size() || (words[root].upos != "NOUN" && words[root].upos != "PROPN")) return;
    for (std::size_t r = root + 1; r < words.size(); ++r) {
        if (words[r].head != static_cast<int>(root) || words[r].deprel != "acl:relcl") continue;
        // Set off by commas ("the minister, who …,"), not a restrictive clause ("the
        // group that bombed …, took … and …", a list of its deeds).
        const std::size_t first = phrase_start(words, r);
        if (first == 0 || forms[first - 1] != ",") continue;
        for (std::size_t v = r + 1; v < words.size(); ++v) {
            if (words[v].head != static_cast<int>(r) || words[v].deprel != "conj" || words[v].upos != "VERB" ||
                !is_finite(words[v]))
                continue;
            bool coordinated = false, comma = false;
            for (std::size_t c = r + 1; c < v; ++c) {
                if (words[c].head == static_cast<int>(v) && words[c].deprel == "cc") coordinated = true;
                if (c + 1 == v) comma = forms[c] == ",";
            }
            // Its own subject makes it a clause of its own ("…, who came, he said").
            coordinated |= has_child(words, v, {"nsubj", "nsubj:pass"});
            // A list of the clause's verbs ("came, saw and left") keeps its reading.
            for (std::size_t c = v + 1; c < words.size(); ++c)
                if (words[c].head == static_cast<int>(r) && words[c].deprel == "conj") coordinated = true;
            if (coordinated || !comma) continue;
            words[v].head = -1;
            words[v].deprel = "root";
            words[root].head = static_cast<int>(v);
            words[root].deprel = "nsubj";
            words[v - 1].head = static_cast<int>(r); // the comma closes the relative clause
            // The final stop, hung on the relative clause or the noun, is the sentence's.
            for (std::size_t c = v + 1; c < words.size(); ++c)
                if ((words[c].head == static_cast<int>(r) || words[c].head == static_cast<int>(root)) &&
                    words[c].deprel == "punct")
                    words[c].head = static_cast<int>(v);
            return;
        }
    }
}

/// "UN Secretary-General Antonio Guterres criticized …": the parser may give the verb two
/// subjects, the title's first word and the name. Two nominal subjects of one verb with
/// only names, nouns and hyphens between them are one phrase: the first modifies the last.
void mend_stacked_subjects(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    auto nominal = [&](std::size_t x) { return words[x].upos == "PROPN" || words[x].upos == "NOUN"; };
    for (std::size_t a = 0; a < words.size(); ++a) {
        if (words[a].deprel != "nsubj" || !nominal(a) || words[a].head < 0) continue;
        const int v = words[a].head;
        for (std::size_t b = a + 1; b < words.size() && b < static_cast<std::size_t>(v); ++b) {
            if (words[b].head != v || words[b].deprel != "nsubj" || !nominal(b)) continue;
            bool one_phrase = true;
            for (std::size_t c = a + 1; c < b && one_phrase; ++c)
                one_phrase = nominal(c) || (words[c].upos == "PUNCT" && forms[c] == "-");
            if (!one_phrase) break;
            words[a].head = static_cast<int>(b);
            words[a].deprel = "compound";
            break;
        }
    }
}

/// "issued an arrest warrant for X": the parser may read the last noun of a compound as a
/// bare infinitive ("warrant" VB) complementing the verb, the first noun its object. A
/// base-form verb without "to" right after its head's object noun, which has an article,
/// is that noun phrase's head: the object, with the first noun its compound.
void mend_compound_verbs(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    for (std::size_t v = 1; v < words.size(); ++v) {
        WordAnalysis& x = words[v];
        if (x.upos != "VERB" || x.xpos != "VB" || x.deprel != "xcomp" || x.head < 0) continue;
        const std::size_t n = v - 1;
        if (words[n].upos != "NOUN" || words[n].deprel != "obj" || words[n].head != x.head) continue;
        // "made the kids leave", "let the team go": causatives and verbs of perception take
        // a bare infinitive.
        static const std::string_view bare_infinitive_heads[] = {"make", "let", "have", "help", "see",
                                                                 "watch", "hear", "feel", "bid", "get"};
        if (one_of(words[static_cast<std::size_t>(x.head)].lemma, bare_infinitive_heads) || has_child(words, v, {"mark"}))
            continue;
        bool article = false;
        for (std::size_t c = 0; c < words.size(); ++c)
            article |= words[c].head == static_cast<int>(n) && words[c].deprel == "det" && is_article(ascii_lower(forms[c]));
        if (!article) continue;
        x.upos = "NOUN";
        x.xpos = "NN";
        x.deprel = "obj";
        for (std::size_t c = 0; c < n; ++c)
            if (words[c].head == static_cast<int>(n) && words[c].deprel != "punct") words[c].head = static_cast<int>(v);
        words[n].head = static_cast<int>(v);
        words[n].deprel = "compound";
        // Its oblique phrases are the noun's now ("warrant for X").
        for (std::size_t c = v + 1; c < words.size(); ++c)
            if (words[c].head == static_cast<int>(v) && words[c].deprel == "obl") words[c].deprel = "nmod";
    }
}

void repair_heads(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    mend_nominal_verbs(forms, words);
    mend_compound_verbs(forms, words);
    mend_verbless_sentences(forms, words);
    mend_plural_subject_nouns(forms, words);
    mend_name_appositions(words);
    mend_list_appositions(forms, words);
    mend_adverbial_adjectives(words);
    mend_relative_clause_predicates(forms, words);
    mend_subject_lists(forms, words);
    mend_headline_coordination(forms, words);
    mend_temporal_compounds(forms, words);
    mend_double_subjects(forms, words);
    mend_stacked_subjects(forms, words);
    mend_verb_conjuncts(words);
    mend_case_on_compounds(words);
    mend_reported_clauses(words);
    mend_trailing_attribution(forms, words);
    mend_subordinate_subjects(forms, words);
    mend_opening_participles(words);
    mend_object_participles(words);
    mend_punctuation_heads(words);
    mend_article_heads(forms, words);
}

std::string default_model_path(const std::string& ontology_dir) {
    if (const char* env = std::getenv("NEWSKG_SYNTAX_MODEL"); env && *env) return env;
    if (ontology_dir.empty()) return {};
    // ontology/ and models/ sit side by side, in the source tree and in share/newskg/.
    fs::path p = fs::path(ontology_dir) / ".." / "models" / kModelFileName;
    std::error_code ec;
    if (fs::exists(p, ec)) return p.lexically_normal().string();
    return {};
}

} // namespace newskg::syntax
