import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/definitions';
import { careUnit, fkOfficers, seedPatients, seedUsers } from '../seed/seed-data';
import type { CertificateRecord, ThreadRecord } from '../store/schema';
import { newDraftRecord, toActor, type Validation } from './certificates';
import { certificateMessages, type CommandContext } from './certificate-commands';
import { codeListValidation } from './diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from './diagnoses/load-icd10-node';
import { isRejection } from './outcome';
import {
  answerThread,
  cannotComplement,
  checkThreadAction,
  complementFromThread,
  fkMessageIdOf,
  receiveFkMessage,
  setThreadHandled,
  startThread,
  type FkMessage,
  type ThreadContext,
} from './thread-commands';
import { threadMessages } from './threads';

/**
 * The dialogue's commands in-process: FK's messages received as the reference receives them,
 * and the unit's answers, handling and complementing, each returning the next thread(s) and
 * their audit entries, or a refusal as data.
 */

const TODAY = '2026-03-02';
const AT = '2026-03-02T09:30:00.000Z';
const LATER = '2026-03-02T10:00:00.000Z';
const validation: Validation = {
  today: TODAY,
  ...codeListValidation(await loadIcd10IndexFromDisk()),
};
const definition = await loadDefinition('fk7804');
const physician: CommandContext = { user: seedUsers.physician, unit: careUnit, at: LATER };
const careAdmin: CommandContext = { user: seedUsers.careAdmin, unit: careUnit, at: LATER };
const author = toActor(seedUsers.physician);
const patient = seedPatients.adult;
const officer = (() => {
  const [first] = fkOfficers;
  if (first === undefined) throw new Error('The seed has no FK case officer');
  return first;
})();

function sentCertificate(changes: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    ...newDraftRecord({
      definition,
      type: 'fk7804',
      patient,
      unitHsaId: careUnit.hsaId,
      actor: author,
      at: AT,
      answers: {},
      completeness: 'complete',
    }),
    status: 'signed',
    signed: { at: AT, by: author },
    sent: { at: AT, by: author },
    ...changes,
  };
}

/** FK's message received on `certificate`, with nothing stored before it. */
function receive(
  certificate: CertificateRecord,
  message: FkMessage,
  known: { target?: ThreadRecord; messageIdExists?: boolean } = {},
) {
  return receiveFkMessage(
    message,
    {
      certificate,
      definition,
      complements: [],
      messageId: fkMessageIdOf(message),
      messageIdExists: known.messageIdExists ?? false,
      target: known.target,
      contactInfo: officer.contactInfo,
    },
    AT,
  );
}

function received(certificate: CertificateRecord, message: FkMessage): ThreadRecord {
  const outcome = receive(certificate, message);
  if (isRejection(outcome)) throw new Error(outcome.message);
  return outcome.thread;
}

const complementRequest: FkMessage = {
  kind: 'question',
  topic: 'KOMPLT',
  text: 'Komplettera, tack.',
  complements: [{ questionId: '35', instruction: 'Beskriv.' }],
};
const question: FkMessage = {
  kind: 'question',
  topic: 'KONTKT',
  text: 'Ring oss.',
  complements: [],
};

function context(thread: ThreadRecord, certificate: CertificateRecord): ThreadContext {
  return { thread, certificate, patient, definition, complements: [] };
}

describe("FK's messages", () => {
  it('makes a complement request a thread, with the labels of the questions it names', () => {
    const certificate = sentCertificate();
    const thread = received(certificate, complementRequest);
    expect(thread).toMatchObject({
      version: 1,
      state: 'open',
      certificateId: certificate.id,
      from: 'FK',
      topic: 'KOMPLT',
      subject: 'Komplettering',
      sentAt: AT,
      contactInfo: officer.contactInfo,
    });
    expect(thread.complements).toEqual([
      expect.objectContaining({ questionId: '35', instruction: 'Beskriv.' }),
    ]);
  });

  it('refuses what the reference refuses: an unsent certificate, a duplicate message id', () => {
    const unsent = sentCertificate({ sent: undefined });
    expect(receive(unsent, question)).toMatchObject({
      status: 409,
      message: threadMessages.certificateNotSent,
    });
    expect(
      receive(sentCertificate(), { ...question, messageId: 'fk-1' }, { messageIdExists: true }),
    ).toMatchObject({ status: 409, message: threadMessages.duplicateMessage });
  });

  it("puts a reminder in FK's open question, and refuses one for a thread of another certificate", () => {
    const certificate = sentCertificate();
    const thread = received(certificate, question);
    const reminded = receive(
      certificate,
      { kind: 'reminder', threadId: thread.id, text: 'Påminnelse.' },
      { target: thread },
    );
    if (isRejection(reminded)) throw new Error(reminded.message);
    expect(reminded.thread).toMatchObject({ version: 2, reminders: [{ text: 'Påminnelse.' }] });
    expect(
      receive(
        sentCertificate(),
        { kind: 'reminder', threadId: thread.id, text: 'Påminnelse.' },
        { target: thread },
      ),
    ).toMatchObject({ status: 404, message: threadMessages.threadNotOnCertificate });
  });

  it("reopens the unit's handled question when FK answers it", () => {
    const certificate = sentCertificate();
    const started = startThread(
      certificate,
      { topic: 'OVRIGT', text: 'Har ni fått underlaget?' },
      { patient, definition, complements: [] },
      physician,
    );
    if (isRejection(started)) throw new Error(started.message);
    const closed = setThreadHandled(started.thread, true, patient, physician).thread;
    const answered = receive(
      certificate,
      { kind: 'answer', threadId: closed.id, text: 'Ja.' },
      { target: closed },
    );
    if (isRejection(answered)) throw new Error(answered.message);
    expect(answered.thread).toMatchObject({
      state: 'open',
      handled: undefined,
      answer: { from: 'FK', text: 'Ja.' },
    });
  });
});

describe("the unit's commands on a thread", () => {
  it("answers FK's question: handled as answered, audited, based on the version read", () => {
    const certificate = sentCertificate();
    const thread = received(certificate, question);
    expect(checkThreadAction('answer', context(thread, certificate), 2, physician)).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      message: threadMessages.conflict,
    });
    expect(checkThreadAction('answer', context(thread, certificate), 1, physician)).toBe(undefined);
    const outcome = answerThread(thread, 'Vi ringer i morgon.', patient, physician);
    expect(outcome.thread).toMatchObject({
      version: 2,
      state: 'handled',
      handled: { at: LATER, how: 'answered', by: author },
      answer: { from: 'care', text: 'Vi ringer i morgon.', author },
      lastMessageAt: LATER,
    });
    expect(outcome.thread.messageIds).toHaveLength(2);
    expect(outcome.audit).toEqual([
      { action: 'thread-answer', patient, certificateId: certificate.id },
    ]);
  });

  it('lets only a signing role answer "Kan ej komplettera", which handles every open complement request', () => {
    const certificate = sentCertificate();
    const first = received(certificate, complementRequest);
    const second = received(certificate, complementRequest);
    const other = received(certificate, question);
    expect(
      checkThreadAction('cannot-complement', context(first, certificate), 1, careAdmin),
    ).toMatchObject({ status: 403, message: threadMessages.roleMayNotCannotComplement });
    const outcome = cannotComplement(
      [first, second, other],
      { reason: 'no-one-responsible', text: 'Läkaren har slutat.' },
      { certificate, patient },
      physician,
    );
    expect(outcome.changed.map((thread) => thread.id)).toEqual([first.id, second.id]);
    expect(outcome.threads.map((thread) => thread.state)).toEqual(['handled', 'handled', 'open']);
    expect(outcome.changed[0]?.answer?.text).toBe(
      'Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget. Läkaren har slutat.',
    );
  });

  it('refuses "Kan ej komplettera" and marking handled while a complementing draft is begun, so FK never gets both', () => {
    const certificate = sentCertificate();
    const thread = received(certificate, complementRequest);
    const begun: ThreadContext = {
      ...context(thread, certificate),
      complements: [{ certificateId: 'cert-complement', status: 'draft' }],
    };
    for (const action of ['cannot-complement', 'mark-handled'] as const) {
      expect(checkThreadAction(action, begun, 1, physician)).toMatchObject({
        status: 409,
        code: 'INVALID_STATE',
        message:
          'Det finns ett påbörjat utkast som kompletterar intyget. Signera utkastet, eller radera det om intyget inte ska kompletteras.',
      });
      // With no draft begun (none, or it was deleted) both are open to a signing role.
      expect(checkThreadAction(action, context(thread, certificate), 1, physician)).toBe(undefined);
    }
    // FK's other questions on the certificate are not held up by the complementing draft.
    const other = received(certificate, question);
    expect(checkThreadAction('mark-handled', { ...begun, thread: other }, 1, physician)).toBe(
      undefined,
    );
  });

  it('makes a complementing draft answering every open request, and refuses a second or a future consent', () => {
    const certificate = sentCertificate();
    const thread = received(certificate, complementRequest);
    const consent = { givenBy: 'patient', method: 'oral', givenOn: TODAY } as const;
    const made = complementFromThread(
      context(thread, certificate),
      { consent },
      [thread],
      validation,
      physician,
    );
    if (isRejection(made)) throw new Error(made.message);
    expect(made.certificate).toMatchObject({
      status: 'draft',
      definitionVersion: certificate.definitionVersion,
      parent: { type: 'complements', certificateId: certificate.id },
      consent: { givenOn: TODAY, recordedAt: LATER },
      complementRequested: {
        threadIds: [thread.id],
        // FK's own words beside the questions it names: the draft shows both.
        messages: [{ text: 'Komplettera, tack.', sentAt: AT }],
        items: [{ questionId: '35', instruction: 'Beskriv.' }],
      },
    });
    expect(made.audit.map((entry) => [entry.action, entry.certificateId])).toEqual([
      ['certificate-create', made.certificate.id],
      ['certificate-complement', certificate.id],
    ]);
    expect(
      complementFromThread(
        {
          ...context(thread, certificate),
          complements: [{ certificateId: made.certificate.id, status: 'draft' }],
        },
        { consent },
        [thread],
        validation,
        physician,
      ),
    ).toMatchObject({ status: 409, message: threadMessages.complementBegun });
    expect(
      complementFromThread(
        context(thread, certificate),
        { consent: { ...consent, givenOn: '2999-01-01' } },
        [thread],
        validation,
        physician,
      ),
    ).toMatchObject({ status: 400, message: certificateMessages.consentFuture });
  });
});
