import { setupServer } from 'msw/node';
import { openDatabase, type Database } from '../server/store/database';
import { ensureSeeded } from '../server/seed/seed';
import { runDueJobs } from '../server/jobs/run-jobs';
import { loadIcd10IndexFromDisk } from '../server/domain/diagnoses/load-icd10-node';
import { createRoutes } from '../server/http';
import { mswHandlerFor } from './msw-router';
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
  const db = await openDatabase(`intyga-test-${crypto.randomUUID()}`, { simulatedFaults: true });
  await ensureSeeded(db);
  // The jobs run on start-up and when the testability API moves the clock; tests that need
  // them at another moment call `runDueJobs` (no timer here: tests control time).
  await runDueJobs(db);
  const server = setupServer(mswHandlerFor(createRoutes(db, loadIcd10IndexFromDisk)));
  return { server, db };
}
