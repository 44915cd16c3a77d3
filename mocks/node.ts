import { setupServer } from 'msw/node';
import { openIndexedDbStore } from '../server/store/indexeddb';
import type { Database, DatabaseOptions } from '../server/store/store';
import { ensureSeeded } from '../server/seed/seed';
import { runDueJobs } from '../server/jobs/run-jobs';
import { diagnosisDataFromDisk } from '../server/domain/diagnoses/load-icd10-node';
import { createRoutes } from '../server/http';
import { mswHandlerFor } from './msw-router';
import { ChangeHub, noticesOf } from '../server/http/change-feed';
import { configureSwedishZodMessages } from '../src/contracts/swedish-messages';

/**
 * The store the handler tests run on, a new one for each call so that tests do not share
 * state: IndexedDB from fake-indexeddb (in memory), unless TEST_STORE names the SQL store,
 * `pglite` (in memory) or `postgres` (on TEST_DATABASE_URL, in a schema of its own, dropped
 * when the store is closed).
 */
async function openTestStore(options: DatabaseOptions): Promise<Database> {
  const kind = process.env.TEST_STORE ?? 'indexeddb';
  if (kind === 'indexeddb')
    return openIndexedDbStore(`intyga-test-${crypto.randomUUID()}`, options);
  const { openSqlDatabase, openSqlStore } = await import('../server/store/sql');
  if (kind === 'pglite') return openSqlStore({ inMemory: true }, options);
  const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
  if (kind !== 'postgres' || databaseUrl === '') {
    throw new Error('TEST_STORE is indexeddb, pglite, or postgres with TEST_DATABASE_URL set');
  }
  const { openPostgresDriver } = await import('../server/store/sql-postgres');
  const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  const driver = openPostgresDriver({ databaseUrl, poolSize: 4 });
  const db = await openSqlDatabase(
    {
      transaction: (spec, work) => driver.transaction(spec, work),
      close: async () => {
        await driver.transaction({ isolation: 'read committed', readOnly: false }, (session) =>
          session.query(`DROP SCHEMA "${schema}" CASCADE`),
        );
        await driver.close();
      },
    },
    { ...options, schema },
  );
  return db;
}

/** The same handlers for Vitest, on a store of their own (see `openTestStore`). */
export async function createTestBackend(): Promise<{
  server: ReturnType<typeof setupServer>;
  db: Database;
  changes: ChangeHub;
}> {
  // Every validation message the API returns is Swedish, also zod's own.
  configureSwedishZodMessages();
  const changes = new ChangeHub();
  const db = await openTestStore({
    onCommit: (log) => changes.publish(noticesOf(log)),
    simulatedFaults: true,
  });
  await ensureSeeded(db);
  // The jobs run on start-up and when the testability API moves the clock; tests that need
  // them at another moment call `runDueJobs` (no timer here: tests control time).
  await runDueJobs(db);
  const server = setupServer(
    mswHandlerFor(createRoutes(db, diagnosisDataFromDisk, { changes, testability: true })),
  );
  return { server, db, changes };
}
