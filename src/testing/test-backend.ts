import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestBackend } from '../../mocks/node';
import type { Database } from '../../mocks/db/database';
import { writeAuthToken } from '../lib/auth-token';
import { loginResponseSchema } from '../contracts/session';
import { seedUsers, type SeedUserKey } from '../../mocks/builders/seed-data';

type TestServer = Awaited<ReturnType<typeof createTestBackend>>['server'];

/**
 * Starts the embedded backend (MSW in Node, store on fake-indexeddb) for one test file.
 * Use `backend.db` to look at or arrange the store directly.
 */
export function startTestBackend() {
  const backend: { db?: Database; server?: TestServer; close?: () => void } = {};
  beforeAll(async () => {
    const { server, db } = await createTestBackend();
    server.listen({ onUnhandledRequest: 'error' });
    backend.db = db;
    backend.server = server;
    backend.close = () => {
      server.close();
      db.close();
    };
  });
  afterEach(() => {
    writeAuthToken(undefined);
    backend.server?.resetHandlers();
  });
  afterAll(() => backend.close?.());
  return {
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
}

/** Logs in over the API as a seeded user and keeps the token for the API client. */
export async function loginOverApi(who: SeedUserKey = 'physician'): Promise<string> {
  const user = seedUsers[who];
  const [unitHsaId] = user.unitHsaIds;
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id, unitHsaId }),
  });
  const { token } = loginResponseSchema.parse(await response.json());
  writeAuthToken(token);
  return token;
}
