#!/usr/bin/env node
// FK 7800 form-engine benchmark driver.
//
//   node run.mjs                      build, start `vite preview`, bench rjsf/survey/jsonforms
//   node run.mjs --config extra.json  ... plus extra targets (e.g. the project's own app)
//
// Options (defaults in brackets):
//   --rounds N [5]        rounds; every round visits every target once, in rotated order
//   --loads N [3]         fresh page loads per target per round (mount samples)
//   --chars N [200]       keystrokes typed per round (one page per round)
//   --toggles N [20]      show/hide cycles per round
//   --key-delay MS [0]    pause between keystrokes (0: next key as soon as the previous one is painted)
//   --config FILE         JSON with {"targets":[...]} (see README / targets.example.json)
//   --only a,b            run only these target names
//   --no-peers            skip the built-in peer pages (only --config targets)
//   --no-build            reuse dist/ (else: generate + vite build first)
//   --port N [4173]       port for `vite preview`
//   --cpu-throttle N [1]  CDP CPU slowdown factor (e.g. 4 to mimic a slow laptop)
//   --lighthouse          also run Lighthouse (performance + accessibility) per target
//   --lighthouse-runs N [3]  Lighthouse runs per target (median kept)
//   --out FILE [results.json]
//   --headed              show the browser (debugging)
//
// A config target may carry a "session" block (log in once, then restore that state in
// every fresh context), "serviceWorkers": "allow", extra "marks" and "sizeGroups";
// see README "Adding our own engine".

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { probe } from './probe.js';
import { runLighthouse } from './lighthouse.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TEXT = 'Patienten har sedan 2019 haft tilltagande smarta i rygg och nacke, trotthet och nedsatt koncentration. Behandling med fysioterapi och KBT har gett begransad effekt. Aterkommande sjukskrivningar sedan 2020. ';

// ---------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(`--${n}`);
const opt = (n, d) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : d;
};
const O = {
  rounds: Number(opt('rounds', 5)),
  loads: Number(opt('loads', 3)),
  chars: Number(opt('chars', 200)),
  toggles: Number(opt('toggles', 20)),
  keyDelay: Number(opt('key-delay', 0)),
  config: opt('config', null),
  only: opt('only', null)?.split(','),
  peers: !flag('no-peers'),
  build: !flag('no-build'),
  port: Number(opt('port', 4173)),
  cpuThrottle: Number(opt('cpu-throttle', 1)),
  lighthouse: flag('lighthouse'),
  lighthouseRuns: Number(opt('lighthouse-runs', 3)),
  out: path.resolve(opt('out', path.join(ROOT, 'results.json'))),
  headed: flag('headed'),
};

// ---------------------------------------------------------------------------
// Processes we start are tracked here and stopped by PID on exit.
const started = [];
function startProcess(name, cmd, args, { cwd = ROOT, shell = false } = {}) {
  const child = spawn(cmd, args, { cwd, shell, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { name, pid: child.pid, child, log: '' };
  child.stdout.on('data', (d) => (entry.log += d));
  child.stderr.on('data', (d) => (entry.log += d));
  started.push(entry);
  log(`started ${name} (pid ${child.pid})`);
  return entry;
}
function stopAll() {
  for (const p of started.splice(0)) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
    try {
      process.kill(-p.pid, 'SIGTERM'); // its own process group (detached), so children stop too
      log(`stopped ${p.name} (pid ${p.pid})`);
    } catch {
      try {
        process.kill(p.pid, 'SIGTERM');
      } catch {}
    }
  }
}
process.on('exit', stopAll);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function run(cmd, args, cwd = ROOT) {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { cwd, stdio: 'inherit' });
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}
async function waitForUrl(url, timeoutMs = 60000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}
function log(...a) {
  console.error('[bench]', ...a);
}

// ---------------------------------------------------------------------------
// statistics
const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
};
const summary = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x));
  return { n: v.length, median: quantile(v, 0.5), p95: quantile(v, 0.95), min: v.length ? Math.min(...v) : null, max: v.length ? Math.max(...v) : null };
};
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

// Event Timing: the longest event of each interaction (keystroke / click), as INP does.
// Only events >= 16 ms are reported by the browser, so interactions without an entry
// count as 0 (i.e. "< 16 ms"). Durations run to the next paint and are rounded to 8 ms.
function interactionDurations(entries, count) {
  const byId = new Map();
  for (const e of entries) if (e.interactionId) byId.set(e.interactionId, Math.max(byId.get(e.interactionId) || 0, e.duration));
  const out = [...byId.values()];
  while (out.length < count) out.push(0);
  return out;
}

// ---------------------------------------------------------------------------
// targets
function peerTargets(base) {
  const file = path.join(ROOT, 'src/generated/targets.json');
  const t = JSON.parse(fs.readFileSync(file, 'utf8'));
  return ['rjsf', 'survey', 'jsonforms'].map((name) => ({
    name,
    url: `${base}/${t[name].page}`,
    page: t[name].page,
    ready: t[name].ready,
    moduleStartMark: 'bench:module-start',
    typeInto: { selector: t[name].typeInto },
    toggle: t[name].toggle,
    dependent: t[name].dependent,
    ruleChecks: t.ruleChecks[name],
    peer: true,
  }));
}
function loadConfigTargets(file) {
  const cfg = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(path.resolve(file));
  return (cfg.targets || []).map((t) => {
    for (const k of ['name', 'url', 'ready', 'typeInto', 'toggle', 'dependent'])
      if (!t[k]) throw new Error(`target ${t.name || '?'} in ${file}: missing "${k}"`);
    const ready = (Array.isArray(t.ready) ? t.ready : [t.ready]).map((r) => (typeof r === 'string' ? { selector: r } : r));
    const typeInto = typeof t.typeInto === 'string' ? { selector: t.typeInto } : t.typeInto;
    const toggle = typeof t.toggle === 'string' ? { on: t.toggle, off: t.toggle } : t.toggle;
    const server = t.server ? { ...t.server, cwd: path.resolve(dir, t.server.cwd || '.') } : null;
    let session = null;
    if (t.session) {
      if (!t.session.url) throw new Error(`target ${t.name} in ${file}: session needs "url" (the page where the steps start)`);
      session = { mode: 'restore', indexedDB: true, sessionStorage: true, maxAgeS: 300, steps: [], ...t.session };
      if (!['restore', 'login'].includes(session.mode)) throw new Error(`target ${t.name}: session.mode must be "restore" or "login"`);
    }
    if (t.serviceWorkers && !['allow', 'block'].includes(t.serviceWorkers)) throw new Error(`target ${t.name}: serviceWorkers must be "allow" or "block"`);
    return {
      ...t,
      ready,
      typeInto,
      toggle,
      moduleStartMark: t.moduleStartMark ?? 'bench:module-start',
      server,
      session,
      serviceWorkers: t.serviceWorkers || 'block',
      marks: t.marks || [],
      sizeGroups: t.sizeGroups || null,
      peer: false,
    };
  });
}

// ---------------------------------------------------------------------------
// browser helpers
let browser;
const contextOptions = (target) => ({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', serviceWorkers: target.serviceWorkers || 'block' });

// ---- logged-in targets (target.session) ----
// The steps run in a page of their own (a fresh context, or a persistent profile for
// Lighthouse): {goto}, {click}, {fill, value}, {press}, {waitFor}, {waitForURL}.
// Selectors are Playwright selectors (CSS, role=..., text=...).
// {evaluate, saveAs}: an expression evaluated in the page (through CDP, so a strict CSP does
// not refuse it); its awaited value is kept under saveAs, and "{saveAs}" in the target's
// url is replaced with it (e.g. the id of a draft the steps made). Returns those values.
async function runSessionSteps(page, session) {
  const vars = {};
  await page.goto(session.url, { waitUntil: 'domcontentloaded' });
  for (const st of session.steps) {
    const timeout = st.timeoutMs ?? 30000;
    if (st.evaluate) {
      const value = await page.evaluate(st.evaluate);
      if (st.saveAs) vars[st.saveAs] = value;
    }
    if (st.goto) await page.goto(new URL(st.goto, page.url()).href, { waitUntil: 'domcontentloaded' });
    if (st.fill) await page.locator(st.fill).first().fill(String(st.value ?? ''), { timeout });
    if (st.click) await page.locator(st.click).first().click({ timeout });
    if (st.press) await page.keyboard.press(st.press);
    if (st.waitFor) await page.locator(st.waitFor).first().waitFor({ timeout });
    if (st.waitForURL) await page.waitForURL(st.waitForURL, { timeout });
  }
  return vars;
}
// The target's url with "{name}" replaced by the session steps' saved values.
function targetUrl(target, vars = {}) {
  return target.url.replace(/\{(\w+)\}/g, (all, name) => {
    if (!(name in vars)) throw new Error(`${target.name}: url ${target.url} needs "${name}", which no session step saved`);
    return encodeURIComponent(String(vars[name]));
  });
}
// sessionStorage is not part of Playwright's storageState: read it here, replay it with an init script
async function readSessionStorage(page, session) {
  if (!session.sessionStorage) return null;
  const keys = Array.isArray(session.sessionStorage) ? session.sessionStorage : null;
  const items = await page.evaluate((keys) => {
    const all = Object.fromEntries(Object.entries(window.sessionStorage));
    return keys ? Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]])) : all;
  }, keys);
  return { origin: new URL(page.url()).origin, items };
}
function restoreSessionStorage({ origin, items }) {
  if (location.origin !== origin) return;
  try {
    for (const [k, v] of Object.entries(items)) if (window.sessionStorage.getItem(k) === null) window.sessionStorage.setItem(k, v);
  } catch {}
}
// One captured state per target, reused by every load; captured again (outside any timed
// load) once it is older than session.maxAgeS, so that server-side idle timeouts do not bite.
const sessionCache = new Map();
async function sessionState(target) {
  const S = target.session;
  const hit = sessionCache.get(target.name);
  if (hit && Date.now() - hit.at < S.maxAgeS * 1000) return hit;
  const t0 = Date.now();
  const context = await browser.newContext(contextOptions(target));
  try {
    const page = await context.newPage();
    const vars = await runSessionSteps(page, S);
    const state = {
      at: Date.now(),
      vars,
      storageState: await context.storageState({ indexedDB: !!S.indexedDB }),
      sessionStorage: await readSessionStorage(page, S),
    };
    sessionCache.set(target.name, state);
    const idb = state.storageState.origins.flatMap((o) => o.indexedDB || []).map((d) => `${d.name} (${d.stores.reduce((n, st) => n + st.records.length, 0)} records)`);
    log(`session ${target.name}: logged in and captured in ${Date.now() - t0} ms; IndexedDB: ${idb.join(', ') || 'none'}; sessionStorage keys: ${Object.keys(state.sessionStorage?.items || {}).join(', ') || 'none'}`);
    return state;
  } finally {
    await context.close();
  }
}
// For Lighthouse (a browser of its own): a fresh profile in which the steps have run.
async function prepareLighthouseProfile(target) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lh-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: !O.headed, args: CHROME_ARGS, ...contextOptions(target) });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const vars = await runSessionSteps(page, target.session);
    const sessionStorage = await readSessionStorage(page, target.session);
    return { userDataDir: dir, sessionStorage, url: targetUrl(target, vars), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await context.close();
  }
}

async function openPage(target, { collectSizes = false } = {}) {
  const S = target.session;
  const restored = S && S.mode === 'restore' ? await sessionState(target) : null;
  const context = await browser.newContext({ ...contextOptions(target), ...(restored ? { storageState: restored.storageState } : {}) });
  if (restored?.sessionStorage) await context.addInitScript(restoreSessionStorage, restored.sessionStorage);
  await context.addInitScript(probe, { ready: target.ready, moduleStartMark: target.moduleStartMark, marks: target.marks || [] });
  const page = await context.newPage();
  // mode "login": log in in this very context, then navigate (HTTP cache no longer cold)
  const vars = S && S.mode === 'login' ? await runSessionSteps(page, S) : restored?.vars;
  const url = targetUrl(target, vars);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (O.cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: O.cpuThrottle });
  const sizes = [];
  if (collectSizes) {
    // context-wide: also the requests a service worker makes for the page (deduplicated by URL later)
    context.on('response', async (res) => {
      const ct = (res.headers()['content-type'] || '').toLowerCase();
      const kind = ct.includes('javascript') ? 'js' : ct.includes('css') ? 'css' : null;
      if (!kind) return;
      try {
        const body = await res.body();
        sizes.push({ url: res.url(), kind, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
      } catch {}
    });
  }
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const ready = await page.evaluate(() => window.__benchProbe.whenReady()).catch(async (e) => {
    const url = page.url();
    await context.close().catch(() => {});
    throw new Error(`${target.name}: ${e.message} (page is at ${url}${errors.length ? '; page errors: ' + errors.join(' | ') : ''})`);
  });
  const snap = await page.evaluate(() => window.__benchProbe.snapshot());
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const load = {
    // page's own measure (module start -> all categories in DOM) when present, else probe's
    mount: snap.pageMount ?? (snap.moduleStart != null ? ready.dom - snap.moduleStart : null),
    moduleStart: snap.moduleStart,
    // target.marks, in ms after the module-start mark
    marks: Object.fromEntries(Object.entries(snap.marks || {}).map(([k, v]) => [k, v != null && snap.moduleStart != null ? v - snap.moduleStart : null])),
    readyDom: ready.dom,
    readyPaint: ready.paint,
    domContentLoaded: snap.domContentLoaded,
    domNodes: snap.domNodes,
    scriptMs: m.ScriptDuration * 1000,
    layoutMs: m.LayoutDuration * 1000,
    styleMs: m.RecalcStyleDuration * 1000,
    taskMs: m.TaskDuration * 1000,
    jsHeapMB: m.JSHeapUsedSize / 1048576,
  };
  if (collectSizes) await page.waitForLoadState('networkidle').catch(() => {});
  return { context, page, url, load, sizes, errors };
}

async function typeSamples(page, target) {
  let sel = target.typeInto.selector;
  const loc = sel ? page.locator(sel).first() : page.getByLabel(target.typeInto.label, { exact: !!target.typeInto.exact }).first();
  if (!sel) {
    // tag the labelled element so that the in-page probe can find it again
    await loc.evaluate((el) => el.setAttribute('data-bench-type-target', ''));
    sel = '[data-bench-type-target]';
  }
  await loc.scrollIntoViewIfNeeded();
  await loc.click();
  await page.keyboard.press('End');
  await page.evaluate((s) => window.__benchProbe.startTyping(s), sel);
  for (let i = 0; i < O.chars; i++) {
    const ch = TEXT[i % TEXT.length];
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.evaluate((n) => window.__benchProbe.waitTyping(n), i + 1);
    if (O.keyDelay) await page.waitForTimeout(O.keyDelay);
  }
  // let late re-renders / debounced handlers settle, then compare the text
  await page.waitForTimeout(300);
  const { samples, value } = await page.evaluate((s) => ({ samples: window.__benchProbe.typing, value: document.querySelector(s)?.value ?? '' }), sel);
  const expected = Array.from({ length: O.chars }, (_, i) => TEXT[i % TEXT.length]).join('');
  const integrity = { expectedLength: expected.length, actualLength: value.length, intact: value === expected };
  if (!integrity.intact) log(`warning: ${target.name}: typed ${expected.length} chars, text area holds ${value.length} (${JSON.stringify(value.slice(0, 60))}...)`);
  return {
    integrity,
    samples: samples.map((s) => ({
      sync: s.tSync - s.t0,
      frame: s.tFrame - s.t0,
      paint: s.tPaint - s.t0,
      failed: !!s.failed,
    })),
  };
}

// target.afterTyping: {evaluate, timeoutMs}. `evaluate` is the source of a function of the
// typed text, run in the page, that resolves to {ok, detail}: e.g. read the stored draft
// back through the app's own backend and compare. Polled until ok or timeoutMs (default
// 10 s), outside any timed sample: it proves that the typed text was saved, not only shown.
async function afterTypingCheck(page, target) {
  const expected = Array.from({ length: O.chars }, (_, i) => TEXT[i % TEXT.length]).join('');
  const expression = `(${target.afterTyping.evaluate})(${JSON.stringify(expected)})`;
  const t0 = Date.now();
  const timeoutMs = target.afterTyping.timeoutMs ?? 10000;
  let last;
  for (;;) {
    last = await page.evaluate(expression).catch((e) => ({ ok: false, detail: String(e.message || e) }));
    if (last?.ok || Date.now() - t0 > timeoutMs) break;
    await page.waitForTimeout(200);
  }
  const out = { ok: !!last?.ok, afterMs: Date.now() - t0, detail: last?.detail };
  if (!out.ok) log(`warning: ${target.name}: after-typing check failed: ${JSON.stringify(out)}`);
  return out;
}

async function toggleSamples(page, target) {
  const out = [];
  const clickAndWait = async (selector, want) => {
    await page.locator(selector).first().scrollIntoViewIfNeeded();
    await page.evaluate(([d, w]) => window.__benchProbe.armToggle(d, w), [target.dependent, want]);
    await page.locator(selector).first().click();
    const s = await page.evaluate(() => window.__benchProbe.pendingToggle);
    out.push({ want, dom: s.tDom - s.t0, frame: s.tFrame - s.t0, paint: s.tPaint - s.t0, failed: !!s.failed });
  };
  for (let i = 0; i < O.toggles; i++) {
    await clickAndWait(target.toggle.on, true);
    await clickAndWait(target.toggle.off, false);
  }
  return out;
}

// Functional check of the show/hide rules (peer pages): click through the steps from
// src/generated/targets.json and check which dependent fields are visible.
async function checkRules(target) {
  const { context, page } = await openPage(target);
  const out = [];
  try {
    for (const st of target.ruleChecks) {
      if (st.click) {
        try {
          await page.locator(st.click).first().click({ timeout: 10000 });
        } catch (e) {
          // a selector that no longer matches is a failed step, not the end of the run
          out.push({ step: st.step, ok: false, error: String(e.message || e).split('\n')[0] });
          continue;
        }
      }
      const want = [...st.visible.map((d) => ({ ...d, want: true })), ...st.hidden.map((d) => ({ ...d, want: false }))];
      const got = await page.evaluate(async (want) => {
        const vis = (sel) => {
          const el = document.querySelector(sel);
          return !!el && el.checkVisibility({ visibilityProperty: true });
        };
        const t0 = performance.now();
        let res;
        do {
          await new Promise((r) => requestAnimationFrame(r));
          res = want.map((w) => ({ question: w.question, want: w.want, visible: vis(w.selector) }));
        } while (res.some((r) => r.visible !== r.want) && performance.now() - t0 < 2000);
        return res;
      }, want);
      const bad = got.filter((g) => g.visible !== g.want);
      out.push({ step: st.step, ok: bad.length === 0, ...(bad.length ? { wrong: bad } : {}) });
    }
  } finally {
    await context.close();
  }
  return { passed: out.filter((x) => x.ok).length, total: out.length, steps: out };
}

// ---------------------------------------------------------------------------
// JS/CSS size of the peer pages from the Vite manifest (chunks reachable from the page)
function manifestSizes(page) {
  const distDir = path.join(ROOT, 'dist');
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'));
  const files = new Map();
  const visit = (key) => {
    const e = manifest[key];
    if (!e) return;
    if (e.file && !e.file.endsWith('.html') && !files.has(e.file)) files.set(e.file, e.isEntry ? 'entry' : 'chunk');
    (e.css || []).forEach((f) => files.set(f, 'css'));
    (e.imports || []).forEach(visit);
  };
  visit(page);
  const chunks = [...files.keys()].map((f) => {
    const buf = fs.readFileSync(path.join(distDir, f));
    return { file: f, kind: f.endsWith('.css') ? 'css' : 'js', raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  return { chunks, ...totals(chunks) };
}
function totals(list) {
  const sum = (kind, k) => list.filter((c) => c.kind === kind).reduce((n, c) => n + c[k], 0);
  return { jsRaw: sum('js', 'raw'), jsGzip: sum('js', 'gzip'), cssRaw: sum('css', 'raw'), cssGzip: sum('css', 'gzip') };
}

// ---------------------------------------------------------------------------
async function main() {
  const loadAvgStart = os.loadavg(); // shared machine: recorded with the results
  const base = `http://127.0.0.1:${O.port}`;
  let targets = [];
  if (O.peers) {
    if (O.build) {
      await run(process.execPath, ['gen/generate.mjs']);
      await run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
    }
    if (!fs.existsSync(path.join(ROOT, 'dist/.vite/manifest.json'))) throw new Error('dist/ missing: run without --no-build');
    const preview = startProcess('vite preview', process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(O.port), '--strictPort']);
    await waitForUrl(`${base}/rjsf.html`).catch((e) => {
      throw new Error(`${e.message}\n${preview.log}`);
    });
    targets.push(...peerTargets(base));
  }
  if (O.config) targets.push(...loadConfigTargets(O.config));
  if (O.only) targets = targets.filter((t) => O.only.includes(t.name));
  if (!targets.length) throw new Error('no targets');
  for (const t of targets.filter((t) => t.server)) {
    startProcess(`${t.name} server`, t.server.command, [], { cwd: t.server.cwd, shell: true });
    await waitForUrl(t.server.url || t.url, t.server.timeoutMs || 120000);
  }

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: !O.headed, args: CHROME_ARGS });
  const chromiumVersion = browser.version();
  log(`chromium ${chromiumVersion}; targets: ${targets.map((t) => t.name).join(', ')}; rounds ${O.rounds} x loads ${O.loads}, ${O.chars} keys, ${O.toggles} toggles`);

  const R = Object.fromEntries(targets.map((t) => [t.name, { loads: [], typing: [], toggles: [], integrity: [], afterTyping: [], events: { typing: [], toggle: [] }, errors: [] }]));

  // warm-up: one unrecorded load per target (server + OS caches), which also records transfer sizes
  for (const t of targets) {
    const { context, sizes, errors, load } = await openPage(t, { collectSizes: true });
    const uniq = [...new Map(sizes.map((s) => [s.url, s])).values()];
    R[t.name].network = { resources: uniq, ...totals(uniq) };
    if (t.sizeGroups)
      R[t.name].network.groups = Object.fromEntries(
        Object.entries(t.sizeGroups).map(([label, re]) => {
          const inGroup = uniq.filter((r) => new RegExp(re).test(r.url));
          return [label, { pattern: re, files: inGroup.map((r) => r.url), ...totals(inGroup) }];
        }),
      );
    if (t.peer) R[t.name].manifest = manifestSizes(t.page);
    R[t.name].errors.push(...errors);
    await context.close();
    log(`warm-up ${t.name}: ready ${r1(load.readyPaint)} ms after navigation start, ${load.domNodes} DOM nodes, JS ${(R[t.name].network.jsGzip / 1024).toFixed(1)} KiB gzip`);
  }

  // show/hide rule check for the peer pages (the engines must implement the rules they are timed on)
  for (const t of targets.filter((t) => t.ruleChecks)) {
    R[t.name].ruleCheck = await checkRules(t);
    const rc = R[t.name].ruleCheck;
    log(`rule check ${t.name}: ${rc.passed}/${rc.total} steps ok` + (rc.passed < rc.total ? ' FAILED: ' + JSON.stringify(rc.steps.filter((x) => !x.ok)) : ''));
  }

  // chunks every peer page loads (React, react-dom, the harness' own few lines)
  const peerNames = targets.filter((t) => t.peer).map((t) => t.name);
  if (peerNames.length > 1) {
    const sets = peerNames.map((n) => new Set(R[n].manifest.chunks.map((c) => c.file)));
    const shared = R[peerNames[0]].manifest.chunks.filter((c) => sets.every((st) => st.has(c.file)));
    for (const n of peerNames) R[n].manifest.sharedWithAllPeers = { files: shared.map((c) => c.file), ...totals(shared) };
  }

  for (let round = 0; round < O.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    for (const t of order) {
      for (let l = 0; l < O.loads; l++) {
        const { context, page, load, errors } = await openPage(t);
        R[t.name].loads.push({ round, ...load });
        R[t.name].errors.push(...errors);
        if (l === O.loads - 1) {
          const { samples: typing, integrity } = await typeSamples(page, t);
          R[t.name].typing.push(...typing.map((s) => ({ round, ...s })));
          R[t.name].integrity.push(integrity);
          if (t.afterTyping) R[t.name].afterTyping.push(await afterTypingCheck(page, t));
          const toggles = await toggleSamples(page, t);
          R[t.name].toggles.push(...toggles.map((s) => ({ round, ...s })));
          // Event Timing entries are delivered after the paint: give the last ones time to arrive
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
          const ev = await page.evaluate(() => window.__benchProbe.events);
          R[t.name].events.typing.push(...interactionDurations(ev.filter((e) => e.phase === 'typing'), typing.length));
          R[t.name].events.toggle.push(...interactionDurations(ev.filter((e) => e.phase === 'show' || e.phase === 'hide'), toggles.length));
        }
        await context.close();
      }
      const last = R[t.name];
      log(
        `round ${round + 1}/${O.rounds} ${t.name}: mount ${r1(last.loads.at(-1).mount)} ms, ` +
          `key->frame median ${r1(quantile(last.typing.filter((s) => s.round === round).map((s) => s.frame), 0.5))} ms, ` +
          `show median ${r1(quantile(last.toggles.filter((s) => s.round === round && s.want).map((s) => s.frame), 0.5))} ms`,
      );
    }
  }
  await browser.close();

  // ---- summarise ----
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      chromium: chromiumVersion,
      loadAvgStart: loadAvgStart.map(r1), // 1, 5, 15 min, when run.mjs started
      loadAvgEnd: null, // set after Lighthouse (if any)
    },
    options: { ...O, out: path.relative(ROOT, O.out) },
    definitions: {
      mount: 'bench:module-start mark -> all "ready" selectors match (all 9 categories + last field in the DOM); ms',
      readyPaint: 'navigation start -> first paint task after the form is complete (includes download, parse, module evaluation); ms',
      keySync: 'keydown event timestamp -> end of the input event dispatch (engine handlers + React re-render done); ms',
      keyFrame: 'keydown event timestamp -> first requestAnimationFrame callback after the DOM shows the new value; ms',
      keyPaint: 'keydown -> task queued from that frame (after it was rendered); ms',
      showFrame: 'click event timestamp on the controlling field -> rAF after the dependent field is visible; ms',
      hideFrame: 'same for hiding; ms',
      eventTiming: 'Event Timing API (PerformanceObserver type "event", durationThreshold 16): longest event per interaction (INP-style), p98 over all keystrokes / show-hide clicks; interactions under 16 ms count as 0',
    },
    targets: {},
  };
  const rows = [];
  for (const t of targets) {
    const r = R[t.name];
    const typingOk = r.typing.filter((s) => !s.failed);
    const shows = r.toggles.filter((s) => s.want && !s.failed);
    const hides = r.toggles.filter((s) => !s.want && !s.failed);
    const sizes = r.manifest || r.network;
    const s = {
      url: t.url,
      metrics: {
        mount: summary(r.loads.map((l) => l.mount)),
        readyPaint: summary(r.loads.map((l) => l.readyPaint)),
        keySync: summary(typingOk.map((x) => x.sync)),
        keyFrame: summary(typingOk.map((x) => x.frame)),
        keyPaint: summary(typingOk.map((x) => x.paint)),
        showFrame: summary(shows.map((x) => x.frame)),
        showDom: summary(shows.map((x) => x.dom)),
        hideFrame: summary(hides.map((x) => x.frame)),
        scriptMsAtReady: summary(r.loads.map((l) => l.scriptMs)),
        jsHeapMB: summary(r.loads.map((l) => l.jsHeapMB)),
        ...Object.fromEntries((t.marks || []).map((n) => [`mark:${n}`, summary(r.loads.map((l) => l.marks?.[n]))])),
      },
      domNodes: r.loads.at(-1)?.domNodes,
      failures: { typing: r.typing.length - typingOk.length, toggles: r.toggles.filter((x) => x.failed).length },
      typedTextIntact: r.integrity.every((x) => x.intact),
      typedTextCheck: r.integrity,
      ...(t.afterTyping ? { afterTypingOk: r.afterTyping.every((x) => x.ok), afterTypingCheck: r.afterTyping } : {}),
      eventTiming: {
        keystrokeP98: quantile(r.events.typing, 0.98),
        keystrokeMax: r.events.typing.length ? Math.max(...r.events.typing) : null,
        keystrokesOver50msPct: r.events.typing.length ? (100 * r.events.typing.filter((d) => d > 50).length) / r.events.typing.length : null,
        clickP98: quantile(r.events.toggle, 0.98),
        clickMax: r.events.toggle.length ? Math.max(...r.events.toggle) : null,
      },
      size: { source: r.manifest ? 'vite manifest (dist/)' : 'network responses', jsRaw: sizes.jsRaw, jsGzip: sizes.jsGzip, cssRaw: sizes.cssRaw, cssGzip: sizes.cssGzip, groups: r.network?.groups },
      session: t.session ? { mode: t.session.mode, url: t.session.url, indexedDB: t.session.indexedDB, sessionStorage: !!t.session.sessionStorage } : undefined,
      serviceWorkers: t.serviceWorkers || 'block',
      sizeNetwork: r.network,
      sizeManifest: r.manifest,
      ruleCheck: r.ruleCheck ? { passed: r.ruleCheck.passed, total: r.ruleCheck.total, failed: r.ruleCheck.steps.filter((x) => !x.ok) } : undefined,
      pageErrors: [...new Set(r.errors)],
      raw: { loads: r.loads, typing: r.typing, toggles: r.toggles, eventTiming: r.events },
    };
    results.targets[t.name] = s;
    rows.push([t.name, s]);
  }

  if (O.lighthouse) {
    log('running Lighthouse (this takes ~15-30 s per page) ...');
    try {
      const lh = await runLighthouse(
        targets.map((t) => ({ name: t.name, url: t.url.includes('{') ? null : t.url, prepare: t.session ? () => prepareLighthouseProfile(t) : null })),
        { runs: O.lighthouseRuns },
      );
      for (const [name, v] of Object.entries(lh.results)) results.targets[name].lighthouse = v;
      results.lighthouse = { command: lh.command, version: lh.version };
    } catch (e) {
      // keep the timings of this run even if Lighthouse fails
      log(`Lighthouse failed: ${e.message}`);
      results.lighthouse = { error: String(e.message || e) };
      process.exitCode = 1;
    }
  }

  results.machine.loadAvgEnd = os.loadavg().map(r1);
  log(`load average (1/5/15 min): ${results.machine.loadAvgStart.join(' ')} at start, ${results.machine.loadAvgEnd.join(' ')} at end`);
  // raw samples rounded to 0.01 ms (the clocks are not finer than that) to keep the file small
  fs.writeFileSync(O.out, JSON.stringify(results, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 1) + '\n');
  const table = renderTable(rows, O.lighthouse) + renderMarks(rows, targets);
  console.log(table);
  fs.writeFileSync(path.join(path.dirname(O.out), 'results.md'), table + '\n');
  log(`wrote ${path.relative(process.cwd(), O.out)} and results.md`);
}

// targets' own performance marks (target.marks), ms after the module-start mark
function renderMarks(rows, targets) {
  const withMarks = targets.filter((t) => t.marks?.length);
  if (!withMarks.length) return '';
  const f = (x) => (x == null ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const lines = ['', '', 'Marks, ms after the module-start mark (median / p95):', ''];
  for (const t of withMarks) {
    const m = rows.find(([n]) => n === t.name)[1].metrics;
    const cells = t.marks.map((n) => `${n} ${f(m[`mark:${n}`].median)} / ${f(m[`mark:${n}`].p95)}`);
    lines.push(`- ${t.name}: ${cells.join('; ')}; ready selectors (mount) ${f(m.mount.median)} / ${f(m.mount.p95)}`);
  }
  return lines.join('\n');
}

function renderTable(rows, withLh) {
  const f = (x) => (x == null ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const mp = (m) => `${f(m.median)} / ${f(m.p95)}`;
  const kb = (b) => (b == null ? '–' : (b / 1024).toFixed(0));
  const head = ['engine', 'JS KiB raw / gzip', 'CSS KiB gzip', 'mount ms', 'nav→form painted ms', 'key sync ms', 'key→frame ms', 'show→frame ms', 'hide→frame ms', 'INP-style p98 key / click ms', 'DOM nodes'];
  if (withLh) head.push('LH perf / a11y');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [name, s] of rows) {
    const m = s.metrics;
    const cells = [
      name,
      `${kb(s.size.jsRaw)} / ${kb(s.size.jsGzip)}`,
      kb(s.size.cssGzip),
      mp(m.mount),
      mp(m.readyPaint),
      mp(m.keySync),
      mp(m.keyFrame),
      mp(m.showFrame),
      mp(m.hideFrame),
      `${f(s.eventTiming.keystrokeP98)} / ${f(s.eventTiming.clickP98)}`,
      String(s.domNodes ?? '–'),
    ];
    if (withLh) cells.push(s.lighthouse && !s.lighthouse.error ? `${Math.round(s.lighthouse.performance * 100)} / ${Math.round(s.lighthouse.accessibility * 100)}` : s.lighthouse?.error ? 'failed' : '–');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n\nTimes: median / p95. ' + 'Sizes: all JS/CSS the page loads (React included).';
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (browser) await browser.close().catch(() => {});
    stopAll();
  });
