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
  parsePathParams,
  principalMessages,
  type AnyAuth,
  type UnitlessAuth,
} from './support';

/**
 * Every endpoint is registered from its declaration in the registry (src/contracts/
 * endpoints.ts): its route, whose sessions it takes and which care roles (`principalsOf`,
 * `rolesOf`), its path parameters' schemas and its request body's schema. A handler states
 * only what is its own: the resource check (`access`), whether the call counts as the user's
 * activity (`touch`), and its logic, which receives the session's person, the path parameters
 * and the body, each parsed with the registry's schemas and typed from them.
 *
 * One guard order for every endpoint with a session: the session (401), then the principal
 * and the role (403), then the path parameters (400: a malformed id names nothing, so this
 * says nothing of what exists), then the resource the path names (`access`: the unit's, the
 * patient's own, a case FK received; its refusal is the same whether the resource exists or
 * not), and only then the body (400, 413). So a refusal never depends on the body, a caller
 * without a session or without access never learns anything from validation, and its body is
 * never read. A failure inside a handler is answered where every route's is, in `handle`
 * (./endpoint.ts, ./failures.ts): a Swedish 500, or 503 when the store is unavailable, never a
 * stack trace.
 */

export const guardMessages = {
  wrongPrincipal: principalMessages.wrongPrincipal,
  wrongRole: 'Din roll har inte behörighet till detta.',
} as const;

/** The session's person an endpoint's handler receives: a care user, an officer, a patient. */
export type AuthOf<E extends EndpointDefinition> =
  | Extract<AnyAuth, { principal: PrincipalOf<E> }>
  | (E extends { beforeUnitChoice: true } ? UnitlessAuth : never);

type ParamSchemas = Readonly<Record<string, z.ZodType>>;

/**
 * The path parameters as the registry's schemas parse them (`{ id: string }`); a path
 * without any has none (every name undefined).
 */
export type ParamsOf<E extends EndpointDefinition> = E extends {
  params: infer S extends ParamSchemas;
}
  ? { readonly [K in keyof S]: z.output<S[K]> }
  : Readonly<Record<string, undefined>>;

/** What a handler receives, parsed and typed from the registry. */
export interface Guarded<A, B, P> {
  request: Request;
  params: P;
  auth: A;
  body: B;
}

type Handler<A, B, P> = (guarded: Guarded<A, B, P>) => Promise<Response>;

export interface AccessInput<A, P> {
  db: Database;
  params: P;
  auth: A;
}

export interface GuardOptions<A, P> {
  /** False for calls that are not the user's activity (polling, a status check, log-out). */
  touch?: boolean;
  /**
   * The resource check, after the principal, the role and the path and before the body: a
   * refusal, or undefined to go on. It may read the store, never the body.
   */
  access?: (input: AccessInput<A, P>) => Promise<Response | undefined>;
}

/** Any endpoint's parsed path parameters, as the guard's own code sees them. */
type AnyParams = Readonly<Record<string, unknown>>;

export type SessionEndpoint = EndpointDefinition & { auth: 'session' };
type PublicEndpoint = EndpointDefinition & { auth: 'none' };

/** An endpoint that takes care users' sessions only (every endpoint of the care unit's app). */
export type CareEndpoint = SessionEndpoint & {
  tag: Exclude<EndpointTag, 'fk-simulator' | 'patient-portal'>;
  principals?: undefined;
};

/** A care endpoint whose path names its resource by an id (`{id}`, `{threadId}`). */
export type CareEndpointOn<K extends string> = CareEndpoint & {
  params: { readonly [Key in K]: z.ZodType<string> };
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

/** Parses the path with the endpoint's parameter schemas (none: nothing to parse). */
function paramsOf(
  endpoint: EndpointDefinition,
  raw: PathParams,
): { ok: true; data: AnyParams } | { ok: false; response: Response } {
  return endpoint.params === undefined
    ? { ok: true, data: {} }
    : parsePathParams(raw, endpoint.params);
}

/**
 * The guard of an endpoint with a session, in the order above, then its handler, which
 * receives the person of the principal the registry names (`AuthOf`), the path parameters and
 * the body its schemas parse. A wrapper that is generic over the body names the endpoint's
 * kind itself (`serve<CertificateEndpoint, B>(…)`).
 */
export function serve<E extends SessionEndpoint, B>(
  db: Database,
  endpoint: E & WithBody<B>,
  handler: Handler<AuthOf<E>, B, ParamsOf<E>>,
): ApiRoute;
export function serve<E extends SessionEndpoint, B>(
  db: Database,
  endpoint: E & WithBody<B>,
  options: GuardOptions<AuthOf<E>, ParamsOf<E>>,
  handler: Handler<AuthOf<E>, B, ParamsOf<E>>,
): ApiRoute;
export function serve<E extends SessionEndpoint>(
  db: Database,
  endpoint: E & WithoutBody,
  handler: Handler<AuthOf<E>, unknown, ParamsOf<E>>,
): ApiRoute;
export function serve<E extends SessionEndpoint>(
  db: Database,
  endpoint: E & WithoutBody,
  options: GuardOptions<AuthOf<E>, ParamsOf<E>>,
  handler: Handler<AuthOf<E>, unknown, ParamsOf<E>>,
): ApiRoute;
export function serve(
  db: Database,
  endpoint: SessionEndpoint,
  ...rest:
    | [Handler<AnyAuth | UnitlessAuth, unknown, AnyParams>]
    | [
        GuardOptions<AnyAuth | UnitlessAuth, AnyParams>,
        Handler<AnyAuth | UnitlessAuth, unknown, AnyParams>,
      ]
): ApiRoute {
  const [options, handler] = rest.length === 1 ? [{}, rest[0]] : rest;
  const principals = principalsOf(endpoint);
  const roles = rolesOf(endpoint);
  return handle(endpoint, async ({ request, params: path }) => {
    const authenticated = await db.write((tx) =>
      authenticateSession(tx, request, principals, {
        touch: options.touch ?? true,
        beforeUnitChoice: endpoint.beforeUnitChoice === true,
      }),
    );
    if (!authenticated.ok) return authenticated.response;
    const { auth } = authenticated;
    if (auth.principal === 'care' && !roles.includes(auth.user.role)) {
      return errorResponse(403, apiErrorCodes.forbidden, guardMessages.wrongRole);
    }
    const params = paramsOf(endpoint, path);
    if (!params.ok) return params.response;
    const refused = await options.access?.({ db, params: params.data, auth });
    if (refused !== undefined) return refused;
    const body = await bodyOf(endpoint, request);
    if (!body.ok) return body.response;
    return handler({ request, params: params.data, auth, body: body.data });
  });
}

/**
 * An endpoint without a session (the log-ins, their options, the environment, and the
 * testability API where it is on): its path parameters, then the body, then the handler.
 */
export function servePublic<E extends PublicEndpoint, B>(
  endpoint: E & WithBody<B>,
  handler: Handler<undefined, B, ParamsOf<E>>,
): ApiRoute;
export function servePublic<E extends PublicEndpoint>(
  endpoint: E & WithoutBody,
  handler: Handler<undefined, unknown, ParamsOf<E>>,
): ApiRoute;
export function servePublic(
  endpoint: PublicEndpoint,
  handler: Handler<undefined, unknown, AnyParams>,
): ApiRoute {
  return handle(endpoint, async ({ request, params: path }) => {
    const params = paramsOf(endpoint, path);
    if (!params.ok) return params.response;
    const body = await bodyOf(endpoint, request);
    if (!body.ok) return body.response;
    return handler({ request, params: params.data, auth: undefined, body: body.data });
  });
}
