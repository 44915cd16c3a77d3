// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { asSqlStoreError, StorageUnavailableError } from './errors';
import { openPostgresDriver } from './sql-postgres';
import { openTcpProxy } from './testing/tcp-proxy';

/**
 * PostgreSQL lost in the middle of a transaction (it stops, the network drops), through a TCP
 * proxy that cuts every connection, on the database TEST_DATABASE_URL names. Without the
 * variable the file fails in CI (CI set) and is skipped elsewhere.
 */

const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';

describe.skipIf(databaseUrl === '' && !inCi)('PostgreSQL lost mid-transaction', () => {
  it('fails that transaction as a storage failure without ending the process; the next one works', async () => {
    expect(databaseUrl, 'CI runs this on PostgreSQL: set TEST_DATABASE_URL').not.toBe('');
    const proxy = await openTcpProxy(databaseUrl);
    const driver = openPostgresDriver({ databaseUrl: proxy.url(databaseUrl), poolSize: 2 });
    const spec = { isolation: 'serializable', readOnly: false } as const;
    try {
      // The connection is lost while the transaction holds it: `pg` fails the query and
      // emits 'error' on the connection, which must not become an uncaught exception (the
      // server process would end; Vitest fails the run on one).
      const failure = await driver
        .transaction(spec, async (session) => {
          await session.query('SELECT 1');
          proxy.cut();
          await session.query('SELECT 2');
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(asSqlStoreError(failure)).toBeInstanceOf(StorageUnavailableError);

      // The lost connection has left the pool: the next transaction gets a new one.
      await expect(
        driver.transaction(spec, (session) => session.query('SELECT 1 AS n')),
      ).resolves.toEqual([{ n: 1 }]);
    } finally {
      await driver.close();
      await proxy.close();
    }
  });
});
