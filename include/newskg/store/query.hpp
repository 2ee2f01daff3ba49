#pragma once
/// Writing SPARQL query results: an aligned table for people, and the W3C SPARQL 1.1
/// Query Results formats (CSV, TSV, JSON) for programs. Graph results (CONSTRUCT,
/// DESCRIBE) are written as N-Triples in every format.
#include <string>

#include "newskg/store/store.hpp"

namespace newskg {

enum class ResultFormat { Table, Csv, Tsv, Json };

/// "table", "csv", "tsv" or "json"; nullopt otherwise.
std::optional<ResultFormat> parse_result_format(const std::string& name);

/// The result in that format. Table: IRIs shortened with the prefixes newskg exports
/// (nkg:, country:, schema: …), literals as their text, a row count at the end.
std::string format_result(const QueryResult& result, ResultFormat format);

/// `iri` as prefix:local when it starts with a namespace newskg's exports declare,
/// else <iri>.
std::string shorten_iri(const std::string& iri);

/// The SPARQL PREFIX declarations of those namespaces, which `newskg query` puts before
/// a query that does not declare them itself.
std::string sparql_prefixes();

} // namespace newskg
