import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { setServerLogger } from '../logging';
import { loadDefinition } from '../../src/definitions';
import { newDraftRecord, toActor } from '../domain/certificates';
import { careUnit, seedPatients, seedUsers } from '../seed/seed-data';
import { ensureSeeded, resetStore } from '../seed/seed';
import {
  certificateListRowSchema,
  collectionNames,
  type CertificateListRow,
  type CertificateRecord,
  type CollectionName,
  type ThreadRecord,
} from './schema';
import {
  ReadCache,
  ReadOnlyError,
  StorageUnavailableError,
  StoredRecordError,
  type Database,
  type DatabaseOptions,
  type IndexQuery,
} from './store';
import { saveMany, signAndSend, storeDraft } from './testing/contention';

/**
 * The store's contract, run on every implementation (`store.<implementation>.test.ts`). Each
 * test gets a store of its own; `open` may be called again on it for another handle on the
 * same data (another tab, a restarted or a second server process).
 */
export interface StoreUnderTest {
  open(options?: DatabaseOptions): Promise<Database>;
  /** Stores `record` as it is, past the schema (a record an older version or a bug wrote). */
  corrupt(
    collection: CollectionName,
    record: Record<string, unknown> & { id: string },
  ): Promise<void>;
}

export interface StoreHarness {
  create(): Promise<StoreUnderTest>;
  /** After the file's last test. */
  dispose?: () => Promise<void>;
}

async function draft(overrides: Partial<CertificateRecord> = {}): Promise<CertificateRecord> {
  const definition = await loadDefinition('fk7804');
  return {
    ...newDraftRecord({
      definition,
      type: 'fk7804',
      patient: seedPatients.adult,
      unitHsaId: careUnit.hsaId,
      actor: toActor(seedUsers.physician),
      at: '2026-12-01T09:00:00.000Z',
      answers: {},
      completeness: 'incomplete',
    }),
    ...overrides,
  };
}

function thread(id: string, overrides: Partial<ThreadRecord> = {}): ThreadRecord {
  return {
    id,
    version: 1,
    certificateId: 'cert-1',
    certificateType: 'fk7804',
    signedBy: toActor(seedUsers.physician),
    unitHsaId: careUnit.hsaId,
    patientId: seedPatients.adult.id,
    state: 'open',
    topic: 'OVRIGT',
    from: 'FK',
    subject: 'Fråga',
    text: 'Hur mår patienten?',
    sentAt: '2026-12-01T09:00:00.000Z',
    lastMessageAt: '2026-12-01T09:00:00.000Z',
    messageId: `${id}-m1`,
    messageIds: [`${id}-m1`],
    contactInfo: [],
    complements: [],
    reminders: [],
    forwarded: false,
    ...overrides,
  };
}

export function describeStoreConformance(name: string, harness: () => StoreHarness): void {
  describe(`the store contract on ${name}`, () => {
    const setup = harness();
    const opened: Database[] = [];
    /** A new store for this test, and a handle on it; `open` gives more handles. */
    async function fresh(options?: DatabaseOptions) {
      const store = await setup.create();
      const open = async (more?: DatabaseOptions) => {
        const db = await store.open(more);
        opened.push(db);
        return db;
      };
      return { store, open, db: await open(options) };
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((db) => db.close()));
    });
    afterAll(async () => {
      await setup.dispose?.();
    });

    it('keeps what was written when the store is opened again (a reload, a restart)', async () => {
      const { db, open } = await fresh();
      await ensureSeeded(db);
      await db.write((tx) => tx.patients.put({ ...seedPatients.adult, firstName: 'Kerstin' }));
      await db.close();
      opened.splice(opened.indexOf(db), 1);

      const again = await open();
      const patient = await again.read((tx) => tx.patients.get(seedPatients.adult.id));
      expect(patient?.firstName).toBe('Kerstin');
      // Seeding again does not overwrite what is there.
      await ensureSeeded(again);
      const still = await again.read((tx) => tx.patients.get(seedPatients.adult.id));
      expect(still?.firstName).toBe('Kerstin');
    });

    it('reads its own writes inside a transaction, and others see them after the commit', async () => {
      const { db, open } = await fresh();
      const other = await open();
      const seen = await db.write(async (tx) => {
        await tx.patients.put(seedPatients.adult);
        return tx.patients.get(seedPatients.adult.id);
      });
      expect(seen).toEqual(seedPatients.adult);
      expect(await other.read((tx) => tx.patients.get(seedPatients.adult.id))).toEqual(
        seedPatients.adult,
      );
    });

    it('writes nothing of a transaction that fails part-way', async () => {
      const { db } = await fresh();
      await ensureSeeded(db);
      await expect(
        db.write(async (tx) => {
          await tx.patients.delete(seedPatients.adult.id);
          await tx.users.put({ ...seedUsers.physician, name: 'Ändrad' });
          throw new Error('check failed after the writes');
        }),
      ).rejects.toThrow('check failed');
      expect(await db.read((tx) => tx.patients.get(seedPatients.adult.id))).toBeDefined();
      expect((await db.read((tx) => tx.users.get(seedUsers.physician.id)))?.name).toBe(
        seedUsers.physician.name,
      );
    });

    it('tells, after a write commits, which collections it wrote to; not for reads or failures', async () => {
      const commits: string[][] = [];
      const puts: unknown[] = [];
      const { db } = await fresh({
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
      expect(commits).toEqual([['patients'], ['certificateRows', 'certificates']]);
      // Each record put, as stored (the change feed tells from them who may hear of it).
      expect(puts).toEqual([
        { collection: 'patients', record: seedPatients.adult },
        { collection: 'certificates', record },
        expect.objectContaining({ collection: 'certificateRows' }),
      ]);
    });

    it('tells of a commit only once every other handle sees it', async () => {
      const { store } = await fresh();
      const other = await store.open();
      opened.push(other);
      const reads: Promise<unknown>[] = [];
      const db = await store.open({
        // Another handle reads as soon as it is told.
        onCommit: () => reads.push(other.read((tx) => tx.patients.get(seedPatients.adult.id))),
      });
      opened.push(db);
      await db.write((tx) => tx.patients.put(seedPatients.adult));
      expect(reads).toHaveLength(1);
      expect(await reads[0]).toEqual(seedPatients.adult);
    });

    it('refuses to store a record that breaks its schema', async () => {
      const { db } = await fresh();
      await ensureSeeded(db);
      const broken = { ...seedPatients.adult, birthDate: 'igår' };
      await expect(db.write((tx) => tx.patients.put(broken))).rejects.toBeInstanceOf(
        StoredRecordError,
      );
      const stored = await db.read((tx) => tx.patients.get(seedPatients.adult.id));
      expect(stored?.birthDate).toBe(seedPatients.adult.birthDate);
    });

    it('refuses text that some store cannot keep (U+0000, half a surrogate pair), and keeps all other text', async () => {
      const { db } = await fresh();
      const record = await draft();
      for (const text of ['a\u0000b', 'x\ud800', '\udc00y']) {
        await expect(
          db.write((tx) => tx.certificates.put({ ...record, answers: { q1: text } })),
        ).rejects.toBeInstanceOf(StoredRecordError);
      }
      const text = 'Åäö "citat" \\ back\\slash \n ny rad 😀 \u2028 \t tab \u0001';
      await db.write((tx) => tx.certificates.put({ ...record, answers: { q1: text } }));
      const stored = await db.read((tx) => tx.certificates.get(record.id));
      expect(stored?.answers).toEqual({ q1: text });
    });

    it('refuses a stored record that breaks its schema when it is asked for, and leaves it out of every list read', async () => {
      const { db, store } = await fresh();
      const logged: string[] = [];
      const restoreLogger = setServerLogger({
        error: (event, details) => logged.push(`${event} ${String(details?.recordId)}`),
      });
      onTestFinished(restoreLogger);
      await ensureSeeded(db);
      await store.corrupt('patients', { id: 'patient-broken', firstName: 42 });
      await expect(db.read((tx) => tx.patients.get('patient-broken'))).rejects.toBeInstanceOf(
        StoredRecordError,
      );
      expect(await db.read((tx) => tx.patients.readability('patient-broken'))).toBe('damaged');
      expect(await db.read((tx) => tx.patients.readability(seedPatients.adult.id))).toBe(
        'readable',
      );
      expect(await db.read((tx) => tx.patients.readability('patient-none'))).toBe('missing');
      expect(await db.read((tx) => tx.patients.getIfReadable('patient-broken'))).toBeUndefined();
      const everyone = await db.read((tx) => tx.patients.getAll());
      expect(everyone.map((patient) => patient.id)).not.toContain('patient-broken');
      expect(everyone).toContainEqual(seedPatients.adult);

      const good = await draft();
      await db.write((tx) => tx.certificates.put(good));
      await store.corrupt('certificates', {
        id: 'cert-broken',
        unitHsaId: careUnit.hsaId,
        status: 'draft',
        patientId: good.patientId,
      });
      const drafts = await db.read((tx) =>
        tx.certificates.getAllByIndex('by-unit-status', { equals: [careUnit.hsaId, 'draft'] }),
      );
      expect(drafts.map((r) => r.id)).toEqual([good.id]);
      const byPatient = await db.read((tx) =>
        tx.certificates.getAllByIndex('by-patient', { equals: good.patientId }),
      );
      expect(byPatient.map((r) => r.id)).toEqual([good.id]);
      // Each damaged record is logged once, however often the lists are read.
      expect(logged).toEqual([
        'stored-record-skipped patient-broken',
        'stored-record-skipped cert-broken',
      ]);
      // The count is of what is stored: the damaged record is there, and is found when asked for.
      expect(
        await db.read((tx) =>
          tx.certificates.countByIndex('by-unit-status', { equals: [careUnit.hsaId, 'draft'] }),
        ),
      ).toBe(2);
    });

    it("fails every write but the settings' while the simulated storage fault is on, leaving nothing behind", async () => {
      const { db } = await fresh({ simulatedFaults: true });
      await ensureSeeded(db);
      const settings = await db.read((tx) => tx.settings.get('settings'));
      if (settings === undefined) throw new Error('seeded without settings');
      await db.write((tx) => tx.settings.put({ ...settings, fault: 'storage-error' }));
      const record = await draft();
      await expect(db.write((tx) => tx.certificates.put(record))).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      expect(await db.read((tx) => tx.certificates.get(record.id))).toBeUndefined();
      await db.write((tx) => tx.settings.put({ ...settings, fault: 'none' }));
      await db.write((tx) => tx.certificates.put(record));
      expect((await db.read((tx) => tx.certificates.get(record.id)))?.id).toBe(record.id);
    });

    it('refuses writes inside a read transaction', async () => {
      const { db } = await fresh();
      await ensureSeeded(db);
      await expect(db.read((tx) => tx.patients.delete(seedPatients.adult.id))).rejects.toThrow(
        ReadOnlyError,
      );
      await expect(db.read((tx) => tx.patients.put(seedPatients.adult))).rejects.toThrow(
        ReadOnlyError,
      );
      await expect(db.read((tx) => tx.patients.clear())).rejects.toThrow(ReadOnlyError);
      expect(await db.read((tx) => tx.patients.get(seedPatients.adult.id))).toBeDefined();
    });

    it('reads records by id, all of them in id order, and counts them', async () => {
      const { db } = await fresh();
      const ids = ['b', 'a', 'C', 'a-1', 'ä'];
      await db.write(async (tx) => {
        for (const id of ids) {
          await tx.audit.put({ id, at: 1, action: 'login', userId: seedUsers.physician.id });
        }
      });
      const all = await db.read((tx) => tx.audit.getAll());
      // By code unit, as IndexedDB orders keys.
      expect(all.map((entry) => entry.id)).toEqual(['C', 'a', 'a-1', 'b', 'ä']);
      expect(await db.read((tx) => tx.audit.count())).toBe(5);
      expect(await db.read((tx) => tx.audit.get('missing'))).toBeUndefined();
      await db.write((tx) => tx.audit.delete('missing'));
      await db.write((tx) => tx.audit.delete('a'));
      expect(await db.read((tx) => tx.audit.count())).toBe(4);
      await db.write((tx) => tx.audit.put({ id: 'b', at: 2, action: 'logout' }));
      expect(await db.read((tx) => tx.audit.get('b'))).toEqual({
        id: 'b',
        at: 2,
        action: 'logout',
      });
    });

    it('reads many records by id in one read: in id order, without missing or damaged ones', async () => {
      const { db, store } = await fresh();
      onTestFinished(setServerLogger({ error: () => undefined }));
      await ensureSeeded(db);
      await store.corrupt('patients', { id: 'patient-broken', firstName: 42 });
      const found = await db.read((tx) =>
        tx.patients.getMany([
          seedPatients.child.id,
          'patient-none',
          'patient-broken',
          seedPatients.adult.id,
          seedPatients.child.id,
        ]),
      );
      expect(found).toEqual([seedPatients.adult, seedPatients.child]);
      expect(await db.read((tx) => tx.patients.getMany([]))).toEqual([]);
    });

    it('answers index queries: exact keys, compound keys, ranges, in key order then by id', async () => {
      const { db } = await fresh();
      const unit = careUnit.hsaId;
      const records = await Promise.all([
        draft({ id: 'c3', savedAt: '2026-12-03T09:00:00.000Z' }),
        draft({ id: 'c1', savedAt: '2026-12-01T09:00:00.000Z' }),
        draft({ id: 'c2', savedAt: '2026-12-02T09:00:00.000Z', status: 'signed' }),
        draft({ id: 'c4', savedAt: '2026-12-02T09:00:00.000Z', unitHsaId: 'SE0000000000-OTHR' }),
        draft({ id: 'c0', savedAt: '2026-12-02T09:00:00.000Z', patientId: 'patient-other' }),
      ]);
      await db.write(async (tx) => {
        for (const record of records) await tx.certificates.put(record);
      });
      const ids = (list: { id: string }[]) => list.map((record) => record.id);

      const drafts = await db.read((tx) =>
        tx.certificates.getAllByIndex('by-unit-status', { equals: [unit, 'draft'] }),
      );
      expect(ids(drafts)).toEqual(['c0', 'c1', 'c3']);
      expect(
        await db.read((tx) =>
          tx.certificates.countByIndex('by-unit-status', { equals: [unit, 'draft'] }),
        ),
      ).toBe(3);
      const byPatient = await db.read((tx) =>
        tx.certificates.getAllByIndex('by-patient', { equals: seedPatients.adult.id }),
      );
      expect(ids(byPatient)).toEqual(['c1', 'c2', 'c3', 'c4']);

      const saved = (query: IndexQuery<string>) =>
        db.read(async (tx) => ids(await tx.certificates.getAllByIndex('by-saved', query)));
      expect(await saved({})).toEqual(['c1', 'c0', 'c2', 'c4', 'c3']);
      expect(await saved({ from: '2026-12-02T09:00:00.000Z' })).toEqual(['c0', 'c2', 'c4', 'c3']);
      expect(await saved({ from: '2026-12-02T09:00:00.000Z', fromExclusive: true })).toEqual([
        'c3',
      ]);
      expect(await saved({ to: '2026-12-02T09:00:00.000Z', toExclusive: true })).toEqual(['c1']);
      expect(
        await saved({ from: '2026-12-01T12:00:00.000Z', to: '2026-12-02T09:00:00.000Z' }),
      ).toEqual(['c0', 'c2', 'c4']);
      expect(await saved({ from: '2026-12-03', to: '2026-12-01' })).toEqual([]);
      expect(
        await saved({
          from: '2026-12-02T09:00:00.000Z',
          to: '2026-12-02T09:00:00.000Z',
          toExclusive: true,
        }),
      ).toEqual([]);

      // A compound range: the unit's certificates in every status from 'locked-draft' on.
      const unitFrom = await db.read(async (tx) =>
        ids(
          await tx.certificates.getAllByIndex('by-unit-status', {
            from: [unit, 'locked-draft'],
            to: [unit, '\uffff'],
          }),
        ),
      );
      expect(unitFrom).toEqual(['c2']);
      expect(
        await db.read((tx) =>
          tx.certificates.countByIndex('by-unit-status', {
            from: [unit, 'draft'],
            to: [unit, 'draft'],
          }),
        ),
      ).toBe(3);
    });

    it('leaves out of an index the records that lack its key', async () => {
      const { db } = await fresh();
      const parent = await draft({ id: 'parent' });
      const child = await draft({
        id: 'child',
        parent: { type: 'renews', certificateId: 'parent' },
      });
      await db.write(async (tx) => {
        await tx.certificates.put(parent);
        await tx.certificates.put(child);
      });
      const children = await db.read((tx) =>
        tx.certificates.getAllByIndex('by-parent', { equals: 'parent' }),
      );
      expect(children.map((r) => r.id)).toEqual(['child']);
      const everyChild = await db.read((tx) => tx.certificates.getAllByIndex('by-parent', {}));
      expect(everyChild.map((r) => r.id)).toEqual(['child']);
      expect(await db.read((tx) => tx.certificates.countByIndex('by-parent', {}))).toBe(1);
    });

    it('finds a record by any element of a multi-entry key, once', async () => {
      const { db } = await fresh();
      await db.write(async (tx) => {
        await tx.threads.put(thread('t2', { messageIds: ['m-a', 'm-b', 'm-a'] }));
        await tx.threads.put(thread('t1', { messageIds: ['m-b'] }));
        await tx.threads.put(thread('t3', { messageIds: ['m-c'], state: 'handled' }));
      });
      const byMessage = async (messageId: string) =>
        db.read(async (tx) =>
          (await tx.threads.getAllByIndex('by-message-id', { equals: messageId })).map((t) => t.id),
        );
      expect(await byMessage('m-a')).toEqual(['t2']);
      expect(await byMessage('m-b')).toEqual(['t1', 't2']);
      expect(await byMessage('m-none')).toEqual([]);
      expect(
        await db.read((tx) => tx.threads.countByIndex('by-message-id', { equals: 'm-b' })),
      ).toBe(2);
      const open = await db.read((tx) =>
        tx.threads.getAllByIndexAs(
          'by-unit-state',
          { equals: [careUnit.hsaId, 'open'] },
          certificateListRowSchema.pick({ id: true }),
        ),
      );
      expect(open).toEqual([{ id: 't1' }, { id: 't2' }]);
    });

    it('resets to a scenario: seeded people, the fault, and the session settings', async () => {
      const { db } = await fresh();
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
      for (const collection of collectionNames) {
        expect(typeof (await db.read((tx) => tx[collection].count()))).toBe('number');
      }
    });

    describe("the certificates' list rows", () => {
      it('follow every write, delete and clear of a certificate, without its answers', async () => {
        const { db } = await fresh();
        const record = await draft();
        await db.write((tx) => tx.certificates.put(record));
        const row = await db.read((tx) => tx.certificateRows.get(record.id));
        expect(row).toMatchObject({ id: record.id, status: 'draft', patientId: record.patientId });
        expect(row).not.toHaveProperty('answers');
        expect(row).not.toHaveProperty('events');

        await db.write((tx) => tx.certificates.put({ ...record, status: 'locked-draft' }));
        const byState = await db.read((tx) =>
          tx.certificateRows.getAllByIndex('by-unit-status', {
            equals: [careUnit.hsaId, 'locked-draft'],
          }),
        );
        expect(byState.map((r) => r.id)).toEqual([record.id]);

        await db.write((tx) => tx.certificates.delete(record.id));
        expect(await db.read((tx) => tx.certificateRows.get(record.id))).toBeUndefined();

        await db.write((tx) => tx.certificates.put(record));
        await db.write((tx) => tx.certificates.clear());
        expect(await db.read((tx) => tx.certificateRows.count())).toBe(0);
      });

      it('read through the cache, always show what any handle has committed since', async () => {
        const { db: tabA, open } = await fresh();
        const tabB = await open();
        const cache = new ReadCache<CertificateListRow>();
        const first = await draft();
        await tabA.write((tx) => tx.certificates.put(first));
        const ids = async () =>
          (
            await tabB.read((tx) =>
              tx.certificateRows.cachedByIndexAs(
                'by-unit-status',
                { equals: [careUnit.hsaId, 'draft'] },
                certificateListRowSchema,
                cache,
              ),
            )
          ).map((row) => row.id);
        expect(await ids()).toEqual([first.id]);
        expect(await ids()).toEqual([first.id]);

        const second = await draft();
        await tabA.write((tx) => tx.certificates.put(second));
        expect(new Set(await ids())).toEqual(new Set([first.id, second.id]));
        await tabA.write((tx) => tx.certificates.delete(first.id));
        expect(await ids()).toEqual([second.id]);
        await tabA.write((tx) =>
          resetStore(tx, 'standard', { idleTimeoutSeconds: 10, warningSeconds: 5 }),
        );
        expect(await ids()).toEqual([]);
      });
    });

    describe('under concurrency', () => {
      it('50 parallel signings of one draft, from two handles: it is signed once and sent once', async () => {
        const { db, open } = await fresh();
        const other = await open();
        const record = await storeDraft(db);
        const signers = [seedUsers.physician, seedUsers.secondPhysician];
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            signAndSend(i % 2 === 0 ? db : other, record.id, signers[i % 2] ?? seedUsers.physician),
          ),
        );
        expect(results.filter((result) => result === 'signed')).toHaveLength(1);
        expect(results.filter((result) => result === 'refused')).toHaveLength(49);
        const stored = await db.read((tx) => tx.certificates.get(record.id));
        expect(stored).toMatchObject({ status: 'signed', version: record.version + 1 });
        expect(stored?.events.filter((event) => event.type === 'signed')).toHaveLength(1);
        const received = await db.read((tx) => tx.fkReceived.getAll());
        expect(received.map((entry) => entry.certificateId)).toEqual([record.id]);
      });

      it('100 interleaved saves from two clients: none lost, every stale one refused naming the other saver', async () => {
        const { db, open } = await fresh();
        const other = await open();
        const record = await storeDraft(db);
        const anna = seedUsers.physician;
        const bo = seedUsers.secondPhysician;
        const [a, b] = await Promise.all([
          saveMany(db, record.id, anna, 'a', 50, record.version),
          saveMany(other, record.id, bo, 'b', 50, record.version),
        ]);
        expect(a.saved + b.saved).toBe(100);
        // Both began on the same version: at least one save was refused.
        expect(a.refusedBy.length + b.refusedBy.length).toBeGreaterThan(0);
        expect(new Set(a.refusedBy)).toEqual(new Set(a.refusedBy.length > 0 ? [bo.name] : []));
        expect(new Set(b.refusedBy)).toEqual(new Set(b.refusedBy.length > 0 ? [anna.name] : []));
        const stored = await db.read((tx) => tx.certificates.get(record.id));
        expect(stored?.version).toBe(record.version + 100);
        expect(Object.keys(stored?.answers ?? {}).sort()).toEqual(
          [
            ...Array.from({ length: 50 }, (_, i) => `a_${String(i)}`),
            ...Array.from({ length: 50 }, (_, i) => `b_${String(i)}`),
          ].sort(),
        );
      });
    });
  });
}
