// SHACL validation of an RDF file against a shapes file, for newskg's tests.
//
//   node validate.mjs SHAPES.ttl DATA.(ttl|nt|nq|trig)
//
// Prints one line per validation result ("severity focus-node path: message") and a
// last line "conforms: true|false (N results)". Exit status: 0 conforms, 1 does not,
// 2 a file cannot be read or parsed. A dataset (N-Quads, TriG) is validated as the
// union of its graphs, which is what newskg's dataset exports promise to equal.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

// N3.js picks its grammar from a media type; the extension says which.
const FORMATS = {
  '.ttl': 'text/turtle',
  '.nt': 'application/n-triples',
  '.nq': 'application/n-quads',
  '.trig': 'application/trig',
};

async function load(file) {
  const format = FORMATS[path.extname(file)];
  if (!format) throw new Error(`${file}: unknown RDF syntax (expected ${Object.keys(FORMATS).join(', ')})`);
  const text = await readFile(file, 'utf8');
  const store = new N3.Store();
  // A named graph becomes the default graph here: SHACL validates one data graph.
  for (const q of new N3.Parser({ format }).parse(text))
    store.addQuad(q.subject, q.predicate, q.object);
  return store;
}

function show(term) {
  if (!term) return '-';
  return term.termType === 'Literal' ? JSON.stringify(term.value) : term.value;
}

async function main() {
  const [shapesFile, dataFile] = process.argv.slice(2);
  if (!shapesFile || !dataFile) {
    console.error('usage: node validate.mjs SHAPES DATA');
    return 2;
  }
  let shapes, data;
  try {
    shapes = await load(shapesFile);
    data = await load(dataFile);
  } catch (e) {
    console.error(`validate: ${e.message}`);
    return 2;
  }
  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(data);
  for (const r of report.results) {
    const message = r.message.map((m) => m.value).join('; ');
    const severity = r.severity ? r.severity.value.replace(/.*#/, '') : 'Violation';
    console.log(`${severity} ${show(r.focusNode)} ${show(r.path)}: ${message} [${show(r.sourceConstraintComponent)}]`);
  }
  console.log(`conforms: ${report.conforms} (${report.results.length} results)`);
  return report.conforms ? 0 : 1;
}

process.exitCode = await main();
