import { endpoints } from '../../src/contracts/endpoints';
import { workCountsSchema, type WorkCounts } from '../../src/contracts/work-lists';
import type { Database, ReadCache } from '../store/store';
import {
  certificateListRowSchema,
  threadListRowSchema,
  type CertificateListRow,
  type PatientRecord,
  type ThreadListRow,
} from '../store/schema';
import { mayAccessPatient } from '../domain/lifecycle';
import { serve } from './guard';
import { jsonResponse } from './support';
import { loadDefinition, type CertificateTypeCode } from '../../src/definitions';
import type { Role } from '../../src/form-engine';

export interface WorkListCaches {
  threadRows: ReadCache<ThreadListRow>;
  certificateRows: ReadCache<CertificateListRow>;
}

/**
 * The work counts of a unit for a user of a role: its open threads and its unsigned drafts,
 * each counted only when the user may open it, as the inbox and the drafts list show them (a
 * protected identity's only for the roles its type allows). The header's badges and the
 * choice of care unit count with this.
 */
export async function countWork(
  db: Database,
  caches: WorkListCaches,
  role: Role,
  unitHsaId: string,
): Promise<WorkCounts> {
  const { open, drafts, patients } = await db.read(async (tx) => {
    const [open, drafts] = await Promise.all([
      tx.threads.cachedByIndexAs(
        'by-unit-state',
        { equals: [unitHsaId, 'open'] },
        threadListRowSchema,
        caches.threadRows,
      ),
      tx.certificateRows.cachedByIndexAs(
        'by-unit-status',
        { equals: [unitHsaId, 'draft'] },
        certificateListRowSchema,
        caches.certificateRows,
      ),
    ]);
    // Only the patients the rows name, not every patient of every unit.
    const patients = await tx.patients.getMany([
      ...new Set([...open.map((row) => row.patientId), ...drafts.map((row) => row.patientId)]),
    ]);
    return { open, drafts, patients };
  });
  const threadRows = open.map((row) => ({
    type: row.certificateType,
    patientId: row.patientId,
  }));
  const mayOpen = await mayOpenRows(role, patients, [...threadRows, ...drafts]);
  return {
    unhandledThreads: threadRows.filter(mayOpen).length,
    unsignedDrafts: drafts.filter(mayOpen).length,
  };
}

export function workListHandlers(db: Database, caches: WorkListCaches) {
  return [
    /** Badge counts for the user's care unit (`countWork`); polled, so not activity. */
    serve(db, endpoints.getWorkCounts, { touch: false }, async ({ auth }) =>
      jsonResponse(workCountsSchema, await countWork(db, caches, auth.user.role, auth.unit.hsaId)),
    ),
  ];
}

interface RowFacts {
  type: CertificateTypeCode;
  patientId: string;
}

/**
 * Whether the user may open a row of a type for a patient: the lists' rule (mayAccessPatient).
 * A type's definition is loaded only when a protected identity's row needs its policy (the
 * counts are asked for on every page, the first time before any definition is loaded).
 */
async function mayOpenRows(
  role: Role,
  patients: readonly PatientRecord[],
  rows: readonly RowFacts[],
): Promise<(row: RowFacts) => boolean> {
  const byId = new Map(patients.map((patient) => [patient.id, patient]));
  const protectedTypes = new Set(
    rows
      .filter((row) => byId.get(row.patientId)?.protectedIdentity === true)
      .map((row) => row.type),
  );
  const policies = new Map(
    await Promise.all(
      [...protectedTypes].map(async (type) => [type, (await loadDefinition(type)).policy] as const),
    ),
  );
  return (row) => {
    const patient = byId.get(row.patientId);
    const policy = policies.get(row.type);
    return (
      patient !== undefined && mayAccessPatient(policy === undefined ? [] : [policy], role, patient)
    );
  };
}
