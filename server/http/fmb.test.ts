import { describe, expect, it } from 'vitest';
import {
  fmbGuidanceResponseSchema,
  fmbSickLeaveCheckResponseSchema,
} from '../../src/contracts/fmb';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients } from '../seed/seed-data';
import { fmbMessages } from './fmb';

/**
 * FMB over the API: the guidance for codes (matched by shortening, or why none), and the
 * check of a draft's sick leave with the patient's ongoing sick leave on the unit.
 */

const backend = startTestBackend();

/** Gives a stored FK 7804 these sick-leave periods (question 32). */
async function setPeriods(id: string, periods: { from: string; to: string }[]): Promise<void> {
  await backend.db.write(async (tx) => {
    const record = await tx.certificates.get(id);
    if (record === undefined) throw new Error(`no certificate ${id}`);
    await tx.certificates.put({
      ...record,
      answers: {
        ...record.answers,
        '32': periods.map((period) => ({ code: 'HELT_NEDSATT', ...period })),
      },
    });
  });
}

async function check(token: string, body: unknown) {
  const response = await callApi('/api/fmb/sick-leave-check', { method: 'POST', token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return fmbSickLeaveCheckResponseSchema.parse(response.body);
}

describe('FMB guidance', () => {
  it('matches codes by shortening them, and says why a code has none', async () => {
    const token = await loginOverApi('physician');
    const response = await callApi('/api/fmb/guidance', {
      method: 'POST',
      token,
      body: { codes: ['J209', 'Z999', 'hej'] },
    });
    expect(response.status).toBe(200);
    const { guidance, source } = fmbGuidanceResponseSchema.parse(response.body);
    expect(source).toEqual({
      name: 'Socialstyrelsen, försäkringsmedicinskt beslutsstöd',
      snapshot: '2019-06-17',
    });
    expect(guidance[0]).toMatchObject({
      status: 'found',
      matchedCode: 'J20',
      heading: 'Akut bronkit',
    });
    expect(
      guidance[0]?.status === 'found' ? guidance[0].typfall.map((t) => t.maxDays) : [],
    ).toEqual([0, 14, undefined, undefined]);
    expect(guidance[1]).toEqual({ status: 'none', code: 'Z999', reason: fmbMessages.noGuidance });
    expect(guidance[2]).toEqual({ status: 'none', code: 'hej', reason: fmbMessages.notACode });
  });

  it('needs a care session', async () => {
    const response = await callApi('/api/fmb/guidance', {
      method: 'POST',
      body: { codes: ['J20'] },
    });
    expect(response.status).toBe(401);
  });
});

describe('the sick-leave check', () => {
  it('warns when three weeks exceed J20’s 14 days, and not for two', async () => {
    const draft = await createTestCertificate({ type: 'fk7804', patientId: seedPatients.adult.id });
    const token = await loginOverApi('physician');
    const long = await check(token, {
      certificateId: draft,
      codes: ['J20'],
      periods: [{ from: '2026-12-01', to: '2026-12-21' }],
    });
    expect(long).toMatchObject({
      recommendation: { code: 'J20', maxDays: 14 },
      proposedDays: 21,
      ongoingDays: 0,
      totalDays: 21,
    });
    expect(long.warning).toContain('14 dagar');
    const short = await check(token, {
      certificateId: draft,
      codes: ['J20'],
      periods: [{ from: '2026-12-01', to: '2026-12-14' }],
    });
    expect(short.warning).toBeUndefined();
  });

  it("counts the patient's signed FK 7804 on the unit ending 5 days before, not one 6 days before", async () => {
    const patientId = seedPatients.adult.id;
    const earlier = await createTestCertificate({
      type: 'fk7804',
      patientId,
      answers: 'complete',
      status: 'signed',
    });
    const draft = await createTestCertificate({ type: 'fk7804', patientId });
    await setPeriods(earlier, [{ from: '2026-11-20', to: '2026-11-25' }]);
    const token = await loginOverApi('physician');
    const body = {
      certificateId: draft,
      codes: ['J20'],
      periods: [{ from: '2026-12-01', to: '2026-12-10' }],
    };
    // 26–30 November: 5 days without sick leave.
    expect(await check(token, body)).toMatchObject({
      proposedDays: 10,
      ongoingDays: 6,
      totalDays: 16,
    });
    await setPeriods(earlier, [{ from: '2026-11-19', to: '2026-11-24' }]);
    expect(await check(token, body)).toMatchObject({ ongoingDays: 0, totalDays: 10 });
    // Another patient's sick leave never counts.
    const others = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adultMan.id,
      answers: 'complete',
      status: 'signed',
    });
    await setPeriods(others, [{ from: '2026-11-25', to: '2026-11-30' }]);
    expect(await check(token, body)).toMatchObject({ ongoingDays: 0 });
  });

  it('refuses a certificate the user may not read', async () => {
    const draft = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.protectedIdentity.id,
    });
    const token = await loginOverApi('careAdmin');
    const response = await callApi('/api/fmb/sick-leave-check', {
      method: 'POST',
      token,
      body: { certificateId: draft, codes: ['J20'], periods: [] },
    });
    expect(response.status).toBe(403);
  });
});
