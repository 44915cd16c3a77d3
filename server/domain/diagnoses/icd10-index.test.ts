import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatDiagnosisCode,
  getTitle,
  isKnownCode,
  normalizeDiagnosisCode,
  parseIcd10Tsv,
  type Icd10Index,
} from './icd10-index';
import { loadIcd10IndexFromDisk } from './load-icd10-node';

let index: Icd10Index;

beforeAll(async () => {
  index = await loadIcd10IndexFromDisk();
});

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
    expect(getTitle(small, 'f43.8a')).toBe('Utmattningssyndrom');
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
