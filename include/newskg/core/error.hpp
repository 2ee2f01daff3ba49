#pragma once
/// One exception hierarchy for newskg. Every message starts with a stable id in
/// brackets ("[newskg.input.101]") so scripts and tests can match on it, and names the
/// file it concerns where there is one. The ids are those of the catalogue in
/// newskg/core/error_ids.hpp.
#include <cstddef>
#include <stdexcept>
#include <string>

#include "newskg/core/error_ids.hpp"

namespace newskg {

class error : public std::runtime_error {
  public:
    error(std::string id, const std::string& what_arg)
        : std::runtime_error("[" + id + "] " + what_arg), id_(std::move(id)) {}
    /// The stable id, e.g. "newskg.input.101".
    const std::string& id() const noexcept { return id_; }

  private:
    std::string id_;
};

/// A file cannot be read, or its content is not an article (binary, not UTF-8, too large).
class input_error : public error {
  public:
    input_error(ids::Id<ids::Family::Input> id, const std::string& path, const std::string& problem)
        : error(ids::text(id), path + ": " + problem), path_(path) {}
    const std::string& path() const noexcept { return path_; }

  private:
    std::string path_;
};

/// A syntax error in a structured input (JSON Lines, RDF, gold files) with its position.
class parse_error : public error {
  public:
    parse_error(ids::Id<ids::Family::Parse> id, const std::string& path, std::size_t line, const std::string& problem)
        : error(ids::text(id), path + (line ? ":" + std::to_string(line) : std::string()) + ": " + problem),
          path_(path), line_(line) {}
    const std::string& path() const noexcept { return path_; }
    /// 1-based line, 0 when unknown.
    std::size_t line() const noexcept { return line_; }

  private:
    std::string path_;
    std::size_t line_;
};

/// The ontology, gazetteer or lexicon under ontology/ is missing or inconsistent.
class ontology_error : public error {
  public:
    ontology_error(ids::Id<ids::Family::Ontology> id, const std::string& what_arg) : error(ids::text(id), what_arg) {}
};

/// librdf refused something (world, storage, parser, serializer).
class rdf_error : public error {
  public:
    rdf_error(ids::Id<ids::Family::Rdf> id, const std::string& what_arg) : error(ids::text(id), what_arg) {}
};

/// Writing an output failed (disk full, unwritable path).
class output_error : public error {
  public:
    output_error(ids::Id<ids::Family::Output> id, const std::string& path, const std::string& problem)
        : error(ids::text(id), path + ": " + problem) {}
};

/// Wrong command-line use.
class usage_error : public error {
  public:
    explicit usage_error(const std::string& what_arg) : error(ids::text(ids::usage::kUsage), what_arg) {}
};

} // namespace newskg
