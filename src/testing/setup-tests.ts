import '@testing-library/jest-dom/vitest';
// IndexedDB for Node: the embedded backend's store runs on it, in memory.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  if (typeof window !== 'undefined') window.sessionStorage.clear();
});
