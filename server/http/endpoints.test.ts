import { afterAll, describe, expect, it } from 'vitest';
import { endpointList } from '../../src/contracts/endpoints';
import { routePattern } from '../../src/contracts/routes';
import { createTestBackend } from '../../mocks/node';
import { diagnosisDataFromDisk } from '../domain/diagnoses/load-icd10-node';
import { createRoutes } from './index';

/**
 * The endpoint registry (src/contracts/endpoints.ts) and the embedded backend's handlers
 * cannot drift apart: each handler answers an endpoint of the registry, and each endpoint
 * has a handler. The cross-cutting handlers (malformed paths, faults, the 404 fallback)
 * match every API path and are no endpoint of their own.
 */

const backend = await createTestBackend();
afterAll(() => backend.db.close());

function endpointHandlers(): string[] {
  return createRoutes(backend.db, diagnosisDataFromDisk, {
    changes: backend.changes,
    testability: true,
  }).flatMap(({ method, path }) =>
    method === undefined || path === undefined || path === '/api/*' ? [] : [`${method} ${path}`],
  );
}

const registered = endpointList.map(
  (endpoint) => `${endpoint.method.toUpperCase()} ${routePattern(endpoint.path)}`,
);

describe('the endpoint registry', () => {
  it('has every handler of the embedded backend, each once', () => {
    const handlers = endpointHandlers();
    expect(new Set(handlers).size).toBe(handlers.length);
    expect(handlers.filter((handler) => !registered.includes(handler))).toEqual([]);
  });

  it('has a handler for every endpoint', () => {
    const handlers = endpointHandlers();
    expect(registered.filter((endpoint) => !handlers.includes(endpoint))).toEqual([]);
  });

  it('names each method and path once, with `{name}` parameters that it defines', () => {
    expect(new Set(registered).size).toBe(registered.length);
    for (const endpoint of endpointList) {
      const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(Object.keys(endpoint.params ?? {}).sort(), endpoint.id).toEqual(names.sort());
      expect(endpoint.path, endpoint.id).not.toMatch(/:/);
    }
  });

  it('marks the testability endpoints as such, and only them', () => {
    for (const endpoint of endpointList) {
      const testability = endpoint.path.startsWith('/api/testability/');
      expect(endpoint.tag === 'testability', endpoint.id).toBe(testability);
      if (testability) expect(endpoint.summary, endpoint.id).toContain('testability API only');
    }
  });

  it('declares a success body (a JSON one, or a stream of events) unless the success is 204', () => {
    for (const endpoint of endpointList) {
      const { schema, events, status } = endpoint.success;
      expect(schema === undefined && events === undefined, endpoint.id).toBe(status === 204);
      expect(schema !== undefined && events !== undefined, endpoint.id).toBe(false);
    }
  });
});
