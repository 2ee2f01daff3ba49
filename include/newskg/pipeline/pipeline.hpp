#pragma once
/// The whole pipeline over one document: text analysis → actors → relations, with the
/// resources every stage reads loaded once (ontology, gazetteer, cues, lexicons).
#include <memory>
#include <string>
#include <vector>

#include "newskg/actors/actors.hpp"
#include "newskg/actors/ner.hpp"
#include "newskg/core/model.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/relations/relations.hpp"
#include "newskg/syntax/model.hpp"

namespace newskg {

/// Everything the stages read, loaded from one ontology directory. Immutable after
/// loading; one instance serves any number of threads.
class Resources {
  public:
    /// throws ontology_error naming the file and problem.
    /// `with_parser`: also load the syntax model (tagger, lemmatizer, parser).
    /// `actor_files`: actor dictionaries (`--actors`, PETRARCH/TABARI or newskg TSV) read
    /// after the bundled ones of the ontology directory (actors-*.tsv).
    /// `syntax_model`: the syntax model file; when empty, syntax::default_model_path
    /// (NEWSKG_SYNTAX_MODEL, else models/syntax-en.nskg beside the ontology directory),
    /// and no syntax stage when there is none. throws syntax::model_error for a file
    /// that is not a readable model. With the syntax model, the name recogniser is loaded
    /// too from `ner_model`, else ner::default_model_path (NEWSKG_NER_MODEL, else
    /// models/ner-en.nskg), and left out when there is none; `ner_model` "none" leaves it
    /// out on purpose.
    static std::unique_ptr<Resources> load(const std::string& ontology_dir, bool with_parser = true,
                                           const std::vector<std::string>& actor_files = {},
                                           const std::string& syntax_model = {},
                                           const std::string& ner_model = {});

    const Ontology& ontology() const { return ontology_; }
    const ActorIndex& actors() const { return *actor_index_; }
    const RelationLexicon& relations() const { return *lexicon_; }
    /// The UD tagger, lemmatizer and parser (our own), or null when no model was found.
    const syntax::SyntaxModel* syntax() const { return syntax_.empty() ? nullptr : &syntax_; }
    /// The statistical name recogniser, or null when none was loaded.
    const ner::NerModel* names() const { return names_.empty() ? nullptr : &names_; }

  private:
    Resources() = default;
    Ontology ontology_;
    ActorCues cues_;
    ActorDictionary dictionary_; ///< bundled and --actors dictionaries; the index points into it
    std::unique_ptr<ActorIndex> actor_index_;
    std::unique_ptr<RelationLexicon> lexicon_;
    syntax::SyntaxModel syntax_;
    ner::NerModel names_;
};

/// The model with the ontology's one-word country names and demonyms, and the verb
/// dictionary's lemmas (for headlines) and their irregular past forms, as known tags (syntax::KnownTags): what
/// Resources::load gives the syntax stage, and `newskg parse`.
syntax::SyntaxModel with_known_tags(const syntax::SyntaxModel& model, const Ontology& ontology,
                                    const VerbDictionary* verbs, const Lemmatizer* lemmatizer = nullptr);

struct PipelineOptions {
    std::string base_iri = std::string(kDefaultBaseIri);
    bool keep_negated = false;
    /// Run the syntax stage and read relations from the dependency tree where it gives
    /// them; false: token rules only (--no-parser).
    bool use_parser = true;
};

/// Runs the text, syntax (when Resources has a model: Document::words filled), actor and
/// relation stages over a read document.
Extraction extract(Document document, const Resources& resources,
                   const PipelineOptions& options = {});

} // namespace newskg
