import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { configDefaults } from 'vitest/config';
import { developmentCsp, productionCsp, securityHeaders } from './server/node/security-headers.ts';

/**
 * The test files that run in jsdom: every component test (`.test.tsx`), and the few `.test.ts`
 * that test browser code without rendering: Web Storage (the session token, the editor's local
 * backup) and the app's API client. Every other `.test.ts` runs in Node's environment. A new
 * `.test.ts` that needs a DOM fails there on `window` or `document`; list it here.
 */
const domTestFiles = [
  '**/*.test.tsx',
  'src/lib/api-client.test.ts',
  'src/lib/session-store.test.ts',
  'src/services/diagnosis-services.test.ts',
  'src/features/certificate-editor/autosave/local-backup.test.ts',
  'src/features/certificate-editor/autosave/autosave-storage.test.ts',
  'src/features/certificate-editor/api/certificate-writes.test.ts',
];

/**
 * With the embedded backend on, index.html preloads its chunk (mocks/browser.ts: MSW and the
 * store) and the chunks it imports, so that they download beside the app's own JS instead of
 * after it: main.tsx imports it dynamically, which alone would start the download only once
 * the entry has run, and its imports only once the chunk has arrived.
 */
/**
 * The contracts name their schemas for the OpenAPI document (`named('Certificate', schema)`,
 * src/contracts/named.ts); the app never reads the names, so its build leaves them out:
 * `named('X', expr)` becomes `(expr)`, and the unused helper is tree-shaken.
 */
function stripSchemaNames(): Plugin {
  return {
    name: 'intyga:strip-schema-names',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/src/contracts/') || !code.includes('named(')) return null;
      return { code: code.replace(/\bnamed\(\s*['"`][A-Za-z0-9]+['"`],\s*/g, '('), map: null };
    },
  };
}

function preloadEmbeddedBackend(mockBackend: boolean): Plugin {
  let base = '/';
  return {
    name: 'intyga:preload-embedded-backend',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!mockBackend || context.bundle === undefined) return [];
        const chunk = Object.values(context.bundle).find(
          (output) =>
            output.type === 'chunk' &&
            output.facadeModuleId !== null &&
            /[\\/]mocks[\\/]browser\.ts$/.test(output.facadeModuleId),
        );
        if (chunk === undefined) return [];
        const { bundle } = context;
        // The chunk and its static imports, less what the entry preloads already.
        const closure = (fileName: string, seen: Set<string>): Set<string> => {
          const output = bundle[fileName];
          if (seen.has(fileName) || output?.type !== 'chunk') return seen;
          seen.add(fileName);
          for (const imported of output.imports) closure(imported, seen);
          return seen;
        };
        const entry = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.isEntry,
        );
        const preloaded =
          entry === undefined ? new Set<string>() : closure(entry.fileName, new Set());
        return [...closure(chunk.fileName, new Set())]
          .filter((fileName) => !preloaded.has(fileName))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    stripSchemaNames(),
    react(),
    preloadEmbeddedBackend(loadEnv(mode, process.cwd(), 'VITE_').VITE_MOCK_BACKEND !== 'off'),
  ],
  resolve: {
    // MSW's cookie store reaches tldts (90 KiB gzip of public-suffix data) through
    // tough-cookie; the embedded backend sets no cookies, see the stand-in's comment.
    alias: { tldts: fileURLToPath(new URL('./mocks/vendor/tldts-stand-in.ts', import.meta.url)) },
  },
  server: { headers: securityHeaders(developmentCsp) },
  preview: { headers: securityHeaders(productionCsp) },
  build: {
    target: 'es2022',
    // No source maps in the build: it is what gets served, and maps would publish the source.
    sourcemap: false,
    // Read by scripts/bundle-budget.mjs to follow what a first visit loads.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod and its configuration share a chunk, so that every chunk defining schemas
            // imports the configured zod (src/config/zod-setup.ts: no `new Function` probe
            // for the CSP to refuse). In one chunk, the configuration runs right after zod.
            {
              name: 'zod',
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]config[\\/]zod-setup\.ts$/,
            },
          ],
        },
      },
    },
  },
  test: {
    restoreMocks: true,
    // Vitest leaves a core to its main process (cores − 1); on the two-core machines that is
    // one worker, and the main process mostly waits: two workers there take two thirds of the
    // time (146 s instead of 226 s for the whole suite).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Interaction tests type and tab like a user; on a shared 2-core machine under load one can
    // take several times longer than Vitest's 5 s default without anything being wrong (a whole
    // editor typed into took 21 s at a load of 13): a ceiling, not an expectation.
    testTimeout: 60_000,
    // Two projects, chosen by file name: jsdom costs each file about a second before its first
    // test, so only the tests that need a DOM get one. Projects rather than a per-file
    // `// @vitest-environment` comment: the setup differs with the environment (Testing Library
    // and jest-dom only in jsdom, the page origin only in Node), a new test needs no comment,
    // and moving folders changes nothing. `extends: true` keeps the plugins, alias and options
    // above. Run one with `npx vitest run --project node` (or `dom`).
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...domTestFiles],
          setupFiles: ['./src/testing/setup-tests.ts', './src/testing/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: domTestFiles,
          setupFiles: ['./src/testing/setup-tests.ts', './src/testing/setup-dom.ts'],
        },
      },
    ],
  },
}));
