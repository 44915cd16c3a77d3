import { describe, expect, it } from 'vitest';
import { changeNoticeSchema, type ChangeNotice } from '../../src/contracts/change-notices';
import { parseEvents } from '../../src/lib/change-feed';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { fkOfficers, seedPatients } from '../seed/seed-data';

const backend = startTestBackend();

/** Opens the change feed with a session's token and reads its events one by one. */
async function openFeed(token: string) {
  const response = await fetch('/api/changes', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  if (response.body === null) throw new Error('no stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: { name: string; data: string }[] = [];
  async function next(): Promise<{ name: string; data: string }> {
    for (;;) {
      const event = queue.shift();
      if (event !== undefined) return event;
      const { done, value } = await reader.read();
      if (done) throw new Error('the feed ended');
      const parsed = parseEvents(buffer + value);
      buffer = parsed.rest;
      queue.push(...parsed.events);
    }
  }
  const ready = await next();
  expect(ready.name).toBe('ready');
  return {
    /** The next change notice the stream sends. */
    async notice(): Promise<ChangeNotice> {
      const event = await next();
      expect(event.name).toBe('change');
      return changeNoticeSchema.parse(JSON.parse(event.data));
    },
    close: () => reader.cancel(),
  };
}

async function loginAs(path: string, body: unknown): Promise<string> {
  const { status, body: answer } = await callApi(path, { method: 'POST', body });
  expect(status).toBe(200);
  if (typeof answer !== 'object' || answer === null || !('token' in answer)) {
    throw new Error('no token');
  }
  const { token } = answer;
  if (typeof token !== 'string') throw new Error('no token');
  return token;
}

describe('the change feed', () => {
  it('tells a care user of the certificates of its unit, with their versions, and of no other unit', async () => {
    const feed = await openFeed(await loginOverApi('careAdmin'));
    const id = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
      answers: 'minimal',
    });
    expect(await feed.notice()).toEqual({
      kind: 'certificate',
      certificateId: id,
      patientId: seedPatients.adult.id,
      version: 1,
    });

    // Another unit's certificate is not told of: the next notice is this unit's.
    await backend.db.write(async (tx) => {
      const record = await tx.certificates.get(id);
      if (record === undefined) throw new Error('no record');
      await tx.certificates.put({ ...record, id: 'other-unit', unitHsaId: 'SE2321000016-9999' });
    });
    const second = await createTestCertificate({
      type: 'fk7210',
      patientId: seedPatients.child.id,
      status: 'draft',
      answers: 'minimal',
    });
    expect(await feed.notice()).toMatchObject({ kind: 'certificate', certificateId: second });
    await feed.close();
  });

  it('tells FK of what it received and of threads, and a patient only of their own certificates', async () => {
    const officer = fkOfficers[0];
    if (officer === undefined) throw new Error('no officer');
    const fk = await openFeed(await loginAs('/api/fk/auth/login', { officerId: officer.id }));
    const patient = await openFeed(
      await loginAs('/api/patient-portal/auth/login', { patientId: seedPatients.adult.id }),
    );

    // A draft is nothing of FK's; a sent certificate is.
    await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.child.id,
      status: 'draft',
      answers: 'minimal',
    });
    const sent = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'sent',
      answers: 'complete',
    });
    expect(await fk.notice()).toMatchObject({ kind: 'certificate', certificateId: sent });
    // The child's draft is not the adult's: the patient hears of their own certificate only.
    expect(await patient.notice()).toMatchObject({ kind: 'certificate', certificateId: sent });

    const question = await callApi(`/api/testability/certificates/${sent}/fk-messages`, {
      method: 'POST',
      body: { kind: 'question', topic: 'OVRIGT', text: 'Hur länge har patienten varit sjuk?' },
    });
    expect(question.status).toBe(201);
    expect(await fk.notice()).toEqual({ kind: 'threads', certificateId: sent });
    await fk.close();
    await patient.close();
  });

  it('refuses a request without a session', async () => {
    const { status } = await callApi('/api/changes');
    expect(status).toBe(401);
  });
});
