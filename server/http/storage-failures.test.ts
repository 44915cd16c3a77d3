import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { storedCertificateResponseSchema, type Fault } from '../../src/contracts/testability';
import { setServerLogger, type LogDetails } from '../logging';
import { seedPatients } from '../seed/seed-data';
import { failureMessages } from './failures';

/**
 * Issue 21, item 10: storage failures (a full disk or quota, a database that is down) answer
 * 503 in the contract's error shape, nothing of the failed request is written, and the same
 * request succeeds once the store is back. Before, a quota error answered
 * 500 `{"name":"QuotaExceededError"}`.
 */

startTestBackend();

let logged: { event: string; details: LogDetails | undefined }[] = [];
let restoreLogger: () => void = () => undefined;
beforeEach(async () => {
  expect((await callApi('/api/testability/reset', { method: 'POST', body: {} })).status).toBe(200);
  logged = [];
  restoreLogger = setServerLogger({ error: (event, details) => logged.push({ event, details }) });
});
afterEach(() => {
  restoreLogger();
  vi.restoreAllMocks();
});

const unavailable = { code: 'STORAGE_UNAVAILABLE', message: failureMessages.storageUnavailable };

async function setFault(fault: Fault) {
  expect(
    (await callApi('/api/testability/fault', { method: 'POST', body: { fault } })).status,
  ).toBe(200);
}

async function stored(id: string) {
  const answer = await callApi(`/api/testability/certificates/${id}`);
  expect(answer.status).toBe(200);
  return storedCertificateResponseSchema.parse(answer.body);
}

function save(id: string, token: string, version: number, text: string) {
  return callApi(`/api/certificates/${id}/answers`, {
    method: 'PUT',
    body: { version, answers: { ...unitAddress, '25': text } },
    token,
  });
}

/** The unit's address the draft was made with (a save replaces all answers). */
let unitAddress: Record<string, unknown> = {};

/**
 * Makes IndexedDB itself refuse every `put` into one object store as a full quota makes it
 * (fake-indexeddb has no quota of its own); the other stores work. Undone after each test.
 */
function quotaExceededFor(storeName: string) {
  const realPut: unknown = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value;
  if (typeof realPut !== 'function') throw new Error('IDBObjectStore has no put');
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: [unknown, IDBValidKey?]
  ) {
    if (this.name === storeName) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    const request: unknown = Reflect.apply(realPut, this, args);
    if (!isKeyRequest(request)) throw new Error('put did not answer a request');
    return request;
  });
}

/**
 * The two tests that make IndexedDB itself fail run where the handlers run on IndexedDB (the
 * default); on the SQL store (TEST_STORE) the database's own failures are proven by the store
 * conformance suite and by e2e/clinic/server-faults.spec.ts (the database cut off mid-save).
 */
const onIndexedDb = (process.env.TEST_STORE ?? 'indexeddb') === 'indexeddb';

function isKeyRequest(value: unknown): value is IDBRequest<IDBValidKey> {
  return value instanceof IDBRequest;
}

describe('a storage failure during autosave', () => {
  async function arrange() {
    const id = await createTestCertificate({ type: 'fk7804', patientId: seedPatients.adult.id });
    const { answers } = await stored(id);
    unitAddress = answers;
    const token = await loginOverApi('physician');
    return { id, token };
  }

  it.runIf(onIndexedDb)(
    'answers 503 in the error shape when IndexedDB refuses the write, and stores nothing',
    async () => {
      const { id, token } = await arrange();
      quotaExceededFor('certificates');
      const refused = await save(id, token, 1, 'Skrivet medan disken var full.');
      expect(refused).toEqual({ status: 503, body: unavailable });
      expect(JSON.stringify(refused.body)).not.toMatch(/QuotaExceeded|DOMException|stack/);
      expect(await stored(id)).toMatchObject({ version: 1, answers: unitAddress });
      expect(logged).toContainEqual({
        event: 'storage-unavailable',
        details: { request: `PUT /api/certificates/${id}/answers`, kind: 'QuotaExceededError' },
      });

      vi.restoreAllMocks();
      const saved = await save(id, token, 1, 'Skrivet medan disken var full.');
      expect(saved.status).toBe(200);
      expect((await stored(id)).answers['25']).toBe('Skrivet medan disken var full.');
    },
  );

  it('answers 503 while the testability fault fills the store; reads go on; then saves', async () => {
    const { id, token } = await arrange();
    await setFault('storage-error');

    expect(await save(id, token, 1, 'Första')).toEqual({ status: 503, body: unavailable });
    expect(await save(id, token, 1, 'Första och andra')).toEqual({
      status: 503,
      body: unavailable,
    });
    // What only reads still answers: the counts, the session's time left, the stored draft.
    expect((await callApi('/api/work-counts', { token })).status).toBe(200);
    expect((await callApi('/api/session/status', { token })).status).toBe(200);
    expect(await stored(id)).toMatchObject({ version: 1, answers: unitAddress });
    // A call that is the user's activity writes the session: it fails alike.
    expect(await callApi('/api/session', { token })).toEqual({ status: 503, body: unavailable });

    await setFault('none');
    const saved = await save(id, token, 1, 'Första och andra');
    expect(saved.status).toBe(200);
    expect(await stored(id)).toMatchObject({
      version: 2,
      answers: { ...unitAddress, '25': 'Första och andra' },
    });
  });

  it('is ended by a reset', async () => {
    await setFault('storage-error');
    expect((await callApi('/api/testability/reset', { method: 'POST', body: {} })).status).toBe(
      200,
    );
    const { id, token } = await arrange();
    expect((await save(id, token, 1, 'Efter återställningen')).status).toBe(200);
  });
});

describe('every failure inside the backend', () => {
  it.runIf(onIndexedDb)(
    'answers in the error shape, never with an exception name, message or stack',
    async () => {
      const token = await loginOverApi('physician');
      quotaExceededFor('sessions');
      const answers = await Promise.all([
        callApi('/api/session', { token }),
        callApi('/api/auth/login', {
          method: 'POST',
          body: { userId: 'user-physician-1', unitHsaId: 'SE5568891234-1E01' },
        }),
      ]);
      for (const answer of answers) {
        expect(answer).toEqual({ status: 503, body: unavailable });
      }
    },
  );
});
