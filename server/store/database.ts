import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { z } from 'zod';
import {
  certificateListRowSchema,
  collectionNames,
  collections,
  type CertificateListRow,
  type CertificateRecord,
  type GenerationRecord,
  type CollectionName,
  type RecordOf,
} from './schema';

/**
 * The embedded backend's store: IndexedDB, so a reload (and every other tab) sees the
 * same data. Each request runs inside one transaction, like a real server's database
 * transaction: reads, checks and writes together, or not at all.
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

/** The indexes a collection can be read by. */
export type IndexName =
  | 'by-unit-status'
  | 'by-patient'
  | 'by-type'
  | 'by-saved'
  | 'by-parent'
  | 'by-unit-state'
  | 'by-certificate'
  | 'by-message-id';

type Mode = 'readonly' | 'readwrite';
type RawTransaction = IDBPTransaction<unknown, CollectionName[], Mode>;

export class StoredRecordError extends Error {
  constructor(collection: CollectionName, detail: string) {
    super(`Stored ${collection} record does not match its schema: ${detail}`);
    this.name = 'StoredRecordError';
  }
}

/** The operations a collection needs from an object store (readonly stores lack writes). */
interface RawStore {
  get(id: string): Promise<unknown>;
  index(name: string): {
    getAll(query?: IDBValidKey | IDBKeyRange): Promise<unknown[]>;
    count(query?: IDBValidKey | IDBKeyRange): Promise<number>;
  };
  getAll(): Promise<unknown[]>;
  count(): Promise<number>;
  put?: (value: unknown) => Promise<unknown>;
  delete?: (id: string) => Promise<void>;
  clear?: () => Promise<void>;
}

/**
 * What one tab (one open database) keeps in memory of a collection's index reads between
 * requests: each read under the collection's generation tag as it was stored then. A handler
 * module makes one per database and reads through it with `Collection.cachedByIndexAs`.
 */
export class ReadCache<R> {
  private readonly entries = new Map<string, { tag: string; rows: readonly R[] }>();

  get(key: string, tag: string): readonly R[] | undefined {
    const entry = this.entries.get(key);
    return entry?.tag === tag ? entry.rows : undefined;
  }

  set(key: string, tag: string | undefined, rows: readonly R[]): void {
    if (tag === undefined) this.entries.delete(key);
    else this.entries.set(key, { tag, rows });
  }
}

/** What a transaction wrote: the collections, and each record put (for the change feed). */
export interface CommitLog {
  readonly collections: Set<CollectionName>;
  readonly puts: { collection: CollectionName; record: unknown }[];
}

/** A collection whose every write gives it a new generation tag (see `GenerationRecord`). */
interface Generation {
  generations: Collection<GenerationRecord>;
  id: GenerationRecord['id'];
}

/** One collection inside a transaction; every record read or written is parsed with its schema. */
export class Collection<T> {
  constructor(
    private readonly store: RawStore,
    private readonly name: CollectionName,
    private readonly schema: z.ZodType<T>,
    /** What this transaction has written, for the commit's notice. */
    private readonly log: CommitLog,
    private readonly generation?: Generation,
  ) {}

  /** After a write: the collection changed, and what any tab cached of it is stale. */
  private async written(): Promise<void> {
    this.log.collections.add(this.name);
    if (this.generation === undefined) return;
    const { generations, id } = this.generation;
    await generations.put({ id, tag: crypto.randomUUID() });
  }

  /**
   * Like getAllByIndexAs, but through the tab's cache: while no tab has written to this
   * collection since the cached read, that read's rows (do not change them).
   */
  async cachedByIndexAs<R>(
    index: IndexName,
    query: IDBValidKey,
    schema: z.ZodType<R>,
    cache: ReadCache<R>,
  ): Promise<readonly R[]> {
    if (this.generation === undefined) throw new Error(`${this.name} has no generation tag`);
    const { generations, id } = this.generation;
    const tag = (await generations.get(id))?.tag;
    const key = JSON.stringify([index, query]);
    const cached = tag === undefined ? undefined : cache.get(key, tag);
    if (cached !== undefined) return cached;
    const rows = await this.getAllByIndexAs(index, query, schema);
    cache.set(key, tag, rows);
    return rows;
  }

  private parse(raw: unknown): T {
    const result = this.schema.safeParse(raw);
    if (!result.success) throw new StoredRecordError(this.name, result.error.message);
    return result.data;
  }

  async get(id: string): Promise<T | undefined> {
    const raw: unknown = await this.store.get(id);
    return raw === undefined ? undefined : this.parse(raw);
  }

  async getAll(): Promise<T[]> {
    const rows: unknown[] = await this.store.getAll();
    return rows.map((row) => this.parse(row));
  }

  async count(): Promise<number> {
    return this.store.count();
  }

  /** Every record whose index key matches (an exact key or a range). */
  async getAllByIndex(index: IndexName, query: IDBValidKey | IDBKeyRange): Promise<T[]> {
    const rows: unknown[] = await this.store.index(index).getAll(query);
    return rows.map((row) => this.parse(row));
  }

  /**
   * Like getAllByIndex, but each record is parsed with a narrower schema of the same record
   * (e.g. a list row's fields), so that only what is read is checked and copied.
   */
  async getAllByIndexAs<R>(
    index: IndexName,
    query: IDBValidKey | IDBKeyRange,
    schema: z.ZodType<R>,
  ): Promise<R[]> {
    const rows: unknown[] = await this.store.index(index).getAll(query);
    return rows.map((row) => {
      const result = schema.safeParse(row);
      if (!result.success) throw new StoredRecordError(this.name, result.error.message);
      return result.data;
    });
  }

  async countByIndex(index: IndexName, query: IDBValidKey | IDBKeyRange): Promise<number> {
    return this.store.index(index).count(query);
  }

  async put(record: T): Promise<void> {
    const parsed = this.parse(record);
    if (!this.store.put) throw new Error(`${this.name} is read-only in this transaction`);
    await this.store.put(parsed);
    this.log.puts.push({ collection: this.name, record: parsed });
    await this.written();
  }

  async delete(id: string): Promise<void> {
    if (!this.store.delete) throw new Error(`${this.name} is read-only in this transaction`);
    await this.store.delete(id);
    await this.written();
  }

  async clear(): Promise<void> {
    if (!this.store.clear) throw new Error(`${this.name} is read-only in this transaction`);
    await this.store.clear();
    await this.written();
  }
}

/**
 * The certificates, whose every write also writes (or removes) the record's list row, in the
 * same transaction: the one place that keeps `certificateRows` in step.
 */
class CertificateCollection extends Collection<CertificateRecord> {
  constructor(
    store: RawStore,
    private readonly rows: Collection<CertificateListRow>,
    log: CommitLog,
  ) {
    super(store, 'certificates', collections.certificates, log);
  }

  override async put(record: CertificateRecord): Promise<void> {
    await super.put(record);
    await this.rows.put(certificateListRowSchema.parse(record));
  }

  override async delete(id: string): Promise<void> {
    await super.delete(id);
    await this.rows.delete(id);
  }

  override async clear(): Promise<void> {
    await super.clear();
    await this.rows.clear();
  }
}

export type Transaction = { [C in CollectionName]: Collection<RecordOf<C>> };

function bind(tx: RawTransaction, log: CommitLog): Transaction {
  const collection = <C extends CollectionName>(
    name: C,
    schema: z.ZodType<RecordOf<C>>,
    generation?: Generation,
  ) => new Collection(tx.objectStore(name), name, schema, log, generation);
  const generations = collection('generations', collections.generations);
  // The lists read these two through the tabs' caches: their writes renew the tags.
  const rows = collection('certificateRows', collections.certificateRows, {
    generations,
    id: 'certificateRows',
  });
  return {
    careUnits: collection('careUnits', collections.careUnits),
    users: collection('users', collections.users),
    patients: collection('patients', collections.patients),
    sessions: collection('sessions', collections.sessions),
    settings: collection('settings', collections.settings),
    audit: collection('audit', collections.audit),
    threads: collection('threads', collections.threads, { generations, id: 'threads' }),
    certificates: new CertificateCollection(tx.objectStore('certificates'), rows, log),
    certificateRows: rows,
    generations,
    fkReceived: collection('fkReceived', collections.fkReceived),
  };
}

export interface Database {
  read<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): void;
}

export interface DatabaseOptions {
  /** Called after a write transaction has committed, with what it wrote. */
  onCommit?: (log: CommitLog) => void;
}

export async function openDatabase(
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

  async function run<T>(mode: Mode, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const raw = db.transaction(collectionNames, mode);
    const done = raw.done;
    // An aborted transaction rejects `done`; the failure that caused it is what we report.
    done.catch(() => undefined);
    try {
      const log: CommitLog = { collections: new Set(), puts: [] };
      const result = await work(bind(raw, log));
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
      throw error;
    }
  }

  return {
    read: (work) => run('readonly', work),
    write: (work) => run('readwrite', work),
    close: () => db.close(),
  };
}
