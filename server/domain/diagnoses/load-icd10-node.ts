// Node-only (node:fs): for tests, scripts and the Node server. Do not import from browser code.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Icd10Index } from './icd10-index';
import { diagnosisData, loadIcd10Index, type DiagnosisData } from './load-icd10';

/** The repository's `public/data/`, resolved from this file's location in the repo. */
const PUBLIC_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/data');

/** The static files' names, in `public/data/` and in a build's `data/`. */
export const ICD10_FILE = 'icd10se.tsv';
export const SYNONYMS_FILE = 'ksh97p-synonyms.tsv';

/** Absolute path of `public/data/icd10se.tsv`. */
export const ICD10_TSV_PATH = join(PUBLIC_DATA, ICD10_FILE);
/** Absolute path of `public/data/ksh97p-synonyms.tsv`. */
export const SYNONYMS_TSV_PATH = join(PUBLIC_DATA, SYNONYMS_FILE);

/** Reads the list from disk. */
export function readIcd10TsvFromDisk(): Promise<string> {
  return readFile(ICD10_TSV_PATH, 'utf8');
}

/** The memoised index (see `loadIcd10Index`), loaded from `public/data/icd10se.tsv`. */
export function loadIcd10IndexFromDisk(): Promise<Icd10Index> {
  return loadIcd10Index(readIcd10TsvFromDisk);
}

/** The diagnosis data of the files in a folder (the Node server: the build's `data/`). */
export function diagnosisDataFromFolder(folder: string): DiagnosisData {
  return diagnosisData({
    codeList: () => readFile(join(folder, ICD10_FILE), 'utf8'),
    synonyms: () => readFile(join(folder, SYNONYMS_FILE), 'utf8'),
  });
}

/** The diagnosis data of `public/data/` (tests, scripts). */
export const diagnosisDataFromDisk: DiagnosisData = diagnosisDataFromFolder(PUBLIC_DATA);
