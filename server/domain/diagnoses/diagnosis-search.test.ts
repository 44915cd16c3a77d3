import { beforeAll, describe, expect, it } from 'vitest';
import type { FmbTypfall } from '../../../src/contracts/fmb';
import {
  buildDiagnosisSearchIndex,
  normalizeSearchText,
  searchDiagnoses,
  type DiagnosisSearchIndex,
} from './diagnosis-search';
import { parseIcd10Tsv } from './icd10-index';
import { diagnosisDataFromDisk } from './load-icd10-node';
import { RELEVANCE_SET } from './relevance-set';

const EXTERNAL_CAUSE = /^[VWXY][0-9]{4}$/;

let index: DiagnosisSearchIndex;

beforeAll(async () => {
  index = await diagnosisDataFromDisk.search();
});

function codes(query: string, limit?: number): string[] {
  return searchDiagnoses(index, query, limit).map((hit) => hit.code);
}

type Hit = ReturnType<typeof searchDiagnoses>[number];

/** The folded words of a hit: its title's and the other name's it was found by. */
function wordsOf(hit: Hit): string[] {
  return normalizeSearchText(`${hit.title} ${hit.alias?.term ?? ''}`)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The words a hit was found by: its own, or its category's when it was found under it. */
function foundByWords(hits: readonly Hit[], hit: Hit): string[] {
  const categories = hits.filter((other) => other !== hit && hit.code.startsWith(other.code));
  return [hit, ...categories].flatMap(wordsOf);
}

/** A small code list with other names and FMB guidance, so each ranking rule is seen alone. */
function smallIndex(options: {
  list: string;
  synonyms?: { code: string; term: string }[];
  headings?: [string, string][];
}): DiagnosisSearchIndex {
  return buildDiagnosisSearchIndex(parseIcd10Tsv(options.list), options.synonyms ?? [], {
    headings: new Map(options.headings ?? []),
    typfall: new Map<string, readonly FmbTypfall[]>(),
  });
}

describe('searching by code', () => {
  it('lists the codes under a prefix, the category first', () => {
    const results = codes('j06');
    expect(results).toContain('J069');
    expect(results[0]).toBe('J06');
    for (const code of results) expect(code.startsWith('J06')).toBe(true);
  });

  it('puts the exact code first, ignoring case, dots and spaces', () => {
    for (const query of ['J069', 'j069', 'J06.9', ' j06.9 ', 'j06 9']) {
      expect(codes(query)[0]).toBe('J069');
    }
    expect(searchDiagnoses(index, 'F43.8A')[0]).toEqual({
      code: 'F438A',
      title: 'Utmattningssyndrom',
    });
  });

  it('orders the rest by code length, then code order', () => {
    expect(codes('f43', 5)).toEqual(['F43', 'F430', 'F431', 'F432', 'F438']);
  });

  it('falls back to words when a code-like query is not a code ("b12")', () => {
    const results = searchDiagnoses(index, 'b12');
    expect(results.length).toBeGreaterThan(0);
    for (const hit of results) {
      expect(foundByWords(results, hit).some((word) => word.startsWith('b12'))).toBe(true);
    }
  });

  it('combines a code prefix with words', () => {
    expect(codes('f43 utmattning')).toEqual(['F438A', 'F438W']);
  });
});

describe('searching by words', () => {
  it('offers F43.8A first for "utmattning", not T73.2', () => {
    const results = codes('utmattning');
    expect(results[0]).toBe('F438A');
    expect(results.indexOf('T732')).toBeGreaterThan(0);
  });

  it('leads with a depressive episode for "depression", and lists its codes with it', () => {
    const results = searchDiagnoses(index, 'depression');
    expect(results[0]).toEqual({
      code: 'F32',
      title: 'Depressiv episod',
      alias: { term: 'Depression', source: 'KSH97-P' },
    });
    expect(results.map((hit) => hit.code)).toEqual(expect.arrayContaining(['F320', 'F321', 'F33']));
    // F32.0 is found as a code under F32; it has no other name of its own to show.
    expect(results.find((hit) => hit.code === 'F320')).toEqual({
      code: 'F320',
      title: 'Lindrig depressiv episod',
    });
    expect(results.findIndex((hit) => hit.code === 'F204')).toBeGreaterThan(
      results.findIndex((hit) => hit.code === 'F321'),
    );
  });

  it("finds a code by KSH97-P's synonym, and says which synonym", () => {
    expect(searchDiagnoses(index, 'frusen skuldra')[0]).toEqual({
      code: 'M750',
      title: 'Adhesiv kapsulit i skulderled',
      alias: { term: 'Frusen skuldra', source: 'KSH97-P' },
    });
    expect(searchDiagnoses(index, 'hälsporre')[0]).toEqual({
      code: 'M779',
      title: 'Entesopati, ospecificerad',
      alias: { term: 'Hälsporre', source: 'KSH97-P' },
    });
  });

  it("finds a code by FMB's heading", () => {
    expect(searchDiagnoses(index, 'höftartros')[0]).toEqual({
      code: 'M16',
      title: 'Höftledsartros',
      alias: { term: 'Höftartros', source: 'FMB' },
    });
  });

  it('shows no other name that says what the title says', () => {
    // KSH97-P lists "Utmattningssyndrom" for F43.8A, whose title it is.
    expect(searchDiagnoses(index, 'utmattningssyndrom')[0]).toEqual({
      code: 'F438A',
      title: 'Utmattningssyndrom',
    });
  });

  it("leaves out a name that is another code's title (FMB's heading for F43.8)", () => {
    const hits = searchDiagnoses(index, 'utmattningssyndrom', 50);
    expect(hits.some((hit) => hit.code === 'F438' && hit.alias !== undefined)).toBe(false);
  });

  it('matches the start of every word, in any order', () => {
    expect(codes('frus sku')[0]).toBe('M750');
    expect(codes('skuldra frusen')[0]).toBe('M750');
    expect(codes('akut bronk')[0]).toMatch(/^J20/);
    const results = searchDiagnoses(index, 'akut luftvägs', 50);
    expect(results.length).toBeGreaterThan(0);
    for (const hit of results) {
      const words = foundByWords(results, hit);
      expect(words.some((word) => word.startsWith('akut'))).toBe(true);
      expect(words.some((word) => word.startsWith('luftvags'))).toBe(true);
    }
    // "tmattning" is inside "utmattning" but starts no word.
    expect(codes('tmattningssyndrom')).toEqual([]);
  });

  it('is insensitive to case and to å, ä and ö', () => {
    expect(codes('halsporre')[0]).toBe('M779');
    expect(codes('HÄLSPORRE')[0]).toBe('M779');
    expect(codes('hjartsvikt')).toEqual(codes('Hjärtsvikt'));
    expect(codes('HJÄRTSVIKT')).toEqual(codes('hjärtsvikt'));
    const ears = searchDiagnoses(index, 'ÖRON', 100);
    expect(ears.map((hit) => hit.code)).toContain('Z011'); // "Undersökning av öron och hörsel"
    for (const hit of ears) {
      expect(foundByWords(ears, hit).some((word) => word.startsWith('oron'))).toBe(true);
    }
  });

  it('puts what was typed, å, ä and ö included, before what only matches once they are folded', () => {
    const neck = codes('hals', 50);
    expect(neck.indexOf('J03')).toBeGreaterThanOrEqual(0); // "Halsfluss"
    expect(neck.indexOf('M779')).toBeGreaterThan(neck.indexOf('J03')); // "Hälsporre"
    const heel = codes('häl', 50);
    expect(heel.indexOf('M779')).toBeGreaterThanOrEqual(0);
    expect(heel.indexOf('J03')).toBeGreaterThan(heel.indexOf('M779'));
  });

  it('ranks five-character V/W/X/Y external-cause codes after all other matches', () => {
    const results = codes('drunkning', 100);
    expect(results).toHaveLength(100);
    const firstExternal = results.findIndex((code) => EXTERNAL_CAUSE.test(code));
    expect(firstExternal).toBeGreaterThan(0);
    expect(results.slice(0, firstExternal)).toContain('T751');
    for (const code of results.slice(firstExternal)) expect(code).toMatch(EXTERNAL_CAUSE);
  });
});

describe('the ranking rules, on a small list', () => {
  const list = [
    'code\ttitle',
    'A01\tTyfoidfeber',
    'B10\tHumant herpesvirus',
    'B20\tHerpesinfektion i huden',
    'C10\tHerpesinfektion i huden',
    'D10\tSjukdom i knät',
    'D100\tSjukdom i knät, vänster',
    'D101\tSjukdom i knät, höger',
    'E10\tSkada på knät',
  ].join('\n');

  it('ranks a code with FMB guidance before an equal match without', () => {
    const search = smallIndex({ list, headings: [['C10', 'Herpes']] });
    expect(searchDiagnoses(search, 'herpesinfektion').map((hit) => hit.code)).toEqual([
      'C10',
      'B20',
    ]);
  });

  it('ranks the whole text before its start, its start before its first word, that before later words', () => {
    const search = smallIndex({
      list,
      synonyms: [
        { code: 'A01', term: 'Knä' },
        { code: 'B10', term: 'Knäskada hos barn' },
      ],
    });
    expect(searchDiagnoses(search, 'knä').map((hit) => hit.code)).toEqual([
      'A01', // "Knä": the whole text
      'B10', // "Knäskada hos barn": its start
      'D10', // "Sjukdom i knät": a later word
      'E10',
      'D100',
      'D101',
    ]);
  });

  it('finds the codes under a category found by another name, below the category', () => {
    const search = smallIndex({ list, synonyms: [{ code: 'D10', term: 'Gonit' }] });
    expect(searchDiagnoses(search, 'gonit')).toEqual([
      { code: 'D10', title: 'Sjukdom i knät', alias: { term: 'Gonit', source: 'KSH97-P' } },
      { code: 'D100', title: 'Sjukdom i knät, vänster' },
      { code: 'D101', title: 'Sjukdom i knät, höger' },
    ]);
  });

  it("gives a name that several of a list's codes share less weight than one a single code has", () => {
    const search = smallIndex({
      list,
      synonyms: [{ code: 'C10', term: 'Herpes' }],
      headings: [
        ['B10', 'Herpes'],
        ['B20', 'Herpes'],
        ['C10', 'Herpesinfektion'],
      ],
    });
    expect(searchDiagnoses(search, 'herpes')[0]?.code).toBe('C10');
  });
});

describe('limits and empty queries', () => {
  it('returns at most `limit` hits, 18 by default, as Webcert', () => {
    expect(codes('a')).toHaveLength(18);
    expect(codes('a', 5)).toHaveLength(5);
    expect(codes('a', 500)).toHaveLength(500);
    expect(codes('a', 0)).toEqual([]);
  });

  it('gives the same first hits whatever the limit (skipping texts never changes the order)', () => {
    const queries = new Set<string>();
    for (const { query } of RELEVANCE_SET) {
      for (let length = 1; length <= query.length; length += 1) queries.add(query.slice(0, length));
    }
    for (const query of queries) {
      expect(searchDiagnoses(index, query), query).toEqual(
        searchDiagnoses(index, query, 200).slice(0, 18),
      );
    }
  });

  it('returns nothing for an empty, blank or unmatched query', () => {
    expect(searchDiagnoses(index, '')).toEqual([]);
    expect(searchDiagnoses(index, '   \t ')).toEqual([]);
    expect(searchDiagnoses(index, '.,-')).toEqual([]);
    expect(searchDiagnoses(index, 'xyzzyq')).toEqual([]);
    expect(searchDiagnoses(index, 'Q999X')).toEqual([]);
  });

  it('returns copies that cannot change the index', () => {
    const [first] = searchDiagnoses(index, 'F438A');
    if (first === undefined) throw new Error('expected a result');
    first.title = 'changed';
    expect(searchDiagnoses(index, 'F438A')[0]?.title).toBe('Utmattningssyndrom');
  });
});
