import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { careUnit, seedPatients, seedUsers } from '../seed/seed-data';
import { loadDefinition } from '../../src/definitions';
import { newDraftRecord, toActor } from '../domain/certificates';
import { migrations, openDatabase, ReadCache, StoredRecordError } from './database';
import { ensureSeeded, resetStore } from '../seed/seed';
import {
  certificateListRowSchema,
  type CertificateListRow,
  type CertificateRecord,
} from './schema';

const uniqueName = () => `intyga-db-test-${crypto.randomUUID()}`;

async function draft(): Promise<CertificateRecord> {
  const definition = await loadDefinition('fk7804');
  return newDraftRecord({
    definition,
    type: 'fk7804',
    patient: seedPatients.adult,
    unitHsaId: careUnit.hsaId,
    actor: toActor(seedUsers.physician),
    at: '2026-12-01T09:00:00.000Z',
    answers: {},
    completeness: 'incomplete',
  });
}

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

  it('tells, after a write commits, which collections it wrote to; not for reads or failures', async () => {
    const commits: string[][] = [];
    const puts: unknown[] = [];
    const db = await openDatabase(uniqueName(), {
      onCommit: (log) => {
        commits.push([...log.collections].sort());
        puts.push(...log.puts);
      },
    });
    await db.write((tx) => tx.patients.put(seedPatients.adult));
    await db.read((tx) => tx.patients.get(seedPatients.adult.id));
    await db.write((tx) => tx.patients.get(seedPatients.adult.id));
    await expect(
      db.write(async (tx) => {
        await tx.users.put(seedUsers.physician);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const record = await draft();
    await db.write((tx) => tx.certificates.put(record));
    expect(commits).toEqual([['patients'], ['certificateRows', 'certificates', 'generations']]);
    // Each record put, as stored (the change feed tells from them who may hear of it).
    expect(puts).toEqual([
      { collection: 'patients', record: seedPatients.adult },
      expect.objectContaining({ collection: 'certificates', record: record }),
      expect.objectContaining({ collection: 'certificateRows' }),
      expect.objectContaining({ collection: 'generations' }),
    ]);
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

  describe("the certificates' list rows", () => {
    it('follow every write, delete and clear of a certificate, without its answers', async () => {
      const db = await openDatabase(uniqueName());
      const record = await draft();
      await db.write((tx) => tx.certificates.put(record));
      const row = await db.read((tx) => tx.certificateRows.get(record.id));
      expect(row).toMatchObject({ id: record.id, status: 'draft', patientId: record.patientId });
      expect(row).not.toHaveProperty('answers');
      expect(row).not.toHaveProperty('events');

      await db.write((tx) => tx.certificates.put({ ...record, status: 'locked-draft' }));
      const byState = await db.read((tx) =>
        tx.certificateRows.getAllByIndex('by-unit-status', [careUnit.hsaId, 'locked-draft']),
      );
      expect(byState.map((r) => r.id)).toEqual([record.id]);

      await db.write((tx) => tx.certificates.delete(record.id));
      expect(await db.read((tx) => tx.certificateRows.get(record.id))).toBeUndefined();

      await db.write((tx) => tx.certificates.put(record));
      await db.write((tx) => tx.certificates.clear());
      expect(await db.read((tx) => tx.certificateRows.count())).toBe(0);
      db.close();
    });

    it("are read from a tab's memory only while no tab has written a certificate since", async () => {
      const name = uniqueName();
      const tabA = await openDatabase(name);
      const tabB = await openDatabase(name);
      const cache = new ReadCache<CertificateListRow>();
      const first = await draft();
      await tabA.write((tx) => tx.certificates.put(first));
      const ids = async () =>
        (
          await tabB.read((tx) =>
            tx.certificateRows.cachedByIndexAs(
              'by-unit-status',
              [careUnit.hsaId, 'draft'],
              certificateListRowSchema,
              cache,
            ),
          )
        ).map((row) => row.id);
      expect(await ids()).toEqual([first.id]);
      const again = await tabB.read((tx) =>
        tx.certificateRows.cachedByIndexAs(
          'by-unit-status',
          [careUnit.hsaId, 'draft'],
          certificateListRowSchema,
          cache,
        ),
      );
      expect(
        await tabB.read((tx) =>
          tx.certificateRows.cachedByIndexAs(
            'by-unit-status',
            [careUnit.hsaId, 'draft'],
            certificateListRowSchema,
            cache,
          ),
        ),
      ).toBe(again);

      const second = await draft();
      await tabA.write((tx) => tx.certificates.put(second));
      expect(new Set(await ids())).toEqual(new Set([first.id, second.id]));
      await tabA.write((tx) => tx.certificates.delete(first.id));
      expect(await ids()).toEqual([second.id]);
      await tabA.write((tx) =>
        resetStore(tx, 'standard', { idleTimeoutSeconds: 10, warningSeconds: 5 }),
      );
      expect(await ids()).toEqual([]);
      tabA.close();
      tabB.close();
    });

    it('are made for the certificates stored before they existed (the migration)', async () => {
      const name = uniqueName();
      const record = await draft();
      // A store as the version before the list rows left it, holding one certificate.
      const previous = 4;
      const old = await openDB(name, previous, {
        upgrade(database, _oldVersion, _newVersion, tx) {
          for (const migrate of migrations.slice(0, previous)) migrate(database, tx);
        },
      });
      await old.put('certificates', record);
      old.close();

      const db = await openDatabase(name);
      const rows = await db.read((tx) =>
        tx.certificateRows.getAllByIndex('by-unit-status', [careUnit.hsaId, 'draft']),
      );
      expect(rows.map((r) => r.id)).toEqual([record.id]);
      expect(await db.read((tx) => tx.certificates.get(record.id))).toEqual(record);
      db.close();
    });
  });
});
