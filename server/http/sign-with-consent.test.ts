import { describe, expect, it } from 'vitest';
import { certificateResponseSchema, type ConsentInput } from '../../src/contracts/certificates';
import { fkReceivedResponseSchema } from '../../src/contracts/fk';
import { auditLogResponseSchema } from '../../src/contracts/testability';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients, seedUsers } from '../seed/seed-data';

/**
 * Consent captured in the signing step, and signing and sending in one step: the sign request carries it, and the backend records
 * it as `POST …/consent` does (the same record, audit entry and event, the same refusals)
 * before it checks that the draft is ready to sign.
 */

const backend = startTestBackend();

const today = new Date().toISOString().slice(0, 10);
const oralByPatient: ConsentInput = { givenBy: 'patient', method: 'oral', givenOn: today };

async function draftWithoutConsent(
  type: 'fk7804' | 'fk7472',
  answers: 'complete' | 'empty' = 'complete',
) {
  return createTestCertificate({
    type,
    patientId: seedPatients.adult.id,
    status: 'draft',
    answers,
    consent: false,
  });
}

async function stored(id: string) {
  const record = await backend.db.read((tx) => tx.certificates.get(id));
  if (record === undefined) throw new Error(`no certificate ${id}`);
  return record;
}

async function auditedActions(id: string): Promise<string[]> {
  const { body } = await callApi('/api/testability/audit');
  return auditLogResponseSchema
    .parse(body)
    .entries.filter((entry) => entry.certificateId === id)
    .map((entry) => entry.action);
}

async function readCertificate(id: string, token: string) {
  const { body } = await callApi(`/api/certificates/${id}`, { token });
  return certificateResponseSchema.parse(body).certificate;
}

function sign(id: string, token: string, body: Record<string, unknown>) {
  return callApi(`/api/certificates/${id}/sign`, {
    method: 'POST',
    token,
    body: { version: 1, method: 'siths', ...body },
  });
}

describe('signing with the consent captured in the signing step', () => {
  it('records the consent (record, event, audit entry) and signs in one request', async () => {
    const physician = await loginOverApi('physician');
    const id = await draftWithoutConsent('fk7804');
    const consent: ConsentInput = {
      givenBy: 'representative',
      representativeName: 'Eva Andersson',
      method: 'written',
      givenOn: today,
    };

    const signed = await sign(id, physician, { consent });

    expect(signed.status).toBe(200);
    const certificate = certificateResponseSchema.parse(signed.body).certificate;
    expect(certificate).toMatchObject({
      status: 'signed',
      consent: { ...consent, recordedBy: { name: seedUsers.physician.name } },
    });
    // FK 7804's policy sends separately: signing alone does not send it.
    expect(certificate.sent).toBeUndefined();
    const record = await stored(id);
    expect(record.consent?.recordedAt).toBe(record.signed?.at);
    const events = record.events.map((event) => event.type);
    expect(events.indexOf('consent-recorded')).toBeGreaterThan(-1);
    expect(events.indexOf('consent-recorded')).toBeLessThan(events.indexOf('signed'));
    const audited = await auditedActions(id);
    expect(audited.indexOf('certificate-consent')).toBeGreaterThan(-1);
    expect(audited.indexOf('certificate-consent')).toBeLessThan(
      audited.indexOf('certificate-sign'),
    );
  });

  it('signs and sends a type whose policy sends on signing, with the consent', async () => {
    const nurse = await loginOverApi('nurse');
    const id = await draftWithoutConsent('fk7472');

    const signed = await sign(id, nurse, { consent: oralByPatient });

    expect(signed.status).toBe(200);
    const certificate = certificateResponseSchema.parse(signed.body).certificate;
    expect(certificate.consent).toMatchObject(oralByPatient);
    expect(certificate.sent).toBeDefined();
    const { body } = await callApi('/api/testability/fk-received');
    expect(
      fkReceivedResponseSchema.parse(body).received.map((entry) => entry.certificateId),
    ).toContain(id);
    expect(await auditedActions(id)).toEqual(
      expect.arrayContaining(['certificate-consent', 'certificate-sign', 'certificate-send']),
    );
  });

  it('still refuses a sign without consent when none is recorded (CONSENT_MISSING)', async () => {
    const physician = await loginOverApi('physician');
    const id = await draftWithoutConsent('fk7804');

    const refused = await sign(id, physician, {});

    expect(refused).toMatchObject({ status: 422, body: { code: 'CONSENT_MISSING' } });
    expect((await stored(id)).status).toBe('draft');
  });

  it('refuses a consent as the consent endpoint does, and then records and signs nothing', async () => {
    const physician = await loginOverApi('physician');
    const id = await draftWithoutConsent('fk7804');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = { ...oralByPatient, givenOn: tomorrow };

    const bySigning = await sign(id, physician, { consent: future });
    const byEndpoint = await callApi(`/api/certificates/${id}/consent`, {
      method: 'POST',
      token: physician,
      body: { version: 1, consent: future },
    });
    expect(bySigning).toEqual(byEndpoint);
    expect(bySigning).toMatchObject({
      status: 400,
      body: { message: 'Datumet för samtycket kan inte ligga i framtiden.' },
    });

    const nameless = await sign(id, physician, {
      consent: { ...oralByPatient, givenBy: 'representative' },
    });
    expect(nameless).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('Ange företrädarens namn.') },
    });

    const record = await stored(id);
    expect(record).toMatchObject({ status: 'draft', version: 1 });
    expect(record.consent).toBeUndefined();
    expect(await auditedActions(id)).not.toContain('certificate-consent');
  });

  it('refuses an incomplete draft with a consent, and keeps neither', async () => {
    const physician = await loginOverApi('physician');
    const id = await draftWithoutConsent('fk7804', 'empty');

    const refused = await sign(id, physician, { consent: oralByPatient });

    expect(refused).toMatchObject({ status: 422, body: { code: 'INCOMPLETE' } });
    expect((await stored(id)).consent).toBeUndefined();
  });

  it('refuses a role that may not sign, consent or not, before anything is recorded', async () => {
    const careAdmin = await loginOverApi('careAdmin');
    const id = await draftWithoutConsent('fk7804');

    const refused = await sign(id, careAdmin, { consent: oralByPatient });

    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await stored(id)).consent).toBeUndefined();
  });
});

describe('signing and sending in one step (sign-and-send)', () => {
  async function fkReceivedIds(): Promise<string[]> {
    const { body } = await callApi('/api/testability/fk-received');
    return fkReceivedResponseSchema.parse(body).received.map((entry) => entry.certificateId);
  }

  it('records the consent, signs and sends a type sent in a step of its own, in one request', async () => {
    const physician = await loginOverApi('physician');
    const id = await draftWithoutConsent('fk7804');
    const draft = await readCertificate(id, physician);
    expect(draft.actions.find((action) => action.type === 'sign-and-send')).toEqual({
      type: 'sign-and-send',
      label: 'Signera och skicka',
      enabled: true,
    });

    const signed = await sign(id, physician, { consent: oralByPatient, send: true });

    expect(signed.status).toBe(200);
    const certificate = certificateResponseSchema.parse(signed.body).certificate;
    expect(certificate).toMatchObject({ status: 'signed', consent: oralByPatient });
    expect(certificate.sent?.at).toBe(certificate.signed?.at);
    expect(certificate.actions.find((action) => action.type === 'send')).toMatchObject({
      enabled: false,
      reason: 'Intyget är redan skickat till Försäkringskassan.',
    });
    expect(await fkReceivedIds()).toContain(id);
    const audited = await auditedActions(id);
    const steps = ['certificate-consent', 'certificate-sign', 'certificate-send'];
    expect(audited.filter((action) => steps.includes(action))).toEqual([
      'certificate-consent',
      'certificate-sign',
      'certificate-send',
    ]);
  });

  it('refuses a test person (who is never sent to FK) and then records and signs nothing', async () => {
    const physician = await loginOverApi('physician');
    const id = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.testPerson.id,
      status: 'draft',
      answers: 'complete',
      consent: false,
    });
    const draft = await readCertificate(id, physician);
    expect(draft.actions.find((action) => action.type === 'sign-and-send')).toMatchObject({
      enabled: false,
      reason: 'Åtgärden kan inte utföras för testpersoner.',
    });

    const refused = await sign(id, physician, { consent: oralByPatient, send: true });

    expect(refused).toMatchObject({
      status: 409,
      body: { message: 'Åtgärden kan inte utföras för testpersoner.' },
    });
    const record = await stored(id);
    expect(record).toMatchObject({ status: 'draft', version: 1 });
    expect(record.consent).toBeUndefined();
    expect(await fkReceivedIds()).not.toContain(id);
  });

  it('is not offered, and is refused, where signing sends anyway', async () => {
    const nurse = await loginOverApi('nurse');
    const id = await draftWithoutConsent('fk7472');
    const draft = await readCertificate(id, nurse);
    expect(draft.actions.map((action) => action.type)).not.toContain('sign-and-send');
    expect(draft.actions.find((action) => action.type === 'sign')?.label).toBe(
      'Signera och skicka',
    );

    const refused = await sign(id, nurse, { consent: oralByPatient, send: true });

    expect(refused).toMatchObject({
      status: 409,
      body: { message: 'Intyget skickas till Försäkringskassan när det signeras.' },
    });
    expect((await stored(id)).status).toBe('draft');
  });
});
