import { setupWorker } from 'msw/browser';
import { openDatabase } from './db/database';
import { ensureSeeded } from './db/seed';
import { createHandlers } from './handlers';

/**
 * Starts the embedded backend in the browser: the store in IndexedDB and MSW's service
 * worker answering /api. The app awaits this before it renders.
 */
export async function startMockBackend(): Promise<void> {
  const db = await openDatabase();
  await ensureSeeded(db);
  const worker = setupWorker(...createHandlers(db));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
