import { apiErrorCodes } from '../../src/contracts/common';
import type { Database } from '../store/store';
import { delay, networkError, type ApiRoute } from './route';
import { errorResponse, loadSettings } from './support';

/**
 * The path decoded, or undefined when it holds a percent sign that does not start a valid
 * UTF-8 escape. The decoded value is returned, not dropped: the production minifier treats
 * a call to `decodeURIComponent` whose result is unused as removable, and removed it.
 */
function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/**
 * Refuses an API path with a malformed percent-escape (`/api/patients/%E0%A4%A`) with a
 * 400 before any other handler sees it: MSW decodes path parameters while it matches, and
 * a malformed escape would otherwise throw there and answer 500 with a stack trace. It
 * matches by predicate, so that its own matching never decodes the path.
 */
export function malformedPathRoutes(): ApiRoute[] {
  return [
    {
      matches: (request) => {
        const { pathname } = new URL(request.url);
        return pathname.startsWith('/api/') && decodePath(pathname) === undefined;
      },
      resolve: () =>
        errorResponse(
          400,
          apiErrorCodes.badRequest,
          'Adressen innehåller ett ogiltigt tecken. Kontrollera adressen och försök igen.',
        ),
    },
  ];
}

/**
 * Applies the scenario's fault to every API call except the testability controls:
 * a server error, a network failure, or a slow answer. Without a fault it falls through.
 */
export function faultRoutes(db: Database): ApiRoute[] {
  return [
    {
      path: '/api/*',
      resolve: async ({ request }) => {
        if (new URL(request.url).pathname.startsWith('/api/testability/')) return undefined;
        const { fault } = await db.read(loadSettings);
        switch (fault) {
          // 'storage-error': the store itself fails its writes (`DatabaseOptions.simulatedFaults`).
          case 'none':
          case 'signing-error':
          case 'storage-error':
            return undefined;
          case 'slow':
            await delay(1500);
            return undefined;
          case 'network-error':
            return networkError();
          case 'server-error':
            return errorResponse(
              500,
              apiErrorCodes.serverError,
              'Ett tekniskt fel uppstod på servern.',
            );
        }
      },
    },
  ];
}

/** Unknown API paths get a clear 404 instead of reaching the static file server. */
export function fallbackRoutes(): ApiRoute[] {
  return [
    {
      path: '/api/*',
      resolve: () => errorResponse(404, apiErrorCodes.notFound, 'Adressen finns inte i tjänsten.'),
    },
  ];
}
