import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIcd10Tsv, type Icd10Index } from './icd10-index';
import { icd10CodeOfKsh97p, parseKsh97pSynonyms } from './ksh97p-synonyms';
import { loadIcd10IndexFromDisk, SYNONYMS_TSV_PATH } from './load-icd10-node';

const SMALL_LIST = parseIcd10Tsv(
  ['A02\tAndra salmonellainfektioner', 'M77\tAndra entesopatier', 'M779\tEntesopati'].join('\n'),
);

let codeList: Icd10Index;

beforeAll(async () => {
  codeList = await loadIcd10IndexFromDisk();
});

describe('icd10CodeOfKsh97p', () => {
  it('reads a category, a primary-care group and a plain code as the ICD-10-SE code', () => {
    expect(icd10CodeOfKsh97p('A02-', SMALL_LIST)).toBe('A02');
    expect(icd10CodeOfKsh97p('A02-P', SMALL_LIST)).toBe('A02');
    expect(icd10CodeOfKsh97p('M779P', SMALL_LIST)).toBe('M779');
    expect(icd10CodeOfKsh97p('M779', SMALL_LIST)).toBe('M779');
  });

  it('attaches a code the list no longer has to the nearest code above it, or to none', () => {
    expect(icd10CodeOfKsh97p('M778P', SMALL_LIST)).toBe('M77');
    expect(icd10CodeOfKsh97p('B02-', SMALL_LIST)).toBeUndefined();
  });
});

describe('parseKsh97pSynonyms', () => {
  it("attaches each of the shipped list's terms to an ICD-10-SE code", async () => {
    const { synonyms, unmatchedCodes } = parseKsh97pSynonyms(
      await readFile(SYNONYMS_TSV_PATH, 'utf8'),
      codeList,
    );
    // 2,544 terms; Q57-P ("Missbildning av könsorgan") groups Q50–Q56 and has no ICD-10-SE code.
    expect(unmatchedCodes).toEqual(['Q57-P']);
    expect(synonyms).toHaveLength(2_542);
    expect(synonyms).toContainEqual({ code: 'M750', term: 'Frusen skuldra' });
    expect(synonyms).toContainEqual({ code: 'M779', term: 'Hälsporre' });
    expect(synonyms).toContainEqual({ code: 'F32', term: 'Depression' });
    // R10.8 is not in ICD-10-SE 2022: its terms go to R10.
    expect(synonyms).toContainEqual({ code: 'R10', term: 'Spädbarnskolik' });
  });

  it('tolerates a BOM, CRLF and blank lines, and rejects malformed rows', () => {
    expect(
      parseKsh97pSynonyms('\uFEFFcode\tterm\r\nM779P\t Hälsporre \r\n\r\n', SMALL_LIST).synonyms,
    ).toEqual([{ code: 'M779', term: 'Hälsporre' }]);
    expect(() => parseKsh97pSynonyms('M779P', SMALL_LIST)).toThrow(/line 1: expected 2/);
    expect(() => parseKsh97pSynonyms('code\tterm\nM77.9\tHälsporre', SMALL_LIST)).toThrow(
      /line 2: invalid code/,
    );
    expect(() => parseKsh97pSynonyms('M779P\t ', SMALL_LIST)).toThrow(/empty term/);
  });
});
