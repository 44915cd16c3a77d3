import type { z } from 'zod';
import type { CollectionName, RecordOf } from './schema';

/**
 * The backend's store, as every handler sees it: typed collections of schema-checked records,
 * indexes, and transactions. Two implementations keep this contract — IndexedDB for the
 * embedded home (`indexeddb.ts`) and SQL for the server (`sql.ts`: PGlite or PostgreSQL) —
 * and one conformance suite (`store.conformance.ts`) runs on each of them.
 *
 * Nothing here names a storage technology: an index is read with the store's own query type,
 * and every record read or written is parsed with its collection's schema (storage is a
 * boundary like the API).
 */

/**
 * The indexes a collection can be read by. Each key part is a string field of the record
 * (`a.b` reaches into a nested object); a record that lacks any part is not in the index. A
 * multi-entry index holds a record under each element of an array field.
 *
 * Keys compare as strings by code unit, as IndexedDB compares them (SQL uses the "C"
 * collation); compound keys compare part by part.
 */
export const indexes = {
  certificates: {
    'by-unit-status': { keyPath: ['unitHsaId', 'status'] },
    'by-patient': { keyPath: 'patientId' },
    'by-type': { keyPath: 'type' },
    'by-saved': { keyPath: 'savedAt' },
    'by-parent': { keyPath: 'parent.certificateId' },
  },
  certificateRows: {
    'by-unit-status': { keyPath: ['unitHsaId', 'status'] },
  },
  threads: {
    'by-unit-state': { keyPath: ['unitHsaId', 'state'] },
    'by-certificate': { keyPath: 'certificateId' },
    'by-message-id': { keyPath: 'messageIds', multiEntry: true },
  },
} as const satisfies Partial<Record<CollectionName, Record<string, IndexSpec>>>;

export interface IndexSpec {
  readonly keyPath: string | readonly string[];
  readonly multiEntry?: boolean;
}

type Indexed = keyof typeof indexes;

/** The names of a collection's indexes (none for a collection without). */
export type IndexName<C extends CollectionName> = C extends Indexed
  ? keyof (typeof indexes)[C] & string
  : never;

/** A key of an index: one string, or one string per part of a compound index. */
export type Key = string | readonly string[];

type KeyOf<S> = S extends { keyPath: infer P }
  ? P extends readonly string[]
    ? { readonly [K in keyof P]: string }
    : string
  : never;

/** The records whose key equals this key. */
export interface KeyEquals<K extends Key> {
  readonly equals: K;
}

/**
 * The records whose key lies in this range (both ends inclusive unless said otherwise; an
 * absent end is open). `{}` is every record the index holds.
 */
export interface KeyRange<K extends Key> {
  readonly from?: K;
  readonly to?: K;
  readonly fromExclusive?: boolean;
  readonly toExclusive?: boolean;
}

export type IndexQuery<K extends Key = Key> = KeyEquals<K> | KeyRange<K>;

/** What an index may be asked: an exact key or a range; a multi-entry index only exact keys. */
export type QueryOf<C extends CollectionName, I extends IndexName<C>> = C extends Indexed
  ? I extends keyof (typeof indexes)[C]
    ? (typeof indexes)[C][I] extends { multiEntry: true }
      ? KeyEquals<string>
      : IndexQuery<KeyOf<(typeof indexes)[C][I]>>
    : never
  : never;

export function isKeyEquals<K extends Key>(query: IndexQuery<K>): query is KeyEquals<K> {
  return 'equals' in query;
}

/** The spec of a collection's index, for the implementations. */
export function indexSpec(collection: CollectionName, index: string): IndexSpec {
  const specs: Partial<Record<string, Record<string, IndexSpec>>> = indexes;
  const spec = specs[collection]?.[index];
  if (spec === undefined) throw new Error(`${collection} has no index ${index}`);
  return spec;
}

/** One collection inside a transaction. */
export interface Collection<C extends CollectionName> {
  /** The record with this id, parsed with the collection's schema. */
  get(id: string): Promise<RecordOf<C> | undefined>;
  /**
   * The record with this id; StoredRecordError when it does not match its schema (a request
   * for a damaged record fails, and only that request).
   */
  getAs<R>(id: string, schema: z.ZodType<R>): Promise<R | undefined>;
  /**
   * The record with this id, or undefined when there is none or it does not match its schema
   * (logged): for a record read beside the one asked for (a parent), whose damage must not
   * fail the request.
   */
  getIfReadable(id: string): Promise<RecordOf<C> | undefined>;
  /**
   * The records with these ids, in id order: an id without a record is left out, and so is a
   * record that does not match its schema (logged once, as in every list read). One read for
   * all of them, for a list that needs the records its rows name (their patients) and not the
   * whole collection.
   */
  getMany(ids: readonly string[]): Promise<RecordOf<C>[]>;
  /** Whether a record with this id is stored, and whether it matches its schema. */
  readability(id: string): Promise<'missing' | 'readable' | 'damaged'>;
  /**
   * Every record, by id. Here and in every list read, a record that does not match its schema
   * is left out and logged once: one damaged record never breaks a list, a count or a job.
   */
  getAll(): Promise<RecordOf<C>[]>;
  count(): Promise<number>;
  /** Every record the index holds under the query's keys, in key order, then by id. */
  getAllByIndex<I extends IndexName<C>>(index: I, query: QueryOf<C, I>): Promise<RecordOf<C>[]>;
  /**
   * Like getAllByIndex, but each record is parsed with a narrower schema of the same record
   * (e.g. a list row's fields), so that only what is read is checked and copied.
   */
  getAllByIndexAs<I extends IndexName<C>, R>(
    index: I,
    query: QueryOf<C, I>,
    schema: z.ZodType<R>,
  ): Promise<R[]>;
  /**
   * Like getAllByIndexAs, but an implementation may answer from `cache` (one per handler
   * module and open store) while it knows that no write to the collection has committed since
   * that read, from this handle or any other. IndexedDB does, by generation tags; SQL reads
   * through its index every time. Do not change the rows returned.
   */
  cachedByIndexAs<I extends IndexName<C>, R>(
    index: I,
    query: QueryOf<C, I>,
    schema: z.ZodType<R>,
    cache: ReadCache<R>,
  ): Promise<readonly R[]>;
  countByIndex<I extends IndexName<C>>(index: I, query: QueryOf<C, I>): Promise<number>;
  /** Writes the record (parsed with the schema first: a record off its schema is refused). */
  put(record: RecordOf<C>): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
  /**
   * Testability only: the record as it is stored, unparsed, and a value stored as it is, so
   * that testers can make a damaged record and see that it stays contained.
   */
  getUnchecked(id: string): Promise<unknown>;
  putUnchecked(value: { readonly id: string }): Promise<void>;
}

export type Transaction = { [C in CollectionName]: Collection<C> };

export interface Database {
  /**
   * Runs `work` in one read-only transaction: every read sees one consistent state. A write
   * inside it is refused with ReadOnlyError.
   */
  read<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one read-write transaction: its reads, checks and writes take effect
   * together or not at all, and as if no other transaction ran at the same time (in any tab
   * or server process). A store may run `work` again from the start when the transaction
   * could not be made so (SQL: a serialization failure), so `work` must have no effect
   * outside the store but its result. While it runs, `work` awaits only the store (IndexedDB
   * commits a transaction as soon as it waits for anything else).
   */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a write transaction wrote: the collections, and each record put (for the change feed). */
export interface CommitLog {
  readonly collections: Set<CollectionName>;
  readonly puts: { collection: CollectionName; record: unknown }[];
}

export function emptyCommitLog(): CommitLog {
  return { collections: new Set(), puts: [] };
}

export interface DatabaseOptions {
  /**
   * Called after a write transaction has committed (never before, never for a transaction
   * that failed, once however often the store ran the work), with what it wrote.
   */
  onCommit?: (log: CommitLog) => void;
  /**
   * Honour the testability API's `storage-error` fault (every write but the settings' fails
   * as a full disk makes it fail): on where the testers' controls exist.
   */
  simulatedFaults?: boolean;
}

export { StoredRecordError, StorageUnavailableError } from './errors';

/** A write inside a read transaction. */
export class ReadOnlyError extends Error {
  constructor(collection: CollectionName) {
    super(`${collection} is read-only in this transaction`);
    this.name = 'ReadOnlyError';
  }
}

/**
 * What one handle on the store (a tab, a server process) keeps in memory of a collection's
 * index reads between requests: each read under the tag the store gave it. A handler module
 * makes one per store and reads through it with `Collection.cachedByIndexAs`.
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
