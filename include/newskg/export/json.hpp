#pragma once
/// The knowledge graph as JSON: the format /work/shared/corpus/score.py reads and the
/// CLI's --format json writes.
///
/// {
///   "articles":  [{"id", "iri", "title", "published", "outlet", "agencies", "authors", "url", "source"}],
///   "entities":  [{"id", "iri", "label", "type", "aliases", "country", "articles"}],
///   "relations": [{"subject", "predicate", "object", "cameo", "quad_class", "goldstein",
///                  "label", "date", "last_date", "confidence", "rule", "speaker", "flags",
///                  "mention_count",
///                  "evidence": [{"document", "sentence", "start", "end", "text"}]}]
/// }
///
/// Entity "id" is the IRI (so relation "subject"/"object" name entities across
/// documents); absent values (dates, country, speaker) are null; "flags" lists the
/// RelationFlag names set ("negated", "hedged", "reported", "conditional", "headline");
/// "label" is the ontology property's label, the predicate when no ontology is given or
/// it does not know the property; "start"/"end" are byte offsets into the article text.
/// Arrays come in KnowledgeGraph order and object keys sorted, so equal graphs give
/// byte-equal output.
#include <functional>
#include <string_view>
#include <string>

#include <nlohmann/json.hpp>

#include "newskg/graph/knowledge_graph.hpp"

namespace newskg {

class Ontology;

nlohmann::json to_json(const KnowledgeGraph& graph, const Ontology* ontology = nullptr);
/// to_json pretty-printed (two-space indent, trailing newline). Invalid UTF-8 in a
/// string is replaced by U+FFFD rather than failing the whole export.
std::string to_json_string(const KnowledgeGraph& graph, const Ontology* ontology = nullptr);
/// The text of to_json_string handed to `sink` a piece at a time (the head, then each
/// relation), so that a large graph's text is never held whole.
void write_json(const KnowledgeGraph& graph, const Ontology* ontology,
                const std::function<void(std::string_view)>& sink);

/// Reads the format above back. Only "entities" (id, label) and "relations" (subject,
/// predicate, object) are required; every other field may be absent and takes its
/// default. `source` names the input in error messages.
/// throws parse_error ("newskg.parse.40x") when the shape is wrong: a missing or
/// mistyped field, an unknown actor type or flag, a malformed date, a relation whose
/// subject, object or speaker is not an entity.
KnowledgeGraph from_json(const nlohmann::json& json, const std::string& source = "<json>");

} // namespace newskg
