import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatDiagnosisCode,
  getTitle,
  isKnownCode,
  normalizeDiagnosisCode,
  normalizeSearchText,
  parseIcd10Tsv,
  searchDiagnoses,
  type Icd10Index,
} from './icd10-index';
import { loadIcd10IndexFromDisk } from './load-icd10-node';

const EXTERNAL_CAUSE = /^[VWXY][0-9]{4}$/;

let index: Icd10Index;

beforeAll(async () => {
  index = await loadIcd10IndexFromDisk();
});

function codes(query: string, limit?: number): string[] {
  return searchDiagnoses(index, query, limit).map((result) => result.code);
}

/** The normalised words of a title. */
function wordsOf(title: string): string[] {
  return normalizeSearchText(title)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

describe('parseIcd10Tsv', () => {
  it('indexes every row of the shipped list and skips the header', () => {
    expect(index.size).toBe(35_684);
    expect(index.entries[0]).toEqual({ code: 'A00', title: 'Kolera' });
    expect(isKnownCode(index, 'code')).toBe(false);
  });

  it('tolerates a BOM, CRLF line endings, blank lines and unsorted rows', () => {
    const small = parseIcd10Tsv(
      '\uFEFFcode\ttitle\r\nJ069\tAkut övre luftvägsinfektion\r\n\r\nF438A\tUtmattningssyndrom\r\n',
    );
    expect(small.entries.map((entry) => entry.code)).toEqual(['F438A', 'J069']);
    expect(searchDiagnoses(small, 'f43')).toEqual([{ code: 'F438A', title: 'Utmattningssyndrom' }]);
  });

  it('rejects malformed rows, invalid codes, empty titles and duplicate codes', () => {
    expect(() => parseIcd10Tsv('code\ttitle\nJ069')).toThrow(/line 2/);
    expect(() => parseIcd10Tsv('J069\tA\tB')).toThrow(/line 1/);
    expect(() => parseIcd10Tsv('J06.9\tAkut')).toThrow(/invalid code/);
    expect(() => parseIcd10Tsv('J069\t  ')).toThrow(/empty title/);
    expect(() => parseIcd10Tsv('J069\tA\nF438A\tB\nJ069\tC')).toThrow(/duplicate code J069/);
    expect(() => parseIcd10Tsv('code\ttitle\n')).toThrow(/no rows/);
  });
});

describe('searchDiagnoses by code', () => {
  it('finds codes by prefix, all results under the prefix, category first', () => {
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

  it('falls back to title words when a code-like query is not a code ("b12")', () => {
    const results = searchDiagnoses(index, 'b12');
    expect(results.length).toBeGreaterThan(0);
    for (const { title } of results) expect(wordsOf(title)).toContain('b12');
  });
});

describe('searchDiagnoses by title words', () => {
  it('finds Utmattningssyndrom for "utmattning", among the first three', () => {
    const results = codes('utmattning');
    expect(results.slice(0, 3)).toContain('F438A');
  });

  it('requires every query word to match the start of a title word', () => {
    const results = searchDiagnoses(index, 'akut luftvägs', 50);
    expect(results.length).toBeGreaterThan(0);
    for (const { title } of results) {
      const words = wordsOf(title);
      expect(words.some((word) => word.startsWith('akut'))).toBe(true);
      expect(words.some((word) => word.startsWith('luftvags'))).toBe(true);
    }
    // "tmattning" is inside "utmattning" but starts no word.
    expect(codes('tmattningssyndrom')).toEqual([]);
  });

  it('is insensitive to diacritics and case', () => {
    const plain = searchDiagnoses(index, 'hjartsvikt');
    expect(plain.map((result) => result.code)).toContain('P290');
    expect(plain.map((result) => result.title)).toContain('Hjärtsvikt hos nyfödd');
    expect(searchDiagnoses(index, 'HJÄRTSVIKT')).toEqual(plain);
    expect(searchDiagnoses(index, 'Hjärtsvikt')).toEqual(plain);

    const ears = searchDiagnoses(index, 'ÖRON', 100);
    expect(ears.map((result) => result.code)).toContain('Z011'); // "Undersökning av öron och hörsel"
    for (const { title } of ears) {
      expect(wordsOf(title).some((word) => word.startsWith('oron'))).toBe(true);
    }
  });

  it('ranks title-start matches first, then shorter titles', () => {
    const results = searchDiagnoses(index, 'rygg', 3);
    expect(results.map((result) => result.code)).toEqual(['M54', 'M549', 'M539']);
    expect(results[0]?.title).toBe('Ryggvärk');
  });

  it('matches words in any order and can combine a code prefix with words', () => {
    expect(codes('typ 2 diabetes')[0]).toBe('E11');
    expect(codes('diabetes typ 2')[0]).toBe('E11');
    expect(codes('f43 utmattning')).toEqual(['F438A', 'F438W']);
  });

  it('ranks five-character V/W/X/Y external-cause codes after all other matches', () => {
    const results = codes('drunkning', 100);
    expect(results).toHaveLength(100);
    expect(results.slice(0, 14).sort()).toEqual([
      'T751',
      'V90',
      'V92',
      'V93',
      'W16',
      'W65',
      'W66',
      'W67',
      'W68',
      'W69',
      'W70',
      'W73',
      'W74',
      'Y21',
    ]);
    for (const code of results.slice(14)) expect(code).toMatch(EXTERNAL_CAUSE);
  });
});

describe('searchDiagnoses limits and empty queries', () => {
  it('returns at most `limit` results, 20 by default', () => {
    expect(codes('a')).toHaveLength(20);
    expect(codes('a', 5)).toHaveLength(5);
    expect(codes('a', 500)).toHaveLength(500);
    expect(codes('a', 0)).toEqual([]);
    expect(codes('a', 5)).toEqual(codes('a').slice(0, 5));
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
    expect(getTitle(index, 'F438A')).toBe('Utmattningssyndrom');
  });
});

describe('code lookups', () => {
  it('normalises and formats codes', () => {
    expect(normalizeDiagnosisCode(' f43.8a ')).toBe('F438A');
    expect(normalizeDiagnosisCode('J06.9')).toBe('J069');
    expect(formatDiagnosisCode('J069')).toBe('J06.9');
    expect(formatDiagnosisCode('f438a')).toBe('F43.8A');
    expect(formatDiagnosisCode('J06')).toBe('J06');
  });

  it('accepts known codes in any case, with or without a dot', () => {
    for (const code of ['F43.8A', 'f438a', 'F438A', 'J06.9', 'j06', 'U07.1']) {
      expect(isKnownCode(index, code)).toBe(true);
    }
  });

  it('rejects unknown codes', () => {
    for (const code of ['Q999X', 'J06.99', 'F43.8Z', 'J06.9.1x', '', 'utmattning']) {
      expect(isKnownCode(index, code)).toBe(false);
    }
  });

  it('returns the title of a known code and undefined otherwise', () => {
    expect(getTitle(index, 'F43.8A')).toBe('Utmattningssyndrom');
    expect(getTitle(index, 'j069')).toBe('Akut övre luftvägsinfektion, ospecificerad');
    expect(getTitle(index, 'Q999X')).toBeUndefined();
  });
});
