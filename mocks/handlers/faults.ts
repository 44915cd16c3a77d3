import { delay, http, HttpResponse } from 'msw';
import { apiErrorCodes } from '../../src/contracts/common';
import type { Database } from '../db/database';
import { errorResponse, loadSettings } from './support';

/**
 * Applies the scenario's fault to every API call except the testability controls:
 * a server error, a network failure, or a slow answer. Without a fault it falls through.
 */
export function faultHandlers(db: Database) {
  return [
    http.all('/api/*', async ({ request }) => {
      if (new URL(request.url).pathname.startsWith('/api/testability/')) return undefined;
      const { fault } = await db.read(loadSettings);
      switch (fault) {
        case 'none':
        case 'signing-error':
          return undefined;
        case 'slow':
          await delay(1500);
          return undefined;
        case 'network-error':
          return HttpResponse.error();
        case 'server-error':
          return errorResponse(
            500,
            apiErrorCodes.serverError,
            'Ett tekniskt fel uppstod på servern.',
          );
      }
    }),
  ];
}

/** Unknown API paths get a clear 404 instead of reaching the static file server. */
export function fallbackHandlers() {
  return [
    http.all('/api/*', () =>
      errorResponse(404, apiErrorCodes.notFound, 'Adressen finns inte i tjänsten.'),
    ),
  ];
}
