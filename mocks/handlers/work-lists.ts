import { http } from 'msw';
import { workCountsSchema } from '../../src/contracts/work-lists';
import type { Database } from '../db/database';
import { authenticate, jsonResponse } from './support';

export function workListHandlers(db: Database) {
  return [
    /** Badge counts for the user's care unit. Polled, so not counted as the user's activity. */
    http.get('/api/work-counts', async ({ request }) =>
      db.write(async (tx) => {
        const result = await authenticate(tx, request, { touch: false });
        if (!result.ok) return result.response;
        const unitHsaId = result.auth.unit.hsaId;
        const [threads, certificates] = await Promise.all([
          tx.threads.getAll(),
          tx.certificates.getAll(),
        ]);
        return jsonResponse(workCountsSchema, {
          unhandledThreads: threads.filter((t) => t.unitHsaId === unitHsaId && !t.handled).length,
          unsignedDrafts: certificates.filter(
            (c) => c.unitHsaId === unitHsaId && c.status === 'draft',
          ).length,
        });
      }),
    ),
  ];
}
