// @vitest-environment node
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedUsers } from '../seed/seed-data';
import { describeSqlStore } from './sql.conformance';
import { openSqlStore } from './sql';
import { openPostgresDriver } from './sql-postgres';
import type { Database } from './store';
import {
  clientRunSchema,
  saveMany,
  signAndSend,
  signResultsSchema,
  storeDraft,
} from './testing/contention';

/**
 * The store contract and the concurrency tests on a real PostgreSQL, named by
 * TEST_DATABASE_URL (e.g. postgres://intyga:intyga@localhost:5432/intyga_store_test). Each
 * test gets a schema of its own; each handle a pool of its own, as a server process has.
 * Without the variable the file fails in CI (CI set) and is skipped, saying why, elsewhere.
 */
const secondProcessReply = <T>(result: z.ZodType<T>) =>
  z.object({ result, retries: z.number().int().min(0) });

const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const missing =
  'TEST_DATABASE_URL is not set, so the store tests did not run on PostgreSQL (.ci/run starts it and sets the variable)';

if (databaseUrl === '') {
  if (inCi) {
    describe('the store on PostgreSQL', () => {
      it('runs in CI', () => {
        throw new Error(missing);
      });
    });
  } else {
    console.warn(`Skipped: ${missing}.`);
    describe.skip(`the store on PostgreSQL (skipped: ${missing})`, () => {
      it('runs with TEST_DATABASE_URL', () => undefined);
    });
  }
} else {
  describeSqlStore('PostgreSQL', () => ({
    driver: () => Promise.resolve(openPostgresDriver({ databaseUrl, poolSize: 10 })),
    dispose: () => Promise.resolve(),
  }));

  describe('two server processes on one PostgreSQL database', () => {
    const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
    let db: Database | undefined;
    /** This process's transactions run again after a serialization failure or deadlock. */
    const retries: string[] = [];
    let child: ReturnType<typeof spawn> | undefined;
    let replies: AsyncIterator<string> | undefined;

    const store = () => {
      if (db === undefined) throw new Error('The store is not open');
      return db;
    };
    async function next(): Promise<unknown> {
      const reply = await replies?.next();
      if (reply === undefined || reply.done === true) throw new Error('The second process ended');
      return JSON.parse(reply.value);
    }
    /**
     * Has the second process run `command`, running `ours` in this process as soon as the
     * other has begun; both results.
     */
    async function together<T>(command: object, ours: () => Promise<T>): Promise<[unknown, T]> {
      if (child?.stdin === null || child?.stdin === undefined) {
        throw new Error('The second process is not running');
      }
      child.stdin.write(`${JSON.stringify(command)}\n`);
      expect(await next()).toEqual({ started: true });
      const mine = ours();
      return [await next(), await mine];
    }

    beforeAll(async () => {
      db = await openSqlStore({ databaseUrl }, { schema, onRetry: (state) => retries.push(state) });
      const script = fileURLToPath(new URL('./testing/second-process.ts', import.meta.url));
      child = spawn(process.execPath, ['--import', 'tsx', script, databaseUrl, schema], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      if (child.stdout === null) throw new Error('No output from the second process');
      replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      expect(await next()).toEqual({ ready: true });
    }, 120_000);

    afterAll(async () => {
      child?.stdin?.end();
      if (child !== undefined && child.exitCode === null) {
        await new Promise((resolve) => child?.once('exit', resolve));
      }
      await db?.close();
      const driver = openPostgresDriver({ databaseUrl, poolSize: 1 });
      await driver.transaction({ isolation: 'read committed', readOnly: false }, (session) =>
        session.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
      );
      await driver.close();
    });

    it('50 parallel signings of one draft, 25 from each process: signed once, sent once', async () => {
      const record = await storeDraft(store());
      retries.length = 0;
      const [theirs, ours] = await together(
        { kind: 'sign', certificateId: record.id, count: 25 },
        () =>
          Promise.all(
            Array.from({ length: 25 }, () => signAndSend(store(), record.id, seedUsers.physician)),
          ),
      );
      const other = secondProcessReply(signResultsSchema).parse(theirs);
      const results = [...other.result, ...ours];
      expect(results).toHaveLength(50);
      expect(results.filter((result) => result === 'signed')).toHaveLength(1);
      const stored = await store().read((tx) => tx.certificates.get(record.id));
      expect(stored).toMatchObject({ status: 'signed', version: record.version + 1 });
      const received = await store().read((tx) => tx.fkReceived.getAll());
      expect(received.filter((entry) => entry.certificateId === record.id)).toHaveLength(1);
      console.info(
        `Two processes, 50 signings: transactions run again after a serialization failure: ${String(retries.length)} here, ${String(other.retries)} there`,
      );
    });

    it('100 interleaved saves, 50 from each process: none lost, stale ones refused naming the other', async () => {
      const record = await storeDraft(store());
      retries.length = 0;
      const [theirs, ours] = await together(
        {
          kind: 'save',
          certificateId: record.id,
          prefix: 'b',
          count: 50,
          startVersion: record.version,
        },
        () => saveMany(store(), record.id, seedUsers.physician, 'a', 50, record.version),
      );
      const reply = secondProcessReply(clientRunSchema).parse(theirs);
      const other = reply.result;
      expect(ours.saved + other.saved).toBe(100);
      expect(ours.refusedBy.length + other.refusedBy.length).toBeGreaterThan(0);
      expect(ours.refusedBy.every((name) => name === seedUsers.secondPhysician.name)).toBe(true);
      expect(other.refusedBy.every((name) => name === seedUsers.physician.name)).toBe(true);
      const stored = await store().read((tx) => tx.certificates.get(record.id));
      expect(stored?.version).toBe(record.version + 100);
      expect(Object.keys(stored?.answers ?? {})).toHaveLength(100);
      console.info(
        `Two processes, 100 saves: ${String(ours.refusedBy.length)} + ${String(other.refusedBy.length)} refused as stale; transactions run again: ${String(retries.length)} here, ${String(reply.retries)} there`,
      );
    });
  });
}
