import { setupWorker } from 'msw/browser';
import { openDatabase } from './db/database';
import { ensureSeeded } from './db/seed';
import { loadIcd10Index } from './diagnoses/load-icd10';
import { createHandlers } from './handlers';
import { configureSwedishZodMessages } from '../src/contracts/swedish-messages';

/**
 * Starts the embedded backend in the browser: the store in IndexedDB and MSW's service
 * worker answering /api. The app awaits this before it renders.
 */
export async function startMockBackend(): Promise<void> {
  // Every validation message the API returns is Swedish, also zod's own.
  configureSwedishZodMessages();
  const db = await openDatabase();
  await ensureSeeded(db);
  const base = import.meta.env.BASE_URL;
  const loadIcd10 = () =>
    loadIcd10Index(async () => {
      const response = await fetch(`${base}data/icd10se.tsv`);
      if (!response.ok) throw new Error(`ICD-10-SE list: HTTP ${response.status}`);
      return response.text();
    });
  const worker = setupWorker(...createHandlers(db, loadIcd10));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${base}mockServiceWorker.js` },
  });
}
