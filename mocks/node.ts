import { setupServer } from 'msw/node';
import { openDatabase, type Database } from './db/database';
import { ensureSeeded } from './db/seed';
import { loadIcd10IndexFromDisk } from './diagnoses/load-icd10-node';
import { createHandlers, routeByPath } from './handlers';
import { configureSwedishZodMessages } from '../src/contracts/swedish-messages';

/**
 * The same handlers for Vitest. The store is IndexedDB from fake-indexeddb (in memory);
 * each call gets a database of its own so tests do not share state.
 */
export async function createTestBackend(): Promise<{
  server: ReturnType<typeof setupServer>;
  db: Database;
}> {
  // Every validation message the API returns is Swedish, also zod's own.
  configureSwedishZodMessages();
  const db = await openDatabase(`intyga-test-${crypto.randomUUID()}`);
  await ensureSeeded(db);
  const server = setupServer(routeByPath(createHandlers(db, loadIcd10IndexFromDisk)));
  return { server, db };
}
