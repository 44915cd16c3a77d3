import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from 'zod';
import { asStoreError } from './errors';
import { certificateListRowSchema, collectionNames, type CollectionName } from './schema';
import {
  bindTransaction,
  DamagedRecords,
  cachedCollections,
  type GenerationTags,
  type RawCollection,
} from './collections';
import {
  isKeyEquals,
  type Database,
  type DatabaseOptions,
  type IndexQuery,
  type Transaction,
  emptyCommitLog,
} from './store';

/**
 * The embedded backend's store: IndexedDB, so a reload (and every other tab) sees the
 * same data. Each request runs inside one transaction, like a real server's database
 * transaction: reads, checks and writes together, or not at all. IndexedDB runs read-write
 * transactions over the same stores one after the other, and every transaction here spans
 * every store, so a write never interleaves with another tab's.
 * In Node tests the same code runs on fake-indexeddb, in memory.
 */

export const DATABASE_NAME = 'intyga-backend';

/**
 * Versioned migrations: each brings a store from the version before it to its own, so a
 * later issue adds a field or an index without wiping anyone's data. Append, never edit.
 */
type Migration = (
  database: IDBPDatabase,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void;

export const migrations: readonly Migration[] = [
  // 1: the foundation's collections.
  (database) => {
    for (const name of [
      'careUnits',
      'users',
      'patients',
      'sessions',
      'settings',
      'audit',
      'threads',
      'certificates',
    ]) {
      database.createObjectStore(name, { keyPath: 'id' });
    }
  },
  // 2: the certificate record with its list indexes, and what FK has received. Version 1
  // had a placeholder certificate shape that nothing wrote, so any such row is dropped.
  (database, tx) => {
    const certificates = tx.objectStore('certificates');
    // Requests in an upgrade run in order; the transaction commits once all have.
    void certificates.clear();
    certificates.createIndex('by-unit-status', ['unitHsaId', 'status']);
    certificates.createIndex('by-patient', 'patientId');
    certificates.createIndex('by-type', 'type');
    certificates.createIndex('by-saved', 'savedAt');
    database.createObjectStore('fkReceived', { keyPath: 'id' });
  },
  // 3: relations. A certificate names its parent (renews, replaces, copy of, complements);
  // its children are found by this index. The never-written `relations: []` goes.
  (_database, tx) => {
    const certificates = tx.objectStore('certificates');
    certificates.createIndex('by-parent', 'parent.certificateId');
    void (async () => {
      let cursor = await certificates.openCursor();
      while (cursor !== null) {
        const value: unknown = cursor.value;
        if (typeof value === 'object' && value !== null && 'relations' in value) {
          const { relations: _dropped, ...rest } = value;
          await cursor.update(rest);
        }
        cursor = await cursor.continue();
      }
    })();
  },
  // 4: dialogue threads with FK. The foundation's placeholder thread shape was never
  // written, so any such row is dropped. Threads are listed by unit and state (the inbox,
  // the counts) and by certificate (the panel); every message id a thread holds is indexed,
  // so that a duplicate is refused.
  (_database, tx) => {
    const threads = tx.objectStore('threads');
    void threads.clear();
    threads.createIndex('by-unit-state', ['unitHsaId', 'state']);
    threads.createIndex('by-certificate', 'certificateId');
    threads.createIndex('by-message-id', 'messageIds', { multiEntry: true });
  },
  // 5: the certificates' list rows, a projection of each record without its answers and
  // events, so that the work lists of a unit with tens of thousands of certificates do not
  // read (and clone) every full record. Kept in step by every write (`CertificateCollection`),
  // which also gives the rows a new generation tag; filled here from the records stored.
  (database, tx) => {
    database.createObjectStore('generations', { keyPath: 'id' });
    const rows = database.createObjectStore('certificateRows', { keyPath: 'id' });
    rows.createIndex('by-unit-status', ['unitHsaId', 'status']);
    void (async () => {
      let cursor = await tx.objectStore('certificates').openCursor();
      while (cursor !== null) {
        const row = certificateListRowSchema.safeParse(cursor.value);
        if (row.success) await rows.put(row.data);
        cursor = await cursor.continue();
      }
    })();
  },
];
const DATABASE_VERSION = migrations.length;

/** The object store of the generation tags (made by migration 5); not a collection. */
const GENERATIONS = 'generations';

/**
 * A cached collection's generation: a new random tag on every write to it, so that a tab may
 * keep what it read of that collection in memory for as long as the tag it read is still the
 * stored one (another tab's write, or a reset, changes it).
 */
const generationRecordSchema = z.object({
  id: z.enum(cachedCollections),
  tag: z.uuid(),
});

type Mode = 'readonly' | 'readwrite';
type RawTransaction = IDBPTransaction<unknown, string[], Mode>;

/** An IndexedDB key or key range for a store query; null when the range holds nothing. */
function keyRange(query: IndexQuery): IDBValidKey | IDBKeyRange | undefined | null {
  const key = (value: string | readonly string[]): IDBValidKey =>
    typeof value === 'string' ? value : [...value];
  if (isKeyEquals(query)) return key(query.equals);
  const { from, to, fromExclusive = false, toExclusive = false } = query;
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined) return IDBKeyRange.upperBound(key(to ?? ''), toExclusive);
  if (to === undefined) return IDBKeyRange.lowerBound(key(from), fromExclusive);
  // IndexedDB refuses a range whose ends cross; such a range holds no key.
  const order = indexedDB.cmp(key(from), key(to));
  if (order > 0 || (order === 0 && (fromExclusive || toExclusive))) return null;
  return IDBKeyRange.bound(key(from), key(to), fromExclusive, toExclusive);
}

/** Strings by code unit, as IndexedDB orders keys. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rawCollection(tx: RawTransaction, name: string): RawCollection {
  const store = tx.objectStore(name);
  // The shared layer refuses writes in a read transaction before they get here.
  const readOnly = () => new Error(`${name} is read-only in this transaction`);
  return {
    get: (id) => store.get(id),
    async getMany(ids) {
      const found: unknown[] = await Promise.all(
        [...ids].sort(byCodeUnit).map((id) => store.get(id)),
      );
      return found.filter((record) => record !== undefined);
    },
    getAll: () => store.getAll(),
    count: () => store.count(),
    async getAllByIndex(index, query) {
      const range = keyRange(query);
      return range === null ? [] : store.index(index).getAll(range);
    },
    async countByIndex(index, query) {
      const range = keyRange(query);
      return range === null ? 0 : store.index(index).count(range);
    },
    async put(record) {
      if (store.put === undefined) throw readOnly();
      await store.put(record);
    },
    async delete(id) {
      if (store.delete === undefined) throw readOnly();
      await store.delete(id);
    },
    async clear() {
      if (store.clear === undefined) throw readOnly();
      await store.clear();
    },
  };
}

function isCached(collection: CollectionName): collection is (typeof cachedCollections)[number] {
  return cachedCollections.some((name) => name === collection);
}

/** The generation tags, in the same transaction as the reads and writes they stand for. */
function generationTags(tx: RawTransaction): GenerationTags {
  const raw = rawCollection(tx, GENERATIONS);
  return {
    async current(collection) {
      if (!isCached(collection)) return undefined;
      const stored = await raw.get(collection);
      if (stored === undefined) return undefined;
      const parsed = generationRecordSchema.safeParse(stored);
      // A tag off its schema proves nothing: the read goes to the store.
      return parsed.success ? parsed.data.tag : undefined;
    },
    async renew(collection) {
      if (!isCached(collection)) return;
      await raw.put(generationRecordSchema.parse({ id: collection, tag: crypto.randomUUID() }));
    },
  };
}

/** Opens (creating or migrating) the IndexedDB store of this name. */
export async function openIndexedDbStore(
  name: string = DATABASE_NAME,
  options: DatabaseOptions = {},
): Promise<Database> {
  const db: IDBPDatabase = await openDB(name, DATABASE_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (const [index, migrate] of migrations.entries()) {
        if (index + 1 > oldVersion) migrate(database, tx);
      }
    },
  });
  const scope = [...collectionNames, GENERATIONS];
  const damaged = new DamagedRecords();

  /**
   * One transaction. What fails in it because of the storage (the quota, the disk, an aborted
   * or closing connection) is thrown as `StorageUnavailableError`; anything else as it was
   * thrown. Either way nothing of the transaction is written.
   */
  async function run<T>(mode: Mode, work: (tx: Transaction) => Promise<T>): Promise<T> {
    let raw: RawTransaction;
    try {
      raw = db.transaction(scope, mode);
    } catch (error) {
      throw asStoreError(error);
    }
    const done = raw.done;
    // An aborted transaction rejects `done`; the failure that caused it is what we report.
    done.catch(() => undefined);
    try {
      const log = emptyCommitLog();
      const tx = bindTransaction({
        raw: (collection) => rawCollection(raw, collection),
        mode,
        log,
        generations: generationTags(raw),
        damaged,
        simulatedFaults: options.simulatedFaults,
      });
      const result = await work(tx);
      await done;
      if (log.collections.size > 0) options.onCommit?.(log);
      return result;
    } catch (error) {
      if (mode === 'readwrite') {
        try {
          raw.abort();
        } catch {
          // Already finished or aborted: nothing was committed after the failure.
        }
      }
      throw asStoreError(error);
    }
  }

  return {
    read: (work) => run('readonly', work),
    write: (work) => run('readwrite', work),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}
