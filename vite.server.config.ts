import { defineConfig } from 'vite';

/**
 * Builds the Node server (server/node/main.ts) into dist-server/main.js, which plain `node`
 * runs: Vite's SSR build resolves what only Vite understands (the FMB data's `?raw` imports)
 * and leaves every package in node_modules external. `npm run serve` then builds the app
 * without the embedded backend into dist-server/app, which the server serves.
 */
export default defineConfig({
  // No public/ copy: the app's own build (into dist-server/app) brings its public files.
  publicDir: false,
  build: {
    ssr: 'server/node/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rolldownOptions: {
      output: { entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
