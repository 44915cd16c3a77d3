import { http } from 'msw';
import { resetRequestSchema, resetResponseSchema } from '../../src/contracts/testability';
import type { Database } from '../db/database';
import { resetStore } from '../db/seed';
import { jsonResponse, parseJsonBody } from './support';

/** Testers' controls. They exist only in the embedded backend, never in a real one. */
export function testabilityHandlers(db: Database) {
  return [
    http.post('/api/testability/reset', async ({ request }) => {
      const body = await parseJsonBody(request, resetRequestSchema);
      if (!body.ok) return body.response;
      await db.write((tx) => resetStore(tx, body.data.scenario, body.data.settings));
      return jsonResponse(resetResponseSchema, { scenario: body.data.scenario });
    }),
  ];
}
