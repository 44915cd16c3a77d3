import { endpoints } from '../../src/contracts/endpoints';
import {
  certificateCatalogueResponseSchema,
  patientCertificatesResponseSchema,
} from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import { certificateTypes, loadDefinition } from '../../src/definitions';
import type { Database } from '../store/store';
import { isOwnLostSave, noRelations, replacedByOf, summarize } from '../domain/certificates';
import { certificateCatalogue } from '../domain/catalogue';
import { patientPageActions } from '../domain/patient-certificates';
import {
  checkConsentDate,
  checkDraftAnswers,
  createDraft,
  markReadyForSign,
  recordConsent,
  saveAnswers,
  sendCertificate,
  signCertificate,
} from '../domain/certificate-commands';
import { swedishDay } from '../domain/clock';
import { mayAccessPatient } from '../domain/lifecycle';
import { auditOf, isRejection } from '../domain/outcome';
import { actorFactsOf } from '../domain/thread-commands';
import {
  certificateAction,
  certificateMessages,
  certificateRead,
  commandContext,
  rejectionResponse,
  respond,
  validationFor,
  type CertificateServices,
} from './certificate-action';
import { favouritesFirst } from '../domain/favourites';
import { serve } from './guard';
import { persist, recordAudit } from './persist';
import { errorResponse, jsonResponse } from './support';

export function certificateHandlers(db: Database, services: CertificateServices) {
  const allDefinitions = () => Promise.all(certificateTypes.map((code) => loadDefinition(code)));

  return [
    /** The catalogue: the types the user may write for this patient, with existing ones noted. */
    serve(db, endpoints.listCertificateTypes, async ({ params: { patientId }, auth }) => {
      const definitions = await allDefinitions();
      return db.read(async (tx) => {
        const patient = await tx.patients.get(patientId);
        if (patient === undefined) {
          return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
        }
        const records = (
          await tx.certificates.getAllByIndex('by-patient', { equals: patientId })
        ).filter((record) => record.unitHsaId === auth.unit.hsaId);
        const catalogue = certificateCatalogue(
          definitions,
          patient,
          records,
          actorFactsOf(auth),
          swedishDay(auth.now),
        );
        if (isRejection(catalogue)) return rejectionResponse(catalogue);
        const favourites = auth.user.favouriteCertificateTypes ?? [];
        return jsonResponse(
          certificateCatalogueResponseSchema,
          favouritesFirst(catalogue, favourites),
        );
      });
    }),

    /** The patient's drafts and certificates on this unit, newest first. */
    serve(db, endpoints.listPatientCertificates, async ({ params: { patientId }, auth }) => {
      const definitions = await allDefinitions();
      return db.read(async (tx) => {
        const patient = await tx.patients.get(patientId);
        if (patient === undefined) {
          return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
        }
        const records = await tx.certificates.getAllByIndex('by-patient', { equals: patientId });
        const onUnit = records.filter((record) => record.unitHsaId === auth.unit.hsaId);
        const visible = onUnit.filter((record) => {
          const definition = definitions.find((candidate) => candidate.code === record.type);
          if (definition === undefined) return false;
          return mayAccessPatient([definition.policy], auth.user.role, patient);
        });
        visible.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
        const replacedBy = replacedByOf(visible);
        return jsonResponse(patientCertificatesResponseSchema, {
          certificates: visible.flatMap((record) => {
            const definition = definitions.find((candidate) => candidate.code === record.type);
            if (definition === undefined) return [];
            const { hsaId } = auth.unit;
            return [
              {
                ...summarize(record, patient, definition, replacedBy.get(record.id)),
                kind: definition.kind,
                version: record.version,
                actions: patientPageActions(definition, record, patient, auth.user, hsaId, onUnit),
              },
            ];
          }),
        });
      });
    }),

    /** Creates a draft for a patient, prefilled with the care unit's contact details. */
    serve(db, endpoints.createCertificate, async ({ auth, body }) => {
      const definition = await loadDefinition(body.type);
      const validation = await validationFor(services, auth.now);
      return db.write(async (tx) => {
        const patient = await tx.patients.get(body.patientId);
        if (patient === undefined) {
          return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
        }
        const created = createDraft(
          { definition, type: body.type, patient, confirmations: body.confirmations },
          validation,
          commandContext(auth),
        );
        if (isRejection(created)) return rejectionResponse(created);
        await persist(tx, auth, created);
        return respond(created.certificate, definition, patient, auth, noRelations, 201);
      });
    }),

    certificateRead(
      db,
      endpoints.getCertificate,
      async ({ tx, auth, record, patient, relations, definition }) => {
        await recordAudit(tx, auth, [auditOf('certificate-read', patient, record.id)]);
        return respond(record, definition, patient, auth, relations);
      },
    ),

    /** Autosave: the answers, based on a version. A stale version is refused, never merged. */
    certificateAction(
      db,
      endpoints.saveAnswers,
      {
        action: 'edit',
        buildsOn: isOwnLostSave,
        prepare: async ({ definition, body, auth }) => {
          const problem = checkDraftAnswers(definition, body.answers);
          if (problem !== undefined) return rejectionResponse(problem);
          return validationFor(services, auth.now);
        },
      },
      async ({ tx, auth, body, record, patient, relations, definition, prepared, command }) => {
        const saved = saveAnswers(
          record,
          { answers: body.answers, editorId: body.editorId, sessionId: auth.session.id },
          { definition, patient },
          prepared,
          command,
        );
        if (isRejection(saved)) return rejectionResponse(saved);
        await persist(tx, auth, saved);
        // The whole certificate, as every write answers: the client's copy is this answer.
        return respond(saved.certificate, definition, patient, auth, relations);
      },
    ),

    certificateAction(
      db,
      endpoints.recordConsent,
      {
        action: 'record-consent',
        prepare: async ({ body, auth }) => {
          const validation = await validationFor(services, auth.now);
          const future = checkConsentDate(body.consent.givenOn, validation.today);
          return future === undefined ? validation : rejectionResponse(future);
        },
      },
      async ({ tx, auth, body, record, patient, relations, definition, prepared, command }) => {
        const recorded = recordConsent(
          record,
          body.consent,
          { definition, patient },
          prepared,
          command,
        );
        await persist(tx, auth, recorded);
        return respond(recorded.certificate, definition, patient, auth, relations);
      },
    ),

    certificateAction(
      db,
      endpoints.markReadyForSign,
      { action: 'ready-for-sign' },
      async ({ tx, auth, record, patient, relations, definition, command }) => {
        const marked = markReadyForSign(record, patient, command);
        await persist(tx, auth, marked);
        return respond(marked.certificate, definition, patient, auth, relations);
      },
    ),

    /** Signing: the same engine and the draft's own definition version decide completeness. */
    certificateAction(
      db,
      endpoints.signCertificate,
      {
        action: 'sign',
        prepare: async ({ auth }) => {
          const settings = services.faults
            ? await db.read((tx) => tx.settings.get('settings'))
            : undefined;
          if (settings?.fault === 'signing-error') {
            return errorResponse(
              502,
              'SIGNING_FAILED',
              'Signeringstjänsten svarade inte. Intyget är inte signerat. Försök igen.',
            );
          }
          return validationFor(services, auth.now);
        },
      },
      async ({ tx, auth, body, record, patient, relations, definition, prepared, command }) => {
        const parentThreads =
          record.parent?.type === 'complements'
            ? await tx.threads.getAllByIndex('by-certificate', {
                equals: record.parent.certificateId,
              })
            : [];
        const signed = signCertificate(
          record,
          body,
          { definition, patient, relations, parentThreads },
          prepared,
          command,
        );
        if (isRejection(signed)) return rejectionResponse(signed);
        await persist(tx, auth, signed);
        return respond(signed.certificate, definition, patient, auth, relations);
      },
    ),

    certificateAction(
      db,
      endpoints.sendCertificate,
      { action: 'send' },
      async ({ tx, auth, record, patient, relations, definition, command }) => {
        const sent = sendCertificate(record, patient, command);
        await persist(tx, auth, sent);
        return respond(sent.certificate, definition, patient, auth, relations);
      },
    ),
  ];
}
