// Work-list benchmark, "Ej signerade utkast", "Signerade intyg" or "Ej hanterade ärenden", in a
// production build (run `npm run build` first, or use `npm run bench:drafts-list` /
// `bench:signed-list` / `bench:inbox`, which build):
//  - first show: from navigation start to the first row of the list in the DOM;
//  - filter: from the `change` event of the type filter to the filtered rows in the DOM
//    (the count line shows the filtered total and the table is no longer busy).
//  - for the inbox also arrival: from a question sent as FK in another tab of the browser to the
//    count line of the inbox tab showing it (Date.now() in both tabs, one machine clock).
// With COUNT drafts or signed certificates made through POST /api/testability/bulk-drafts, or
// COUNT threads (POST /api/testability/bulk-threads) on COUNT / 2 signed certificates.
// Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-work-list.ts drafts|signed|inbox [count] [runs]
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { servePreview } from './preview-server';

const port = 4180;
const lists = {
  drafts: { path: '/utkast', noun: 'utkast', title: 'Drafts list' },
  signed: { path: '/intyg', noun: 'intyg', title: 'Signed list' },
  inbox: { path: '/arenden', noun: 'ärenden', title: 'Inbox' },
} as const;
const LIST =
  process.argv[2] === 'signed' || process.argv[2] === 'inbox' ? process.argv[2] : 'drafts';
const COUNT = Number(process.argv[3] ?? 5000);
const RUNS = Number(process.argv[4] ?? 9);
const { path: listPath, noun, title } = lists[LIST];

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
    // The first row's link too: rows of bulk data can read alike, their targets differ.
    const link = row ? row.querySelector('a') : null;
    return (summary ? summary.textContent : '') + '|' + (row ? row.textContent : '') + '|' +
      (link ? link.getAttribute('href') : '');
  };
  const totalShown = () => {
    const match = /av ([\\d\\s\\u00a0]+) (utkast|intyg|ärenden)/.exec(document.body ? document.body.textContent : '');
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
    if (LIST === 'inbox') {
      await page.getByLabel('Åtgärd').selectOption({ label: 'Komplettera' });
    } else {
      await page.getByLabel('Intygstyp').selectOption('fk7800');
    }
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

const base = await servePreview(port);
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ locale: 'sv-SE' });
await context.addInitScript({ content: probe });
const setup = await context.newPage();
await setup.goto(base);
await setup.getByRole('button', { name: /Anna Lindqvist/ }).click();
await setup.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' }).waitFor();
const token = await setup.evaluate(() => window.sessionStorage.getItem('intyga.session-token'));
async function testability(page: Page, path: string, body: unknown): Promise<void> {
  const status = await page.evaluate(
    async (request) => {
      const response = await fetch(request.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request.body),
      });
      return response.status;
    },
    { path, body },
  );
  if (status !== 201) throw new Error(`${path}: HTTP ${String(status)}`);
}
if (LIST === 'inbox') {
  // Every other signed certificate is sent: COUNT / 4 sent ones, four threads each.
  await testability(setup, '/api/testability/bulk-drafts', {
    count: Math.ceil(COUNT / 2),
    status: 'signed',
  });
  await testability(setup, '/api/testability/bulk-threads', { count: COUNT });
} else {
  await testability(setup, '/api/testability/bulk-drafts', {
    count: COUNT,
    status: LIST === 'signed' ? 'signed' : 'draft',
  });
}
// Every run is a new tab in the same browser context: it shares the IndexedDB store (and the
// embedded backend's worker), and gets the session token as a restored tab would.
await context.addInitScript((value) => {
  if (value !== null) window.sessionStorage.setItem('intyga.session-token', value);
}, token);
await setup.close();

const samples: Sample[] = [];
console.log(`${title} with ${String(COUNT)} ${noun} + seed (production build, Chromium)`);
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

/**
 * The inbox only: a question sent as FK from another tab, until this tab's count line shows
 * it. The inbox tab notes (Date.now()) when its count line's total changes.
 */
async function arrival(inboxTab: Page, fkTab: Page, certificateId: string): Promise<number> {
  await inboxTab.evaluate(() => {
    const summary = document.querySelector('.list-summary');
    const before = summary?.textContent ?? '';
    Reflect.set(window, '__arrivedAt', -1);
    const observer = new MutationObserver(() => {
      const now = document.querySelector('.list-summary')?.textContent ?? '';
      if (now !== before && Reflect.get(window, '__arrivedAt') === -1) {
        Reflect.set(window, '__arrivedAt', Date.now());
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const sentAt = await fkTab.evaluate(async (id) => {
    const start = Date.now();
    const response = await fetch(`/api/testability/certificates/${id}/fk-messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'question', topic: 'KONTKT', text: 'Ring oss, tack.' }),
    });
    if (response.status !== 201) throw new Error(`fk-messages: HTTP ${String(response.status)}`);
    return start;
  }, certificateId);
  await inboxTab.waitForFunction(() => Number(Reflect.get(window, '__arrivedAt')) > 0, undefined, {
    timeout: 60_000,
  });
  const arrivedAt = await inboxTab.evaluate(() => Number(Reflect.get(window, '__arrivedAt')));
  return arrivedAt - sentAt;
}

const arrivals: number[] = [];
if (LIST === 'inbox') {
  const inboxTab = await context.newPage();
  await inboxTab.goto(`${base}${listPath}`);
  await inboxTab.locator('table.list-table[aria-busy="false"]').waitFor({ timeout: 120_000 });
  const fkTab = await context.newPage();
  await fkTab.goto(base);
  await fkTab.locator('h1').first().waitFor();
  // A sent certificate to write about: the one the first row of the inbox is on.
  const href = await inboxTab.locator('table.list-table tbody tr a').first().getAttribute('href');
  const certificateId = /\/intyg\/([^#]+)/.exec(href ?? '')?.[1];
  if (certificateId === undefined) throw new Error('no certificate in the inbox');
  for (let run = 0; run < RUNS; run += 1) {
    await inboxTab.locator('table.list-table[aria-busy="false"]').waitFor();
    arrivals.push(await arrival(inboxTab, fkTab, decodeURIComponent(certificateId)));
  }
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
    LIST === 'inbox'
      ? 'filter (Åtgärd = Komplettera) → filtered rows'
      : 'filter (type = FK 7800) → filtered rows',
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
if (arrivals.length > 0) {
  console.log(row('arrival: sent as FK in another tab → shown in the inbox tab', arrivals));
}
console.log('');
console.log(`filtered total: ${String(samples[0]?.total)} ${noun}`);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
