import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { z } from 'zod';
import {
  PRINCIPAL_HEADER,
  principalKindSchema,
  type PrincipalKind,
} from '../../src/contracts/common';
import { routes, type Route } from '../../src/contracts/routes';

/**
 * The session in an HttpOnly cookie, for the browser app on the Node server (real HTTP), so
 * that no script — an injected one included — can read the session token:
 * - a log-in that names its principal in `X-Intyga-Principal` (the app always does) is
 *   answered with the token in a cookie of that principal's own (`HttpOnly; SameSite=Strict;
 *   Path=/api`, `Secure` when served over https) and without the token in its body;
 * - a request that names a principal in that header, and has no Authorization header of its
 *   own, goes to the handlers with that principal's cookie as its bearer token. Without the
 *   header the cookie counts for nothing: a cross-site form or link cannot send a custom
 *   header (and a cross-site script cannot either without a CORS preflight, which the server
 *   never allows), and SameSite=Strict keeps the cookie off cross-site requests besides;
 * - a log-out clears the principal's cookie.
 * One cookie per principal (care user, FK officer, patient), so that a tester can be logged in
 * as a care user and as FK in one browser. Clients that send no principal header (the API
 * tests, tools, the e2e fixtures' API calls) get and send the token as before, in the
 * Authorization header. The handlers know nothing of cookies: this is the transport's.
 */

const cookieNames: Record<PrincipalKind, string> = {
  care: 'intyga-session-care',
  fk: 'intyga-session-fk',
  patient: 'intyga-session-patient',
};

/** Each principal's log-in and log-out, from the contract's route table. */
const sessionRoutes: Record<PrincipalKind, { login: Route; logout: Route }> = {
  care: { login: routes.login, logout: routes.logout },
  fk: { login: routes.fkLogin, logout: routes.fkLogout },
  patient: { login: routes.portalLogin, logout: routes.portalLogout },
};

/** What a session token looks like (./principals.ts makes them): nothing else is forwarded. */
const tokenSchema = z.string().regex(/^[0-9a-f]{32,128}$/);

/** A log-in's answer, as far as this reads it: the token, and the rest left as it is. */
const loginAnswerSchema = z.looseObject({ token: tokenSchema });

function namedPrincipal(c: Context): PrincipalKind | undefined {
  const parsed = principalKindSchema.safeParse(c.req.header(PRINCIPAL_HEADER));
  return parsed.success ? parsed.data : undefined;
}

function isRoute(c: Context, route: Route): boolean {
  return c.req.method === route.method.toUpperCase() && new URL(c.req.url).pathname === route.path;
}

/** Served over https: here, or at the proxy in front (its X-Forwarded-Proto). */
function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

function cookieOptions(c: Context): CookieOptions {
  return { path: '/api', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) };
}

/**
 * The request as the handlers get it: with the named principal's cookie as its bearer token,
 * when it names a principal, has that principal's cookie, and carries no Authorization itself.
 */
export function withSessionFromCookie(c: Context): Request {
  const request = c.req.raw;
  const kind = namedPrincipal(c);
  if (kind === undefined || request.headers.has('authorization')) return request;
  const token = tokenSchema.safeParse(getCookie(c, cookieNames[kind]));
  if (!token.success) return request;
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token.data}`);
  return new Request(request, { headers });
}

function withSetCookie(response: Response, body: BodyInit | null, cookie: string): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.append('set-cookie', cookie);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The handlers' answer as the browser gets it: a successful log-in that named its principal
 * sets the cookie and drops the token from the body; a log-out clears the cookie.
 */
export async function withSessionCookie(c: Context, response: Response): Promise<Response> {
  for (const kind of principalKindSchema.options) {
    const { login, logout } = sessionRoutes[kind];
    if (isRoute(c, logout)) {
      const cleared = generateCookie(cookieNames[kind], '', { ...cookieOptions(c), maxAge: 0 });
      return withSetCookie(response, response.body, cleared);
    }
    if (isRoute(c, login) && response.status === 200 && namedPrincipal(c) === kind) {
      const parsed = loginAnswerSchema.safeParse(await readJson(response));
      if (!parsed.success) return response;
      const { token, ...rest } = parsed.data;
      const cookie = generateCookie(cookieNames[kind], token, cookieOptions(c));
      return withSetCookie(response, JSON.stringify(rest), cookie);
    }
  }
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const json: unknown = await response.clone().json();
    return json;
  } catch {
    return undefined;
  }
}
