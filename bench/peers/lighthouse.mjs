#!/usr/bin/env node
// Lighthouse (npm `lighthouse` 12.2.3, the last line that runs on Node 20) against
// local pages, offline. Used by `node run.mjs --lighthouse`, or standalone:
//
//   node lighthouse.mjs http://127.0.0.1:4173/rjsf.html [more URLs] [--runs 3]
//
// Each page is audited `runs` times (default 3; median score kept) with the default
// config: mobile form factor, simulated throttling (Lantern), categories
// performance + accessibility. Reports go to lighthouse/<name>-<i>.json.
//
// A target with `prepare` (run.mjs gives one to targets with a "session" block) is audited
// logged in: before each run, prepare() returns {userDataDir, sessionStorage, cleanup} (a
// fresh Chromium profile in which the log-in steps ran), and the run goes through
// lighthouse-session.mjs instead of the CLI (same flags and config; see that file).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');
const SESSION_RUNNER = path.join(ROOT, 'lighthouse-session.mjs');
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu';

const running = new Set();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {}
  }
});

function lhOnce(url, outFile, sessionFile) {
  const args = sessionFile
    ? [SESSION_RUNNER, url, outFile, sessionFile]
    : [CLI, url, '--only-categories=performance,accessibility', `--chrome-flags=${CHROME_FLAGS}`, '--output=json', `--output-path=${outFile}`, '--quiet'];
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, args, {
      cwd: ROOT,
      detached: true, // own process group: chrome-launcher's Chromium is stopped with it if we are interrupted
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.add(c.pid);
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => {
      running.delete(c.pid);
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function runLighthouse(targets, { runs = 3 } = {}) {
  const outDir = path.join(ROOT, 'lighthouse');
  fs.mkdirSync(outDir, { recursive: true });
  const results = {};
  let version = null;
  for (const t of targets) {
    const reps = [];
    try {
      for (let i = 0; i < runs; i++) {
        let lhr;
        let url = t.url;
        if (t.prepare) {
          const prep = await t.prepare();
          const sessionFile = path.join(outDir, `${t.name}-${i + 1}.session.json`);
          try {
            fs.writeFileSync(sessionFile, JSON.stringify({ userDataDir: prep.userDataDir, sessionStorage: prep.sessionStorage }));
            // a url made by the session steps (e.g. a new draft's) comes from prepare()
            url = prep.url ?? t.url;
            lhr = await lhOnce(url, path.join(outDir, `${t.name}-${i + 1}.json`), sessionFile);
          } finally {
            fs.rmSync(sessionFile, { force: true }); // holds a session token
            prep.cleanup?.();
          }
        } else lhr = await lhOnce(t.url, path.join(outDir, `${t.name}-${i + 1}.json`));
        version = lhr.lighthouseVersion;
        // a logged-in page must not have ended up elsewhere (e.g. on a log-in page)
        if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
          throw new Error(`${t.name}: Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url}`);
        if (lhr.runtimeError) throw new Error(`${t.name}: ${lhr.runtimeError.message}`);
        const a = lhr.audits;
        reps.push({
          performance: lhr.categories.performance.score,
          accessibility: lhr.categories.accessibility.score,
          fcpMs: a['first-contentful-paint'].numericValue,
          lcpMs: a['largest-contentful-paint'].numericValue,
          tbtMs: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
          runWarnings: (lhr.runWarnings || []).map(String),
          failedA11y: Object.values(a)
            .filter((x) => lhr.categories.accessibility.auditRefs.some((r) => r.id === x.id && r.weight > 0) && x.score === 0)
            .map((x) => x.id),
        });
      }
    } catch (e) {
      // one target failing (e.g. not logged in) does not cost the others their scores
      results[t.name] = { error: String(e.message || e), runs: reps };
      console.error(`[lighthouse] ${t.name}: FAILED: ${results[t.name].error}`);
      continue;
    }
    const pick = (k) => median(reps.map((r) => r[k]));
    results[t.name] = {
      performance: pick('performance'),
      accessibility: pick('accessibility'),
      fcpMs: pick('fcpMs'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      cls: pick('cls'),
      failedA11yAudits: [...new Set(reps.flatMap((r) => r.failedA11y))],
      runWarnings: [...new Set(reps.flatMap((r) => r.runWarnings))],
      runs: reps,
    };
    console.error(`[lighthouse] ${t.name}: performance ${Math.round(results[t.name].performance * 100)}, accessibility ${Math.round(results[t.name].accessibility * 100)}`);
  }
  const command = `${targets.some((t) => t.prepare) ? 'logged-in targets: node lighthouse-session.mjs (same flags, prepared profile); others: ' : ''}CHROME_PATH=/usr/bin/chromium npx lighthouse <url> --only-categories=performance,accessibility --chrome-flags="${CHROME_FLAGS}" --output=json --output-path=<file> --quiet`;
  return { results, command, version };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const ri = argv.indexOf('--runs');
  const runs = ri >= 0 ? Number(argv[ri + 1]) : 3;
  const urls = argv.filter((a, i) => !a.startsWith('--') && !(ri >= 0 && i === ri + 1));
  if (!urls.length) {
    console.error('usage: node lighthouse.mjs <url> [<url> ...] [--runs N]');
    process.exit(2);
  }
  const targets = urls.map((u) => ({ name: path.basename(new URL(u).pathname, '.html') || 'page', url: u }));
  runLighthouse(targets, { runs }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
