import { parseIcd10Tsv, type Icd10Index } from './icd10-index';

/** The one index per process/worker; undefined until the first load starts. */
let pending: Promise<Icd10Index> | undefined;

/**
 * Loads and indexes the ICD-10-SE list once per process (or service worker /
 * browser tab). Later calls return the same promise and do not call
 * `fetchText` again, whichever `fetchText` they pass. If loading or parsing
 * fails, the cache is cleared so that the next call retries.
 *
 * Browser: `loadIcd10Index(() => fetch('/data/icd10se.tsv').then((r) => r.text()))`.
 * Node (tests, scripts): `loadIcd10IndexFromDisk()` from `./load-icd10-node`.
 */
export function loadIcd10Index(fetchText: () => Promise<string>): Promise<Icd10Index> {
  if (pending === undefined) {
    const loading = fetchText().then(parseIcd10Tsv);
    pending = loading;
    loading.catch(() => {
      if (pending === loading) pending = undefined;
    });
  }
  return pending;
}

/** Forgets the cached index (for tests). */
export function resetIcd10IndexCache(): void {
  pending = undefined;
}
