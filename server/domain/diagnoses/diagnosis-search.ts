/**
 * The diagnosis search: what a physician types ("frusen skuldra", "utmattning", "halsporre",
 * "F43.8") to the official ICD-10-SE codes they mean, best first.
 *
 * It searches each code's official title and its other names: the terms of Socialstyrelsen's
 * KSH97-P synonym list (`./ksh97p-synonyms`) and the headings of FMB's diagnosis documents,
 * the words of sick-leave guidance ("Höftartros" for M16 "Höftledsartros"). FMB's codes are
 * also a prior: they are the codes sick-leave certificates use. `buildDiagnosisSearchIndex`
 * builds the index once; a query is answered from a sorted vocabulary of folded words, by
 * prefix, visiting only the texts that can match, and skipping those that cannot make the list.
 *
 * Ranking, in points (a code's points are its best text's):
 * - how the query's words match a text: the whole text (1000), its start (700), its first word
 *   (400) or later words (200); plus up to 100 for words matched whole rather than by their
 *   start, and up to 200 for the share of the text's words matched (closer texts first);
 * - a word matched only once å, ä and ö are folded ("hals" in "hälsporre") loses up to 300, so
 *   a physician who types the Swedish letters gets what they typed first;
 * - another name gains 50 over a title: it is the word physicians use. A name that several of
 *   a list's codes share says less of each: 50 less for each doubling (FMB's "Pneumoni" names
 *   J12 to J18, KSH97-P's only J18);
 * - a code FMB has guidance for (shortened from the right as FMB matches codes) gains 250;
 * - the codes under a category found by another name ("Depression": F32) are found too,
 *   300 below the category (their own guidance not counted);
 * - five-character external-cause codes (V/W/X/Y with a place or activity digit) come last;
 * - equal points: code order (a category before its codes).
 * A query shaped like a code lists the codes under it first (the exact code, then shorter
 * codes, then code order), then word matches.
 */

import {
  DIAGNOSIS_SEARCH_MAX_RESULTS,
  type DiagnosisAliasSource,
  type DiagnosisSearchHit,
} from '../../../src/contracts/diagnoses';
import { matchFmbCode, type FmbIndex } from '../fmb/fmb';
import { normalizeDiagnosisCode, type Icd10Index } from './icd10-index';
import type { DiagnosisSynonym } from './ksh97p-synonyms';

/** What the search needs of FMB: the codes it has guidance for, and its documents' headings. */
export type FmbCodes = Pick<FmbIndex, 'headings' | 'typfall'>;

/** Another name of a code, and the list it comes from. */
interface Alias {
  readonly entry: number;
  readonly term: string;
  readonly source: DiagnosisAliasSource;
}

/** Build it with `buildDiagnosisSearchIndex`; the fields are internal to this module. */
export interface DiagnosisSearchIndex {
  readonly codeList: Icd10Index;
  /** Other names: text `codeList.size + i` is `aliases[i]`. */
  readonly aliases: readonly Alias[];
  /**
   * The searchable texts: text `t` < `codeList.size` is entry `t`'s title, the rest are other
   * names. Per text: its entry, its points before any query (its list, the code's guidance
   * and kind), and its words: ids into `words`, `textWords[textStart[t]]` up to (excluding)
   * `textWords[textStart[t + 1]]`.
   */
  readonly textEntry: Int32Array;
  readonly textPrior: Float64Array;
  readonly textStart: Int32Array;
  readonly textWords: Int32Array;
  /** Every distinct word in lower case (å, ä and ö kept), and its folded form's position in `vocabulary`. */
  readonly words: readonly string[];
  readonly foldedOf: Int32Array;
  /** Per word: 1 when folding changed it (it has å, ä, ö or another diacritic). */
  readonly accented: Uint8Array;
  /**
   * Sorted distinct folded words (lower case, no diacritics); the texts with vocabulary word
   * `v` are `postingTexts[postingStart[v]]` up to (excluding) `postingTexts[postingStart[v + 1]]`,
   * ascending, so a prefix's texts are one run of the vocabulary.
   */
  readonly vocabulary: readonly string[];
  readonly postingStart: Int32Array;
  readonly postingTexts: Int32Array;
  /** The other names of entry `e`: texts `aliasTexts[aliasStart[e]]` up to `aliasTexts[aliasStart[e + 1]]`. */
  readonly aliasStart: Int32Array;
  readonly aliasTexts: Int32Array;
  /** Per entry with other names: the end (exclusive) of the entries under its code, else 0. */
  readonly subtreeEnd: Int32Array;
  /** Per entry: 1 for five-character V/W/X/Y external-cause codes (e.g. V0100). */
  readonly externalCause: Uint8Array;
}

/** A query (already normalised as a code) that can be a code prefix: a letter, a digit, then up to 3 more. */
const CODE_PREFIX_PATTERN = /^[A-Z][0-9][0-9A-Z]{0,3}$/;
const EXTERNAL_CAUSE_PATTERN = /^[VWXY][0-9]{4}$/;
/** Letters and digits: ASCII, and the Latin letters with diacritics the lists use (å, é, æ, ü…). */
const WORD = /[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^ -~]/g;
const HAS_NON_ASCII = /[^ -~]/;
/** Letters that NFD does not decompose into a base letter plus a mark. */
const LIGATURES: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss' };
const LIGATURE_PATTERN = /[æøœß]/g;

const POINTS = {
  wholeText: 1000,
  textStart: 700,
  firstWord: 400,
  laterWord: 200,
  wholeWords: 100,
  coverage: 200,
  foldedOnly: -300,
  alias: 50,
  sharedAlias: -50,
  underCategory: -300,
  sickLeave: 250,
  externalCause: -5000,
} as const;
/** Keys pack (points, entry id) into one number; points stay within ±PACK_OFFSET. */
const PACK_OFFSET = 10_000;

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

/** The words (letters and digits) of a text in lower case, composed (NFC) so that "å" is one letter. */
function wordsOf(text: string): string[] {
  const composed = HAS_NON_ASCII.test(text)
    ? text.normalize('NFC').replace(COMBINING_MARKS, '')
    : text;
  return composed.toLowerCase().match(WORD) ?? [];
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
  // Every value with the prefix sorts before prefix + U+FFFF.
  const end =
    sorted[start]?.startsWith(prefix) === true ? lowerBound(sorted, `${prefix}\uffff`) : start;
  return { start, end };
}

/**
 * Rows of ids grouped by key, ascending within a key: `rowStart[k]` up to (excluding)
 * `rowStart[k + 1]` of the returned ids are key k's. `each` calls back with every (key, id).
 */
function groupIds(
  keyCount: number,
  each: (add: (key: number, id: number) => void) => void,
): { rowStart: Int32Array; ids: Int32Array } {
  const rowStart = new Int32Array(keyCount + 1);
  each((key) => {
    rowStart[key + 1] = (rowStart[key + 1] ?? 0) + 1;
  });
  for (let k = 0; k < keyCount; k += 1) {
    rowStart[k + 1] = (rowStart[k + 1] ?? 0) + (rowStart[k] ?? 0);
  }
  const ids = new Int32Array(rowStart[keyCount] ?? 0);
  const next = rowStart.slice(0, keyCount);
  each((key, id) => {
    const slot = next[key] ?? 0;
    ids[slot] = id;
    next[key] = slot + 1;
  });
  return { rowStart, ids };
}

/** Texts as runs of word ids, every distinct word (lower case) numbered once. */
class WordRuns {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private buffer = new Int32Array(1 << 16);
  private used = 0;
  readonly runStart: number[] = [0];

  add(text: string): void {
    for (const word of wordsOf(text)) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(word);
        this.ids.set(word, id);
      }
      if (this.used === this.buffer.length) {
        const grown = new Int32Array(this.used * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
      this.buffer[this.used] = id;
      this.used += 1;
    }
    this.runStart.push(this.used);
  }

  /** The word ids of runs `from` up to (excluding) `to`, one after the other. */
  span(from: number, to: number): Int32Array {
    return this.buffer.subarray(this.runStart[from] ?? 0, this.runStart[to] ?? 0);
  }

  run(run: number): Int32Array {
    return this.span(run, run + 1);
  }
}

/** True when the two runs have the same folded words in the same order. */
function sameFolded(a: Int32Array, b: Int32Array, foldedOf: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    if (foldedOf[a[i] ?? 0] !== foldedOf[b[i] ?? 0]) return false;
  }
  return true;
}

/**
 * Builds the search index over the code list, the synonyms (attached to ICD-10-SE codes, see
 * `parseKsh97pSynonyms`) and FMB's codes and headings.
 */
export function buildDiagnosisSearchIndex(
  codeList: Icd10Index,
  synonyms: readonly DiagnosisSynonym[],
  fmb: FmbCodes,
): DiagnosisSearchIndex {
  const size = codeList.size;
  const named = [
    ...synonyms.map(({ code, term }) => ({ code, term, source: 'KSH97-P' as const })),
    ...[...fmb.headings].map(([code, term]) => ({ code, term, source: 'FMB' as const })),
  ].flatMap(({ code, term, source }): Alias[] => {
    const entry = codeList.idByCode.get(code);
    return entry === undefined ? [] : [{ entry, term, source }];
  });

  // Runs 0 to size - 1 are the titles, then one run per named alias.
  const runs = new WordRuns();
  for (const entry of codeList.entries) runs.add(entry.title);
  for (const { term } of named) runs.add(term);
  const { words } = runs;
  const foldedWords = words.map(normalizeSearchText);
  const vocabulary = [...new Set(foldedWords)].sort();
  const position = new Map(vocabulary.map((word, i) => [word, i]));
  const foldedOf = Int32Array.from(foldedWords, (word) => position.get(word) ?? 0);
  const accented = Uint8Array.from(foldedWords, (word, id) => (word === words[id] ? 0 : 1));

  // A name that is another code's own title belongs to that code, and is left out: FMB's
  // "Utmattningssyndrom" heads F43.8's document, but the code that says it is F43.8A.
  // Titles are compared only where their first word and length match a name's.
  const shape = (run: Int32Array) =>
    run.length === 0 ? -1 : (foldedOf[run[0] ?? 0] ?? 0) * 256 + Math.min(run.length, 255);
  const namedShapes = new Set(named.map((_, i) => shape(runs.run(size + i))));
  const titlesByShape = new Map<number, number[]>();
  for (let entry = 0; entry < size; entry += 1) {
    const key = shape(runs.run(entry));
    if (namedShapes.has(key)) titlesByShape.set(key, [...(titlesByShape.get(key) ?? []), entry]);
  }
  const kept = named.flatMap((alias, i) => {
    const run = runs.run(size + i);
    const titled = (titlesByShape.get(shape(run)) ?? []).filter((entry) =>
      sameFolded(runs.run(entry), run, foldedOf),
    );
    return titled.length > 0 && !titled.includes(alias.entry) ? [] : [{ alias, run }];
  });
  const aliases = kept.map(({ alias }) => alias);

  // A name that several of a list's codes share says less of each.
  const nameKeys = kept.map(
    ({ alias, run }) => `${alias.source} ${Array.from(run, (id) => foldedOf[id] ?? 0).join(' ')}`,
  );
  const codesNamed = new Map<string, Set<number>>();
  nameKeys.forEach((key, i) => {
    codesNamed.set(key, (codesNamed.get(key) ?? new Set()).add(aliases[i]?.entry ?? 0));
  });

  const externalCause = new Uint8Array(size);
  const textCount = size + kept.length;
  const textEntry = new Int32Array(textCount);
  const textPrior = new Float64Array(textCount);
  codeList.codes.forEach((code, entry) => {
    const external = EXTERNAL_CAUSE_PATTERN.test(code);
    externalCause[entry] = external ? 1 : 0;
    textEntry[entry] = entry;
    textPrior[entry] =
      (matchFmbCode(code, fmb) === undefined ? 0 : POINTS.sickLeave) +
      (external ? POINTS.externalCause : 0);
  });
  aliases.forEach(({ entry }, i) => {
    const shared = codesNamed.get(nameKeys[i] ?? '')?.size ?? 1;
    textEntry[size + i] = entry;
    textPrior[size + i] =
      (textPrior[entry] ?? 0) + POINTS.alias + POINTS.sharedAlias * Math.log2(shared);
  });

  // The texts' words: the titles' runs as they are, then the kept names'.
  const textStart = new Int32Array(textCount + 1);
  textStart.set(runs.runStart.slice(0, size + 1));
  kept.forEach(({ run }, i) => {
    textStart[size + i + 1] = (textStart[size + i] ?? 0) + run.length;
  });
  const textWords = new Int32Array(textStart[textCount] ?? 0);
  textWords.set(runs.span(0, size));
  kept.forEach(({ run }, i) => textWords.set(run, textStart[size + i] ?? 0));

  // Per folded word, the texts that have it, once each, ascending.
  const lastText = new Int32Array(vocabulary.length).fill(-1);
  const { rowStart: postingStart, ids: postingTexts } = groupIds(vocabulary.length, (add) => {
    lastText.fill(-1);
    for (let text = 0; text < textCount; text += 1) {
      const end = textStart[text + 1] ?? 0;
      for (let i = textStart[text] ?? 0; i < end; i += 1) {
        const v = foldedOf[textWords[i] ?? 0] ?? 0;
        if (lastText[v] === text) continue;
        lastText[v] = text;
        add(v, text);
      }
    }
  });
  const { rowStart: aliasStart, ids: aliasTexts } = groupIds(size, (add) => {
    aliases.forEach(({ entry }, i) => add(entry, size + i));
  });
  // The codes under a code found by another name are found with it: where do they end?
  const subtreeEnd = new Int32Array(size);
  for (const { entry } of aliases) {
    const code = codeList.codes[entry] ?? '';
    let end = entry + 1;
    while (end < size && codeList.codes[end]?.startsWith(code) === true) end += 1;
    subtreeEnd[entry] = end;
  }

  return {
    codeList,
    aliases,
    textEntry,
    textPrior,
    textStart,
    textWords,
    words,
    foldedOf,
    accented,
    vocabulary,
    postingStart,
    postingTexts,
    aliasStart,
    aliasTexts,
    subtreeEnd,
    externalCause,
  };
}

/** Keeps the `limit` smallest keys, ascending. */
class TopK {
  private readonly keys: number[] = [];

  constructor(private readonly limit: number) {}

  /** Once full, the largest key kept: a key not below it would not be kept. */
  get bound(): number {
    return this.keys.length < this.limit
      ? Number.POSITIVE_INFINITY
      : (this.keys[this.keys.length - 1] ?? Number.POSITIVE_INFINITY);
  }

  add(key: number): void {
    if (key >= this.bound) return;
    if (this.keys.length === this.limit) this.keys.pop();
    let position = this.keys.length;
    while (position > 0) {
      const before = this.keys[position - 1];
      if (before === undefined || before <= key) break;
      position -= 1;
    }
    this.keys.splice(position, 0, key);
  }

  result(): readonly number[] {
    return this.keys;
  }
}

/**
 * Code-prefix search. Exact code first, then normal codes before five-character
 * external-cause codes, then shorter codes, then code order.
 */
function searchByCode(index: DiagnosisSearchIndex, codePrefix: string, limit: number): number[] {
  const { codes, size } = index.codeList;
  const { start, end } = prefixRange(codes, codePrefix);
  const top = new TopK(limit);
  for (let id = start; id < end; id += 1) {
    const code = codes[id] ?? '';
    const exact = code === codePrefix ? 0 : 1;
    const external = index.externalCause[id] ?? 0;
    // Lexicographic key (exact, external, length, code order) packed into one number.
    top.add(((exact * 2 + external) * 8 + code.length) * size + id);
  }
  return top.result().map((key) => key % size);
}

interface QueryWord {
  /** Lower case, diacritics folded. */
  readonly folded: string;
  /** Lower case, as typed (å, ä and ö kept), and whether that differs from `folded`. */
  readonly lower: string;
  readonly accented: boolean;
  /** The vocabulary position of `folded` itself, or -1 when no text has that word. */
  readonly exact: number;
  /** The word in code form when it looks like a code prefix ("f43" → "F43"). */
  readonly codePrefix: string | undefined;
  /** The vocabulary words it is a prefix of, and the codes it is a prefix of. */
  readonly vocabularyRange: Range;
  readonly codeRange: Range;
  /** How many texts (or codes) this word would visit if it chose the candidates. */
  readonly cost: number;
}

function prepareWord(index: DiagnosisSearchIndex, lower: string): QueryWord {
  const folded = normalizeSearchText(lower);
  const vocabularyRange = prefixRange(index.vocabulary, folded);
  const upper = folded.toUpperCase();
  const codePrefix = CODE_PREFIX_PATTERN.test(upper) ? upper : undefined;
  const codeRange =
    codePrefix === undefined ? { start: 0, end: 0 } : prefixRange(index.codeList.codes, codePrefix);
  const cost =
    codeRange.end -
    codeRange.start +
    (index.postingStart[vocabularyRange.end] ?? 0) -
    (index.postingStart[vocabularyRange.start] ?? 0);
  const exact = index.vocabulary[vocabularyRange.start] === folded ? vocabularyRange.start : -1;
  const accented = lower !== folded;
  return { folded, lower, accented, exact, codePrefix, vocabularyRange, codeRange, cost };
}

/** The most points `count` query words can give a text of `length` words. */
function bestPossible(length: number, count: number): number {
  if (length < count) return POINTS.firstWord + POINTS.wholeWords + POINTS.coverage;
  if (length === count) return POINTS.wholeText + POINTS.wholeWords + POINTS.coverage;
  return POINTS.textStart + POINTS.wholeWords + (POINTS.coverage * count) / length;
}

/**
 * A text's points for the query's words (its prior not included), or undefined when one of
 * them matches neither the start of one of its words nor (shaped like a code) the start of
 * its entry's code.
 */
function textPoints(
  index: DiagnosisSearchIndex,
  text: number,
  query: readonly QueryWord[],
): number | undefined {
  const { textWords, words, foldedOf, accented } = index;
  const first = index.textStart[text] ?? 0;
  const end = index.textStart[text + 1] ?? 0;
  const length = end - first;
  // Word i's folded form's position in the vocabulary: a query word is a prefix of it exactly
  // when it falls in the query word's range.
  const foldedAt = (i: number) => foldedOf[textWords[i] ?? 0] ?? -1;
  const count = query.length;
  let whole = 0;
  let foldedOnly = 0;
  let firstWord = false;
  let coveredMask = 0;
  for (const word of query) {
    const { start, end: rangeEnd } = word.vocabularyRange;
    let best = -1;
    let bestQuality = -1;
    for (let i = first; i < end && bestQuality < 3; i += 1) {
      const v = foldedAt(i);
      if (v < start || v >= rangeEnd) continue;
      // 2: matched whole; 1: matched as typed, å, ä and ö included.
      const id = textWords[i] ?? 0;
      const asTyped =
        (!word.accented && accented[id] === 0) || (words[id] ?? '').startsWith(word.lower);
      const quality = (v === word.exact ? 2 : 0) + (asTyped ? 1 : 0);
      if (quality > bestQuality) {
        best = i - first;
        bestQuality = quality;
      }
    }
    if (best === -1) {
      const code = index.codeList.codes[index.textEntry[text] ?? 0] ?? '';
      if (word.codePrefix === undefined || !code.startsWith(word.codePrefix)) return undefined;
      if (code === word.codePrefix) whole += 1;
      continue;
    }
    if (bestQuality >= 2) whole += 1;
    if (bestQuality % 2 === 0) foldedOnly += 1;
    if (best === 0) firstWord = true;
    if (best < 31) coveredMask |= 1 << best;
  }
  let covered = 0;
  for (let mask = coveredMask; mask !== 0; mask &= mask - 1) covered += 1;

  // The text starts with the query: every word but the last whole, the last at least begun.
  let textStart = count <= length;
  for (let i = 0; textStart && i < count; i += 1) {
    const word = query[i];
    const own = foldedAt(first + i);
    textStart =
      word !== undefined &&
      (i === count - 1
        ? own >= word.vocabularyRange.start && own < word.vocabularyRange.end
        : own === word.exact);
  }
  const wholeText = textStart && count === length && foldedAt(end - 1) === query[count - 1]?.exact;
  const tier = wholeText
    ? POINTS.wholeText
    : textStart
      ? POINTS.textStart
      : firstWord
        ? POINTS.firstWord
        : POINTS.laterWord;
  return (
    tier +
    (POINTS.wholeWords * whole) / count +
    (POINTS.coverage * covered) / Math.max(1, length) +
    (POINTS.foldedOnly * foldedOnly) / count
  );
}

/** How the search found an entry: the text that gave its points, and whether as a code under a category. */
interface FoundBy {
  readonly text: number;
  readonly underCategory: boolean;
}

const OWN_TEXT = 1;
const UNDER_CATEGORY = 2;

/**
 * A search's working memory, kept per index and reused (a search runs to its end without
 * waiting, so one at a time): a text or entry is seen in this search when its mark is this
 * search's epoch, so nothing needs clearing between searches.
 */
interface Scratch {
  epoch: number;
  readonly textSeen: Int32Array;
  readonly entrySeen: Int32Array;
  /** Per entry seen: how it was found (OWN_TEXT or UNDER_CATEGORY), its points, by which text. */
  readonly how: Uint8Array;
  readonly points: Float64Array;
  readonly byText: Int32Array;
}

const scratches = new WeakMap<DiagnosisSearchIndex, Scratch>();

function nextScratch(index: DiagnosisSearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (scratch === undefined || scratch.epoch >= 0x7fffffff) {
    const size = index.codeList.size;
    scratch = {
      epoch: 0,
      textSeen: new Int32Array(index.textEntry.length),
      entrySeen: new Int32Array(size),
      how: new Uint8Array(size),
      points: new Float64Array(size),
      byText: new Int32Array(size),
    };
    scratches.set(index, scratch);
  }
  scratch.epoch += 1;
  return scratch;
}

/**
 * Word search. Every query word must match the start of a word of a title or another name (a
 * code-like word may instead match the start of the code, so "f43 utmattning" works).
 *
 * The texts that can match are visited other names first; a text whose best possible points
 * cannot reach the `limit` best codes found so far is skipped unread.
 */
function searchByWords(
  index: DiagnosisSearchIndex,
  typed: readonly string[],
  limit: number,
): { ids: number[]; foundBy: ReadonlyMap<number, FoundBy> } {
  const query = typed.map((word) => prepareWord(index, word));
  if (query.some((word) => word.cost === 0)) return { ids: [], foundBy: new Map() };
  const driver = query.reduce((best, word) => (word.cost < best.cost ? word : best));
  const size = index.codeList.size;
  const { textSeen, entrySeen, how, points, byText, epoch } = nextScratch(index);
  const found: number[] = [];
  // The negated points of the `limit` best codes when first found: the best codes end above them.
  const floor = new TopK(limit);

  const offer = (entry: number, total: number, text: number, underCategory: boolean) => {
    if (entrySeen[entry] !== epoch) {
      entrySeen[entry] = epoch;
      found.push(entry);
      floor.add(-total);
    } else if (total <= (points[entry] ?? 0)) {
      return;
    }
    how[entry] = underCategory ? UNDER_CATEGORY : OWN_TEXT;
    points[entry] = total;
    byText[entry] = text;
  };
  const consider = (text: number) => {
    if (textSeen[text] === epoch) return;
    textSeen[text] = epoch;
    const prior = index.textPrior[text] ?? 0;
    const length = (index.textStart[text + 1] ?? 0) - (index.textStart[text] ?? 0);
    if (prior + bestPossible(length, query.length) < -floor.bound) return; // cannot make it
    const own = textPoints(index, text, query);
    if (own === undefined) return;
    const entry = index.textEntry[text] ?? 0;
    const total = own + prior;
    offer(entry, total, text, false);
    const end = index.subtreeEnd[entry] ?? 0;
    for (let under = entry + 1; under < end; under += 1) {
      offer(under, total + POINTS.underCategory, text, true);
    }
  };

  for (let entry = driver.codeRange.start; entry < driver.codeRange.end; entry += 1) {
    const end = index.aliasStart[entry + 1] ?? 0;
    for (let a = index.aliasStart[entry] ?? 0; a < end; a += 1) consider(index.aliasTexts[a] ?? 0);
    consider(entry);
  }
  const { postingStart, postingTexts } = index;
  const { start, end } = driver.vocabularyRange;
  // Other names first (the end of each word's texts), then titles.
  for (let v = start; v < end; v += 1) {
    const from = postingStart[v] ?? 0;
    for (
      let i = (postingStart[v + 1] ?? 0) - 1;
      i >= from && (postingTexts[i] ?? 0) >= size;
      i -= 1
    ) {
      consider(postingTexts[i] ?? 0);
    }
  }
  for (let v = start; v < end; v += 1) {
    const to = postingStart[v + 1] ?? 0;
    for (let i = postingStart[v] ?? 0; i < to && (postingTexts[i] ?? 0) < size; i += 1) {
      consider(postingTexts[i] ?? 0);
    }
  }

  const top = new TopK(limit);
  for (const entry of found) top.add((PACK_OFFSET - Math.round(points[entry] ?? 0)) * size + entry);
  const ids = top.result().map((key) => key % size);
  const foundBy = new Map(
    ids.map((id) => [id, { text: byText[id] ?? 0, underCategory: how[id] === UNDER_CATEGORY }]),
  );
  return { ids, foundBy };
}

/** True when two texts have the same folded words in the same order. */
function sameWords(index: DiagnosisSearchIndex, a: number, b: number): boolean {
  const { textStart, textWords } = index;
  return sameFolded(
    textWords.subarray(textStart[a] ?? 0, textStart[a + 1] ?? 0),
    textWords.subarray(textStart[b] ?? 0, textStart[b + 1] ?? 0),
    index.foldedOf,
  );
}

/**
 * Finds up to `limit` diagnoses for a query typed by a user (see the module comment for the
 * ranking). A code-like query ("j06", "J06.9", "f43 8a") lists the codes under it first; word
 * matches follow, or come alone. An empty or blank query, or a limit below 1, gives [].
 */
export function searchDiagnoses(
  index: DiagnosisSearchIndex,
  query: string,
  limit: number = DIAGNOSIS_SEARCH_MAX_RESULTS,
): DiagnosisSearchHit[] {
  const { codeList } = index;
  const max = Number.isNaN(limit)
    ? DIAGNOSIS_SEARCH_MAX_RESULTS
    : Math.min(Math.floor(limit), codeList.size);
  if (max < 1 || query.trim() === '') return [];

  const ids: number[] = [];
  const codeQuery = normalizeDiagnosisCode(query);
  if (CODE_PREFIX_PATTERN.test(codeQuery)) ids.push(...searchByCode(index, codeQuery, max));
  let foundBy: ReadonlyMap<number, FoundBy> = new Map();
  const typed = wordsOf(query);
  if (ids.length < max && typed.length > 0) {
    const already = new Set(ids);
    // Ask for enough to make up for overlaps with the code hits.
    const byWords = searchByWords(index, typed, Math.min(max + ids.length, codeList.size));
    foundBy = byWords.foundBy;
    for (const id of byWords.ids) {
      if (ids.length >= max) break;
      if (!already.has(id)) ids.push(id);
    }
  }

  return ids.flatMap((id) => {
    const entry = codeList.entries[id];
    if (entry === undefined) return [];
    const via = foundBy.get(id);
    const alias =
      via === undefined || via.underCategory ? undefined : index.aliases[via.text - codeList.size];
    // The other name it was found by, unless it has the title's words.
    return alias === undefined || via === undefined || sameWords(index, id, via.text)
      ? [{ code: entry.code, title: entry.title }]
      : [
          {
            code: entry.code,
            title: entry.title,
            alias: { term: alias.term, source: alias.source },
          },
        ];
  });
}
