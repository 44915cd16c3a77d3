// Form benchmark in a production build (run `npm run build` first):
//  - mount: from the entry module's start (performance mark 'bench:module-start') to the whole
//    form in the DOM ('intyga:form-mounted'), loading /galleri/<code> in a fresh page load,
//    with the embedded backend's start ('intyga:backend-ready') shown apart;
//  - per keystroke in a text area: the synchronous work (React's render and commit, flushed
//    before the next task) and how many questions re-render.
// Prints figures; asserts nothing. Run: npx tsx scripts/bench-form.ts [code ...]
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { servePreview } from './preview-server';

const port = 4179;
const args = process.argv.slice(2);
const codes = args.length > 0 ? args : ['fk7804', 'fk7800', 'fk7809'];
const MOUNT_RUNS = 7;
const KEYSTROKES = 60;

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => sorted(values)[Math.floor(values.length * 0.95)] ?? Number.NaN;
const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;

const base = await servePreview(port);
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext();
// The renderer reports each question render to this probe (src/form-renderer/render-probe.ts).
await context.addInitScript(() => {
  const renders: string[] = [];
  Reflect.set(window, '__renders', renders);
  Reflect.set(window, '__intygaRenderProbe', (id: string) => renders.push(id));
});
const page = await context.newPage();
await page.goto(base);
await page.getByRole('button', { name: /Anna Lindqvist/ }).click();
await page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' }).waitFor();

console.log(
  `Form benchmark (production build, Chromium, ${String(MOUNT_RUNS)} page loads per form, ${String(KEYSTROKES)} keystrokes)`,
);
for (const code of codes) {
  const mounts: number[] = [];
  const backends: number[] = [];
  let questions = 0;
  for (let run = 0; run < MOUNT_RUNS; run += 1) {
    await page.goto(`${base}/galleri/${code}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('intyga:form-mounted').length > 0,
    );
    // No named functions inside: tsx would wrap them in a helper the page does not have.
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
    questions = figures.questions;
  }

  const keystrokes = await page.evaluate(async (count) => {
    const area = [...document.querySelectorAll('textarea')].find((element) => !element.disabled);
    const renders: unknown = Reflect.get(window, '__renders');
    if (area === undefined || !Array.isArray(renders)) return null;
    area.focus();
    const samples: { took: number; renders: number; ids: string[] }[] = [];
    for (let i = 0; i < count; i += 1) {
      renders.length = 0;
      const start = performance.now();
      // The prototype's setter, as typing does, so that React sees the change.
      Reflect.set(HTMLTextAreaElement.prototype, 'value', `${area.value}a`, area);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      const took = performance.now() - start;
      samples.push({ took, renders: renders.length, ids: [...new Set(renders.map(String))] });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { samples, field: area.id };
  }, KEYSTROKES);

  console.log(`\n${code}: ${String(questions)} questions on screen`);
  console.log(
    `  mount (module start → form in DOM): median ${ms(median(mounts))}, min ${ms(Math.min(...mounts))}, max ${ms(Math.max(...mounts))}`,
  );
  console.log(
    `    of which the embedded backend's start (MSW + IndexedDB): median ${ms(median(backends))}; the app after it: median ${ms(median(mounts.map((mount, i) => mount - (backends[i] ?? 0))))}`,
  );
  if (keystrokes === null) {
    console.log('  no text area on the form');
    continue;
  }
  const times = keystrokes.samples.map((sample) => sample.took);
  const renderCounts = keystrokes.samples.map((sample) => sample.renders);
  const rerendered = [...new Set(keystrokes.samples.flatMap((sample) => sample.ids))];
  console.log(
    `  per keystroke in ${keystrokes.field}: median ${ms(median(times), 2)}, p95 ${ms(p95(times), 2)} of synchronous work`,
  );
  console.log(
    `  question renders per keystroke: median ${String(median(renderCounts))}, max ${String(Math.max(...renderCounts))} (questions re-rendered: ${rerendered.join(', ')})`,
  );
}

await browser.close();
process.exit(0);
