import { endpoints } from '../../src/contracts/endpoints';
import { certificateTypes } from '../../src/definitions';
import {
  draftListResponseSchema,
  draftListStatus,
  signedListResponseSchema,
  signedListStatus,
  type CertificateSummary,
} from '../../src/contracts/certificates';
import type { Database, ReadCache, Transaction } from '../store/store';
import {
  certificateListRowSchema,
  type CertificateListRow,
  type CertificateRecord,
  type PatientRecord,
} from '../store/schema';
import { patientSortName, replacedByOf, summarize } from '../domain/certificates';
import { swedishDay } from '../domain/clock';
import { mayAccessPatient } from '../domain/lifecycle';
import { serve } from './guard';
import { jsonResponse, type Auth } from './support';
import { loadDefinitions, type Definitions } from './thread-support';

/**
 * The work lists of certificates: "Ej signerade utkast" and "Signerade intyg". Both are
 * filtered, sorted and paged here, not in the browser, so a unit with tens of thousands of
 * certificates sends the client one page.
 */
export function certificateListHandlers(db: Database, rowCache: ReadCache<CertificateListRow>) {
  return [
    serve(db, endpoints.queryDrafts, async ({ auth, body }) => {
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        // Locked drafts stay in the list, marked, until they are copied or revoked.
        const rows = await unitRows(tx, auth, ['draft', 'locked-draft'], rowCache);
        const { filter } = body;
        const savers = new Map<string, string>();
        const { items, sortName } = await listedSummaries(tx, auth, definitions, rows, filter, {
          stateOf: draftListStatus,
          keep: (record) => {
            savers.set(record.savedBy.userId, record.savedBy.name);
            return filter.savedBy === undefined || record.savedBy.userId === filter.savedBy;
          },
        });
        const page = sortAndPage(items, body, (row) => {
          switch (body.sort) {
            case 'patient':
              return sortName(row);
            case 'type':
              return row.type;
            case 'status':
              return draftListStatus(row);
            case 'savedBy':
              return row.savedBy;
            case 'savedAt':
              return { instant: row.savedAt };
          }
        });
        return jsonResponse(draftListResponseSchema, {
          ...page,
          types: typeOptions(definitions),
          savers: peopleOptions(savers),
        });
      });
    }),

    serve(db, endpoints.querySigned, async ({ auth, body }) => {
      const definitions = await loadDefinitions();
      return db.read(async (tx) => {
        const rows = await unitRows(tx, auth, ['signed', 'revoked'], rowCache);
        const { filter } = body;
        const signers = new Map<string, string>();
        const { items, sortName } = await listedSummaries(tx, auth, definitions, rows, filter, {
          stateOf: signedListStatus,
          keep: (record) => {
            if (record.signed === undefined) return false;
            signers.set(record.signed.by.userId, record.signed.by.name);
            if (filter.signedBy !== undefined && record.signed.by.userId !== filter.signedBy) {
              return false;
            }
            if (filter.signedFrom === undefined && filter.signedTo === undefined) return true;
            // The signing day only when a day filter asks (formatting a date is not free).
            const day = swedishDay(Date.parse(record.signed.at));
            return (
              (filter.signedFrom === undefined || day >= filter.signedFrom) &&
              (filter.signedTo === undefined || day <= filter.signedTo)
            );
          },
        });
        const page = sortAndPage(items, body, (row) => {
          switch (body.sort) {
            case 'patient':
              return sortName(row);
            case 'type':
              return row.type;
            case 'status':
              return signedListStatus(row);
            case 'signedBy':
              return row.signedBy ?? '';
            case 'signedAt':
              return { instant: row.signedAt ?? '' };
            case 'sentAt':
              return { instant: row.sentAt ?? '' };
          }
        });
        return jsonResponse(signedListResponseSchema, {
          ...page,
          types: typeOptions(definitions),
          signers: peopleOptions(signers),
        });
      });
    }),
  ];
}

/** The unit's list rows in the given states (the projection store: no answers, no events). */
async function unitRows(
  tx: Transaction,
  auth: Auth,
  statuses: CertificateRecord['status'][],
  cache: ReadCache<CertificateListRow>,
): Promise<CertificateListRow[]> {
  const lists = await Promise.all(
    statuses.map((status) =>
      tx.certificateRows.cachedByIndexAs(
        'by-unit-status',
        { equals: [auth.unit.hsaId, status] },
        certificateListRowSchema,
        cache,
      ),
    ),
  );
  return lists.flat();
}

/**
 * The rows the user may see (protected identities only for the roles the type allows) that
 * pass the list's filter, as summaries with their replacements: type and patient text for
 * both lists, the list's own `keep` (which sees every visible row, so it can also collect the
 * filter options) and its state.
 */
async function listedSummaries<State extends string>(
  tx: Transaction,
  auth: Auth,
  definitions: Definitions,
  rows: CertificateListRow[],
  filter: { type?: string | undefined; patient?: string | undefined; status?: State | undefined },
  list: {
    keep: (row: CertificateListRow) => boolean;
    stateOf: (summary: CertificateSummary) => State;
  },
): Promise<{
  items: CertificateSummary[];
  /** A summary's patient as the lists sort patients: by family name. */
  sortName: (summary: CertificateSummary) => string;
}> {
  // Only the patients of the unit's rows, not every patient of every unit.
  const patients: PatientRecord[] = await tx.patients.getMany(rows.map((row) => row.patientId));
  const patientById = new Map(patients.map((patient) => [patient.id, patient]));
  const sortNames = new Map(patients.map((patient) => [patient.id, patientSortName(patient)]));
  const replacedBy = replacedByOf(rows);
  const summaries: CertificateSummary[] = [];
  for (const row of rows) {
    const patient = patientById.get(row.patientId);
    // The list shows what belongs to the type (its name, its policy): the current version's.
    const definition = definitions.current(row.type);
    if (patient === undefined) continue;
    if (!mayAccessPatient([definition.policy], auth.user.role, patient)) continue;
    if (!list.keep(row) || (filter.type !== undefined && row.type !== filter.type)) continue;
    const summary = summarize(row, patient, definition, replacedBy.get(row.id));
    if (filter.status !== undefined && list.stateOf(summary) !== filter.status) continue;
    if (matchesPatient(summary, filter.patient)) summaries.push(summary);
  }
  return {
    items: summaries,
    sortName: (summary) => sortNames.get(summary.patient.id) ?? summary.patient.name,
  };
}

/** Part of the patient's name or identity number, ignoring spaces and the hyphen. */
function matchesPatient(summary: CertificateSummary, text: string | undefined): boolean {
  const needle = text?.toLowerCase().replace(/[\s-]/g, '') ?? '';
  return (
    needle === '' ||
    summary.patient.name.toLowerCase().replace(/\s/g, '').includes(needle) ||
    summary.patient.identityNumber.includes(needle)
  );
}

type SortKey = string | { instant: string };

const collator = new Intl.Collator('sv');
// ISO instants sort as strings; the collator is for names and labels.
const byInstant = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareKeys = (a: SortKey, b: SortKey) =>
  typeof a === 'string' && typeof b === 'string'
    ? collator.compare(a, b)
    : byInstant(typeof a === 'string' ? a : a.instant, typeof b === 'string' ? b : b.instant);

/** Sorts (ties: newest change first) and cuts out the requested page. */
function sortAndPage(
  rows: CertificateSummary[],
  request: { order: 'asc' | 'desc'; page: number; pageSize: number },
  key: (row: CertificateSummary) => SortKey,
) {
  const direction = request.order === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: key(row), tie: row.signedAt ?? row.savedAt }));
  keyed.sort((a, b) => direction * compareKeys(a.key, b.key) || byInstant(b.tie, a.tie));
  const start = (request.page - 1) * request.pageSize;
  return {
    items: keyed.slice(start, start + request.pageSize).map(({ row }) => row),
    total: rows.length,
    page: request.page,
    pageSize: request.pageSize,
  };
}

function typeOptions(definitions: Definitions) {
  return certificateTypes.map((type) => {
    const definition = definitions.current(type);
    return { type, formNumber: definition.formNumber, name: definition.name };
  });
}

function peopleOptions(people: Map<string, string>) {
  return [...people]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
