import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { careUnit } from '../seed/seed-data';
import { migrations, openIndexedDbStore } from './indexeddb';
import { certificateListRowSchema, type CertificateListRow } from './schema';
import { ReadCache } from './store';
import { describeStoreConformance } from './store.conformance';
import { storeDraft } from './testing/contention';

// fake-indexeddb (installed by the test setup) in memory; each store a database of its own.
const uniqueName = () => `intyga-store-test-${crypto.randomUUID()}`;

describeStoreConformance('IndexedDB', () => ({
  create() {
    const name = uniqueName();
    return Promise.resolve({
      open: (options) => openIndexedDbStore(name, options),
      async corrupt(collection, record) {
        const raw = await openDB(name);
        await raw.put(collection, record);
        raw.close();
      },
    });
  },
}));

describe('the IndexedDB store', () => {
  it("answers a tab's cached read from memory while no tab has written a certificate since", async () => {
    const name = uniqueName();
    const tabA = await openIndexedDbStore(name);
    const tabB = await openIndexedDbStore(name);
    const cache = new ReadCache<CertificateListRow>();
    const read = () =>
      tabB.read((tx) =>
        tx.certificateRows.cachedByIndexAs(
          'by-unit-status',
          { equals: [careUnit.hsaId, 'draft'] },
          certificateListRowSchema,
          cache,
        ),
      );
    await storeDraft(tabA);
    const first = await read();
    expect(await read()).toBe(first);
    await storeDraft(tabA);
    const second = await read();
    expect(second).not.toBe(first);
    expect(second).toHaveLength(2);
    await tabA.close();
    await tabB.close();
  });

  it('makes list rows for the certificates stored before they existed (the migration)', async () => {
    const name = uniqueName();
    // A store as the version before the list rows left it, holding one certificate.
    const seeding = await openIndexedDbStore(uniqueName());
    const record = await storeDraft(seeding);
    await seeding.close();
    const previous = 4;
    const old = await openDB(name, previous, {
      upgrade(database, _oldVersion, _newVersion, tx) {
        for (const migrate of migrations.slice(0, previous)) migrate(database, tx);
      },
    });
    await old.put('certificates', record);
    old.close();

    const db = await openIndexedDbStore(name);
    const rows = await db.read((tx) =>
      tx.certificateRows.getAllByIndex('by-unit-status', { equals: [careUnit.hsaId, 'draft'] }),
    );
    expect(rows.map((r) => r.id)).toEqual([record.id]);
    expect(await db.read((tx) => tx.certificates.get(record.id))).toEqual(record);
    await db.close();
  });
});
