import { describe, expect, it } from 'vitest';
import { certificateResponseSchema, type Certificate } from '../../src/contracts/certificates';
import { certificateThreadsResponseSchema, type Thread } from '../../src/contracts/threads';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients } from '../seed/seed-data';
import { loadDefinition } from '../../src/definitions';
import { shortQuestionLabel } from '../../src/form-engine';

/**
 * Text Försäkringskassan cannot receive (src/form-engine/fk-text.ts) is refused on every write
 * that carries a free text to FK, with 400 and the Swedish message naming the characters (and
 * the question, for a certificate's answers); a draft stored with such text still opens and
 * saves while the text is unchanged, and signing it is refused.
 */

startTestBackend();

const REFUSAL = 'Texten innehåller tecken som Försäkringskassan inte kan ta emot: 😀 ”';
const BAD = 'Ont i ryggen 😀 ”';

async function call(path: string, token: string, body?: unknown, method = 'POST') {
  const response = await callApi(path, { method, token, ...(body === undefined ? {} : { body }) });
  const message =
    typeof response.body === 'object' && response.body !== null && 'message' in response.body
      ? String(response.body.message)
      : '';
  return { status: response.status, message, body: response.body };
}

async function read(id: string, token: string): Promise<Certificate> {
  const response = await call(`/api/certificates/${id}`, token, undefined, 'GET');
  expect(response.status, response.message).toBe(200);
  return certificateResponseSchema.parse(response.body).certificate;
}

/** A complete FK 7804 draft whose stored answer 29 holds text written before the rule. */
async function legacyDraft(token: string): Promise<Certificate> {
  const id = await createTestCertificate({
    type: 'fk7804',
    patientId: seedPatients.adult.id,
    answers: 'complete',
  });
  const stored = await read(id, token);
  const edited = await callApi(`/api/testability/stored-records/certificates/${id}`, {
    method: 'POST',
    body: { set: { answers: { ...stored.answers, '29': BAD } } },
  });
  expect(edited.status).toBe(200);
  return read(id, token);
}

describe("a certificate's answers", () => {
  it('saves a stored text unchanged, refuses a new one naming the question, and refuses signing', async () => {
    const token = await loginOverApi('physician');
    const draft = await legacyDraft(token);
    expect(draft.answers['29']).toBe(BAD);

    const saved = await call(
      `/api/certificates/${draft.id}/answers`,
      token,
      {
        version: draft.version,
        answers: { ...draft.answers, '25': 'Ändrad text.' },
      },
      'PUT',
    );
    expect(saved.status, saved.message).toBe(200);
    const version = certificateResponseSchema.parse(saved.body).certificate.version;

    const refusedSave = await call(
      `/api/certificates/${draft.id}/answers`,
      token,
      {
        version,
        answers: { ...draft.answers, '25': 'Ny text 😀 ”' },
      },
      'PUT',
    );
    expect(refusedSave.status).toBe(400);
    const label = shortQuestionLabel(await loadDefinition('fk7804'), '25');
    expect(refusedSave.message).toBe(`${label}: ${REFUSAL}`);
    expect((await read(draft.id, token)).answers['25']).toBe('Ändrad text.');

    const signing = await call(`/api/certificates/${draft.id}/sign`, token, {
      version,
      method: 'siths',
    });
    expect(signing).toMatchObject({ status: 400 });
    const signed = shortQuestionLabel(await loadDefinition('fk7804'), '29');
    expect(signing.message).toBe(`${signed}: ${REFUSAL}`);
    expect((await read(draft.id, token)).status).toBe('draft');
  });
});

describe('texts of the dialogue and a revocation', () => {
  async function sentWithQuestion(topic: 'KONTKT' | 'KOMPLT') {
    const id = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'sent',
    });
    const fk = await callApi(`/api/testability/certificates/${id}/fk-messages`, {
      method: 'POST',
      body: {
        kind: 'question',
        topic,
        text: 'Kan ni ringa oss?',
        complements:
          topic === 'KOMPLT' ? [{ questionId: '35', instruction: 'Beskriv fynden.' }] : [],
      },
    });
    expect(fk.status, JSON.stringify(fk.body)).toBe(201);
    return id;
  }

  async function threadOf(id: string, token: string): Promise<Thread> {
    const response = await call(`/api/certificates/${id}/threads`, token, undefined, 'GET');
    const [thread] = certificateThreadsResponseSchema.parse(response.body).threads;
    if (thread === undefined) throw new Error('expected a thread');
    return thread;
  }

  it("refuses FK's own question, care's question, an answer, its draft, a cannot-complement comment and a revocation's message", async () => {
    const token = await loginOverApi('physician');
    const id = await sentWithQuestion('KONTKT');

    const fkQuestion = await callApi(`/api/testability/certificates/${id}/fk-messages`, {
      method: 'POST',
      body: { kind: 'question', topic: 'OVRIGT', text: BAD, complements: [] },
    });
    expect(fkQuestion.status).toBe(400);
    expect(fkQuestion.body).toMatchObject({ message: REFUSAL });

    expect(
      await call(`/api/certificates/${id}/threads`, token, { topic: 'OVRIGT', text: BAD }),
    ).toMatchObject({ status: 400, message: REFUSAL });

    const thread = await threadOf(id, token);
    expect(
      await call(
        `/api/threads/${thread.id}/answer-draft`,
        token,
        { version: thread.version, text: BAD },
        'PUT',
      ),
    ).toMatchObject({ status: 400, message: REFUSAL });
    expect(
      await call(`/api/threads/${thread.id}/answer`, token, { version: thread.version, text: BAD }),
    ).toMatchObject({ status: 400, message: REFUSAL });

    const complement = await sentWithQuestion('KOMPLT');
    const request = await threadOf(complement, token);
    expect(
      await call(`/api/threads/${request.id}/cannot-complement`, token, {
        version: request.version,
        reason: 'no-one-responsible',
        text: BAD,
      }),
    ).toMatchObject({ status: 400, message: REFUSAL });

    const certificate = await read(id, token);
    expect(
      await call(`/api/certificates/${id}/revoke`, token, {
        version: certificate.version,
        reason: 'other-serious-error',
        message: BAD,
      }),
    ).toMatchObject({ status: 400, message: REFUSAL });
    expect((await read(id, token)).status).not.toBe('revoked');
  });
});
