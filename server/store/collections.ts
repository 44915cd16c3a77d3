import { z } from 'zod';
import { isIdentityNumberShaped, serverLog } from '../logging';
import {
  certificateListRowSchema,
  collections,
  type CertificateRecord,
  type CollectionName,
  type RecordOf,
} from './schema';
import {
  ReadOnlyError,
  StorageUnavailableError,
  StoredRecordError,
  type Collection,
  type CommitLog,
  type IndexName,
  type IndexQuery,
  type QueryOf,
  type ReadCache,
  type Transaction,
} from './store';

/**
 * The store's semantics, written once for every implementation: schema parsing on read and
 * write, read-only transactions, the changed collections for the commit's notice, cached index
 * reads, and the certificates' list rows kept in step. An implementation supplies only raw
 * storage per collection (`RawCollection`) and, if it caches, its generation tags.
 */

/** What an implementation stores and reads; values are unparsed (this layer parses them). */
export interface RawCollection {
  get(id: string): Promise<unknown>;
  /** The records with these ids that exist (ids are distinct), by id. */
  getMany(ids: readonly string[]): Promise<unknown[]>;
  /** Every record, by id. */
  getAll(): Promise<unknown[]>;
  count(): Promise<number>;
  /** In key order, then by id. */
  getAllByIndex(index: string, query: IndexQuery): Promise<unknown[]>;
  countByIndex(index: string, query: IndexQuery): Promise<number>;
  put(record: { readonly id: string }): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
}

/** The collections whose index reads may be cached (the work lists read them). */
export const cachedCollections = ['certificateRows', 'threads'] as const;

/**
 * An implementation's proof that a cached read is still current: a tag per cached collection,
 * renewed by every write to it in any handle, inside the writing transaction.
 */
export interface GenerationTags {
  current(collection: CollectionName): Promise<string | undefined>;
  renew(collection: CollectionName): Promise<void>;
}

export interface TransactionContext {
  raw(name: CollectionName): RawCollection;
  mode: 'readonly' | 'readwrite';
  /** What this transaction has written, for the commit's notice. */
  log: CommitLog;
  /** Absent: nothing is cached, every read goes to storage. */
  generations?: GenerationTags;
  /** The open store's record of damaged records already logged. */
  damaged: DamagedRecords;
  /** Honour the testability API's simulated storage fault (`DatabaseOptions.simulatedFaults`). */
  simulatedFaults?: boolean;
  /** Whether the simulated fault is on, read once per transaction. */
  faultOn?: Promise<boolean>;
}

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
 * for as long as the store is open (the lists that skip them are read again and again).
 */
export class DamagedRecords {
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

/** What the simulated fault reads of the stored settings. */
const storedFaultSchema = z.object({ fault: z.string() });

/** Half of a surrogate pair; with U+0000, text PostgreSQL's jsonb refuses. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || loneSurrogate.test(text);

/**
 * The path of a string (value or key) in `value` that some store cannot keep, if any. Every
 * implementation refuses such a record, so that the embedded and the server homes agree.
 */
function unstorableText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return unstorable(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (unstorable(key)) return `${path} (a key)`;
    const found = unstorableText(item, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

class StoreCollection<C extends CollectionName> implements Collection<C> {
  private readonly raw: RawCollection;

  constructor(
    private readonly context: TransactionContext,
    private readonly name: C,
    private readonly schema: z.ZodType<RecordOf<C>>,
  ) {
    this.raw = context.raw(name);
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

  /** Rows of a list read that match `schema`; the others are left out and logged (once). */
  private rowsOf<R>(rows: unknown[], schema: z.ZodType<R>): R[] {
    const parsed: R[] = [];
    for (const row of rows) {
      const result = this.check(row, schema);
      if (result.ok) parsed.push(result.record);
      else this.context.damaged.report(result.error);
    }
    return parsed;
  }

  /** Before every write: a read-only transaction refuses, and a simulated fault fails it. */
  private async writable(): Promise<void> {
    if (this.context.mode === 'readonly') throw new ReadOnlyError(this.name);
    if (this.context.simulatedFaults !== true || this.name === 'settings') return;
    this.context.faultOn ??= this.context
      .raw('settings')
      .get('settings')
      .then((raw) => {
        const settings = storedFaultSchema.safeParse(raw);
        return settings.success && settings.data.fault === 'storage-error';
      });
    if (await this.context.faultOn) throw new StorageUnavailableError('QuotaExceededError');
  }

  /** After a write: the collection changed, and what any handle cached of it is stale. */
  private async written(): Promise<void> {
    this.context.log.collections.add(this.name);
    await this.context.generations?.renew(this.name);
  }

  async get(id: string): Promise<RecordOf<C> | undefined> {
    return this.getAs(id, this.schema);
  }

  async getAs<R>(id: string, schema: z.ZodType<R>): Promise<R | undefined> {
    const raw = await this.raw.get(id);
    if (raw === undefined) return undefined;
    const result = this.check(raw, schema);
    if (!result.ok) throw result.error;
    return result.record;
  }

  async getIfReadable(id: string): Promise<RecordOf<C> | undefined> {
    const raw = await this.raw.get(id);
    if (raw === undefined) return undefined;
    const result = this.check(raw, this.schema);
    if (result.ok) return result.record;
    this.context.damaged.report(result.error);
    return undefined;
  }

  async getMany(ids: readonly string[]): Promise<RecordOf<C>[]> {
    const distinct = [...new Set(ids)];
    if (distinct.length === 0) return [];
    return this.rowsOf(await this.raw.getMany(distinct), this.schema);
  }

  async readability(id: string): Promise<'missing' | 'readable' | 'damaged'> {
    const raw = await this.raw.get(id);
    if (raw === undefined) return 'missing';
    return this.schema.safeParse(raw).success ? 'readable' : 'damaged';
  }

  async getAll(): Promise<RecordOf<C>[]> {
    return this.rowsOf(await this.raw.getAll(), this.schema);
  }

  async count(): Promise<number> {
    return this.raw.count();
  }

  async getAllByIndex<I extends IndexName<C>>(
    index: I,
    query: QueryOf<C, I>,
  ): Promise<RecordOf<C>[]> {
    return this.getAllByIndexAs(index, query, this.schema);
  }

  async getAllByIndexAs<I extends IndexName<C>, R>(
    index: I,
    query: QueryOf<C, I>,
    schema: z.ZodType<R>,
  ): Promise<R[]> {
    return this.rowsOf(await this.raw.getAllByIndex(index, query), schema);
  }

  async cachedByIndexAs<I extends IndexName<C>, R>(
    index: I,
    query: QueryOf<C, I>,
    schema: z.ZodType<R>,
    cache: ReadCache<R>,
  ): Promise<readonly R[]> {
    const tag = await this.context.generations?.current(this.name);
    const key = JSON.stringify([index, query]);
    const cached = tag === undefined ? undefined : cache.get(key, tag);
    if (cached !== undefined) return cached;
    const rows = await this.getAllByIndexAs(index, query, schema);
    cache.set(key, tag, rows);
    return rows;
  }

  async countByIndex<I extends IndexName<C>>(index: I, query: QueryOf<C, I>): Promise<number> {
    return this.raw.countByIndex(index, query);
  }

  async put(record: RecordOf<C>): Promise<void> {
    const result = this.schema.safeParse(record);
    if (!result.success) {
      throw new StoredRecordError(this.name, loggableId(this.name, record), result.error, 'write');
    }
    const parsed = result.data;
    const unstorable = unstorableText(parsed, 'record');
    if (unstorable !== undefined) {
      throw new StoredRecordError(
        this.name,
        loggableId(this.name, record),
        `${unstorable} holds text no store can keep`,
        'write',
      );
    }
    await this.writable();
    await this.raw.put(parsed);
    this.context.log.puts.push({ collection: this.name, record: parsed });
    await this.written();
  }

  async delete(id: string): Promise<void> {
    await this.writable();
    await this.raw.delete(id);
    await this.written();
  }

  async clear(): Promise<void> {
    await this.writable();
    await this.raw.clear();
    await this.written();
  }

  async getUnchecked(id: string): Promise<unknown> {
    return this.raw.get(id);
  }

  async putUnchecked(value: { readonly id: string }): Promise<void> {
    await this.writable();
    await this.raw.put(value);
    await this.written();
  }
}

/**
 * The certificates, whose every write also writes (or removes) the record's list row, in the
 * same transaction: the one place that keeps `certificateRows` in step.
 */
class CertificateCollection extends StoreCollection<'certificates'> {
  constructor(
    context: TransactionContext,
    private readonly rows: Collection<'certificateRows'>,
  ) {
    super(context, 'certificates', collections.certificates);
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

/** The typed collections of one transaction over an implementation's raw storage. */
export function bindTransaction(context: TransactionContext): Transaction {
  const rows = new StoreCollection(context, 'certificateRows', collections.certificateRows);
  return {
    careUnits: new StoreCollection(context, 'careUnits', collections.careUnits),
    users: new StoreCollection(context, 'users', collections.users),
    patients: new StoreCollection(context, 'patients', collections.patients),
    sessions: new StoreCollection(context, 'sessions', collections.sessions),
    settings: new StoreCollection(context, 'settings', collections.settings),
    audit: new StoreCollection(context, 'audit', collections.audit),
    threads: new StoreCollection(context, 'threads', collections.threads),
    certificates: new CertificateCollection(context, rows),
    certificateRows: rows,
    fkReceived: new StoreCollection(context, 'fkReceived', collections.fkReceived),
  };
}
