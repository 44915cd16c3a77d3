// Keystroke benchmark: what one keystroke costs in the editor of a real FK 7800 draft, beside
// the floor — a bare <textarea> without any script of its own, put into the same page (same
// DOM, same styles) — in one run, taking turns. Measured as the peer bench measures "key
// sync": from the keydown event's timestamp to the end of the input event's dispatch at the
// window (the app's handlers and React's re-render done). Uses the production build (run
// `npm run build` first, or `npm run bench:typing`, which builds).
// Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-typing.ts [rounds] [keys]
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { servePreview } from './preview-server';

const port = 4181;
const ROUNDS = Number(process.argv[2] ?? 5);
const KEYS = Number(process.argv[3] ?? 100);
const QUESTION_5 = 'Bakgrund - beskriv kortfattat förloppet för aktuella sjukdomar';

/**
 * In-page probe (a string: tsx would add helpers to a function's source that the page lacks):
 * for the focused control, keydown timestamp → input dispatch done at the window, per key.
 */
const probe = `(() => {
  const samples = [];
  let t0 = -1;
  window.addEventListener('keydown', (event) => { t0 = event.timeStamp; }, true);
  window.addEventListener('input', () => {
    if (t0 >= 0) samples.push(performance.now() - t0);
    t0 = -1;
  }, false);
  window.__typingBench = { samples, reset: () => { samples.length = 0; } };
})();`;

function samplesOf(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const bench: unknown = Reflect.get(window, '__typingBench');
    const samples: unknown =
      typeof bench === 'object' && bench !== null ? Reflect.get(bench, 'samples') : [];
    return Array.isArray(samples) ? samples.filter((x): x is number => typeof x === 'number') : [];
  });
}

async function typeInto(page: Page, selector: string): Promise<number[]> {
  await page.locator(selector).click();
  await page.evaluate(() => {
    const bench: unknown = Reflect.get(window, '__typingBench');
    const reset: unknown =
      typeof bench === 'object' && bench !== null ? Reflect.get(bench, 'reset') : undefined;
    if (typeof reset === 'function') Reflect.apply(reset, undefined, []);
  });
  for (let i = 0; i < KEYS; i += 1) await page.keyboard.press(i % 6 === 5 ? 'Space' : 'e');
  return samplesOf(page);
}

const base = await servePreview(port);
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ locale: 'sv-SE' });
await context.addInitScript({ content: probe });
const page = await context.newPage();
await page.goto(base);
await page.getByRole('button', { name: /Anna Lindqvist/ }).click();
await page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' }).waitFor();
const certificateId = await page.evaluate(async () => {
  const response = await fetch('/api/testability/certificates', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'fk7800', patientId: 'patient-adult-1', answers: 'empty' }),
  });
  const body: unknown = await response.json();
  const id: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'certificateId') : undefined;
  if (response.status !== 201 || typeof id !== 'string') {
    throw new Error(`testability API: HTTP ${String(response.status)}`);
  }
  return id;
});
await page.goto(`${base}/intyg/${encodeURIComponent(certificateId)}`);
await page.getByLabel(QUESTION_5).first().waitFor();
// The floor: a bare textarea in the same form, with no listener of the app's.
await page.evaluate(() => {
  const bare = document.createElement('textarea');
  bare.id = 'bench-bare-textarea';
  bare.rows = 4;
  bare.setAttribute('aria-label', 'bare');
  document.querySelector('form')?.prepend(bare);
});
const questionSelector = await page
  .getByLabel(QUESTION_5)
  .first()
  .evaluate((element) => `#${CSS.escape(element.id)}`);

console.log(
  `Keystrokes in the FK 7800 editor (production build, Chromium), ${String(ROUNDS)} rounds × ${String(KEYS)} keys`,
);
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
const editor: number[] = [];
const bare: number[] = [];
await typeInto(page, questionSelector); // warm-up, not recorded
for (let round = 0; round < ROUNDS; round += 1) {
  editor.push(...(await typeInto(page, questionSelector)));
  bare.push(...(await typeInto(page, '#bench-bare-textarea')));
}
await browser.close();

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? Number.NaN;
const row = (label: string, values: number[]) =>
  `| ${label} | ${String(values.length)} | ${quantile(values, 0.5).toFixed(2)} | ${quantile(values, 0.95).toFixed(2)} |`;
console.log('');
console.log('| control | keys | key sync median ms | p95 ms |');
console.log('|---|---|---|---|');
console.log(row('question 5 (react-hook-form, engine, autosave)', editor));
console.log(row('bare textarea in the same page (the floor)', bare));
console.log('');
console.log(`editor / floor, median: ${(quantile(editor, 0.5) / quantile(bare, 0.5)).toFixed(2)}`);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
