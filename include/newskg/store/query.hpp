#pragma once
/// Writing SPARQL query results: an aligned table for people, and the W3C SPARQL 1.1
/// Query Results formats (CSV, TSV, JSON) for programs. Graph results (CONSTRUCT,
/// DESCRIBE) are written as N-Triples in every format.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/store/store.hpp"

namespace newskg {

enum class ResultFormat { Table, Csv, Tsv, Json };

/// "table", "csv", "tsv" or "json"; nullopt otherwise.
std::optional<ResultFormat> parse_result_format(const std::string& name);

/// The result in that format. Table: IRIs shortened with the prefixes newskg exports
/// (nkg:, country:, schema: …), literals as their text, a row count at the end.
std::string format_result(const QueryResult& result, ResultFormat format);

/// Writes results as they come, so a result of a million rows never sits in memory
/// (CSV, TSV, JSON; the table, whose columns are aligned, keeps its rows until end()).
/// Bindings: begin(variables), row() for each row, end(); or write() a whole result.
class ResultWriter {
  public:
    ResultWriter(std::ostream& out, ResultFormat format);
    void begin(const std::vector<std::string>& variables);
    void row(std::vector<std::optional<Term>>&& row);
    void end();
    /// A whole result: bindings as above, a boolean, or a graph (N-Triples).
    void write(const QueryResult& result);

  private:
    std::ostream& out_;
    ResultFormat format_;
    std::vector<std::string> variables_;
    std::size_t rows_ = 0;
    QueryResult kept_; ///< the table's rows
};

/// `iri` as prefix:local when it starts with a namespace newskg's exports declare,
/// else <iri>.
std::string shorten_iri(const std::string& iri);

/// The SPARQL PREFIX declarations of those namespaces, which `newskg query` puts before
/// a query that does not declare them itself.
std::string sparql_prefixes();

/// `text` with every control character (C0 but tab, DEL, and C1) written as an escape
/// (\x1b, \u009b), so that text from elsewhere (a server's reply, a store's literals)
/// cannot move the cursor, recolour or retitle the terminal it is printed on. With
/// `keep_tabs` false a tab is escaped too.
std::string escape_controls(std::string_view text, bool keep_tabs = true);

/// Refuses, before anything runs, the SPARQL the embedded engine (Rasqal 0.9) must not
/// run or answers wrongly, each with a message that says why and what to write
/// instead (ids newskg.store.9 for a refused construct, newskg.store.10 for an
/// update). Refused: SERVICE (a query never reaches the network), FROM and FROM NAMED
/// (ignored by the engine: the answer would not be from those graphs), updates, VALUES
/// (rows lost or a failure), sub-queries (rows mispaired under FILTER), MINUS and
/// (NOT) EXISTS (which it cannot run). Keywords inside strings, IRIs and comments do
/// not count. `store_dir` is named in the messages.
void check_sparql(const std::string& sparql, const std::string& store_dir);

/// A DESCRIBE query taken apart: `prologue` (PREFIX/BASE declarations), the resources
/// asked for (`constants`: IRIs or prefixed names as written; `variables`: names
/// without '?'), and `where` (the WHERE clause and solution modifiers, possibly empty).
struct DescribeQuery {
    std::string prologue;
    std::vector<std::string> constants;
    std::vector<std::string> variables;
    std::string where;
};
/// The parts of a DESCRIBE query; nullopt for any other query form.
std::optional<DescribeQuery> parse_describe(const std::string& sparql);

} // namespace newskg
