#pragma once
/// The whole pipeline over one document: text analysis → actors → relations, with the
/// resources every stage reads loaded once (ontology, gazetteer, cues, lexicons).
#include <memory>
#include <string>
#include <vector>

#include "newskg/actors/actors.hpp"
#include "newskg/core/model.hpp"
#include "newskg/ontology/ontology.hpp"
#include "newskg/relations/relations.hpp"
#include "newskg/relations/syntax.hpp"

namespace newskg {

/// Everything the stages read, loaded from one ontology directory. Immutable after
/// loading; one instance serves any number of threads.
class Resources {
  public:
    /// throws ontology_error naming the file and problem.
    /// `with_parser`: also open the Link Grammar English dictionary (about 0.2 s).
    /// `actor_files`: actor dictionaries (`--actors`, PETRARCH/TABARI or newskg TSV) read
    /// after the bundled ones of the ontology directory (actors-*.tsv).
    static std::unique_ptr<Resources> load(const std::string& ontology_dir, bool with_parser = true,
                                           const std::vector<std::string>& actor_files = {});

    const Ontology& ontology() const { return ontology_; }
    const ActorIndex& actors() const { return *actor_index_; }
    const RelationLexicon& relations() const { return *lexicon_; }
    /// The sentence parser (Link Grammar), or null when loaded without one.
    const SyntaxParser* parser() const { return parser_.get(); }

  private:
    Resources() = default;
    Ontology ontology_;
    ActorCues cues_;
    ActorDictionary dictionary_; ///< bundled and --actors dictionaries; the index points into it
    std::unique_ptr<ActorIndex> actor_index_;
    std::unique_ptr<RelationLexicon> lexicon_;
    std::unique_ptr<SyntaxParser> parser_;
};

struct PipelineOptions {
    std::string base_iri = std::string(kDefaultBaseIri);
    bool keep_negated = false;
    /// Read relations from the parse where it gives them (else token rules only).
    bool use_parser = true;
};

/// Runs the text, actor and relation stages over a read document.
Extraction extract(Document document, const Resources& resources,
                   const PipelineOptions& options = {});

} // namespace newskg
