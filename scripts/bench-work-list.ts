// Work-list benchmark, "Ej signerade utkast" or "Signerade intyg", in a production build (run
// `npm run build` first, or use `npm run bench:drafts-list` / `bench:signed-list`, which build):
//  - first show: from navigation start to the first row of the list in the DOM;
//  - filter: from the `change` event of the type filter to the filtered rows in the DOM
//    (the count line shows the filtered total and the table is no longer busy).
// With COUNT drafts or signed certificates made through POST /api/testability/bulk-drafts.
// Prints figures; asserts nothing. Run: npx tsx scripts/bench-work-list.ts drafts|signed [count] [runs]
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';

const port = 4180;
const base = `http://localhost:${String(port)}`;
const LIST = process.argv[2] === 'signed' ? 'signed' : 'drafts';
const COUNT = Number(process.argv[3] ?? 5000);
const RUNS = Number(process.argv[4] ?? 9);
const listPath = LIST === 'signed' ? '/intyg' : '/utkast';
const noun = LIST === 'signed' ? 'intyg' : 'utkast';

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
 * In-page probe: when the first row appears, and how long a list action takes, from its
 * `change` or `click` event to the table no longer busy with other content (the count line or
 * the first row changed). A string, not a function: tsx would add its own helpers to a
 * function's source, which the page lacks.
 */
const probe = `(() => {
  const state = { firstRow: -1, start: -1, done: -1, before: '', total: -1 };
  window.__listBench = state;
  const signature = () => {
    const summary = document.querySelector('.list-summary');
    const row = document.querySelector('table.list-table tbody tr');
    return (summary ? summary.textContent : '') + '|' + (row ? row.textContent : '');
  };
  const totalShown = () => {
    const match = /av ([\\d\\s\\u00a0]+) (utkast|intyg)/.exec(document.body ? document.body.textContent : '');
    return match ? Number(match[1].replace(/\\D/g, '')) : -1;
  };
  const check = () => {
    if (state.firstRow < 0 && document.querySelector('table.list-table tbody tr') !== null) {
      state.firstRow = performance.now();
    }
    if (state.start >= 0 && state.done < 0) {
      const table = document.querySelector('table.list-table');
      if (table && table.getAttribute('aria-busy') === 'false' && signature() !== state.before) {
        state.done = performance.now();
        state.total = totalShown();
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const begin = (event) => {
    state.start = event.timeStamp;
    state.before = signature();
    state.done = -1;
  };
  document.addEventListener('change', begin, true);
  document.addEventListener('click', begin, true);
})();`;

type Sample = { firstRow: number; filter: number; sort: number; nextPage: number; total: number };

function readState(page: Page, key: string): Promise<number> {
  return page.evaluate((name) => {
    const state: unknown = Reflect.get(window, '__listBench');
    const value: unknown =
      typeof state === 'object' && state !== null ? Reflect.get(state, name) : undefined;
    return typeof value === 'number' ? value : Number.NaN;
  }, key);
}

/** Runs one list action and returns how long it took until the list showed its result. */
async function timed(page: Page, action: () => Promise<void>): Promise<number> {
  await action();
  await page.waitForFunction(() => {
    const state: unknown = Reflect.get(window, '__listBench');
    return typeof state === 'object' && state !== null && Reflect.get(state, 'done') >= 0;
  });
  return (await readState(page, 'done')) - (await readState(page, 'start'));
}

async function oneRun(page: Page): Promise<Sample> {
  await page.goto(`${base}${listPath}`);
  await page
    .waitForFunction(
      () => {
        const state: unknown = Reflect.get(window, '__listBench');
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
  const firstRow = await readState(page, 'firstRow');
  const filter = await timed(page, async () => {
    await page.getByLabel('Intygstyp').selectOption('fk7800');
  });
  const total = await readState(page, 'total');
  const sort = await timed(page, () =>
    page.getByRole('columnheader', { name: 'Patient' }).getByRole('button').click(),
  );
  const nextPage = await timed(page, () =>
    page.getByRole('button', { name: 'Nästa sida' }).click(),
  );
  return { firstRow, filter, sort, nextPage, total };
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
const status = await setup.evaluate(
  async (spec) => {
    const response = await fetch('/api/testability/bulk-drafts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: spec.count, status: spec.status }),
    });
    return response.status;
  },
  { count: COUNT, status: LIST === 'signed' ? 'signed' : 'draft' },
);
if (status !== 201) throw new Error(`bulk-drafts: HTTP ${String(status)}`);
// Every run is a new tab in the same browser context: it shares the IndexedDB store (and the
// embedded backend's worker), and gets the session token as a restored tab would.
await context.addInitScript((value) => {
  if (value !== null) window.sessionStorage.setItem('intyga.session-token', value);
}, token);
await setup.close();

const samples: Sample[] = [];
console.log(
  `${LIST === 'signed' ? 'Signed list' : 'Drafts list'} with ${String(COUNT)} ${noun} + seed (production build, Chromium)`,
);
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
console.log(
  row(
    'sort by patient → sorted rows',
    samples.map((s) => s.sort),
  ),
);
console.log(
  row(
    'next page → its rows',
    samples.map((s) => s.nextPage),
  ),
);
console.log('');
console.log(`filtered total: ${String(samples[0]?.total)} ${noun}`);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
