// TEMPORARY STAND-IN, NOT PERSISTENT: the existing IndexedDB store, run in Node on
// fake-indexeddb, which keeps everything IN MEMORY. Every restart of the server starts from
// the seed again, and nothing is written to `dataDirectory`. The SQL store (PGlite in a folder
// by default, PostgreSQL with DATABASE_URL) replaces the body of `openStore` below; nothing
// else in server/node needs to change.
import 'fake-indexeddb/auto';
import {
  DATABASE_NAME,
  openDatabase,
  type Database,
  type DatabaseOptions,
} from '../store/database';
import { ensureSeeded } from '../seed/seed';

/** Where the server keeps its data: PostgreSQL (`DATABASE_URL`) or an embedded database in a folder. */
export type StoreLocation = { databaseUrl: string } | { dataDirectory: string };

export interface OpenedStore {
  db: Database;
  /** One line for the operator (Swedish): where the data lives. */
  description: string;
  /** True while the data does not survive a restart (the in-memory stand-in). */
  volatile: boolean;
}

/**
 * The server's one choice of store: opens it, migrates it, and seeds it when it is empty.
 * Today only the in-memory stand-in exists; with `databaseUrl` it refuses to start rather
 * than let an operator believe the data is in PostgreSQL.
 */
export async function openStore(
  location: StoreLocation,
  options: DatabaseOptions = {},
): Promise<OpenedStore> {
  if ('databaseUrl' in location) {
    throw new Error(
      'DATABASE_URL är satt, men den här versionen av servern kan ännu inte använda PostgreSQL. Starta utan DATABASE_URL.',
    );
  }
  const db = await openDatabase(DATABASE_NAME, options);
  await ensureSeeded(db);
  return {
    db,
    description:
      'Uppgifterna finns bara i minnet (tillfällig lagring) och försvinner när servern stoppas.',
    volatile: true,
  };
}
