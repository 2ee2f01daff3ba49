// Matches a verb frame against the compiled dictionary: finds the verb's entries that
// fit (multi-word verbs before the plain one), then the most specific pattern of their
// blocks or of our own senses whose words are all in the frame.
#include <algorithm>
#include "core/ascii_case.hpp"
#include <cctype>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "relations/verb_dictionary_data.hpp"

namespace newskg {

namespace {

using Pool = std::vector<WordId>;

/// Where a pattern puts the event's target and source in the frame.
struct Placement {
    int target = VerbMatch::kAbsent;
    int source = VerbMatch::kSubject;
    bool target_named = false; ///< in a phrase the pattern names on its object (VerbMatch)
};

/// The frame's words as dictionary ids, grouped where patterns look for them.
struct FramePools {
    Pool subject;             ///< pattern words before the verb
    Pool object;              ///< pattern words after the verb, outside a phrase
    std::vector<Pool> args;   ///< each argument's words
    std::vector<std::string> preps;
    int direct_object = -1;   ///< the first argument without preposition
    int agent = -1;           ///< passive: the "by" argument
};

class Matcher {
  public:
    Matcher(const VerbDictionary::Data& d, const VerbFrame& f) : d_(d), f_(f) { build(); }

    /// The entries of the frame's verb that fit: the multi-word verbs whose words are
    /// found (longest first), then the plain verb. The first decides the bare code; the
    /// patterns of all compete, since the dictionary writes "* DOWN HEADQUARTERS" under
    /// SHUT although SHUT_DOWN is a verb of another block.
    std::vector<const VerbEntry*> entries(const std::vector<VerbEntry>& all) {
        std::vector<const VerbEntry*> fit;
        for (const VerbEntry& e : all)
            if (e.particle.empty() || particle_found(e.particle)) fit.push_back(&e);
        return fit;
    }

    /// Whether the pattern matches; fills `at` when it does.
    bool matches(const Pattern& p, Placement& at) const {
        at = Placement{};
        int& target = at.target;
        int& source = at.source;
        // The argument that gave a multi-word verb its preposition ("ask *for* aid") stays
        // available to phrases: the block's patterns write it as one ("* (FOR AID)").
        std::vector<bool> used(pools_.args.size(), false);
        for (AltId a : p.subject)
            if (!found(a, pools_.subject)) return false;
        for (AltId a : p.object)
            if (!found(a, pools_.object)) return false;
        target = default_target_;
        source = default_source_;
        if (!place(p.subject_role, subject_position(), target, source)) return false;
        if (!place(p.object_role, object_position(), target, source)) return false;
        for (const PrepRequirement& pr : p.preps) {
            int hit = -1;
            for (std::size_t i = 0; i < pools_.args.size() && hit < 0; ++i) {
                if (used[i]) continue;
                // A bare preposition ("* ON", written for "press on") is the verb's own
                // phrase, never one on its object ("demanded sanctions on X") — unless the
                // pattern names the object it follows: "* CASE (AGAINST)" is "filed a
                // case against X", the phrase on the case.
                if (pr.words.empty() && f_.args[i].on_object && p.object.empty()) continue;
                if (std::find(pr.prepositions.begin(), pr.prepositions.end(), pools_.preps[i]) ==
                    pr.prepositions.end())
                    continue;
                if (std::all_of(pr.words.begin(), pr.words.end(),
                                [&](AltId a) { return found(a, pools_.args[i]); }))
                    hit = int(i);
            }
            if (hit < 0) return false;
            used[std::size_t(hit)] = true;
            place(pr.role, hit, target, source);
            // "* CASE (AGAINST)": the phrase the pattern names on its object holds the
            // one the case is against.
            if (pr.role == Role::None && pr.words.empty() && f_.args[std::size_t(hit)].on_object && !p.object.empty() &&
                f_.args[std::size_t(hit)].actor && !f_.passive) {
                target = hit;
                at.target_named = true;
            }
        }
        // "+ INSPECTOR * (INTO $)" puts the target on the subject: the source is elsewhere
        // or not named, never the target itself.
        if (target == source) {
            if (p.subject_role == Role::Target) source = VerbMatch::kAbsent;
            else target = VerbMatch::kAbsent;
        }
        return true;
    }

  private:
    void build() {
        auto add = [&](Pool& pool, const std::string& lemma) {
            auto it = d_.words.find(fold_plural(ascii_lower(lemma)));
            if (it != d_.words.end()) pool.push_back(it->second);
        };
        for (const auto& arg : f_.args) {
            pools_.preps.push_back(ascii_lower(arg.preposition));
            Pool pool;
            for (const auto& l : arg.lemmas) add(pool, l);
            pools_.args.push_back(std::move(pool));
        }
        for (std::size_t i = 0; i < f_.args.size(); ++i) {
            if (pools_.preps[i].empty() && pools_.direct_object < 0) pools_.direct_object = int(i);
            if (f_.passive && pools_.preps[i] == "by" && pools_.agent < 0) pools_.agent = int(i);
        }
        // Words before the verb: the (logical) subject and adverbs.
        if (f_.passive) {
            if (pools_.agent >= 0) pools_.subject = pools_.args[std::size_t(pools_.agent)];
        } else {
            for (const auto& l : f_.subject) add(pools_.subject, l);
        }
        for (const auto& l : f_.modifiers) add(pools_.subject, l);
        // Words after the verb: particle, direct objects (the passive's subject), complement.
        add(pools_.object, f_.particle);
        for (std::size_t i = 0; i < f_.args.size(); ++i)
            if (pools_.preps[i].empty()) pools_.object.insert(pools_.object.end(), pools_.args[i].begin(), pools_.args[i].end());
        if (f_.passive)
            for (const auto& l : f_.subject) add(pools_.object, l);
        for (const auto& l : f_.xcomp) add(pools_.object, l);
        for (const auto& l : f_.modifiers) add(pools_.object, l);
        default_source_ = f_.passive ? (pools_.agent >= 0 ? pools_.agent : VerbMatch::kAbsent) : VerbMatch::kSubject;
        default_target_ = VerbMatch::kAbsent;
        if (f_.passive) {
            default_target_ = VerbMatch::kSubject;
        } else if (pools_.direct_object >= 0 && f_.args[std::size_t(pools_.direct_object)].actor) {
            default_target_ = pools_.direct_object;
        } else {
            // Without a pattern that says where the target is, a phrase of place or manner
            // does not name one: "challenged the move at the WTO", "met in Beijing".
            // The author of the object comes first: "condemned the arrest of X by Y" is
            // aimed at Y ("by" in an active clause hangs on the object's nominal).
            for (std::size_t i = 0; i < f_.args.size() && default_target_ == VerbMatch::kAbsent; ++i)
                if (f_.args[i].actor && (pools_.preps[i] == "by" || pools_.preps[i] == "'s")) default_target_ = int(i);
            for (std::size_t i = 0; i < f_.args.size() && default_target_ == VerbMatch::kAbsent; ++i)
                if (f_.args[i].actor && !circumstantial(pools_.preps[i])) default_target_ = int(i);
        }
    }

    /// Case words of circumstance (place, manner, comparison) rather than of a participant.
    static bool circumstantial(const std::string& prep) {
        // Not "before" ("appeared before the court": the court acts) nor "including"
        // ("sanctions on several states including X": X is among the targets).
        static const std::set<std::string> words{
            "at",      "in",       "near",    "inside",    "across",  "throughout",  "within",     "around",
            "among",   "amid",     "via",     "through",   "like",    "as",          "despite",    "outside",
            "beyond",  "alongside", "besides", "than",     "ahead of", "in front of", "on behalf of",
            // Who reports it or who takes part beside the subject: not whom it is aimed at.
            "according to", "along with", "together with", "for"};
        return words.count(prep) > 0;
    }
    /// "step up": the particle; "ask for": an argument with that preposition (which then
    /// acts as the object); "take note": words of the object.
    bool particle_found(const std::vector<std::string>& words) {
        std::string joined;
        for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
        if (ascii_lower(f_.particle) == joined) return true;
        for (std::size_t i = 0; i < f_.args.size(); ++i) {
            if (pools_.preps[i] != words.front()) continue;
            bool rest = true;
            for (std::size_t k = 1; k < words.size() && rest; ++k) rest = has_word(pools_.args[i], words[k]);
            if (!rest) continue;
            if (particle_arg_ >= 0) return true; // an earlier multi-word verb took one
            particle_arg_ = int(i);
            pools_.object.insert(pools_.object.end(), pools_.args[i].begin(), pools_.args[i].end());
            if (f_.args[i].actor && !f_.passive && (pools_.direct_object < 0 || !f_.args[std::size_t(pools_.direct_object)].actor))
                default_target_ = int(i);
            return true;
        }
        return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return has_word(pools_.object, w); });
    }

    bool has_word(const Pool& pool, const std::string& w) const {
        auto it = d_.words.find(fold_plural(w));
        return it != d_.words.end() && std::find(pool.begin(), pool.end(), it->second) != pool.end();
    }

    bool found(AltId a, const Pool& pool) const {
        for (const auto& option : d_.alternatives[a].options)
            if (std::all_of(option.begin(), option.end(),
                            [&](WordId w) { return std::find(pool.begin(), pool.end(), w) != pool.end(); }))
                return true;
        return false;
    }

    /// Where the pattern's subject and object are in the frame (turned round in the passive).
    int subject_position() const {
        if (!f_.passive) return VerbMatch::kSubject;
        return pools_.agent >= 0 ? pools_.agent : VerbMatch::kAbsent;
    }
    int object_position() const {
        if (f_.passive) return VerbMatch::kSubject;
        if (particle_arg_ >= 0) return particle_arg_;
        return pools_.direct_object >= 0 ? pools_.direct_object : VerbMatch::kAbsent;
    }

    /// Puts a marker's role at `position`; false when the pattern needs a participant the
    /// frame lacks.
    static bool place(Role role, int position, int& target, int& source) {
        if (role == Role::None) return true;
        if (position == VerbMatch::kAbsent) return false;
        (role == Role::Target ? target : source) = position;
        return true;
    }

    const VerbDictionary::Data& d_;
    const VerbFrame& f_;
    FramePools pools_;
    int particle_arg_ = -1;
    int default_target_ = VerbMatch::kAbsent;
    int default_source_ = VerbMatch::kSubject;
};

/// Whether pattern `a` of the entry ranked `ra` beats `b` of `rb`: more specific, then
/// ours, then the pattern of the better fitting verb (the multi-word one), then the
/// later in the file: PETRARCH stores patterns in a trie where a later duplicate
/// overwrites an earlier one ("* ACCESS" is [---], then 060, then 0862 under GRANT).
bool better(const Pattern& a, std::size_t ra, const Pattern& b, std::size_t rb) {
    if (a.specificity != b.specificity) return a.specificity > b.specificity;
    if (a.own != b.own) return a.own;
    if (ra != rb) return ra < rb;
    return a.order > b.order;
}

VerbMatch result(const Pattern& p, const Placement& at) {
    VerbMatch m;
    m.target_named = at.target_named;
    if (p.cameo.empty()) {
        m.cameo = p.reverse;
        m.reversed = true;
    } else {
        m.cameo = p.cameo;
        m.reverse_cameo = p.reverse;
    }
    m.predicate = p.predicate;
    m.target = at.target;
    m.source = at.source;
    m.pattern = p.provenance;
    m.specificity = p.specificity;
    m.direct = p.direct;
    m.own = p.own;
    return m;
}

} // namespace

std::optional<VerbMatch> VerbDictionary::match(const VerbFrame& frame) const {
    const std::string lemma = ascii_lower(frame.lemma);
    auto verbs = data_->verbs.find(lemma);
    auto own = data_->own.find(lemma);
    if (verbs == data_->verbs.end() && own == data_->own.end()) return std::nullopt;

    Matcher m(*data_, frame);
    const auto entries = verbs == data_->verbs.end() ? std::vector<const VerbEntry*>() : m.entries(verbs->second);
    const Pattern* best = nullptr;
    std::size_t best_rank = 0;
    Placement best_at;
    auto consider = [&](const std::vector<Pattern>& patterns, std::size_t rank) {
        for (const Pattern& p : patterns) {
            if (best && !better(p, rank, *best, best_rank)) continue;
            Placement at;
            if (m.matches(p, at)) {
                best = &p;
                best_at = at;
                best_rank = rank;
            }
        }
    };
    for (std::size_t rank = 0; rank < entries.size(); ++rank) {
        const auto block = entries[rank]->block;
        const bool seen = std::any_of(entries.begin(), entries.begin() + std::ptrdiff_t(rank),
                                      [&](const VerbEntry* e) { return e->block == block; });
        if (!seen) consider(data_->blocks[block], rank); // ASK_FOR and ASK share a block
    }
    if (own != data_->own.end()) consider(own->second, 0);

    if (best) {
        if (best->cameo == "---") return std::nullopt; // a null pattern blocks the event
        return result(*best, best_at);
    }
    if (entries.empty() || entries.front()->code == "---") return std::nullopt;
    const VerbEntry& entry = *entries.front();
    // A phrasal verb is another verb: "caught up with her" is no capture, "turned down"
    // no turn. Without a pattern that names its particle, the plain verb's code is not its.
    if (!frame.particle.empty() && entry.particle.empty()) return std::nullopt;
    Pattern bare;
    bare.cameo = entry.code;
    bare.predicate = entry.predicate;
    bare.provenance = entry.provenance;
    Placement at;
    m.matches(bare, at); // no requirements: just the default positions
    return result(bare, at);
}

bool VerbDictionary::knows(std::string_view lemma) const {
    const std::string l = ascii_lower(lemma);
    return data_->verbs.count(l) != 0 || data_->own.count(l) != 0;
}

std::vector<std::string> VerbDictionary::lemmas() const {
    std::vector<std::string> out;
    for (const auto& [lemma, entries] : data_->verbs) out.push_back(lemma);
    for (const auto& [lemma, senses] : data_->own)
        if (!data_->verbs.count(lemma)) out.push_back(lemma);
    std::sort(out.begin(), out.end());
    return out;
}

bool VerbDictionary::takes_particle(std::string_view lemma, std::string_view particle) const {
    return data_->particle_verbs.count(ascii_lower(lemma) + " " + ascii_lower(particle)) != 0;
}

bool VerbDictionary::in_set(std::string_view set, std::string_view word) const {
    const auto a = data_->alternative_index.find("&" + std::string(set));
    const auto w = data_->words.find(fold_plural(ascii_lower(word)));
    if (a == data_->alternative_index.end() || w == data_->words.end()) return false;
    for (const auto& option : data_->alternatives[a->second].options)
        if (option.size() == 1 && option.front() == w->second) return true;
    return false;
}

} // namespace newskg
