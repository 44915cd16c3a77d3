// Node-only (node:fs): for tests, scripts and the Node server. Do not import from browser code.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Icd10Index } from './icd10-index';
import { loadIcd10Index } from './load-icd10';

/** Absolute path of `public/data/icd10se.tsv`, resolved from this file's location in the repo. */
export const ICD10_TSV_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../public/data/icd10se.tsv',
);

/** Reads the list from disk. */
export function readIcd10TsvFromDisk(): Promise<string> {
  return readFile(ICD10_TSV_PATH, 'utf8');
}

/** The memoised index (see `loadIcd10Index`), loaded from `public/data/icd10se.tsv`. */
export function loadIcd10IndexFromDisk(): Promise<Icd10Index> {
  return loadIcd10Index(readIcd10TsvFromDisk);
}

/** The memoised index loaded from a list at `path` (the Node server: the build's copy). */
export function loadIcd10IndexFromFile(path: string): Promise<Icd10Index> {
  return loadIcd10Index(() => readFile(path, 'utf8'));
}
