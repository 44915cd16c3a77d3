// The peer benchmark (bench/peers) with Intyga's targets: builds the app, serves the build
// with `vite preview` on 127.0.0.1:4180 (the embedded backend), builds the Node server
// (`npm run build:server`) and starts `node dist-server/main.js --demo` on 127.0.0.1:4181
// with a fresh embedded database in a temporary folder, and runs bench/peers/run.mjs against
// both beside rjsf, JSON Forms and SurveyJS (served by run.mjs on port 4273). It prints
// figures; it asserts nothing about time.
//
//   npm run bench:peers                       # 5 rounds x 3 loads, no Lighthouse
//   npm run bench:peers -- --lighthouse       # + Lighthouse (3 runs per target)
//   npm run bench:peers -- --only intyga-editor,rjsf --rounds 2
//   npm run bench:peers -- --only intyga-server-editor,rjsf --rounds 1
//
// Options of its own: --no-app-build (reuse dist/ and dist-server/), --app-port N (default
// 4180), --server-port N (default 4181; the port intyga-targets.json names for the server's
// targets), --max-load X (wait until the 1-minute load average is below X first; default 2.0,
// 0 = do not wait). Everything else goes to run.mjs (see bench/peers/README.md). The Node
// server is built and started only when a target of it (intyga-server-*) is in the run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench', 'peers');
const args = process.argv.slice(2);

function takeFlag(name) {
  const index = args.indexOf(name);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
}
function takeValue(name, fallback) {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const [, value] = args.splice(index, 2);
  return value;
}

const skipBuild = takeFlag('--no-app-build');
const appPort = Number(takeValue('--app-port', '4180'));
const serverPort = Number(takeValue('--server-port', '4181'));
const maxLoad = Number(takeValue('--max-load', '2.0'));
// run.mjs's --only stays in args; it only decides here whether the Node server is needed
const onlyIndex = args.indexOf('--only');
const only = onlyIndex < 0 ? null : (args[onlyIndex + 1] ?? '').split(',');
const withServer = only === null || only.some((name) => name.startsWith('intyga-server'));

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}`);
}

// Processes started here, each in its own process group, stopped by PID at the end.
const started = [];
function start(name, command, commandArgs, options) {
  const child = spawn(command, commandArgs, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  const entry = { name, child, log: '' };
  child.stdout.on('data', (data) => (entry.log += data));
  child.stderr.on('data', (data) => (entry.log += data));
  started.push(entry);
  console.log(`[bench:peers] started ${name} (pid ${child.pid})`);
  return entry;
}
const running = ({ child }) => child.exitCode === null && child.signalCode === null;
function signal(entry, name) {
  try {
    if (entry.child.pid !== undefined) process.kill(-entry.child.pid, name);
  } catch {
    // already gone
  }
}
// Synchronous, for process.on('exit'): SIGTERM to every group still running.
function stopAllNow() {
  for (const entry of started) if (running(entry)) signal(entry, 'SIGTERM');
}
// SIGTERM, then wait (up to 10 s) for each to exit, so that the server closes its database.
async function stopAll() {
  await Promise.all(
    started.filter(running).map(
      (entry) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => {
            signal(entry, 'SIGKILL');
            resolve();
          }, 10_000);
          entry.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          signal(entry, 'SIGTERM');
        }),
    ),
  );
}

async function waitFor(url, timeoutMs, entry) {
  const begin = Date.now();
  for (;;) {
    if (entry !== undefined && !running(entry))
      throw new Error(`${entry.name} exited before ${url} answered:\n${entry.log}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - begin > timeoutMs)
      throw new Error(`${url} did not answer in ${timeoutMs} ms${entry ? `:\n${entry.log}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// The server's embedded database: a fresh folder for every run, removed at the end.
const dataDir = withServer ? mkdtempSync(join(tmpdir(), 'intyga-bench-data-')) : null;
const removeDataDir = () => {
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
};

let bench = null;
process.on('exit', () => {
  if (bench !== null && bench.exitCode === null) bench.kill('SIGTERM');
  stopAllNow();
  removeDataDir();
});
for (const [name, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(name, () => {
    if (bench !== null && bench.exitCode === null) bench.kill(name);
    stopAll().finally(() => process.exit(code));
  });
}

let code = 1;
try {
  if (!skipBuild) run('npx', ['vite', 'build'], root);
  if (withServer && !skipBuild) run('npm', ['run', 'build:server'], root);
  if (!existsSync(join(benchDir, 'node_modules'))) run('npm', ['ci'], benchDir);

  const preview = start('vite preview', 'npx', [
    'vite',
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(appPort),
    '--strictPort',
  ]);
  await waitFor(`http://127.0.0.1:${appPort}/`, 60_000, preview);

  if (withServer) {
    if (!existsSync(join(root, 'dist-server', 'main.js')))
      throw new Error('dist-server/main.js is missing: run without --no-app-build');
    const env = {
      ...process.env,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      INTYGA_DATA_DIR: dataDir,
    };
    delete env.DATABASE_URL; // always the embedded database in dataDir, never a PostgreSQL
    delete env.INTYGA_DEMO; // --demo below
    const server = start(
      'node dist-server/main.js --demo',
      process.execPath,
      [join(root, 'dist-server', 'main.js'), '--demo'],
      { env },
    );
    await waitFor(`http://127.0.0.1:${serverPort}/api/environment`, 60_000, server);
    console.log(`[bench:peers] server: ${server.log.trim().split('\n').join(' | ')}`);
  }

  if (maxLoad > 0) {
    while (loadavg()[0] >= maxLoad) {
      console.log(`[bench:peers] waiting: 1-minute load ${loadavg()[0].toFixed(2)} >= ${maxLoad}`);
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
  console.log(
    `[bench:peers] load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  bench = spawn(
    process.execPath,
    ['run.mjs', '--port', '4273', '--config', 'intyga-targets.json', ...args],
    { cwd: benchDir, stdio: 'inherit' },
  );
  code = await new Promise((resolve) => {
    bench.on('exit', (exitCode, signalName) => resolve(exitCode ?? (signalName ? 1 : 0)));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await stopAll();
  removeDataDir();
}
process.exit(code);
