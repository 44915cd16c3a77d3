import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { certificateResponseSchema } from '../../src/contracts/certificates';
import { fkLoginResponseSchema, fkThreadResponseSchema } from '../../src/contracts/fk';
import { portalLoginResponseSchema } from '../../src/contracts/patient-portal';
import type { EditStoredRecordRequest } from '../../src/contracts/testability';
import { setServerLogger, type LogDetails } from '../logging';
import { seedPatients } from '../seed/seed-data';

/**
 * Issue 21, item 10: a stored record that does not match its schema affects only the requests
 * for that record. Before, a draft without `answers` made every endpoint answer 500 with the
 * exception's name and stack, because the lock job ran inside authentication and read it.
 */

const backend = startTestBackend();
const DAY_MS = 24 * 60 * 60 * 1000;

let logged: { event: string; details: LogDetails | undefined }[] = [];
let restoreLogger: () => void = () => undefined;
beforeEach(async () => {
  const reset = await callApi('/api/testability/reset', { method: 'POST', body: {} });
  expect(reset.status).toBe(200);
  logged = [];
  restoreLogger = setServerLogger({ error: (event, details) => logged.push({ event, details }) });
});
afterEach(() => restoreLogger());

const { adult } = seedPatients;

/** Damages a stored record through the testability API. */
async function damage(collection: string, id: string, edit: EditStoredRecordRequest) {
  const response = await callApi(`/api/testability/stored-records/${collection}/${id}`, {
    method: 'POST',
    body: edit,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** Moves the backend's clock without running its jobs (as a new day before the job's run). */
async function moveClockWithoutJobs(days: number) {
  await backend.db.write(async (tx) => {
    const settings = await tx.settings.get('settings');
    if (settings === undefined) throw new Error('not seeded');
    await tx.settings.put({ ...settings, clockOffsetMs: days * DAY_MS });
  });
}

/** An answer says nothing about the exception behind it: only `code` and `message`. */
function expectErrorShape(body: unknown) {
  expect(body).toEqual({ code: expect.any(String), message: expect.any(String) });
  const text = JSON.stringify(body);
  for (const leak of ['StoredRecordError', 'stack', 'Error:', ' at ', 'schema', 'answers']) {
    expect(text).not.toContain(leak);
  }
}

const unreadable = {
  code: 'RECORD_UNREADABLE',
  message: 'Intyget kunde inte läsas. Kontakta support om felet kvarstår.',
};

/** No entry of the server's log holds an identity number (nor anything shaped like one). */
function expectNoIdentityNumbersLogged() {
  const text = JSON.stringify(logged);
  for (const patient of Object.values(seedPatients)) {
    expect(text).not.toContain(patient.identityNumber);
    expect(text).not.toContain(patient.identityNumber.replace('-', ''));
  }
  // Shaped like one, but not a run of digits inside a record id (a UUID's groups may be all digits).
  expect(text).not.toMatch(/(?<![\da-f-])(?:\d{2})?\d{6}[-+]?\d{4}(?![\da-f-])/i);
}

describe('a draft without answers', () => {
  async function arrange() {
    const damaged = await createTestCertificate({ type: 'fk7804', patientId: adult.id });
    const healthy = await createTestCertificate({ type: 'fk7804', patientId: adult.id });
    const sent = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      answers: 'complete',
      status: 'sent',
    });
    await damage('certificates', damaged, { remove: ['answers'] });
    // The backend's next day, before its jobs have run: where authentication used to run the lock.
    await moveClockWithoutJobs(1);
    return { damaged, healthy, sent };
  }

  it('leaves the session, the lists, the counts, the FK simulator and Mina intyg working', async () => {
    const { damaged, healthy, sent } = await arrange();
    const token = await loginOverApi('physician');

    expect((await callApi('/api/session', { token })).status).toBe(200);
    expect((await callApi('/api/session/status', { token })).status).toBe(200);
    const counts = await callApi('/api/work-counts', { token });
    expect(counts).toEqual({ status: 200, body: { unhandledThreads: 0, unsignedDrafts: 2 } });

    // "Ej signerade utkast" reads the list rows, which are intact: the damaged draft is listed.
    const drafts = await callApi('/api/certificates/drafts/query', {
      method: 'POST',
      body: {},
      token,
    });
    expect(drafts.status).toBe(200);
    expect(JSON.stringify(drafts.body)).toContain(damaged);
    expect(JSON.stringify(drafts.body)).toContain(healthy);
    const signed = await callApi('/api/certificates/signed/query', {
      method: 'POST',
      body: {},
      token,
    });
    expect(signed.status).toBe(200);
    expect(JSON.stringify(signed.body)).toContain(sent);
    expect((await callApi('/api/threads/query', { method: 'POST', body: {}, token })).status).toBe(
      200,
    );

    // The patient's page reads whole records: the damaged one is left out, the rest shown.
    const ofPatient = await callApi(`/api/patients/${adult.id}/certificates`, { token });
    expect(ofPatient.status).toBe(200);
    expect(JSON.stringify(ofPatient.body)).toContain(healthy);
    expect(JSON.stringify(ofPatient.body)).not.toContain(damaged);
    expect((await callApi(`/api/patients/${adult.id}/certificate-types`, { token })).status).toBe(
      200,
    );

    // The FK simulator's list of received certificates.
    const fkLogin = await callApi('/api/fk/auth/login', {
      method: 'POST',
      body: { officerId: 'fk-officer-1' },
    });
    expect(fkLogin.status).toBe(200);
    const fk = fkLoginResponseSchema.parse(fkLogin.body).token;
    const cases = await callApi('/api/fk/cases/query', { method: 'POST', body: {}, token: fk });
    expect(cases.status).toBe(200);
    expect(JSON.stringify(cases.body)).toContain(sent);

    // Mina intyg: the patient whose draft is damaged sees their signed certificate.
    const portalLogin = await callApi('/api/patient-portal/auth/login', {
      method: 'POST',
      body: { patientId: adult.id },
    });
    expect(portalLogin.status).toBe(200);
    const patient = portalLoginResponseSchema.parse(portalLogin.body).token;
    const mine = await callApi('/api/patient-portal/certificates', { token: patient });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).toContain(sent);
    expect((await callApi('/api/patient-portal/session', { token: patient })).status).toBe(200);

    // The other draft opens as ever.
    expect((await callApi(`/api/certificates/${healthy}`, { token })).status).toBe(200);
  });

  it('answers the requests for that draft with a Swedish 500 in the error shape, and logs it', async () => {
    const { damaged } = await arrange();
    const token = await loginOverApi('physician');

    const read = await callApi(`/api/certificates/${damaged}`, { token });
    expect(read).toEqual({ status: 500, body: unreadable });
    expectErrorShape(read.body);
    const save = await callApi(`/api/certificates/${damaged}/answers`, {
      method: 'PUT',
      body: { version: 1, answers: {} },
      token,
    });
    expect(save).toEqual({ status: 500, body: unreadable });
    expectErrorShape(save.body);

    expect(logged).toContainEqual({
      event: 'stored-record-unreadable',
      details: expect.objectContaining({ collection: 'certificates', recordId: damaged }),
    });
    expectNoIdentityNumbersLogged();
  });

  it('is logged once however often the lists that skip it are read', async () => {
    const { damaged } = await arrange();
    const token = await loginOverApi('physician');
    for (let round = 0; round < 3; round += 1) {
      expect((await callApi(`/api/patients/${adult.id}/certificates`, { token })).status).toBe(200);
    }
    const skipped = logged.filter((entry) => entry.event === 'stored-record-skipped');
    expect(skipped).toEqual([
      {
        event: 'stored-record-skipped',
        details: expect.objectContaining({ collection: 'certificates', recordId: damaged }),
      },
    ]);
    expect(skipped[0]?.details?.issues).toContain('answers');
    expectNoIdentityNumbersLogged();
  });

  it('can be deleted by its unit with its version, and is then gone from the lists', async () => {
    const { damaged } = await arrange();
    const token = await loginOverApi('physician');
    const stale = await callApi(`/api/certificates/${damaged}`, {
      method: 'DELETE',
      body: { version: 7 },
      token,
    });
    expect(stale.status).toBe(409);
    // Still there (and still damaged).
    expect((await callApi(`/api/testability/certificates/${damaged}`)).status).toBe(500);

    const deleted = await callApi(`/api/certificates/${damaged}`, {
      method: 'DELETE',
      body: { version: 1 },
      token,
    });
    expect(deleted.status).toBe(204);
    expect((await callApi(`/api/certificates/${damaged}`, { token })).status).toBe(403);
    const drafts = await callApi('/api/certificates/drafts/query', {
      method: 'POST',
      body: {},
      token,
    });
    expect(JSON.stringify(drafts.body)).not.toContain(damaged);
    const audit = await callApi('/api/testability/audit');
    expect(JSON.stringify(audit.body)).toContain('certificate-delete');
    expect(logged).toContainEqual({
      event: 'damaged-draft-deleted',
      details: { collection: 'certificates', recordId: damaged },
    });
  });

  it('is not deleted by someone who may not handle the patient', async () => {
    const damaged = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.protectedIdentity.id,
    });
    await damage('certificates', damaged, { remove: ['answers'] });
    // Protected identities are handled only by the roles that may sign the type.
    const token = await loginOverApi('careAdmin');
    const refused = await callApi(`/api/certificates/${damaged}`, {
      method: 'DELETE',
      body: { version: 1 },
      token,
    });
    expect(refused.status).toBe(403);
    expectErrorShape(refused.body);
    expect((await callApi(`/api/testability/certificates/${damaged}`)).status).toBe(500);
  });

  it('answers 500 to a delete when what deleting needs is damaged too', async () => {
    const damaged = await createTestCertificate({ type: 'fk7804', patientId: adult.id });
    await damage('certificates', damaged, { remove: ['answers', 'status'] });
    const token = await loginOverApi('physician');
    const refused = await callApi(`/api/certificates/${damaged}`, {
      method: 'DELETE',
      body: { version: 1 },
      token,
    });
    expect(refused).toEqual({ status: 500, body: unreadable });
  });
});

describe('a certificate beside a damaged one', () => {
  it('opens although its parent is damaged', async () => {
    const token = await loginOverApi('physician');
    const original = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
    });
    const read = certificateResponseSchema.parse(
      (await callApi(`/api/certificates/${original}`, { token })).body,
    );
    const renewed = await callApi(`/api/certificates/${original}/renew`, {
      method: 'POST',
      body: { version: read.certificate.version },
      token,
    });
    expect(renewed.status).toBe(201);
    const renewal = certificateResponseSchema.parse(renewed.body).certificate.id;
    await damage('certificates', original, { set: { events: 'inte en lista' } });

    expect((await callApi(`/api/certificates/${original}`, { token })).status).toBe(500);
    expect((await callApi(`/api/certificates/${renewal}`, { token })).status).toBe(200);
  });
});

describe('a damaged thread', () => {
  it('leaves the inbox and the counts working', async () => {
    const token = await loginOverApi('physician');
    const sent = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      answers: 'complete',
      status: 'sent',
    });
    const asked = await callApi(`/api/testability/certificates/${sent}/fk-messages`, {
      method: 'POST',
      body: { kind: 'question', topic: 'OVRIGT', text: 'Hur mår patienten?' },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const threadId = fkThreadResponseSchema.parse(asked.body).thread.id;
    // The inbox's row of it no longer reads.
    await damage('threads', threadId, { set: { topic: 'okänt' } });

    const inbox = await callApi('/api/threads/query', { method: 'POST', body: {}, token });
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).not.toContain(threadId);
    expect(await callApi('/api/work-counts', { token })).toEqual({
      status: 200,
      body: { unhandledThreads: 0, unsignedDrafts: 0 },
    });
    const threads = await callApi(`/api/certificates/${sent}/threads`, { token });
    expect(threads.status).toBe(200);
    expect(logged).toContainEqual({
      event: 'stored-record-skipped',
      details: expect.objectContaining({ collection: 'threads', recordId: threadId }),
    });
  });
});
