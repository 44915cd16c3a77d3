import type { z } from 'zod';
import { apiErrorCodes, apiErrorSchema } from '../contracts/common';
import { isLiveAuthToken, readAuthToken } from './auth-token';

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
   * A request was refused because the session is missing or has expired. Reported only
   * when the request carried the tab's current session and the tab is not ending it itself:
   * a refusal that answers a request sent with an older token, or one that races a
   * log-out, says nothing about the session the tab has now.
   */
  onUnauthenticated?: (error: HttpError) => void;
  /** An authenticated request succeeded: the server counted it as activity. */
  onActivity?: () => void;
};

let events: ClientEvents = {};

export function setApiClientEvents(next: ClientEvents): void {
  events = next;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** False for calls the server does not count as user activity (a session status check). */
  countsAsActivity?: boolean;
  /**
   * Another principal's session (the FK simulator's case officer): sent instead of the care
   * session's token, and its refusals and activity are not the care session's.
   */
  token?: string | undefined;
};

async function send(
  path: string,
  token: string | undefined,
  { method = 'GET', body, signal }: RequestOptions,
): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
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

async function readJson(response: Response, path: string): Promise<unknown> {
  try {
    return await response.json();
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

async function request(path: string, options: RequestOptions): Promise<Response> {
  if ('token' in options) {
    const response = await send(path, options.token, options);
    if (!response.ok) throw await toHttpError(response);
    return response;
  }
  const token = readAuthToken();
  const response = await send(path, token, options);
  if (!response.ok) {
    const error = await toHttpError(response);
    if (response.status === 401 && isLiveAuthToken(token)) events.onUnauthenticated?.(error);
    throw error;
  }
  if (options.countsAsActivity !== false && readAuthToken() !== undefined) events.onActivity?.();
  return response;
}

/** Sends a request and parses the JSON answer with `schema`. */
export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await request(path, options);
  const parsed = schema.safeParse(await readJson(response, path));
  if (!parsed.success) throw new ContractError(path, parsed.error.message);
  return parsed.data;
}

/** Sends a request whose successful answer has no body (204). */
export async function apiCommand(path: string, options: RequestOptions = {}): Promise<void> {
  await request(path, options);
}
