import { z } from 'zod';
import {
  apiErrorCodes,
  apiErrorSchema,
  PRINCIPAL_HEADER,
  type PrincipalKind,
} from '../contracts/common';
import type { endpoints } from '../contracts/endpoints';
import { routes, type PathParamNames, type Route, type RouteId } from '../contracts/routes';
import { isCurrentSession, readSession, type LiveSession } from './session-store';

/**
 * The one way the app talks to its backend. Every response is parsed with its contract;
 * every failure becomes one of three typed errors with a Swedish message.
 */

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body, for callers that read more than code and message (a conflict's saver). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    message = 'Ingen anslutning till Intyga. Kontrollera din anslutning och försök igen.',
  ) {
    super(message);
  }
}

/** The server answered, but not as the contract says. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(
      'Svaret från tjänsten kunde inte tolkas. Försök igen eller kontakta support om felet består.',
    );
  }
}

export type ApiFailure = HttpError | NetworkError | ContractError;

export function isApiFailure(error: unknown): error is ApiFailure {
  return (
    error instanceof HttpError || error instanceof NetworkError || error instanceof ContractError
  );
}

const statusMessages: Record<number, string> = {
  400: 'Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.',
  401: 'Du är inte inloggad. Logga in för att fortsätta.',
  403: 'Du saknar behörighet för detta.',
  404: 'Det du söker finns inte.',
  409: 'Uppgifterna har ändrats av någon annan. Ladda om och försök igen.',
  503: 'Tjänsten kan inte läsa eller spara uppgifter just nu. Försök igen om en stund.',
};

function fallbackMessage(status: number): string {
  return statusMessages[status] ?? 'Ett tekniskt fel uppstod. Försök igen om en stund.';
}

type ClientEvents = {
  /**
   * A request was refused because the care session is missing or has expired. Reported only
   * when the request carried the browser's current care session: a refusal that answers a
   * request sent with an older session, or one that races a log-out (which ends the session
   * before it tells the server), says nothing about the session there is now.
   */
  onUnauthenticated?: (error: HttpError) => void;
  /** An authenticated request succeeded: the server counted it as activity. */
  onActivity?: () => void;
};

let events: ClientEvents = {};

export function setApiClientEvents(next: ClientEvents): void {
  events = next;
}

/** How a call is made, besides what the endpoint takes. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** False for calls the server does not count as user activity (a session status check). */
  countsAsActivity?: boolean;
  /**
   * Whose session the call carries: a principal's current one (absent: the care user's), a
   * given session (a log-out sends the one it is ending), or `null` for none. Only the care
   * session's refusals and activity are reported (`setApiClientEvents`); another principal's
   * (the FK simulator's case officer, the patient in Mina intyg) are its caller's to handle.
   */
  as?: PrincipalKind | LiveSession | null;
}

// -- Typed from the registry ---------------------------------------------------------------
// The registry (../contracts/endpoints.ts) is imported for its types only: loading it would
// pull every contract into the first visit. Its method and path come from the schema-free
// route table, and the caller hands over the response schema, which must be the registry's.

type Registry = typeof endpoints;
type Endpoint<Id extends RouteId> = Registry[Id];
type PathOf<Id extends RouteId> = Endpoint<Id>['path'];

/** The endpoints whose answer is a stream of server-sent events (see `openEventStream`). */
export type EventStreamId = {
  [Id in RouteId]: Endpoint<Id>['success'] extends { events: z.ZodType } ? Id : never;
}[RouteId];

/** The endpoints `callEndpoint` calls: every one that answers one JSON body, or none. */
export type CallableEndpointId = Exclude<RouteId, EventStreamId>;

/** A path parameter's value: what the registry's schema for it takes, else any text. */
type ParamValue<Id extends RouteId, Name extends string> =
  Endpoint<Id> extends { params: { readonly [N in Name]: infer S extends z.ZodType } }
    ? z.input<S> & string
    : string;

/** The path parameters of an endpoint, by the names in its path. */
export type EndpointParams<Id extends RouteId> = {
  readonly [Name in PathParamNames<PathOf<Id>>]: ParamValue<Id, Name>;
};

/** The JSON body an endpoint takes (`never`: it takes none). */
export type EndpointBody<Id extends RouteId> =
  Endpoint<Id> extends { request: infer S extends z.ZodType } ? z.input<S> : never;

/**
 * The one body-less answer: the schema the caller hands `callEndpoint` for an endpoint that
 * answers 204 without a body (the answer is then `undefined`).
 */
export const noContent = z.undefined();

/** The schema of an endpoint's success answer in the registry, or `noContent`. */
export type EndpointResponseSchema<Id extends RouteId> = Endpoint<Id>['success'] extends {
  schema: infer S extends z.ZodType;
}
  ? S
  : typeof noContent;

/** What an endpoint answers on success, parsed. */
export type EndpointResult<Id extends RouteId> = z.output<EndpointResponseSchema<Id>>;

type ParamsPart<Id extends RouteId> = [PathParamNames<PathOf<Id>>] extends [never]
  ? { params?: never }
  : { params: EndpointParams<Id> };

/** A body as the client sends it: only read (serialised), so read-only values will do. */
type Sent<T> = T extends readonly (infer Item)[]
  ? readonly Sent<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: Sent<T[K]> }
    : T;

type BodyPart<Id extends RouteId> = [EndpointBody<Id>] extends [never]
  ? { body?: never }
  : { body: Sent<EndpointBody<Id>> };

/**
 * One call of the endpoint `Id`: its path parameters and body as the registry declares them,
 * and `response`, the schema its answer is parsed with, which must be the registry's.
 */
export type EndpointCall<Id extends RouteId, S> = ParamsPart<Id> &
  BodyPart<Id> & { response: S } & CallOptions;

/** A route's path, each `{name}` parameter filled in and percent-encoded. */
function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** A call as the transport sees it: what the registry's types made sure of is plain data here. */
interface Call extends CallOptions {
  params?: Readonly<Record<string, string>> | undefined;
  body?: unknown;
}

function routeOf(id: RouteId, params: Call['params']): { method: string; path: string } {
  const route: Route = routes[id];
  return { method: route.method.toUpperCase(), path: fillPath(route.path, params ?? {}) };
}

/**
 * The headers that carry a principal's session: the principal's name, with which the Node
 * server takes the session from that principal's HttpOnly cookie (a cookie alone never counts),
 * and the bearer token when the session has one (the embedded backend, API tools).
 */
function sessionHeaders(headers: Headers, kind: PrincipalKind, session: LiveSession | undefined) {
  headers.set(PRINCIPAL_HEADER, kind);
  if (session?.token !== undefined) headers.set('authorization', `Bearer ${session.token}`);
}

/** Whose session a call carries: the principal and its session, or none at all. */
function carried(
  as: CallOptions['as'],
): { kind: PrincipalKind; session: LiveSession | undefined } | undefined {
  if (as === null) return undefined;
  if (as === undefined || typeof as === 'string') {
    const kind = as ?? 'care';
    return { kind, session: readSession(kind) };
  }
  return { kind: as.kind, session: as };
}

async function send(
  method: string,
  path: string,
  who: ReturnType<typeof carried>,
  { body, signal }: Call,
): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (who !== undefined) sessionHeaders(headers, who.kind, who.session);
  if (body !== undefined) headers.set('content-type', 'application/json');
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
}

/** The answer's body: parsed JSON, or `undefined` when it has none. */
async function readBody(response: Response, path: string): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ContractError(path, `status ${response.status}: body is not JSON`);
  }
}

async function toHttpError(response: Response): Promise<HttpError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  return parsed.success
    ? new HttpError(response.status, parsed.data.code, parsed.data.message, body)
    : new HttpError(response.status, apiErrorCodes.serverError, fallbackMessage(response.status));
}

async function request(method: string, path: string, call: Call): Promise<Response> {
  const who = carried(call.as);
  const response = await send(method, path, who, call);
  // Only the care user's session, as the call found it, is reported on.
  const careSession = call.as === undefined || call.as === 'care' ? who?.session : undefined;
  if (!response.ok) {
    const error = await toHttpError(response);
    if (response.status === 401 && careSession !== undefined && isCurrentSession(careSession)) {
      events.onUnauthenticated?.(error);
    }
    throw error;
  }
  if (careSession !== undefined && call.countsAsActivity !== false) events.onActivity?.();
  return response;
}

/**
 * Calls the endpoint `id` of the registry with its method and path, and parses its answer
 * with `call.response`. The compiler holds the call to the registry: the path parameters by
 * their names, the body as the endpoint's request schema takes it, and the response schema
 * the registry's (`noContent` for an endpoint that answers 204). Failures are an `HttpError`,
 * a `NetworkError` or a `ContractError`, each with a Swedish message.
 */
export async function callEndpoint<
  Id extends CallableEndpointId,
  S extends EndpointResponseSchema<Id> & z.ZodType,
>(id: Id, call: EndpointCall<Id, S>): Promise<z.output<S>> {
  const { method, path } = routeOf(id, call.params);
  const response = await request(method, path, call);
  const parsed = z.safeParse(call.response, await readBody(response, path));
  if (!parsed.success) throw new ContractError(path, parsed.error.message);
  return parsed.data;
}

/**
 * Opens an endpoint that answers a stream of server-sent events, with `session`, and answers
 * the response as it is: the caller reads the stream and judges the status (a refusal ends a
 * feed; it is not an error to report). A lost connection rejects as `fetch` does.
 */
export function openEventStream<Id extends EventStreamId>(
  id: Id,
  call: ParamsPart<Id> & { session: LiveSession; signal: AbortSignal },
): Promise<Response> {
  const { method, path } = routeOf(id, call.params);
  const headers = new Headers({ accept: 'text/event-stream' });
  sessionHeaders(headers, call.session.kind, call.session);
  return fetch(path, { method, headers, signal: call.signal, cache: 'no-store' });
}
