/**
 * Benchmark for the diagnosis search (server/domain/diagnoses): the time to build the code
 * list and the search's index, and the time per query over the relevance set, every prefix of
 * its queries (what the field searches while a physician types) and a few code queries.
 * Run: npm run bench:diagnosis-search [-- repetitions]   (default 50 per query)
 * Prints figures only; asserts nothing. The target is at most 10 ms per query.
 */
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchDiagnoses } from '../server/domain/diagnoses/diagnosis-search';
import { diagnosisData } from '../server/domain/diagnoses/load-icd10';
import { ICD10_TSV_PATH, SYNONYMS_TSV_PATH } from '../server/domain/diagnoses/load-icd10-node';
import { RELEVANCE_SET } from '../server/domain/diagnoses/relevance-set';
import { parseFmb } from '../server/domain/fmb/fmb-index';

/** FMB's files, read from disk (the product imports them through Vite, which tsx cannot). */
const FMB_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../server/domain/fmb/data');

const CODE_QUERIES: readonly string[] = ['J06', 'j06.9', 'F43.8A', 'F4', 'V01', 'f43 utmattning'];

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, position)] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

/** Every prefix of every query, 1 character and up, once each. */
function prefixesOf(queries: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const query of queries) {
    for (let length = 1; length < query.length; length += 1) {
      const prefix = query.slice(0, length);
      if (prefix.trim() !== '') prefixes.add(prefix);
    }
  }
  return [...prefixes];
}

async function main(): Promise<void> {
  const repetitions = Number(process.argv[2] ?? '50');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Node ${process.version}, ${String(cpus().length)} × ${cpu}`);

  const start = performance.now();
  const data = diagnosisData(
    {
      codeList: () => readFile(ICD10_TSV_PATH, 'utf8'),
      synonyms: () => readFile(SYNONYMS_TSV_PATH, 'utf8'),
    },
    async () =>
      parseFmb(
        await readFile(resolve(FMB_DATA, 'fmb-typfall.tsv'), 'utf8'),
        await readFile(resolve(FMB_DATA, 'fmb-diagnoses.tsv'), 'utf8'),
      ),
  );
  const codeList = await data.codeList();
  const listBuilt = performance.now();
  const index = await data.search();
  const indexBuilt = performance.now();
  console.log(
    `Code list: ${ms(listBuilt - start)} (read and parse, ${String(codeList.size)} codes); ` +
      `search index: ${ms(indexBuilt - listBuilt)} (read the synonyms and FMB, build: ` +
      `${String(index.aliases.length)} other names, ${String(index.vocabulary.length)} words)`,
  );

  const groups: readonly { name: string; queries: readonly string[] }[] = [
    { name: 'relevance set', queries: RELEVANCE_SET.map((relevanceCase) => relevanceCase.query) },
    { name: 'their prefixes', queries: prefixesOf(RELEVANCE_SET.map(({ query }) => query)) },
    { name: 'code queries', queries: CODE_QUERIES },
  ];
  const all: number[] = [];
  const slowest: { query: string; median: number }[] = [];
  console.log(
    `\nPer query: median and p95 of the per-query medians over ${String(repetitions)} runs`,
  );
  for (const { name, queries } of groups) {
    const medians: number[] = [];
    for (const query of queries) {
      for (let warm = 0; warm < 5; warm += 1) searchDiagnoses(index, query);
      const times: number[] = [];
      for (let run = 0; run < repetitions; run += 1) {
        const runStart = performance.now();
        searchDiagnoses(index, query);
        times.push(performance.now() - runStart);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      const median = percentile(times, 0.5);
      medians.push(median);
      slowest.push({ query, median });
    }
    medians.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(16)} ${String(queries.length).padStart(4)} queries: ` +
        `median ${ms(percentile(medians, 0.5))}, p95 ${ms(percentile(medians, 0.95))}, ` +
        `max ${ms(percentile(medians, 1))}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `\nEvery call (${String(all.length)}): median ${ms(percentile(all, 0.5))}, ` +
      `p95 ${ms(percentile(all, 0.95))}, p99 ${ms(percentile(all, 0.99))}, max ${ms(percentile(all, 1))}`,
  );
  slowest.sort((a, b) => b.median - a.median);
  console.log('\nSlowest queries (median):');
  for (const { query, median } of slowest.slice(0, 5)) {
    const top = searchDiagnoses(index, query)[0];
    console.log(
      `  ${JSON.stringify(query).padEnd(24)} ${ms(median).padStart(10)}  ` +
        (top === undefined ? '-' : `${top.code} ${top.title}`),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
