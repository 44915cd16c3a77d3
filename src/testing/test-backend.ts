import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTestBackend } from '../../mocks/node';
import type { Database } from '../../server/store/store';
import { resetStore } from '../../server/seed/seed';
import { forgetAllSessions, startSession } from '../lib/session-store';
import { loginResponseSchema } from '../contracts/session';
import {
  createTestCertificateResponseSchema,
  type CreateTestCertificateRequest,
} from '../contracts/testability';
import { seedUsers, type SeedUserKey } from '../../mocks/builders/seed-data';

type TestServer = Awaited<ReturnType<typeof createTestBackend>>['server'];

/**
 * Starts the embedded backend (MSW in Node, store on fake-indexeddb) for one test file, and
 * gives each test a store of its own: before every test the store is emptied and seeded anew
 * (what `POST /api/testability/reset` does), so that no test sees what another one wrote,
 * sessions and the moved clock included, and the order of the tests does not matter.
 * Use `backend.db` to look at or arrange the store directly.
 */
export function startTestBackend() {
  const backend: { db?: Database; server?: TestServer; close?: () => Promise<void> } = {};
  beforeAll(async () => {
    const { server, db } = await createTestBackend();
    server.listen({ onUnhandledRequest: 'error' });
    backend.db = db;
    backend.server = server;
    backend.close = async () => {
      server.close();
      await db.close();
    };
    // PGlite (TEST_STORE=pglite) runs initdb as it starts: seconds, more on a loaded machine.
  }, 120_000);
  const started = {
    get db(): Database {
      if (backend.db === undefined) throw new Error('The test backend has not started yet');
      return backend.db;
    },
    /** MSW's server: `server.use(...)` puts a test's own handler in front for one test. */
    get server(): TestServer {
      if (backend.server === undefined) throw new Error('The test backend has not started yet');
      return backend.server;
    },
  };
  beforeEach(async () => {
    await started.db.write((tx) => resetStore(tx, 'standard'));
  });
  afterEach(() => {
    forgetAllSessions();
    backend.server?.resetHandlers();
  });
  afterAll(async () => {
    await backend.close?.();
  });
  return started;
}

/** Logs in over the API as a seeded user and keeps the session for the API client. */
export async function loginOverApi(who: SeedUserKey = 'physician'): Promise<string> {
  const user = seedUsers[who];
  const [unitHsaId] = user.unitHsaIds;
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id, unitHsaId }),
  });
  const { token } = loginResponseSchema.required().parse(await response.json());
  startSession('care', token);
  return token;
}

/**
 * One raw call to the embedded backend, as a client without the app's API layer makes it:
 * a string body is sent as it is (to test malformed JSON), anything else as JSON. The answer's
 * body is parsed JSON, or the text when it is not JSON, so that an assertion shows what came.
 */
export async function callApi(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? null
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body };
}

/** Makes a certificate through the testability API (not audit-logged); returns its id. */
export async function createTestCertificate(spec: CreateTestCertificateRequest): Promise<string> {
  const { status, body } = await callApi('/api/testability/certificates', {
    method: 'POST',
    body: spec,
  });
  if (status !== 201) throw new Error(`creating a test certificate failed: ${String(status)}`);
  return createTestCertificateResponseSchema.parse(body).certificateId;
}
