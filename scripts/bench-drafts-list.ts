// Drafts-list benchmark ("Ej signerade utkast") in a production build (run `npm run build`
// first, or use `npm run bench:drafts-list`, which builds):
//  - first show: from navigation start to the first row of the list in the DOM;
//  - filter: from the `change` event of the type filter to the filtered rows in the DOM
//    (the count line shows the filtered total and the table is no longer busy).
// With COUNT drafts made through POST /api/testability/bulk-drafts. Prints figures; asserts
// nothing. Run: npx tsx scripts/bench-drafts-list.ts [count] [runs]
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';

const port = 4180;
const base = `http://localhost:${String(port)}`;
const COUNT = Number(process.argv[2] ?? 5000);
const RUNS = Number(process.argv[3] ?? 9);

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(port), '--strictPort', '--host', 'localhost'],
  { stdio: 'ignore', detached: true },
);
process.on('exit', () => {
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('preview server did not start');
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? Number.NaN;

/**
 * In-page probe: when the first row appears, and how long a filter change takes. A string,
 * not a function: tsx would add its own helpers to a function's source, which the page lacks.
 */
const probe = `(() => {
  const state = { firstRow: -1, filterStart: -1, filterDone: -1, filterTotal: -1 };
  window.__draftsBench = state;
  const totalShown = () => {
    const match = /av ([\\d\\s\\u00a0]+) utkast/.exec(document.body ? document.body.textContent : '');
    return match ? Number(match[1].replace(/\\D/g, '')) : undefined;
  };
  let before;
  const check = () => {
    if (state.firstRow < 0 && document.querySelector('table.list-table tbody tr') !== null) {
      state.firstRow = performance.now();
    }
    if (state.filterStart >= 0 && state.filterDone < 0) {
      const table = document.querySelector('table.list-table');
      const total = totalShown();
      if (table && table.getAttribute('aria-busy') === 'false' && total !== undefined && total !== before) {
        state.filterDone = performance.now();
        state.filterTotal = total;
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('change', (event) => {
    before = totalShown();
    state.filterStart = event.timeStamp;
  }, true);
})();`;

type Sample = { firstRow: number; filter: number; filterTotal: number };

async function oneRun(page: Page): Promise<Sample> {
  await page.goto(`${base}/utkast`);
  await page
    .waitForFunction(
      () => {
        const state: unknown = Reflect.get(window, '__draftsBench');
        return typeof state === 'object' && state !== null && Reflect.get(state, 'firstRow') >= 0;
      },
      undefined,
      { timeout: 120_000 },
    )
    .catch(async (error: unknown) => {
      const text = await page.locator('body').innerText();
      throw new Error(`no rows at ${page.url()}: ${text.slice(-600)}`, { cause: error });
    });
  await page.locator('table.list-table[aria-busy="false"]').waitFor();
  await page.getByLabel('Intygstyp').selectOption('fk7800');
  await page.waitForFunction(() => {
    const state: unknown = Reflect.get(window, '__draftsBench');
    return typeof state === 'object' && state !== null && Reflect.get(state, 'filterDone') >= 0;
  });
  const state: unknown = await page.evaluate('window.__draftsBench');
  const read = (key: string): number => {
    const value: unknown =
      typeof state === 'object' && state !== null ? Reflect.get(state, key) : undefined;
    return typeof value === 'number' ? value : Number.NaN;
  };
  return {
    firstRow: read('firstRow'),
    filter: read('filterDone') - read('filterStart'),
    filterTotal: read('filterTotal'),
  };
}

await waitForServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ locale: 'sv-SE' });
await context.addInitScript({ content: probe });
const setup = await context.newPage();
await setup.goto(base);
await setup.getByRole('button', { name: /Anna Lindqvist/ }).click();
await setup.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' }).waitFor();
const token = await setup.evaluate(() => window.sessionStorage.getItem('intyga.session-token'));
const status = await setup.evaluate(async (count) => {
  const response = await fetch('/api/testability/bulk-drafts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });
  return response.status;
}, COUNT);
if (status !== 201) throw new Error(`bulk-drafts: HTTP ${String(status)}`);
// Every run is a new tab in the same browser context: it shares the IndexedDB store (and the
// embedded backend's worker), and gets the session token as a restored tab would.
await context.addInitScript((value) => {
  if (value !== null) window.sessionStorage.setItem('intyga.session-token', value);
}, token);
await setup.close();

const samples: Sample[] = [];
console.log(`Drafts list with ${String(COUNT)} drafts + seed (production build, Chromium)`);
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
await oneRun(await context.newPage()); // warm-up, not recorded
for (let run = 0; run < RUNS; run += 1) {
  const page = await context.newPage();
  samples.push(await oneRun(page));
  await page.close();
}
await browser.close();

const row = (label: string, values: number[]) =>
  `| ${label} | ${quantile(values, 0.5).toFixed(0)} | ${quantile(values, 0.95).toFixed(0)} | ${Math.min(...values).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
console.log('');
console.log(`| metric (${String(RUNS)} runs) | median ms | p95 ms | min ms | max ms |`);
console.log('|---|---|---|---|---|');
console.log(
  row(
    'first show: navigation → first rows',
    samples.map((s) => s.firstRow),
  ),
);
console.log(
  row(
    'filter (type = FK 7800) → filtered rows',
    samples.map((s) => s.filter),
  ),
);
console.log('');
console.log(`filtered total: ${String(samples[0]?.filterTotal)} drafts`);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
