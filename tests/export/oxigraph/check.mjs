// Oxigraph (the Rust RDF store, as WebAssembly from npm) reading newskg's exports, for
// the tests in tests/export/test_oxigraph.cpp:
//
//   node check.mjs count FILE...      one line per file: NAME QUADS TRIPLES GRAPHS
//   node check.mjs query FILE QUERY   SPARQL results (JSON) of QUERY (a file) over FILE
//
// The syntax follows the extension (.ttl .nt .nq .trig .rdf .jsonld). QUADS counts
// statements with their graph, TRIPLES the distinct triples whatever graph they are in
// (what a triple-only reader such as rapper sees), GRAPHS the named graphs. Exit status
// 0, or 2 with the reason on stderr when a file cannot be read or parsed.
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import oxigraph from "oxigraph";

const formats = {
  ".ttl": "text/turtle",
  ".nt": "application/n-triples",
  ".nq": "application/n-quads",
  ".trig": "application/trig",
  ".rdf": "application/rdf+xml",
  ".jsonld": "application/ld+json",
};

function load(file) {
  const format = formats[extname(file)];
  if (!format) throw new Error(`${file}: unknown RDF syntax (extension ${extname(file) || "none"})`);
  const store = new oxigraph.Store();
  try {
    store.load(readFileSync(file, "utf8"), { format });
  } catch (e) {
    throw new Error(`${file}: ${e.message ?? e}`);
  }
  return store;
}

function count(file) {
  const store = load(file);
  const triples = new Set();
  const graphs = new Set();
  for (const q of store.match()) {
    // Terms' N-Triples forms keep IRIs, blank nodes and literals (with datatype or
    // language) apart.
    triples.add(`${q.subject} ${q.predicate} ${q.object}`);
    if (q.graph.termType !== "DefaultGraph") graphs.add(q.graph.value);
  }
  return `${basename(file)} ${store.size} ${triples.size} ${graphs.size}`;
}

try {
  const [command, ...args] = process.argv.slice(2);
  if (command === "count" && args.length > 0) {
    for (const file of args) console.log(count(file));
  } else if (command === "query" && args.length === 2) {
    const store = load(args[0]);
    const query = readFileSync(args[1], "utf8");
    console.log(store.query(query, { results_format: "application/sparql-results+json" }));
  } else {
    console.error("usage: node check.mjs count FILE... | query FILE QUERY");
    process.exit(2);
  }
} catch (e) {
  console.error(`oxigraph: ${e.message ?? e}`);
  process.exit(2);
}
