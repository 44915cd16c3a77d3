import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callApi, createTestCertificate, startTestBackend } from '../../src/testing/test-backend';
import { careUnit, secondCareUnit, seedPatients, seedUsers } from '../seed/seed-data';
import { careUnitChoicesResponseSchema } from '../../src/contracts/care-units';
import { sessionSchema } from '../../src/contracts/session';

const backend = startTestBackend();

const tokenSchema = z.object({ token: z.string(), session: sessionSchema.optional() });
const listSchema = z.object({ total: z.number(), items: z.array(z.object({ id: z.string() })) });
const inboxSchema = z.object({
  total: z.number(),
  items: z.array(z.object({ certificateId: z.string() })),
});

async function logIn(userId: string, unitHsaId?: string) {
  const response = await callApi('/api/auth/login', {
    method: 'POST',
    body: unitHsaId === undefined ? { userId } : { userId, unitHsaId },
  });
  expect(response.status).toBe(200);
  return tokenSchema.parse(response.body);
}

/** One certificate of each kind the lists show, at each unit; an FK question on the sent one. */
async function arrangeBothUnits() {
  const ids = { first: { draft: '', sent: '' }, second: { draft: '', sent: '' } };
  for (const [key, unit] of [
    ['first', careUnit],
    ['second', secondCareUnit],
  ] as const) {
    ids[key].draft = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      unitHsaId: unit.hsaId,
    });
    ids[key].sent = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'sent',
      unitHsaId: unit.hsaId,
    });
  }
  const asked = await callApi(`/api/testability/certificates/${ids.second.sent}/fk-messages`, {
    method: 'POST',
    body: { kind: 'question', topic: 'OVRIGT', text: 'En fråga till den andra mottagningen.' },
  });
  expect(asked.status).toBe(201);
  return ids;
}

describe('several care units', () => {
  it('lists each person once on the log-in page, with their units', async () => {
    const { body } = await callApi('/api/auth/login-options');
    const options = z
      .object({
        options: z.array(
          z.object({ user: z.object({ id: z.string() }), units: z.array(z.unknown()) }),
        ),
      })
      .parse(body).options;
    const physician = options.filter((option) => option.user.id === seedUsers.physician.id);
    expect(physician).toHaveLength(1);
    expect(physician[0]?.units).toHaveLength(2);
    expect(options.find((o) => o.user.id === seedUsers.nurse.id)?.units).toHaveLength(1);
  });

  it('logs a user with one unit straight in, and one with several to a choice of unit', async () => {
    expect((await logIn(seedUsers.nurse.id)).session?.unit.hsaId).toBe(careUnit.hsaId);
    const { token, session } = await logIn(seedUsers.physician.id);
    expect(session).toBeUndefined();
    // Every unit-scoped endpoint refuses until the unit is chosen.
    for (const [path, method] of [
      ['/api/session', 'GET'],
      ['/api/work-counts', 'GET'],
      ['/api/certificates/drafts/query', 'POST'],
      ['/api/threads/query', 'POST'],
      [`/api/patients/${seedPatients.adult.id}/certificates`, 'GET'],
    ] as const) {
      const refused = await callApi(path, {
        method,
        token,
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(refused, path).toEqual({
        status: 403,
        body: { code: 'UNIT_NOT_CHOSEN', message: 'Välj vårdenhet innan du fortsätter.' },
      });
    }
    expect((await callApi('/api/session/status', { token })).status).toBe(200);
    const choices = careUnitChoicesResponseSchema.parse(
      (await callApi('/api/session/care-units', { token })).body,
    );
    expect(choices.currentUnitHsaId).toBeUndefined();
    expect(choices.units.map((choice) => choice.unit.hsaId)).toEqual([
      careUnit.hsaId,
      secondCareUnit.hsaId,
    ]);
    const chosen = await callApi('/api/session/care-unit', {
      method: 'PUT',
      token,
      body: { unitHsaId: secondCareUnit.hsaId },
    });
    expect(sessionSchema.parse(chosen.body).unit.name).toBe(secondCareUnit.name);
    expect((await callApi('/api/session', { token })).status).toBe(200);
  });

  it('refuses a unit where the user has no assignment, at log-in and in the choice', async () => {
    const nurse = await callApi('/api/auth/login', {
      method: 'POST',
      body: { userId: seedUsers.nurse.id, unitHsaId: secondCareUnit.hsaId },
    });
    expect(nurse.status).toBe(403);
    const { token } = await logIn(seedUsers.nurse.id);
    const choice = await callApi('/api/session/care-unit', {
      method: 'PUT',
      token,
      body: { unitHsaId: secondCareUnit.hsaId },
    });
    expect(choice.status).toBe(403);
    const session = sessionSchema.parse((await callApi('/api/session', { token })).body);
    expect(session.unit.hsaId).toBe(careUnit.hsaId);
  });

  it('scopes every list, count and resource to the chosen unit, and audits the switch', async () => {
    const ids = await arrangeBothUnits();
    const { token } = await logIn(seedUsers.physician.id, careUnit.hsaId);
    const choose = (unitHsaId: string) =>
      callApi('/api/session/care-unit', { method: 'PUT', token, body: { unitHsaId } });

    const seen = async () => ({
      counts: (await callApi('/api/work-counts', { token })).body,
      drafts: listSchema
        .parse(
          (await callApi('/api/certificates/drafts/query', { method: 'POST', token, body: {} }))
            .body,
        )
        .items.map((item) => item.id),
      signed: listSchema
        .parse(
          (await callApi('/api/certificates/signed/query', { method: 'POST', token, body: {} }))
            .body,
        )
        .items.map((item) => item.id),
      inbox: inboxSchema
        .parse((await callApi('/api/threads/query', { method: 'POST', token, body: {} })).body)
        .items.map((item) => item.certificateId),
      patient: JSON.stringify(
        (await callApi(`/api/patients/${seedPatients.adult.id}/certificates`, { token })).body,
      ),
    });

    const first = await seen();
    expect(first.counts).toEqual({ unhandledThreads: 0, unsignedDrafts: 1 });
    expect(first.drafts).toEqual([ids.first.draft]);
    expect(first.signed).toEqual([ids.first.sent]);
    expect(first.inbox).toEqual([]);
    expect(first.patient).toContain(ids.first.sent);
    expect(first.patient).not.toContain(ids.second.sent);
    expect(first.patient).not.toContain(ids.second.draft);

    // The choice counts each unit as its badges do, for this user.
    const choices = careUnitChoicesResponseSchema.parse(
      (await callApi('/api/session/care-units', { token })).body,
    );
    expect(choices.currentUnitHsaId).toBe(careUnit.hsaId);
    expect(choices.units.map((choice) => choice.counts)).toEqual([
      { unhandledThreads: 0, unsignedDrafts: 1 },
      { unhandledThreads: 1, unsignedDrafts: 1 },
    ]);

    // The other unit's resources are refused by id, exactly as an id that names nothing.
    const nothing = await callApi('/api/certificates/no-such-certificate', { token });
    expect(nothing.status).toBe(403);
    for (const id of [ids.second.draft, ids.second.sent]) {
      expect(await callApi(`/api/certificates/${id}`, { token })).toEqual(nothing);
      expect((await callApi(`/api/certificates/${id}/threads`, { token })).status).toBe(403);
    }
    const save = await callApi(`/api/certificates/${ids.second.draft}/answers`, {
      method: 'PUT',
      token,
      body: { version: 1, answers: {} },
    });
    expect(save.status).toBe(403);
    const sign = await callApi(`/api/certificates/${ids.second.draft}/sign`, {
      method: 'POST',
      token,
      body: { version: 1 },
    });
    expect(sign.status).toBe(403);

    expect((await choose(secondCareUnit.hsaId)).status).toBe(200);
    const second = await seen();
    expect(second.counts).toEqual({ unhandledThreads: 1, unsignedDrafts: 1 });
    expect(second.drafts).toEqual([ids.second.draft]);
    expect(second.signed).toEqual([ids.second.sent]);
    expect(second.inbox).toEqual([ids.second.sent]);
    expect(second.patient).not.toContain(ids.first.sent);
    expect((await callApi(`/api/certificates/${ids.first.draft}`, { token })).status).toBe(403);
    expect((await callApi(`/api/certificates/${ids.second.draft}`, { token })).status).toBe(200);

    const audit = await backend.db.read((tx) => tx.audit.getAll());
    expect(audit.filter((entry) => entry.action === 'care-unit-chosen')).toEqual([
      expect.objectContaining({
        userId: seedUsers.physician.id,
        unitHsaId: secondCareUnit.hsaId,
      }),
    ]);
  });
});
