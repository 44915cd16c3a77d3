import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriver } from './sql-driver';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, running in this process, its data in a folder
 * (kept across restarts) or in memory. It has one connection, so its transactions run one
 * after the other.
 */
export async function openPgliteDriver({
  dataDirectory,
}: {
  /** Absent: in memory, gone when closed. */
  dataDirectory?: string;
}): Promise<SqlDriver> {
  if (dataDirectory !== undefined) await mkdir(dataDirectory, { recursive: true });
  const pglite = await PGlite.create(dataDirectory);
  return {
    transaction(spec, work) {
      // PGlite's own transaction queues behind any other on its one connection and rolls
      // back when `work` fails; the first statement sets the isolation level and access mode.
      return pglite.transaction(async (tx) => {
        await tx.exec(
          `SET TRANSACTION ISOLATION LEVEL ${spec.isolation.toUpperCase()}${spec.readOnly ? ', READ ONLY' : ''}`,
        );
        return work({
          async query(text, params = []) {
            const { rows } = await tx.query<unknown>(text, [...params]);
            return rows;
          },
        });
      });
    },
    close: () => pglite.close(),
  };
}
