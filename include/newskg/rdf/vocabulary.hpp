#pragma once
/// The vocabulary IRIs newskg writes and reads, spelt out once: the W3C and schema.org
/// namespaces, newskg's own (ontology, actors, minted ids, CAMEO), and the prefixes the
/// exports declare (Turtle, TriG, RDF/XML, the JSON-LD context) in the order they are
/// written. No other file of src/ or include/ spells one of these IRIs.
#include <string>
#include <string_view>

namespace newskg::vocab {

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kSchema = "https://schema.org/";
/// The ontology's own terms (prefix `nkg:`).
inline constexpr std::string_view kNkg = "https://newskg.org/ontology#";
/// Gazetteer actors (stable IRIs, e.g. …/actor/country/ML).
inline constexpr std::string_view kActor = "https://newskg.org/actor/";
/// The default namespace of IRIs minted for actors and articles not in the gazetteer.
inline constexpr std::string_view kDefaultBase = "https://newskg.org/id/";
inline constexpr std::string_view kCameo = "https://newskg.org/cameo/";

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";

/// A prefix and the namespace it abbreviates.
struct Prefix {
    std::string_view name;
    std::string_view iri;
};

/// The vocabulary prefixes, in the order the exports declare them.
inline constexpr Prefix kVocabularyPrefixes[] = {
    {"rdf", kRdf},     {"rdfs", kRdfs},     {"xsd", kXsd}, {"skos", kSkos},
    {"prov", kProv},   {"schema", kSchema}, {"nkg", kNkg}, {"cameo", kCameo},
};

/// The prefixes of the gazetteer's actor namespaces. Organisations are "nkgorg:", not
/// "org:", which readers know as the W3C Organization ontology (http://www.w3.org/ns/org#).
inline constexpr Prefix kActorPrefixes[] = {
    {"country", "https://newskg.org/actor/country/"},
    {"nkgorg", "https://newskg.org/actor/org/"},
    {"loc", "https://newskg.org/actor/location/"},
};

/// `ns` followed by `local`.
inline std::string iri(std::string_view ns, std::string_view local) {
    std::string s(ns);
    s += local;
    return s;
}

} // namespace newskg::vocab
