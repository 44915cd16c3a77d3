// Loaded for every test file, in Node's environment and in jsdom (vite.config.ts `test.projects`).
// IndexedDB for Node: the embedded backend's store runs on it, in memory.
import 'fake-indexeddb/auto';
import { afterEach, expect } from 'vitest';
import { checkContracts, takeContractViolations } from '../../server/http/contract-checks';

// Every answer of the embedded backend in every test is checked against the endpoint
// registry (src/contracts/endpoints.ts), the source of the OpenAPI document.
checkContracts(true);

afterEach(() => {
  expect(takeContractViolations(), 'answers off the endpoint registry').toEqual([]);
});
