import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { certificateResponseSchema, type Certificate } from '../../src/contracts/certificates';
import { fkCaseResponseSchema, fkLoginResponseSchema } from '../../src/contracts/fk';
import { portalLoginResponseSchema } from '../../src/contracts/patient-portal';
import {
  certificateThreadsResponseSchema,
  threadResponseSchema,
} from '../../src/contracts/threads';
import fk7804 from '../../src/definitions/fk7804.json';
import {
  addDefinitionVersionsForTests,
  currentVersion,
  isCurrentVersion,
  loadDefinitionVersion,
} from '../../src/definitions';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients } from '../seed/seed-data';

/**
 * Definitions are read by code *and* version on every path. A test-only FK 7804 version
 * "2.1" becomes current after certificates were written on the shipped "2.0": those
 * still open (care, FK, Mina intyg), are questioned, complemented on their own version and
 * revoked, while new drafts and renewals get the new version.
 */

startTestBackend();

const OLD = '2.0';
const NEW = '2.1';
let restore: () => void = () => undefined;

/** The shipped FK 7804 as a new version, with one label changed so the versions differ. */
const newVersion = {
  ...fk7804,
  version: NEW,
  name: `${fk7804.name} (testversion)`,
};

function makeNewVersionCurrent(): void {
  restore = addDefinitionVersionsForTests('fk7804', new Map([[NEW, newVersion]]), NEW);
}

beforeEach(() => {
  expect(currentVersion('fk7804')).toBe(OLD);
});
afterEach(() => {
  restore();
  restore = () => undefined;
});

async function certificateOf(id: string, token: string): Promise<Certificate> {
  const response = await callApi(`/api/certificates/${id}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return certificateResponseSchema.parse(response.body).certificate;
}

describe('a second version of a type', () => {
  it('is read by its own version, and the registry tells which one is current', async () => {
    makeNewVersionCurrent();
    expect(currentVersion('fk7804')).toBe(NEW);
    expect(isCurrentVersion('fk7804', OLD)).toBe(false);
    expect((await loadDefinitionVersion('fk7804', OLD)).name).toBe(fk7804.name);
    expect((await loadDefinitionVersion('fk7804', NEW)).name).toBe(newVersion.name);
    await expect(loadDefinitionVersion('fk7804', '9.9')).rejects.toThrow(/9\.9/);
  });

  it('leaves a certificate on the old version whole: opened by care, FK and the patient, questioned, complemented on its version, revoked', async () => {
    const sent = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    makeNewVersionCurrent();
    const token = await loginOverApi('physician');
    const original = await certificateOf(sent, token);
    expect(original.definitionVersion).toBe(OLD);

    // FK's officer opens it in the simulator.
    const fkLogin = await callApi('/api/fk/auth/login', {
      method: 'POST',
      body: { officerId: 'fk-officer-1' },
    });
    const fkToken = fkLoginResponseSchema.parse(fkLogin.body).token;
    const fkCase = await callApi(`/api/fk/cases/${sent}`, { token: fkToken });
    expect(fkCase.status, JSON.stringify(fkCase.body)).toBe(200);
    expect(fkCaseResponseSchema.parse(fkCase.body)).toBeDefined();

    // The patient opens it in Mina intyg.
    const portalLogin = await callApi('/api/patient-portal/auth/login', {
      method: 'POST',
      body: { patientId: seedPatients.adult.id },
    });
    const portalToken = portalLoginResponseSchema.parse(portalLogin.body).token;
    const portal = await callApi(`/api/patient-portal/certificates/${sent}`, {
      token: portalToken,
    });
    expect(portal.status, JSON.stringify(portal.body)).toBe(200);
    expect(JSON.stringify(portal.body)).toContain(`"definitionVersion":"${OLD}"`);

    // FK asks for a complement; care complements it, on the certificate's own version.
    const asked = await callApi(`/api/testability/certificates/${sent}/fk-messages`, {
      method: 'POST',
      body: {
        kind: 'question',
        topic: 'KOMPLT',
        text: 'Vi behöver mer information om funktionsnedsättningen.',
        complements: [{ questionId: '35', instruction: 'Beskriv undersökningsfynden.' }],
      },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const threads = await callApi(`/api/certificates/${sent}/threads`, { token });
    const [request] = certificateThreadsResponseSchema.parse(threads.body).threads;
    if (request === undefined) throw new Error("FK's request is not among the threads");
    const session = z
      .object({ today: z.string() })
      .parse((await callApi('/api/session', { token })).body);
    const complemented = await callApi(`/api/threads/${request.id}/complement`, {
      method: 'POST',
      token,
      body: {
        version: request.version,
        consent: { givenBy: 'patient', method: 'oral', givenOn: session.today },
      },
    });
    expect(complemented.status, JSON.stringify(complemented.body)).toBe(201);
    const complement = certificateResponseSchema.parse(complemented.body).certificate;
    expect(complement.definitionVersion).toBe(OLD);
    expect(complement.relations.parent).toMatchObject({ type: 'complements', certificateId: sent });

    // An answer to an administrative question on it still goes through.
    const question = await callApi(`/api/testability/certificates/${sent}/fk-messages`, {
      method: 'POST',
      body: { kind: 'question', topic: 'OVRIGT', text: 'Hur länge har patienten varit sjuk?' },
    });
    expect(question.status).toBe(201);
    const all = certificateThreadsResponseSchema.parse(
      (await callApi(`/api/certificates/${sent}/threads`, { token })).body,
    ).threads;
    const other = all.find((thread) => thread.topic === 'OVRIGT');
    if (other === undefined) throw new Error("FK's question is not among the threads");
    const answered = await callApi(`/api/threads/${other.id}/answer`, {
      method: 'POST',
      token,
      body: { version: other.version, text: 'Sedan början av november.' },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(threadResponseSchema.parse(answered.body).thread.id).toBe(other.id);

    // Revoked, on its version.
    const current = await certificateOf(sent, token);
    const revoked = await callApi(`/api/certificates/${sent}/revoke`, {
      method: 'POST',
      token,
      body: { version: current.version, reason: 'other-serious-error', message: 'Fel patient.' },
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(certificateResponseSchema.parse(revoked.body).certificate).toMatchObject({
      status: 'revoked',
      definitionVersion: OLD,
    });
  });

  it('gives new drafts and renewals the new version, and a draft begun on the old one keeps it', async () => {
    const signed = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'signed',
      answers: 'complete',
    });
    const begun = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
      answers: 'complete',
    });
    makeNewVersionCurrent();
    const token = await loginOverApi('physician');

    const created = await callApi('/api/certificates', {
      method: 'POST',
      token,
      body: { type: 'fk7804', patientId: seedPatients.adult.id },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(certificateResponseSchema.parse(created.body).certificate.definitionVersion).toBe(NEW);

    const original = await certificateOf(signed, token);
    const renewed = await callApi(`/api/certificates/${signed}/renew`, {
      method: 'POST',
      token,
      body: { version: original.version },
    });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    const renewal = certificateResponseSchema.parse(renewed.body).certificate;
    expect(renewal.definitionVersion).toBe(NEW);
    expect(renewal.answers['35']).toEqual(original.answers['35']);

    // The draft begun before keeps its version: it opens, saves and signs on it.
    const draft = await certificateOf(begun, token);
    expect(draft.definitionVersion).toBe(OLD);
    const sign = await callApi(`/api/certificates/${begun}/sign`, {
      method: 'POST',
      token,
      body: { version: draft.version, method: 'siths' },
    });
    expect(sign.status, JSON.stringify(sign.body)).toBe(200);
    expect(certificateResponseSchema.parse(sign.body).certificate).toMatchObject({
      status: 'signed',
      definitionVersion: OLD,
    });
  });
});
