import { describe, expect, it } from 'vitest';
import { loginOverApi, startTestBackend } from '../../src/testing/test-backend';
import { seedUsers } from '../builders/seed-data';

startTestBackend();

async function call(path: string, init: { method?: string; body?: string; token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body ?? null,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: kept as text, so that the assertion shows what came back.
  }
  return { status: response.status, body };
}

/** Words of zod's English defaults (and English type names) that must never reach a user. */
const englishWords =
  /\b(invalid|expected|received|required|string|number|boolean|undefined|object|array|option|input|unrecognized|too (big|small))\b/i;

describe('malformed percent-escapes in API paths', () => {
  it.each([
    '/api/patients/%E0%A4%A',
    '/api/diagnoses/%',
    '/api/diagnoses/%zz',
    '/api/nothing-here/%C3',
    '/api/testability/%',
  ])('%s gets 400 in the error shape, not a 500', async (path) => {
    const token = await loginOverApi('physician');
    expect(await call(path, { token })).toEqual({
      status: 400,
      body: {
        code: 'BAD_REQUEST',
        message: 'Adressen innehåller ett ogiltigt tecken. Kontrollera adressen och försök igen.',
      },
    });
  });

  it('also before authentication and for every method', async () => {
    expect((await call('/api/patients/%E0%A4%A')).status).toBe(400);
    expect((await call('/api/auth/%', { method: 'POST', body: '{}' })).status).toBe(400);
  });

  it('leaves a well-formed escape alone', async () => {
    const token = await loginOverApi('physician');
    expect((await call('/api/diagnoses/F43%2E8A', { token })).status).toBe(200);
  });
});

describe('validation messages', () => {
  const physician = seedUsers.physician;

  it('are Swedish for wrong types, missing fields, unknown values and unknown keys', async () => {
    const token = await loginOverApi('physician');
    const cases: { path: string; body: unknown; message?: string }[] = [
      { path: '/api/auth/login', body: {}, message: 'Fältet ”userId” saknas.' },
      {
        path: '/api/auth/login',
        body: { userId: 5, unitHsaId: physician.unitHsaIds[0] },
        message: 'Fältet ”userId” ska vara text.',
      },
      {
        path: '/api/auth/login',
        body: [],
        message: 'Begärans innehåll ska vara ett objekt.',
      },
      {
        path: '/api/testability/reset',
        body: { scenario: 'nope' },
        message:
          'Fältet ”scenario” har ett värde som inte är tillåtet. Tillåtna värden: "standard", "server-error", "network-error", "slow".',
      },
      { path: '/api/testability/reset', body: { settings: { idleTimeoutSeconds: 'lång' } } },
      { path: '/api/testability/reset', body: { settings: { idleTimeoutSeconds: 1.5 } } },
      { path: '/api/testability/reset', body: 'standard' },
      { path: '/api/patients/lookup', body: {} },
      { path: '/api/patients/lookup', body: { identityNumber: 197912129280 } },
      { path: '/api/diagnoses/search', body: {} },
      {
        path: '/api/diagnoses/search',
        body: { query: 'j06', more: 'x' },
        message: 'Begärans innehåll innehåller ett fält som inte hör hit.',
      },
    ];
    for (const { path, body, message } of cases) {
      const answer = await call(path, { method: 'POST', body: JSON.stringify(body), token });
      expect(answer, `${path} ${JSON.stringify(body)}`).toEqual({
        status: 400,
        body: { code: 'BAD_REQUEST', message: message ?? expect.any(String) },
      });
      const text = JSON.stringify(answer.body);
      expect(text, `${path} ${JSON.stringify(body)}`).not.toMatch(englishWords);
      expect(text).toMatch(/[åäöÅÄÖ]|Ange|ska|får/);
    }
  });

  it('never echo an unknown key', async () => {
    const token = await loginOverApi('physician');
    const answer = await call('/api/diagnoses/search', {
      method: 'POST',
      body: JSON.stringify({ query: 'j06', ['ö'.repeat(500)]: 1 }),
      token,
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).not.toContain('ööö');
  });
});
