import { z } from 'zod';
import type { CollectionName } from './schema';
import { bindTransaction, DamagedRecords, type RawCollection } from './collections';
import { asSqlStoreError } from './errors';
import {
  indexSpec,
  isKeyEquals,
  type Database,
  type DatabaseOptions,
  type IndexQuery,
  type Key,
  type Transaction,
  emptyCommitLog,
} from './store';
import {
  sqlStateOf,
  type SqlDriver,
  type SqlSession,
  type SqlValue,
  type TransactionSpec,
} from './sql-driver';

/**
 * The server's store: SQL, on PGlite (an embedded PostgreSQL, for a clinic's single process)
 * or PostgreSQL (for many processes on one database). One dialect, one code path.
 *
 * - One table per collection, `(id text primary key, data jsonb)`: the record as JSON, parsed
 *   with its schema on every read like IndexedDB's. Each index of `store.ts` is an expression
 *   index on the record's fields (a GIN index for the multi-entry one), so index reads are
 *   index scans; keys compare in the "C" collation, by code point, as IndexedDB compares them.
 * - Write transactions are SERIALIZABLE: PostgreSQL then guarantees that concurrent
 *   transactions have the effect of running one after the other — what IndexedDB gives the
 *   embedded home, and what every handler's read-check-write assumes (version checks, state
 *   transitions, "at most five sessions", "no duplicate message id", the daily draft lock).
 *   When it cannot, it aborts one transaction with a serialization failure (SQLSTATE 40001,
 *   or a deadlock, 40P01); the store then runs the whole work function again, a bounded
 *   number of times with a short random back-off. Reads (`read`) are REPEATABLE READ READ
 *   ONLY: one snapshot, never blocking or aborting a writer.
 * - Nothing is cached between requests (`cachedByIndexAs` reads its index every time): a
 *   cache valid across processes would need a shared generation row that every certificate
 *   write updates, and that one hot row would serialise all certificate writes.
 * - Migrations are versioned in `schema_migrations`, applied under an advisory lock, so that
 *   processes starting together apply each once.
 */

/** Versioned SQL migrations: each brings the schema from the version before it to its own. */
type SqlMigration = (schema: string) => readonly string[];

const keyed = (expression: string) => `((${expression}) COLLATE "C")`;

export const sqlMigrations: readonly SqlMigration[] = [
  // 1: every collection, and the indexes the lists, relations, threads and message ids need.
  (s) => [
    ...[
      'care_units',
      'users',
      'patients',
      'sessions',
      'settings',
      'audit',
      'threads',
      'certificates',
      'certificate_rows',
      'fk_received',
    ].map(
      (table) =>
        `CREATE TABLE ${s}.${table} (id text COLLATE "C" PRIMARY KEY, data jsonb NOT NULL)`,
    ),
    `CREATE INDEX certificates_by_unit_status ON ${s}.certificates (${keyed(`data->>'unitHsaId'`)}, ${keyed(`data->>'status'`)}, id)`,
    `CREATE INDEX certificates_by_patient ON ${s}.certificates (${keyed(`data->>'patientId'`)}, id)`,
    `CREATE INDEX certificates_by_type ON ${s}.certificates (${keyed(`data->>'type'`)}, id)`,
    `CREATE INDEX certificates_by_saved ON ${s}.certificates (${keyed(`data->>'savedAt'`)}, id)`,
    `CREATE INDEX certificates_by_parent ON ${s}.certificates (${keyed(`data->'parent'->>'certificateId'`)}, id)`,
    `CREATE INDEX certificate_rows_by_unit_status ON ${s}.certificate_rows (${keyed(`data->>'unitHsaId'`)}, ${keyed(`data->>'status'`)}, id)`,
    `CREATE INDEX threads_by_unit_state ON ${s}.threads (${keyed(`data->>'unitHsaId'`)}, ${keyed(`data->>'state'`)}, id)`,
    `CREATE INDEX threads_by_certificate ON ${s}.threads (${keyed(`data->>'certificateId'`)}, id)`,
    `CREATE INDEX threads_by_message_id ON ${s}.threads USING gin ((data->'messageIds') jsonb_path_ops)`,
  ],
];

export const tables: Record<CollectionName, string> = {
  careUnits: 'care_units',
  users: 'users',
  patients: 'patients',
  sessions: 'sessions',
  settings: 'settings',
  audit: 'audit',
  threads: 'threads',
  certificates: 'certificates',
  certificateRows: 'certificate_rows',
  fkReceived: 'fk_received',
};

/** The SQL expression of a key part: `a.b` is `data->'a'->>'b'`. */
function partExpression(path: string): string {
  const steps = path.split('.').map((step) => `'${step}'`);
  const last = steps.pop() ?? `''`;
  return ['data', ...steps].join('->') + `->>${last}`;
}

const schemaNameSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'A schema name is lower-case letters, digits and _');

const dataRowsSchema = z.array(z.object({ data: z.unknown() }));
const countRowsSchema = z.tuple([z.object({ n: z.number().int().min(0) })]);
const versionRowsSchema = z.tuple([z.object({ version: z.number().int().min(0) })]);

/** The WHERE clause and ORDER BY of an index query, with its parameters. */
export function indexCondition(
  collection: CollectionName,
  index: string,
  query: IndexQuery,
): { where: string; orderBy: string; params: SqlValue[] } {
  const spec = indexSpec(collection, index);
  if (spec.multiEntry === true) {
    if (!isKeyEquals(query) || typeof query.equals !== 'string' || Array.isArray(spec.keyPath)) {
      throw new Error(`${collection} ${index} is multi-entry: it answers exact keys only`);
    }
    const path = typeof spec.keyPath === 'string' ? spec.keyPath : '';
    return {
      where: `data->'${path}' @> $1::jsonb`,
      orderBy: 'id',
      params: [JSON.stringify([query.equals])],
    };
  }
  const paths = typeof spec.keyPath === 'string' ? [spec.keyPath] : [...spec.keyPath];
  const parts = paths.map((path) => keyed(partExpression(path)));
  const partsOf = (key: Key): string[] => {
    const values = typeof key === 'string' ? [key] : [...key];
    if (values.length !== parts.length) {
      throw new Error(`${collection} ${index} has keys of ${parts.length} part(s)`);
    }
    return values;
  };
  const params: SqlValue[] = [];
  const placeholders = (values: string[]) =>
    values.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
  const tuple = (items: string[]) =>
    items.length === 1 ? (items[0] ?? '') : `(${items.join(', ')})`;
  const conditions: string[] = [];
  if (isKeyEquals(query)) {
    const values = placeholders(partsOf(query.equals));
    parts.forEach((part, i) => conditions.push(`${part} = ${values[i] ?? ''}`));
  } else {
    // A record lacking any part of the key is not in the index.
    for (const part of parts) conditions.push(`${part} IS NOT NULL`);
    if (query.from !== undefined) {
      const operator = query.fromExclusive === true ? '>' : '>=';
      conditions.push(`${tuple(parts)} ${operator} ${tuple(placeholders(partsOf(query.from)))}`);
    }
    if (query.to !== undefined) {
      const operator = query.toExclusive === true ? '<' : '<=';
      conditions.push(`${tuple(parts)} ${operator} ${tuple(placeholders(partsOf(query.to)))}`);
    }
  }
  return { where: conditions.join(' AND '), orderBy: [...parts, 'id'].join(', '), params };
}

function rawCollection(session: SqlSession, schema: string, name: CollectionName): RawCollection {
  const table = `${schema}.${tables[name]}`;
  const data = async (text: string, params: SqlValue[] = []) =>
    dataRowsSchema.parse(await session.query(text, params)).map((row) => row.data);
  const count = async (text: string, params: SqlValue[] = []) =>
    countRowsSchema.parse(await session.query(text, params))[0].n;
  return {
    async get(id) {
      const [found] = await data(`SELECT data FROM ${table} WHERE id = $1`, [id]);
      return found;
    },
    getMany: (ids) =>
      data(
        `SELECT data FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id`,
        [JSON.stringify(ids)],
      ),
    getAll: () => data(`SELECT data FROM ${table} ORDER BY id`),
    count: () => count(`SELECT count(*)::int AS n FROM ${table}`),
    getAllByIndex(index, query) {
      const { where, orderBy, params } = indexCondition(name, index, query);
      return data(`SELECT data FROM ${table} WHERE ${where} ORDER BY ${orderBy}`, params);
    },
    countByIndex(index, query) {
      const { where, params } = indexCondition(name, index, query);
      return count(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    },
    async put(record) {
      await session.query(
        `INSERT INTO ${table} (id, data) VALUES ($1, $2::jsonb)
         ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`,
        [record.id, JSON.stringify(record)],
      );
    },
    async delete(id) {
      await session.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
    },
    async clear() {
      // DELETE, not TRUNCATE: TRUNCATE would lock the table against every reader.
      await session.query(`DELETE FROM ${table}`);
    },
  };
}

/**
 * A session whose statements run one at a time (a handler may start several reads at once)
 * and which remembers the first statement that failed: PostgreSQL refuses everything after
 * it, and a COMMIT of such a transaction silently rolls back, so the store must not commit
 * even when `work` caught the failure and went on.
 */
function guardedSession(session: SqlSession): {
  session: SqlSession;
  failure: () => { error: unknown } | undefined;
} {
  let failure: { error: unknown } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    session: {
      query(text, params) {
        const run = queue.then(() => session.query(text, params));
        queue = run.catch(() => undefined);
        return run.catch((error: unknown) => {
          failure ??= { error };
          throw error;
        });
      },
    },
    failure: () => failure,
  };
}

/** SQLSTATEs after which the whole transaction is run again: serialization failure, deadlock. */
const retryableStates = new Set(['40001', '40P01']);

export interface SqlDatabaseOptions extends DatabaseOptions {
  /** The PostgreSQL schema the store's tables live in (made if missing); default `public`. */
  schema?: string;
  /** How many times a write runs at most when serialization failures abort it; default 10. */
  maxAttempts?: number;
  /** Told of each transaction run again, with the SQLSTATE that aborted it (for metrics). */
  onRetry?: (sqlState: string) => void;
}

async function migrate(driver: SqlDriver, schema: string): Promise<void> {
  await driver.transaction({ isolation: 'read committed', readOnly: false }, async (session) => {
    // One process at a time: the others wait here, then find the migrations applied.
    await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`intyga-store:${schema}`]);
    await session.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await session.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const [{ version }] = versionRowsSchema.parse(
      await session.query(
        `SELECT coalesce(max(version), 0)::int AS version FROM ${schema}.schema_migrations`,
      ),
    );
    if (version > sqlMigrations.length) {
      throw new Error(
        `The store's schema is at version ${version}; this code knows ${sqlMigrations.length}`,
      );
    }
    for (const [index, migration] of sqlMigrations.entries()) {
      if (index + 1 <= version) continue;
      for (const statement of migration(schema)) await session.query(statement);
      await session.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [
        index + 1,
      ]);
    }
  });
}

/**
 * The store over a driver (migrated to the current version first). Closing the store closes
 * the driver.
 */
export async function openSqlDatabase(
  driver: SqlDriver,
  options: SqlDatabaseOptions = {},
): Promise<Database> {
  const schema = `"${schemaNameSchema.parse(options.schema ?? 'public')}"`;
  const maxAttempts = options.maxAttempts ?? 10;
  await migrate(driver, schema);
  const damaged = new DamagedRecords();

  async function run<T>(
    mode: 'readonly' | 'readwrite',
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    const spec: TransactionSpec =
      mode === 'readwrite'
        ? { isolation: 'serializable', readOnly: false }
        : { isolation: 'repeatable read', readOnly: true };
    for (let attempt = 1; ; attempt += 1) {
      const log = emptyCommitLog();
      let statementFailure: (() => { error: unknown } | undefined) | undefined;
      let result: T;
      try {
        result = await driver.transaction(spec, async (session) => {
          const guarded = guardedSession(session);
          statementFailure = guarded.failure;
          const value = await work(
            bindTransaction({
              raw: (name) => rawCollection(guarded.session, schema, name),
              mode,
              log,
              damaged,
              simulatedFaults: options.simulatedFaults,
            }),
          );
          const failed = guarded.failure();
          if (failed !== undefined) throw failed.error;
          return value;
        });
      } catch (error) {
        // A failed statement decides, whatever `work` made of it.
        const cause = statementFailure?.()?.error ?? error;
        const state = sqlStateOf(cause);
        if (state !== undefined && retryableStates.has(state) && attempt < maxAttempts) {
          options.onRetry?.(state);
          await backOff(attempt);
          continue;
        }
        throw asSqlStoreError(cause);
      }
      if (log.collections.size > 0) options.onCommit?.(log);
      return result;
    }
  }

  return {
    read: (work) => run('readonly', work),
    write: (work) => run('readwrite', work),
    close: () => driver.close(),
  };
}

/** A random pause of up to 2^attempt ms (at most 100 ms), so that retries do not collide again. */
function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Where the SQL store's data lives. */
export type SqlStoreLocation =
  /** PostgreSQL: `postgres://user:password@host:port/database`. */
  | { databaseUrl: string; poolSize?: number }
  /** PGlite with its data in this folder (made if missing), kept across restarts. */
  | { dataDirectory: string }
  /** PGlite in memory: gone when closed (demos, tests). */
  | { inMemory: true };

/**
 * Opens the SQL store: PostgreSQL when given a database URL, else PGlite (in a folder or in
 * memory). The driver not chosen is never loaded.
 */
export async function openSqlStore(
  location: SqlStoreLocation,
  options: SqlDatabaseOptions = {},
): Promise<Database> {
  let driver: SqlDriver;
  if ('databaseUrl' in location) {
    const { openPostgresDriver } = await import('./sql-postgres');
    driver = openPostgresDriver(location);
  } else {
    const { openPgliteDriver } = await import('./sql-pglite');
    driver = await openPgliteDriver('dataDirectory' in location ? location : {});
  }
  try {
    return await openSqlDatabase(driver, options);
  } catch (error) {
    await driver.close();
    throw error;
  }
}
