// newskg query: SPARQL over the persistent store, answered as a table or in the W3C
// result formats.
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/store/query.hpp"
#include "newskg/store/store.hpp"

namespace newskg::cli {

namespace {

/// Whether the query declares `PREFIX name:` itself (case-insensitive keyword).
bool declares_prefix(const std::string& query, const std::string& name) {
    std::string lower;
    for (char c : query) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string want = name + ":";
    for (std::size_t pos = lower.find("prefix"); pos != std::string::npos; pos = lower.find("prefix", pos + 6)) {
        std::size_t i = pos + 6;
        while (i < lower.size() && std::isspace(static_cast<unsigned char>(lower[i]))) ++i;
        if (lower.compare(i, want.size(), want) == 0) return true;
    }
    return false;
}

/// The known prefixes the query does not declare, on one line before it (so line
/// numbers in Rasqal's messages stay those of the query).
std::string with_prefixes(const std::string& query) {
    std::string decl;
    std::istringstream in(sparql_prefixes());
    std::string kw, name, iri;
    while (in >> kw >> name >> iri) {
        if (!declares_prefix(query, name.substr(0, name.size() - 1))) decl += kw + " " + name + " " + iri + " ";
    }
    return decl + query;
}

int run_query(const Args& args) {
    const auto format = parse_result_format(*args.value("--format"));
    if (!format) throw std::logic_error("query --format offers a format parse_result_format does not know");

    std::string sparql;
    if (auto file = args.value("--file")) {
        if (!args.positionals().empty()) throw usage_error("give the query as an argument or with --file, not both");
        std::stringstream ss;
        if (*file == "-") {
            ss << std::cin.rdbuf();
        } else {
            std::ifstream in(*file, std::ios::binary);
            if (!in) throw input_error(ids::input::kUnreadable, *file, "cannot open the query file");
            ss << in.rdbuf();
        }
        sparql = ss.str();
    } else {
        if (args.positionals().size() != 1)
            throw usage_error("give one SPARQL query (quote it) or --file QUERY.rq");
        sparql = args.positionals().front();
    }

    TripleStore store = TripleStore::open(args.value("--store").value_or(TripleStore::default_dir()),
                                          TripleStore::Mode::Read);
    // Rows are written as the engine reads them: a large result is never held whole.
    std::ostream& out = std::cout;
    ResultWriter writer(out, *format);
    bool streamed = false;
    const QueryResult result = store.query(
        with_prefixes(sparql),
        [&](const std::vector<std::string>& variables) {
            streamed = true;
            writer.begin(variables);
        },
        [&](std::vector<std::optional<Term>>&& row) { writer.row(std::move(row)); });
    if (streamed) writer.end();
    else writer.write(result);
    if (!out) throw output_error(ids::output::kStdout, "<stdout>", "cannot write to standard output");
    return 0;
}

} // namespace

Command query_command() {
    using K = OptionKind;
    CommandSpec spec{
        "query",
        "answer a SPARQL query from the store (table, CSV, TSV, JSON)",
        "newskg query [OPTIONS] ('SPARQL' | --file QUERY.rq)",
        R"(Answers a SPARQL 1.1 query from the RDF store that `newskg load` (or `newskg extract
--store`) filled. The prefixes of newskg's exports are declared for you unless the
query declares them: rdf rdfs xsd skos prov schema nkg cameo country org loc kg.
Named graphs: each article's evidence is in the graph named by its IRI
(GRAPH ?article { ... }); actors and relations are in the default graph.

DESCRIBE answers every triple whose subject is the resource (DESCRIBE country:RW, or
DESCRIBE ?x WHERE { ... } for each resource ?x is bound to).

The query is answered from the store alone and read only. Refused, with a message,
before anything runs: SERVICE (a query never reaches the network), FROM and FROM NAMED
(use GRAPH <IRI> { ... }), updates (INSERT, DELETE, LOAD, CLEAR ...: change the store
with newskg load and newskg unload), and what the embedded engine (Rasqal) answers
wrongly or cannot run: VALUES (write FILTER(?x IN (...)) or UNION), sub-queries (a
SELECT inside the query), MINUS and (NOT) EXISTS (write OPTIONAL with FILTER(BOUND)).
Property paths (nkg:partOf+) are not supported by the engine either.

)",
        {{"Options",
          "",
          {shared_option("--store"),
           {"--format", K::Choice, "F",
            "table: aligned columns, IRIs shortened; csv or tsv: W3C SPARQL 1.1 Query Results CSV and TSV; json: "
            "W3C SPARQL 1.1 Query Results JSON. CONSTRUCT and DESCRIBE print N-Triples. csv, tsv and json are "
            "written row by row: use them for large results",
            "table", {"table", "csv", "tsv", "json"}},
           {"--file", K::Text, "PATH", "read the query from PATH (- for standard input)", "", {}}}}},
        R"(Examples:
  newskg query 'SELECT ?who ?whom WHERE { ?who nkg:accused ?whom }'
  newskg query 'SELECT ?who ?rel ?whom ?date WHERE { ?r nkg:subject ?who ; nkg:predicate ?rel ; nkg:object ?whom ; nkg:date ?date }'

Exit status: 0 success; 1 no store, a damaged store, a SPARQL error or a refused
query; 2 wrong usage.
)",
        {}};
    return {spec, run_query};
}

} // namespace newskg::cli
