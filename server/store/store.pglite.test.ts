// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPatients } from '../seed/seed-data';
import { ensureSeeded } from '../seed/seed';
import { describeSqlStore } from './sql.conformance';
import { openSqlStore } from './sql';
import { openPgliteDriver } from './sql-pglite';
import type { SqlDriver } from './sql-driver';

// PGlite takes seconds to start (it runs initdb), so the file shares one in-memory instance
// and each test gets a schema of its own. Every handle borrows the one connection.
let shared: Promise<SqlDriver> | undefined;
beforeAll(async () => {
  shared ??= openPgliteDriver({});
  await shared;
}, 180_000);
describeSqlStore('PGlite', () => ({
  async driver() {
    shared ??= openPgliteDriver({});
    const pglite = await shared;
    return { transaction: (spec, work) => pglite.transaction(spec, work), close: async () => {} };
  },
  async dispose() {
    await (await shared)?.close();
  },
}));

describe('the SQL store on PGlite in a folder', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('keeps its data across a restart', { timeout: 180_000 }, async () => {
    const folder = await mkdtemp(join(tmpdir(), 'intyga-pglite-'));
    folders.push(folder);
    const dataDirectory = join(folder, 'data');
    const first = await openSqlStore({ dataDirectory });
    await ensureSeeded(first);
    await first.write((tx) => tx.patients.put({ ...seedPatients.adult, firstName: 'Kerstin' }));
    await first.close();

    const second = await openSqlStore({ dataDirectory });
    const patient = await second.read((tx) => tx.patients.get(seedPatients.adult.id));
    expect(patient?.firstName).toBe('Kerstin');
    await second.close();
  });
});
