import { getResponse, http, HttpHandler, type RequestHandler } from 'msw';

interface Route {
  handler: RequestHandler;
  /** The part of the handler's path before its first parameter or wildcard. */
  prefix: string | undefined;
  /** The handler's method, undefined when it takes any. */
  method: string | undefined;
}

function routeOf(handler: RequestHandler): Route {
  if (!(handler instanceof HttpHandler)) return { handler, prefix: undefined, method: undefined };
  const { path, method } = handler.info;
  return {
    handler,
    prefix: typeof path === 'string' ? (/^[^:*]*/.exec(path)?.[0] ?? '') : undefined,
    method: typeof method === 'string' && method !== 'ALL' ? method : undefined,
  };
}

/**
 * The embedded backend's handlers behind one MSW handler that hands each API request only to
 * the handlers whose method and path could match it, in their order, so the first that
 * answers still wins. MSW itself would try every handler on every request, parsing the
 * request's cookies and matching its path for each: with about 170 handlers that was the
 * largest part of an answer's time, on the page's main thread.
 */
export function routeByPath(handlers: readonly RequestHandler[]): RequestHandler {
  const routes = handlers.map(routeOf);
  return http.all(
    // A predicate, not a path: MSW's matching of a path decodes it, which a malformed escape
    // would make throw (faults.ts answers those with a 400).
    ({ request }) => new URL(request.url).pathname.startsWith('/api/'),
    ({ request }) => {
      const { pathname } = new URL(request.url);
      const candidates = routes
        .filter(
          ({ prefix, method }) =>
            (prefix === undefined || pathname.startsWith(prefix)) &&
            (method === undefined || method === request.method),
        )
        .map(({ handler }) => handler);
      return getResponse(candidates, request);
    },
  );
}
