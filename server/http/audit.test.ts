import { describe, expect, it } from 'vitest';
import { certificateResponseSchema, type Certificate } from '../../src/contracts/certificates';
import { formatIdentityNumber } from '../../src/contracts/identity-number';
import { sessionSchema } from '../../src/contracts/session';
import { auditLogResponseSchema } from '../../src/contracts/testability';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { answerBuilders } from '../../mocks/builders/certificates';
import { careUnit, seedPatients, seedUsers } from '../seed/seed-data';

/**
 * The audit log (PDL) over a scripted journey: exactly the expected entries, in order, each
 * with who, role, purpose, unit, patient (by opaque id) and certificate; nothing for a test
 * person; no identity number anywhere.
 */

startTestBackend();

const { adult, testPerson } = seedPatients;

async function log() {
  const { status, body } = await callApi('/api/testability/audit');
  expect(status).toBe(200);
  return auditLogResponseSchema.parse(body).entries;
}

async function certificateCall(
  path: string,
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  body?: unknown,
  expected = 200,
): Promise<Certificate | undefined> {
  const response = await callApi(path, { method, token, body });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(expected);
  return response.status === 204
    ? undefined
    : certificateResponseSchema.parse(response.body).certificate;
}

async function certificate(
  path: string,
  token: string,
  method: 'GET' | 'POST',
  body?: unknown,
  expected = 200,
): Promise<Certificate> {
  const result = await certificateCall(path, token, method, body, expected);
  if (result === undefined) throw new Error(`${path} answered without a certificate`);
  return result;
}

async function serverToday(token: string): Promise<string> {
  const { body } = await callApi('/api/session', { token });
  return sessionSchema.parse(body).today;
}

/** One patient's draft written, consented, signed, sent (not a test person's) and printed. */
async function writeAndSend(token: string, patientId: string): Promise<Certificate> {
  const today = await serverToday(token);
  await callApi('/api/patients/lookup', {
    method: 'POST',
    token,
    body: {
      identityNumber: patientId === adult.id ? adult.identityNumber : testPerson.identityNumber,
    },
  });
  await callApi(`/api/patients/${patientId}`, { token });
  const draft = await certificate(
    '/api/certificates',
    token,
    'POST',
    { type: 'fk7804', patientId },
    201,
  );
  const read = await certificate(`/api/certificates/${draft.id}`, token, 'GET');
  const answers = { ...read.answers, ...answerBuilders.fk7804.complete(today) };
  const first = await callApi(`/api/certificates/${draft.id}/answers`, {
    method: 'PUT',
    token,
    body: { version: read.version, answers },
  });
  expect(first.status).toBe(200);
  const second = await callApi(`/api/certificates/${draft.id}/answers`, {
    method: 'PUT',
    token,
    body: { version: read.version + 1, answers: { ...answers, '25': 'Ett tillägg.' } },
  });
  expect(second.status).toBe(200);
  const consented = await certificate(`/api/certificates/${draft.id}/consent`, token, 'POST', {
    version: read.version + 2,
    consent: { givenBy: 'patient', method: 'oral', givenOn: today },
  });
  const signed = await certificate(`/api/certificates/${draft.id}/sign`, token, 'POST', {
    version: consented.version,
    method: 'siths',
  });
  const sent =
    patientId === testPerson.id
      ? signed
      : await certificate(`/api/certificates/${draft.id}/send`, token, 'POST', {
          version: signed.version,
        });
  return certificate(`/api/certificates/${draft.id}/print`, token, 'POST', {
    version: sent.version,
  });
}

describe('the audit log (PDL)', () => {
  it('records a scripted journey exactly, in order, with who, role, purpose, unit and patient', async () => {
    const physician = await loginOverApi('physician');
    const original = await writeAndSend(physician, adult.id);

    const renewed = await certificate(
      `/api/certificates/${original.id}/renew`,
      physician,
      'POST',
      {
        version: original.version,
      },
      201,
    );
    const replacing = await certificate(
      `/api/certificates/${original.id}/replace`,
      physician,
      'POST',
      { version: original.version },
      201,
    );
    await certificateCall(
      `/api/certificates/${replacing.id}`,
      physician,
      'DELETE',
      {
        version: replacing.version,
      },
      204,
    );
    const locked = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      status: 'locked-draft',
    });
    const lockedDraft = await certificate(`/api/certificates/${locked}`, physician, 'GET');
    const copy = await certificate(
      `/api/certificates/${locked}/copy`,
      physician,
      'POST',
      {
        version: lockedDraft.version,
      },
      201,
    );
    await certificate(`/api/certificates/${original.id}/revoke`, physician, 'POST', {
      version: original.version,
      reason: 'other-serious-error',
      message: 'Fel diagnos angavs.',
    });
    await callApi('/api/auth/logout', { method: 'POST', token: physician });

    // A new session: its first save of a draft is logged again; a care administrator reads.
    const again = await loginOverApi('physician');
    await callApi(`/api/certificates/${renewed.id}/answers`, {
      method: 'PUT',
      token: again,
      body: { version: renewed.version, answers: { ...renewed.answers, '25': 'Förnyat.' } },
    });
    const careAdmin = await loginOverApi('careAdmin');
    await certificate(`/api/certificates/${original.id}`, careAdmin, 'GET');

    const entries = await log();
    const physicianId = seedUsers.physician.id;
    const careAdminId = seedUsers.careAdmin.id;
    const access = (
      action: string,
      certificateId: string | undefined,
      userId = physicianId,
      role = 'physician',
    ) => ({
      action,
      userId,
      unitHsaId: careUnit.hsaId,
      patientId: adult.id,
      ...(certificateId === undefined ? {} : { certificateId }),
      role,
      purpose: 'Vård och behandling',
    });
    const session = (action: string, userId = physicianId) => ({
      action,
      userId,
      unitHsaId: careUnit.hsaId,
    });
    const id = original.id;
    expect(entries.map(({ id: _id, at: _at, ...entry }) => entry)).toEqual([
      session('login'),
      access('patient-lookup', undefined),
      access('patient-read', undefined),
      access('certificate-create', id),
      access('certificate-read', id),
      access('certificate-update', id),
      access('certificate-consent', id),
      access('certificate-sign', id),
      access('certificate-send', id),
      access('certificate-print', id),
      access('certificate-renew', id),
      access('certificate-create', renewed.id),
      access('certificate-replace', id),
      access('certificate-create', replacing.id),
      access('certificate-delete', replacing.id),
      access('certificate-read', locked),
      access('certificate-copy', locked),
      access('certificate-create', copy.id),
      access('certificate-revoke', id),
      session('logout'),
      session('login'),
      access('certificate-update', renewed.id),
      session('login', careAdminId),
      access('certificate-read', id, careAdminId, 'care-admin'),
    ]);
    // Oldest first.
    const times = entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("logs nothing of a test person's patient data or certificates, and never an identity number", async () => {
    const physician = await loginOverApi('physician');
    await writeAndSend(physician, testPerson.id);
    const entries = await log();
    expect(entries.map((entry) => entry.action)).toEqual(['login']);

    await writeAndSend(physician, adult.id);
    const text = JSON.stringify(await log());
    for (const patient of [adult, testPerson]) {
      expect(text).not.toContain(patient.identityNumber);
      expect(text).not.toContain(formatIdentityNumber(patient.identityNumber));
      expect(text).not.toContain(patient.lastName);
    }
  });
});
