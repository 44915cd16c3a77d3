import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/contracts/endpoints';
import { setServerLogger, type LogDetails } from '../logging';
import { StorageUnavailableError } from '../store/errors';
import { createDispatcher } from './dispatch';
import { takeContractViolations } from './contract-checks';
import { handle } from './endpoint';
import { failureMessages } from './failures';

/**
 * No exception leaves the backend: whatever a route throws is answered in the contract's error
 * shape, without the exception's name, message or stack (MSW's own answer to an exception
 * carries all three), and written to the server's log without identity numbers.
 */

let logged: { event: string; details: LogDetails | undefined }[] = [];
let restoreLogger: () => void = () => undefined;
beforeEach(() => {
  logged = [];
  restoreLogger = setServerLogger({ error: (event, details) => logged.push({ event, details }) });
});
afterEach(() => restoreLogger());

async function answer(dispatch: ReturnType<typeof createDispatcher>, path: string) {
  const response = await dispatch(new Request(`http://localhost${path}`));
  if (response === undefined) throw new Error('no route answered');
  return { status: response.status, body: await response.text() };
}

describe('a failure inside a route', () => {
  it('is a Swedish 500 in the error shape, and the log has no identity number', async () => {
    const dispatch = createDispatcher([
      {
        path: '/api/boom',
        resolve: () => {
          throw new TypeError('Patienten 19791212-9280 har inga svar');
        },
      },
    ]);
    const { status, body } = await answer(dispatch, '/api/boom');
    expect(status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      code: 'SERVER_ERROR',
      message: failureMessages.serverError,
    });
    for (const leak of ['TypeError', 'Patienten', '9280', 'stack', 'at ']) {
      expect(body).not.toContain(leak);
    }
    expect(logged).toEqual([
      {
        event: 'request-failed',
        details: {
          request: 'GET /api/boom',
          kind: 'TypeError',
          detail: 'Patienten [identitetsnummer] har inga svar',
        },
      },
    ]);
  });

  it('logs a path without an identity number typed into it', async () => {
    const dispatch = createDispatcher([
      { path: '/api/patients/:id', resolve: () => Promise.reject(new Error('oops')) },
    ]);
    expect((await answer(dispatch, '/api/patients/19791212-9280')).status).toBe(500);
    expect((await answer(dispatch, '/api/patients/cert-12345678-1234')).status).toBe(500);
    expect(logged.map((entry) => entry.details?.request)).toEqual([
      'GET /api/patients/[identitetsnummer]',
      'GET /api/patients/cert-12345678-1234',
    ]);
  });

  it('is 503 STORAGE_UNAVAILABLE when the store is unavailable', async () => {
    const dispatch = createDispatcher([
      {
        path: '/api/store',
        resolve: () => Promise.reject(new StorageUnavailableError('ECONNREFUSED')),
      },
    ]);
    const { status, body } = await answer(dispatch, '/api/store');
    expect(status).toBe(503);
    expect(JSON.parse(body)).toEqual({
      code: 'STORAGE_UNAVAILABLE',
      message: failureMessages.storageUnavailable,
    });
    expect(logged).toEqual([
      {
        event: 'storage-unavailable',
        details: { request: 'GET /api/store', kind: 'ECONNREFUSED' },
      },
    ]);
  });

  it('is answered inside an endpoint, so the registry check sees a declared status', async () => {
    const route = handle(endpoints.getSession, () => Promise.reject(new Error('oops')));
    const dispatch = createDispatcher([route]);
    const { status, body } = await answer(dispatch, '/api/session');
    expect(status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      code: 'SERVER_ERROR',
      message: failureMessages.serverError,
    });
    expect(takeContractViolations()).toEqual([]);
  });
});
