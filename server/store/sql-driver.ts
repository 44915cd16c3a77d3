import { z } from 'zod';

/**
 * What the SQL store needs from a database: transactions on one connection at a time. Two
 * drivers give it — PGlite (PostgreSQL compiled to WebAssembly, in this process, in a folder or
 * in memory) and PostgreSQL over the network (`pg`) — so the store speaks one SQL dialect.
 */

export type SqlValue = string | number | boolean | null;

/** One connection inside one transaction. */
export interface SqlSession {
  /** Runs one statement; the rows are unparsed (the store parses them). */
  query(text: string, params?: readonly SqlValue[]): Promise<unknown[]>;
}

export type Isolation = 'serializable' | 'repeatable read' | 'read committed';

export interface TransactionSpec {
  isolation: Isolation;
  readOnly: boolean;
}

export interface SqlDriver {
  /**
   * Runs `work` between BEGIN (with the spec's isolation level and access mode) and COMMIT on
   * one connection, and rolls back when `work` or the COMMIT fails; the failure is rethrown
   * as the database reported it (with its SQLSTATE in `code`).
   */
  transaction<T>(spec: TransactionSpec, work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function beginStatement({ isolation, readOnly }: TransactionSpec): string {
  return `BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}${readOnly ? ' READ ONLY' : ''}`;
}

const databaseErrorSchema = z.object({ code: z.string() });

/** The SQLSTATE of a database error (both drivers put it in `code`), if it is one. */
export function sqlStateOf(error: unknown): string | undefined {
  const parsed = databaseErrorSchema.safeParse(error);
  return parsed.success ? parsed.data.code : undefined;
}
