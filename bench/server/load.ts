// The Node server under load from a second process on loopback (issue 21, acceptance a):
// saves, certificate reads and signs per second, p50/p99, at 10, 100 and 500 clients, beside
// pgbench's simple-update rate (-N) on the same PostgreSQL in the same run, and their ratio.
//
// Each simulated client is a user of its own with its own session (a user has at most five)
// and its own draft of FK 7804 with complete answers; its saves chain the draft's version, so
// none is refused as stale (409s are counted apart). Each sign consumes a fresh complete
// draft with consent, made beforehand through the testability API. The server is
// `node dist-server/main.js --demo` on a database of its own; the load comes from autocannon in
// a child process (load-client.ts).
//
// The store holds 100,000 more certificates (copies of a draft, --background) besides the
// clients' drafts, as a clinic's database holds its history.
//
// Run: npm run bench:server-load [-- --duration 10 --clients 10,100,500 --background 100000
//        --profile]
//   --profile: only saves, at the first client count, with the server under --cpu-prof; prints
//   where the server's time went.
import { execFile, fork } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { answersSchema } from '../../src/contracts/certificates';
import { createTestCertificateResponseSchema } from '../../src/contracts/testability';
import { seedPatients } from '../../server/seed/seed-data';
import { loadOutcomeSchema, type LoadJob, type LoadOutcome, type Slot } from './load-client';
import { readCpuProfile, summarizeProfile } from './profile';
import { measureSaveFloor } from './save-floor';
import {
  addBenchUsers,
  connectionBudget,
  databaseUrl,
  ensurePostgres,
  figure,
  freshDatabase,
  loadAverage,
  login,
  machineNote,
  mapLimit,
  quantile,
  runBenchmark,
  sleep,
  startServer,
  stopChild,
  table,
  transactionCounts,
  type Cleanup,
} from './support';

const run = promisify(execFile);

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    clients: { type: 'string', default: '10,100,500' },
    'pgbench-scale': { type: 'string', default: '10' },
    background: { type: 'string', default: '100000' },
    profile: { type: 'boolean', default: false },
  },
});
const durationSeconds = z.coerce.number().int().min(1).parse(options.duration);
const clientCounts = z
  .array(z.coerce.number().int().min(1).max(2000))
  .min(1)
  .parse(options.clients.split(','));
const pgbenchScale = z.coerce.number().int().min(1).parse(options['pgbench-scale']);
const profiling = options.profile;
const background = z.coerce.number().int().min(0).parse(options.background);

const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 50;
const TARGET_CLIENTS = 100;

const certificateSchema = z.object({
  certificate: z.object({ version: z.number().int(), answers: answersSchema }),
});

/** A draft of FK 7804 for Karin Andersson through the testability API. */
async function createDraft(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/testability/certificates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      consent: true,
      userId,
    }),
  });
  if (response.status !== 201) throw new Error(`creating a draft: ${String(response.status)}`);
  return createTestCertificateResponseSchema.parse(await response.json()).certificateId;
}

async function readCertificate(baseUrl: string, token: string, id: string) {
  const response = await fetch(`${baseUrl}/api/certificates/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`reading ${id}: ${String(response.status)}`);
  return certificateSchema.parse(await response.json()).certificate;
}

/** What PostgreSQL did for one run: transactions committed and rolled back. */
interface Transactions {
  commits: number;
  rollbacks: number;
}

/**
 * `count` copies of a stored draft with other ids of the same form (and their list rows),
 * straight into the store's tables: the history a clinic's database holds. Without it the
 * benchmark's certificates share a few index pages, and PostgreSQL's SERIALIZABLE checks, which
 * lock index pages, abort many concurrent saves as conflicting.
 */
async function addBackgroundCertificates(url: string, templateId: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    for (const table of ['certificates', 'certificate_rows']) {
      await client.query(
        `INSERT INTO ${table} (id, data)
         SELECT copy.id, t.data || jsonb_build_object('id', copy.id)
         FROM generate_series(1, $2::int) AS g,
              LATERAL (SELECT 'cert-' || gen_random_uuid()::text AS id, g) AS copy,
              (SELECT data FROM ${table} WHERE id = $1) AS t`,
        [templateId, count],
      );
      await client.query(`VACUUM (ANALYZE) ${table}`);
    }
  } finally {
    await client.end();
  }
}

const updateRowsSchema = z.array(
  z.object({ table: z.string(), updates: z.coerce.number(), hot: z.coerce.number() }),
);

/** Row updates per table, and how many were HOT (no index entry written). */
async function updateCounts(url: string): Promise<z.infer<typeof updateRowsSchema>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return updateRowsSchema.parse(
      (
        await client.query(
          `SELECT relname AS table, n_tup_upd AS updates, n_tup_hot_upd AS hot
           FROM pg_stat_user_tables WHERE n_tup_upd > 0 ORDER BY n_tup_upd DESC`,
        )
      ).rows,
    );
  } finally {
    await client.end();
  }
}

/** One autocannon run in a child process. */
async function generateLoad(cleanup: Cleanup, job: LoadJob): Promise<LoadOutcome> {
  const child = fork(join(import.meta.dirname, 'load-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.add('load client', () => stopChild(child));
  const outcome = new Promise<LoadOutcome>((resolve, reject) => {
    child.once('message', (message) => resolve(loadOutcomeSchema.parse(message)));
    child.once('exit', (code) => reject(new Error(`the load client exited with ${String(code)}`)));
  });
  child.send(job);
  const result = await outcome;
  await stopChild(child);
  return result;
}

interface PgbenchOutcome {
  clients: number;
  tps: number;
  latencyMs: number;
}

async function pgbench(url: string, clients: number, seconds: number): Promise<PgbenchOutcome> {
  const { stdout } = await run(
    'pgbench',
    [
      '-N',
      '-n',
      '-c',
      String(clients),
      '-j',
      String(Math.min(2, clients)),
      '-T',
      String(seconds),
      url,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  if (tps === undefined) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return { clients, tps: Number(tps), latencyMs: Number(latency ?? 'NaN') };
}

/** How many pgbench clients PostgreSQL's connection limit leaves room for now. */
async function pgbenchClientCap(): Promise<number> {
  const { max, reserved, used } = await connectionBudget();
  return Math.max(1, max - reserved - used - 5);
}

function okPerSecond(outcome: LoadOutcome): number {
  return outcome.ok / outcome.duration;
}

function others(outcome: LoadOutcome): string {
  const entries = Object.entries(outcome.otherNon2xx);
  const codes = entries.map(([code, count]) => `${code}×${String(count)}`);
  if (outcome.errors > 0) codes.push(`errors×${String(outcome.errors)}`);
  if (outcome.noFreshDraft > 0) codes.push(`no fresh draft×${String(outcome.noFreshDraft)}`);
  return codes.length === 0 ? '0' : codes.join(' ');
}

await runBenchmark(async (cleanup) => {
  console.log(`Server load benchmark · ${machineNote()}`);
  await ensurePostgres(cleanup);
  const database = await freshDatabase(cleanup, 'intyga_bench_load');
  const url = databaseUrl(database);
  let profileDir: string | undefined;
  if (profiling) {
    profileDir = await mkdtemp(join(tmpdir(), 'intyga-bench-profile-'));
    const dir = profileDir;
    cleanup.add('profile folder', () => rm(dir, { recursive: true, force: true }));
  }
  const server = await startServer(cleanup, {
    databaseUrl: url,
    name: 'intyga',
    nodeArgs: profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir],
  });
  console.log(`server ${server.url} (pid ${String(server.pid)}) on ${database}`);

  const levels = profiling ? clientCounts.slice(0, 1) : clientCounts;
  const maxClients = Math.max(...levels);
  const users = await addBenchUsers(url, maxClients);
  const started = performance.now();
  // One at a time: a log-in reads every stored session (the per-user bound), so concurrent
  // log-ins conflict under SERIALIZABLE and fail once their retries run out.
  const tokens = await mapLimit(users, 1, (user) => login(server.url, user));
  const drafts = await mapLimit(users, 8, (user) => createDraft(server.url, user));
  const slots: Slot[] = [];
  let answers: z.infer<typeof answersSchema> = {};
  for (const [index, token] of tokens.entries()) {
    const certificateId = drafts[index];
    if (certificateId === undefined) continue;
    const certificate = await readCertificate(server.url, token, certificateId);
    answers = certificate.answers;
    slots.push({ token, certificateId, version: certificate.version });
  }
  console.log(
    `${String(users.length)} users logged in, each with a draft of FK 7804 (${figure((performance.now() - started) / 1000, 1)} s)`,
  );
  if (background > 0 && slots[0] !== undefined) {
    const filling = performance.now();
    await addBackgroundCertificates(url, slots[0].certificateId, background);
    console.log(
      `${figure(background)} more certificates in the store, copies of the first draft (${figure((performance.now() - filling) / 1000, 1)} s)`,
    );
  }

  const pgbenchDatabase = profiling
    ? undefined
    : await freshDatabase(cleanup, 'intyga_bench_pgbench');
  if (pgbenchDatabase !== undefined) {
    await run('pgbench', ['-i', '-q', '-s', String(pgbenchScale), databaseUrl(pgbenchDatabase)], {
      maxBuffer: 16 * 1024 * 1024,
    });
    console.log(`pgbench -i -s ${String(pgbenchScale)} on ${pgbenchDatabase}`);
  }

  // Warm-up: the server's first requests load code lists and definitions.
  await generateLoad(cleanup, {
    url: server.url,
    op: 'read',
    connections: 10,
    durationSeconds: 3,
    slots: slots.slice(0, 10),
  });

  const outcomes: LoadOutcome[] = [];
  const pgbenchOutcomes = new Map<number, PgbenchOutcome>();
  const failures = new Map<string, number>();
  const transactions = new Map<LoadOutcome, Transactions>();
  /** A measured run, with the transactions PostgreSQL committed and rolled back meanwhile. */
  const measured = async (job: LoadJob): Promise<LoadOutcome> => {
    const before = await transactionCounts(database);
    const outcome = await generateLoad(cleanup, job);
    await sleep(2_000); // backends report their counts within a second of going idle
    const after = await transactionCounts(database);
    transactions.set(outcome, {
      commits: after.commits - before.commits,
      rollbacks: after.rollbacks - before.rollbacks,
    });
    return outcome;
  };
  const report = (outcome: LoadOutcome) => {
    outcomes.push(outcome);
    console.log(
      `  ${outcome.op} × ${String(outcome.connections)} clients: ${figure(okPerSecond(outcome))}/s, p50 ${figure(outcome.p50)} ms, p99 ${figure(outcome.p99)} ms, 409 ${String(outcome.conflicts)}, other ${others(outcome)} (load ${loadAverage()})`,
    );
    for (const [detail, count] of server.takeFailures()) {
      console.log(`    server log: ${String(count)} × ${detail}`);
      const key = `${outcome.op}: ${detail}`;
      failures.set(key, (failures.get(key) ?? 0) + count);
    }
  };
  const signCapacity = new Map<number, number>();
  for (const clients of levels) {
    console.log(`${String(clients)} clients:`);
    if (pgbenchDatabase !== undefined) {
      const cap = await pgbenchClientCap();
      const outcome = await pgbench(
        databaseUrl(pgbenchDatabase),
        Math.min(clients, cap),
        durationSeconds,
      );
      pgbenchOutcomes.set(clients, outcome);
      console.log(
        `  pgbench -N -c ${String(outcome.clients)}: ${figure(outcome.tps)} tps, latency ${figure(outcome.latencyMs, 1)} ms`,
      );
    }
    const own = slots.slice(0, clients);
    const save = await measured({
      url: server.url,
      op: 'save',
      connections: clients,
      durationSeconds,
      slots: own,
      answers,
    });
    report(save);
    if (profiling) break;
    // The drafts' versions moved on in the client: read them again for the next saves.
    for (const slot of own) {
      slot.version = (await readCertificate(server.url, slot.token, slot.certificateId)).version;
    }
    report(
      await measured({
        url: server.url,
        op: 'read',
        connections: clients,
        durationSeconds,
        slots: own,
      }),
    );
    // Enough fresh drafts for the signs: twice what saves (or the last signs) managed in the
    // same time, at least 600.
    const lastSign = outcomes.findLast((outcome) => outcome.op === 'sign');
    const rate = Math.max(okPerSecond(save), lastSign === undefined ? 0 : okPerSecond(lastSign));
    const needed = Math.max(600, Math.ceil(rate * durationSeconds * 2));
    const making = performance.now();
    const signDrafts = await mapLimit(
      Array.from({ length: needed }, (_, i) => users[i % users.length] ?? ''),
      8,
      (user) => createDraft(server.url, user),
    );
    signCapacity.set(clients, needed);
    console.log(
      `  ${String(needed)} complete drafts with consent for the signs (${figure((performance.now() - making) / 1000, 1)} s)`,
    );
    report(
      await measured({
        url: server.url,
        op: 'sign',
        connections: clients,
        durationSeconds,
        slots: own,
        signDrafts,
      }),
    );
  }

  console.log(`\nResults · ${machineNote()}`);
  console.log(
    `Server: 1 process, PostgreSQL store (pool of 10 connections); ${String(durationSeconds)} s per run; latency over every response. commits/ok: transactions PostgreSQL committed per successful request; rollbacks: transactions aborted (serialization failures the store ran again, or failed requests).\n`,
  );
  console.log(
    table(
      [
        'clients',
        'operation',
        'ok/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        '409',
        'other',
        'commits/ok',
        'rollbacks',
      ],
      outcomes.map((outcome) => {
        const counts = transactions.get(outcome);
        return [
          String(outcome.connections),
          outcome.op,
          figure(okPerSecond(outcome), 1),
          figure(outcome.p50),
          figure(outcome.p99),
          figure(outcome.max),
          String(outcome.conflicts),
          others(outcome),
          figure((counts?.commits ?? Number.NaN) / outcome.ok, 1),
          figure(counts?.rollbacks ?? Number.NaN),
        ];
      }),
    ),
  );
  if (pgbenchOutcomes.size > 0) {
    console.log('');
    console.log(
      table(
        [
          'clients',
          'pgbench -N clients',
          'pgbench tps',
          'pgbench latency ms',
          'saves/s',
          'saves ÷ tps',
        ],
        levels.map((clients) => {
          const bench = pgbenchOutcomes.get(clients);
          const save = outcomes.find((o) => o.op === 'save' && o.connections === clients);
          const saves = save === undefined ? Number.NaN : okPerSecond(save);
          return [
            String(clients),
            String(bench?.clients ?? '–'),
            figure(bench?.tps ?? Number.NaN),
            figure(bench?.latencyMs ?? Number.NaN, 1),
            figure(saves, 1),
            figure(saves / (bench?.tps ?? Number.NaN), 3),
          ];
        }),
      ),
    );
    const capped = [...pgbenchOutcomes].filter(([clients, bench]) => bench.clients < clients);
    if (capped.length > 0) {
      console.log(
        `pgbench clients capped by PostgreSQL's max_connections at ${capped.map(([clients, bench]) => `${String(clients)} → ${String(bench.clients)}`).join(', ')}.`,
      );
    }
    const save = outcomes.find((o) => o.op === 'save' && o.connections === TARGET_CLIENTS);
    const bench = pgbenchOutcomes.get(TARGET_CLIENTS);
    if (save !== undefined && bench !== undefined) {
      const ratio = okPerSecond(save) / bench.tps;
      console.log(
        `\nTarget at ${String(TARGET_CLIENTS)} clients: saves ≥ ${String(TARGET_RATIO * 100)} % of pgbench's rate: ${figure(100 * ratio, 1)} % (${ratio >= TARGET_RATIO ? 'met' : 'missed'}); save p99 ≤ ${String(TARGET_P99_MS)} ms: ${figure(save.p99)} ms (${save.p99 <= TARGET_P99_MS ? 'met' : 'missed'}).`,
      );
    }
  }
  if (!profiling && users[0] !== undefined) {
    const floor = await measureSaveFloor(url, users[0], 100);
    const total = quantile(floor.totalMs, 0.5);
    const database = quantile(floor.databaseMs, 0.5);
    const own = total - database;
    console.log(
      `\nFloor of one save (one client, in-process, ${String(floor.saves)} saves one after the other on the idle server, medians): ${figure(total, 1)} ms (p95 ${figure(quantile(floor.totalMs, 0.95), 1)}), of which ${figure(database, 1)} ms waiting for PostgreSQL over ${figure(floor.transactions, 1)} transactions and ${figure(floor.statements, 1)} statements (BEGIN and COMMIT included), and ${figure(own, 1)} ms the server's own work. One Node process, at most ${figure(1000 / own)} saves/s at 100 % of a core; pgbench -N's transaction is 5 statements.`,
    );
    console.log(
      `The statements of one save:\n${floor.sample.map((line) => `  ${line}`).join('\n')}`,
    );
    console.log(
      `With closed-loop clients (each sends its next request when its answer comes) the mean latency is clients ÷ throughput (Little's law): p99 ≤ ${String(TARGET_P99_MS)} ms at ${String(TARGET_CLIENTS)} clients needs more than ${figure((TARGET_CLIENTS * 1000) / TARGET_P99_MS)} saves/s.`,
    );
  }
  const updates = await updateCounts(url);
  console.log(
    `\nRow updates in the run, and how many were HOT (no new index entries): ${updates.map((row) => `${row.table} ${figure(row.updates)} (${figure((100 * row.hot) / Math.max(1, row.updates))} % HOT)`).join(', ')}.`,
  );
  if (failures.size > 0) {
    console.log('\nFailed requests in the server log (500s):');
    for (const [detail, count] of failures) console.log(`  ${String(count)} × ${detail}`);
  }
  if (profileDir !== undefined) {
    await server.stop();
    const files = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'));
    const file = files[0];
    if (file === undefined) throw new Error('the server wrote no CPU profile');
    console.log(
      `\nThe server's CPU profile over the whole run (saves at ${String(maxClients)} clients):`,
    );
    console.log(summarizeProfile(await readCpuProfile(join(profileDir, file))));
  }
  for (const [clients, capacity] of signCapacity) {
    const sign = outcomes.find((o) => o.op === 'sign' && o.connections === clients);
    if (sign !== undefined && sign.noFreshDraft > 0) {
      console.log(
        `Note: at ${String(clients)} clients the ${String(capacity)} prepared drafts ran out; the signs after that answered 409 and are left out of ok/s.`,
      );
    }
  }
});
