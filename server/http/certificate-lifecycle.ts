import { endpoints } from '../../src/contracts/endpoints';
import { errorResponse, type Auth } from './support';
import { apiErrorCodes } from '../../src/contracts/common';
import { loadDefinitionVersion } from '../../src/definitions';
import { serverLog } from '../logging';
import { certificateRecordSchema } from '../store/schema';
import { serve } from './guard';
import type { Database } from '../store/store';
import {
  checkDamagedDraftDelete,
  copyLockedDraft,
  deleteDraft,
  printCertificate,
  renewCertificate,
  replaceCertificate,
  revokeCertificate,
  type DraftOutcome,
} from '../domain/certificate-commands';
import { isRejection } from '../domain/outcome';
import {
  actOnCertificate,
  certificateAuthority,
  certificateAction,
  certificateMessages,
  commandContext,
  rejectionResponse,
  respond,
  validationFor,
  type CertificateServices,
} from './certificate-action';
import { persist, recordAudit } from './persist';
import type { Transaction } from '../store/store';
import type { PatientRecord } from '../store/schema';

/**
 * A certificate's life after it is written: printing, revoking ("makulera"), deleting a draft,
 * and the drafts made from a certificate (renew, replace, copy). The lifecycle decides every
 * one of them before these handlers run (see `certificateAction`); the domain's commands
 * (server/domain/certificate-commands.ts) make what they change.
 */

/** Stores a draft made from a certificate and answers with it (201). */
export async function storeDraft(
  tx: Transaction,
  auth: Auth,
  patient: PatientRecord,
  made: DraftOutcome,
): Promise<Response> {
  await persist(tx, auth, made);
  return respond(made.certificate, made.definition, patient, auth, made.relations, 201);
}

export function certificateLifecycleHandlers(db: Database, services: CertificateServices) {
  const validation = ({ auth }: { auth: { now: number } }) => validationFor(services, auth.now);

  return [
    /** Printing is logged (PDL); the print layout itself is the browser's. */
    certificateAction(
      db,
      endpoints.printCertificate,
      { action: 'print' },
      async ({ tx, auth, record, patient, relations, definition }) => {
        await recordAudit(tx, auth, printCertificate(record, patient).audit);
        return respond(record, definition, patient, auth, relations);
      },
    ),

    /** "Makulera": the certificate no longer counts; FK is told when it had received it. */
    certificateAction(
      db,
      endpoints.revokeCertificate,
      { action: 'revoke' },
      async ({ tx, auth, body, record, patient, relations, definition, command }) => {
        const byCertificate = (certificateId: string) =>
          tx.threads.getAllByIndex('by-certificate', { equals: certificateId });
        const revoked = revokeCertificate(
          record,
          body,
          {
            patient,
            threads: await byCertificate(record.id),
            parentThreads:
              record.parent?.type === 'complements'
                ? await byCertificate(record.parent.certificateId)
                : [],
            received: record.sent === undefined ? [] : await tx.fkReceived.getAll(),
          },
          command,
        );
        await persist(tx, auth, revoked);
        return respond(revoked.certificate, definition, patient, auth, {
          ...relations,
          unhandledComplementRequest: false,
        });
      },
    ),

    /**
     * Deletes a draft that is not locked; the version guards against deleting unseen work. A
     * damaged draft (one that does not match its schema) may be deleted too, by its unit, as
     * long as what deleting needs still reads (see `deleteDamagedDraft`).
     */
    serve(
      db,
      endpoints.deleteDraft,
      { access: (input) => certificateAuthority(input, 'delete') },
      async (guarded) => {
        const { id } = guarded.params;
        const damaged = (await db.read((tx) => tx.certificates.readability(id))) === 'damaged';
        if (damaged) return deleteDamagedDraft(db, id, guarded);
        return actOnCertificate(
          db,
          { action: 'delete' },
          async ({ tx, auth, record, patient }) => {
            const deleted = deleteDraft(record, patient);
            await tx.certificates.delete(deleted.deleted);
            await recordAudit(tx, auth, deleted.audit);
            return new Response(null, { status: 204 });
          },
          guarded,
        );
      },
    ),

    /** "Förnya": a new draft from a signed certificate, without what the type leaves out. */
    certificateAction(
      db,
      endpoints.renewCertificate,
      { action: 'renew', prepare: validation },
      async ({ tx, auth, record, patient, definition, current, prepared, command }) =>
        storeDraft(
          tx,
          auth,
          patient,
          renewCertificate(record, { patient, written: definition, current }, prepared, command),
        ),
    ),

    /** "Ersätt": a full copy to correct; a replacing draft already begun is opened instead. */
    certificateAction(
      db,
      endpoints.replaceCertificate,
      { action: 'replace', prepare: validation },
      async ({ tx, auth, record, patient, relations, definition, current, prepared, command }) => {
        const replaced = replaceCertificate(
          record,
          { patient, written: definition, current, relations },
          prepared,
          command,
        );
        if (isRejection(replaced)) return rejectionResponse(replaced);
        return storeDraft(tx, auth, patient, replaced);
      },
    ),

    /** A locked draft's answers, copied into a new draft to go on with. */
    certificateAction(
      db,
      endpoints.copyLockedDraft,
      { action: 'copy', prepare: validation },
      async ({ tx, auth, record, patient, definition, current, prepared, command }) =>
        storeDraft(
          tx,
          auth,
          patient,
          copyLockedDraft(record, { patient, written: definition, current }, prepared, command),
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
    const refused = checkDamagedDraftDelete(
      draft,
      definition,
      patient,
      body.version,
      commandContext(auth),
    );
    if (refused !== undefined) return rejectionResponse(refused);
    const deleted = deleteDraft(draft, patient);
    await tx.certificates.delete(deleted.deleted);
    await recordAudit(tx, auth, deleted.audit);
    serverLog.error('damaged-draft-deleted', { collection: 'certificates', recordId: id });
    return new Response(null, { status: 204 });
  });
}
