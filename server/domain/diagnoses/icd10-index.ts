/**
 * The ICD-10-SE code list (Socialstyrelsen; see public/data/README.md): every code with its
 * official Swedish title, for the look-up, the checks at signing and the search
 * (`./diagnosis-search.ts` builds its index on top of this one). `parseIcd10Tsv` builds it
 * once; never modify it.
 */

import { diagnosisTextKey, type DiagnosisTitles } from '../../../src/form-engine';

export interface Diagnosis {
  readonly code: string;
  readonly title: string;
}

export interface Icd10Index {
  /** Entries sorted by code (plain string order, which is also hierarchical order). */
  readonly entries: readonly Diagnosis[];
  readonly size: number;
  /** Codes in entry order, for binary search by prefix. */
  readonly codes: readonly string[];
  readonly idByCode: ReadonlyMap<string, number>;
}

const CODE_PATTERN = /^[A-Z][0-9]{2}[0-9A-Z]{0,2}$/;

/**
 * Normalises a code as typed by a user to the source form: trimmed, upper case,
 * without dots and whitespace ("f43.8a" → "F438A", "J06.9" → "J069").
 * The result is not validated; use `isKnownCode` for that.
 */
export function normalizeDiagnosisCode(code: string): string {
  return code.replace(/[.\s]+/g, '').toUpperCase();
}

/** Formats a source code with the conventional dot after the category: "J069" → "J06.9". */
export function formatDiagnosisCode(code: string): string {
  const normalized = normalizeDiagnosisCode(code);
  return normalized.length > 3 ? `${normalized.slice(0, 3)}.${normalized.slice(3)}` : normalized;
}

/**
 * Parses the `code<TAB>title` list (header row `code<TAB>title` optional,
 * UTF-8 BOM, CRLF and blank lines tolerated) and builds the index.
 * Throws on a malformed row, an invalid code or a duplicate code.
 */
export function parseIcd10Tsv(text: string): Icd10Index {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: Diagnosis[] = [];

  for (let lineIndex = 0; lineIndex < lines.length; lineIndex += 1) {
    const line = lines[lineIndex] ?? '';
    if (line.trim() === '') continue;
    const lineNumber = lineIndex + 1;
    const tab = line.indexOf('\t');
    const rawCode = tab === -1 ? line : line.slice(0, tab);
    if (lineIndex === 0 && rawCode.trim().toLowerCase() === 'code') continue;
    if (tab === -1 || line.indexOf('\t', tab + 1) !== -1) {
      throw new Error(
        `ICD-10-SE list, line ${lineNumber}: expected 2 tab-separated fields: "${line}"`,
      );
    }
    const code = rawCode.trim();
    let title = line.slice(tab + 1).trim();
    if (title.includes('  ')) title = title.replace(/\s+/g, ' ');
    if (!CODE_PATTERN.test(code)) {
      throw new Error(`ICD-10-SE list, line ${lineNumber}: invalid code "${code}"`);
    }
    if (title === '') {
      throw new Error(`ICD-10-SE list, line ${lineNumber}: empty title for ${code}`);
    }
    rows.push({ code, title });
  }

  if (rows.length === 0) throw new Error('ICD-10-SE list: no rows');
  return buildIndex(rows);
}

function isSortedByCode(rows: readonly Diagnosis[]): boolean {
  for (let i = 1; i < rows.length; i += 1) {
    const previous = rows[i - 1];
    const current = rows[i];
    if (previous === undefined || current === undefined || previous.code >= current.code) {
      return false;
    }
  }
  return true;
}

function sortByCode(rows: Diagnosis[]): Diagnosis[] {
  if (isSortedByCode(rows)) return rows;
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    const code = sorted[i]?.code;
    if (code === sorted[i - 1]?.code) throw new Error(`ICD-10-SE list: duplicate code ${code}`);
  }
  return sorted;
}

function buildIndex(rows: Diagnosis[]): Icd10Index {
  const entries = sortByCode(rows);
  const codes = entries.map((entry) => entry.code);
  const idByCode = new Map(codes.map((code, id) => [code, id]));
  return { entries, size: entries.length, codes, idByCode };
}

/** True if the code (any case, dots and spaces ignored) is in the list: "f43.8a" → true. */
export function isKnownCode(index: Icd10Index, code: string): boolean {
  return index.idByCode.has(normalizeDiagnosisCode(code));
}

/** The Swedish title of a code (any case, dots and spaces ignored), or undefined if unknown. */
export function getTitle(index: Icd10Index, code: string): string | undefined {
  const id = index.idByCode.get(normalizeDiagnosisCode(code));
  return id === undefined ? undefined : index.entries[id]?.title;
}

const codesByTitle = new WeakMap<Icd10Index, ReadonlyMap<string, readonly string[]>>();

/**
 * The code list as the engine's `DiagnosisTitles`: a code's official title, and the codes
 * whose title a text is (the title map is built once per index, on first use).
 */
export function diagnosisTitlesOf(index: Icd10Index): DiagnosisTitles {
  const byTitle = (): ReadonlyMap<string, readonly string[]> => {
    let built = codesByTitle.get(index);
    if (built === undefined) {
      const map = new Map<string, string[]>();
      for (const entry of index.entries) {
        const key = diagnosisTextKey(entry.title);
        const codes = map.get(key);
        if (codes === undefined) map.set(key, [entry.code]);
        else codes.push(entry.code);
      }
      built = map;
      codesByTitle.set(index, built);
    }
    return built;
  };
  return {
    titleOf: (code) => getTitle(index, code),
    codesTitled: (text) => byTitle().get(diagnosisTextKey(text)) ?? [],
  };
}

/** What the backend's re-validation knows of the code list: every code and every title. */
export function codeListValidation(index: Icd10Index): {
  isKnownDiagnosisCode: (code: string) => boolean;
  diagnosisTitles: DiagnosisTitles;
} {
  return {
    isKnownDiagnosisCode: (code) => isKnownCode(index, code),
    diagnosisTitles: diagnosisTitlesOf(index),
  };
}
