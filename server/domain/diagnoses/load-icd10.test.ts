import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FmbTypfall } from '../../../src/contracts/fmb';
import { searchDiagnoses } from './diagnosis-search';
import { isKnownCode } from './icd10-index';
import { diagnosisData, loadIcd10Index, resetIcd10IndexCache } from './load-icd10';
import { loadIcd10IndexFromDisk } from './load-icd10-node';

const SMALL_LIST = 'code\ttitle\nF438A\tUtmattningssyndrom\nJ069\tAkut övre luftvägsinfektion\n';

afterEach(() => {
  resetIcd10IndexCache();
});

describe('loadIcd10Index', () => {
  it('fetches and builds the index once, then returns the same index', async () => {
    const fetchText = vi.fn(() => Promise.resolve(SMALL_LIST));
    const [first, second] = await Promise.all([
      loadIcd10Index(fetchText),
      loadIcd10Index(fetchText),
    ]);
    const third = await loadIcd10Index(fetchText);
    expect(fetchText).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(first.size).toBe(2);
  });

  it('retries after a failed load', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('offline')));
    await expect(loadIcd10Index(failing)).rejects.toThrow('offline');
    await expect(loadIcd10Index(() => Promise.resolve('J069\tA\tB'))).rejects.toThrow(/line 1/);
    const index = await loadIcd10Index(() => Promise.resolve(SMALL_LIST));
    expect(isKnownCode(index, 'F43.8A')).toBe(true);
  });
});

describe('diagnosisData', () => {
  const synonyms = 'code\tterm\nF438A\tUtmattningssyndrom\nJ069P\tFörkylning\n';
  const noFmb = () =>
    Promise.resolve({ headings: new Map(), typfall: new Map<string, readonly FmbTypfall[]>() });

  it('loads the synonyms and FMB on the first search only, once', async () => {
    const files = {
      codeList: vi.fn(() => Promise.resolve(SMALL_LIST)),
      synonyms: vi.fn(() => Promise.resolve(synonyms)),
    };
    const loadFmb = vi.fn(noFmb);
    const data = diagnosisData(files, loadFmb);
    expect((await data.codeList()).size).toBe(2);
    expect(files.synonyms).not.toHaveBeenCalled();
    expect(loadFmb).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([data.search(), data.search()]);
    expect(second).toBe(first);
    expect(files.codeList).toHaveBeenCalledTimes(1);
    expect(files.synonyms).toHaveBeenCalledTimes(1);
    expect(loadFmb).toHaveBeenCalledTimes(1);
    expect(first.codeList).toBe(await data.codeList());
    expect(searchDiagnoses(first, 'förkyl')).toEqual([
      {
        code: 'J069',
        title: 'Akut övre luftvägsinfektion',
        alias: { term: 'Förkylning', source: 'KSH97-P' },
      },
    ]);
  });

  it('retries a search index that failed to load', async () => {
    let online = false;
    const data = diagnosisData(
      {
        codeList: () => Promise.resolve(SMALL_LIST),
        synonyms: () => (online ? Promise.resolve(synonyms) : Promise.reject(new Error('offline'))),
      },
      noFmb,
    );
    await expect(data.search()).rejects.toThrow('offline');
    online = true;
    expect((await data.search()).codeList.size).toBe(2);
  });
});

describe('loadIcd10IndexFromDisk', () => {
  it('loads public/data/icd10se.tsv', async () => {
    const index = await loadIcd10IndexFromDisk();
    expect(index.size).toBe(35_684);
    expect(await loadIcd10IndexFromDisk()).toBe(index);
  });
});
