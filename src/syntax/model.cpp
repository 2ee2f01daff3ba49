#include "newskg/syntax/model.hpp"

#include <cstdlib>
#include <filesystem>

#include "syntax/binary_io.hpp"
#include "syntax/model_file.hpp"
#include "syntax/model_parts.hpp"

namespace newskg::syntax {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kMagic = "newskg-syntax-model\n";
}

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

std::vector<WordAnalysis> SyntaxModel::tag(const std::vector<std::string_view>& forms) const {
    const ModelParts& p = *parts_;
    const std::vector<int> tags = p.tagger.tag(forms);
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

std::vector<WordAnalysis> SyntaxModel::analyse(const std::vector<std::string_view>& forms) const {
    const ModelParts& p = *parts_;
    const std::vector<int> tags = p.tagger.tag(forms);
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

void repair_heads(const std::vector<std::string_view>& forms, std::vector<WordAnalysis>& words) {
    // A verb takes no article in UD: a word tagged VERB that the parser gives one in a
    // nominal's place ("condemned the Israeli raid on …", "raid" read as a verb) is a noun.
    for (std::size_t i = 0; i < words.size(); ++i) {
        WordAnalysis& w = words[i];
        if (w.upos != "VERB") continue;
        const std::string_view rel = std::string_view(w.deprel).substr(0, std::string_view(w.deprel).find(':'));
        if (rel != "obj" && rel != "nsubj" && rel != "obl" && rel != "iobj" && rel != "nmod") continue;
        bool article = false;
        for (std::size_t c = 0; c < i && !article; ++c) {
            const std::string_view f = forms[c];
            article = words[c].head == static_cast<int>(i) && words[c].upos == "DET" &&
                      (f == "the" || f == "The" || f == "a" || f == "A" || f == "an" || f == "An");
        }
        if (!article) continue;
        w.upos = "NOUN";
        w.xpos = w.xpos == "VBZ" ? "NNS" : "NN";
    }
    // Punctuation heads nothing in UD; a word the parser hung on a mark ("counterpart,
    // Therese Wagner" with the name on the comma) belongs to the mark's head. The mark's
    // head is an ancestor of the word, so no cycle arises; a mark at the root keeps its
    // dependents (the sentence would lose its root otherwise).
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t steps = 0; steps < words.size(); ++steps) {
            const int h = words[i].head;
            if (h < 0 || words[static_cast<std::size_t>(h)].upos != "PUNCT" || words[static_cast<std::size_t>(h)].head < 0)
                break;
            words[i].head = words[static_cast<std::size_t>(h)].head;
        }
    }
    // An article heads nothing either ("United" is tagged VERB in names, as UD tags it,
    // and the parser may then hang "Nations" on "the"): the noun takes the article's
    // place. The noun is in the article's subtree, so no cycle arises.
    for (std::size_t a = 0; a < words.size(); ++a) {
        if (words[a].upos != "DET" || words[a].deprel == "root") continue;
        const std::string_view f = forms[a];
        if (f != "the" && f != "The" && f != "a" && f != "A" && f != "an" && f != "An") continue;
        std::size_t noun = words.size();
        for (std::size_t c = a + 1; c < words.size() && noun == words.size(); ++c)
            if (words[c].head == static_cast<int>(a) && (words[c].upos == "NOUN" || words[c].upos == "PROPN"))
                noun = c;
        if (noun == words.size()) continue;
        // A clause's relation given to the article becomes the noun's counterpart.
        static const std::pair<std::string_view, std::string_view> nominal_of[] = {
            {"ccomp", "obj"}, {"xcomp", "obj"}, {"csubj", "nsubj"}, {"advcl", "obl"}, {"acl", "nmod"}};
        std::string rel = words[a].deprel;
        for (const auto& [clausal, nominal] : nominal_of)
            if (rel == clausal) rel = nominal;
        words[noun].head = words[a].head;
        words[noun].deprel = rel;
        for (std::size_t c = 0; c < words.size(); ++c)
            if (c != noun && words[c].head == static_cast<int>(a)) words[c].head = static_cast<int>(noun);
        words[a].head = static_cast<int>(noun);
        words[a].deprel = "det";
    }
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
