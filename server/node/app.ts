import { IncomingMessage } from 'node:http';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { apiErrorCodes } from '../../src/contracts/common';
import type { Dispatch } from '../http/dispatch';
import { isNetworkError } from '../http/route';
import { bodyTooLargeResponse, errorResponse, MAX_BODY_BYTES } from '../http/support';
import { productionCsp, securityHeaders } from './security-headers';
import { withSessionCookie, withSessionFromCookie } from './session-cookies';

/**
 * The Node server's HTTP app (Hono), testable without a port through `app.request(...)`:
 * - `/api/*` goes to the backend's dispatcher, the same routes MSW answers with in the
 *   browser; bodies above `MAX_BODY_BYTES` are refused with 413 before routing, and a route's
 *   network failure (the testability API's `network-error`) drops the connection; the browser
 *   app's session travels in an HttpOnly cookie (./session-cookies.ts);
 * - every other GET serves the built app from `staticRoot`: a file that exists (hashed
 *   `assets/*` cached for a year), `index.html` for an app route (a path without a file
 *   extension), and 404 for anything else under `/assets/`, any other path with an extension,
 *   and every hidden path (`/.vite/manifest.json`);
 * - every answer carries the production security headers (./security-headers.ts).
 */

export interface ServerAppOptions {
  dispatch: Dispatch;
  /** The built app: index.html, assets/, data/. */
  staticRoot: string;
}

const headers = Object.entries(securityHeaders(productionCsp));

/** Hashed file names: a changed file gets a new name, so it can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated, so a new build is seen at once. */
const REVALIDATE = 'no-cache';

const notFoundText = 'Sidan eller filen finns inte.';

function isAssetPath(pathname: string): boolean {
  return pathname === '/assets' || pathname.startsWith('/assets/');
}

/** The last segment has a file extension (`/favicon.svg`, `/app.js.map`). */
function hasExtension(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return /\.[^.]+$/.test(last);
}

/** A segment that starts with a dot (`/.vite/…`, `/.env`), or one that does not decode. */
function isHiddenOrMalformed(pathname: string): boolean {
  return pathname.split('/').some((segment) => {
    try {
      return decodeURIComponent(segment).startsWith('.');
    } catch {
      return true;
    }
  });
}

/**
 * Drops the client's connection without an answer, as a network failure does. Under
 * @hono/node-server the Node request is in the context's bindings; without one (a test
 * through `app.request`) there is no connection, and the route's error response is returned.
 */
function dropConnection(c: Context, failure: Response): Response {
  const bindings: unknown = c.env;
  if (
    typeof bindings === 'object' &&
    bindings !== null &&
    'incoming' in bindings &&
    bindings.incoming instanceof IncomingMessage
  ) {
    bindings.incoming.socket.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  return failure;
}

export function createServerApp({ dispatch, staticRoot }: ServerAppOptions): Hono {
  const app = new Hono();

  // Pages, code and the API's JSON travel compressed (gzip or deflate, as the browser accepts);
  // the change feed's event stream never is (Hono leaves text/event-stream alone).
  app.use('*', compress());

  // The security headers on every answer: pages, files, the API's answers, errors.
  app.use('*', async (c, next) => {
    await next();
    if (c.res === RESPONSE_ALREADY_SENT || c.res.type === 'error') return;
    for (const [name, value] of headers) c.res.headers.set(name, value);
  });

  app.all(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => bodyTooLargeResponse() }),
    async (c) => {
      const response = await dispatch(withSessionFromCookie(c));
      if (response === undefined) {
        return errorResponse(404, apiErrorCodes.notFound, 'Adressen finns inte i tjänsten.');
      }
      return isNetworkError(response)
        ? dropConnection(c, response)
        : withSessionCookie(c, response);
    },
  );

  // Hidden files and folders of the build (`.vite/manifest.json`) are never served. The
  // cache policy is set before the file is: hashed assets for good, the rest revalidated.
  app.get('*', async (c, next) => {
    const { pathname } = new URL(c.req.url);
    if (isHiddenOrMalformed(pathname)) return c.text(notFoundText, 404);
    c.header('Cache-Control', isAssetPath(pathname) ? IMMUTABLE : REVALIDATE);
    await next();
  });

  app.get('*', serveStatic({ root: staticRoot }));

  // Not a file: an app route gets index.html (the client's router decides), the rest 404.
  const indexHtml = serveStatic({ root: staticRoot, path: 'index.html' });
  app.get('*', async (c, next) => {
    const { pathname } = new URL(c.req.url);
    if (isAssetPath(pathname) || hasExtension(pathname)) {
      return c.text(notFoundText, 404, { 'Cache-Control': REVALIDATE });
    }
    return indexHtml(c, next);
  });

  app.notFound((c) => c.text(notFoundText, 404));

  // A failure outside the routes' own guards: a Swedish 500, never a stack trace.
  app.onError((error, c) => {
    console.error(error);
    const message = 'Ett tekniskt fel uppstod på servern. Försök igen om en stund.';
    return new URL(c.req.url).pathname.startsWith('/api/')
      ? errorResponse(500, apiErrorCodes.serverError, message)
      : c.text(message, 500);
  });

  return app;
}
