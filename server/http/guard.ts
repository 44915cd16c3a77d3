import type { z } from 'zod';
import { apiErrorCodes } from '../../src/contracts/common';
import {
  principalsOf,
  rolesOf,
  type EndpointDefinition,
  type EndpointTag,
  type PrincipalOf,
} from '../../src/contracts/endpoints';
import type { Database } from '../store/store';
import { handle } from './endpoint';
import type { ApiRoute, PathParams } from './route';
import {
  authenticateSession,
  errorResponse,
  parseJsonBody,
  principalMessages,
  type AnyAuth,
  type Auth,
} from './support';

/**
 * Every endpoint is registered from its declaration in the registry (src/contracts/
 * endpoints.ts): its route, whose sessions it takes and which care roles (`principalsOf`,
 * `rolesOf`), and its request body's schema. A handler states only what is its own: the
 * resource check (`access`), whether the call counts as the user's activity (`touch`), and
 * its logic, which receives the session's person and the body parsed with the registry's
 * schema.
 *
 * One guard order for every endpoint with a session: the session (401), then the principal
 * and the role (403), then the resource the path names (`access`: the unit's, the patient's
 * own; its refusal is the same whether the resource exists or not), and only then the body
 * (400, 413). So a refusal never depends on the body, a caller without a session or without
 * access never learns anything from validation, and its body is never read. A failure inside
 * a handler is answered where every route's is, in `handle` (./endpoint.ts, ./failures.ts): a
 * Swedish 500, or 503 when the store is unavailable, never a stack trace.
 */

export const guardMessages = {
  wrongPrincipal: principalMessages.wrongPrincipal,
  wrongRole: 'Din roll har inte behörighet till detta.',
} as const;

/** The session's person an endpoint's handler receives: a care user, an officer, a patient. */
export type AuthOf<E extends EndpointDefinition> = Extract<AnyAuth, { principal: PrincipalOf<E> }>;

export interface Guarded<A, B> {
  request: Request;
  params: PathParams;
  auth: A;
  body: B;
}

type Handler<A, B> = (guarded: Guarded<A, B>) => Promise<Response>;

export interface AccessInput<A = Auth> {
  db: Database;
  params: PathParams;
  auth: A;
}

export interface GuardOptions<A> {
  /** False for calls that are not the user's activity (polling, a status check, log-out). */
  touch?: boolean;
  /**
   * The resource check, after the principal and the role and before the body: a refusal, or
   * undefined to go on. It may read the store, never the body.
   */
  access?: (input: AccessInput<A>) => Promise<Response | undefined>;
}

export type SessionEndpoint = EndpointDefinition & { auth: 'session' };
type PublicEndpoint = EndpointDefinition & { auth: 'none' };

/** An endpoint that takes care users' sessions only (every endpoint of the care unit's app). */
export type CareEndpoint = SessionEndpoint & {
  tag: Exclude<EndpointTag, 'fk-simulator' | 'patient-portal'>;
  principals?: undefined;
};

/**
 * The registry's request schema, whose output the handler receives as its body; an endpoint
 * without one hands its handler no body (`unknown`: there is nothing to read in it).
 */
type WithBody<B> = { request: z.ZodType<B> };
type WithoutBody = { request?: undefined };

/** Reads the body with the endpoint's request schema, if it declares one. */
async function bodyOf(
  endpoint: EndpointDefinition,
  request: Request,
): Promise<{ ok: true; data: unknown } | { ok: false; response: Response }> {
  if (endpoint.request === undefined) return { ok: true, data: undefined };
  return parseJsonBody(request, endpoint.request);
}

/**
 * The guard of an endpoint with a session, in the order above, then its handler, which
 * receives the person of the principal the registry names (`AuthOf`) and the body its request
 * schema parses. A wrapper that is generic over the body names the endpoint's kind itself
 * (`serve<CareEndpoint, B>(…)`).
 */
export function serve<E extends SessionEndpoint, B>(
  db: Database,
  endpoint: E & WithBody<B>,
  handler: Handler<AuthOf<E>, B>,
): ApiRoute;
export function serve<E extends SessionEndpoint, B>(
  db: Database,
  endpoint: E & WithBody<B>,
  options: GuardOptions<AuthOf<E>>,
  handler: Handler<AuthOf<E>, B>,
): ApiRoute;
export function serve<E extends SessionEndpoint>(
  db: Database,
  endpoint: E & WithoutBody,
  handler: Handler<AuthOf<E>, unknown>,
): ApiRoute;
export function serve<E extends SessionEndpoint>(
  db: Database,
  endpoint: E & WithoutBody,
  options: GuardOptions<AuthOf<E>>,
  handler: Handler<AuthOf<E>, unknown>,
): ApiRoute;
export function serve(
  db: Database,
  endpoint: SessionEndpoint,
  ...rest: [Handler<AnyAuth, unknown>] | [GuardOptions<AnyAuth>, Handler<AnyAuth, unknown>]
): ApiRoute {
  const [options, handler] = rest.length === 1 ? [{}, rest[0]] : rest;
  const principals = principalsOf(endpoint);
  const roles = rolesOf(endpoint);
  return handle(endpoint, async ({ request, params }) => {
    const authenticated = await db.write((tx) =>
      authenticateSession(tx, request, principals, { touch: options.touch ?? true }),
    );
    if (!authenticated.ok) return authenticated.response;
    const { auth } = authenticated;
    if (auth.principal === 'care' && !roles.includes(auth.user.role)) {
      return errorResponse(403, apiErrorCodes.forbidden, guardMessages.wrongRole);
    }
    const refused = await options.access?.({ db, params, auth });
    if (refused !== undefined) return refused;
    const body = await bodyOf(endpoint, request);
    if (!body.ok) return body.response;
    return handler({ request, params, auth, body: body.data });
  });
}

type PathCheck = { access: (input: { params: PathParams }) => Response | undefined };

/**
 * An endpoint without a session (the log-ins, their options, the environment, and the
 * testability API where it is on): its path check, if any, then the body, then the handler.
 */
export function servePublic<B>(
  endpoint: PublicEndpoint & WithBody<B>,
  handler: Handler<undefined, B>,
): ApiRoute;
export function servePublic<B>(
  endpoint: PublicEndpoint & WithBody<B>,
  options: PathCheck,
  handler: Handler<undefined, B>,
): ApiRoute;
export function servePublic(
  endpoint: PublicEndpoint & WithoutBody,
  handler: Handler<undefined, unknown>,
): ApiRoute;
export function servePublic(
  endpoint: PublicEndpoint,
  ...rest: [Handler<undefined, unknown>] | [PathCheck, Handler<undefined, unknown>]
): ApiRoute {
  const [access, handler] = rest.length === 1 ? [undefined, rest[0]] : [rest[0].access, rest[1]];
  return handle(endpoint, async ({ request, params }) => {
    const refused = access?.({ params });
    if (refused !== undefined) return refused;
    const body = await bodyOf(endpoint, request);
    if (!body.ok) return body.response;
    return handler({ request, params, auth: undefined, body: body.data });
  });
}
