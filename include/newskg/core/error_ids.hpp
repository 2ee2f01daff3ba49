#pragma once
/// Every diagnostic id newskg gives ("newskg.input.102"), declared once, here, with what
/// it means and the exit status the command line gives for it. The exceptions of
/// newskg/core/error.hpp (and store_error, render_error, model_error, remote_error) take
/// only these constants, never a bare number, and each only the ids of its own family.
/// The README's table of error ids mirrors this list; tests/core/test_error_ids.cpp
/// checks that the two agree.
#include <string>
#include <string_view>

namespace newskg::ids {

enum class Family { Usage, Input, Parse, Output, Ontology, Rdf, Store, Remote, Render, Syntax, Actor };

/// "input" for Family::Input: the middle part of the id.
constexpr std::string_view family_name(Family f) {
    switch (f) {
    case Family::Usage: return "usage";
    case Family::Input: return "input";
    case Family::Parse: return "parse";
    case Family::Output: return "output";
    case Family::Ontology: return "ontology";
    case Family::Rdf: return "rdf";
    case Family::Store: return "store";
    case Family::Remote: return "remote";
    case Family::Render: return "render";
    case Family::Syntax: return "syntax";
    case Family::Actor: return "actor";
    }
    return "";
}

/// A catalogued id of one family. Built only below: an exception that takes an
/// Id<Family::Input> cannot be given a number, nor an id of another family.
template <Family F>
struct Id {
    int code; ///< 0 for the usage id, which has no number
};

/// "newskg.input.102"; "newskg.usage" for the one usage id.
inline std::string text(Family family, int code) {
    std::string t = "newskg." + std::string(family_name(family));
    return code ? t + "." + std::to_string(code) : t;
}
template <Family F>
std::string text(Id<F> id) {
    return text(F, id.code);
}

// X(family, namespace, constant, code, exit status, meaning). The exit status is the
// newskg command's when this is what went wrong: 0 for a warning (reported, the work
// goes on), 1 for a failed input or output (the others are done), 2 for wrong usage or
// broken setup (the ontology, a model).
#define NEWSKG_ERROR_IDS(X)                                                                                         \
    X(Usage, usage, kUsage, 0, 2, "wrong command-line use: an unknown option, a missing or malformed value, a "    \
                                  "bad combination of options, no inputs")                                         \
    X(Input, input, kMissing, 101, 1, "a file or directory does not exist")                                         \
    X(Input, input, kUnreadable, 102, 1, "a file exists but cannot be opened, read or decompressed")               \
    X(Input, input, kBinary, 103, 1, "binary data (NUL bytes, many control characters), not an article")           \
    X(Input, input, kEncoding, 104, 1, "not UTF-8 (a warning when it was repaired as Windows-1252)")               \
    X(Input, input, kTooLarge, 105, 1, "an article larger than --max-bytes (or an HTML page too large to parse)")  \
    X(Input, input, kEmpty, 106, 0, "no article text found (warning)")                                             \
    X(Input, input, kBadFormat, 107, 1, "an input format the reader does not know")                                \
    X(Input, input, kTooDeep, 108, 1, "HTML nested deeper than the parser's limit (a warning when flattened)")      \
    X(Input, input, kControl, 109, 0, "control characters in a JSON Lines field, or NUL bytes in a file, "         \
                                      "replaced (warning)")                                                        \
    X(Input, input, kUndated, 110, 0, "no publication date in the article and no --published (warning)")          \
    X(Input, input, kDirectoryAgain, 111, 0, "a directory reached again in a walk (a symbolic link loop): "        \
                                             "skipped (warning)")                                                  \
    X(Input, input, kNotRegular, 112, 0, "a FIFO, socket or device met in a directory walk: skipped (warning)")   \
    X(Input, input, kHtmlLimit, 113, 0, "HTML attributes beyond the per-element limit left out (warning)")         \
    X(Input, input, kDuplicateId, 114, 0, "an article id already used in the run: renamed ID-2, ID-3 … (warning)") \
    X(Input, input, kIdGivenTwice, 115, 1, "--id given, but the input holds several articles: the others are "     \
                                           "skipped")                                                              \
    X(Input, input, kConlluUnreadable, 801, 1, "a CoNLL-U treebank cannot be opened")                              \
    X(Input, input, kSyntaxTrainingUnreadable, 802, 1, "a training file of train-syntax cannot be opened")         \
    X(Input, input, kNerTrainingUnreadable, 803, 1, "a training file of train-ner cannot be opened")               \
    X(Parse, parse, kJsonSyntax, 201, 1, "a JSON Lines line is not JSON")                                          \
    X(Parse, parse, kJsonField, 202, 1, "a JSON Lines line is not an object, has no text or html, or a field of "  \
                                        "the wrong type")                                                          \
    X(Parse, parse, kGoldShape, 301, 1, "a gold file has no 'entities' and 'relations' arrays")                    \
    X(Parse, parse, kGoldEntity, 302, 1, "a gold entity has no 'id' or 'names'")                                   \
    X(Parse, parse, kGoldJson, 303, 1, "a gold file is not valid JSON")                                            \
    X(Parse, parse, kGoldText, 304, 1, "a gold file has no 'text' field naming its article")                       \
    X(Parse, parse, kGoldMalformed, 305, 1, "a field of a gold file has the wrong type")                           \
    X(Parse, parse, kGraphJsonShape, 401, 1, "newskg JSON: an object or array expected where there is none")       \
    X(Parse, parse, kGraphJsonField, 402, 1, "newskg JSON: a field missing, empty or of the wrong type")           \
    X(Parse, parse, kGraphJsonType, 403, 1, "newskg JSON: an unknown actor type or relation flag")                 \
    X(Parse, parse, kGraphJsonDate, 404, 1, "newskg JSON: a date that is not YYYY, YYYY-MM or YYYY-MM-DD")         \
    X(Parse, parse, kGraphJsonEndpoint, 405, 1, "newskg JSON: a relation's subject, object or speaker is not an "  \
                                                "entity")                                                          \
    X(Parse, parse, kGraphNotJson, 501, 1, "a graph file is not valid JSON")                                       \
    X(Parse, parse, kNotAGraph, 502, 1, "JSON or RDF, but not a graph newskg wrote (no entities, actors or "       \
                                        "articles)")                                                               \
    X(Parse, parse, kGraphValue, 503, 1, "a malformed value in an RDF graph (a date, a number, a code)")           \
    X(Parse, parse, kGraphFormat, 504, 1, "a graph format newskg cannot read back (by extension or --format)")     \
    X(Parse, parse, kJsonLdOrAliases, 505, 1, "JSON-LD newskg cannot read, or an alias file with no names or "     \
                                              "owl:differentFrom")                                                 \
    X(Parse, parse, kConlluHead, 801, 1, "CoNLL-U: a head out of range")                                           \
    X(Parse, parse, kConlluColumns, 802, 1, "CoNLL-U: a word line without 10 tab-separated columns")               \
    X(Parse, parse, kConlluBadHead, 803, 1, "CoNLL-U: a HEAD that is not a number")                                \
    X(Parse, parse, kConlluIds, 804, 1, "CoNLL-U: word ids not consecutive")                                       \
    X(Output, output, kStdout, 301, 1, "standard output cannot be written")                                        \
    X(Output, output, kCannotCreate, 302, 1, "an output file or directory cannot be created or opened")            \
    X(Output, output, kWriteFailed, 303, 1, "writing an output failed (disk full, I/O error)")                     \
    X(Output, output, kCannotReplace, 304, 1, "the written file cannot be renamed into place")                     \
    X(Output, output, kSyntaxModelWrite, 801, 1, "a syntax model cannot be written")                               \
    X(Output, output, kSyntaxModelRename, 802, 1, "a syntax model cannot be renamed into place")                   \
    X(Output, output, kNerModelWrite, 803, 1, "a name recogniser model cannot be written")                         \
    X(Output, output, kNerModelRename, 804, 1, "a name recogniser model cannot be renamed into place")             \
    X(Ontology, ontology, kNoDirectory, 1, 2, "the ontology directory is missing or unreadable")                   \
    X(Ontology, ontology, kSyntax, 2, 2, "an ontology file is not valid Turtle")                                   \
    X(Ontology, ontology, kMissingFile, 3, 2, "an ontology file is missing (no *.ttl, no CAMEO concepts, no verb "  \
                                              "lexicon)")                                                          \
    X(Ontology, ontology, kBadProperty, 4, 2, "a relation property is incomplete or inconsistent (label, comment, " \
                                              "CAMEO code, QuadClass, Goldstein, PLOVER)")                         \
    X(Ontology, ontology, kBadCameo, 5, 2, "a CAMEO concept is malformed or defined twice")                        \
    X(Ontology, ontology, kBadGazetteer, 6, 2, "a gazetteer entry is malformed (two codes, no label, a clash)")    \
    X(Ontology, ontology, kBadLexicon, 7, 2, "the verb lexicon is malformed")                                      \
    X(Ontology, ontology, kBadVerbDictionary, 8, 2, "the CAMEO verb dictionary is malformed")                      \
    X(Ontology, ontology, kNoCueList, 201, 2, "the actor cue list cannot be opened")                               \
    X(Ontology, ontology, kBadCueList, 202, 2, "a line of the actor cue list is malformed")                        \
    X(Ontology, ontology, kNoNotActors, 203, 2, "the list of non-actors cannot be opened")                         \
    X(Ontology, ontology, kBadCameoCountries, 204, 2, "a line of the CAMEO country table is not CAMEO<TAB>ISO")    \
    X(Ontology, ontology, kNoActorDictionary, 210, 2, "an actor dictionary cannot be opened")                      \
    X(Ontology, ontology, kUnclosedBrace, 211, 2, "actor dictionary: '{' without '}'")                             \
    X(Ontology, ontology, kUnclosedBracket, 212, 2, "actor dictionary: '[' without ']'")                           \
    X(Ontology, ontology, kEmptyCode, 213, 2, "actor dictionary: an empty code")                                   \
    X(Ontology, ontology, kBadCodeDate, 214, 2, "actor dictionary: a bad date or date restriction of a code")      \
    X(Ontology, ontology, kOrphanCode, 215, 2, "actor dictionary: a code or synonym before any actor, or without "  \
                                               "a name")                                                           \
    X(Ontology, ontology, kBadSubstitution, 216, 2, "actor dictionary: a malformed substitution set or marker")    \
    X(Ontology, ontology, kUndefinedSubstitution, 217, 2, "actor dictionary: an undefined substitution set")       \
    X(Ontology, ontology, kTsvHeader, 220, 2, "actor TSV: the first line is not the header")                       \
    X(Ontology, ontology, kTsvColumns, 221, 2, "actor TSV: a row without 6 or 7 columns")                          \
    X(Ontology, ontology, kTsvEmptyName, 222, 2, "actor TSV: an empty name")                                       \
    X(Ontology, ontology, kTsvType, 223, 2, "actor TSV: an unknown actor type")                                    \
    X(Ontology, ontology, kTsvCountry, 224, 2, "actor TSV: a country that is not a 3-letter code")                 \
    X(Ontology, ontology, kTsvDate, 225, 2, "actor TSV: a bad date")                                               \
    X(Ontology, ontology, kTsvContinuation, 226, 2, "actor TSV: a '+' row that continues no actor, or of another " \
                                                    "type")                                                        \
    X(Ontology, ontology, kTsvAgent, 227, 2, "actor TSV: an Agent row without a phrase and a role code")          \
    X(Ontology, ontology, kNoIrregularVerbs, 301, 2, "the irregular verb list cannot be opened")                    \
    X(Ontology, ontology, kBadIrregularVerb, 302, 2, "a line of the irregular verb list is malformed")             \
    X(Ontology, ontology, kNoEventNouns, 303, 2, "the event noun list cannot be opened")                           \
    X(Ontology, ontology, kBadEventNoun, 304, 2, "a line of the event noun list is malformed")                     \
    X(Ontology, ontology, kEventNounProperty, 305, 2, "an event noun names no ontology property")                  \
    X(Ontology, ontology, kNoVerbClasses, 306, 2, "the verb classes cannot be opened")                             \
    X(Ontology, ontology, kBadVerbClass, 307, 2, "a line of the verb classes is malformed")                        \
    X(Ontology, ontology, kNoThreatCodes, 308, 2, "the threat codes cannot be opened")                             \
    X(Ontology, ontology, kBadThreatCode, 309, 2, "a line of the threat codes is malformed")                       \
    X(Ontology, ontology, kNoIntentCodes, 310, 2, "the intent codes cannot be opened")                             \
    X(Ontology, ontology, kBadIntentCode, 311, 2, "a line of the intent codes is malformed")                       \
    X(Ontology, ontology, kNoRefusalCodes, 312, 2, "the refusal codes cannot be opened")                           \
    X(Ontology, ontology, kBadRefusalCode, 313, 2, "a line of the refusal codes is malformed")                     \
    X(Ontology, ontology, kNoCessationCodes, 314, 2, "the cessation codes cannot be opened")                       \
    X(Ontology, ontology, kBadCessationCode, 315, 2, "a line of the cessation codes is malformed")                 \
    X(Rdf, rdf, kWorldFailed, 1, 1, "librdf could not start")                                                      \
    X(Rdf, rdf, kStorageFailed, 2, 1, "librdf could not create a storage")                                         \
    X(Rdf, rdf, kModelFailed, 3, 1, "librdf could not create a model")                                             \
    X(Rdf, rdf, kParserFailed, 4, 1, "librdf has no parser for a syntax")                                          \
    X(Rdf, rdf, kSerializerFailed, 5, 1, "librdf has no serializer for a syntax")                                  \
    X(Rdf, rdf, kNodeFailed, 6, 1, "librdf could not make a node (a malformed IRI or literal)")                    \
    X(Rdf, rdf, kStatementFailed, 7, 1, "librdf could not make or add a statement")                                \
    X(Rdf, rdf, kStreamFailed, 8, 1, "librdf returned no stream or iterator")                                      \
    X(Rdf, rdf, kParseError, 10, 1, "an RDF file or text is not valid in its syntax")                              \
    X(Rdf, rdf, kSerializeError, 11, 1, "RDF could not be serialized")                                             \
    X(Rdf, rdf, kQueryError, 12, 1, "a SPARQL query is not valid or the engine failed")                            \
    X(Rdf, rdf, kStoreFailed, 13, 1, "librdf's on-disk store cannot be opened or written")                         \
    X(Store, store, kNoStore, 1, 1, "no newskg store in the directory")                                            \
    X(Store, store, kLocked, 2, 1, "the store is in use by another newskg process")                                \
    X(Store, store, kIo, 3, 1, "the store's files cannot be created, locked, synced or written")                   \
    X(Store, store, kQuery, 4, 1, "a query failed (including a DESCRIBE that names nothing to describe)")          \
    X(Store, store, kUnsupported, 5, 1, "a file the store cannot load (not RDF, a graph name not an IRI)")         \
    X(Store, store, kJournalFailed, 6, 1, "the store's journal cannot be read or replayed")                        \
    X(Store, store, kDamaged, 7, 1, "the store is damaged (a generation's files are missing, unreadable, not "    \
                                    "those written, or hold a damaged page)")                                      \
    X(Store, store, kNotCommitted, 8, 1, "a write failed, so nothing of the run was committed")                     \
    X(Store, store, kRefused, 9, 1, "a SPARQL construct refused before running (SERVICE, FROM, VALUES, MINUS, "   \
                                    "EXISTS, sub-queries)")                                                        \
    X(Store, store, kUpdate, 10, 1, "a SPARQL update, refused: the store changes through load and unload")        \
    X(Store, store, kChanged, 11, 1, "with --no-replace: the store holds a different version of an article")      \
    X(Store, store, kDamagedInQuery, 12, 1, "the store's files changed or showed a damaged page while a query "  \
                                            "read them: the answer is incomplete")                                 \
    X(Remote, remote, kUnreachable, 101, 1, "push: no connection to the server")                                   \
    X(Remote, remote, kTimeout, 102, 1, "push: no complete answer in time")                                        \
    X(Remote, remote, kAuthRefused, 103, 1, "push: the server refused the login (401, 403)")                       \
    X(Remote, remote, kNotFound, 104, 1, "push: the endpoint URL is wrong (404)")                                  \
    X(Remote, remote, kRejected, 105, 1, "push: the server refused the request (another 4xx)")                     \
    X(Remote, remote, kServerError, 106, 1, "push: 5xx or 429 after every retry")                                  \
    X(Remote, remote, kBadAnswer, 107, 1, "push: a 2xx answer that is not what was asked for")                     \
    X(Render, render, kContextFailed, 1, 1, "Graphviz could not start")                                            \
    X(Render, render, kDotSyntax, 2, 1, "Graphviz cannot read the DOT")                                            \
    X(Render, render, kLayoutFailed, 3, 1, "Graphviz could not lay the graph out")                                 \
    X(Render, render, kRenderFailed, 4, 1, "Graphviz could not render the picture (or wrote no SVG)")              \
    X(Syntax, syntax, kModelUnreadable, 101, 2, "a model file (syntax or name recogniser) cannot be opened")       \
    X(Syntax, syntax, kModelCorrupt, 102, 2, "a model file is not a newskg model, or is truncated or inconsistent") \
    X(Syntax, syntax, kModelVersion, 103, 2, "a model file of another format version")                             \
    X(Actor, actor, kNotFound, 701, 1, "path: no actor of that name in the graph")                                 \
    X(Actor, actor, kAmbiguous, 702, 1, "path: a name that fits several actors")

#define NEWSKG_DECLARE_ERROR_ID(family, ns, constant, code, exit, meaning)                                          \
    namespace ns {                                                                                                   \
    inline constexpr Id<Family::family> constant{code};                                                              \
    }
NEWSKG_ERROR_IDS(NEWSKG_DECLARE_ERROR_ID)
#undef NEWSKG_DECLARE_ERROR_ID

/// One line of the catalogue.
struct CatalogueEntry {
    Family family;
    int code;
    int exit_status;
    std::string_view meaning;
};

#define NEWSKG_CATALOGUE_ENTRY(family, ns, constant, code, exit, meaning) {Family::family, code, exit, meaning},
/// Every id, in the order declared above.
inline constexpr CatalogueEntry kCatalogue[] = {NEWSKG_ERROR_IDS(NEWSKG_CATALOGUE_ENTRY)};
#undef NEWSKG_CATALOGUE_ENTRY

} // namespace newskg::ids
