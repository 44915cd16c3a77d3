// The peer benchmark (bench/peers) with Intyga's targets: builds the app, serves the build
// with `vite preview` on 127.0.0.1:4180, and runs bench/peers/run.mjs against it beside
// rjsf, JSON Forms and SurveyJS (served by run.mjs on port 4273). It prints figures; it
// asserts nothing about time.
//
//   npm run bench:peers                       # 5 rounds x 3 loads, no Lighthouse
//   npm run bench:peers -- --lighthouse       # + Lighthouse (3 runs per target)
//   npm run bench:peers -- --only intyga-editor,rjsf --rounds 2
//
// Options of its own: --no-app-build (reuse dist/), --app-port N (default 4180),
// --max-load X (wait until the 1-minute load average is below X first; default 2.0,
// 0 = do not wait). Everything else goes to run.mjs (see bench/peers/README.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
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
const maxLoad = Number(takeValue('--max-load', '2.0'));

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}`);
}

async function waitFor(url, timeoutMs) {
  const start = Date.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

if (!skipBuild) run('npx', ['vite', 'build'], root);
if (!existsSync(join(benchDir, 'node_modules'))) run('npm', ['ci'], benchDir);

const preview = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'],
  { cwd: root, detached: true, stdio: 'ignore' },
);
const stopPreview = () => {
  try {
    // its own process group: npx and the vite process under it
    if (preview.pid !== undefined) process.kill(-preview.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopPreview);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

let code = 1;
try {
  await waitFor(`http://127.0.0.1:${appPort}/`, 60_000);
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
  const bench = spawnSync(
    process.execPath,
    ['run.mjs', '--port', '4273', '--config', 'intyga-targets.json', ...args],
    { cwd: benchDir, stdio: 'inherit' },
  );
  code = bench.status ?? 1;
} finally {
  stopPreview();
}
process.exit(code);
