import { describe, expect, it } from 'vitest';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients } from '../seed/seed-data';
import { certificateMessages } from './certificate-action';
import { threadHandlerMessages } from './thread-support';

/**
 * One guard order for every call on a resource: the session (401), the principal and role
 * (403), the resource the path names (403, alike whether it exists elsewhere or not at all),
 * and only then the body (400). So a refusal never depends on the body, and never tells
 * whether a certificate or a thread exists on another unit.
 */

const backend = startTestBackend();
const OTHER_UNIT = 'SE2321000016-OTHER';

/**
 * A sent certificate with FK's question on it, moved to another care unit in the store (the
 * seed has one unit; the API never moves anything between units).
 */
async function elsewhere(): Promise<{ certificateId: string; threadId: string }> {
  const certificateId = await createTestCertificate({
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    status: 'sent',
    answers: 'complete',
  });
  const asked = await callApi(`/api/testability/certificates/${certificateId}/fk-messages`, {
    method: 'POST',
    body: { kind: 'question', topic: 'OVRIGT', text: 'Hur länge har patienten varit sjuk?' },
  });
  expect(asked.status).toBe(201);
  return backend.db.write(async (tx) => {
    const record = await tx.certificates.get(certificateId);
    if (record === undefined) throw new Error('the certificate was not made');
    await tx.certificates.put({ ...record, unitHsaId: OTHER_UNIT });
    const [thread] = await tx.threads.getAllByIndex('by-certificate', { equals: certificateId });
    if (thread === undefined) throw new Error("FK's question was not stored");
    await tx.threads.put({ ...thread, unitHsaId: OTHER_UNIT });
    return { certificateId, threadId: thread.id };
  });
}

const malformed = '{"version": "not a number", "extra": [1, 2, 3';

describe('the guard order', () => {
  it("refuses a nurse's malformed sign request on another unit's certificate with 403, not 400", async () => {
    const { certificateId } = await elsewhere();
    const token = await loginOverApi('nurse');
    const refused = await callApi(`/api/certificates/${certificateId}/sign`, {
      method: 'POST',
      token,
      body: malformed,
    });
    expect(refused.status).toBe(403);
  });

  it("answers another unit's certificate exactly as one that does not exist, whatever the body", async () => {
    const { certificateId } = await elsewhere();
    const token = await loginOverApi('physician');
    const missing = crypto.randomUUID();
    for (const [path, method] of [
      ['sign', 'POST'],
      ['answers', 'PUT'],
      ['revoke', 'POST'],
      ['threads', 'POST'],
    ] as const) {
      for (const body of [malformed, { version: 1 }]) {
        const there = await callApi(`/api/certificates/${certificateId}/${path}`, {
          method,
          token,
          body,
        });
        const nowhere = await callApi(`/api/certificates/${missing}/${path}`, {
          method,
          token,
          body,
        });
        expect(there, `${method} ${path}`).toEqual({
          status: 403,
          body: { code: 'FORBIDDEN', message: certificateMessages.notFound },
        });
        expect(nowhere, `${method} ${path}`).toEqual(there);
      }
    }
    const read = await callApi(`/api/certificates/${certificateId}`, { token });
    expect(read).toEqual(await callApi(`/api/certificates/${missing}`, { token }));
    expect(read.status).toBe(403);
  });

  it("answers another unit's thread exactly as one that does not exist, before the body", async () => {
    const { threadId } = await elsewhere();
    const token = await loginOverApi('physician');
    for (const body of [malformed, { version: 1, text: 'Svar.' }]) {
      const there = await callApi(`/api/threads/${threadId}/answer`, {
        method: 'POST',
        token,
        body,
      });
      const nowhere = await callApi(`/api/threads/${crypto.randomUUID()}/answer`, {
        method: 'POST',
        token,
        body,
      });
      expect(there).toEqual({
        status: 403,
        body: { code: 'FORBIDDEN', message: threadHandlerMessages.notFound },
      });
      expect(nowhere).toEqual(there);
    }
  });

  it('reads the body only for a resource of the unit: there a malformed one is 400', async () => {
    const certificateId = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      status: 'draft',
      answers: 'complete',
    });
    const token = await loginOverApi('physician');
    const answer = await callApi(`/api/certificates/${certificateId}/sign`, {
      method: 'POST',
      token,
      body: malformed,
    });
    expect(answer.status).toBe(400);
  });

  it('refuses without a session before anything else (401)', async () => {
    const { certificateId } = await elsewhere();
    const answer = await callApi(`/api/certificates/${certificateId}/sign`, {
      method: 'POST',
      body: malformed,
    });
    expect(answer.status).toBe(401);
  });
});
