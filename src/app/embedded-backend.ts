import { env } from '../config/env';

/**
 * Starts the embedded backend when the mock flag is on. It is imported dynamically so
 * that MSW and the store never weigh on the app's own first-visit JS.
 * Returns why it failed, or undefined when the app may render.
 */
export async function startEmbeddedBackend(): Promise<string | undefined> {
  if (!env.mockBackend) return undefined;
  try {
    const { startMockBackend } = await import('../../mocks/browser');
    await startMockBackend();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
