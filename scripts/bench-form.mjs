// Form benchmark in a production build (run `npm run build` first):
//  - mount: from the entry module's start (performance mark 'bench:module-start') to the whole
//    form in the DOM ('intyga:form-mounted'), loading /galleri/<code> in a fresh page load;
//  - per keystroke in a text area: synchronous work (React's render and commit, flushed in the
//    same task) and how many questions re-render.
// Prints figures; asserts nothing. Run: node scripts/bench-form.mjs [code ...]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = 4179;
const base = `http://localhost:${port}`;
const codes =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['fk7804', 'fk7800', 'fk7809'];
const MOUNT_RUNS = 7;
const KEYSTROKES = 60;

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(port), '--strictPort', '--host', 'localhost'],
  {
    stdio: 'ignore',
  },
);
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
    try {
      const response = await fetch(base);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('preview server did not start');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];

await waitForServer();
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ||
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const context = await browser.newContext();
await context.addInitScript(() => {
  window.__renders = [];
  window.__intygaRenderProbe = (id) => window.__renders.push(id);
});
const page = await context.newPage();
await page.goto(base);
await page.getByRole('button', { name: /Anna Lindqvist/ }).click();
await page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' }).waitFor();

console.log(
  `Form benchmark (production build, Chromium, ${MOUNT_RUNS} page loads per form, ${KEYSTROKES} keystrokes)`,
);
for (const code of codes) {
  const mounts = [];
  const backends = [];
  let questionCount = 0;
  for (let run = 0; run < MOUNT_RUNS; run += 1) {
    await page.goto(`${base}/galleri/${code}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('intyga:form-mounted').length > 0,
    );
    const figures = await page.evaluate(() => {
      const start = performance.getEntriesByName('bench:module-start')[0]?.startTime ?? 0;
      const mounted = performance.getEntriesByName('intyga:form-mounted')[0]?.startTime ?? 0;
      const backend = performance.getEntriesByName('intyga:backend-ready')[0]?.startTime ?? start;
      return {
        mount: mounted - start,
        backend: backend - start,
        questions: document.querySelectorAll('[data-question-id]').length,
      };
    });
    mounts.push(figures.mount);
    backends.push(figures.backend);
    questionCount = figures.questions;
  }

  const keystrokes = await page.evaluate(async (count) => {
    const area = [...document.querySelectorAll('textarea')].find((element) => !element.disabled);
    if (!area) return null;
    area.focus();
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const samples = [];
    for (let i = 0; i < count; i += 1) {
      window.__renders.length = 0;
      const start = performance.now();
      setValue.call(area, `${area.value}a`);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      const took = performance.now() - start;
      samples.push({ took, renders: window.__renders.length, ids: [...new Set(window.__renders)] });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { samples, label: area.id };
  }, KEYSTROKES);

  console.log(`\n${code}: ${questionCount} questions on screen`);
  console.log(
    `  mount (module start → form in DOM): median ${median(mounts).toFixed(0)} ms, min ${Math.min(...mounts).toFixed(0)} ms, max ${Math.max(...mounts).toFixed(0)} ms`,
  );
  console.log(
    `    of which the embedded backend's start (MSW + IndexedDB): median ${median(backends).toFixed(0)} ms; the app after it: median ${median(mounts.map((m, i) => m - backends[i])).toFixed(0)} ms`,
  );
  if (keystrokes === null) {
    console.log('  no text area on the form');
    continue;
  }
  const times = keystrokes.samples.map((sample) => sample.took);
  const renders = keystrokes.samples.map((sample) => sample.renders);
  const rerendered = [...new Set(keystrokes.samples.flatMap((sample) => sample.ids))];
  console.log(
    `  per keystroke in ${keystrokes.label}: median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms of synchronous work`,
  );
  console.log(
    `  question renders per keystroke: median ${median(renders)}, max ${Math.max(...renders)} (questions re-rendered: ${rerendered.join(', ')})`,
  );
}

await browser.close();
stop();
