import { z } from 'zod';
import { apiErrorCodes } from '../../src/contracts/common';
import type { FkThread } from '../../src/contracts/fk';
import {
  threadResponseSchema,
  type Thread,
  type ThreadActionType,
} from '../../src/contracts/threads';
import { loadAllDefinitionVersions, type DefinitionSet } from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import type { Database, Transaction } from '../store/store';
import type { CertificateRecord, ThreadRecord } from '../store/schema';
import { patientName } from '../domain/certificates';
import type { CommandContext } from '../domain/certificate-commands';
import { swedishDay } from '../domain/clock';
import {
  actorFactsOf,
  checkThreadAction,
  threadDecisionInput,
  threadFactsOf,
  type ThreadContext,
} from '../domain/thread-commands';
import { dueOf, fkStateOf, threadActionsFor, toDoOf } from '../domain/threads';
import { serve, type AccessInput, type CareEndpointOn } from './guard';
import type { ApiRoute } from './route';
import { errorResponse, jsonResponse, type Auth } from './support';
import { commandContext, rejectionResponse } from './certificate-action';

export type { ThreadContext };

/**
 * What the thread handlers share: the definitions (loaded before any transaction opens),
 * a thread with its certificate and patient read in one transaction, the facts the thread
 * rules decide on, and a thread as the API presents it to care, to FK and to testers.
 */

export const threadHandlerMessages = {
  /** A thread not on the user's unit: alike whether it exists elsewhere or not at all. */
  notFound: 'Ärendet finns inte på din vårdenhet.',
  certificateNotFound: 'Intyget finns inte.',
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

/** A thread as care sees it: with the actions the user may take on it now. */
export function presentThread(context: ThreadContext, auth: Auth): Thread {
  return {
    ...presentStoredThread(context, swedishDay(auth.now)),
    actions: threadActionsFor(threadDecisionInput(context, actorFactsOf(auth))),
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

/** Everything a handler of one thread's action works with, inside the write transaction. */
export interface ThreadActionContext<B, P> extends ThreadContext {
  tx: Transaction;
  auth: Auth;
  body: B;
  /** What `prepare` produced before the transaction began. */
  prepared: P;
  /** Who acts, on which unit, and the backend's now: the domain command's context. */
  command: CommandContext;
}

interface ThreadActionSpec<B> {
  /** The thread action the user must be allowed to take (it may depend on the body). */
  action: (body: B) => ThreadActionType;
}

type Prepare<P> = (auth: Auth) => Promise<P>;
type Handle<B, P> = (context: ThreadActionContext<B, P>) => Promise<Response>;

/** An endpoint on one thread: its path names it (`{threadId}`), its body the version read. */
type ThreadEndpoint<B> = CareEndpointOn<'threadId'> & { request: z.ZodType<B> };

/**
 * One care action on one thread, with every check in the same order: the guard (the
 * session, the role, the id, the thread on the user's unit, then the body), `prepare` (work
 * an IndexedDB transaction cannot wait for), then in one transaction the thread (403 when it
 * is gone meanwhile), its certificate, the read rule and the thread rules' decision
 * (403/409), and the version the client read (409). Only then does `handle` run.
 */
export function threadAction<B extends { version: number }, P>(
  db: Database,
  endpoint: ThreadEndpoint<B>,
  spec: ThreadActionSpec<B> & { prepare: Prepare<P> },
  handle: Handle<B, P>,
): ApiRoute;
export function threadAction<B extends { version: number }>(
  db: Database,
  endpoint: ThreadEndpoint<B>,
  spec: ThreadActionSpec<B>,
  handle: Handle<B, undefined>,
): ApiRoute;
export function threadAction<B extends { version: number }, P>(
  db: Database,
  endpoint: ThreadEndpoint<B>,
  spec: ThreadActionSpec<B> & { prepare?: Prepare<P> },
  handle: Handle<B, P | undefined>,
): ApiRoute {
  return serve<CareEndpointOn<'threadId'>, B>(
    db,
    endpoint,
    { access: threadAccess },
    async ({ params, auth, body }) => {
      const definitions = await loadDefinitions();
      const prepared = spec.prepare === undefined ? undefined : await spec.prepare(auth);
      return db.write(async (tx) => {
        const thread = await tx.threads.get(params.threadId);
        if (thread?.unitHsaId !== auth.unit.hsaId) return noSuchThread();
        const context = await loadThreadContext(tx, thread, definitions);
        if (context instanceof Response) return context;
        const refused = checkThreadAction(spec.action(body), context, body.version, auth);
        if (refused !== undefined) return rejectionResponse(refused);
        return handle({ ...context, tx, auth, body, prepared, command: commandContext(auth) });
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
 * The guard's resource check for a path that names a thread (`{threadId}`): it must be one of
 * the user's unit. A thread elsewhere and one that does not exist are refused alike (403),
 * before any body is read.
 */
async function threadAccess({
  db,
  params,
  auth,
}: AccessInput<Auth, { readonly threadId: string }>): Promise<Response | undefined> {
  const found = await db.read((tx) => tx.threads.getAs(params.threadId, threadUnitSchema));
  return found?.unitHsaId === auth.unit.hsaId ? undefined : noSuchThread();
}

export function respondThread(context: ThreadContext, auth: Auth, status = 200): Response {
  return jsonResponse(threadResponseSchema, { thread: presentThread(context, auth) }, status);
}
