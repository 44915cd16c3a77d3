import { endpoints } from '../../src/contracts/endpoints';
import { handle } from './endpoint';
import { errorResponse, type Auth } from './support';
import { apiErrorCodes } from '../../src/contracts/common';
import { loadDefinitionVersion } from '../../src/definitions';
import { decide } from '../domain/lifecycle';
import { serverLog } from '../logging';
import { certificateRecordSchema } from '../store/schema';
import { guardWithBody } from './guard';
import {
  revokeRequestSchema,
  versionedRequestSchema,
  type ComplementRequested,
  type Consent,
  type RelationType,
} from '../../src/contracts/certificates';
import type { Answers, CertificateDefinition } from '../../src/form-engine';
import type { Database } from '../store/store';
import type { CareUnitRecord, CertificateRecord } from '../store/schema';
import {
  completenessOf,
  evaluateAnswers,
  newDraftRecord,
  noRelations,
  relatedCertificate,
  toActor,
  unitContactAnswers,
  type Validation,
  answerQuestionIds,
} from '../domain/certificates';
import {
  actOnCertificate,
  certificateAccess,
  actorFacts,
  auditCertificate,
  certificateAction,
  certificateMessages,
  conflict,
  parseId,
  refuse,
  nextEvents,
  respond,
  validationFor,
  type ActionContext,
  type CertificateServices,
} from './certificate-action';
import { previousPeriodsOf } from '../domain/renewal';
import { closeOnRevoke, reopenOnComplementRevoked } from '../domain/threads';
import { putThreads } from './thread-support';

/**
 * A certificate's life after it is written: printing, revoking ("makulera"), deleting a draft,
 * and the drafts made from a certificate (renew, replace, copy). The lifecycle module decides
 * every one of them before these handlers run (see `certificateAction`).
 */

/** The answers a new draft made from `source` starts with. */
function answersFrom(
  relation: RelationType,
  source: CertificateRecord,
  definition: CertificateDefinition,
  unit: CareUnitRecord,
): Answers {
  const excluded = new Set(relation === 'renews' ? definition.policy.renew.notCopied : []);
  // From an older version: only the answers to questions the new draft's version still has.
  const known = answerQuestionIds(definition);
  const copied = Object.fromEntries(
    Object.entries(source.answers).filter(
      ([questionId]) => known.has(questionId) && !excluded.has(questionId),
    ),
  );
  // The unit's contact details are today's, not the ones the source was written with.
  return { ...copied, ...unitContactAnswers(definition, unit) };
}

/**
 * Creates the new draft made from the certificate, linked to it, and answers with it. A
 * complement starts with the consent to complementing recorded (it was asked first).
 */
export async function createFrom(
  relation: RelationType,
  {
    tx,
    auth,
    record,
    patient,
    definition: written,
    current,
    prepared,
    at,
  }: Pick<
    ActionContext<unknown, Validation>,
    'tx' | 'auth' | 'record' | 'patient' | 'definition' | 'current' | 'prepared' | 'at'
  >,
  made: { consent?: Consent; complementRequested?: ComplementRequested } = {},
): Promise<Response> {
  const { consent, complementRequested } = made;
  // A complement answers FK's questions about this certificate, so it keeps its version; a
  // renewal, a replacement and a copy are new certificates, on the type's current version.
  const definition = relation === 'complements' ? written : current;
  const answers = answersFrom(relation, record, definition, auth.unit);
  const previousPeriods =
    relation === 'renews' ? previousPeriodsOf(definition, record.answers) : undefined;
  const evaluation = evaluateAnswers(
    definition,
    answers,
    patient,
    auth.user.role,
    consent !== undefined,
    prepared,
    complementRequested?.items.map((item) => item.questionId),
  );
  const draft: CertificateRecord = {
    ...newDraftRecord({
      definition,
      type: record.type,
      patient,
      unitHsaId: auth.unit.hsaId,
      actor: toActor(auth.user),
      at,
      answers,
      completeness: completenessOf(evaluation),
    }),
    parent: { type: relation, certificateId: record.id },
    ...(consent === undefined ? {} : { consent }),
    ...(complementRequested === undefined ? {} : { complementRequested }),
    ...(previousPeriods === undefined ? {} : { previousPeriods }),
  };
  await tx.certificates.put(draft);
  await auditCertificate(tx, auth, 'certificate-create', draft, patient);
  const relations = { ...noRelations, parent: relatedCertificate(relation, record) };
  return respond(draft, definition, patient, auth, relations, 201);
}

export function certificateLifecycleHandlers(db: Database, services: CertificateServices) {
  const validation = ({ auth }: { auth: { now: number } }) => validationFor(services, auth.now);

  return [
    /** Printing is logged (PDL); the print layout itself is the browser's. */
    handle(
      endpoints.printCertificate,
      certificateAction(
        db,
        { body: versionedRequestSchema, action: 'print' },
        async ({ tx, auth, record, patient, relations, definition }) => {
          await auditCertificate(tx, auth, 'certificate-print', record, patient);
          return respond(record, definition, patient, auth, relations);
        },
      ),
    ),

    /** "Makulera": the certificate no longer counts; FK is told when it had received it. */
    handle(
      endpoints.revokeCertificate,
      certificateAction(
        db,
        { body: revokeRequestSchema, action: 'revoke' },
        async ({ tx, auth, body, record, patient, relations, definition, at }) => {
          const revoked = {
            at,
            by: toActor(auth.user),
            reason: body.reason,
            ...(body.message === undefined || body.message === '' ? {} : { message: body.message }),
          };
          const next: CertificateRecord = {
            ...record,
            status: 'revoked',
            revoked,
            version: record.version + 1,
            events: nextEvents(record, 'revoked', at, auth.user),
          };
          await tx.certificates.put(next);
          if (record.sent !== undefined) {
            const received = await tx.fkReceived.getAll();
            for (const copy of received.filter((entry) => entry.certificateId === record.id)) {
              await tx.fkReceived.put({ ...copy, revoked: { at, reason: body.reason } });
            }
          }
          // Its open questions close; a revoked complement no longer answers FK's requests.
          await putThreads(
            tx,
            closeOnRevoke(
              await tx.threads.getAllByIndex('by-certificate', { equals: record.id }),
              at,
            ),
          );
          if (record.parent?.type === 'complements') {
            const parentThreads = await tx.threads.getAllByIndex('by-certificate', {
              equals: record.parent.certificateId,
            });
            await putThreads(tx, reopenOnComplementRevoked(parentThreads, record.id));
          }
          await auditCertificate(tx, auth, 'certificate-revoke', next, patient);
          return respond(next, definition, patient, auth, {
            ...relations,
            unhandledComplementRequest: false,
          });
        },
      ),
    ),

    /**
     * Deletes a draft that is not locked; the version guards against deleting unseen work. A
     * damaged draft (one that does not match its schema) may be deleted too, by its unit, as
     * long as what deleting needs still reads (see `deleteDamagedDraft`).
     */
    handle(
      endpoints.deleteDraft,
      guardWithBody(
        db,
        { body: versionedRequestSchema, access: certificateAccess },
        async (guarded) => {
          const id = parseId(guarded.params.id);
          const damaged =
            id !== undefined &&
            (await db.read((tx) => tx.certificates.readability(id))) === 'damaged';
          if (id !== undefined && damaged) return deleteDamagedDraft(db, id, guarded);
          return actOnCertificate(
            db,
            { body: versionedRequestSchema, action: 'delete' },
            async ({ tx, auth, record, patient }) => {
              await tx.certificates.delete(record.id);
              await auditCertificate(tx, auth, 'certificate-delete', record, patient);
              return new Response(null, { status: 204 });
            },
            guarded,
          );
        },
      ),
    ),

    /** "Förnya": a new draft from a signed certificate, without what the type leaves out. */
    handle(
      endpoints.renewCertificate,
      certificateAction(
        db,
        { body: versionedRequestSchema, action: 'renew', prepare: validation },
        async (context) => {
          await auditCertificate(
            context.tx,
            context.auth,
            'certificate-renew',
            context.record,
            context.patient,
          );
          return createFrom('renews', context);
        },
      ),
    ),

    /** "Ersätt": a full copy to correct; a replacing draft already begun is opened instead. */
    handle(
      endpoints.replaceCertificate,
      certificateAction(
        db,
        { body: versionedRequestSchema, action: 'replace', prepare: validation },
        async (context) => {
          const { tx, auth, patient, relations } = context;
          if (
            relations.children.some(
              (child) => child.type === 'replaces' && child.status === 'draft',
            )
          ) {
            return errorResponse(409, 'INVALID_STATE', certificateMessages.replacementBegun);
          }
          await auditCertificate(tx, auth, 'certificate-replace', context.record, patient);
          return createFrom('replaces', context);
        },
      ),
    ),

    /** A locked draft's answers, copied into a new draft to go on with. */
    handle(
      endpoints.copyLockedDraft,
      certificateAction(
        db,
        { body: versionedRequestSchema, action: 'copy', prepare: validation },
        async (context) => {
          await auditCertificate(
            context.tx,
            context.auth,
            'certificate-copy',
            context.record,
            context.patient,
          );
          return createFrom('copy-of', context);
        },
      ),
    ),
  ];
}

/**
 * What deleting a damaged draft reads of it: its type and definition version (the policy),
 * status, unit and patient (the lifecycle's delete rule and the read rule), version and last
 * saver (the version check). When one of these is damaged too, the delete answers the
 * record's 500 like every other request for it.
 */
const deletableDraftSchema = certificateRecordSchema.pick({
  id: true,
  type: true,
  definitionVersion: true,
  status: true,
  version: true,
  unitHsaId: true,
  patientId: true,
  savedAt: true,
  savedBy: true,
});

/**
 * Deletes a draft whose stored record does not match its schema (its answers are lost, say),
 * so that it does not stay in the unit's drafts list for ever. The same rules as for any
 * draft: the unit that owns it, a role that may write the type, the patient's protection, an
 * open (not locked) draft, and the version the caller names. Audited like every delete, and
 * logged on the server (the record's id) so that support can see what was removed.
 */
async function deleteDamagedDraft(
  db: Database,
  id: string,
  { auth, body }: { auth: Auth; body: { version: number } },
): Promise<Response> {
  const peeked = await db.read((tx) => tx.certificates.getAs(id, deletableDraftSchema));
  if (peeked === undefined) {
    return errorResponse(404, apiErrorCodes.notFound, certificateMessages.notFound);
  }
  const definition = await loadDefinitionVersion(peeked.type, peeked.definitionVersion);
  return db.write(async (tx) => {
    const draft = await tx.certificates.getAs(id, deletableDraftSchema);
    if (draft === undefined) {
      return errorResponse(404, apiErrorCodes.notFound, certificateMessages.notFound);
    }
    const patient = await tx.patients.get(draft.patientId);
    if (patient === undefined) {
      return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
    }
    // The delete rule reads the read rule (unit, protected identity), the role and the status;
    // the record's other facts cannot be read here and play no part in it.
    const decision = decide('delete', {
      policy: definition.policy,
      actor: actorFacts(auth),
      patient,
      certificate: {
        status: draft.status,
        unitHsaId: draft.unitHsaId,
        sent: false,
        readyForSign: false,
        consentRecorded: false,
        children: [],
        unhandledComplementRequest: false,
        complementing: false,
      },
    });
    if (!decision.allowed) return refuse(decision);
    if (draft.version !== body.version) return conflict(draft);
    await tx.certificates.delete(id);
    await auditCertificate(tx, auth, 'certificate-delete', draft, patient);
    serverLog.error('damaged-draft-deleted', { collection: 'certificates', recordId: id });
    return new Response(null, { status: 204 });
  });
}
