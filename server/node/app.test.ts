// @vitest-environment node
import { ChangeHub } from '../http/change-feed';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { diagnosisDataFromDisk } from '../domain/diagnoses/load-icd10-node';
import { createRoutes } from '../http';
import { createDispatcher, type Dispatch } from '../http/dispatch';
import { MAX_BODY_BYTES } from '../http/support';
import { ensureSeeded } from '../seed/seed';
import { seedUsers } from '../seed/seed-data';
import { openIndexedDbStore } from '../store/indexeddb';
import type { Database } from '../store/store';
import { createServerApp } from './app';
import { productionCsp, securityHeaders } from './security-headers';

/** A built app in miniature: what `vite build` leaves in its output folder. */
function makeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'intyga-app-'));
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.vite'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Intyga</title><div id="root">');
  writeFileSync(join(root, 'assets', 'index-AbC123.js'), 'console.log("app");');
  // Large enough to be worth compressing (Hono compresses from 1 KiB).
  writeFileSync(join(root, 'assets', 'editor-DeF456.js'), 'console.log("editor");\n'.repeat(200));
  writeFileSync(join(root, '.vite', 'manifest.json'), '{"index.html":{}}');
  writeFileSync(join(root, 'data', 'icd10se.tsv'), 'kod\tbeskrivning\n');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

const expectedHeaders = securityHeaders(productionCsp);

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(expectedHeaders)) {
    expect(response.headers.get(name), name).toBe(value);
  }
}

let root: string;
let db: Database;
let withTestability: ReturnType<typeof createServerApp>;
let withoutTestability: ReturnType<typeof createServerApp>;

function appWith(dispatch: Dispatch) {
  return createServerApp({ dispatch, staticRoot: root });
}

beforeAll(async () => {
  configureSwedishZodMessages();
  root = makeBuild();
  db = await openIndexedDbStore(`intyga-test-${crypto.randomUUID()}`);
  await ensureSeeded(db);
  const dispatcher = (testability: boolean) =>
    createDispatcher(
      createRoutes(db, diagnosisDataFromDisk, { testability, changes: new ChangeHub() }),
    );
  withTestability = appWith(dispatcher(true));
  withoutTestability = appWith(dispatcher(false));
});

afterAll(async () => {
  await db.close();
  rmSync(root, { recursive: true, force: true });
});

const post = (body: BodyInit, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

describe('the built app', () => {
  it('serves index.html at / with the security headers, revalidated', async () => {
    const response = await withoutTestability.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('<div id="root">');
  });

  it.each(['/fk', '/mina-intyg', '/intyg/cert-1234567', '/sok/'])(
    'answers the app route %s with index.html',
    async (path) => {
      const response = await withoutTestability.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expectSecurityHeaders(response);
    },
  );

  it('serves a hashed asset for a year, with the security headers', async () => {
    const response = await withoutTestability.request('/assets/index-AbC123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(response);
  });

  it('sends code compressed to a browser that accepts it, and as it is to one that does not', async () => {
    const code = 'console.log("editor");\n'.repeat(200);
    const compressed = await withoutTestability.request('/assets/editor-DeF456.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = new Uint8Array(await compressed.arrayBuffer());
    expect(bytes.length).toBeLessThan(code.length / 10);
    expect(gunzipSync(bytes).toString()).toBe(code);

    const plain = await withoutTestability.request('/assets/editor-DeF456.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(code);
  });

  it('serves other files of the build, revalidated', async () => {
    const response = await withoutTestability.request('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    '/assets/nope.js',
    '/assets/',
    '/assets',
    '/assets/deeper/path',
    '/nope.png',
    '/intyg/cert-1/print.pdf',
  ])('answers an unknown file %s with 404, not index.html', async (path) => {
    const response = await withoutTestability.request(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).not.toContain('<div id="root">');
    expectSecurityHeaders(response);
  });

  it.each([
    '/.vite/manifest.json',
    '/.vite/',
    '/%2Evite/manifest.json',
    '/assets/../.vite/manifest.json',
  ])('never serves the build manifest: %s is 404', async (path) => {
    const response = await withoutTestability.request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('index.html');
  });
});

describe('the API', () => {
  it('answers with the same handlers, and the security headers', async () => {
    const response = await withoutTestability.request('/api/environment');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ training: true, testability: false });
    expectSecurityHeaders(response);
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    for (const path of ['/api/nothing-here', '/api']) {
      const response = await withoutTestability.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual({
        code: 'NOT_FOUND',
        message: 'Adressen finns inte i tjänsten.',
      });
    }
  });

  it('logs in', async () => {
    const [unitHsaId] = seedUsers.physician.unitHsaIds;
    const response = await withoutTestability.request(
      '/api/auth/login',
      post(JSON.stringify({ userId: seedUsers.physician.id, unitHsaId })),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token: expect.any(String) });
  });

  it('streams the change feed uncompressed, so each event arrives as it is sent', async () => {
    const [unitHsaId] = seedUsers.physician.unitHsaIds;
    const login = await withoutTestability.request(
      '/api/auth/login',
      post(JSON.stringify({ userId: seedUsers.physician.id, unitHsaId })),
    );
    const { token } = z.object({ token: z.string() }).parse(await login.json());
    const feed = await withoutTestability.request('/api/changes', {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip, deflate' },
    });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(feed.headers.get('content-encoding')).toBeNull();
    await feed.body?.cancel();
  });

  it('has no testability API by default: its paths answer 404', async () => {
    const response = await withoutTestability.request(
      '/api/testability/reset',
      post(JSON.stringify({ scenario: 'standard' })),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Adressen finns inte i tjänsten.',
    });
    expectSecurityHeaders(response);
  });

  it('has the testability API when it is switched on', async () => {
    const response = await withTestability.request(
      '/api/testability/reset',
      post(JSON.stringify({ scenario: 'standard' })),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ scenario: 'standard' });
  });

  it('refuses a body declared too large with 413 before routing it', async () => {
    let routed = false;
    const app = appWith(() => {
      routed = true;
      return Promise.resolve(undefined);
    });
    const response = await app.request(
      '/api/auth/login',
      post('x', { 'content-length': String(MAX_BODY_BYTES + 1) }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Begäran är för stor. Den får vara högst 2 MB.',
    });
    expectSecurityHeaders(response);
    expect(routed).toBe(false);
  });

  it('refuses a streamed body with 413 once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES * 2) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    // A streamed body has no Content-Length; Node's fetch asks for `duplex` (not in DOM's types).
    const init: RequestInit & { duplex: 'half' } = { ...post(body), duplex: 'half' };
    const response = await withoutTestability.request(
      new Request('http://localhost/api/auth/login', init),
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2);
  });

  it('refuses a deeply nested body with 400', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const response = await withoutTestability.request(
      '/api/auth/login',
      post(`{"userId":${deep}}`),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'BAD_REQUEST',
      message: 'Begärans innehåll är för djupt nästlat.',
    });
  });

  it('drops the connection on a network-error fault', async () => {
    await withTestability.request('/api/testability/fault', post('{"fault":"network-error"}'));
    try {
      const socket = new Socket();
      const response = await withTestability.request(
        '/api/auth/login-options',
        {},
        { incoming: new IncomingMessage(socket) },
      );
      expect(socket.destroyed).toBe(true);
      expect(response.headers.get('x-hono-already-sent')).toBe('true');
    } finally {
      await withTestability.request('/api/testability/fault', post('{"fault":"none"}'));
    }
  });

  it('answers a failure outside the handlers with a Swedish 500 in the error shape', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('the store is gone');
    const app = appWith(() => Promise.reject(failure));
    const response = await app.request('/api/session');
    // The operator sees what happened; the client sees only the Swedish message.
    expect(logged).toHaveBeenCalledWith(failure);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      code: 'SERVER_ERROR',
      message: 'Ett tekniskt fel uppstod på servern. Försök igen om en stund.',
    });
    expectSecurityHeaders(response);
  });
});

describe("the browser app's session cookie", () => {
  const [careUnit] = seedUsers.physician.unitHsaIds;
  const careLogin = JSON.stringify({ userId: seedUsers.physician.id, unitHsaId: careUnit });

  /** Logs in as the browser app does, naming the principal; answers the Set-Cookie and body. */
  async function logInAsTheApp(url = '/api/auth/login', headers: Record<string, string> = {}) {
    const response = await withoutTestability.request(
      url,
      post(careLogin, { 'X-Intyga-Principal': 'care', ...headers }),
    );
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    const cookie = /^intyga-session-care=([0-9a-f]+);/.exec(setCookie)?.[1] ?? '';
    return {
      setCookie,
      cookie,
      body: z.record(z.string(), z.unknown()).parse(await response.json()),
    };
  }

  const getSession = (headers: Record<string, string>) =>
    withoutTestability.request('/api/session', { headers });

  it('is set at a log-in that names its principal: HttpOnly, SameSite=Strict, Path=/api; the body has no token', async () => {
    const { setCookie, cookie, body } = await logInAsTheApp();
    expect(cookie).toMatch(/^[0-9a-f]{32,}$/);
    const attributes = setCookie.split('; ').slice(1);
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/api', 'HttpOnly', 'SameSite=Strict']),
    );
    // Served over plain http (a clinic's own computer): not Secure, or the browser would drop it.
    expect(attributes).not.toContain('Secure');
    expect(body).not.toHaveProperty('token');
    expect(body).toHaveProperty('session');
    expect(JSON.stringify(body)).not.toContain(cookie);
  });

  it('is Secure when served over https, here or at a proxy in front', async () => {
    for (const { url, headers } of [
      { url: 'https://intyga.example/api/auth/login', headers: {} },
      { url: '/api/auth/login', headers: { 'X-Forwarded-Proto': 'https' } },
    ]) {
      const { setCookie } = await logInAsTheApp(url, headers);
      expect(setCookie.split('; '), url).toContain('Secure');
    }
  });

  it('authenticates only with the header naming its principal, never alone (CSRF)', async () => {
    const { cookie } = await logInAsTheApp();
    const sent = `intyga-session-care=${cookie}`;
    expect((await getSession({ Cookie: sent, 'X-Intyga-Principal': 'care' })).status).toBe(200);
    // What a cross-site form or link could send: the cookie without the header.
    const alone = await getSession({ Cookie: sent });
    expect(alone.status).toBe(401);
    expect(await alone.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Another principal named: its own cookie, which this browser does not have.
    expect((await getSession({ Cookie: sent, 'X-Intyga-Principal': 'fk' })).status).toBe(401);
    expect((await getSession({ Cookie: sent, 'X-Intyga-Principal': 'admin' })).status).toBe(401);
  });

  it('is one per principal: a care user and an FK officer in one browser', async () => {
    const { cookie: care } = await logInAsTheApp();
    const fkLogin = await withoutTestability.request(
      '/api/fk/auth/login',
      post(JSON.stringify({ officerId: 'fk-officer-1' }), { 'X-Intyga-Principal': 'fk' }),
    );
    expect(fkLogin.status).toBe(200);
    const fk = /^intyga-session-fk=([0-9a-f]+);/.exec(fkLogin.headers.get('set-cookie') ?? '')?.[1];
    expect(fk).toMatch(/^[0-9a-f]{32,}$/);
    const both = `intyga-session-care=${care}; intyga-session-fk=${fk ?? ''}`;
    expect((await getSession({ Cookie: both, 'X-Intyga-Principal': 'care' })).status).toBe(200);
    const fkSession = await withoutTestability.request('/api/fk/session', {
      headers: { Cookie: both, 'X-Intyga-Principal': 'fk' },
    });
    expect(fkSession.status).toBe(200);
  });

  it('is cleared at log-out, and the session it held is over', async () => {
    const { cookie } = await logInAsTheApp();
    const headers = { Cookie: `intyga-session-care=${cookie}`, 'X-Intyga-Principal': 'care' };
    const logout = await withoutTestability.request('/api/auth/logout', {
      method: 'POST',
      headers,
    });
    expect(logout.status).toBe(204);
    const cleared = (logout.headers.get('set-cookie') ?? '').split('; ');
    expect(cleared[0]).toBe('intyga-session-care=');
    expect(cleared).toEqual(expect.arrayContaining(['Max-Age=0', 'Path=/api', 'HttpOnly']));
    expect((await getSession(headers)).status).toBe(401);
  });

  it('leaves clients that name no principal as they were: the token in the body, the Authorization header', async () => {
    const login = await withoutTestability.request('/api/auth/login', post(careLogin));
    expect(login.headers.get('set-cookie')).toBeNull();
    const { token } = z.object({ token: z.string() }).parse(await login.json());
    expect((await getSession({ Authorization: `Bearer ${token}` })).status).toBe(200);
    // An explicit Authorization wins over a cookie.
    const { cookie } = await logInAsTheApp();
    const explicit = await getSession({
      Authorization: 'Bearer 00000000000000000000000000000000',
      Cookie: `intyga-session-care=${cookie}`,
      'X-Intyga-Principal': 'care',
    });
    expect(explicit.status).toBe(401);
  });
});
