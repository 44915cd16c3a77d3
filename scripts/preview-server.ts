import { spawn } from 'node:child_process';

/**
 * Serves the production build (`dist/`) with `vite preview` on localhost:port for a
 * benchmark, stops it when the process exits, and resolves with its base URL once it answers.
 */
export async function servePreview(port: number): Promise<string> {
  const base = `http://localhost:${String(port)}`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', 'localhost'],
    // Its own process group: npx and the vite process under it stop together.
    { stdio: 'ignore', detached: true },
  );
  process.on('exit', () => {
    if (server.pid === undefined) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(base)).ok) return base;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('preview server did not start');
}
