import { endpoints } from '../../src/contracts/endpoints';
import { handle } from './endpoint';
import { workCountsSchema } from '../../src/contracts/work-lists';
import type { Database, ReadCache } from '../db/database';
import { threadListRowSchema, type ThreadListRow } from '../db/schema';
import { mayHandleProtected } from '../domain/lifecycle';
import { guard } from './guard';
import { jsonResponse } from './support';
import { loadDefinitions } from './thread-support';

export function workListHandlers(db: Database, threadRows: ReadCache<ThreadListRow>) {
  return [
    /**
     * Badge counts for the user's care unit: its open threads (as the inbox shows them, so
     * protected identities only for those who may handle them) and unsigned drafts. Polled,
     * so not counted as the user's activity.
     */
    handle(
      endpoints.getWorkCounts,
      guard(db, { touch: false }, async ({ auth }) => {
        const definitions = await loadDefinitions();
        return db.read(async (tx) => {
          const unitHsaId = auth.unit.hsaId;
          const [open, unsignedDrafts, patients] = await Promise.all([
            tx.threads.cachedByIndexAs(
              'by-unit-state',
              [unitHsaId, 'open'],
              threadListRowSchema,
              threadRows,
            ),
            tx.certificates.countByIndex('by-unit-status', [unitHsaId, 'draft']),
            tx.patients.getAll(),
          ]);
          const protectedIds = new Set(
            patients.filter((patient) => patient.protectedIdentity).map((patient) => patient.id),
          );
          const unhandledThreads = open.filter((thread) => {
            if (!protectedIds.has(thread.patientId)) return true;
            const definition = definitions.get(thread.certificateType);
            return (
              definition !== undefined && mayHandleProtected(definition.policy, auth.user.role)
            );
          }).length;
          return jsonResponse(workCountsSchema, { unhandledThreads, unsignedDrafts });
        });
      }),
    ),
  ];
}
