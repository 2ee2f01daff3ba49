// Oxigraph (the Rust RDF store, as WebAssembly from npm; installed for
// tests/export/oxigraph) answering a SPARQL query over an N-Quads file the way newskg's
// store does: the default graph is the union of all graphs. For
// tests/store/test_query_guard.cpp, which compares newskg query with it.
//
//   node oxigraph_query.mjs OXIGRAPH_DIR FILE.nq QUERY_FILE   SPARQL results JSON
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [dir, file, queryFile] = process.argv.slice(2);
try {
  const oxigraph = createRequire(import.meta.url)(`${dir}/node_modules/oxigraph`);
  const store = new oxigraph.Store();
  store.load(readFileSync(file, "utf8"), { format: "application/n-quads" });
  const query = readFileSync(queryFile, "utf8");
  console.log(store.query(query, { results_format: "application/sparql-results+json", use_default_graph_as_union: true }));
} catch (e) {
  console.error(`oxigraph: ${e.message ?? e}`);
  process.exit(2);
}
