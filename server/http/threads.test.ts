import { describe, expect, it } from 'vitest';
import { certificateResponseSchema, type Certificate } from '../../src/contracts/certificates';
import {
  fkCaseListResponseSchema,
  fkCaseResponseSchema,
  fkLoginResponseSchema,
  fkReceivedResponseSchema,
  fkThreadResponseSchema,
  type FkMessageRequest,
} from '../../src/contracts/fk';
import { storedThreadsResponseSchema } from '../../src/contracts/testability';
import {
  certificateThreadsResponseSchema,
  inboxResponseSchema,
  threadResponseSchema,
  type InboxRequest,
  type Thread,
} from '../../src/contracts/threads';
import { workCountsSchema } from '../../src/contracts/work-lists';
import {
  callApi,
  createTestCertificate,
  loginOverApi,
  startTestBackend,
} from '../../src/testing/test-backend';
import { seedPatients, type SeedUserKey } from '../seed/seed-data';
import { lifecycleMessages } from '../domain/lifecycle';
import { threadMessages } from '../domain/threads';
import { addDays } from '../../src/form-engine';

/**
 * The dialogue with FK over the API: FK's messages and what the backend refuses of them, the
 * inbox and the counts, care's answers and handling, the complement flow (consent, the
 * complementing draft, signing it, revoking it) and the principals' separation.
 */

startTestBackend();

async function sentCertificate(
  type: 'fk7804' | 'fk7800' = 'fk7804',
  patientId = seedPatients.adult.id,
) {
  return createTestCertificate({ type, patientId, answers: 'complete', status: 'sent' });
}

async function fkSends(certificateId: string, message: FkMessageRequest, expected = 201) {
  const response = await callApi(`/api/testability/certificates/${certificateId}/fk-messages`, {
    method: 'POST',
    body: message,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(expected);
  return response;
}

type FkQuestion = Extract<FkMessageRequest, { kind: 'question' }>;

async function fkAsks(certificateId: string, message: Partial<Omit<FkQuestion, 'kind'>> = {}) {
  const response = await fkSends(certificateId, {
    kind: 'question',
    topic: 'KOMPLT',
    text: 'Vi behöver mer information om funktionsnedsättningen.',
    complements: [{ questionId: '35', instruction: 'Beskriv undersökningsfynden.' }],
    ...message,
  });
  return fkThreadResponseSchema.parse(response.body).thread;
}

async function threadsOf(certificateId: string, token: string): Promise<Thread[]> {
  const response = await callApi(`/api/certificates/${certificateId}/threads`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return certificateThreadsResponseSchema.parse(response.body).threads;
}

async function onlyThread(certificateId: string, token: string): Promise<Thread> {
  const [thread, ...rest] = await threadsOf(certificateId, token);
  expect(rest).toEqual([]);
  if (thread === undefined) throw new Error('expected a thread');
  return thread;
}

async function threadCall(
  path: string,
  token: string,
  body: unknown,
  expected = 200,
  method = 'POST',
): Promise<Thread> {
  const response = await callApi(path, { method, token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(expected);
  return threadResponseSchema.parse(response.body).thread;
}

/** "Komplettera" on a complement request over the API, with the consent; the new draft. */
async function complementFrom(
  thread: { id: string; version?: number | undefined },
  token: string,
  day: string,
): Promise<Certificate> {
  const created = await callApi(`/api/threads/${thread.id}/complement`, {
    method: 'POST',
    token,
    body: { version: thread.version, consent: consent(day) },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return certificateResponseSchema.parse(created.body).certificate;
}

async function refused(path: string, token: string | undefined, body: unknown, method = 'POST') {
  const response = await callApi(path, { method, ...(token === undefined ? {} : { token }), body });
  const message =
    typeof response.body === 'object' && response.body !== null && 'message' in response.body
      ? response.body.message
      : response.body;
  return `${String(response.status)} ${String(message)}`;
}

async function inbox(token: string, request: InboxRequest = {}) {
  const response = await callApi('/api/threads/query', { method: 'POST', token, body: request });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return inboxResponseSchema.parse(response.body);
}

async function unhandledCount(token: string): Promise<number> {
  const response = await callApi('/api/work-counts', { token });
  return workCountsSchema.parse(response.body).unhandledThreads;
}

async function certificateOf(id: string, token: string): Promise<Certificate> {
  const response = await callApi(`/api/certificates/${id}`, { token });
  expect(response.status).toBe(200);
  return certificateResponseSchema.parse(response.body).certificate;
}

function actionOf(
  subject: { actions: { type: string; label: string; enabled: boolean; reason?: string }[] },
  type: string,
) {
  return subject.actions.find((action) => action.type === type);
}

const consent = (givenOn: string) => ({
  givenBy: 'patient',
  method: 'oral',
  givenOn,
});

async function login(who: SeedUserKey = 'physician') {
  return loginOverApi(who);
}

async function today(token: string): Promise<string> {
  const { body } = await callApi('/api/session', { token });
  if (
    typeof body !== 'object' ||
    body === null ||
    !('today' in body) ||
    typeof body.today !== 'string'
  ) {
    throw new Error('no today');
  }
  return body.today;
}

describe("FK's messages", () => {
  it('refuses messages on an unsent, a draft or a revoked certificate, as the reference does', async () => {
    const signedOnly = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'signed',
    });
    const draft = await createTestCertificate({ type: 'fk7804', patientId: seedPatients.adult.id });
    const revoked = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'revoked',
    });
    const question = { kind: 'question', topic: 'KONTKT', text: 'Ring oss.' } as const;
    for (const [id, reason] of [
      [signedOnly, threadMessages.certificateNotSent],
      [draft, threadMessages.certificateNotSigned],
      [revoked, threadMessages.certificateRevoked],
    ] as const) {
      const response = await fkSends(id, question, 409);
      expect(response.body).toMatchObject({ message: reason });
    }
  });

  it('refuses a duplicate message id, an unknown question, an empty list and text over 4,999 characters', async () => {
    const id = await sentCertificate();
    await fkAsks(id, { messageId: 'FK-1' });
    const again = await fkSends(
      id,
      {
        kind: 'question',
        topic: 'OVRIGT',
        text: 'Ny fråga',
        messageId: 'FK-1',
      },
      409,
    );
    expect(again.body).toMatchObject({ message: threadMessages.duplicateMessage });
    const unknown = await fkSends(
      id,
      {
        kind: 'question',
        topic: 'KOMPLT',
        text: 'Komplettera',
        complements: [{ questionId: '999', instruction: 'Fyll i.' }],
      },
      409,
    );
    expect(unknown.body).toMatchObject({
      message: 'Intyget har ingen fråga med id 999. Kompletteringsbegäran kan inte tas emot.',
    });
    const empty = await fkSends(
      id,
      { kind: 'question', topic: 'KOMPLT', text: 'Komplettera', complements: [] },
      409,
    );
    expect(empty.body).toMatchObject({ message: threadMessages.complementWithoutQuestions });
    const long = await fkSends(
      id,
      { kind: 'question', topic: 'OVRIGT', text: 'x'.repeat(5000) },
      400,
    );
    expect(long.body).toMatchObject({ message: 'Texten får vara högst 4\u00a0999 tecken.' });
  });

  it('files a complement request with the questions it names, their labels and instructions', async () => {
    const id = await sentCertificate();
    const token = await login();
    await fkAsks(id, {
      lastDateToReply: '2099-01-31',
      complements: [
        { questionId: '35', instruction: 'Beskriv undersökningsfynden.' },
        { questionId: '17', instruction: 'Beskriv aktivitetsbegränsningen.' },
      ],
    });
    const thread = await onlyThread(id, token);
    expect(thread).toMatchObject({
      topic: 'KOMPLT',
      from: 'FK',
      subject: 'Komplettering',
      toDo: 'complement',
      lastDateToReply: '2099-01-31',
      due: 'later',
      forwarded: false,
      contactInfo: ['Helena Strand, handläggare', 'Försäkringskassan', 'Telefon 0771-524 524'],
      complements: [
        { questionId: '35', instruction: 'Beskriv undersökningsfynden.' },
        { questionId: '17', instruction: 'Beskriv aktivitetsbegränsningen.' },
      ],
    });
    expect(thread.complements[0]?.questionLabel).toMatch(
      /^Ange vilken\/vilka funktionsnedsättningar/,
    );
    expect(thread.actions.map((action) => [action.type, action.label, action.enabled])).toEqual([
      ['complement', 'Komplettera', true],
      ['cannot-complement', 'Kan ej komplettera', true],
      ['mark-handled', 'Markera som hanterad', true],
      ['forward', 'Vidarebefordra', true],
    ]);
  });
});

describe('the inbox and the counts', () => {
  it('lists what is due first, with the action text, and counts what is unhandled', async () => {
    const token = await login();
    const day = await today(token);
    const first = await sentCertificate();
    const second = await sentCertificate('fk7800', seedPatients.adultMan.id);
    await fkAsks(first, { topic: 'KONTKT', complements: [], text: 'Ring oss' });
    await fkAsks(second, {
      lastDateToReply: '2000-01-01',
      complements: [{ questionId: '4', instruction: 'Beskriv.' }],
    });
    const soon = await fkAsks(first, {
      topic: 'AVSTMN',
      complements: [],
      text: 'Möte?',
      lastDateToReply: day,
    });
    await fkSends(first, { kind: 'reminder', threadId: soon.id, text: 'Påminnelse om mötet.' });

    const { items, total } = await inbox(token);
    expect(total).toBe(3);
    expect(items.map((row) => [row.topic, row.toDo, row.due, row.reminded])).toEqual([
      ['KOMPLT', 'complement', 'overdue', false],
      ['AVSTMN', 'answer', 'soon', true],
      ['KONTKT', 'answer', 'none', false],
    ]);
    expect(items[0]).toMatchObject({
      formNumber: 'FK 7800',
      from: 'FK',
      patient: { identityNumber: seedPatients.adultMan.identityNumber },
      signedBy: { name: 'Anna Lindqvist' },
    });
    expect(await unhandledCount(token)).toBe(3);

    const byPatient = await inbox(token, { sort: 'patient', filter: { toDo: 'answer' } });
    expect(byPatient.items.map((row) => row.topic)).toEqual(['AVSTMN', 'KONTKT']);
    const byName = await inbox(token, {
      filter: { toDo: 'unhandled', patient: seedPatients.adultMan.lastName.toUpperCase() },
    });
    expect(byName.items.map((row) => row.formNumber)).toEqual(['FK 7800']);
    const overdueOnly = await inbox(token, { filter: { toDo: 'complement' } });
    expect(overdueOnly.total).toBe(1);
    const paged = await inbox(token, { pageSize: 10, page: 2 });
    expect(paged.items).toEqual([]);
    expect(paged.total).toBe(3);
  });

  it('sorts patients by family name, then given names', async () => {
    const token = await login();
    for (const patient of [seedPatients.youngWoman, seedPatients.adultMan, seedPatients.adult]) {
      await fkAsks(await sentCertificate('fk7804', patient.id), {
        topic: 'KONTKT',
        complements: [],
      });
    }
    const byPatient = await inbox(token, { sort: 'patient' });
    expect(byPatient.items.map((row) => row.patient.name)).toEqual([
      'Karin Andersson',
      'Per Olof Johansson',
      'Elin Sjöberg',
    ]);
  });

  it('shows protected-identity threads only to roles that may handle them, in the counts too', async () => {
    const physician = await login('physician');
    const id = await sentCertificate('fk7804', seedPatients.protectedIdentity.id);
    await fkAsks(id);
    expect((await inbox(physician)).total).toBe(1);
    expect(await unhandledCount(physician)).toBe(1);
    const admin = await login('careAdmin');
    expect((await inbox(admin)).total).toBe(0);
    expect(await unhandledCount(admin)).toBe(0);
    expect(await refused(`/api/certificates/${id}/threads`, admin, undefined, 'GET')).toBe(
      `403 ${lifecycleMessages.protectedPatient}`,
    );
  });
});

describe("care's answers and handling", () => {
  it("answers FK's question once, with an autosaved draft, and never reopens it", async () => {
    const token = await login();
    const id = await sentCertificate();
    await fkAsks(id, { topic: 'KONTKT', complements: [], text: 'Kan ni ringa oss?' });
    let thread = await onlyThread(id, token);
    thread = await threadCall(
      `/api/threads/${thread.id}/answer-draft`,
      token,
      { version: thread.version, text: 'Vi ringer i' },
      200,
      'PUT',
    );
    expect(thread.answerDraft?.text).toBe('Vi ringer i');
    expect(
      await refused(`/api/threads/${thread.id}/answer`, token, {
        version: thread.version - 1,
        text: 'Ja',
      }),
    ).toMatch(/^409 Ärendet har ändrats/);
    thread = await threadCall(`/api/threads/${thread.id}/answer`, token, {
      version: thread.version,
      text: 'Vi ringer i morgon.',
    });
    expect(thread).toMatchObject({
      toDo: 'handled',
      answer: { from: 'care', text: 'Vi ringer i morgon.', author: { name: 'Anna Lindqvist' } },
      handled: { how: 'answered' },
    });
    expect(thread.answerDraft).toBeUndefined();
    expect(
      await refused(`/api/threads/${thread.id}/answer`, token, {
        version: thread.version,
        text: 'Igen',
      }),
    ).toBe(`409 ${threadMessages.alreadyAnswered}`);
    expect(
      await refused(`/api/threads/${thread.id}/handled`, token, {
        version: thread.version,
        handled: false,
      }),
    ).toBe(`409 ${threadMessages.answeredNotReopened}`);
    expect(actionOf(thread, 'reopen')).toEqual({
      type: 'reopen',
      label: 'Markera som ej hanterad',
      enabled: false,
      reason: threadMessages.answeredNotReopened,
    });
    expect(await unhandledCount(token)).toBe(0);
  });

  it('refuses to answer a complement request with text', async () => {
    const token = await login();
    const id = await sentCertificate();
    await fkAsks(id);
    const thread = await onlyThread(id, token);
    expect(
      await refused(`/api/threads/${thread.id}/answer`, token, {
        version: thread.version,
        text: 'Svar',
      }),
    ).toBe(`409 ${threadMessages.complementNotAnsweredWithText}`);
  });

  it("asks FK a question, reads FK's answer, handles it and may reopen it", async () => {
    const token = await login();
    const id = await sentCertificate();
    expect(
      await refused(`/api/certificates/${id}/threads`, token, { topic: 'KOMPLT', text: 'Hej' }),
    ).toBe('400 Välj typ av fråga.');
    let thread = await threadCall(
      `/api/certificates/${id}/threads`,
      token,
      { topic: 'AVSTMN', text: 'Vi föreslår ett avstämningsmöte.' },
      201,
    );
    expect(thread).toMatchObject({
      from: 'care',
      subject: 'Avstämningsmöte',
      toDo: 'await-answer',
    });
    expect(actionOf(thread, 'answer')).toBeUndefined();
    await fkSends(id, { kind: 'answer', threadId: thread.id, text: 'Tisdag kl. 10 passar.' });
    const second = await fkSends(id, { kind: 'answer', threadId: thread.id, text: 'Igen' }, 409);
    expect(second.body).toMatchObject({ message: threadMessages.alreadyAnswered });
    thread = await onlyThread(id, token);
    expect(thread).toMatchObject({
      toDo: 'read-answer',
      answer: { from: 'FK', text: 'Tisdag kl. 10 passar.' },
    });
    thread = await threadCall(`/api/threads/${thread.id}/handled`, token, {
      version: thread.version,
      handled: true,
    });
    expect(thread.toDo).toBe('handled');
    thread = await threadCall(`/api/threads/${thread.id}/handled`, token, {
      version: thread.version,
      handled: false,
    });
    expect(thread.toDo).toBe('read-answer');
  });

  it('refuses new questions on an unsent certificate and on types without a dialogue', async () => {
    const token = await login();
    const signedOnly = await createTestCertificate({
      type: 'fk7804',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'signed',
    });
    expect(
      await refused(`/api/certificates/${signedOnly}/threads`, token, {
        topic: 'KONTKT',
        text: 'Hej',
      }),
    ).toBe(`409 ${threadMessages.certificateNotSent}`);
    const fk7472 = await createTestCertificate({
      type: 'fk7472',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'sent',
    });
    expect(
      await refused(`/api/certificates/${fk7472}/threads`, token, { topic: 'KONTKT', text: 'Hej' }),
    ).toBe(`409 ${threadMessages.noDialogue}`);
  });

  it('records forwarding', async () => {
    const token = await login();
    const id = await sentCertificate();
    await fkAsks(id);
    let thread = await onlyThread(id, token);
    thread = await threadCall(`/api/threads/${thread.id}/forwarded`, token, {
      version: thread.version,
    });
    expect(thread.forwarded).toBe(true);
    expect((await inbox(token, { filter: { toDo: 'unhandled', forwarded: false } })).total).toBe(0);
    expect((await inbox(token, { filter: { toDo: 'unhandled', forwarded: true } })).total).toBe(1);
  });
});

describe('the complement flow', () => {
  it('blocks replacing, complements after consent, sends the signed complement and handles the request', async () => {
    const token = await login();
    const day = await today(token);
    const id = await sentCertificate();
    await fkAsks(id);
    const original = await certificateOf(id, token);
    expect(actionOf(original, 'replace')).toMatchObject({
      enabled: false,
      reason: lifecycleMessages.unhandledComplementBlocksReplace,
    });
    expect(
      await refused(`/api/certificates/${id}/replace`, token, { version: original.version }),
    ).toBe(`409 ${lifecycleMessages.unhandledComplementBlocksReplace}`);

    const request = await onlyThread(id, token);
    const draft = await complementFrom(request, token, day);
    expect(draft).toMatchObject({
      status: 'draft',
      relations: { parent: { type: 'complements', certificateId: id } },
      consent: { givenBy: 'patient', method: 'oral', givenOn: day },
    });
    expect(draft.answers).toMatchObject({ '35': original.answers['35'] });

    // The request now leads to the begun draft instead of making another.
    const withDraft = await onlyThread(id, token);
    expect(withDraft.complementedBy).toEqual({ certificateId: draft.id, status: 'draft' });
    expect(actionOf(withDraft, 'complement')?.label).toBe(
      'Öppna utkastet som kompletterar intyget',
    );
    expect(
      await refused(`/api/threads/${request.id}/complement`, token, {
        version: withDraft.version,
        consent: consent(day),
      }),
    ).toBe(
      '409 Det finns redan en påbörjad komplettering. Öppna utkastet i stället för att skapa ett nytt.',
    );

    const signed = await callApi(`/api/certificates/${draft.id}/sign`, {
      method: 'POST',
      token,
      body: { version: draft.version, method: 'siths' },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(certificateResponseSchema.parse(signed.body).certificate.sent).toBeDefined();
    const received = fkReceivedResponseSchema.parse(
      (await callApi('/api/testability/fk-received')).body,
    ).received;
    expect(received.find((entry) => entry.certificateId === draft.id)?.relatesTo).toEqual({
      type: 'complements',
      certificateId: id,
    });
    const handled = await onlyThread(id, token);
    expect(handled).toMatchObject({
      toDo: 'handled',
      handled: { how: 'complemented' },
      complementedBy: { certificateId: draft.id, status: 'signed' },
    });
    expect(await unhandledCount(token)).toBe(0);

    // Revoking the complement reopens the original's request.
    const complement = await certificateOf(draft.id, token);
    const revoke = await callApi(`/api/certificates/${draft.id}/revoke`, {
      method: 'POST',
      token,
      body: {
        version: complement.version,
        reason: 'other-serious-error',
        message: 'Fel uppgifter.',
      },
    });
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(200);
    const reopened = await onlyThread(id, token);
    expect(reopened.toDo).toBe('complement');
    expect(reopened.complementedBy).toBeUndefined();
  });

  it("carries FK's requests into the complementing draft, and an FK 7809 shows and requires a function FK asks about", async () => {
    const token = await login();
    const day = await today(token);
    const id = await createTestCertificate({
      type: 'fk7809',
      patientId: seedPatients.adult.id,
      answers: 'complete',
      status: 'sent',
    });
    const original = await certificateOf(id, token);
    expect(original.answers['funktionsnedsattning']).not.toContain('INTELLEKTUELL_FUNKTION');
    const first = await fkAsks(id, {
      lastDateToReply: addDays(day, 20),
      complements: [{ questionId: '8', instruction: 'Beskriv den intellektuella funktionen.' }],
    });
    await fkAsks(id, {
      lastDateToReply: addDays(day, 10),
      complements: [{ questionId: '17', instruction: 'Förtydliga aktivitetsbegränsningarna.' }],
    });
    const request = (await threadsOf(id, token)).find((thread) => thread.id === first.id);
    const draft = await complementFrom({ id: first.id, version: request?.version }, token, day);
    expect(draft.complementRequested).toMatchObject({
      lastDateToReply: addDays(day, 10),
      items: [
        { questionId: '8', instruction: 'Beskriv den intellektuella funktionen.' },
        { questionId: '17', instruction: 'Förtydliga aktivitetsbegränsningarna.' },
      ],
    });
    expect(draft.completeness).toBe('incomplete');

    // Question 8 is required though its box is not ticked; answered, it is signed with it.
    const unanswered = await callApi(`/api/certificates/${draft.id}/sign`, {
      method: 'POST',
      token,
      body: { version: draft.version, method: 'siths' },
    });
    expect(unanswered.status).toBe(422);
    const saved = await callApi(`/api/certificates/${draft.id}/answers`, {
      method: 'PUT',
      token,
      body: {
        version: draft.version,
        answers: { ...draft.answers, '8': 'Begåvningsnivå inom normalvariationen.' },
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const afterSave = await certificateOf(draft.id, token);
    expect(afterSave.completeness).toBe('complete');
    const signed = await callApi(`/api/certificates/${draft.id}/sign`, {
      method: 'POST',
      token,
      body: { version: afterSave.version, method: 'siths' },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const result = certificateResponseSchema.parse(signed.body).certificate;
    expect(result.answers['8']).toBe('Begåvningsnivå inom normalvariationen.');
    expect(result.sent).toBeDefined();
    const threads = await threadsOf(id, token);
    expect(threads.map((thread) => thread.handled?.how)).toEqual(['complemented', 'complemented']);
  });

  it('requires consent, refuses a date in the future, and lets only signing roles answer "Kan ej komplettera"', async () => {
    const admin = await login('careAdmin');
    const id = await sentCertificate();
    await fkAsks(id);
    await fkAsks(id, { complements: [{ questionId: '17', instruction: 'Beskriv.' }] });
    const [latest] = await threadsOf(id, admin);
    if (latest === undefined) throw new Error('expected threads');
    expect(
      await refused(`/api/threads/${latest.id}/complement`, admin, { version: latest.version }),
    ).toBe('400 Fältet ”consent” saknas.');
    expect(
      await refused(`/api/threads/${latest.id}/complement`, admin, {
        version: latest.version,
        consent: consent('2999-01-01'),
      }),
    ).toBe('400 Datumet för samtycket kan inte ligga i framtiden.');
    expect(
      await refused(`/api/threads/${latest.id}/cannot-complement`, admin, {
        version: latest.version,
        reason: 'no-one-responsible',
        text: 'Läkaren har slutat.',
      }),
    ).toBe(`403 ${threadMessages.roleMayNotCannotComplement}`);

    const physician = await login('physician');
    expect(
      await refused(`/api/threads/${latest.id}/cannot-complement`, physician, {
        version: latest.version,
        reason: 'no-one-responsible',
        text: 'x'.repeat(501),
      }),
    ).toBe('400 Texten får vara högst 500 tecken.');
    const response = await callApi(`/api/threads/${latest.id}/cannot-complement`, {
      method: 'POST',
      token: physician,
      body: { version: latest.version, reason: 'no-one-responsible', text: 'Läkaren har slutat.' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const threads = certificateThreadsResponseSchema.parse(response.body).threads;
    expect(
      threads.map((thread) => [thread.toDo, thread.handled?.how, thread.answer?.text]),
    ).toEqual([
      [
        'handled',
        'cannot-complement',
        'Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget. Läkaren har slutat.',
      ],
      [
        'handled',
        'cannot-complement',
        'Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget. Läkaren har slutat.',
      ],
    ]);
  });

  it('refuses "Kan ej komplettera" and marking handled while a complementing draft is open, so FK never gets both', async () => {
    const token = await login();
    const day = await today(token);
    const id = await sentCertificate();
    await fkAsks(id, { text: 'Vi behöver veta mer om undersökningen.' });
    const request = await onlyThread(id, token);
    const draft = await complementFrom(request, token, day);
    // The complementing draft carries FK's message too, not only the per-question instructions.
    expect(draft.complementRequested?.messages).toEqual([
      { text: 'Vi behöver veta mer om undersökningen.', sentAt: request.sentAt },
    ]);

    const withDraft = await onlyThread(id, token);
    for (const type of ['cannot-complement', 'mark-handled']) {
      expect(actionOf(withDraft, type)).toMatchObject({
        enabled: false,
        reason: threadMessages.complementDraftOpen,
      });
    }
    const blocked = `409 ${threadMessages.complementDraftOpen}`;
    expect(
      await refused(`/api/threads/${request.id}/cannot-complement`, token, {
        version: withDraft.version,
        reason: 'no-one-responsible',
        text: 'Läkaren har slutat.',
      }),
    ).toBe(blocked);
    expect(
      await refused(`/api/threads/${request.id}/handled`, token, {
        version: withDraft.version,
        handled: true,
      }),
    ).toBe(blocked);
    const unchanged = await onlyThread(id, token);
    expect(unchanged).toMatchObject({ toDo: 'complement', version: withDraft.version });
    expect(unchanged.handled).toBeUndefined();
    expect(unchanged.answer).toBeUndefined();

    // Once the draft is deleted, the request can be closed without a complement.
    const deleted = await callApi(`/api/certificates/${draft.id}`, {
      method: 'DELETE',
      token,
      body: { version: draft.version },
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    const free = await onlyThread(id, token);
    expect(actionOf(free, 'cannot-complement')?.enabled).toBe(true);
    const handled = await threadCall(`/api/threads/${request.id}/handled`, token, {
      version: free.version,
      handled: true,
    });
    expect(handled.handled?.how).toBe('marked');
  });

  it('closes every open thread when the certificate is revoked, and FK can no longer write', async () => {
    const token = await login();
    const id = await sentCertificate();
    await fkAsks(id);
    await fkAsks(id, { topic: 'OVRIGT', complements: [], text: 'Fråga' });
    const certificate = await certificateOf(id, token);
    const revoke = await callApi(`/api/certificates/${id}/revoke`, {
      method: 'POST',
      token,
      body: { version: certificate.version, reason: 'wrong-patient' },
    });
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(200);
    const stored = storedThreadsResponseSchema.parse(
      (await callApi(`/api/testability/certificates/${id}/threads`)).body,
    ).threads;
    expect(stored.map((thread) => thread.handled?.how)).toEqual(['revoked', 'revoked']);
    expect(await unhandledCount(token)).toBe(0);
    const late = await fkSends(id, { kind: 'question', topic: 'KONTKT', text: 'Hallå?' }, 409);
    expect(late.body).toMatchObject({ message: threadMessages.certificateRevoked });
  });
});

describe('principals', () => {
  async function fkLogin(): Promise<string> {
    const response = await callApi('/api/fk/auth/login', {
      method: 'POST',
      body: { officerId: 'fk-officer-1' },
    });
    expect(response.status).toBe(200);
    return fkLoginResponseSchema.required().parse(response.body).token;
  }

  it('keeps the FK simulator and the care unit apart', async () => {
    const fk = await fkLogin();
    const care = await login();
    const id = await sentCertificate();
    expect(await refused('/api/threads/query', fk, {})).toBe(
      '403 Du har inte tillgång till den här delen av tjänsten.',
    );
    expect(await refused(`/api/certificates/${id}`, fk, undefined, 'GET')).toBe(
      '403 Du har inte tillgång till den här delen av tjänsten.',
    );
    expect(await refused(`/api/fk/cases/${id}`, care, undefined, 'GET')).toBe(
      '403 Du har inte tillgång till den här delen av tjänsten.',
    );
    expect(await refused(`/api/fk/cases/${id}/messages`, undefined, { kind: 'question' })).toBe(
      '401 Du är inte inloggad. Logga in för att fortsätta.',
    );
  });

  it("lets FK's case officer read a received certificate and send a complement request", async () => {
    const fk = await fkLogin();
    const id = await sentCertificate();
    const caseResponse = await callApi(`/api/fk/cases/${id}`, { token: fk });
    expect(caseResponse.status).toBe(200);
    const fkCase = fkCaseResponseSchema.parse(caseResponse.body);
    expect(fkCase).toMatchObject({
      case: { certificateId: id, formNumber: 'FK 7804', openThreads: 0, revoked: false },
      mayRequestComplement: true,
      mayAskQuestions: true,
      threads: [],
    });
    expect(fkCase.questions.map((question) => question.questionId)).toContain('35');
    expect(fkCase.questions.map((question) => question.questionId)).not.toContain('1_3');
    const sent = await callApi(`/api/fk/cases/${id}/messages`, {
      method: 'POST',
      token: fk,
      body: {
        kind: 'question',
        topic: 'KOMPLT',
        text: 'Komplettera',
        complements: [{ questionId: '35', instruction: 'Beskriv.' }],
      },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(fkThreadResponseSchema.parse(sent.body).thread).toMatchObject({
      state: 'awaiting-care',
      mayRemind: true,
      mayAnswer: false,
      contactInfo: ['Helena Strand, handläggare', 'Försäkringskassan', 'Telefon 0771-524 524'],
    });
    const care = await login();
    expect(await unhandledCount(care)).toBe(1);
  });

  it("shows FK where each thread stands, counts only FK's waiting questions, and lists the cases in the order asked", async () => {
    const fk = await fkLogin();
    const care = await login();
    const day = await today(care);
    const id = await sentCertificate();
    const other = await sentCertificate('fk7800');
    const ours = await threadCall(
      `/api/certificates/${id}/threads`,
      care,
      { topic: 'OVRIGT', text: 'Har ni fått journalkopian?' },
      201,
    );
    const request = await fkAsks(id);
    const fkCase = async () =>
      fkCaseResponseSchema.parse((await callApi(`/api/fk/cases/${id}`, { token: fk })).body);
    const stateOf = async (threadId: string) =>
      (await fkCase()).threads.find((thread) => thread.id === threadId)?.state;
    expect(await stateOf(ours.id)).toBe('awaiting-fk');
    expect(await stateOf(request.id)).toBe('awaiting-care');
    expect((await fkCase()).case.openThreads).toBe(1);

    // Complemented: answered with the complementing certificate, not closed without an answer.
    const thread = (await threadsOf(id, care)).find((candidate) => candidate.id === request.id);
    const draft = await complementFrom({ id: request.id, version: thread?.version }, care, day);
    const signed = await callApi(`/api/certificates/${draft.id}/sign`, {
      method: 'POST',
      token: care,
      body: { version: draft.version, method: 'siths' },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(await stateOf(request.id)).toBe('complemented');
    expect((await fkCase()).case.openThreads).toBe(0);

    const listed = async (order: 'asc' | 'desc') => {
      const response = await callApi('/api/fk/cases/query', {
        method: 'POST',
        token: fk,
        body: { order },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return fkCaseListResponseSchema.parse(response.body).items;
    };
    const newestFirst = await listed('desc');
    const oldestFirst = await listed('asc');
    expect(newestFirst.map((row) => row.certificateId)).toEqual(
      expect.arrayContaining([id, other, draft.id]),
    );
    expect(newestFirst[0]?.certificateId).toBe(draft.id);
    expect(oldestFirst.at(-1)?.certificateId).toBe(draft.id);
    const received = (rows: typeof newestFirst) => rows.map((row) => row.receivedAt);
    expect(received(newestFirst)).toEqual(received(newestFirst).toSorted().reverse());
    expect(received(oldestFirst)).toEqual(received(oldestFirst).toSorted());
  });
});
