import { env } from '../config/env';

/**
 * Starts the embedded backend when the mock flag is on. It is imported dynamically so
 * that MSW and the store never weigh on the app's own first-visit JS.
 * Returns why it failed, or undefined when the app may render.
 */
export async function startEmbeddedBackend(): Promise<string | undefined> {
  // The literal comparison is resolved at build time: a build without the embedded backend
  // (`npm run serve`) leaves its chunk (MSW, the store, the testability API) out entirely.
  if (import.meta.env.VITE_MOCK_BACKEND === 'off' || !env.mockBackend) return undefined;
  try {
    const { startMockBackend } = await import('../../mocks/browser');
    await startMockBackend();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
