import { ChangeHub } from './change-feed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { diagnosisDataFromDisk } from '../domain/diagnoses/load-icd10-node';
import { ensureSeeded } from '../seed/seed';
import { seedUsers } from '../seed/seed-data';
import { openIndexedDbStore } from '../store/indexeddb';
import type { Database } from '../store/store';
import { createDispatcher, type Dispatch } from './dispatch';
import { createRoutes } from './index';

/**
 * The testability API is a setting of the routes: on in the embedded backend and with
 * `--demo`, off by default on the Node server, where its paths are unknown API paths and the
 * faults it can leave in the store are ignored.
 */

let db: Database;
let on: Dispatch;
let off: Dispatch;

beforeAll(async () => {
  configureSwedishZodMessages();
  db = await openIndexedDbStore(`intyga-test-${crypto.randomUUID()}`);
  await ensureSeeded(db);
  on = createDispatcher(
    createRoutes(db, diagnosisDataFromDisk, { testability: true, changes: new ChangeHub() }),
  );
  off = createDispatcher(
    createRoutes(db, diagnosisDataFromDisk, { testability: false, changes: new ChangeHub() }),
  );
});
afterAll(() => db.close());

function request(path: string, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function answer(dispatch: Dispatch, path: string, body?: unknown) {
  const response = await dispatch(request(path, body));
  if (response === undefined) throw new Error(`nothing answered ${path}`);
  return { status: response.status, body: await response.json() };
}

describe('the testability switch', () => {
  it('off: every testability path answers 404 in the error shape', async () => {
    for (const [path, body] of [
      ['/api/testability/reset', { scenario: 'standard' }],
      ['/api/testability/fault', { fault: 'server-error' }],
      ['/api/testability/clock', { offsetDays: 3 }],
      ['/api/testability/audit', undefined],
      ['/api/testability/fk-received', undefined],
      ['/api/testability/operating-messages', { messages: [] }],
    ] as const) {
      expect(await answer(off, path, body), path).toEqual({
        status: 404,
        body: { code: 'NOT_FOUND', message: 'Adressen finns inte i tjänsten.' },
      });
    }
  });

  it('on: the reset answers', async () => {
    expect(await answer(on, '/api/testability/reset', { scenario: 'standard' })).toEqual({
      status: 200,
      body: { scenario: 'standard' },
    });
  });

  it('says which it is, and that every home is a training environment', async () => {
    expect(await answer(on, '/api/environment')).toEqual({
      status: 200,
      body: { training: true, testability: true },
    });
    expect(await answer(off, '/api/environment')).toEqual({
      status: 200,
      body: { training: true, testability: false },
    });
  });

  it('off: a fault left in the store (by a demo run) is ignored', async () => {
    expect(await answer(on, '/api/testability/fault', { fault: 'server-error' })).toMatchObject({
      status: 200,
    });
    const [unitHsaId] = seedUsers.physician.unitHsaIds;
    const login = { userId: seedUsers.physician.id, unitHsaId };
    expect((await answer(on, '/api/auth/login', login)).status).toBe(500);
    expect((await answer(off, '/api/auth/login', login)).status).toBe(200);
    await answer(on, '/api/testability/fault', { fault: 'none' });
  });
});
