/**
 * ICD-10-SE diagnosis-code index and search for the mocked backend.
 *
 * The data is Socialstyrelsen's ICD-10-SE code list (see public/data/README.md).
 * `parseIcd10Tsv` builds the index once; `searchDiagnoses` answers queries by
 * binary search over the sorted codes and over a sorted vocabulary of
 * normalised title words, so it only visits entries that can match.
 */

import { diagnosisTextKey, type DiagnosisTitles } from '../../../src/form-engine';

export interface Diagnosis {
  readonly code: string;
  readonly title: string;
}

export interface DiagnosisSearchResult {
  code: string;
  title: string;
}

/**
 * Search index. Build it with `parseIcd10Tsv` and never modify it; apart from
 * `entries` and `size`, treat the fields as internal to this module.
 */
export interface Icd10Index {
  /** Entries sorted by code (plain string order, which is also hierarchical order). */
  readonly entries: readonly Diagnosis[];
  readonly size: number;
  /** Codes in entry order, for binary search by prefix. */
  readonly codes: readonly string[];
  readonly idByCode: ReadonlyMap<string, number>;
  /**
   * Normalised title words per entry, each followed and preceded by a space
   * (" akut ovre luftvagsinfektion ospecificerad "), so that a word-start match
   * is `includes(" " + word)` and a whole-word match is `includes(" " + word + " ")`.
   */
  readonly searchTexts: readonly string[];
  /** 1 for five-character V/W/X/Y external-cause codes (e.g. V0100), else 0. */
  readonly externalCause: Uint8Array;
  /** Rank of each entry by (title length, code order); unique per entry. */
  readonly titleRank: Int32Array;
  /** Sorted unique normalised words over all titles. */
  readonly vocabulary: readonly string[];
  /** For each vocabulary word, the ascending ids of entries whose title contains it. */
  readonly postings: readonly Int32Array[];
}

const CODE_PATTERN = /^[A-Z][0-9]{2}[0-9A-Z]{0,2}$/;
/** A query (already normalised as a code) that can be a code prefix: a letter, a digit, then up to 3 more. */
const CODE_PREFIX_PATTERN = /^[A-Z][0-9][0-9A-Z]{0,3}$/;
const EXTERNAL_CAUSE_PATTERN = /^[VWXY][0-9]{4}$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^ -~]/g;
const WORD_SEPARATORS = /[^a-z0-9]+/;
/** Letters that NFD does not decompose into a base letter plus a mark. */
const LIGATURES: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss' };
const LIGATURE_PATTERN = /[æøœß]/g;
const DEFAULT_LIMIT = 20;
/** Above this limit, results are chosen by a full sort instead of a bounded insertion. */
const INSERTION_LIMIT = 200;

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

/** Normalised form of each non-ASCII character seen so far (there are only a few dozen). */
const foldedCharacters = new Map<string, string>();

function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = character
      .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter)
      .normalize('NFD')
      .replace(COMBINING_MARKS, '');
    foldedCharacters.set(character, folded);
  }
  return folded;
}

/** Lower case, diacritics removed ("Hjärtsvikt" → "hjartsvikt", "ÖRON" → "oron"). */
export function normalizeSearchText(text: string): string {
  // Composed NFC letters (å) fold to their base letter; combining marks of decomposed input fold to "".
  return text.toLowerCase().replace(NON_ASCII, foldCharacter);
}

function tokenize(text: string): string[] {
  return normalizeSearchText(text)
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0);
}

/**
 * Parses the `code<TAB>title` list (header row `code<TAB>title` optional,
 * UTF-8 BOM, CRLF and blank lines tolerated) and builds the search index.
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

/** Normalised titles. One normalisation pass over all titles is much faster than one per title. */
function normalizeTitles(titles: readonly string[]): string[] {
  const normalized = normalizeSearchText(titles.join('\n')).split('\n');
  return normalized.length === titles.length ? normalized : titles.map(normalizeSearchText);
}

/** Rank of each entry by (title length, entry order), by counting sort. */
function rankByTitleLength(entries: readonly Diagnosis[]): Int32Array {
  let maxLength = 0;
  for (const entry of entries) maxLength = Math.max(maxLength, entry.title.length);
  // nextRank[length]: the rank the next entry with this title length gets.
  const nextRank = new Int32Array(maxLength + 2);
  for (const entry of entries) {
    const slot = entry.title.length + 1;
    nextRank[slot] = (nextRank[slot] ?? 0) + 1;
  }
  for (let length = 1; length < nextRank.length; length += 1) {
    nextRank[length] = (nextRank[length] ?? 0) + (nextRank[length - 1] ?? 0);
  }
  const rank = new Int32Array(entries.length);
  entries.forEach((entry, id) => {
    const length = entry.title.length;
    const next = nextRank[length] ?? 0;
    rank[id] = next;
    nextRank[length] = next + 1;
  });
  return rank;
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
  const size = entries.length;
  const codes = entries.map((entry) => entry.code);
  const normalizedTitles = normalizeTitles(entries.map((entry) => entry.title));
  const idByCode = new Map<string, number>();
  const searchTexts: string[] = [];
  const externalCause = new Uint8Array(size);
  const idsByWord = new Map<string, number[]>();

  for (let id = 0; id < size; id += 1) {
    const code = codes[id] ?? '';
    idByCode.set(code, id);
    externalCause[id] = EXTERNAL_CAUSE_PATTERN.test(code) ? 1 : 0;
    const words: string[] = [];
    for (const word of (normalizedTitles[id] ?? '').split(WORD_SEPARATORS)) {
      if (word === '' || words.includes(word)) continue;
      words.push(word);
      const ids = idsByWord.get(word);
      if (ids === undefined) idsByWord.set(word, [id]);
      else ids.push(id);
    }
    searchTexts.push(` ${words.join(' ')} `);
  }

  const vocabulary = [...idsByWord.keys()].sort();
  const postings = vocabulary.map((word) => new Int32Array(idsByWord.get(word) ?? []));

  return {
    entries,
    size,
    codes,
    idByCode,
    searchTexts,
    externalCause,
    titleRank: rankByTitleLength(entries),
    vocabulary,
    postings,
  };
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

/** First position in the sorted array whose value is >= target. */
function lowerBound(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle];
    if (value !== undefined && value < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

/** Positions [start, end) of the values that start with the prefix. */
function prefixRange(sorted: readonly string[], prefix: string): Range {
  const start = lowerBound(sorted, prefix);
  let end = start;
  if (start < sorted.length && sorted[start]?.startsWith(prefix) === true) {
    // Every value with the prefix sorts before prefix + U+FFFF.
    end = lowerBound(sorted, `${prefix}\uffff`);
  }
  return { start, end };
}

/** Keeps the `limit` smallest keys with their ids, ascending by key. */
class TopK {
  private readonly keys: number[] = [];
  private readonly ids: number[] = [];
  private readonly limit: number;
  private readonly bounded: boolean;

  constructor(limit: number) {
    this.limit = limit;
    this.bounded = limit <= INSERTION_LIMIT;
  }

  /** True if an entry with this key (or any larger key) would not be kept. */
  rejects(key: number): boolean {
    if (!this.bounded || this.keys.length < this.limit) return false;
    const worst = this.keys[this.keys.length - 1];
    return worst !== undefined && key >= worst;
  }

  add(key: number, id: number): void {
    if (!this.bounded) {
      this.keys.push(key);
      this.ids.push(id);
      return;
    }
    const count = this.keys.length;
    if (count === this.limit) {
      const worst = this.keys[count - 1];
      if (worst === undefined || key >= worst) return;
      this.keys.pop();
      this.ids.pop();
    }
    let position = this.keys.length;
    while (position > 0) {
      const before = this.keys[position - 1];
      if (before === undefined || before <= key) break;
      position -= 1;
    }
    this.keys.splice(position, 0, key);
    this.ids.splice(position, 0, id);
  }

  result(): number[] {
    if (this.bounded) return this.ids;
    const order = this.ids.map((_, position) => position);
    order.sort((a, b) => (this.keys[a] ?? 0) - (this.keys[b] ?? 0));
    return order.slice(0, this.limit).map((position) => this.ids[position] ?? -1);
  }
}

/**
 * Code-prefix search. Exact code first, then normal codes before five-character
 * external-cause codes, then shorter codes, then code order.
 */
function searchByCode(index: Icd10Index, codePrefix: string, limit: number): number[] {
  const { start, end } = prefixRange(index.codes, codePrefix);
  const size = index.size;
  const top = new TopK(limit);
  for (let id = start; id < end; id += 1) {
    const code = index.codes[id] ?? '';
    const exact = code === codePrefix ? 0 : 1;
    const external = index.externalCause[id] ?? 0;
    // Lexicographic key (exact, external, length, code order) packed into one number.
    const key = ((exact * 2 + external) * 8 + code.length) * size + id;
    top.add(key, id);
  }
  return top.result();
}

interface QueryToken {
  /** " word": matches the start of a word in a search text. */
  readonly wordStart: string;
  /** " word ": matches a whole word in a search text. */
  readonly wholeWord: string;
  /** The token in code form when it looks like a code prefix ("f43" → "F43"). */
  readonly codePrefix: string | undefined;
  readonly vocabularyRange: Range;
  readonly codeRange: Range;
  /** Number of postings to visit if this token drives candidate generation. */
  readonly cost: number;
}

function prepareToken(index: Icd10Index, word: string): QueryToken {
  const vocabularyRange = prefixRange(index.vocabulary, word);
  const upper = word.toUpperCase();
  const codePrefix = CODE_PREFIX_PATTERN.test(upper) ? upper : undefined;
  const codeRange =
    codePrefix === undefined ? { start: 0, end: 0 } : prefixRange(index.codes, codePrefix);
  let cost = codeRange.end - codeRange.start;
  for (let v = vocabularyRange.start; v < vocabularyRange.end; v += 1) {
    cost += index.postings[v]?.length ?? 0;
  }
  return {
    wordStart: ` ${word}`,
    wholeWord: ` ${word} `,
    codePrefix,
    vocabularyRange,
    codeRange,
    cost,
  };
}

/**
 * Title-word search. Every query word must match the start of a title word
 * (a code-like word may instead match the start of the code, so "f43 utmattning"
 * works). Ranking: normal codes before five-character external-cause codes;
 * then title start (the title's first word starts with a query word); then
 * the number of query words that match a whole title word; then shorter
 * titles; then code order.
 */
function searchByWords(index: Icd10Index, words: readonly string[], limit: number): number[] {
  const tokens = words.map((word) => prepareToken(index, word));
  if (tokens.some((token) => token.cost === 0)) return [];
  const driver = tokens.reduce((best, token) => (token.cost < best.cost ? token : best));
  const size = index.size;
  // quality = notTitleStart * (tokens + 1) + partialMatches, in [0, 2 * tokens + 1].
  const qualityLevels = 2 * tokens.length + 2;
  const top = new TopK(limit);
  // The driver's postings can list an entry more than once (several title words share a prefix).
  const visited = new Uint8Array(size);

  const consider = (id: number): void => {
    if (visited[id] === 1) return;
    visited[id] = 1;
    const external = index.externalCause[id] ?? 0;
    const rank = index.titleRank[id] ?? 0;
    if (top.rejects(external * qualityLevels * size + rank)) return; // cannot make the top
    const text = index.searchTexts[id] ?? '';
    const code = index.codes[id] ?? '';
    let partialMatches = 0;
    let titleStart = false;
    for (const token of tokens) {
      if (text.includes(token.wordStart)) {
        if (!text.includes(token.wholeWord)) partialMatches += 1;
        if (!titleStart && text.startsWith(token.wordStart)) titleStart = true;
      } else if (token.codePrefix !== undefined && code.startsWith(token.codePrefix)) {
        if (code !== token.codePrefix) partialMatches += 1;
      } else {
        return;
      }
    }
    const quality = (titleStart ? 0 : tokens.length + 1) + partialMatches;
    top.add((external * qualityLevels + quality) * size + rank, id);
  };

  for (let id = driver.codeRange.start; id < driver.codeRange.end; id += 1) consider(id);
  for (let v = driver.vocabularyRange.start; v < driver.vocabularyRange.end; v += 1) {
    const ids = index.postings[v];
    if (ids === undefined) continue;
    for (const id of ids) consider(id);
  }
  return top.result();
}

/**
 * Finds up to `limit` diagnoses for a query typed by a user.
 *
 * - A code-like query ("j06", "J06.9", "f43 8a") matches codes by prefix; the
 *   exact code comes first, then shorter codes, then code order.
 * - Otherwise, and to fill up a code search with few hits ("b12"), every query
 *   word must match the start of a word in the title, case- and
 *   diacritic-insensitively ("hjartsvikt" finds "hjärtsvikt").
 * - Five-character V/W/X/Y external-cause codes rank after all other matches.
 * - An empty or whitespace-only query, or a limit below 1, gives [].
 */
export function searchDiagnoses(
  index: Icd10Index,
  query: string,
  limit: number = DEFAULT_LIMIT,
): DiagnosisSearchResult[] {
  const max = Number.isNaN(limit) ? DEFAULT_LIMIT : Math.min(Math.floor(limit), index.size);
  if (max < 1 || query.trim() === '') return [];

  const ids: number[] = [];
  const codeQuery = normalizeDiagnosisCode(query);
  if (CODE_PREFIX_PATTERN.test(codeQuery)) {
    ids.push(...searchByCode(index, codeQuery, max));
  }
  if (ids.length < max) {
    const words = tokenize(query);
    if (words.length > 0) {
      const already = new Set(ids);
      // Ask for enough to make up for overlaps with the code hits.
      for (const id of searchByWords(index, words, Math.min(max + ids.length, index.size))) {
        if (ids.length >= max) break;
        if (!already.has(id)) ids.push(id);
      }
    }
  }

  const results: DiagnosisSearchResult[] = [];
  for (const id of ids) {
    const entry = index.entries[id];
    if (entry !== undefined) results.push({ code: entry.code, title: entry.title });
  }
  return results;
}
