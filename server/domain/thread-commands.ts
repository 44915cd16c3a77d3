import type { CertificateStatus } from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import type { z } from 'zod';
import type { fkMessageRequestSchema } from '../../src/contracts/fk';
import {
  cannotComplementReasonLabels,
  threadTopicLabels,
  type CannotComplementReason,
  type CareTopic,
  type ThreadActionType,
} from '../../src/contracts/threads';
import type { CertificateDefinition } from '../../src/form-engine';
import type { CertificateRecord, PatientRecord, ThreadRecord } from '../store/schema';
import { toActor, type Validation } from './certificates';
import {
  checkConsentDate,
  complementCertificate,
  type CommandContext,
  type ConsentInput,
  type DraftOutcome,
} from './certificate-commands';
import type { ActorFacts, PatientFacts } from './lifecycle';
import { auditOf, reject, rejectionOf, type AuditEffect, type Rejection } from './outcome';
import {
  careThreadRecord,
  complementableQuestions,
  complementRequestedBy,
  decideIncoming,
  decideStartThread,
  decideThread,
  nextThread,
  threadMessages,
  type IncomingMessage,
  type ThreadCertificateFacts,
  type ThreadDecisionInput,
  type ThreadFacts,
} from './threads';

/**
 * The commands of the dialogue with Försäkringskassan, as pure functions: care starts,
 * answers, handles and forwards threads and meets complement requests; FK's messages arrive.
 * Each takes the thread (and its certificate) as read, the command's input and its context,
 * and returns the next thread(s) and their audit entries, or a refusal as data.
 */

/** A thread with what the rules and the presentation need of its certificate. */
export interface ThreadContext {
  thread: ThreadRecord;
  certificate: CertificateRecord;
  patient: PatientRecord;
  definition: CertificateDefinition;
  /** The certificate's complementing certificates that are not revoked. */
  complements: { certificateId: string; status: CertificateStatus }[];
}

/** A command on a thread: the thread as it is now, and the audit entries it makes. */
export interface ThreadOutcome {
  thread: ThreadRecord;
  audit: AuditEffect[];
}

export function threadFactsOf(thread: ThreadRecord): ThreadFacts {
  return {
    topic: thread.topic,
    from: thread.from,
    handled: thread.handled !== undefined,
    ...(thread.handled === undefined ? {} : { handledHow: thread.handled.how }),
    answered: thread.answer !== undefined,
    reminded: thread.reminders.length > 0,
  };
}

export function certificateFactsOf(
  certificate: CertificateRecord,
  definition: CertificateDefinition,
  complements: ThreadContext['complements'],
): ThreadCertificateFacts {
  return {
    status: certificate.status,
    unitHsaId: certificate.unitHsaId,
    sent: certificate.sent !== undefined,
    questionIds: new Set(
      complementableQuestions(definition).map((question) => question.questionId),
    ),
    complements,
  };
}

export function patientFactsOf(patient: PatientRecord): PatientFacts {
  return {
    protectedIdentity: patient.protectedIdentity,
    deceased: patient.deceased,
    testIndicated: patient.testIndicated,
  };
}

export function actorFactsOf(context: Pick<CommandContext, 'user' | 'unit'>): ActorFacts {
  return { role: context.user.role, unitHsaId: context.unit.hsaId };
}

export function threadDecisionInput(
  context: ThreadContext,
  actor: ActorFacts,
): ThreadDecisionInput {
  return {
    policy: context.definition.policy,
    actor,
    patient: patientFactsOf(context.patient),
    certificate: certificateFactsOf(context.certificate, context.definition, context.complements),
    thread: threadFactsOf(context.thread),
  };
}

/**
 * Whether care may take `action` on the thread now, based on `version`: the thread rules'
 * decision (403/409), then the version the caller read (409). Undefined: go ahead.
 */
export function checkThreadAction(
  action: ThreadActionType,
  context: ThreadContext,
  version: number,
  actor: Pick<CommandContext, 'user' | 'unit'>,
): Rejection | undefined {
  const decision = decideThread(action, threadDecisionInput(context, actorFactsOf(actor)));
  if (!decision.allowed) return rejectionOf(decision);
  if (context.thread.version !== version) {
    return reject(409, apiErrorCodes.conflict, threadMessages.conflict);
  }
  return undefined;
}

/** Care asks FK an administrative question about a sent certificate. */
export function startThread(
  certificate: CertificateRecord,
  question: { topic: CareTopic; text: string },
  facts: Omit<ThreadContext, 'thread' | 'certificate'>,
  context: CommandContext,
): ThreadOutcome | Rejection {
  const decision = decideStartThread(
    {
      policy: facts.definition.policy,
      actor: actorFactsOf(context),
      patient: patientFactsOf(facts.patient),
      certificate: certificateFactsOf(certificate, facts.definition, facts.complements),
    },
    question.topic,
  );
  if (!decision.allowed) return rejectionOf(decision);
  const signed = certificate.signed;
  if (signed === undefined) throw new Error('decideStartThread admits only signed ones');
  const thread = careThreadRecord(
    certificate,
    signed.by,
    question,
    context.user,
    context.unit,
    context.at,
  );
  return { thread, audit: [auditOf('thread-create', facts.patient, certificate.id)] };
}

/** The unit's unsent answer, saved as it is typed; an empty text removes it. */
export function saveAnswerDraft(
  thread: ThreadRecord,
  text: string,
  context: CommandContext,
): ThreadOutcome {
  return {
    thread: nextThread(thread, {
      answerDraft:
        text.trim() === ''
          ? undefined
          : { text, savedAt: context.at, savedBy: toActor(context.user) },
    }),
    audit: [],
  };
}

/** The unit's message in a thread: its answer, or "Kan ej komplettera". */
function careMessage(thread: ThreadRecord, text: string, context: CommandContext) {
  const messageId = `care-${crypto.randomUUID()}`;
  const author = toActor(context.user);
  return {
    author,
    changes: {
      answer: { messageId, sentAt: context.at, text, from: 'care', author },
      answerDraft: undefined,
      lastMessageAt: context.at,
      messageIds: [...thread.messageIds, messageId],
    } satisfies Partial<ThreadRecord>,
  };
}

/** Answering FK's question sends the answer and handles the thread. */
export function answerThread(
  thread: ThreadRecord,
  text: string,
  patient: PatientRecord,
  context: CommandContext,
): ThreadOutcome {
  const { author, changes } = careMessage(thread, text, context);
  return {
    thread: nextThread(thread, {
      ...changes,
      handled: { at: context.at, how: 'answered', by: author },
    }),
    audit: [auditOf('thread-answer', patient, thread.certificateId)],
  };
}

/** Handled, or (an administrative question) not handled again. */
export function setThreadHandled(
  thread: ThreadRecord,
  handled: boolean,
  patient: PatientRecord,
  context: CommandContext,
): ThreadOutcome {
  return {
    thread: handled
      ? nextThread(thread, {
          handled: { at: context.at, how: 'marked', by: toActor(context.user) },
          answerDraft: undefined,
        })
      : nextThread(thread, { handled: undefined }),
    audit: [auditOf(handled ? 'thread-handle' : 'thread-reopen', patient, thread.certificateId)],
  };
}

/** Forwarding happens by e-mail outside the service; this records that it was done. */
export function forwardThread(thread: ThreadRecord, patient: PatientRecord): ThreadOutcome {
  return {
    thread: nextThread(thread, { forwarded: true }),
    audit: [auditOf('thread-forward', patient, thread.certificateId)],
  };
}

/**
 * "Komplettera" on a complement request: while a complementing draft is begun a second is
 * refused (the thread's action leads to the one begun); the consent to complementing cannot
 * be dated after today; the draft answers every open complement request of the certificate
 * (`certificateThreads`).
 */
export function complementFromThread(
  context: ThreadContext,
  input: { consent: ConsentInput },
  certificateThreads: Parameters<typeof complementRequestedBy>[0],
  validation: Validation,
  command: CommandContext,
): DraftOutcome | Rejection {
  if (context.complements.some((complement) => complement.status === 'draft')) {
    return reject(409, 'INVALID_STATE', threadMessages.complementBegun);
  }
  const future = checkConsentDate(input.consent.givenOn, validation.today);
  if (future !== undefined) return future;
  return complementCertificate(
    context.certificate,
    { consent: input.consent, requested: complementRequestedBy(certificateThreads) },
    { patient: context.patient, written: context.definition },
    validation,
    command,
  );
}

/**
 * "Kan ej komplettera": one message answers every open complement request of the certificate
 * and handles it. Returns every thread of the certificate as it is now, and those it changed.
 */
export function cannotComplement(
  threads: readonly ThreadRecord[],
  input: { reason: CannotComplementReason; text: string },
  facts: { certificate: CertificateRecord; patient: PatientRecord },
  context: CommandContext,
): { threads: ThreadRecord[]; changed: ThreadRecord[]; audit: AuditEffect[] } {
  const text = `${cannotComplementReasonLabels[input.reason]} ${input.text}`;
  const changed: ThreadRecord[] = [];
  const after = threads.map((thread) => {
    if (thread.topic !== 'KOMPLT' || thread.handled !== undefined) return thread;
    const { author, changes } = careMessage(thread, text, context);
    const next = nextThread(thread, {
      ...changes,
      cannotComplement: { reason: input.reason, text: input.text },
      handled: { at: context.at, how: 'cannot-complement', by: author },
    });
    changed.push(next);
    return next;
  });
  return {
    threads: after,
    changed,
    audit: [auditOf('thread-cannot-complement', facts.patient, facts.certificate.id)],
  };
}

// -- Försäkringskassan's messages ---------------------------------------------------------

/** FK's message, as its schema parses it. */
export type FkMessage = z.output<typeof fkMessageRequestSchema>;

/** The id of FK's message: its own, or a new one when FK's side did not give one. */
export function fkMessageIdOf(message: FkMessage): string {
  return message.messageId ?? `fk-${crypto.randomUUID()}`;
}

/**
 * One message from FK about a certificate, received as the reference receives it
 * (`decideIncoming`): a new question or complement request becomes a thread; a reminder or
 * FK's answer to the unit's question goes into the thread it names (`target`, read by the
 * message's thread id). FK's answer reopens a question the unit had closed while waiting.
 */
export function receiveFkMessage(
  message: FkMessage,
  facts: {
    certificate: CertificateRecord;
    definition: CertificateDefinition;
    complements: ThreadContext['complements'];
    messageId: string;
    messageIdExists: boolean;
    target: ThreadRecord | undefined;
    /** How the case officer signs the message. */
    contactInfo: readonly string[];
  },
  at: string,
): { thread: ThreadRecord } | Rejection {
  const { certificate, definition, messageId, messageIdExists } = facts;
  const certificateFacts = certificateFactsOf(certificate, definition, facts.complements);

  if (message.kind === 'question') {
    const incoming: IncomingMessage = {
      kind: 'question',
      messageId,
      topic: message.topic,
      complementQuestionIds:
        message.topic === 'KOMPLT' ? message.complements.map((item) => item.questionId) : [],
    };
    const decision = decideIncoming(definition.policy, certificateFacts, incoming, messageIdExists);
    if (!decision.allowed) return rejectionOf(decision);
    const signed = certificate.signed;
    if (signed === undefined) throw new Error('decideIncoming admits only signed certificates');
    const labels = new Map(
      complementableQuestions(definition).map((question) => [question.questionId, question.label]),
    );
    return {
      thread: {
        id: `thread-${crypto.randomUUID()}`,
        version: 1,
        certificateId: certificate.id,
        certificateType: certificate.type,
        signedBy: signed.by,
        unitHsaId: certificate.unitHsaId,
        patientId: certificate.patientId,
        state: 'open',
        topic: message.topic,
        from: 'FK',
        subject:
          message.subject === undefined || message.subject === ''
            ? threadTopicLabels[message.topic]
            : message.subject,
        text: message.text,
        sentAt: at,
        lastMessageAt: at,
        messageId,
        messageIds: [messageId],
        ...(message.fkReference === undefined || message.fkReference === ''
          ? {}
          : { fkReference: message.fkReference }),
        contactInfo: [...facts.contactInfo],
        ...(message.lastDateToReply === undefined
          ? {}
          : { lastDateToReply: message.lastDateToReply }),
        complements:
          message.topic === 'KOMPLT'
            ? message.complements.map((item) => ({
                questionId: item.questionId,
                questionLabel: labels.get(item.questionId) ?? item.questionId,
                instruction: item.instruction,
              }))
            : [],
        reminders: [],
        forwarded: false,
      },
    };
  }

  const { target } = facts;
  if (target !== undefined && target.certificateId !== certificate.id) {
    return reject(404, apiErrorCodes.notFound, threadMessages.threadNotOnCertificate);
  }
  const targetFacts =
    target === undefined
      ? undefined
      : {
          from: target.from,
          handled: target.handled !== undefined,
          answered: target.answer !== undefined,
        };
  const decision = decideIncoming(
    definition.policy,
    certificateFacts,
    message.kind === 'reminder'
      ? { kind: 'reminder', messageId, target: targetFacts }
      : { kind: 'answer', messageId, target: targetFacts },
    messageIdExists,
  );
  if (!decision.allowed) return rejectionOf(decision);
  if (target === undefined) throw new Error('decideIncoming admits only an existing target');
  const common = { lastMessageAt: at, messageIds: [...target.messageIds, messageId] };
  return {
    thread:
      message.kind === 'reminder'
        ? nextThread(target, {
            ...common,
            reminders: [...target.reminders, { messageId, sentAt: at, text: message.text }],
          })
        : nextThread(target, {
            ...common,
            answer: { messageId, sentAt: at, text: message.text, from: 'FK' },
            handled: undefined,
          }),
  };
}
