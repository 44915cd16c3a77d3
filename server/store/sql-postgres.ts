import { Pool } from 'pg';
import { beginStatement, type SqlDriver } from './sql-driver';

/**
 * PostgreSQL over the network, through a pool of connections: each transaction holds one
 * connection from BEGIN to COMMIT or ROLLBACK.
 */
export function openPostgresDriver({
  databaseUrl,
  poolSize = 10,
  applicationName = 'intyga',
}: {
  databaseUrl: string;
  poolSize?: number;
  applicationName?: string;
}): SqlDriver {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: poolSize,
    application_name: applicationName,
  });
  // A pooled connection that fails while idle (a database restart) is dropped by the pool;
  // the next transaction gets a new one. Without a listener the error would end the process.
  pool.on('error', () => undefined);

  return {
    async transaction(spec, work) {
      const client = await pool.connect();
      let broken = false;
      // While a transaction holds the connection the pool does not listen for its errors, and
      // `pg` emits 'error' when the connection is lost (the database stops mid-transaction)
      // as well as failing the query: without a listener that event would end the process.
      // The failed query reports the loss; the connection leaves the pool.
      const lost = () => {
        broken = true;
      };
      client.on('error', lost);
      try {
        await client.query(beginStatement(spec));
        const result = await work({
          async query(text, params = []) {
            const { rows } = await client.query<Record<string, unknown>>(text, [...params]);
            return rows;
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection is unusable (or the failed COMMIT already ended the transaction
          // and the connection went with it): it leaves the pool.
          broken = true;
        }
        throw error;
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
