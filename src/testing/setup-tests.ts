import '@testing-library/jest-dom/vitest';
// IndexedDB for Node: the embedded backend's store runs on it, in memory.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { checkContracts, takeContractViolations } from '../../mocks/handlers/contract-checks';

// jsdom has no media queries: every query answers as a narrow screen would (no match).
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string): MediaQueryList => {
      const list = new EventTarget();
      return Object.assign(list, {
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
      });
    },
  });
}

// Every answer of the embedded backend in every test is checked against the endpoint
// registry (src/contracts/endpoints.ts), the source of the OpenAPI document.
checkContracts(true);

afterEach(() => {
  cleanup();
  if (typeof window !== 'undefined') window.sessionStorage.clear();
  expect(takeContractViolations(), 'answers off the endpoint registry').toEqual([]);
});
