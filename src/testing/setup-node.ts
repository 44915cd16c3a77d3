// Loaded only for the test files that run in Node's environment (vite.config.ts
// `test.projects`), after setup-tests.ts.

// The app and its embedded backend share an origin: the tests' calls and the handlers' paths
// are `/api/…`, which a page resolves against its location (so do MSW's fetch interception and
// its path matching). Node has no page, so the tests get jsdom's origin, Vitest's default.
Object.defineProperty(globalThis, 'location', {
  configurable: true,
  value: new URL('http://localhost:3000/'),
});
