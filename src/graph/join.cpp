#include "graph/join.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "core/sorted_merge.hpp"
#include "newskg/actors/actors.hpp"

namespace newskg::detail {

namespace {

std::string last_segment(const std::string& iri) {
    const std::size_t slash = iri.find_last_of("/#");
    return slash == std::string::npos ? iri : iri.substr(slash + 1);
}

/// Whether `label` is the name `iri` was minted from (mint_iri: type slug / name slug;
/// only the name's part is compared, so the type does not matter).
bool minted_from(const std::string& iri, const std::string& label) {
    return last_segment(mint_iri(std::string(kDefaultBaseIri), ActorType::Actor, name_key(label))) ==
           last_segment(iri);
}

void sort_unique(std::vector<std::string>& v) {
    v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool evidence_before(const Evidence& a, const Evidence& b) {
    return std::tie(a.document, a.sentence, a.span.begin, a.span.end, a.text) <
           std::tie(b.document, b.sentence, b.span.begin, b.span.end, b.text);
}
bool same_mention(const Evidence& a, const Evidence& b) {
    return a.document == b.document && a.sentence == b.sentence;
}

std::optional<DateValue> earlier(const std::optional<DateValue>& a, const std::optional<DateValue>& b) {
    return !a ? b : !b ? a : (*b < *a ? b : a);
}
std::optional<DateValue> later(const std::optional<DateValue>& a, const std::optional<DateValue>& b) {
    return !a ? b : !b ? a : (*a < *b ? b : a);
}

/// Kept only when every version has them: one plain statement of a relation outweighs
/// hedged, conditional or second-hand ones. The others (negated, which is part of the
/// key, and headline) are kept when any version has them.
constexpr unsigned kAllFlags = kHedged | kReported | kConditional | kAlleged;

} // namespace

bool better_label(const std::string& a, const std::string& b, const std::string& iri) {
    const auto ra = std::make_tuple(minted_from(iri, a), a.size());
    const auto rb = std::make_tuple(minted_from(iri, b), b.size());
    if (ra != rb) return ra > rb;
    return a < b;
}

void normalise(EntityNode& n) {
    sort_unique(n.aliases);
    n.aliases.erase(std::remove(n.aliases.begin(), n.aliases.end(), n.label), n.aliases.end());
    sort_unique(n.articles);
}

void join(EntityNode& into, const EntityNode& from) {
    if (from.type != ActorType::Actor && (into.type == ActorType::Actor || from.type < into.type))
        into.type = from.type;
    if (!from.label.empty() && from.label != into.label) {
        if (into.label.empty() || better_label(from.label, into.label, into.iri)) {
            into.aliases.push_back(into.label);
            into.label = from.label;
        } else {
            into.aliases.push_back(from.label);
        }
    }
    into.aliases.insert(into.aliases.end(), from.aliases.begin(), from.aliases.end());
    if (!from.country_code.empty() && (into.country_code.empty() || from.country_code < into.country_code))
        into.country_code = from.country_code;
    sort_unique(into.aliases);
    into.aliases.erase(std::remove(into.aliases.begin(), into.aliases.end(), into.label), into.aliases.end());
    std::vector<std::string> articles = from.articles;
    articles.erase(std::remove(articles.begin(), articles.end(), std::string()), articles.end());
    merge_sorted(into.articles, std::move(articles), std::less<std::string>(), std::equal_to<std::string>());
}

void normalise(RelationEdge& e) {
    std::sort(e.evidence.begin(), e.evidence.end(), evidence_before);
    e.evidence.erase(std::unique(e.evidence.begin(), e.evidence.end(), same_mention), e.evidence.end());
    const auto first = earlier(e.date, e.last_date);
    const auto last = later(e.date, e.last_date);
    e.date = first;
    e.last_date = last;
    if (!e.evidence.empty()) e.mention_count = e.evidence.size();
    else if (e.mention_count == 0) e.mention_count = 1;
}

void join(RelationEdge& into, const RelationEdge& from) {
    RelationEdge copy = from;
    join(into, std::move(copy));
}

void join(RelationEdge& into, RelationEdge&& from) {
    // `into` is in normal form already, so the new evidence is merged in rather than
    // everything re-sorted: a hub relation named by thousands of articles stays linear.
    merge_sorted(into.evidence, std::move(from.evidence), evidence_before, same_mention);
    into.mention_count =
        into.evidence.empty() ? std::max({into.mention_count, from.mention_count, std::size_t{1}}) : into.evidence.size();
    into.date = earlier(earlier(into.date, from.date), earlier(into.last_date, from.last_date));
    into.last_date = later(later(into.last_date, from.last_date), later(into.date, from.date));
    if (from.confidence > into.confidence ||
        (from.confidence == into.confidence && !from.rule.empty() && (into.rule.empty() || from.rule < into.rule))) {
        into.confidence = from.confidence;
        into.rule = from.rule;
    }
    if (from.quad_class > into.quad_class) {
        into.quad_class = from.quad_class;
        into.goldstein = from.goldstein;
    } else if (from.quad_class == into.quad_class) {
        into.goldstein = std::min(into.goldstein, from.goldstein);
    }
    const unsigned any = into.flags | from.flags;
    const unsigned all = into.flags & from.flags;
    const unsigned merged = (any & ~kAllFlags) | (all & kAllFlags);
    if ((any & kReported) && !(merged & kReported)) {
        // Someone also stated it outright: it is no longer only a speaker's claim.
        into.speaker_iri.clear();
    } else if (!from.speaker_iri.empty() && (into.speaker_iri.empty() || from.speaker_iri < into.speaker_iri)) {
        into.speaker_iri = from.speaker_iri;
    }
    into.flags = merged;
}

void join(ArticleInfo& into, const ArticleInfo& from) {
    auto pick = [](std::string& a, const std::string& b) {
        if (!b.empty() && (a.empty() || b < a)) a = b;
    };
    pick(into.iri, from.iri);
    pick(into.title, from.title);
    pick(into.outlet, from.outlet);
    pick(into.url, from.url);
    pick(into.source_path, from.source_path);
    if (from.published && (!into.published || *from.published < *into.published)) into.published = from.published;
    if (!from.agencies.empty() && (into.agencies.empty() || from.agencies < into.agencies))
        into.agencies = from.agencies;
    if (!from.authors.empty() && (into.authors.empty() || from.authors < into.authors))
        into.authors = from.authors;
}

} // namespace newskg::detail
