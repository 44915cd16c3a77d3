import { z } from 'zod';
import {
  certificateResponseSchema,
  certificateTypeCodeSchema,
  type CertificateActionType,
} from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import {
  loadDefinition,
  loadDefinitionVersion,
  type CertificateTypeCode,
} from '../../src/definitions';
import type { CertificateDefinition } from '../../src/form-engine';
import type { Database, Transaction } from '../store/store';
import type { CertificateRecord, PatientRecord } from '../store/schema';
import {
  presentCertificate,
  relatedCertificate,
  type Relations,
  type Validation,
} from '../domain/certificates';
import { isoInstant, swedishDay } from '../domain/clock';
import {
  certificateMessages,
  checkCertificateAction,
  decisionInputFor,
  type CommandContext,
} from '../domain/certificate-commands';
import { decideAuthority, decideRead, type Refusal } from '../domain/lifecycle';
import { rejectionOf, type Rejection } from '../domain/outcome';
import { actorFactsOf } from '../domain/thread-commands';
import { blocksReplace } from '../domain/threads';
import { codeListValidation } from '../domain/diagnoses/icd10-index';
import type { Icd10Loader } from './diagnoses';
import { serve, type AccessInput, type CareEndpointOn } from './guard';
import type { ApiRoute } from './route';
import { errorResponse, jsonResponse, type Auth } from './support';

/**
 * What every handler of one certificate shares: reading it with the read rule applied, the
 * domain's refusals as responses, the lifecycle's decision and the version check before a
 * command runs, and the response with its server-decided actions.
 */

export { certificateMessages };

/** A domain command's refusal as the API answers it (a stale version: the conflict's body). */
export function rejectionResponse(rejection: Rejection): Response {
  if (rejection.conflict !== undefined) return Response.json(rejection.conflict, { status: 409 });
  return errorResponse(rejection.status, rejection.code, rejection.message);
}

/** The lifecycle's or the thread rules' refusal as the API answers it. */
export function refuse(refusal: Refusal): Response {
  return rejectionResponse(rejectionOf(refusal));
}

/** Who acts, where and when, as the domain's commands take it. */
export function commandContext(auth: Auth): CommandContext {
  return { user: auth.user, unit: auth.unit, at: isoInstant(auth.now) };
}

/** The type and version a certificate was written with, read before the write transaction. */
async function peek(
  db: Database,
  id: string,
): Promise<{ type: CertificateTypeCode; definitionVersion: string } | undefined> {
  const record = await db.read((tx) => tx.certificates.get(id));
  return record === undefined
    ? undefined
    : { type: record.type, definitionVersion: record.definitionVersion };
}

interface Loaded {
  record: CertificateRecord;
  patient: PatientRecord;
  relations: Relations;
}

/** The certificate's parent and children, read in the same transaction. */
async function loadRelations(tx: Transaction, record: CertificateRecord): Promise<Relations> {
  // A damaged parent (or child) is left out, not the certificate asked for.
  const parentRecord =
    record.parent === undefined
      ? undefined
      : await tx.certificates.getIfReadable(record.parent.certificateId);
  const children = await tx.certificates.getAllByIndex('by-parent', { equals: record.id });
  children.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const threads =
    record.status === 'signed'
      ? await tx.threads.getAllByIndex('by-certificate', { equals: record.id })
      : [];
  return {
    unhandledComplementRequest: blocksReplace(
      threads.map((thread) => ({ topic: thread.topic, handled: thread.handled !== undefined })),
    ),
    ...(record.parent === undefined || parentRecord === undefined
      ? {}
      : { parent: relatedCertificate(record.parent.type, parentRecord) }),
    children: children.flatMap((child) =>
      child.parent === undefined ? [] : [relatedCertificate(child.parent.type, child)],
    ),
  };
}

/** Reads the certificate and its patient inside a transaction, refusing what the user may not read. */
export async function loadReadable(
  tx: Transaction,
  id: string,
  definition: CertificateDefinition,
  auth: Auth,
): Promise<{ ok: true; loaded: Loaded } | { ok: false; response: Response }> {
  const record = await tx.certificates.get(id);
  if (record === undefined) return { ok: false, response: noSuchCertificate() };
  const patient = await tx.patients.get(record.patientId);
  if (patient === undefined) {
    return {
      ok: false,
      response: errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound),
    };
  }
  const read = decideRead(definition.policy, actorFactsOf(auth), patient, record);
  if (!read.allowed) return { ok: false, response: refuse(read) };
  return { ok: true, loaded: { record, patient, relations: await loadRelations(tx, record) } };
}

export function respond(
  record: CertificateRecord,
  definition: CertificateDefinition,
  patient: PatientRecord,
  auth: Auth,
  relations: Relations,
  status = 200,
): Response {
  return jsonResponse(
    certificateResponseSchema,
    {
      certificate: presentCertificate(record, definition, patient, auth.unit, auth.user, relations),
    },
    status,
  );
}

export interface CertificateServices {
  loadIcd10: Icd10Loader;
  /** Honour the testability API's faults (the `signing-error` scenario); off on a real server. */
  faults: boolean;
}

export async function validationFor(
  services: CertificateServices,
  now: number,
): Promise<Validation> {
  const index = await services.loadIcd10();
  return { today: swedishDay(now), ...codeListValidation(index) };
}

/** Where a certificate belongs: the one field the access check reads. */
const certificateUnitSchema = z.object({ unitHsaId: z.string() });

export function noSuchCertificate(): Response {
  return errorResponse(403, apiErrorCodes.forbidden, certificateMessages.notFound);
}

/** An endpoint on one certificate: its path names it (`{id}`). */
export type CertificateEndpoint = CareEndpointOn<'id'>;

/** The path of an endpoint on one certificate, parsed by the guard. */
interface CertificatePath {
  readonly id: string;
}

/**
 * The guard's resource check for a path that names a certificate (`{id}`): it must be on the
 * user's unit. A certificate elsewhere and one that does not exist are refused alike (403),
 * before any body is read. `certificateAuthority` adds the read rule (protected identity) and
 * the role's part of the lifecycle where a body follows; the lifecycle decides the rest.
 */
export async function certificateAccess({
  db,
  params,
  auth,
}: AccessInput<Auth, CertificatePath>): Promise<Response | undefined> {
  const found = await db.read((tx) => tx.certificates.getAs(params.id, certificateUnitSchema));
  return found?.unitHsaId === auth.unit.hsaId ? undefined : noSuchCertificate();
}

/** What the authority check reads of a certificate: where it is, its type and its patient. */
const certificateAuthoritySchema = certificateUnitSchema.extend({
  type: certificateTypeCodeSchema,
  definitionVersion: z.string(),
  patientId: z.string(),
});

/**
 * The guard's resource check for a certificate's endpoint with a body: what `certificateAccess`
 * checks, in the same read, then what the user's role and the patient's protection decide
 * under the type's policy for `action` (a nurse signing an FK 7804; without an action, the
 * read rule alone: a protected patient's certificate for a role that may not handle it),
 * still before the body is read. The lifecycle decides the rest, with the body.
 */
export async function certificateAuthority(
  input: AccessInput<Auth, CertificatePath>,
  action?: CertificateActionType,
): Promise<Response | undefined> {
  const { db, params, auth } = input;
  const found = await db.read(async (tx) => {
    const certificate = await tx.certificates.getAs(params.id, certificateAuthoritySchema);
    if (certificate === undefined) return undefined;
    return { certificate, patient: await tx.patients.get(certificate.patientId) };
  });
  // As `certificateAccess`: elsewhere and nowhere are refused alike.
  if (found?.certificate.unitHsaId !== auth.unit.hsaId) return noSuchCertificate();
  // Its patient unknown: left to the handler, which says so.
  if (found.patient === undefined) return undefined;
  const { type, definitionVersion } = found.certificate;
  const definition = await loadDefinitionVersion(type, definitionVersion);
  const actor = { role: auth.user.role, unitHsaId: auth.unit.hsaId };
  const decision =
    action === undefined
      ? decideRead(definition.policy, actor, found.patient, found.certificate)
      : decideAuthority(action, definition.policy, actor, found.patient, found.certificate);
  return decision.allowed ? undefined : refuse(decision);
}

/** The certificate the path names, with its definition at the version it was written with. */
async function locate(
  db: Database,
  { id }: CertificatePath,
): Promise<
  { id: string; definition: CertificateDefinition; current: CertificateDefinition } | Response
> {
  const found = await peek(db, id);
  // Gone since the guard's access check (deleted meanwhile): refused as the guard refuses.
  if (found === undefined) return noSuchCertificate();
  const [definition, current] = await Promise.all([
    loadDefinitionVersion(found.type, found.definitionVersion),
    loadDefinition(found.type),
  ]);
  return { id, definition, current };
}

/** Everything a handler of one certificate's action works with, inside the write transaction. */
export interface ActionContext<B, P> {
  tx: Transaction;
  auth: Auth;
  body: B;
  record: CertificateRecord;
  patient: PatientRecord;
  relations: Relations;
  /** The definition the certificate was written with (its code and version). */
  definition: CertificateDefinition;
  /** The type's current definition: the one new drafts made from it get. */
  current: CertificateDefinition;
  /** What `prepare` produced before the transaction began. */
  prepared: P;
  /** Who acts, on which unit, and the backend's now: the domain command's context. */
  command: CommandContext;
}

interface ActionSpec<B extends { version: number }> {
  /** The lifecycle action the user must be allowed to take on the certificate. */
  action: CertificateActionType;
  /**
   * A call based on an older version that may still go ahead, as no one else has written
   * since (autosave's own save whose answer was lost, see `isOwnLostSave`). Without it, any
   * older version is a conflict.
   */
  buildsOn?: (record: CertificateRecord, body: B) => boolean;
}

/**
 * Work before the write transaction opens (an IndexedDB transaction commits as soon as it
 * waits for anything else, so code lists are loaded here). A Response refuses the call.
 */
type Prepare<B, P> = (input: {
  definition: CertificateDefinition;
  body: B;
  auth: Auth;
}) => Promise<P | Response>;

type Handle<B, P> = (context: ActionContext<B, P>) => Promise<Response>;

/** An endpoint on one certificate whose body names the version the caller read. */
type VersionedEndpoint<B extends { version: number }> = CertificateEndpoint & {
  request: z.ZodType<B>;
};

/**
 * One action on one certificate, with every check in the same order for all of them: the
 * guard (the session, the role, the id, the certificate on the user's unit, then the body),
 * the certificate (403 when it is gone meanwhile), its definition at the version it was written with, `prepare`,
 * then in one transaction the read rule, the lifecycle's decision (403/409) and the version the
 * client based its call on (409 CONFLICT naming who saved, unless `buildsOn` lets an older
 * version through). Only then does `handle` run.
 */
export function certificateAction<B extends { version: number }, P>(
  db: Database,
  endpoint: VersionedEndpoint<B>,
  spec: ActionSpec<B> & { prepare: Prepare<B, P> },
  handle: Handle<B, P>,
): ApiRoute;
export function certificateAction<B extends { version: number }>(
  db: Database,
  endpoint: VersionedEndpoint<B>,
  spec: ActionSpec<B>,
  handle: Handle<B, undefined>,
): ApiRoute;
export function certificateAction<B extends { version: number }, P>(
  db: Database,
  endpoint: VersionedEndpoint<B>,
  spec: ActionSpec<B> & { prepare?: Prepare<B, P> },
  handle: Handle<B, P | undefined>,
): ApiRoute {
  return serve<CertificateEndpoint, B>(
    db,
    endpoint,
    { access: (input) => certificateAuthority(input, spec.action) },
    (guarded) => actOnCertificate(db, spec, handle, guarded),
  );
}

/** `certificateAction` after its guard: for a handler that decides first which way to go. */
export async function actOnCertificate<B extends { version: number }, P>(
  db: Database,
  spec: ActionSpec<B> & { prepare?: Prepare<B, P> },
  handle: Handle<B, P | undefined>,
  { params, auth, body }: { params: CertificatePath; auth: Auth; body: B },
): Promise<Response> {
  const located = await locate(db, params);
  if (located instanceof Response) return located;
  const { id, definition, current } = located;
  const prepared =
    spec.prepare === undefined ? undefined : await spec.prepare({ definition, body, auth });
  if (prepared instanceof Response) return prepared;
  return db.write(async (tx) => {
    const result = await loadReadable(tx, id, definition, auth);
    if (!result.ok) return result.response;
    const { record, patient, relations } = result.loaded;
    const command = commandContext(auth);
    const refused = checkCertificateAction(
      spec.action,
      decisionInputFor(definition, record, patient, command, relations),
      record,
      body.version,
      command,
      spec.buildsOn?.(record, body) === true,
    );
    if (refused !== undefined) return rejectionResponse(refused);
    return handle({
      tx,
      auth,
      body,
      record,
      patient,
      relations,
      definition,
      current,
      prepared,
      command,
    });
  });
}

/** Reading one certificate: the guard, the certificate, its definition version and the read rule. */
export function certificateRead(
  db: Database,
  endpoint: CertificateEndpoint & { request?: undefined },
  handle: (
    context: Omit<ActionContext<undefined, undefined>, 'body' | 'prepared' | 'command'>,
  ) => Promise<Response>,
): ApiRoute {
  return serve<CertificateEndpoint>(
    db,
    endpoint,
    { access: certificateAccess },
    async ({ params, auth }) => {
      const located = await locate(db, params);
      if (located instanceof Response) return located;
      const { id, definition, current } = located;
      return db.write(async (tx) => {
        const result = await loadReadable(tx, id, definition, auth);
        if (!result.ok) return result.response;
        return handle({ tx, auth, definition, current, ...result.loaded });
      });
    },
  );
}
