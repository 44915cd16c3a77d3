import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedPatients, seedUsers } from '../seed/seed-data';
import { indexes, type Database, type IndexQuery, type IndexSpec } from './store';
import { describeStoreConformance } from './store.conformance';
import { indexCondition, openSqlDatabase, sqlMigrations, tables } from './sql';
import type { SqlDriver, SqlSession } from './sql-driver';
import type { CollectionName } from './schema';

/**
 * The SQL store on one driver: the store contract (`store.conformance.ts`), and what is the
 * SQL implementation's own: index scans, migrations, retries, no silent commit.
 */
export interface SqlHarness {
  /** Another handle on the database (PostgreSQL: a new pool, as another process has). */
  driver(): Promise<SqlDriver>;
  /** After the file's last test. */
  dispose(): Promise<void>;
}

const newSchema = () => `t_${crypto.randomUUID().replaceAll('-', '')}`;

/**
 * A driver that, once armed, fails statements as `fault` decides, given the transaction's
 * number since arming (1 for the first).
 */
function faulty(
  driver: SqlDriver,
  fault: (text: string, attempt: number) => Error | undefined,
): SqlDriver & { arm: () => void; attempts: () => number } {
  let armed = false;
  let attempt = 0;
  return {
    arm: () => {
      armed = true;
      attempt = 0;
    },
    attempts: () => attempt,
    transaction(spec, work) {
      const current = (attempt += 1);
      return driver.transaction(spec, (session) =>
        work({
          async query(text, params) {
            const error = armed ? fault(text, current) : undefined;
            if (error !== undefined) throw error;
            return session.query(text, params);
          },
        }),
      );
    },
    close: () => driver.close(),
  };
}

function databaseError(code: string): Error {
  return Object.assign(new Error(`simulated SQLSTATE ${code}`), { code });
}

const planRowsSchema = z.array(z.object({ 'QUERY PLAN': z.string() }));

export function describeSqlStore(name: string, harness: () => SqlHarness): void {
  const setup = harness();
  const schemas: string[] = [];
  let admin: SqlDriver | undefined;
  const adminDriver = async () => (admin ??= await setup.driver());
  const run = async <T>(work: (session: SqlSession) => Promise<T>) =>
    (await adminDriver()).transaction({ isolation: 'read committed', readOnly: false }, work);

  afterAll(async () => {
    await run(async (session) => {
      for (const schema of schemas)
        await session.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    });
    await admin?.close();
    await setup.dispose();
  });

  async function open(schema: string, driver?: SqlDriver): Promise<Database> {
    return openSqlDatabase(driver ?? (await setup.driver()), { schema });
  }

  describeStoreConformance(name, () => ({
    create() {
      const schema = newSchema();
      schemas.push(schema);
      return Promise.resolve({
        open: async (options) => openSqlDatabase(await setup.driver(), { ...options, schema }),
        corrupt: (collection, record) =>
          run(async (session) => {
            await session.query(
              `INSERT INTO "${schema}".${tables[collection]} (id, data) VALUES ($1, $2::jsonb)
               ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`,
              [record.id, JSON.stringify(record)],
            );
          }),
      });
    },
  }));

  describe(`the SQL store on ${name}`, () => {
    it('reads every index with an index scan', async () => {
      const schema = newSchema();
      schemas.push(schema);
      const db = await open(schema);
      await db.close();
      const queries: [CollectionName, string, IndexQuery][] = [];
      const indexed: Record<string, Record<string, IndexSpec>> = indexes;
      for (const [collection, specs] of Object.entries(indexed)) {
        for (const [index, spec] of Object.entries(specs)) {
          const single = typeof spec.keyPath === 'string';
          const key = single ? 'k' : ['k', 'l'];
          const collectionName = z
            .enum(['certificates', 'certificateRows', 'threads'])
            .parse(collection);
          queries.push([collectionName, index, { equals: single ? 'k' : key }]);
          if (spec.multiEntry !== true) {
            queries.push([collectionName, index, { from: key, to: key, toExclusive: true }]);
          }
        }
      }
      const plans = await run(async (session) => {
        // With sequential scans priced out, the planner still takes one when no index fits.
        await session.query('SET LOCAL enable_seqscan = off');
        const found: string[] = [];
        for (const [collection, index, query] of queries) {
          const { where, orderBy, params } = indexCondition(collection, index, query);
          const plan = planRowsSchema.parse(
            await session.query(
              `EXPLAIN SELECT data FROM "${schema}".${tables[collection]} WHERE ${where} ORDER BY ${orderBy}`,
              params,
            ),
          );
          found.push(`${collection} ${index}: ${plan.map((row) => row['QUERY PLAN']).join(' | ')}`);
        }
        return found;
      });
      for (const plan of plans) {
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan).toMatch(/Index Scan|Index Only Scan|Bitmap Index Scan/);
      }
      expect(plans).toHaveLength(queries.length);
    });

    it('records its migrations, and applies each once when processes open it together', async () => {
      const schema = newSchema();
      schemas.push(schema);
      const handles = await Promise.all([open(schema), open(schema), open(schema)]);
      await Promise.all(handles.map((db) => db.close()));
      const versions = await run((session) =>
        session.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`),
      );
      expect(versions).toEqual(sqlMigrations.map((_, index) => ({ version: index + 1 })));
    });

    it('runs the work again after a serialization failure or deadlock, and tells of one commit', async () => {
      const schema = newSchema();
      schemas.push(schema);
      const driver = faulty(await setup.driver(), (text, attempt) =>
        text.startsWith('INSERT') && attempt <= 2
          ? databaseError(attempt === 1 ? '40001' : '40P01')
          : undefined,
      );
      const commits: string[][] = [];
      const db = await openSqlDatabase(driver, {
        schema,
        onCommit: (log) => commits.push([...log.collections]),
      });
      driver.arm();
      let runs = 0;
      const result = await db.write(async (tx) => {
        runs += 1;
        await tx.patients.put(seedPatients.adult);
        return runs;
      });
      expect(result).toBe(3);
      expect(driver.attempts()).toBe(3);
      expect(commits).toEqual([['patients']]);
      expect(await db.read((tx) => tx.patients.get(seedPatients.adult.id))).toEqual(
        seedPatients.adult,
      );
      await db.close();
    });

    it('gives up after its bounded attempts with the database error', async () => {
      const schema = newSchema();
      schemas.push(schema);
      const driver = faulty(await setup.driver(), (text) =>
        text.startsWith('INSERT') ? databaseError('40001') : undefined,
      );
      const db = await openSqlDatabase(driver, { schema, maxAttempts: 4 });
      driver.arm();
      let runs = 0;
      await expect(
        db.write(async (tx) => {
          runs += 1;
          await tx.patients.put(seedPatients.adult);
        }),
      ).rejects.toMatchObject({ code: '40001' });
      expect(runs).toBe(4);
      await db.close();
    });

    it('never commits a transaction in which a statement failed, even when the work caught it', async () => {
      const schema = newSchema();
      schemas.push(schema);
      const driver = faulty(await setup.driver(), (text) =>
        text.startsWith('DELETE') ? databaseError('22P02') : undefined,
      );
      const db = await openSqlDatabase(driver, { schema });
      driver.arm();
      await expect(
        db.write(async (tx) => {
          await tx.patients.put(seedPatients.adult);
          try {
            await tx.users.delete(seedUsers.physician.id);
          } catch {
            // A handler that swallows a storage failure.
          }
          return 'done';
        }),
      ).rejects.toMatchObject({ code: '22P02' });
      expect(await db.read((tx) => tx.patients.get(seedPatients.adult.id))).toBeUndefined();
      await db.close();
    });
  });
}
