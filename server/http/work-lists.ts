import { endpoints } from '../../src/contracts/endpoints';
import { workCountsSchema } from '../../src/contracts/work-lists';
import type { Database, ReadCache } from '../store/store';
import { threadListRowSchema, type ThreadListRow } from '../store/schema';
import { mayHandleProtected } from '../domain/lifecycle';
import { serve } from './guard';
import { jsonResponse } from './support';
import { loadDefinition } from '../../src/definitions';

export function workListHandlers(db: Database, threadRows: ReadCache<ThreadListRow>) {
  return [
    /**
     * Badge counts for the user's care unit: its open threads (as the inbox shows them, so
     * protected identities only for those who may handle them) and unsigned drafts. Polled,
     * so not counted as the user's activity.
     */
    serve(db, endpoints.getWorkCounts, { touch: false }, async ({ auth }) => {
      const unitHsaId = auth.unit.hsaId;
      const { open, unsignedDrafts, protectedIds } = await db.read(async (tx) => {
        const [open, unsignedDrafts] = await Promise.all([
          tx.threads.cachedByIndexAs(
            'by-unit-state',
            { equals: [unitHsaId, 'open'] },
            threadListRowSchema,
            threadRows,
          ),
          tx.certificates.countByIndex('by-unit-status', { equals: [unitHsaId, 'draft'] }),
        ]);
        // Only the patients of the open threads, not every patient of every unit.
        const patients = await tx.patients.getMany(open.map((thread) => thread.patientId));
        return {
          open,
          unsignedDrafts,
          protectedIds: new Set(
            patients.filter((patient) => patient.protectedIdentity).map(({ id }) => id),
          ),
        };
      });
      // A type's definition only when a protected identity's thread needs its rule: the
      // counts are asked for on every page, the first time before any definition is loaded.
      const protectedTypes = new Set(
        open
          .filter((thread) => protectedIds.has(thread.patientId))
          .map((thread) => thread.certificateType),
      );
      const mayHandle = new Map(
        await Promise.all(
          [...protectedTypes].map(
            async (type) =>
              [
                type,
                mayHandleProtected((await loadDefinition(type)).policy, auth.user.role),
              ] as const,
          ),
        ),
      );
      const unhandledThreads = open.filter(
        (thread) =>
          !protectedIds.has(thread.patientId) || mayHandle.get(thread.certificateType) === true,
      ).length;
      return jsonResponse(workCountsSchema, { unhandledThreads, unsignedDrafts });
    }),
  ];
}
