#pragma once
// Shared by the tests: the project's resources loaded once, and a one-call extraction
// of a short article written in the test.
#include <string>

#include "newskg/pipeline/pipeline.hpp"
#include "newskg/read/reader.hpp"
#include "test_paths.hpp"

namespace newskg::test {

/// The ontology and lexicons of the source tree, loaded once per test run.
inline const Resources& resources() {
    static const auto r = Resources::load(NEWSKG_DEFAULT_ONTOLOGY_DIR);
    return *r;
}

/// Reads `text` as a plain-text article published on `published` and runs the pipeline.
inline Extraction extract_text(const std::string& text, const std::string& published = "2024-03-10") {
    ReadOptions ro;
    ro.published = DateValue::parse_iso(published);
    Document doc = read_text_article(text, "test.txt", ro);
    return extract(std::move(doc), resources());
}

/// The entity one of whose names (label or alias) is `name`, or nullptr.
inline const Entity* entity_named(const Extraction& x, const std::string& name) {
    for (const auto& e : x.entities) {
        if (e.label == name) return &e;
        for (const auto& a : e.aliases)
            if (a == name) return &e;
    }
    return nullptr;
}

/// Whether a relation subject -predicate-> object exists between the entities named so.
inline const Relation* relation(const Extraction& x, const std::string& subject,
                                const std::string& predicate, const std::string& object) {
    const Entity* s = entity_named(x, subject);
    const Entity* o = entity_named(x, object);
    if (!s || !o) return nullptr;
    for (const auto& r : x.relations)
        if (r.subject == s->id && r.object == o->id && r.predicate == predicate) return &r;
    return nullptr;
}

/// An event (a relation with a CAMEO code) from the entity named `subject` to the one named
/// `object` whose code starts with `cameo_root` (any code when it is empty), or nullptr.
inline const Relation* event(const Extraction& x, const std::string& subject, const std::string& object,
                             const std::string& cameo_root = "") {
    const Entity* s = entity_named(x, subject);
    const Entity* o = entity_named(x, object);
    if (!s || !o) return nullptr;
    for (const auto& r : x.relations)
        if (r.subject == s->id && r.object == o->id && !r.cameo.empty() && r.cameo.rfind(cameo_root, 0) == 0)
            return &r;
    return nullptr;
}

} // namespace newskg::test
