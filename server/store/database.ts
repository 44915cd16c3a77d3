import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from 'zod';
import { isIdentityNumberShaped, serverLog } from '../logging';
import { asStoreError, StoredRecordError } from './errors';
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

export { StoredRecordError, StorageUnavailableError } from './errors';

/**
 * The id of a raw record, when it may be written to the log: an opaque id, never a session's
 * (its id is the bearer token) nor anything shaped like an identity number.
 */
function loggableId(collection: CollectionName, raw: unknown): string | undefined {
  if (collection === 'sessions') return undefined;
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  const { id } = raw;
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]{1,100}$/.test(id)) return undefined;
  return isIdentityNumberShaped(id) ? undefined : id;
}

/**
 * Tells the server's log about stored records that do not match their schema, once per record
 * for as long as the database is open (the lists that skip them are read again and again).
 */
class DamagedRecords {
  private readonly reported = new Set<string>();

  report(error: StoredRecordError): void {
    const key = `${error.collection}/${error.recordId ?? error.issues}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    serverLog.error('stored-record-skipped', {
      collection: error.collection,
      recordId: error.recordId,
      issues: error.issues,
    });
  }
}

/**
 * Simulated storage faults (the testability API's `storage-error`): while the stored settings
 * say so, every write in a transaction fails as a full disk makes it fail, except writes of the
 * settings themselves (the testers' controls). Only a store opened with `simulatedFaults`.
 */
type WriteCheck = (collection: CollectionName) => Promise<void>;

/** What the simulated fault reads of the stored settings. */
const storedFaultSchema = z.object({ fault: z.string() });

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
    /** The collections this transaction has written to, for the commit's notice. */
    private readonly changed: Set<CollectionName>,
    private readonly damaged: DamagedRecords,
    private readonly generation?: Generation,
    private readonly writeCheck?: WriteCheck,
  ) {}

  /** Before every write: a simulated storage fault, when one is on. */
  private async writable(): Promise<void> {
    await this.writeCheck?.(this.name);
  }

  /** After a write: the collection changed, and what any tab cached of it is stale. */
  private async written(): Promise<void> {
    this.changed.add(this.name);
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

  /** The raw record parsed with `schema`, or the error that says where it is wrong. */
  private check<R>(
    raw: unknown,
    schema: z.ZodType<R>,
  ): { ok: true; record: R } | { ok: false; error: StoredRecordError } {
    const result = schema.safeParse(raw);
    return result.success
      ? { ok: true, record: result.data }
      : {
          ok: false,
          error: new StoredRecordError(this.name, loggableId(this.name, raw), result.error),
        };
  }

  /**
   * Rows of a list read, each parsed with `schema`. A row that does not match is left out and
   * logged (once): one damaged record never breaks a list, the counts or a job; a request for
   * that record itself fails (`get`).
   */
  private rowsOf<R>(rows: unknown[], schema: z.ZodType<R>): R[] {
    const parsed: R[] = [];
    for (const row of rows) {
      const result = this.check(row, schema);
      if (result.ok) parsed.push(result.record);
      else this.damaged.report(result.error);
    }
    return parsed;
  }

  /** The record with this id; throws `StoredRecordError` when it does not match its schema. */
  async get(id: string): Promise<T | undefined> {
    const raw: unknown = await this.store.get(id);
    if (raw === undefined) return undefined;
    const result = this.check(raw, this.schema);
    if (!result.ok) throw result.error;
    return result.record;
  }

  /**
   * The record with this id, or undefined when there is none or it does not match its schema
   * (logged): for reading a record beside the one asked for (a parent), whose damage must not
   * fail the request.
   */
  async getIfReadable(id: string): Promise<T | undefined> {
    const raw: unknown = await this.store.get(id);
    if (raw === undefined) return undefined;
    const result = this.check(raw, this.schema);
    if (result.ok) return result.record;
    this.damaged.report(result.error);
    return undefined;
  }

  /** Whether a record with this id is stored, and whether it matches its schema. */
  async readability(id: string): Promise<'missing' | 'readable' | 'damaged'> {
    const raw: unknown = await this.store.get(id);
    if (raw === undefined) return 'missing';
    return this.schema.safeParse(raw).success ? 'readable' : 'damaged';
  }

  /** Like `get`, parsed with a narrower schema of the same record (only these fields checked). */
  async getAs<R>(id: string, schema: z.ZodType<R>): Promise<R | undefined> {
    const raw: unknown = await this.store.get(id);
    if (raw === undefined) return undefined;
    const result = this.check(raw, schema);
    if (!result.ok) throw result.error;
    return result.record;
  }

  /** Every record that matches its schema (see `rowsOf`). */
  async getAll(): Promise<T[]> {
    return this.rowsOf(await this.store.getAll(), this.schema);
  }

  async count(): Promise<number> {
    return this.store.count();
  }

  /** Every record whose index key matches (an exact key or a range) and its schema. */
  async getAllByIndex(index: IndexName, query: IDBValidKey | IDBKeyRange): Promise<T[]> {
    return this.rowsOf(await this.store.index(index).getAll(query), this.schema);
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
    return this.rowsOf(await this.store.index(index).getAll(query), schema);
  }

  async countByIndex(index: IndexName, query: IDBValidKey | IDBKeyRange): Promise<number> {
    return this.store.index(index).count(query);
  }

  async put(record: T): Promise<void> {
    const result = this.schema.safeParse(record);
    if (!result.success) {
      throw new StoredRecordError(this.name, loggableId(this.name, record), result.error, 'write');
    }
    if (!this.store.put) throw new Error(`${this.name} is read-only in this transaction`);
    await this.writable();
    await this.store.put(result.data);
    await this.written();
  }

  async delete(id: string): Promise<void> {
    if (!this.store.delete) throw new Error(`${this.name} is read-only in this transaction`);
    await this.writable();
    await this.store.delete(id);
    await this.written();
  }

  async clear(): Promise<void> {
    if (!this.store.clear) throw new Error(`${this.name} is read-only in this transaction`);
    await this.writable();
    await this.store.clear();
    await this.written();
  }

  /**
   * Testability only: the record as it is stored, unparsed, and a value stored as it is, unparsed,
   * so that testers can make a damaged record (a draft without answers) and see that it stays
   * contained. Nothing else of the backend calls these.
   */
  async getUnchecked(id: string): Promise<unknown> {
    return this.store.get(id);
  }

  async putUnchecked(value: unknown): Promise<void> {
    if (!this.store.put) throw new Error(`${this.name} is read-only in this transaction`);
    await this.writable();
    await this.store.put(value);
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
    changed: Set<CollectionName>,
    damaged: DamagedRecords,
    writeCheck?: WriteCheck,
  ) {
    super(store, 'certificates', collections.certificates, changed, damaged, undefined, writeCheck);
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

/** The simulated storage fault's check for one transaction (see `WriteCheck`). */
function simulatedFaultCheck(tx: RawTransaction): WriteCheck {
  let faultOn: Promise<boolean> | undefined;
  return async (collection) => {
    if (collection === 'settings') return;
    faultOn ??= tx
      .objectStore('settings')
      .get('settings')
      .then((raw: unknown) => {
        const settings = storedFaultSchema.safeParse(raw);
        return settings.success && settings.data.fault === 'storage-error';
      });
    if (await faultOn) {
      throw new DOMException('Simulated: the storage quota is exceeded', 'QuotaExceededError');
    }
  };
}

function bind(
  tx: RawTransaction,
  changed: Set<CollectionName>,
  damaged: DamagedRecords,
  writeCheck: WriteCheck | undefined,
): Transaction {
  const collection = <C extends CollectionName>(
    name: C,
    schema: z.ZodType<RecordOf<C>>,
    generation?: Generation,
  ) => new Collection(tx.objectStore(name), name, schema, changed, damaged, generation, writeCheck);
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
    certificates: new CertificateCollection(
      tx.objectStore('certificates'),
      rows,
      changed,
      damaged,
      writeCheck,
    ),
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
  /** Called after a write transaction has committed, with the collections it wrote to. */
  onCommit?: (changed: ReadonlySet<CollectionName>) => void;
  /**
   * Honour the testability API's `storage-error` fault (every write fails as a full disk
   * makes it fail): on in the embedded homes, where the testers' controls exist.
   */
  simulatedFaults?: boolean;
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

  const damaged = new DamagedRecords();

  /**
   * One transaction. What fails in it because of the storage (IndexedDB's quota, disk, an
   * aborted or closing connection) is thrown as `StorageUnavailableError`; anything else as it
   * was thrown. Either way nothing of the transaction is written.
   */
  async function run<T>(mode: Mode, work: (tx: Transaction) => Promise<T>): Promise<T> {
    let raw: RawTransaction;
    try {
      raw = db.transaction(collectionNames, mode);
    } catch (error) {
      throw asStoreError(error);
    }
    const done = raw.done;
    // An aborted transaction rejects `done`; the failure that caused it is what we report.
    done.catch(() => undefined);
    try {
      const changed = new Set<CollectionName>();
      const writeCheck = options.simulatedFaults === true ? simulatedFaultCheck(raw) : undefined;
      const result = await work(bind(raw, changed, damaged, writeCheck));
      await done;
      if (changed.size > 0) options.onCommit?.(changed);
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
    close: () => db.close(),
  };
}
