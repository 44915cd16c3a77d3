import { describe, expect, it } from 'vitest';
import {
  certificateHistoryResponseSchema,
  type CertificateHistoryEvent,
} from '../../src/contracts/certificate-history';
import {
  certificateResponseSchema,
  patientCertificatesResponseSchema,
  type Certificate,
} from '../../src/contracts/certificates';
import { portalLoginResponseSchema } from '../../src/contracts/patient-portal';
import { sessionSchema } from '../../src/contracts/session';
import {
  certificateThreadsResponseSchema,
  threadResponseSchema,
} from '../../src/contracts/threads';
import { fkThreadResponseSchema, type FkMessageRequest } from '../../src/contracts/fk';
import { answerBuilders } from '../../mocks/builders/certificates';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { certificateRecordSchema } from '../store/schema';
import { seedPatients, seedUsers } from '../seed/seed-data';
import { certificateMessages } from '../domain/certificate-commands';

/**
 * A certificate's history over the API (`GET /api/certificates/{id}/events`): the events each
 * command records, the saves grouped per user and session, the dialogue with FK and the
 * certificates made from it, the guard, and records stored before the history grew.
 */

const backend = startTestBackend();
const adult = seedPatients.adult;

async function history(id: string, token: string): Promise<CertificateHistoryEvent[]> {
  const response = await callApi(`/api/certificates/${id}/events`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return certificateHistoryResponseSchema.parse(response.body).events;
}

/** The history as "type by", newest first: what a reader of it sees, without the times. */
async function rows(id: string, token: string): Promise<string[]> {
  return (await history(id, token)).map((event) => `${event.type} ${event.by}`);
}

async function write(
  path: string,
  token: string,
  body: unknown,
  method = 'POST',
  expected = 200,
): Promise<Certificate> {
  const response = await callApi(path, { method, token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(expected);
  return certificateResponseSchema.parse(response.body).certificate;
}

async function read(id: string, token: string): Promise<Certificate> {
  const response = await callApi(`/api/certificates/${id}`, { token });
  expect(response.status).toBe(200);
  return certificateResponseSchema.parse(response.body).certificate;
}

async function serverToday(token: string): Promise<string> {
  const { body } = await callApi('/api/session', { token });
  return sessionSchema.parse(body).today;
}

async function fkSends(certificateId: string, message: FkMessageRequest) {
  const response = await callApi(`/api/testability/certificates/${certificateId}/fk-messages`, {
    method: 'POST',
    body: message,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return fkThreadResponseSchema.parse(response.body).thread;
}

async function threadsOf(certificateId: string, token: string) {
  const response = await callApi(`/api/certificates/${certificateId}/threads`, { token });
  expect(response.status).toBe(200);
  return certificateThreadsResponseSchema.parse(response.body).threads;
}

const sentCertificate = () =>
  createTestCertificate({
    type: 'fk7804',
    patientId: adult.id,
    answers: 'complete',
    status: 'sent',
  });

describe("a certificate's history", () => {
  it('records creation, saves grouped per user and session, readiness, consent, signing and sending, newest first', async () => {
    const anna = await loginOverApi('physician');
    const today = await serverToday(anna);
    const created = await write(
      '/api/certificates',
      anna,
      { type: 'fk7804', patientId: adult.id },
      'POST',
      201,
    );
    const answers = { ...created.answers, ...answerBuilders.fk7804.complete(today) };
    const save = (token: string, version: number, text: string) =>
      write(
        `/api/certificates/${created.id}/answers`,
        token,
        { version, answers: { ...answers, '25': text } },
        'PUT',
      );
    // Three autosaves in one sitting are one row.
    let draft = await save(anna, created.version, 'Ett.');
    draft = await save(anna, draft.version, 'Två.');
    draft = await save(anna, draft.version, 'Tre.');
    // A colleague's save is a row of its own; Anna's next save after it another.
    const erik = await loginOverApi('secondPhysician');
    draft = await save(erik, draft.version, 'Fyra.');
    draft = await save(anna, draft.version, 'Fem.');
    // A new session (a new log-in) begins a new row even after Anna's own save.
    const annaAgain = await loginOverApi('physician');
    draft = await save(annaAgain, draft.version, 'Sex.');
    draft = await write(`/api/certificates/${created.id}/consent`, annaAgain, {
      version: draft.version,
      consent: { givenBy: 'patient', method: 'oral', givenOn: today },
    });
    const admin = await loginOverApi('careAdmin');
    draft = await write(`/api/certificates/${created.id}/ready-for-sign`, admin, {
      version: draft.version,
    });
    draft = await write(`/api/certificates/${created.id}/sign`, annaAgain, {
      version: draft.version,
      method: 'siths',
    });
    await write(`/api/certificates/${created.id}/send`, annaAgain, { version: draft.version });

    const anna_ = seedUsers.physician.name;
    const erik_ = seedUsers.secondPhysician.name;
    expect(await rows(created.id, annaAgain)).toEqual([
      `sent ${anna_}`,
      `signed ${anna_}`,
      `ready-for-sign ${seedUsers.careAdmin.name}`,
      `consent-recorded ${anna_}`,
      `saved ${anna_}`,
      `saved ${anna_}`,
      `saved ${erik_}`,
      `saved ${anna_}`,
      `created ${anna_}`,
    ]);
    const events = await history(created.id, annaAgain);
    const firstSitting = events.at(-2);
    expect(firstSitting?.until).toBeDefined();
    expect(firstSitting?.at.localeCompare(firstSitting.until ?? '')).toBeLessThanOrEqual(0);
    // Six saves in three sittings and one colleague's: four rows.
    expect(events.filter((event) => event.type === 'saved')).toHaveLength(4);
  });

  it("shows FK's questions, reminders and care's answers from the threads, and a complement from the complementing certificate", async () => {
    const token = await loginOverApi('physician');
    const today = await serverToday(token);
    const id = await sentCertificate();
    const question = await fkSends(id, {
      kind: 'question',
      topic: 'OVRIGT',
      text: 'Hur länge har patienten varit sjuk?',
    });
    await fkSends(id, { kind: 'reminder', threadId: question.id, text: 'Påminnelse.' });
    const open = (await threadsOf(id, token)).find((thread) => thread.topic === 'OVRIGT');
    if (open === undefined) throw new Error("FK's question is missing");
    const answered = await callApi(`/api/threads/${open.id}/answer`, {
      method: 'POST',
      token,
      body: { version: open.version, text: 'Sedan i mars.' },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    threadResponseSchema.parse(answered.body);

    const request = await fkSends(id, {
      kind: 'question',
      topic: 'KOMPLT',
      text: 'Komplettera undersökningsfynden.',
      complements: [{ questionId: '35', instruction: 'Beskriv undersökningsfynden.' }],
    });
    const requestThread = (await threadsOf(id, token)).find((thread) => thread.topic === 'KOMPLT');
    if (requestThread === undefined) throw new Error(`no thread for ${request.id}`);
    const complement = await write(
      `/api/threads/${requestThread.id}/complement`,
      token,
      {
        version: requestThread.version,
        consent: { givenBy: 'patient', method: 'oral', givenOn: today },
      },
      'POST',
      201,
    );
    await write(`/api/certificates/${complement.id}/sign`, token, {
      version: complement.version,
      method: 'siths',
    });

    const name = seedUsers.physician.name;
    const events = await history(id, token);
    expect(events.map((event) => `${event.type} ${event.by}`).slice(0, 5)).toEqual([
      `complemented ${name}`,
      'complement-requested Försäkringskassan',
      `answered ${name}`,
      'reminder-received Försäkringskassan',
      'question-received Försäkringskassan',
    ]);
    expect(events[0]?.related).toEqual({
      id: complement.id,
      type: 'fk7804',
      relation: 'complements',
    });
    expect(events[2]?.topic).toBe('OVRIGT');
  });

  it('records a care question to FK and its answer from FK', async () => {
    const token = await loginOverApi('physician');
    const id = await sentCertificate();
    const started = await callApi(`/api/certificates/${id}/threads`, {
      method: 'POST',
      token,
      body: { topic: 'KONTKT', text: 'Ring mig gärna.' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const thread = threadResponseSchema.parse(started.body).thread;
    await fkSends(id, { kind: 'answer', threadId: thread.id, text: 'Vi ringer i morgon.' });
    expect((await rows(id, token)).slice(0, 2)).toEqual([
      'answer-received Försäkringskassan',
      `question-sent ${seedUsers.physician.name}`,
    ]);
  });

  it('records renewing (when begun), replacing (when the replacement is signed) and revoking', async () => {
    const token = await loginOverApi('physician');
    const id = await sentCertificate();
    const source = await read(id, token);
    const renewal = await write(
      `/api/certificates/${id}/renew`,
      token,
      { version: source.version },
      'POST',
      201,
    );
    const replacement = await write(
      `/api/certificates/${id}/replace`,
      token,
      { version: source.version },
      'POST',
      201,
    );
    // Begun, a replacement replaces nothing yet.
    expect((await rows(id, token))[0]).toBe(`renewed ${seedUsers.physician.name}`);
    await write(`/api/certificates/${replacement.id}/sign`, token, {
      version: replacement.version,
      method: 'siths',
      consent: { givenBy: 'patient', method: 'oral', givenOn: await serverToday(token) },
    });
    const events = await history(id, token);
    expect(events.slice(0, 2).map((event) => [event.type, event.related?.id])).toEqual([
      ['replaced', replacement.id],
      ['renewed', renewal.id],
    ]);

    const other = await sentCertificate();
    const current = await read(other, token);
    await write(`/api/certificates/${other}/revoke`, token, {
      version: current.version,
      reason: 'wrong-patient',
    });
    expect((await rows(other, token))[0]).toBe(`revoked ${seedUsers.physician.name}`);
  });

  it('records the patient printing and sending in Mina intyg, and printing leaves the version as it was', async () => {
    const signed = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      answers: 'complete',
      status: 'signed',
    });
    const login = await callApi('/api/patient-portal/auth/login', {
      method: 'POST',
      body: { patientId: adult.id },
    });
    const patient = portalLoginResponseSchema.required().parse(login.body).token;
    const care = await loginOverApi('physician');
    const before = (await read(signed, care)).version;
    const printed = await callApi(`/api/patient-portal/certificates/${signed}/print`, {
      method: 'POST',
      token: patient,
    });
    expect(printed.status).toBe(204);
    expect((await read(signed, care)).version).toBe(before);
    const sent = await callApi(`/api/patient-portal/certificates/${signed}/send`, {
      method: 'POST',
      token: patient,
      body: {},
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect((await rows(signed, care)).slice(0, 2)).toEqual([
      'sent-by-patient Patienten (Mina intyg)',
      'printed-by-patient Patienten (Mina intyg)',
    ]);
  });

  it("is refused on another unit's certificate exactly as on one that does not exist", async () => {
    const id = await sentCertificate();
    await backend.db.write(async (tx) => {
      const record = await tx.certificates.get(id);
      if (record === undefined) throw new Error('not made');
      await tx.certificates.put({ ...record, unitHsaId: 'SE2321000016-OTHER' });
    });
    const token = await loginOverApi('physician');
    const there = await callApi(`/api/certificates/${id}/events`, { token });
    const nowhere = await callApi(`/api/certificates/${crypto.randomUUID()}/events`, { token });
    expect(there.status).toBe(403);
    expect(there.body).toMatchObject({ message: certificateMessages.notFound });
    expect(nowhere).toEqual(there);
  });

  it('reads a record stored before the history grew: no saves, no who-ids, only the old event types', async () => {
    const id = await sentCertificate();
    const stored = await backend.db.read((tx) => tx.certificates.get(id));
    if (stored === undefined) throw new Error('not made');
    const old = {
      ...stored,
      events: [
        { at: stored.createdAt, type: 'created', by: 'Anna Lindqvist' },
        { at: stored.savedAt, type: 'signed', by: 'Anna Lindqvist' },
        { at: stored.savedAt, type: 'sent', by: 'Anna Lindqvist' },
      ],
    };
    // The store's schema reads it as it is.
    await backend.db.write((tx) => tx.certificates.put(certificateRecordSchema.parse(old)));
    const token = await loginOverApi('physician');
    expect(await rows(id, token)).toEqual([
      'sent Anna Lindqvist',
      'signed Anna Lindqvist',
      'created Anna Lindqvist',
    ]);
  });
});

describe("the patient's page: previous certificates", () => {
  it('offers "Förnya" where the lifecycle allows it, with the version to renew', async () => {
    const signed = await sentCertificate();
    const draft = await createTestCertificate({
      type: 'fk7804',
      patientId: adult.id,
      status: 'draft',
    });
    const token = await loginOverApi('physician');
    const response = await callApi(`/api/patients/${adult.id}/certificates`, { token });
    expect(response.status).toBe(200);
    const { certificates } = patientCertificatesResponseSchema.parse(response.body);
    const byId = (id: string) => certificates.find((certificate) => certificate.id === id);
    expect(byId(signed)?.actions).toEqual([{ type: 'renew', label: 'Förnya', enabled: true }]);
    expect(byId(signed)?.version).toBe((await read(signed, token)).version);
    expect(byId(draft)?.actions).toEqual([]);

    // A replaced certificate may not be renewed: the backend says so, and why.
    const source = await read(signed, token);
    const replacement = await write(
      `/api/certificates/${signed}/replace`,
      token,
      { version: source.version },
      'POST',
      201,
    );
    await write(`/api/certificates/${replacement.id}/sign`, token, {
      version: replacement.version,
      method: 'siths',
      consent: { givenBy: 'patient', method: 'oral', givenOn: await serverToday(token) },
    });
    const after = patientCertificatesResponseSchema
      .parse((await callApi(`/api/patients/${adult.id}/certificates`, { token })).body)
      .certificates.find((certificate) => certificate.id === signed);
    expect(after?.actions[0]).toMatchObject({ type: 'renew', enabled: false });
  });
});
