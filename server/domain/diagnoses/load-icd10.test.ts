import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKnownCode } from './icd10-index';
import { loadIcd10Index, resetIcd10IndexCache } from './load-icd10';
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

describe('loadIcd10IndexFromDisk', () => {
  it('loads public/data/icd10se.tsv', async () => {
    const index = await loadIcd10IndexFromDisk();
    expect(index.size).toBe(35_684);
    expect(await loadIcd10IndexFromDisk()).toBe(index);
  });
});
