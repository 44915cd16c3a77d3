import { http, type RequestHandler } from 'msw';
import { createDispatcher } from '../server/http/dispatch';
import type { ApiRoute } from '../server/http/route';

/**
 * The backend's routes as one MSW handler: every API request goes to the backend's own
 * dispatcher (server/http/dispatch.ts), as the Node server's requests do, so both homes
 * route alike. It matches by predicate, not by path: MSW's matching of a path decodes it,
 * which a malformed escape would make throw (the backend answers those with a 400).
 */
export function mswHandlerFor(routes: readonly ApiRoute[]): RequestHandler {
  const dispatch = createDispatcher(routes);
  return http.all(
    ({ request }) => new URL(request.url).pathname.startsWith('/api/'),
    ({ request }) => dispatch(request),
  );
}
