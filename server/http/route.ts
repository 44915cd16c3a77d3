import type { EndpointDefinition } from '../../src/contracts/endpoints';

/**
 * The backend's routes, free of any transport: a route takes a fetch `Request` and answers a
 * fetch `Response`, or `undefined` to let the next route try. MSW (in the browser and in
 * Vitest, mocks/) and the Node server (server/node) both hand requests to the same routes
 * through `createDispatcher` (./dispatch.ts).
 */

/** Path parameters, decoded: `/api/certificates/:id` on `/api/certificates/c%201` gives `{ id: 'c 1' }`. */
export type PathParams = Readonly<Record<string, string>>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type RouteResolver = (info: {
  request: Request;
  params: PathParams;
}) => Promise<Response | undefined> | Response | undefined;

export interface ApiRoute {
  /** The method it answers; undefined for every method. */
  method?: HttpMethod | undefined;
  /**
   * The path it answers, `:name` for a parameter (`/api/certificates/:id`), or a prefix with a
   * final `*` (`/api/*`). Without a path, `matches` decides.
   */
  path?: string | undefined;
  /** A predicate instead of a path (a path that must not be decoded to be judged). */
  matches?: ((request: Request) => boolean) | undefined;
  resolve: RouteResolver;
  /** The registry's endpoint this route answers, for the routes made from it (./endpoint.ts). */
  endpoint?: EndpointDefinition | undefined;
}

/** A network failure (the testability API's `network-error`): MSW fails the fetch; the server drops the connection. */
export function networkError(): Response {
  return Response.error();
}

export function isNetworkError(response: Response): boolean {
  return response.type === 'error';
}

/** Waits, for the testability API's slow scenario. */
export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
