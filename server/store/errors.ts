import type { z } from 'zod';
import type { CollectionName } from './schema';

/**
 * The store's two kinds of failure that are not the caller's mistake, for every store
 * implementation (IndexedDB here, SQL on the server): a stored record that does not match its
 * schema, and a store that cannot be used right now. The HTTP layer answers the first with a
 * Swedish 500 for that record only, and the second with 503, which the client retries.
 */

/** Where a record failed its schema, without any of its values: paths and issue codes. */
function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.code}`)
    .join('; ');
}

/**
 * A record read from the store (or about to be written to it) does not match its schema.
 * Its message names the collection, the record's id when that is safe to log, and where the
 * record is wrong; never a value.
 */
export class StoredRecordError extends Error {
  readonly collection: CollectionName;
  readonly recordId: string | undefined;
  /** 'read': stored data is damaged; 'write': the backend built a record its schema refuses. */
  readonly operation: 'read' | 'write';
  readonly issues: string;

  constructor(
    collection: CollectionName,
    recordId: string | undefined,
    /** The schema's verdict, or a plain description of what is wrong (no values). */
    error: z.ZodError | string,
    operation: 'read' | 'write' = 'read',
  ) {
    const issues = typeof error === 'string' ? error : issuesOf(error);
    super(
      `${operation === 'read' ? 'Stored' : 'Refused to store'} ${collection} record ${recordId ?? '(id withheld)'} does not match its schema: ${issues}`,
    );
    this.name = 'StoredRecordError';
    this.collection = collection;
    this.recordId = recordId;
    this.operation = operation;
    this.issues = issues;
  }
}

/**
 * The store cannot be used right now: the disk or the browser's quota is full, the database
 * is down or unreachable, the connection was closed. Nothing of the transaction was written;
 * the same request may succeed later. The SQL store throws this for its connection errors.
 */
export class StorageUnavailableError extends Error {
  /** The underlying failure's kind (`QuotaExceededError`, `ECONNREFUSED` …), for the log. */
  readonly kind: string;

  constructor(kind: string, options?: { cause?: unknown }) {
    super(`The store is unavailable (${kind})`, options);
    this.name = 'StorageUnavailableError';
    this.kind = kind;
  }
}

/**
 * IndexedDB's failures that come from the storage, not from the code: the quota is exceeded,
 * the disk or the browser's backing store failed, the transaction was aborted under us, the
 * connection is closing (another tab upgraded or deleted the database), or a timeout.
 */
const storageFailureNames = new Set([
  'QuotaExceededError',
  'UnknownError',
  'AbortError',
  'InvalidStateError',
  'NotReadableError',
  'TimeoutError',
]);

/** The error as the store reports it: IndexedDB's storage failures become `StorageUnavailableError`. */
export function asStoreError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError || error instanceof StoredRecordError) return error;
  if (error instanceof DOMException && storageFailureNames.has(error.name)) {
    return new StorageUnavailableError(error.name, { cause: error });
  }
  return error;
}

/** Node's network failures: the database cannot be reached or dropped the connection. */
const networkFailureCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATE classes that mean the database, not the statement, failed: 08
 * (connection exception), 53 (insufficient resources: disk full, out of memory, too many
 * connections), 57P01–57P05 (the server shuts down or cannot take connections yet), 58 (I/O).
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    code.startsWith('58') ||
    /^57P0[1-5]$/.test(code)
  );
}

/**
 * The error as the SQL store reports it: the database's unavailability (and a connection
 * that `pg` saw end under it, which carries no code) becomes `StorageUnavailableError`.
 */
export function asSqlStoreError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError || error instanceof StoredRecordError) return error;
  if (typeof error !== 'object' || error === null) return error;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && (networkFailureCodes.has(code) || isUnavailableSqlState(code))) {
    return new StorageUnavailableError(code, { cause: error });
  }
  const message = error instanceof Error ? error.message : '';
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
      message,
    )
  ) {
    return new StorageUnavailableError('connection-lost', { cause: error });
  }
  return error;
}
