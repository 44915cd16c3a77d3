import type {
  CertificateStatus,
  ComplementItem,
  ComplementRequested,
} from '../../src/contracts/certificates';
import {
  threadToDoLabels,
  threadTopicLabels,
  type CareTopic,
  type ThreadAction,
  type ThreadActionType,
  type ThreadDue,
  type ThreadParty,
  type ThreadToDo,
  type ThreadTopic,
} from '../../src/contracts/threads';
import type { FkThreadState } from '../../src/contracts/fk';
import type { CertificateDefinition, Policy } from '../../src/form-engine';
import type { CareUnitRecord, CertificateRecord, ThreadRecord, UserRecord } from '../store/schema';
import { toActor } from './certificates';
import {
  decideRead,
  lifecycleMessages,
  type ActorFacts,
  type Decision,
  type PatientFacts,
  type Refusal,
} from './lifecycle';

/**
 * The dialogue's rules, as pure functions beside the lifecycle: what FK may send about a
 * certificate, what care may do with a thread now (or the HTTP status and Swedish reason why
 * not), what a thread asks of the unit, and how revoking and complementing change threads.
 * The handlers refuse with these, and every thread they return carries the action list
 * `threadActionsFor` yields, so the UI and the backend cannot disagree.
 */

export const threadMessages = {
  certificateNotSigned: 'Intyget är inte signerat. Meddelanden kan bara gälla signerade intyg.',
  certificateNotSent:
    'Intyget har inte skickats till Försäkringskassan. Meddelanden kan bara gälla skickade intyg.',
  certificateRevoked: 'Intyget är makulerat. Det går inte att skicka meddelanden om det.',
  noDialogue: 'Intyg av den här typen har ingen ärendekommunikation med Försäkringskassan.',
  noComplementRequests: 'Försäkringskassan begär inte komplettering av den här intygstypen.',
  duplicateMessage: 'Meddelandet är redan mottaget (meddelande-id finns redan).',
  complementWithoutQuestions: 'En kompletteringsbegäran måste ange minst en fråga i intyget.',
  unknownQuestion: (questionId: string) =>
    `Intyget har ingen fråga med id ${questionId}. Kompletteringsbegäran kan inte tas emot.`,
  duplicateQuestion: (questionId: string) => `Frågan ${questionId} anges mer än en gång.`,
  reminderTargetMissing: 'Frågan som påminnelsen gäller finns inte.',
  reminderTargetNotFk: 'Försäkringskassan kan bara påminna om sina egna frågor.',
  reminderTargetHandled: 'Frågan som påminnelsen gäller är redan hanterad.',
  answerTargetMissing: 'Frågan som svaret gäller finns inte.',
  answerTargetNotCare: 'Försäkringskassan kan bara svara på vårdenhetens frågor.',
  alreadyAnswered: 'Frågan är redan besvarad.',
  alreadyHandled: 'Ärendet är redan hanterat.',
  notHandled: 'Ärendet är inte hanterat.',
  careMayNotStart: 'Vården kan bara ställa frågor om avstämningsmöte, kontakt och övrigt.',
  careQuestionAnsweredByFk: 'Det är Försäkringskassan som svarar på vårdenhetens frågor.',
  complementNotAnsweredWithText:
    'En kompletteringsbegäran besvaras med ett kompletterande intyg eller med ”Kan ej komplettera”.',
  onlyComplementRequests: 'Åtgärden gäller bara kompletteringsbegäranden.',
  complementNotReopened: 'En hanterad kompletteringsbegäran kan inte öppnas igen.',
  answeredNotReopened: 'En fråga som har besvarats kan inte öppnas igen.',
  revokedNotReopened: 'Intyget är makulerat. Ärendet kan inte öppnas igen.',
  roleMayNotComplement: 'Din roll får inte skriva den här intygstypen och kan inte komplettera.',
  roleMayNotAnswer: 'Din roll får inte hantera ärenden om den här intygstypen.',
  roleMayNotCannotComplement:
    'Bara den som får signera intygstypen kan svara att det inte går att komplettera.',
  complementDeceased: 'Patienten är avliden. Det går inte att skapa ett kompletterande intyg.',
  complementAlreadySigned: 'Kompletteringsbegäran är redan besvarad med ett kompletterande intyg.',
  complementDraftOpen:
    'Det finns ett påbörjat utkast som kompletterar intyget. Signera utkastet, eller radera det om intyget inte ska kompletteras.',
  complementBegun:
    'Det finns redan en påbörjad komplettering. Öppna utkastet i stället för att skapa ett nytt.',
  conflict:
    'Ärendet har ändrats sedan du öppnade det, kanske i en annan flik. Ladda om för att se ändringarna.',
  threadNotOnCertificate: 'Frågan hör inte till det här intyget.',
} as const;

const allow: Decision = { allowed: true };
const forbid = (reason: string): Refusal => ({
  allowed: false,
  status: 403,
  code: 'FORBIDDEN',
  reason,
});
const wrongState = (reason: string): Refusal => ({
  allowed: false,
  status: 409,
  code: 'INVALID_STATE',
  reason,
});

/**
 * The questions of a definition a complement request may name: FK's question ids are the
 * main questions that hold answers (a sub-question such as 1_3 is part of its question 1),
 * not the care unit's address.
 */
export function complementableQuestions(
  definition: CertificateDefinition,
): { questionId: string; label: string }[] {
  return definition.categories.flatMap((category) =>
    category.questions
      .filter(
        (question) =>
          question.kind !== 'info' &&
          question.kind !== 'heading' &&
          question.kind !== 'careUnitContact' &&
          !question.id.includes('_'),
      )
      .map((question) => ({
        questionId: question.id,
        label: question.label ?? `Fråga ${question.id}`,
      })),
  );
}

/** What the rules need of the certificate a thread belongs to. */
export interface ThreadCertificateFacts {
  status: CertificateStatus;
  unitHsaId: string;
  sent: boolean;
  /** The definition's question ids (a complement request may name only these). */
  questionIds: ReadonlySet<string>;
  /** Its complementing certificates that are not revoked (a draft or a signed one). */
  complements: readonly { certificateId: string; status: CertificateStatus }[];
}

/** What the rules need of a thread. */
export interface ThreadFacts {
  topic: ThreadTopic;
  from: ThreadParty;
  handled: boolean;
  /** Set when the thread was handled: how. */
  handledHow?: 'marked' | 'answered' | 'complemented' | 'cannot-complement' | 'revoked';
  answered: boolean;
  reminded: boolean;
}

export interface ThreadDecisionInput {
  policy: Policy;
  actor: ActorFacts;
  patient: PatientFacts;
  certificate: ThreadCertificateFacts;
  thread: ThreadFacts;
}

/** What the thread asks of the unit: the inbox's "Åtgärd". */
export function toDoOf(thread: ThreadFacts): ThreadToDo {
  if (thread.handled) return 'handled';
  if (thread.topic === 'KOMPLT') return 'complement';
  if (thread.from === 'FK') return 'answer';
  return thread.answered ? 'read-answer' : 'await-answer';
}

/** Where the thread stands as FK sees it (the FK simulator's state line). */
export function fkStateOf(
  thread: Pick<ThreadFacts, 'from' | 'handled' | 'handledHow' | 'answered'>,
): FkThreadState {
  if (thread.handledHow === 'complemented') return 'complemented';
  if (thread.handledHow === 'cannot-complement') return 'cannot-complement';
  if (thread.answered) return 'answered';
  if (thread.handledHow === 'revoked') return 'revoked';
  if (thread.handled) return 'closed';
  return thread.from === 'FK' ? 'awaiting-care' : 'awaiting-fk';
}

/** The inbox's action text, with Webcert's "Påminnelse: " prefix while a reminder is open. */
export function toDoText(thread: ThreadFacts): string {
  const text = threadToDoLabels[toDoOf(thread)];
  return thread.reminded && !thread.handled ? `Påminnelse: ${text}` : text;
}

/** Days before the last day to answer at which a question counts as soon due. */
export const SOON_DUE_DAYS = 3;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Overdue after its last day; soon due from three days before it, the last day included. */
export function dueOf(
  lastDateToReply: string | undefined,
  today: string,
  handled: boolean,
): ThreadDue {
  if (handled || lastDateToReply === undefined) return 'none';
  const left = daysBetween(today, lastDateToReply);
  if (left < 0) return 'overdue';
  return left <= SOON_DUE_DAYS ? 'soon' : 'later';
}

/** May messages about this certificate be exchanged at all (either way)? */
function dialogueOpen(policy: Policy, certificate: ThreadCertificateFacts): Decision {
  if (!policy.fkMayAskQuestions && !policy.fkMayRequestComplement) {
    return wrongState(threadMessages.noDialogue);
  }
  if (certificate.status === 'revoked') return wrongState(threadMessages.certificateRevoked);
  if (certificate.status !== 'signed') return wrongState(threadMessages.certificateNotSigned);
  if (!certificate.sent) return wrongState(threadMessages.certificateNotSent);
  return allow;
}

/** What FK sends: a new question, a reminder of one of its questions, or an answer to care's. */
export type IncomingMessage =
  | {
      kind: 'question';
      messageId: string;
      topic: ThreadTopic;
      complementQuestionIds: readonly string[];
    }
  | {
      kind: 'reminder';
      messageId: string;
      /** The thread it chases, if its message id was found. */
      target: Pick<ThreadFacts, 'from' | 'handled'> | undefined;
    }
  | {
      kind: 'answer';
      messageId: string;
      target: Pick<ThreadFacts, 'from' | 'answered' | 'handled'> | undefined;
    };

/** Whether FK's message is received, or the reason it is refused (as the reference refuses). */
export function decideIncoming(
  policy: Policy,
  certificate: ThreadCertificateFacts,
  message: IncomingMessage,
  messageIdExists: boolean,
): Decision {
  const open = dialogueOpen(policy, certificate);
  if (!open.allowed) return open;
  if (messageIdExists) return wrongState(threadMessages.duplicateMessage);
  switch (message.kind) {
    case 'question': {
      if (message.topic === 'KOMPLT') {
        if (!policy.fkMayRequestComplement) {
          return wrongState(threadMessages.noComplementRequests);
        }
        if (message.complementQuestionIds.length === 0) {
          return wrongState(threadMessages.complementWithoutQuestions);
        }
        const seen = new Set<string>();
        for (const questionId of message.complementQuestionIds) {
          if (!certificate.questionIds.has(questionId)) {
            return wrongState(threadMessages.unknownQuestion(questionId));
          }
          if (seen.has(questionId)) return wrongState(threadMessages.duplicateQuestion(questionId));
          seen.add(questionId);
        }
        return allow;
      }
      if (!policy.fkMayAskQuestions) return wrongState(threadMessages.noDialogue);
      return allow;
    }
    case 'reminder': {
      if (message.target === undefined) return wrongState(threadMessages.reminderTargetMissing);
      if (message.target.from !== 'FK') return wrongState(threadMessages.reminderTargetNotFk);
      if (message.target.handled) return wrongState(threadMessages.reminderTargetHandled);
      return allow;
    }
    case 'answer': {
      if (message.target === undefined) return wrongState(threadMessages.answerTargetMissing);
      if (message.target.from !== 'care') return wrongState(threadMessages.answerTargetNotCare);
      if (message.target.answered) return wrongState(threadMessages.alreadyAnswered);
      return allow;
    }
  }
}

/** Care starts an administrative question about a certificate. */
export function decideStartThread(
  input: Omit<ThreadDecisionInput, 'thread'>,
  topic: ThreadTopic,
): Decision {
  const { policy, actor, patient, certificate } = input;
  const read = decideRead(policy, actor, patient, certificate);
  if (!read.allowed) return read;
  if (!policy.draftRoles.includes(actor.role)) return forbid(threadMessages.roleMayNotAnswer);
  if (topic === 'KOMPLT') return forbid(threadMessages.careMayNotStart);
  if (!policy.fkMayAskQuestions) return wrongState(threadMessages.noDialogue);
  return dialogueOpen(policy, certificate);
}

function openComplementDraft(certificate: ThreadCertificateFacts) {
  return certificate.complements.find((complement) => complement.status === 'draft');
}

/**
 * A complement request with a begun complementing draft is answered by that draft: closing it
 * another way ("Kan ej komplettera", marked handled) would let FK receive both.
 */
function complementDraftBlocks(certificate: ThreadCertificateFacts): Decision {
  return openComplementDraft(certificate) === undefined
    ? allow
    : wrongState(threadMessages.complementDraftOpen);
}

/** Whether care may take `action` on the thread now, or why not. */
export function decideThread(action: ThreadActionType, input: ThreadDecisionInput): Decision {
  const { policy, actor, patient, certificate, thread } = input;
  const read = decideRead(policy, actor, patient, certificate);
  if (!read.allowed) return read;
  if (!policy.draftRoles.includes(actor.role)) return forbid(threadMessages.roleMayNotAnswer);
  switch (action) {
    case 'answer': {
      if (thread.topic === 'KOMPLT')
        return wrongState(threadMessages.complementNotAnsweredWithText);
      if (thread.from !== 'FK') return wrongState(threadMessages.careQuestionAnsweredByFk);
      if (thread.answered) return wrongState(threadMessages.alreadyAnswered);
      if (thread.handled) return wrongState(threadMessages.alreadyHandled);
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      return allow;
    }
    case 'complement': {
      if (thread.topic !== 'KOMPLT') return wrongState(threadMessages.onlyComplementRequests);
      if (thread.handled) return wrongState(threadMessages.alreadyHandled);
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      if (certificate.complements.some((complement) => complement.status === 'signed')) {
        return wrongState(threadMessages.complementAlreadySigned);
      }
      // An existing complementing draft is opened, not duplicated: allowed either way.
      if (openComplementDraft(certificate) !== undefined) return allow;
      if (patient.deceased) return wrongState(threadMessages.complementDeceased);
      return allow;
    }
    case 'cannot-complement': {
      if (thread.topic !== 'KOMPLT') return wrongState(threadMessages.onlyComplementRequests);
      if (!policy.signRoles.includes(actor.role)) {
        return forbid(threadMessages.roleMayNotCannotComplement);
      }
      if (thread.handled) return wrongState(threadMessages.alreadyHandled);
      if (certificate.status === 'revoked') return wrongState(lifecycleMessages.revoked);
      return complementDraftBlocks(certificate);
    }
    case 'mark-handled': {
      if (thread.handled) return wrongState(threadMessages.alreadyHandled);
      return thread.topic === 'KOMPLT' ? complementDraftBlocks(certificate) : allow;
    }
    case 'reopen': {
      if (!thread.handled) return wrongState(threadMessages.notHandled);
      if (thread.topic === 'KOMPLT') return wrongState(threadMessages.complementNotReopened);
      if (thread.handledHow === 'revoked' || certificate.status === 'revoked') {
        return wrongState(threadMessages.revokedNotReopened);
      }
      // FS-011: an FK question care has answered stays closed.
      if (thread.from === 'FK' && thread.answered) {
        return wrongState(threadMessages.answeredNotReopened);
      }
      return allow;
    }
    case 'forward':
      return thread.handled ? wrongState(threadMessages.alreadyHandled) : allow;
  }
}

function labelOf(action: ThreadActionType, input: ThreadDecisionInput): string {
  switch (action) {
    case 'answer':
      return 'Skicka svar';
    case 'complement':
      return openComplementDraft(input.certificate) === undefined
        ? 'Komplettera'
        : 'Öppna utkastet som kompletterar intyget';
    case 'cannot-complement':
      return 'Kan ej komplettera';
    case 'mark-handled':
      return 'Markera som hanterad';
    case 'reopen':
      return 'Markera som ej hanterad';
    case 'forward':
      return 'Vidarebefordra';
  }
}

/** Which actions a thread offers at all in its state (enabled or with a reason). */
function offered(action: ThreadActionType, input: ThreadDecisionInput): boolean {
  const { thread, policy, actor } = input;
  const complement = thread.topic === 'KOMPLT';
  switch (action) {
    case 'answer':
      return !complement && thread.from === 'FK' && !thread.answered && !thread.handled;
    case 'complement':
      return complement && !thread.handled;
    case 'cannot-complement':
      return complement && !thread.handled && policy.signRoles.includes(actor.role);
    case 'mark-handled':
      return !thread.handled;
    case 'reopen':
      return thread.handled && !complement && thread.handledHow !== 'revoked';
    case 'forward':
      return !thread.handled;
  }
}

const actionOrder: readonly ThreadActionType[] = [
  'complement',
  'cannot-complement',
  'answer',
  'mark-handled',
  'reopen',
  'forward',
];

/** The action list a thread response carries. */
export function threadActionsFor(input: ThreadDecisionInput): ThreadAction[] {
  return actionOrder
    .filter((action) => offered(action, input))
    .map((action) => {
      const decision = decideThread(action, input);
      const label = labelOf(action, input);
      return decision.allowed
        ? { type: action, label, enabled: true }
        : { type: action, label, enabled: false, reason: decision.reason };
    });
}

/** A certificate with an unhandled complement request cannot be replaced (as in Webcert). */
export function blocksReplace(threads: readonly Pick<ThreadFacts, 'topic' | 'handled'>[]): boolean {
  return threads.some((thread) => thread.topic === 'KOMPLT' && !thread.handled);
}

/** The parts of a stored thread the state changes below touch. */
export interface ThreadState {
  topic: ThreadTopic;
  handled?: { at: string; how: NonNullable<ThreadFacts['handledHow']>; by?: unknown } | undefined;
  answerDraft?: unknown;
  complementedBy?: { certificateId: string; status: CertificateStatus } | undefined;
}

/**
 * Revoking a certificate closes its open threads (their unsent answers go with them).
 * Returns only the threads that changed.
 */
export function closeOnRevoke<T extends ThreadState>(threads: readonly T[], at: string): T[] {
  return threads
    .filter((thread) => thread.handled === undefined)
    .map((thread) => ({ ...thread, handled: { at, how: 'revoked' }, answerDraft: undefined }));
}

/**
 * Signing a complementing certificate handles every open complement request of its parent.
 * Returns only the threads that changed.
 */
export function handleOnComplementSigned<T extends ThreadState>(
  parentThreads: readonly T[],
  complementId: string,
  at: string,
): T[] {
  return parentThreads
    .filter((thread) => thread.topic === 'KOMPLT' && thread.handled === undefined)
    .map((thread) => ({
      ...thread,
      handled: { at, how: 'complemented' },
      complementedBy: { certificateId: complementId, status: 'signed' },
      answerDraft: undefined,
    }));
}

/**
 * Revoking a complementing certificate reopens the parent's requests it had answered, and
 * forgets a complementing draft that is revoked. Returns only the threads that changed.
 */
export function reopenOnComplementRevoked<T extends ThreadState>(
  parentThreads: readonly T[],
  complementId: string,
): T[] {
  return parentThreads
    .filter(
      (thread) =>
        thread.topic === 'KOMPLT' && thread.complementedBy?.certificateId === complementId,
    )
    .map((thread) => ({
      ...thread,
      handled: thread.handled?.how === 'complemented' ? undefined : thread.handled,
      complementedBy: undefined,
    }));
}

/**
 * What a complementing draft made now answers: every open complement request of the
 * certificate, oldest first, with FK's message, the questions it names and FK's instructions,
 * and the earliest last day to answer. Undefined when no request is open.
 */
export function complementRequestedBy(
  threads: readonly (ThreadState & {
    id: string;
    sentAt: string;
    text: string;
    lastDateToReply?: string | undefined;
    complements: readonly ComplementItem[];
  })[],
): ComplementRequested | undefined {
  const open = threads
    .filter((thread) => thread.topic === 'KOMPLT' && thread.handled === undefined)
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  const [first] = open;
  if (first === undefined) return undefined;
  const items = open.flatMap((thread) => thread.complements);
  if (items.length === 0) return undefined;
  const deadlines = open
    .map((thread) => thread.lastDateToReply)
    .filter((date): date is string => date !== undefined)
    .sort();
  const [lastDateToReply] = deadlines;
  return {
    threadIds: open.map((thread) => thread.id),
    items,
    messages: open.map(({ text, sentAt }) => ({ text, sentAt })),
    ...(lastDateToReply === undefined ? {} : { lastDateToReply }),
  };
}

/** A thread's next stored state: a new version, `state` kept in step with `handled`. */
export function nextThread(thread: ThreadRecord, changes: Partial<ThreadRecord>): ThreadRecord {
  const next = { ...thread, ...changes, version: thread.version + 1 };
  return { ...next, state: next.handled === undefined ? 'open' : 'handled' };
}

/** A new question from the care unit to FK (an administrative topic), as first stored. */
export function careThreadRecord(
  certificate: CertificateRecord,
  signedBy: ThreadRecord['signedBy'],
  question: { topic: CareTopic; text: string },
  user: UserRecord,
  unit: Pick<CareUnitRecord, 'name' | 'phone'>,
  at: string,
): ThreadRecord {
  const messageId = `care-${crypto.randomUUID()}`;
  return {
    id: `thread-${crypto.randomUUID()}`,
    version: 1,
    certificateId: certificate.id,
    certificateType: certificate.type,
    signedBy,
    unitHsaId: certificate.unitHsaId,
    patientId: certificate.patientId,
    state: 'open',
    topic: question.topic,
    from: 'care',
    author: toActor(user),
    subject: threadTopicLabels[question.topic],
    text: question.text,
    sentAt: at,
    lastMessageAt: at,
    messageId,
    messageIds: [messageId],
    contactInfo: [unit.name, unit.phone],
    complements: [],
    reminders: [],
    forwarded: false,
  };
}
