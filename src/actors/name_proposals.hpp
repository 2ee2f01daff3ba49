#pragma once
// The statistical recogniser's names, as proposals over the Document's tokens for the
// rule-based recogniser: it takes the gazetteer's and the patterns' matches first and
// uses these for the capitalised words they leave (src/actors/recognizer_names.cpp).
#include <cstddef>
#include <optional>
#include <cstdint>
#include <vector>

#include "newskg/actors/actors.hpp"
#include "newskg/actors/ner.hpp"

namespace newskg {

class NameProposals {
  public:
    struct Proposal {
        TokenRange tokens;
        ner::NameType type = ner::NameType::Person;
    };
    NameProposals() = default;
    /// Runs `model` over the words of `doc` (none when the syntax stage has not run).
    NameProposals(const Document& doc, const ner::NerModel& model, const ActorIndex& index);

    /// Whether there is a model's opinion at all (a model and words to run it on).
    bool active() const { return active_; }
    /// The proposal that starts at token i, if any.
    const Proposal* starting_at(std::size_t i) const;
    /// The first proposal that overlaps the tokens [first, last), if any.
    const Proposal* overlapping(std::size_t first, std::size_t last) const;
    /// The actor type a coarse name type stands for before the ontology refines it.
    static ActorType actor_type(ner::NameType t);

  private:
    bool active_ = false;
    std::vector<Proposal> proposals_;           ///< in text order, not overlapping
    std::vector<std::uint32_t> starting_; ///< per token: index into proposals_ + 1, 0 none
};

} // namespace newskg
