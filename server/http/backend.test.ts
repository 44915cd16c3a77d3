import { describe, expect, it } from 'vitest';
import { callApi, startTestBackend, loginOverApi } from '../../src/testing/test-backend';
import { diagnosisSearchResponseSchema } from '../../src/contracts/diagnoses';
import {
  defaultSessionSettings,
  seedPatients,
  seedUsers,
  unknownIdentityNumber,
} from '../seed/seed-data';

const backend = startTestBackend();

const call = callApi;

/** Sets the backend clock's offset from the real clock. */
async function moveClock(offsetMs: number) {
  await backend.db.write(async (tx) => {
    const settings = await tx.settings.get('settings');
    if (settings === undefined) throw new Error('not seeded');
    await tx.settings.put({ ...settings, clockOffsetMs: offsetMs });
  });
}

describe('the embedded backend', () => {
  it('lists who may log in without a session', async () => {
    const { status, body } = await call('/api/auth/login-options');
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain(seedUsers.midwife.name);
  });

  it('refuses every other call without a session (401)', async () => {
    expect((await call('/api/session')).status).toBe(401);
    expect((await call('/api/work-counts')).status).toBe(401);
    const lookup = await call('/api/patients/lookup', {
      method: 'POST',
      body: { identityNumber: seedPatients.adult.identityNumber },
    });
    expect(lookup).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: expect.stringContaining('inte inloggad') },
    });
  });

  it('refuses a log-in at a unit where the user has no assignment (403)', async () => {
    const { status } = await call('/api/auth/login', {
      method: 'POST',
      body: { userId: seedUsers.nurse.id, unitHsaId: 'SE0000000000-XXXX' },
    });
    expect(status).toBe(403);
  });

  it('rejects malformed requests with 400 and a Swedish message', async () => {
    const token = await loginOverApi('physician');
    const notJson = await call('/api/patients/lookup', { method: 'POST', body: '{', token });
    expect(notJson).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Begäran saknar en giltig JSON-kropp.' },
    });
    const badNumber = await call('/api/patients/lookup', {
      method: 'POST',
      body: { identityNumber: '19791212-9280' },
      token,
    });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Identitetsnumret ska anges med 12 siffror.',
    });
  });

  it('finds a patient by the number in the body, and says so when nobody has it', async () => {
    const token = await loginOverApi('physician');
    const found = await call('/api/patients/lookup', {
      method: 'POST',
      body: { identityNumber: seedPatients.adult.identityNumber },
      token,
    });
    expect(found).toEqual({ status: 200, body: { patient: seedPatients.adult } });
    const missing = await call('/api/patients/lookup', {
      method: 'POST',
      body: { identityNumber: unknownIdentityNumber },
      token,
    });
    expect(missing.status).toBe(404);
  });

  it('never hands out the address of a patient with protected identity', async () => {
    const token = await loginOverApi('physician');
    const { body } = await call(`/api/patients/${seedPatients.protectedIdentity.id}`, { token });
    expect(body).toMatchObject({ patient: { protectedIdentity: true } });
    expect(JSON.stringify(body)).not.toContain('"address"');
  });

  it('audits lookups with the opaque patient id, never the identity number', async () => {
    const token = await loginOverApi('careAdmin');
    await call('/api/patients/lookup', {
      method: 'POST',
      body: { identityNumber: seedPatients.child.identityNumber },
      token,
    });
    const audit = await backend.db.read((tx) => tx.audit.getAll());
    const entry = audit.find(
      (a) => a.action === 'patient-lookup' && a.userId === seedUsers.careAdmin.id,
    );
    expect(entry?.patientId).toBe(seedPatients.child.id);
    expect(JSON.stringify(audit)).not.toContain(seedPatients.child.identityNumber);
  });

  it('ends a session idle for longer than the configured time', async () => {
    const token = await loginOverApi('physician');
    expect((await call('/api/session', { token })).status).toBe(200);
    await moveClock((defaultSessionSettings.idleTimeoutSeconds + 1) * 1000);
    const expired = await call('/api/session', { token });
    expect(expired).toEqual({
      status: 401,
      body: { code: 'SESSION_EXPIRED', message: expect.stringContaining('inaktiv') },
    });
    expect((await call('/api/session', { token })).status).toBe(401);
  });

  it('a status check does not extend the session; keep-alive does', async () => {
    const token = await loginOverApi('physician');
    const before = await backend.db.read((tx) => tx.sessions.get(token));
    await call('/api/session/status', { token });
    const after = await backend.db.read((tx) => tx.sessions.get(token));
    expect(after?.lastSeenAt).toBe(before?.lastSeenAt);
    const alive = await call('/api/session/keep-alive', { method: 'POST', token });
    expect(alive).toEqual({ status: 200, body: { secondsLeft: expect.any(Number) } });
  });

  it('background polling of the work counts does not keep an idle session alive', async () => {
    const token = await loginOverApi('physician');
    const before = await backend.db.read((tx) => tx.sessions.get(token));
    await moveClock(5000);
    expect((await call('/api/work-counts', { token })).status).toBe(200);
    const after = await backend.db.read((tx) => tx.sessions.get(token));
    expect(after?.lastSeenAt).toBe(before?.lastSeenAt);
    // A real request, five seconds later, does count.
    expect((await call('/api/session', { token })).status).toBe(200);
    const touched = await backend.db.read((tx) => tx.sessions.get(token));
    expect(touched?.lastSeenAt).toBeGreaterThanOrEqual((before?.lastSeenAt ?? 0) + 5000);
  });

  it('logs out: the token stops working', async () => {
    const token = await loginOverApi('nurse');
    expect((await call('/api/auth/logout', { method: 'POST', token })).status).toBe(204);
    expect((await call('/api/session', { token })).status).toBe(401);
  });

  it('applies a fault scenario to everything but the testability controls', async () => {
    const token = await loginOverApi('physician');
    expect(
      (await call('/api/testability/reset', { method: 'POST', body: { scenario: 'server-error' } }))
        .status,
    ).toBe(200);
    expect((await call('/api/session', { token })).status).toBe(500);
    await expect(fetch('/api/auth/login-options')).resolves.toHaveProperty('status', 500);
    expect(
      (
        await call('/api/testability/reset', {
          method: 'POST',
          body: { scenario: 'network-error' },
        })
      ).status,
    ).toBe(200);
    await expect(fetch('/api/auth/login-options')).rejects.toThrow();
    expect((await call('/api/testability/reset', { method: 'POST', body: {} })).status).toBe(200);
    expect((await call('/api/auth/login-options')).status).toBe(200);
  });

  it('answers an unknown API path with 404', async () => {
    expect((await call('/api/nothing-here')).status).toBe(404);
  });
});

describe('diagnosis search', () => {
  it('finds codes by words and by code prefix, for a logged-in user only', async () => {
    const search = (query: string, token?: string) =>
      call('/api/diagnoses/search', { method: 'POST', body: { query }, token });
    expect((await search('j06')).status).toBe(401);
    const token = await loginOverApi('physician');
    const words = await search('utmattning', token);
    expect(words.status).toBe(200);
    expect(JSON.stringify(words.body)).toContain('"code":"F438A","title":"Utmattningssyndrom"');
    const byCode = await search('j06', token);
    expect(byCode.body).toMatchObject({
      results: expect.arrayContaining([{ code: 'J069', title: expect.any(String) }]),
    });
  });

  it("answers a physician's words with the official code, the synonym beside it, 18 hits at most", async () => {
    const token = await loginOverApi('physician');
    const search = (query: string) =>
      call('/api/diagnoses/search', { method: 'POST', body: { query }, token });
    const frozen = diagnosisSearchResponseSchema.parse((await search('frusen skuldra')).body);
    expect(frozen.results[0]).toEqual({
      code: 'M750',
      title: 'Adhesiv kapsulit i skulderled',
      alias: { term: 'Frusen skuldra', source: 'KSH97-P' },
    });
    const broad = diagnosisSearchResponseSchema.parse((await search('a')).body);
    expect(broad.results).toHaveLength(18);
  });

  it('takes the search text only in the body, not in the query string', async () => {
    const token = await loginOverApi('physician');
    const inUrl = await call('/api/diagnoses/search?q=j06', { token });
    expect(inUrl.status).toBe(400);
    expect(JSON.stringify(inUrl.body)).not.toContain('j06');
  });

  it('refuses a search longer than 100 characters', async () => {
    const token = await loginOverApi('physician');
    const long = await call('/api/diagnoses/search', {
      method: 'POST',
      body: { query: 'a'.repeat(101) },
      token,
    });
    expect(long).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Sökningen är för lång. Skriv högst 100 tecken.' },
    });
  });

  it('looks a code up, and refuses one that is not in ICD-10-SE', async () => {
    const token = await loginOverApi('physician');
    expect(await call('/api/diagnoses/F43.8A', { token })).toEqual({
      status: 200,
      body: { diagnosis: { code: 'F438A', title: 'Utmattningssyndrom' } },
    });
    expect(await call('/api/diagnoses/Q999X', { token })).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Diagnoskoden Q99.9X finns inte i ICD-10-SE.' },
    });
  });

  it('refuses to look up a text that is not shaped like a code, and never echoes it', async () => {
    const token = await loginOverApi('physician');
    for (const text of ['197912129280', 'utmattning', 'J069'.repeat(30), 'F43.8A-extra']) {
      const answer = await call(`/api/diagnoses/${encodeURIComponent(text)}`, { token });
      expect(answer).toEqual({
        status: 400,
        body: { code: 'BAD_REQUEST', message: expect.stringContaining('Ange en diagnoskod') },
      });
      expect(JSON.stringify(answer.body)).not.toContain(text);
    }
  });
});
