import { describe, expect, it } from 'vitest';
import { seedPatients } from '../builders/seed-data';
import { openDatabase, StoredRecordError } from './database';
import { ensureSeeded, resetStore } from './seed';

const uniqueName = () => `intyga-db-test-${crypto.randomUUID()}`;

describe('the IndexedDB store', () => {
  it('keeps what was written when the database is opened again (a reload)', async () => {
    const name = uniqueName();
    const first = await openDatabase(name);
    await ensureSeeded(first);
    await first.write((tx) => tx.patients.put({ ...seedPatients.adult, firstName: 'Kerstin' }));
    first.close();

    const second = await openDatabase(name);
    const patient = await second.read((tx) => tx.patients.get(seedPatients.adult.id));
    expect(patient?.firstName).toBe('Kerstin');
    // Seeding again does not overwrite what is there.
    await ensureSeeded(second);
    expect((await second.read((tx) => tx.patients.get(seedPatients.adult.id)))?.firstName).toBe(
      'Kerstin',
    );
    second.close();
  });

  it('writes nothing of a transaction that fails part-way', async () => {
    const db = await openDatabase(uniqueName());
    await ensureSeeded(db);
    await expect(
      db.write(async (tx) => {
        await tx.patients.delete(seedPatients.adult.id);
        throw new Error('check failed after the delete');
      }),
    ).rejects.toThrow('check failed');
    expect(await db.read((tx) => tx.patients.get(seedPatients.adult.id))).toBeDefined();
    db.close();
  });

  it('refuses to store a record that breaks its schema', async () => {
    const db = await openDatabase(uniqueName());
    await ensureSeeded(db);
    const broken = { ...seedPatients.adult, birthDate: 'igår' };
    await expect(db.write((tx) => tx.patients.put(broken))).rejects.toBeInstanceOf(
      StoredRecordError,
    );
    db.close();
  });

  it('refuses writes inside a read transaction', async () => {
    const db = await openDatabase(uniqueName());
    await ensureSeeded(db);
    await expect(db.read((tx) => tx.patients.delete(seedPatients.adult.id))).rejects.toMatchObject({
      name: 'ReadOnlyError',
    });
    expect(await db.read((tx) => tx.patients.get(seedPatients.adult.id))).toBeDefined();
    db.close();
  });

  it('resets to a scenario: seeded people, the fault, and the session settings', async () => {
    const db = await openDatabase(uniqueName());
    await db.write((tx) =>
      resetStore(tx, 'server-error', { idleTimeoutSeconds: 10, warningSeconds: 5 }),
    );
    const settings = await db.read((tx) => tx.settings.get('settings'));
    expect(settings).toMatchObject({
      scenario: 'server-error',
      fault: 'server-error',
      sessionIdleSeconds: 10,
      sessionWarningSeconds: 5,
    });
    expect(await db.read((tx) => tx.patients.count())).toBe(Object.keys(seedPatients).length);
    db.close();
  });
});
