#include "newskg/pipeline/pipeline.hpp"

#include "newskg/syntax/syntax.hpp"
#include "newskg/text/analyse.hpp"
#include "core/ascii_case.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace newskg {

namespace {

/// Between the stages of a long article, hands the memory its last stage freed back to
/// the system: glibc keeps freed blocks in its arenas, so a stage's temporary indexes
/// (megabytes per megabyte of article) would otherwise stay resident under the next
/// stage's. Articles under a few megabytes are left alone (nothing to gain).
void give_back_freed_memory(const Document& doc) {
#if defined(__GLIBC__)
    constexpr std::size_t kLong = 4u << 20;
    if (doc.text.size() >= kLong) malloc_trim(0);
#else
    (void)doc;
#endif
}

} // namespace

std::unique_ptr<Resources> Resources::load(const std::string& ontology_dir, bool with_parser,
                                           const std::vector<std::string>& actor_files,
                                           const std::string& syntax_model, const std::string& ner_model) {
    std::unique_ptr<Resources> r(new Resources());
    r->ontology_ = Ontology::load(ontology_dir);
    r->cues_ = ActorCues::load(ontology_dir);
    // The user's dictionaries first, then the bundled ones (actors-*.tsv, e.g. the
    // converted Phoenix ones): where both name a phrase, the user's entry wins.
    std::vector<std::string> bundled;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(ontology_dir, ec)) {
        const std::string name = f.path().filename().string();
        if (name.rfind("actors-", 0) == 0 && f.path().extension() == ".tsv") bundled.push_back(f.path().string());
    }
    std::sort(bundled.begin(), bundled.end());
    for (const auto& f : actor_files) r->dictionary_.load_file(f);
    for (const auto& f : bundled) r->dictionary_.load_file(f);
    r->actor_index_ = std::make_unique<ActorIndex>(r->ontology_, r->cues_,
                                                   r->dictionary_.empty() ? nullptr : &r->dictionary_);
    r->lexicon_ = std::make_unique<RelationLexicon>(RelationLexicon::load(r->ontology_));
    const std::string model = syntax_model.empty() ? syntax::default_model_path(ontology_dir) : syntax_model;
    if (with_parser && !model.empty())
        r->syntax_ = with_known_tags(syntax::SyntaxModel::load(model), r->ontology_, r->lexicon_->verb_dictionary(),
                                     &r->lexicon_->lemmatizer());
    if (!r->syntax_.empty() && ner_model != "none") {
        const std::string names = ner_model.empty() ? ner::default_model_path(ontology_dir) : ner_model;
        if (!names.empty() && names != "none") r->names_ = ner::NerModel::load(names);
    }
    return r;
}

syntax::SyntaxModel with_known_tags(const syntax::SyntaxModel& model, const Ontology& ontology,
                                    const VerbDictionary* verbs, const Lemmatizer* lemmatizer) {
    syntax::KnownTags tags;
    if (verbs)
        for (const std::string& lemma : verbs->lemmas())
            if (lemma.find(' ') == std::string::npos && lemma.find('_') == std::string::npos) tags.add_verb(lemma);
    if (lemmatizer)
        for (const auto& [form, lemma] : lemmatizer->irregular_forms()) tags.add_irregular_past(form, lemma);
    auto one_word = [](const std::string& s) { // lower case, "" unless letters only
        const bool letters = std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); });
        return letters ? ascii_lower(s) : std::string();
    };
    for (const GazetteerEntry& e : ontology.gazetteer()) {
        if (e.type != ActorType::Country) continue;
        for (const auto& n : e.names)
            if (const std::string w = one_word(n); !w.empty()) tags.add_name(w);
        for (const auto& a : e.adjectives)
            if (const std::string w = one_word(a); !w.empty()) tags.add_adjective(w);
    }
    return model.with_known_tags(std::move(tags));
}

Extraction extract(Document document, const Resources& resources, const PipelineOptions& options) {
    Extraction x;
    x.document = std::move(document);
    analyse_text(x.document);
    give_back_freed_memory(x.document);
    if (const auto* model = resources.syntax(); model && options.use_parser)
        syntax::analyse_syntax(x.document, *model);
    give_back_freed_memory(x.document);
    ActorOptions ao;
    ao.base_iri = options.base_iri;
    if (options.use_parser) ao.names = resources.names();
    find_actors(x, resources.actors(), ao);
    give_back_freed_memory(x.document);
    RelationOptions ro;
    ro.keep_negated = options.keep_negated;
    ro.release_words = true; // read by no later stage (the graph releases the document)
    find_relations(x, resources.relations(), ro);
    return x;
}

} // namespace newskg
