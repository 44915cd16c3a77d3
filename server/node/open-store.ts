import { openSqlStore } from '../store/sql';
import type { Database, DatabaseOptions } from '../store/store';
import { ensureSeeded } from '../seed/seed';

/** Where the server keeps its data: PostgreSQL (`DATABASE_URL`) or an embedded database in a folder. */
export type StoreLocation = { databaseUrl: string } | { dataDirectory: string };

export interface OpenedStore {
  db: Database;
  /** One line for the operator (Swedish): where the data lives. */
  description: string;
}

/** A database URL without its password, fit for the operator's console. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    return url.toString().replace(/:@/, '@');
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * The server's one choice of store: the SQL store on PostgreSQL (`databaseUrl`) or on PGlite,
 * the embedded PostgreSQL, in a folder (kept across restarts, nothing to install). It is
 * migrated as it opens, and seeded when it is empty.
 */
export async function openStore(
  location: StoreLocation,
  options: DatabaseOptions = {},
): Promise<OpenedStore> {
  const db = await openSqlStore(location, options);
  try {
    await ensureSeeded(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    db,
    description:
      'databaseUrl' in location
        ? `PostgreSQL (${describeDatabaseUrl(location.databaseUrl)}).`
        : `inbäddad databas (PGlite) i mappen ${location.dataDirectory}.`,
  };
}
