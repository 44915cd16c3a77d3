import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fault tests' own processes: Node servers (`node dist-server/main.js --demo`) that a test
 * can kill and start again on the same port and data, and a TCP proxy in front of PostgreSQL
 * that can play a database that stops and comes back. Whatever a test starts is ended by
 * `endAll`, which the test calls after itself, also when it fails.
 */

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverEntry = join(repositoryRoot, 'dist-server', 'main.js');

/** Where a server keeps its data: PostgreSQL, or the embedded database in a folder. */
export type ServerStore = { databaseUrl: string } | { dataDirectory: string };

export interface ServerProcess {
  /** `http://localhost:<port>`. */
  readonly origin: string;
  /** True until the process has exited. */
  isRunning(): boolean;
  /** Ends it at once, as a crash or a pulled plug would (SIGKILL); resolves once it has exited. */
  kill(): Promise<void>;
  /** What it has printed so far (for a failing test's message). */
  output(): string;
}

export interface DatabaseProxy {
  /** The port the server should use as the database's. */
  readonly port: number;
  /** The database stops: every open connection is cut, new ones are refused. */
  stop(): Promise<void>;
  /**
   * The database stops mid-save, at the worst moment: once a transaction that sent `text`
   * has committed, before the server hears so (its answer to COMMIT is dropped). Resolves
   * when it has stopped.
   */
  stopOnceCommitted(text: string): Promise<void>;
  /** The database is back: new connections reach it again. */
  start(): Promise<void>;
}

/** Waits for a condition, polling; fails with `what` after `timeoutMs`. */
async function waitUntil(
  condition: () => Promise<boolean>,
  what: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${String(timeoutMs)} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** PostgreSQL's simple-query message for COMMIT, as `pg` sends it: 'Q', length, text. */
const commitMessage = Buffer.concat([
  Buffer.from('Q', 'latin1'),
  Buffer.from([0, 0, 0, 11]),
  Buffer.from('COMMIT\0', 'latin1'),
]);

export class FaultProcesses {
  private readonly endings: (() => Promise<void>)[] = [];

  /** A fresh folder for an embedded database, removed by `endAll`. */
  dataDirectory(): string {
    const directory = mkdtempSync(join(tmpdir(), 'intyga-faults-'));
    this.endings.push(() => {
      rmSync(directory, { recursive: true, force: true });
      return Promise.resolve();
    });
    return directory;
  }

  /**
   * Starts `node dist-server/main.js --demo` on `port` (on localhost) with its data in `store`,
   * and resolves once it answers `GET /api/environment`.
   */
  async startServer(port: number, store: ServerStore): Promise<ServerProcess> {
    if (!existsSync(serverEntry)) {
      throw new Error(`${serverEntry} is missing: run npm run build:server first`);
    }
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: 'localhost',
    };
    delete environment.DATABASE_URL;
    delete environment.INTYGA_DATA_DIR;
    if ('databaseUrl' in store) environment.DATABASE_URL = store.databaseUrl;
    else environment.INTYGA_DATA_DIR = store.dataDirectory;
    const child = spawn(process.execPath, [serverEntry, '--demo'], {
      cwd: repositoryRoot,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    const keep = (chunk: Buffer) => {
      printed = (printed + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const isRunning = () => child.exitCode === null && child.signalCode === null;
    const kill = async () => {
      if (isRunning()) child.kill('SIGKILL');
      await exited(child);
    };
    this.endings.push(kill);

    const origin = `http://localhost:${String(port)}`;
    await waitUntil(
      async () => {
        if (!isRunning()) {
          throw new Error(`The server on port ${String(port)} exited while starting:\n${printed}`);
        }
        try {
          return (await fetch(`${origin}/api/environment`)).ok;
        } catch {
          return false;
        }
      },
      () => `the server on port ${String(port)} did not answer:\n${printed}`,
      90_000,
    );
    return { origin, isRunning, kill, output: () => printed };
  }

  /**
   * A TCP proxy on 127.0.0.1:`port` to the database at `target`: a server whose
   * DATABASE_URL names the proxy loses its database when the proxy stops.
   */
  async databaseProxy(
    target: { host: string; port: number },
    port: number,
  ): Promise<DatabaseProxy> {
    const sockets = new Set<Socket>();
    let trap: { marker: Buffer; sprung: () => void } | undefined;
    const proxy = createServer((client) => {
      const database = createConnection(target);
      sockets.add(client);
      sockets.add(database);
      const cut = () => {
        client.destroy();
        database.destroy();
        sockets.delete(client);
        sockets.delete(database);
      };
      for (const socket of [client, database]) {
        socket.on('error', cut);
        socket.on('close', cut);
      }
      // What this connection sent lately, to find the trap's text in; and whether it has sent
      // the COMMIT of the transaction that carried it.
      let recent = Buffer.alloc(0);
      let carried = false;
      let committing = false;
      client.on('data', (chunk: Buffer) => {
        if (trap !== undefined && !committing) {
          recent = Buffer.concat([recent, chunk]).subarray(-65_536);
          if (carried && chunk.includes(commitMessage)) committing = true;
          carried ||= recent.includes(trap.marker);
        }
        database.write(chunk);
      });
      database.on('data', (chunk: Buffer) => {
        if (committing && trap !== undefined) {
          // PostgreSQL has committed; its answer never reaches the server.
          const { sprung } = trap;
          trap = undefined;
          void stop().then(sprung);
          return;
        }
        client.write(chunk);
      });
    });
    const start = () =>
      new Promise<void>((resolve, reject) => {
        if (proxy.listening) {
          resolve();
          return;
        }
        proxy.once('error', reject);
        proxy.listen(port, '127.0.0.1', () => {
          proxy.off('error', reject);
          resolve();
        });
      });
    const stop = () =>
      new Promise<void>((resolve) => {
        if (!proxy.listening) {
          resolve();
          return;
        }
        // Refuse new connections (the port is closed, as a stopped database's is) and cut the
        // open ones; close's callback runs once none is left.
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    const stopOnceCommitted = (text: string) =>
      new Promise<void>((resolve) => {
        trap = { marker: Buffer.from(text, 'utf8'), sprung: resolve };
      });
    await start();
    this.endings.push(stop);
    return { port, stop, start, stopOnceCommitted };
  }

  /** Ends every process and proxy this test started and removes its folders, newest first. */
  async endAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const end of this.endings.splice(0).reverse()) {
      try {
        await end();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'Could not end every process');
  }
}
