// 1,000 open change streams (issue 21, acceptance c): the time from one change until its
// notice has reached every stream. The change is a save to a draft of the unit (PUT
// /api/certificates/:id/answers); every stream belongs to a care user of that unit, each with
// a session of its own, so every stream hears it. Times run from just before the save is sent.
//
// Two set-ups, each over several rounds: one server process holding all streams; then two
// server processes on the same PostgreSQL database, half the streams on each, the change made
// on the first (the second hears of it through LISTEN/NOTIFY, server/node/postgres-changes.ts).
// The streams are held by two client processes (change-stream-client.ts) with Node's fetch.
//
// Run: npm run bench:change-streams [-- --streams 1000 --rounds 20]
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createTestCertificateResponseSchema } from '../../src/contracts/testability';
import { seedPatients, seedUsers } from '../../server/seed/seed-data';
import { clientMessageSchema, type ClientMessage, type StreamJob } from './change-stream-client';
import {
  addBenchUsers,
  databaseUrl,
  ensurePostgres,
  figure,
  freshDatabase,
  loadAverage,
  login,
  machineNote,
  quantile,
  runBenchmark,
  sleep,
  startServer,
  stopChild,
  table,
  type Cleanup,
  type ServerProcess,
} from './support';

const { values: options } = parseArgs({
  options: {
    streams: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '2' },
  },
});
const STREAMS = z.coerce.number().int().min(2).parse(options.streams);
const ROUNDS = z.coerce.number().int().min(1).parse(options.rounds);
const CLIENT_PROCESSES = z.coerce.number().int().min(1).max(8).parse(options.clients);
const ROUND_TIMEOUT_MS = 30_000;

const savedSchema = z.object({
  certificate: z.object({ version: z.number().int(), answers: z.record(z.string(), z.unknown()) }),
});

/** A client process holding some of the streams, and what it reports. */
class StreamHolder {
  private readonly waiting = new Map<string, (times: number[]) => void>();
  private readonly arrived = new Map<string, number[]>();
  readonly ready: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    job: StreamJob,
  ) {
    this.ready = new Promise((resolve, reject) => {
      child.on('message', (raw) => {
        const message: ClientMessage = clientMessageSchema.parse(raw);
        switch (message.type) {
          case 'ready':
            resolve();
            break;
          case 'failed':
            reject(new Error(message.message));
            break;
          case 'arrived': {
            const key = `${message.certificateId}@${String(message.version)}`;
            const waiter = this.waiting.get(key);
            if (waiter === undefined) this.arrived.set(key, message.times);
            else waiter(message.times);
            break;
          }
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`a stream client exited with ${String(code)}`)),
      );
    });
    child.send(job);
  }

  /** When every stream of this holder had the notice of this version. */
  arrival(certificateId: string, version: number): Promise<number[]> {
    const key = `${certificateId}@${String(version)}`;
    const early = this.arrived.get(key);
    if (early !== undefined) return Promise.resolve(early);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`not every stream heard of version ${String(version)} in 30 s`));
      }, ROUND_TIMEOUT_MS);
      this.waiting.set(key, (times) => {
        clearTimeout(timer);
        this.waiting.delete(key);
        resolve(times);
      });
    });
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

function holdStreams(cleanup: Cleanup, job: StreamJob): StreamHolder {
  const child = fork(join(import.meta.dirname, 'change-stream-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.add('stream client', () => stopChild(child));
  return new StreamHolder(child, job);
}

interface SetupResult {
  name: string;
  /** Per stream and round: ms from the save's start to the notice. */
  latencies: number[];
  /** Per round: ms until the last stream had it. */
  untilAll: number[];
  /** Per round: the save's own response time. */
  saveMs: number[];
  /** Per server (by label): the per-stream latencies of its streams. */
  byServer: Map<string, number[]>;
  openMs: number;
}

async function measure(
  cleanup: Cleanup,
  name: string,
  servers: ServerProcess[],
  tokens: string[],
  writer: { server: ServerProcess; token: string; draftId: string },
): Promise<SetupResult> {
  // Stream i goes to server i mod (servers); the holders take contiguous shares.
  const streams = tokens.map((token, index) => ({
    url: servers[index % servers.length]?.url ?? '',
    token,
    server: index % servers.length,
  }));
  const share = Math.ceil(streams.length / CLIENT_PROCESSES);
  const opening = performance.now();
  const holders = Array.from({ length: CLIENT_PROCESSES }, (_, i) => {
    const part = streams.slice(i * share, (i + 1) * share);
    return { part, holder: holdStreams(cleanup, { streams: part }) };
  });
  await Promise.all(holders.map(({ holder }) => holder.ready));
  const openMs = performance.now() - opening;
  console.log(
    `  ${name}: ${String(streams.length)} streams open and ready in ${figure(openMs / 1000, 1)} s (load ${loadAverage()})`,
  );

  const latencies: number[] = [];
  const untilAll: number[] = [];
  const saveMs: number[] = [];
  const byServer = new Map<string, number[]>();
  const current = await fetch(`${writer.server.url}/api/certificates/${writer.draftId}`, {
    headers: { authorization: `Bearer ${writer.token}` },
  });
  let { version, answers } = savedSchema.parse(await current.json()).certificate;
  for (let round = 1; round <= ROUNDS; round += 1) {
    await sleep(500);
    const nextVersion = version + 1;
    const waits = holders.map(({ holder }) => holder.arrival(writer.draftId, nextVersion));
    const started = performance.timeOrigin + performance.now();
    const response = await fetch(
      `${writer.server.url}/api/certificates/${writer.draftId}/answers`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version, answers: { ...answers, '19': `Runda ${String(round)}` } }),
      },
    );
    const saved = savedSchema.parse(await response.json()).certificate;
    saveMs.push(performance.timeOrigin + performance.now() - started);
    ({ version, answers } = saved);
    if (version !== nextVersion)
      throw new Error(`saved version ${String(version)}, not ${String(nextVersion)}`);
    const perHolder = await Promise.all(waits);
    let last = 0;
    perHolder.forEach((times, holderIndex) => {
      const part = holders[holderIndex]?.part ?? [];
      times.forEach((time, index) => {
        const ms = time - started;
        latencies.push(ms);
        last = Math.max(last, ms);
        const label = `server ${String((part[index]?.server ?? 0) + 1)}`;
        byServer.set(label, [...(byServer.get(label) ?? []), ms]);
      });
    });
    untilAll.push(last);
  }
  console.log(
    `  ${name}: ${String(ROUNDS)} rounds, until all: median ${figure(quantile(untilAll, 0.5), 1)} ms, max ${figure(Math.max(...untilAll), 1)} ms (load ${loadAverage()})`,
  );
  await Promise.all(holders.map(({ holder }) => holder.stop()));
  return { name, latencies, untilAll, saveMs, byServer, openMs };
}

await runBenchmark(async (cleanup) => {
  console.log(`Change streams · ${machineNote()}`);
  await ensurePostgres(cleanup);
  const database = await freshDatabase(cleanup, 'intyga_bench_streams');
  const url = databaseUrl(database);
  const first = await startServer(cleanup, { databaseUrl: url, name: 'intyga-1' });
  console.log(`server 1 ${first.url} (pid ${String(first.pid)}) on ${database}`);

  const users = await addBenchUsers(url, STREAMS);
  const loggingIn = performance.now();
  // One at a time: a log-in reads every stored session (the per-user bound), so concurrent
  // log-ins conflict under SERIALIZABLE and fail once their retries run out.
  const tokens: string[] = [];
  for (const user of users) tokens.push(await login(first.url, user));
  console.log(
    `${String(tokens.length)} users logged in, one session each (${figure((performance.now() - loggingIn) / 1000, 1)} s)`,
  );
  const writerToken = await login(first.url, seedUsers.physician.id);
  const created = await fetch(`${first.url}/api/testability/certificates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'fk7804', patientId: seedPatients.adult.id, answers: 'complete' }),
  });
  const draftId = createTestCertificateResponseSchema.parse(await created.json()).certificateId;

  const results: SetupResult[] = [];
  results.push(
    await measure(cleanup, '1 server', [first], tokens, {
      server: first,
      token: writerToken,
      draftId,
    }),
  );
  const second = await startServer(cleanup, { databaseUrl: url, name: 'intyga-2' });
  console.log(`server 2 ${second.url} (pid ${String(second.pid)}) on ${database}`);
  results.push(
    await measure(cleanup, '2 servers', [first, second], tokens, {
      server: first,
      token: writerToken,
      draftId,
    }),
  );

  console.log(`\nResults · ${machineNote()}`);
  console.log(
    `${String(STREAMS)} streams (one care user and session each, all of the unit), held by ${String(CLIENT_PROCESSES)} client processes; ${String(ROUNDS)} rounds of one save each; ms from just before the save was sent until the notice arrived.\n`,
  );
  const rows: string[][] = [];
  for (const result of results) {
    const row = (label: string, values: number[]) => [
      label,
      figure(values.length),
      figure(Math.min(...values), 1),
      figure(quantile(values, 0.5), 1),
      figure(quantile(values, 0.99), 1),
      figure(Math.max(...values), 1),
    ];
    rows.push(row(`${result.name}: every stream, every round`, result.latencies));
    if (result.byServer.size > 1) {
      for (const [label, values] of [...result.byServer].sort()) {
        rows.push(row(`${result.name}: streams on ${label}`, values));
      }
    }
    rows.push(row(`${result.name}: until all (per round)`, result.untilAll));
    rows.push(row(`${result.name}: the save's response`, result.saveMs));
    rows.push(
      row(
        `${result.name}: until all, after the save answered`,
        result.untilAll.map((ms, round) => ms - (result.saveMs[round] ?? 0)),
      ),
    );
  }
  console.log(table(['what', 'n', 'min', 'median', 'p99', 'max'], rows));
});
