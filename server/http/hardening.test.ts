import { describe, expect, it } from 'vitest';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { sessionPingResponseSchema } from '../../src/contracts/session';
import { defaultSessionSettings, seedPatients, seedUsers } from '../seed/seed-data';
import {
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  MAX_SESSIONS_PER_USER,
  nestsDeeperThan,
  SESSION_MAX_LIFETIME_MS,
} from './support';

const backend = startTestBackend();

const call = callApi;
const patientId = seedPatients.adult.id;

async function moveClock(offsetMs: number) {
  await backend.db.write(async (tx) => {
    const settings = await tx.settings.get('settings');
    if (settings === undefined) throw new Error('not seeded');
    await tx.settings.put({ ...settings, clockOffsetMs: offsetMs });
  });
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
          'Fältet ”scenario” har ett värde som inte är tillåtet. Tillåtna värden: ”standard”, ”server-error”, ”network-error”, ”slow”, ”signing-error”, ”dialogue”.',
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

describe('session limits', () => {
  it('ends a session 12 hours after its log-in however active the user has been', async () => {
    const token = await loginOverApi('physician');
    const step = (defaultSessionSettings.idleTimeoutSeconds * 1000) / 2;
    let offset = 0;
    // Active all the time: a request every half idle-timeout, up to just before 12 hours.
    while (offset + step < SESSION_MAX_LIFETIME_MS) {
      offset += step;
      await moveClock(offset);
      const alive = await call('/api/session/keep-alive', { method: 'POST', token });
      expect(alive.status, `after ${offset / 60_000} minutes`).toBe(200);
    }
    await moveClock(SESSION_MAX_LIFETIME_MS);
    expect(await call('/api/session', { token })).toEqual({
      status: 401,
      body: { code: 'SESSION_EXPIRED', message: expect.stringContaining('12 timmar') },
    });
    expect((await call('/api/session', { token })).status).toBe(401);
  });

  it('tells the client how long is left, up to the absolute end', async () => {
    const token = await loginOverApi('physician');
    // 11 h 50 min later, kept alive: ten minutes left, less than the idle timeout.
    const step = (defaultSessionSettings.idleTimeoutSeconds * 1000) / 2;
    const target = SESSION_MAX_LIFETIME_MS - 10 * 60_000;
    for (let offset = step; offset <= target; offset += step) {
      await moveClock(offset);
      await call('/api/session/keep-alive', { method: 'POST', token });
    }
    await moveClock(target);
    const status = await call('/api/session/status', { token });
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ secondsLeft: expect.any(Number) });
    const { secondsLeft } = sessionPingResponseSchema.parse(status.body);
    expect(secondsLeft).toBeLessThanOrEqual(10 * 60);
    expect(secondsLeft).toBeGreaterThan(9 * 60);
  });

  it(`keeps at most ${MAX_SESSIONS_PER_USER} live sessions per user: a new log-in ends the oldest`, async () => {
    const other = await loginOverApi('nurse');
    const tokens: string[] = [];
    for (let i = 0; i <= MAX_SESSIONS_PER_USER; i += 1) {
      await moveClock(i * 1000);
      tokens.push(await loginOverApi('secondPhysician'));
    }
    const [oldest, ...newer] = tokens;
    expect(oldest).toBeDefined();
    expect(await call('/api/session', { token: oldest })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    for (const token of newer) expect((await call('/api/session', { token })).status).toBe(200);
    // Another user's session is not touched.
    expect((await call('/api/session', { token: other })).status).toBe(200);
    const audit = await backend.db.read((tx) => tx.audit.getAll());
    expect(
      audit.filter(
        (a) => a.action === 'session-evicted' && a.userId === seedUsers.secondPhysician.id,
      ),
    ).toHaveLength(1);
  });
});

describe('request bodies', () => {
  it(`refuses a body above ${String(MAX_BODY_BYTES)} bytes with 413, in the error shape`, async () => {
    const token = await loginOverApi('physician');
    const query = 'j'.repeat(MAX_BODY_BYTES);
    const answer = await call('/api/diagnoses/search', {
      method: 'POST',
      body: JSON.stringify({ query }),
      token,
    });
    expect(answer).toEqual({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE', message: 'Begäran är för stor. Den får vara högst 2 MB.' },
    });
  });

  it('asks for the session before it reads a body, however large', async () => {
    const answer = await call('/api/diagnoses/search', {
      method: 'POST',
      body: JSON.stringify({ query: 'j'.repeat(MAX_BODY_BYTES) }),
    });
    expect(answer.status).toBe(401);
  });

  it.each([MAX_JSON_DEPTH + 1, 10_000])(
    'refuses a body nested %i levels deep with 400 before parsing it',
    async (levels) => {
      const token = await loginOverApi('physician');
      const id = await createTestCertificate({ type: 'fk7804', patientId, answers: 'empty' });
      const deep = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
      const answer = await call(`/api/certificates/${id}/answers`, {
        method: 'PUT',
        body: `{"version":1,"answers":{"1":${deep}}}`,
        token,
      });
      expect(answer).toEqual({
        status: 400,
        body: { code: 'BAD_REQUEST', message: 'Begärans innehåll är för djupt nästlat.' },
      });
    },
  );

  it('counts only brackets outside strings', () => {
    const brackets = '[{'.repeat(MAX_JSON_DEPTH);
    expect(nestsDeeperThan(JSON.stringify({ text: brackets }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: `\\"${brackets}` }), 2)).toBe(false);
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
  });
});
