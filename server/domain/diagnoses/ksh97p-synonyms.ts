/**
 * Socialstyrelsen's KSH97-P synonym list (public/data/ksh97p-synonyms.tsv, its source in
 * public/data/README.md): the words primary care uses for a diagnosis ("Frusen skuldra",
 * "Hälsporre", "Ryggskott"), each under a KSH97-P code. The search attaches each term to the
 * ICD-10-SE code the KSH97-P code stands for, so a physician's word finds the official code.
 */

import { type Icd10Index } from './icd10-index';

/** A KSH97-P code as the list writes it: `A00-`, `A02-P`, `A481P`, `A045`, `F438A`. */
const KSH97P_CODE = /^[A-Z][0-9]{2}[0-9A-Z]{0,2}(?:-P?)?$/;

export interface DiagnosisSynonym {
  /** The ICD-10-SE code (source form, no dot) the term is attached to. */
  readonly code: string;
  /** The term as the list writes it. */
  readonly term: string;
}

export interface ParsedSynonyms {
  readonly synonyms: readonly DiagnosisSynonym[];
  /** KSH97-P codes with no ICD-10-SE code to attach their terms to. */
  readonly unmatchedCodes: readonly string[];
}

/**
 * The ICD-10-SE code a KSH97-P code stands for. KSH97-P writes a whole category as `A00-`, a
 * primary-care grouping of codes as `A02-P` or `M779P`; without those marks the code is an
 * ICD-10-SE code (`A02`, `M779`). A few codes the 2022 edition no longer has (R10.8, Q31.4)
 * are attached to the nearest code above them, shortening from the right down to the
 * category, as FMB's codes are matched; `undefined` when not even the category exists.
 */
export function icd10CodeOfKsh97p(kshCode: string, codeList: Icd10Index): string | undefined {
  const withoutGroupMark = kshCode.replace(/-P?$/, '');
  if (codeList.idByCode.has(withoutGroupMark)) return withoutGroupMark;
  let code = withoutGroupMark.replace(/P$/, '');
  while (code.length >= 3) {
    if (codeList.idByCode.has(code)) return code;
    code = code.slice(0, -1);
  }
  return undefined;
}

/**
 * Parses the `code<TAB>term` list (header row `code<TAB>term`; BOM, CRLF and blank lines
 * tolerated) and attaches each term to its ICD-10-SE code. Throws on a malformed row, a
 * code that is not shaped like a KSH97-P code, or an empty term.
 */
export function parseKsh97pSynonyms(text: string, codeList: Icd10Index): ParsedSynonyms {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const synonyms: DiagnosisSynonym[] = [];
  const unmatched = new Set<string>();
  lines.forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    const fields = line.split('\t');
    const [rawCode = '', rawTerm = ''] = fields;
    if (lineIndex === 0 && rawCode.trim().toLowerCase() === 'code') return;
    const where = `KSH97-P synonym list, line ${String(lineIndex + 1)}`;
    if (fields.length !== 2) throw new Error(`${where}: expected 2 tab-separated fields`);
    const kshCode = rawCode.trim();
    const term = rawTerm.trim().replace(/\s+/g, ' ');
    if (!KSH97P_CODE.test(kshCode)) throw new Error(`${where}: invalid code "${kshCode}"`);
    if (term === '') throw new Error(`${where}: empty term for ${kshCode}`);
    const code = icd10CodeOfKsh97p(kshCode, codeList);
    if (code === undefined) unmatched.add(kshCode);
    else synonyms.push({ code, term });
  });
  return { synonyms, unmatchedCodes: [...unmatched] };
}
