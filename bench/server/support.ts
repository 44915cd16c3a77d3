// What the server benchmarks share: the PostgreSQL they run on, databases made and dropped,
// the Node server started as its own process, log-ins, figures and tables. Prints; asserts
// nothing about time.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { loginResponseSchema } from '../../src/contracts/session';
import { careUnit, seedUsers } from '../../server/seed/seed-data';

const run = promisify(execFile);

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = join(repoRoot, 'dist-server', 'main.js');

/** The PostgreSQL server the benchmarks use (its `postgres` database for admin work). */
export const pgBaseUrl = process.env.BENCH_PG_URL ?? 'postgres://intyga:intyga@localhost:5432';

export function databaseUrl(database: string): string {
  return `${pgBaseUrl}/${database}`;
}

/**
 * Everything a benchmark started, stopped in reverse order when it ends, fails or is
 * interrupted (Ctrl-C), so that no server process or database outlives it.
 */
export class Cleanup {
  private readonly steps: { name: string; step: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  constructor() {
    const onSignal = (signal: NodeJS.Signals) => {
      console.error(`\n${signal}: stopping what the benchmark started …`);
      void this.run().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  add(name: string, step: () => Promise<void>): void {
    this.steps.push({ name, step });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { name, step } of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(
            `cleanup (${name}) failed:`,
            error instanceof Error ? error.message : error,
          );
        }
      }
    })();
    return this.running;
  }
}

/** Runs `main` with a cleanup that always runs; the exit code says whether `main` succeeded. */
export async function runBenchmark(main: (cleanup: Cleanup) => Promise<void>): Promise<void> {
  const cleanup = new Cleanup();
  let failed = false;
  try {
    await main(cleanup);
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  } finally {
    await cleanup.run();
  }
  process.exit(failed ? 1 : 0);
}

async function pgReady(): Promise<boolean> {
  try {
    await run('pg_isready', ['-d', databaseUrl('postgres')]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure PostgreSQL answers: when it does not, starts the machine's service (and stops it
 * again at the end, since this benchmark started it).
 */
export async function ensurePostgres(cleanup: Cleanup): Promise<void> {
  if (await pgReady()) return;
  console.log('PostgreSQL does not answer: starting the service …');
  await run('service', ['postgresql', 'start']);
  for (let attempt = 0; attempt < 30 && !(await pgReady()); attempt += 1) await sleep(500);
  if (!(await pgReady())) throw new Error('PostgreSQL did not start');
  cleanup.add('postgresql service', async () => {
    await run('service', ['postgresql', 'stop']);
  });
}

/** Runs admin statements on the `postgres` database. */
export async function adminQuery(statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

const databaseNameSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

/** A new, empty database (dropped first if a run left it), dropped again at cleanup. */
export async function freshDatabase(
  cleanup: Cleanup,
  name: string,
  { keep = false }: { keep?: boolean } = {},
): Promise<string> {
  const database = databaseNameSchema.parse(name);
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${database}`);
  if (!keep) cleanup.add(`database ${database}`, () => dropDatabase(database));
  return database;
}

export async function dropDatabase(name: string): Promise<void> {
  const database = databaseNameSchema.parse(name);
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}

const settingRowsSchema = z.array(z.object({ setting: z.string() }));
const countRowsSchema = z.array(z.object({ n: z.coerce.number() }));

/** PostgreSQL's connection limit, and how many connections are open now (anyone's). */
export async function connectionBudget(): Promise<{ max: number; reserved: number; used: number }> {
  const read = async (name: string) =>
    Number(
      settingRowsSchema.parse(
        (await adminQuery(`SELECT setting FROM pg_settings WHERE name = '${name}'`)).rows,
      )[0]?.setting ?? 'NaN',
    );
  const used = countRowsSchema.parse(
    (
      await adminQuery(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = $$client backend$$',
      )
    ).rows,
  )[0]?.n;
  return {
    max: await read('max_connections'),
    reserved: await read('superuser_reserved_connections'),
    used: used ?? 0,
  };
}

const transactionRowsSchema = z.array(
  z.object({ commits: z.coerce.number(), rollbacks: z.coerce.number() }),
);

/**
 * The database's committed and rolled-back transactions so far (pg_stat_database; backends
 * report them within about a second of going idle). A rollback under load is mostly a
 * SERIALIZABLE transaction that PostgreSQL aborted and the store ran again.
 */
export async function transactionCounts(
  database: string,
): Promise<{ commits: number; rollbacks: number }> {
  const name = databaseNameSchema.parse(database);
  const rows = transactionRowsSchema.parse(
    (
      await adminQuery(
        `SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = '${name}'`,
      )
    ).rows,
  );
  return rows[0] ?? { commits: 0, rollbacks: 0 };
}

/** One Node server process (`node dist-server/main.js --demo`) on the given database. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** What the server logged of failed requests since the last call: detail → count. */
  takeFailures: () => Map<string, number>;
  /** SIGTERM, then SIGKILL if it has not stopped within 10 s. */
  stop: () => Promise<void>;
}

export async function startServer(
  cleanup: Cleanup,
  options: { databaseUrl: string; name: string; nodeArgs?: string[]; env?: Record<string, string> },
): Promise<ServerProcess> {
  if (!existsSync(serverEntry)) {
    throw new Error(`${serverEntry} is missing: run npm run build:server first`);
  }
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverEntry, '--demo'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...options.env,
      DATABASE_URL: options.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { pid } = child;
  if (pid === undefined) throw new Error(`${options.name} did not start`);
  const errors: string[] = [];
  let failures = new Map<string, number>();
  createInterface({ input: child.stderr }).on('line', (line) => {
    errors.push(line);
    if (errors.length > 200) errors.shift();
    const detail = /^\s*detail: '(.*)',?$/.exec(line)?.[1];
    if (detail !== undefined) failures.set(detail, (failures.get(detail) ?? 0) + 1);
  });
  const takeFailures = () => {
    const taken = failures;
    failures = new Map();
    return taken;
  };
  const stop = () => stopChild(child);
  cleanup.add(`server ${options.name}`, stop);
  const url = await new Promise<string>((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not start in 120 s`)),
      120_000,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /svarar på (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolvePort(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${String(code)}:\n${errors.join('\n')}`));
    });
  });
  return { url, pid, stop, takeFailures };
}

/** Ends a child process this benchmark started: SIGTERM, then SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `count` physicians of the seeded unit (`bench-user-0001` …), put straight into the store's
 * users table: a user has at most five live sessions, so every simulated client that needs a
 * session of its own is a user of its own. The records are the seeded physician's with another
 * id, HSA id and name, so they parse with the store's schema.
 */
export async function addBenchUsers(databaseUrlValue: string, count: number): Promise<string[]> {
  const template = seedUsers.physician;
  const client = new pg.Client({ connectionString: databaseUrlValue });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (id, data)
       SELECT u.id, $1::jsonb || jsonb_build_object(
         'id', u.id,
         'hsaId', 'SE5568891234-BU' || lpad(g::text, 5, '0'),
         'name', 'Läkare ' || g::text)
       FROM generate_series(1, $2::int) AS g,
            LATERAL (SELECT 'bench-user-' || lpad(g::text, 5, '0') AS id) AS u
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(template), count],
    );
  } finally {
    await client.end();
  }
  return Array.from({ length: count }, (_, i) => `bench-user-${String(i + 1).padStart(5, '0')}`);
}

/** POST /api/auth/login as the user at the seeded unit: the session's bearer token. */
export async function login(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, unitHsaId: careUnit.hsaId }),
  });
  if (!response.ok) throw new Error(`log-in as ${userId}: ${String(response.status)}`);
  return loginResponseSchema.required().parse(await response.json()).token;
}

/** Runs `work` over `items` with at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) results[index] = await work(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/** The q-quantile of the values (nearest rank); NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** A number for a table: fixed decimals, thousands separated by a thin space. */
export function figure(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const [whole = '', fraction] = value.toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A Markdown table, columns padded, numbers right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = headers.map((_, column) =>
    rows.every((row) => /^[-–\d.,×%≥≤ ]*$/.test(row[column] ?? '')),
  );
  const cell = (text: string, column: number) => {
    const width = widths[column] ?? 0;
    return numeric[column] === true ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: readonly string[]) =>
    `| ${headers.map((_, column) => cell(cells[column] ?? '', column)).join(' | ')} |`;
  const rule = `| ${widths
    .map((width, column) =>
      numeric[column] === true ? `${'-'.repeat(Math.max(1, width - 1))}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** One line about the machine and the moment, printed with every result. */
export function machineNote(): string {
  const [one = 0, five = 0] = loadavg();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString()} · Node ${process.version} · ${String(cpus().length)} × ${cpu} · load average ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min)`;
}

export function loadAverage(): string {
  const [one = 0] = loadavg();
  return one.toFixed(1);
}
