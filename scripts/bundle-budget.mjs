// Prints the gzip size of the JavaScript a first visit loads, and fails above the budget.
// A first visit to the start page loads the entry chunk, its static imports, and the
// start page's route chunk with its imports. The embedded backend (MSW and the store) is
// loaded lazily and counted separately. Run after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

function staticClosure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    staticClosure(chunk.imports ?? [], seen);
  }
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest');
const startRouteKey = 'src/app/routes/login.tsx';
const mockKey = 'mocks/browser.ts';
for (const key of [startRouteKey, mockKey]) {
  if (!manifest[key])
    throw new Error(`${key} is not a chunk of its own: it must stay lazily loaded`);
}

const initial = staticClosure([entryKey, startRouteKey]);
if (initial.has(mockKey))
  throw new Error('the mock backend is in the first-visit JS: it must be imported lazily');
const mock = [...staticClosure([mockKey])].filter((key) => !initial.has(key));

const rows = (keys) =>
  keys.map((key) => ({ file: manifest[key].file, kb: gzipKb(manifest[key].file) }));
const sum = (list) => list.reduce((total, row) => total + row.kb, 0);

const initialRows = rows([...initial]).sort((a, b) => b.kb - a.kb);
const mockRows = rows(mock).sort((a, b) => b.kb - a.kb);
const allJs = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js'));
const totalAll = allJs.reduce((total, chunk) => total + gzipKb(chunk.file), 0);

console.log('First visit (entry + start page), gzip:');
for (const row of initialRows) console.log(`  ${row.kb.toFixed(1).padStart(7)} kB  ${row.file}`);
const initialKb = sum(initialRows);
console.log(`  ${initialKb.toFixed(1).padStart(7)} kB  total (budget ${BUDGET_KB} kB)`);
console.log(
  `Embedded backend, loaded lazily, gzip: ${sum(mockRows).toFixed(1)} kB in ${mockRows.length} chunk(s)`,
);
console.log(`All JS chunks together, gzip: ${totalAll.toFixed(1)} kB in ${allJs.length} chunks`);

if (initialKb > BUDGET_KB) {
  console.error(`Bundle budget exceeded: ${initialKb.toFixed(1)} kB > ${BUDGET_KB} kB`);
  process.exit(1);
}
