/**
 * Benchmark for the ICD-10-SE diagnosis search (server/domain/diagnoses).
 * Run: npx tsx scripts/bench-diagnosis-search.ts [repetitions]
 * Prints timings only; asserts nothing.
 */
import { cpus } from 'node:os';
import { parseIcd10Tsv, searchDiagnoses } from '../server/domain/diagnoses/icd10-index';
import { ICD10_TSV_PATH, readIcd10TsvFromDisk } from '../server/domain/diagnoses/load-icd10-node';

const QUERIES: readonly string[] = [
  'J06', // code prefix
  'j06.9', // exact code, lower case with dot
  'F43.8A', // Swedish fifth-character code
  'F4', // short code prefix (hundreds of codes)
  'V01', // external-cause category with five-character children
  'utmattning', // whole word
  'hjartsvikt', // without diacritics
  'HJÄRTSVIKT', // upper case with Swedish letters
  'öron', // Swedish letter first
  'depr', // partial word
  'ryggv', // partial word, title start
  'typ 2 diabetes', // several words
  'akut luftv', // several words, the last one partial
  'fraktur', // word with hundreds of matches
  'a', // one letter: the largest candidate set
  's', // one letter
  'xyzzy', // no match
];

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, position)] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

async function main(): Promise<void> {
  const repetitions = Number(process.argv[2] ?? '1000');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Node ${process.version}, ${cpus().length} × ${cpu}`);
  console.log(`Data: ${ICD10_TSV_PATH}`);

  const readStart = performance.now();
  const text = await readIcd10TsvFromDisk();
  console.log(`Read file: ${ms(performance.now() - readStart)} (${text.length} characters)`);

  const buildTimes: number[] = [];
  let index = parseIcd10Tsv(text);
  buildTimes.push(performance.now() - readStart);
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    index = parseIcd10Tsv(text);
    buildTimes.push(performance.now() - start);
  }
  const firstBuild = buildTimes[0] ?? Number.NaN;
  const laterBuilds = buildTimes.slice(1).sort((a, b) => a - b);
  console.log(
    `Index build: first (cold, incl. read) ${ms(firstBuild)}, ` +
      `later median ${ms(percentile(laterBuilds, 0.5))} (${index.size} codes, ` +
      `${index.vocabulary.length} distinct title words)`,
  );

  console.log(`\nPer query: first call, then median / p95 / max over ${repetitions} calls`);
  console.log(
    `${'query'.padEnd(16)} ${'hits'.padStart(4)}  ${'first'.padStart(9)}  ${'median'.padStart(9)}  ` +
      `${'p95'.padStart(9)}  ${'max'.padStart(9)}  top result`,
  );
  const all: number[] = [];
  for (const query of QUERIES) {
    const firstStart = performance.now();
    const results = searchDiagnoses(index, query);
    const first = performance.now() - firstStart;
    for (let warm = 0; warm < 20; warm += 1) searchDiagnoses(index, query);
    const times: number[] = [];
    for (let run = 0; run < repetitions; run += 1) {
      const start = performance.now();
      searchDiagnoses(index, query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const top = results[0];
    console.log(
      `${JSON.stringify(query).padEnd(16)} ${String(results.length).padStart(4)}  ` +
        `${ms(first).padStart(9)}  ${ms(percentile(times, 0.5)).padStart(9)}  ` +
        `${ms(percentile(times, 0.95)).padStart(9)}  ${ms(percentile(times, 1)).padStart(9)}  ` +
        (top === undefined ? '-' : `${top.code} ${top.title}`),
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `\nOverall (${all.length} calls): median ${ms(percentile(all, 0.5))}, ` +
      `p95 ${ms(percentile(all, 0.95))}, p99 ${ms(percentile(all, 0.99))}, ` +
      `max ${ms(percentile(all, 1))}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
