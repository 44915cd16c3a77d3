import { z } from 'zod';
import {
  fmbConditionKindSchema,
  fmbTypfallSchema,
  type FmbConditionKind,
  type FmbTypfall,
} from '../../../src/contracts/fmb';
import type { FmbIndex } from './fmb';

/**
 * Socialstyrelsen's FMB as the embedded backend serves it: the two TSV files of `./data`
 * (their source and age are in its README), parsed and checked once, on the first FMB call.
 */

const conditionKinds = fmbConditionKindSchema.options;

const typfallRowSchema = z.object({
  typfall_id: z.string().regex(/^\d+$/),
  icd10: z.string().min(3),
  max_days: z.string().regex(/^\d*$/),
  max_grade: z.enum(['heltid', 'deltid', '']),
  label: z.string().min(1),
  updated: z.iso.date(),
  severity: z.string(),
  workload: z.string(),
  procedure: z.string(),
  course: z.string(),
  complicating: z.string(),
  comorbidity: z.string(),
});

const diagnosisRowSchema = z.object({
  icd10: z.string().regex(/^[A-Z]\d{2}[0-9A-Z]{0,2}$/),
  fmb_id: z.string().min(1),
  heading: z.string().min(1),
});

/** The rows of a tab-separated file with a header row, as records by column name. */
function rowsOf(tsv: string): Record<string, string>[] {
  const [header, ...lines] = tsv.split('\n').filter((line) => line.trim() !== '');
  if (header === undefined) throw new Error('FMB file without a header');
  const columns = header.split('\t');
  // A heading may run over two lines in the source (F900's does): a line without the
  // columns continues the row before it.
  const rows: string[][] = [];
  for (const line of lines) {
    const cells = line.split('\t');
    const previous = rows.at(-1);
    if (cells.length === 1 && previous !== undefined) {
      previous[previous.length - 1] = `${previous.at(-1) ?? ''} ${line.trim()}`;
    } else {
      rows.push(cells);
    }
  }
  return rows.map((cells) =>
    Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ''])),
  );
}

export function parseFmb(typfallTsv: string, diagnosesTsv: string): FmbIndex {
  const headings = new Map<string, string>();
  for (const raw of rowsOf(diagnosesTsv)) {
    const row = diagnosisRowSchema.parse(raw);
    headings.set(row.icd10, row.heading);
  }
  const typfall = new Map<string, FmbTypfall[]>();
  let snapshot = '';
  for (const raw of rowsOf(typfallTsv)) {
    const row = typfallRowSchema.parse(raw);
    if (row.updated > snapshot) snapshot = row.updated;
    const conditions = conditionKinds.flatMap((kind: FmbConditionKind) => {
      const values = row[kind]
        .split(';')
        .map((value) => value.trim())
        .filter((value) => value !== '');
      return values.length === 0 ? [] : [{ kind, values }];
    });
    const entry = fmbTypfallSchema.parse({
      id: row.typfall_id,
      label: row.label,
      ...(row.max_days === '' ? {} : { maxDays: Number(row.max_days) }),
      ...(row.max_grade === '' ? {} : { grade: row.max_grade }),
      conditions,
    });
    for (const code of row.icd10.split(',').map((part) => part.trim())) {
      typfall.set(code, [...(typfall.get(code) ?? []), entry]);
    }
  }
  return { headings, typfall, snapshot };
}

let pending: Promise<FmbIndex> | undefined;

/** Loads the files (a chunk of their own) and indexes them once per worker or process. */
export function loadFmbIndex(): Promise<FmbIndex> {
  if (pending === undefined) {
    const loading = Promise.all([
      import('./data/fmb-typfall.tsv?raw'),
      import('./data/fmb-diagnoses.tsv?raw'),
    ]).then(([typfall, diagnoses]) => parseFmb(typfall.default, diagnoses.default));
    pending = loading;
    loading.catch(() => {
      if (pending === loading) pending = undefined;
    });
  }
  return pending;
}
