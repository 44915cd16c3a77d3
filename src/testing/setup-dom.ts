// Loaded only for the test files that run in jsdom (vite.config.ts `test.projects`), after
// setup-tests.ts: Testing Library and the browser APIs jsdom lacks.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…` and `waitFor` give up after `asyncUtilTimeout` (Testing Library's default: 1 s).
// On a loaded 2-core machine a correct test has waited longer than that for a render (a
// `findByRole` failed in a clean-clone run), so they wait up to 5 s. A test that waits for
// something that never comes still fails, only later; `testTimeout` (60 s) stays above it.
configure({ asyncUtilTimeout: 5_000 });

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
  window.localStorage.clear();
});

// jsdom's <dialog> has `open` but neither showModal() nor close(): enough of both for the
// app's Dialog (components/ui/dialog.tsx), so component tests can open its dialogs.
if (
  typeof HTMLDialogElement !== 'undefined' &&
  typeof HTMLDialogElement.prototype.showModal !== 'function'
) {
  Object.defineProperties(HTMLDialogElement.prototype, {
    showModal: {
      configurable: true,
      value(this: HTMLDialogElement) {
        this.open = true;
      },
    },
    close: {
      configurable: true,
      value(this: HTMLDialogElement) {
        this.open = false;
        this.dispatchEvent(new Event('close'));
      },
    },
  });
}
