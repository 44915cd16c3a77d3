import { loadFmbIndex } from '../fmb/fmb-index';
import {
  buildDiagnosisSearchIndex,
  type DiagnosisSearchIndex,
  type FmbCodes,
} from './diagnosis-search';
import { parseIcd10Tsv, type Icd10Index } from './icd10-index';
import { parseKsh97pSynonyms } from './ksh97p-synonyms';

/** A load made once per process (or service worker / browser tab); a failed one is forgotten. */
class Once<T> {
  private pending: Promise<T> | undefined;

  get(load: () => Promise<T>): Promise<T> {
    if (this.pending === undefined) {
      const loading = load();
      this.pending = loading;
      loading.catch(() => {
        if (this.pending === loading) this.pending = undefined;
      });
    }
    return this.pending;
  }

  reset(): void {
    this.pending = undefined;
  }
}

const codeListOnce = new Once<Icd10Index>();
const searchOnce = new Once<DiagnosisSearchIndex>();

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
  return codeListOnce.get(() => fetchText().then(parseIcd10Tsv));
}

/** Forgets the cached code list and search index (for tests). */
export function resetIcd10IndexCache(): void {
  codeListOnce.reset();
  searchOnce.reset();
}

/** Where a home's diagnosis data comes from: the texts of the two static files. */
export interface DiagnosisFiles {
  /** `icd10se.tsv`: the ICD-10-SE code list. */
  codeList: () => Promise<string>;
  /** `ksh97p-synonyms.tsv`: Socialstyrelsen's KSH97-P synonyms. */
  synonyms: () => Promise<string>;
}

/** The backend's diagnosis data, each part loaded once per process, on first use. */
export interface DiagnosisData {
  /** The ICD-10-SE code list: the look-up and the checks at signing. */
  codeList: () => Promise<Icd10Index>;
  /** The search's index: the code list, KSH97-P's synonyms and FMB's codes. */
  search: () => Promise<DiagnosisSearchIndex>;
}

/**
 * The diagnosis data of a home. The search index is built on the first search only (the
 * synonyms and FMB's files are fetched then), so a backend that only validates codes never
 * loads them. FMB's codes come from its own loader (a chunk of their own in the browser).
 */
export function diagnosisData(
  files: DiagnosisFiles,
  loadFmb: () => Promise<FmbCodes> = loadFmbIndex,
): DiagnosisData {
  const codeList = () => loadIcd10Index(files.codeList);
  return {
    codeList,
    search: () =>
      searchOnce.get(async () => {
        const [list, synonymsText, fmb] = await Promise.all([
          codeList(),
          files.synonyms(),
          loadFmb(),
        ]);
        const { synonyms } = parseKsh97pSynonyms(synonymsText, list);
        return buildDiagnosisSearchIndex(list, synonyms, fmb);
      }),
  };
}
