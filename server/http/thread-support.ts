import type { PathParams } from './route';
import { z } from 'zod';
import type { CertificateStatus } from '../../src/contracts/certificates';
import { apiErrorCodes, opaqueIdSchema } from '../../src/contracts/common';
import type { FkThread } from '../../src/contracts/fk';
import {
  threadResponseSchema,
  threadTopicLabels,
  type CareTopic,
  type Thread,
  type ThreadActionType,
} from '../../src/contracts/threads';
import { loadAllDefinitionVersions, type DefinitionSet } from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import type { Database, Transaction } from '../store/store';
import type {
  CareUnitRecord,
  CertificateRecord,
  PatientRecord,
  ThreadRecord,
  UserRecord,
} from '../store/schema';
import { patientName, toActor } from '../domain/certificates';
import { isoInstant, swedishDay } from '../domain/clock';
import type { ActorFacts, PatientFacts } from '../domain/lifecycle';
import {
  complementableQuestions,
  decideThread,
  dueOf,
  fkStateOf,
  threadActionsFor,
  toDoOf,
  type ThreadCertificateFacts,
  type ThreadDecisionInput,
  type ThreadFacts,
} from '../domain/threads';
import type { EndpointResolver } from './endpoint';
import { guardWithBody, type AccessInput } from './guard';
import { errorResponse, jsonResponse, type Auth } from './support';
import { refuse } from './certificate-action';

/**
 * What the thread handlers share: the definitions (loaded before any transaction opens),
 * a thread with its certificate and patient read in one transaction, the facts the thread
 * rules decide on, and a thread as the API presents it to care, to FK and to testers.
 */

export const threadHandlerMessages = {
  /** A thread not on the user's unit: alike whether it exists elsewhere or not at all. */
  notFound: 'Ärendet finns inte på din vårdenhet.',
  badId: 'Ogiltigt ärende-id.',
  certificateNotFound: 'Intyget finns inte.',
  complementBegun:
    'Det finns redan en påbörjad komplettering. Öppna utkastet i stället för att skapa ett nytt.',
  conflict:
    'Ärendet har ändrats sedan du öppnade det, kanske i en annan flik. Ladda om för att se ändringarna.',
} as const;

/**
 * Every definition of every version (the registry's), loaded before a transaction opens: the
 * thread handlers, FK's simulator and the lists read certificates of any version inside one.
 */
export type Definitions = DefinitionSet;

export function loadDefinitions(): Promise<Definitions> {
  return loadAllDefinitionVersions();
}

/** The definition a certificate was written with: by its code and its version. */
export function definitionOf(
  definitions: Definitions,
  certificate: Pick<CertificateRecord, 'type' | 'definitionVersion'>,
): CertificateDefinition {
  return definitions.of(certificate);
}

export function parseOpaqueId(raw: unknown): string | undefined {
  const id = opaqueIdSchema.safeParse(raw);
  return id.success ? id.data : undefined;
}

/** A thread with what the rules and the presentation need, read in one transaction. */
export interface ThreadContext {
  thread: ThreadRecord;
  certificate: CertificateRecord;
  patient: PatientRecord;
  definition: CertificateDefinition;
  /** The certificate's complementing certificates that are not revoked. */
  complements: { certificateId: string; status: CertificateStatus }[];
}

/** The certificate's complementing children that still count (not revoked). */
export async function loadComplements(
  tx: Transaction,
  certificateId: string,
): Promise<ThreadContext['complements']> {
  const children = await tx.certificates.getAllByIndex('by-parent', { equals: certificateId });
  return children
    .filter((child) => child.parent?.type === 'complements' && child.status !== 'revoked')
    .map((child) => ({ certificateId: child.id, status: child.status }));
}

export async function loadThreadContext(
  tx: Transaction,
  thread: ThreadRecord,
  definitions: Definitions,
): Promise<ThreadContext | Response> {
  const certificate = await tx.certificates.get(thread.certificateId);
  const patient = await tx.patients.get(thread.patientId);
  if (certificate === undefined || patient === undefined) {
    return errorResponse(404, apiErrorCodes.notFound, threadHandlerMessages.notFound);
  }
  return {
    thread,
    certificate,
    patient,
    definition: definitionOf(definitions, certificate),
    complements: await loadComplements(tx, certificate.id),
  };
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

/** A thread as stored, presented (without the actions, which depend on who asks). */
export function presentStoredThread(
  context: ThreadContext,
  today: string,
): Omit<Thread, 'actions'> {
  const { thread, certificate, patient, definition, complements } = context;
  const signed = certificate.signed;
  if (signed === undefined) throw new Error('A thread belongs to a signed certificate');
  const facts = threadFactsOf(thread);
  const openComplement =
    thread.topic === 'KOMPLT' && thread.handled === undefined ? complements[0] : undefined;
  const complementedBy = thread.complementedBy ?? openComplement;
  return {
    id: thread.id,
    version: thread.version,
    certificate: {
      id: certificate.id,
      type: certificate.type,
      formNumber: definition.formNumber,
      name: definition.name,
      status: certificate.status,
      signedAt: signed.at,
      signedBy: signed.by,
    },
    patient: {
      id: patient.id,
      name: patientName(patient),
      identityNumber: patient.identityNumber,
      protectedIdentity: patient.protectedIdentity,
      deceased: patient.deceased,
      testIndicated: patient.testIndicated,
    },
    unitHsaId: thread.unitHsaId,
    topic: thread.topic,
    from: thread.from,
    ...(thread.author === undefined ? {} : { author: thread.author }),
    subject: thread.subject,
    text: thread.text,
    sentAt: thread.sentAt,
    ...(thread.fkReference === undefined ? {} : { fkReference: thread.fkReference }),
    contactInfo: thread.contactInfo,
    ...(thread.lastDateToReply === undefined ? {} : { lastDateToReply: thread.lastDateToReply }),
    due: dueOf(thread.lastDateToReply, today, facts.handled),
    complements: thread.complements,
    reminders: thread.reminders,
    ...(thread.answer === undefined ? {} : { answer: thread.answer }),
    ...(thread.answerDraft === undefined ? {} : { answerDraft: thread.answerDraft }),
    ...(thread.handled === undefined ? {} : { handled: thread.handled }),
    forwarded: thread.forwarded,
    ...(complementedBy === undefined ? {} : { complementedBy }),
    ...(thread.cannotComplement === undefined ? {} : { cannotComplement: thread.cannotComplement }),
    toDo: toDoOf(facts),
  };
}

export function actorOf(auth: Auth): ActorFacts {
  return { role: auth.user.role, unitHsaId: auth.unit.hsaId };
}

/** A thread as care sees it: with the actions the user may take on it now. */
export function presentThread(context: ThreadContext, auth: Auth): Thread {
  return {
    ...presentStoredThread(context, swedishDay(auth.now)),
    actions: threadActionsFor(threadDecisionInput(context, actorOf(auth))),
  };
}

/** A thread as FK sees it: what was exchanged, not the unit's internal state. */
export function presentFkThread(thread: ThreadRecord): FkThread {
  return {
    id: thread.id,
    topic: thread.topic,
    from: thread.from,
    subject: thread.subject,
    text: thread.text,
    sentAt: thread.sentAt,
    ...(thread.fkReference === undefined ? {} : { fkReference: thread.fkReference }),
    contactInfo: thread.contactInfo,
    ...(thread.lastDateToReply === undefined ? {} : { lastDateToReply: thread.lastDateToReply }),
    complements: thread.complements,
    reminders: thread.reminders,
    ...(thread.answer === undefined ? {} : { answer: thread.answer }),
    ...(thread.complementedBy === undefined ? {} : { complementedBy: thread.complementedBy }),
    ...(thread.cannotComplement === undefined ? {} : { cannotComplement: thread.cannotComplement }),
    state: fkStateOf(threadFactsOf(thread)),
    mayRemind: thread.from === 'FK' && thread.handled === undefined,
    mayAnswer: thread.from === 'care' && thread.answer === undefined,
  };
}

/** A thread's next stored state: a new version, `state` kept in step with `handled`. */
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

export function nextThread(thread: ThreadRecord, changes: Partial<ThreadRecord>): ThreadRecord {
  const next = { ...thread, ...changes, version: thread.version + 1 };
  return { ...next, state: next.handled === undefined ? 'open' : 'handled' };
}

/** Stores threads the thread rules changed, each as its next version. */
export async function putThreads(tx: Transaction, changed: readonly ThreadRecord[]): Promise<void> {
  for (const thread of changed) await tx.threads.put(nextThread(thread, {}));
}

/** Everything a handler of one thread's action works with, inside the write transaction. */
export interface ThreadActionContext<B, P> extends ThreadContext {
  tx: Transaction;
  auth: Auth;
  body: B;
  /** What `prepare` produced before the transaction began. */
  prepared: P;
  at: string;
}

interface ThreadActionSpec<B> {
  body: z.ZodType<B>;
  /** The thread action the user must be allowed to take (it may depend on the body). */
  action: (body: B) => ThreadActionType;
}

type Prepare<P> = (auth: Auth) => Promise<P>;
type Handle<B, P> = (context: ThreadActionContext<B, P>) => Promise<Response>;

/**
 * One care action on one thread, with every check in the same order: the id (400), the
 * thread (404), `prepare` (work an IndexedDB transaction cannot wait for), then in one
 * transaction its certificate, the read rule and the thread rules' decision (403/409), and
 * the version the client read (409). Only then does `handle` run.
 */
export function threadAction<B extends { version: number }, P>(
  db: Database,
  spec: ThreadActionSpec<B> & { prepare: Prepare<P> },
  handle: Handle<B, P>,
): EndpointResolver;
export function threadAction<B extends { version: number }>(
  db: Database,
  spec: ThreadActionSpec<B>,
  handle: Handle<B, undefined>,
): EndpointResolver;
export function threadAction<B extends { version: number }, P>(
  db: Database,
  spec: ThreadActionSpec<B> & { prepare?: Prepare<P> },
  handle: Handle<B, P | undefined>,
): EndpointResolver {
  return guardWithBody(
    db,
    { body: spec.body, access: threadAccess },
    async ({ params, auth, body }) => {
      const id = threadIdOf(params);
      if (id === undefined) {
        return errorResponse(400, apiErrorCodes.badRequest, threadHandlerMessages.badId);
      }
      const definitions = await loadDefinitions();
      const prepared = spec.prepare === undefined ? undefined : await spec.prepare(auth);
      return db.write(async (tx) => {
        const thread = await tx.threads.get(id);
        if (thread?.unitHsaId !== auth.unit.hsaId) return noSuchThread();
        const context = await loadThreadContext(tx, thread, definitions);
        if (context instanceof Response) return context;
        const decision = decideThread(
          spec.action(body),
          threadDecisionInput(context, actorOf(auth)),
        );
        if (!decision.allowed) return refuse(decision);
        if (thread.version !== body.version) {
          return errorResponse(409, apiErrorCodes.conflict, threadHandlerMessages.conflict);
        }
        return handle({ ...context, tx, auth, body, prepared, at: isoInstant(auth.now) });
      });
    },
  );
}

function noSuchThread(): Response {
  return errorResponse(403, apiErrorCodes.forbidden, threadHandlerMessages.notFound);
}

/** Where a thread belongs: the one field the access check reads. */
const threadUnitSchema = z.object({ unitHsaId: z.string() });

/**
 * The guard's resource check for a path that names a thread (`:threadId`): it must be one of
 * the user's unit. A thread elsewhere and one that does not exist are refused alike (403),
 * before any body is read.
 */
export async function threadAccess({
  db,
  params,
  auth,
}: AccessInput): Promise<Response | undefined> {
  const id = threadIdOf(params);
  if (id === undefined) {
    return errorResponse(400, apiErrorCodes.badRequest, threadHandlerMessages.badId);
  }
  const found = await db.read((tx) => tx.threads.getAs(id, threadUnitSchema));
  return found?.unitHsaId === auth.unit.hsaId ? undefined : noSuchThread();
}

function threadIdOf(params: PathParams): string | undefined {
  return parseOpaqueId(params.threadId);
}

export function respondThread(context: ThreadContext, auth: Auth, status = 200): Response {
  return jsonResponse(threadResponseSchema, { thread: presentThread(context, auth) }, status);
}
