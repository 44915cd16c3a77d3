// Loaded only for the test files that run in jsdom (vite.config.ts `test.projects`), after
// setup-tests.ts: Testing Library and the browser APIs jsdom lacks.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no media queries: every query answers as a narrow screen would (no match).
if (typeof window.matchMedia !== 'function') {
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

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});
