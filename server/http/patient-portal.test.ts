import { describe, expect, it } from 'vitest';
import {
  certificateResponseSchema,
  signedListResponseSchema,
} from '../../src/contracts/certificates';
import { endpointList } from '../../src/contracts/endpoints';
import { fkReceivedResponseSchema } from '../../src/contracts/fk';
import {
  portalCertificateListResponseSchema,
  portalCertificateResponseSchema,
  portalLoginOptionsResponseSchema,
  portalLoginResponseSchema,
} from '../../src/contracts/patient-portal';
import { auditLogResponseSchema } from '../../src/contracts/testability';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients } from '../seed/seed-data';
import { portalMessages } from '../domain/patient-portal';

/**
 * Mina intyg over the API: the patient's log-in, their list and their certificates (never a
 * draft, never someone else's, a revoked one without content), printing and sending, what care
 * and FK see of a patient's sending, the audit entries, and every patient endpoint refusing
 * another patient's certificate.
 */

const backend = startTestBackend();

const { adult, adultMan, testPerson, deceased } = seedPatients;

async function patientLogin(patientId: string = adult.id): Promise<string> {
  const response = await callApi('/api/patient-portal/auth/login', {
    method: 'POST',
    body: { patientId },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return portalLoginResponseSchema.required().parse(response.body).token;
}

async function portalCertificate(id: string, token: string) {
  const response = await callApi(`/api/patient-portal/certificates/${id}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return portalCertificateResponseSchema.parse(response.body).certificate;
}

function refusal(response: { status: number; body: unknown }): string {
  const body = response.body;
  const message =
    typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
  return `${String(response.status)} ${message}`;
}

/** Makes a signed certificate replace another, as a signed replacement does. */
async function replace(originalId: string): Promise<string> {
  const replacementId = await createTestCertificate({
    type: 'fk7210',
    patientId: adult.id,
    answers: 'complete',
    status: 'signed',
  });
  await backend.db.write(async (tx) => {
    const replacement = await tx.certificates.get(replacementId);
    if (replacement === undefined) throw new Error('no replacement');
    await tx.certificates.put({
      ...replacement,
      parent: { type: 'replaces', certificateId: originalId },
    });
  });
  return replacementId;
}

describe('log-in', () => {
  it('identifies the living patients, and no one else', async () => {
    const response = await callApi('/api/patient-portal/auth/login-options');
    const { people } = portalLoginOptionsResponseSchema.parse(response.body);
    const ids = people.map((person) => person.id);
    expect(ids).toContain(adult.id);
    expect(ids).not.toContain(deceased.id);
    const refused = await callApi('/api/patient-portal/auth/login', {
      method: 'POST',
      body: { patientId: deceased.id },
    });
    expect(refusal(refused)).toBe(`403 ${portalMessages.noSuchPerson}`);
    const unknown = await callApi('/api/patient-portal/auth/login', {
      method: 'POST',
      body: { patientId: 'patient-nobody' },
    });
    expect(refusal(unknown)).toBe(`403 ${portalMessages.noSuchPerson}`);
  });

  it('starts a session that names the patient and the server’s today', async () => {
    const token = await patientLogin();
    const response = await callApi('/api/patient-portal/session', { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      patient: { name: 'Karin Andersson', identityNumber: adult.identityNumber },
    });
    const logout = await callApi('/api/patient-portal/auth/logout', { method: 'POST', token });
    expect(logout.status).toBe(204);
    expect((await callApi('/api/patient-portal/session', { token })).status).toBe(401);
  });
});

describe("the patient's certificates", () => {
  it('lists only their own signed certificates of the types patients see, newest first', async () => {
    const older = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      answers: 'complete',
      status: 'sent',
      createdDaysAgo: 3,
    });
    const signed = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
      userId: 'user-physician-1',
    });
    const revoked = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      answers: 'complete',
      status: 'revoked',
      createdDaysAgo: 1,
    });
    await createTestCertificate({ type: 'fk7210', patientId: adult.id, answers: 'complete' });
    await createTestCertificate({
      type: 'fk7472',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
    });
    await createTestCertificate({
      type: 'fk7210',
      patientId: adultMan.id,
      answers: 'complete',
      status: 'signed',
    });

    const token = await patientLogin();
    const response = await callApi('/api/patient-portal/certificates', { token });
    expect(response.status).toBe(200);
    const { certificates } = portalCertificateListResponseSchema.parse(response.body);
    expect(certificates.map((row) => [row.id, row.status])).toEqual([
      [signed, 'signed'],
      [revoked, 'revoked'],
      [older, 'signed'],
    ]);
    expect(certificates[0]).toMatchObject({
      formNumber: 'FK 7210',
      unitName: 'Läkarmottagningen Sjöstaden',
      signedBy: { name: 'Anna Lindqvist' },
    });
    expect(certificates[0]?.sent).toBeUndefined();
    expect(certificates[2]?.sent).toMatchObject({ byPatient: false });
  });

  it('shows a revoked certificate as revoked, without its content, and offers nothing', async () => {
    const revoked = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      answers: 'complete',
      status: 'revoked',
    });
    const token = await patientLogin();
    const certificate = await portalCertificate(revoked, token);
    expect(certificate.status).toBe('revoked');
    expect(certificate.answers).toBeUndefined();
    expect(certificate.actions).toEqual([]);
    const print = await callApi(`/api/patient-portal/certificates/${revoked}/print`, {
      method: 'POST',
      token,
    });
    expect(refusal(print)).toBe(`409 ${portalMessages.revoked}`);
  });

  it('refuses a draft, an unknown id and another patient’s certificate alike', async () => {
    const draft = await createTestCertificate({ type: 'fk7210', patientId: adult.id });
    const others = await createTestCertificate({
      type: 'fk7210',
      patientId: adultMan.id,
      answers: 'complete',
      status: 'signed',
    });
    const notForPatients = await createTestCertificate({
      type: 'fk7472',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
    });
    const token = await patientLogin();
    for (const id of [draft, others, notForPatients, 'certificate-does-not-exist']) {
      const response = await callApi(`/api/patient-portal/certificates/${id}`, { token });
      expect(refusal(response), id).toBe(`403 ${portalMessages.noAccess}`);
    }
  });

  it('sends as the patient: FK receives it from the patient, care sees who sent it', async () => {
    const id = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
    });
    const token = await patientLogin();
    const before = await portalCertificate(id, token);
    expect(before.answers).toBeDefined();
    expect(before.actions).toEqual([
      { type: 'print', enabled: true },
      { type: 'send', enabled: true },
    ]);

    const sent = await callApi(`/api/patient-portal/certificates/${id}/send`, {
      method: 'POST',
      token,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const after = portalCertificateResponseSchema.parse(sent.body).certificate;
    expect(after.sent).toMatchObject({ byPatient: true });
    expect(after.actions).toEqual([{ type: 'print', enabled: true }]);

    const again = await callApi(`/api/patient-portal/certificates/${id}/send`, {
      method: 'POST',
      token,
    });
    expect(refusal(again)).toBe(`409 ${portalMessages.alreadySent}`);

    const received = fkReceivedResponseSchema.parse(
      (await callApi('/api/testability/fk-received')).body,
    ).received;
    expect(received.map((entry) => [entry.certificateId, entry.sentBy])).toEqual([[id, 'patient']]);

    const care = await loginOverApi('physician');
    const careView = certificateResponseSchema.parse(
      (await callApi(`/api/certificates/${id}`, { token: care })).body,
    ).certificate;
    expect(careView.sent?.by).toBe('patient');
    expect(careView.actions.find((action) => action.type === 'send')).toMatchObject({
      enabled: false,
    });
    const list = signedListResponseSchema.parse(
      (await callApi('/api/certificates/signed/query', { method: 'POST', token: care, body: {} }))
        .body,
    );
    expect(list.items.find((item) => item.id === id)).toMatchObject({ sentByPatient: true });
  });

  it('does not let a test person’s certificate, or a replaced one, be sent', async () => {
    const tests = await createTestCertificate({
      type: 'fk7210',
      patientId: testPerson.id,
      answers: 'complete',
      status: 'signed',
    });
    const testToken = await patientLogin(testPerson.id);
    expect((await portalCertificate(tests, testToken)).actions).toEqual([
      { type: 'print', enabled: true },
      { type: 'send', enabled: false, reason: portalMessages.testPerson },
    ]);
    const refused = await callApi(`/api/patient-portal/certificates/${tests}/send`, {
      method: 'POST',
      token: testToken,
    });
    expect(refusal(refused)).toBe(`409 ${portalMessages.testPerson}`);

    const original = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
      createdDaysAgo: 2,
    });
    const replacement = await replace(original);
    const token = await patientLogin();
    const replaced = await portalCertificate(original, token);
    expect(replaced.replacedBy?.id).toBe(replacement);
    expect(replaced.actions).toContainEqual({
      type: 'send',
      enabled: false,
      reason: portalMessages.replaced,
    });
    expect((await portalCertificate(replacement, token)).replaces).toBe(original);
  });

  it('logs the patient’s reads, prints and sends, and not a test person’s', async () => {
    const id = await createTestCertificate({
      type: 'fk7210',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
    });
    const token = await patientLogin();
    await portalCertificate(id, token);
    const printed = await callApi(`/api/patient-portal/certificates/${id}/print`, {
      method: 'POST',
      token,
    });
    expect(printed.status).toBe(204);
    await callApi(`/api/patient-portal/certificates/${id}/send`, { method: 'POST', token });

    const tests = await createTestCertificate({
      type: 'fk7210',
      patientId: testPerson.id,
      answers: 'complete',
      status: 'signed',
    });
    await portalCertificate(tests, await patientLogin(testPerson.id));

    const entries = auditLogResponseSchema
      .parse((await callApi('/api/testability/audit')).body)
      .entries.filter((entry) => entry.principal === 'patient');
    expect(entries.map((entry) => [entry.action, entry.patientId, entry.certificateId])).toEqual([
      ['login', adult.id, undefined],
      ['certificate-read', adult.id, id],
      ['certificate-print', adult.id, id],
      ['certificate-send', adult.id, id],
      ['login', testPerson.id, undefined],
    ]);
    expect(JSON.stringify(entries)).not.toContain(adult.identityNumber);
  });
});

describe('principals', () => {
  // Every care-unit and FK endpoint refusing a patient's session, and every patient endpoint
  // a care user's or FK's: ./guard-order.test.ts, for every endpoint of the registry.

  it("refuses other patients' certificates at every patient endpoint that takes an id", async () => {
    const others = await createTestCertificate({
      type: 'fk7210',
      patientId: adultMan.id,
      answers: 'complete',
      status: 'signed',
    });
    const token = await patientLogin();
    const byId = endpointList.filter(
      (endpoint) => endpoint.tag === 'patient-portal' && endpoint.path.includes('{id}'),
    );
    expect(byId.map((endpoint) => endpoint.id).sort()).toEqual([
      'getPortalCertificate',
      'printPortalCertificate',
      'sendPortalCertificate',
    ]);
    for (const endpoint of byId) {
      const response = await callApi(endpoint.path.replace('{id}', others), {
        method: endpoint.method.toUpperCase(),
        token,
      });
      expect(refusal(response), endpoint.id).toBe(`403 ${portalMessages.noAccess}`);
    }
    // Nothing of it changed: the other patient's certificate is neither sent nor read.
    const stored = await backend.db.read((tx) => tx.certificates.get(others));
    expect(stored?.sent).toBeUndefined();
    const entries = auditLogResponseSchema.parse(
      (await callApi('/api/testability/audit')).body,
    ).entries;
    expect(entries.filter((entry) => entry.certificateId === others)).toEqual([]);
  });
});
