import { endpoints } from '../../src/contracts/endpoints';
import { handle } from './endpoint';
import { workCountsSchema } from '../../src/contracts/work-lists';
import type { Database } from '../db/database';
import { guard } from './guard';
import { jsonResponse } from './support';

export function workListHandlers(db: Database) {
  return [
    /** Badge counts for the user's care unit. Polled, so not counted as the user's activity. */
    handle(
      endpoints.getWorkCounts,
      guard(db, { touch: false }, async ({ auth }) =>
        db.read(async (tx) => {
          const unitHsaId = auth.unit.hsaId;
          const [threads, unsignedDrafts] = await Promise.all([
            tx.threads.getAll(),
            tx.certificates.countByIndex('by-unit-status', [unitHsaId, 'draft']),
          ]);
          return jsonResponse(workCountsSchema, {
            unhandledThreads: threads.filter((t) => t.unitHsaId === unitHsaId && !t.handled).length,
            unsignedDrafts,
          });
        }),
      ),
    ),
  ];
}
