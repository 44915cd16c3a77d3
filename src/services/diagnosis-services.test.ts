import { describe, expect, it, vi } from 'vitest';
import { loginOverApi, startTestBackend } from '../testing/test-backend';
import { rendererServices } from './diagnosis-services';

startTestBackend();

/** The URLs of the requests the app sends while `work` runs. */
async function urlsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(globalThis, 'fetch');
  await work();
  const urls = spy.mock.calls.map(([input]) =>
    input instanceof Request ? input.url : String(input),
  );
  spy.mockRestore();
  return urls;
}

describe('the diagnosis services', () => {
  it('search with the text in a POST body, never in the URL', async () => {
    await loginOverApi('physician');
    const identityNumber = '19791212-9280';
    const urls = await urlsDuring(() => rendererServices.searchDiagnoses(identityNumber));
    expect(urls).toEqual(['/api/diagnoses/search']);
    await expect(rendererServices.searchDiagnoses('utmattning')).resolves.toContainEqual({
      code: 'F438A',
      title: 'Utmattningssyndrom',
    });
  });

  it('look up a code-shaped text, and refuse to send anything else', async () => {
    await loginOverApi('physician');
    await expect(rendererServices.lookupDiagnosis('F438A')).resolves.toEqual({
      code: 'F438A',
      title: 'Utmattningssyndrom',
    });
    await expect(rendererServices.lookupDiagnosis('Q999X')).resolves.toBeUndefined();
    for (const text of ['197912129280', '19791212-9280', 'utmattning', 'F43.8A/../x']) {
      let found: unknown = 'not called';
      const urls = await urlsDuring(async () => {
        found = await rendererServices.lookupDiagnosis(text);
      });
      expect(found).toBeUndefined();
      expect(urls).toEqual([]);
    }
  });
});
