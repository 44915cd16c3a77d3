import { endpoints } from '../../src/contracts/endpoints';
import { handle } from './endpoint';
import {
  certificateCatalogueResponseSchema,
  createCertificateRequestSchema,
  patientCertificatesResponseSchema,
  recordConsentRequestSchema,
  saveDraftRequestSchema,
  signRequestSchema,
  versionedRequestSchema,
  type CertificateTypeEntry,
} from '../../src/contracts/certificates';
import { apiErrorCodes } from '../../src/contracts/common';
import { certificateTypes, loadDefinition } from '../../src/definitions';
import {
  applySigningTransforms,
  evaluate,
  pruneHidden,
  type Answers,
  type CertificateDefinition,
} from '../../src/form-engine';
import type { Database, Transaction } from '../store/store';
import type { CertificateRecord, PatientRecord } from '../store/schema';
import {
  answerQuestionIds,
  completenessOf,
  evaluateAnswers,
  isOwnLostSave,
  requestedQuestionIds,
  fkReceivedRecord,
  newDraftRecord,
  noRelations,
  unitContactAnswers,
  replacedByOf,
  summarize,
  toActor,
} from '../domain/certificates';
import { isoInstant, swedishDay } from '../domain/clock';
import {
  decideCreate,
  lifecycleMessages,
  mayAccessPatient,
  sendsOnSigning,
} from '../domain/lifecycle';
import { handleOnComplementSigned } from '../domain/threads';
import {
  actorFacts,
  auditCertificate,
  certificateAction,
  certificateMessages,
  certificateRead,
  nextEvents,
  parseId,
  refuse,
  respond,
  validationFor,
  type CertificateServices,
} from './certificate-action';
import { guard, guardWithBody } from './guard';
import { errorResponse, jsonResponse, type Auth } from './support';
import { putThreads } from './thread-support';

/** At most this much JSON in one draft's answers (a real server bounds its bodies too). */
const MAX_ANSWERS_JSON = 400_000;

/** The definition's create confirmations that apply to this patient. */
function createConfirmations(
  definition: CertificateDefinition,
  patient: PatientRecord,
  today: string,
  auth: Auth,
) {
  return evaluate(
    definition,
    {},
    {
      today,
      role: auth.user.role,
      consentRecorded: false,
      patient: { birthDate: patient.birthDate },
    },
  ).confirmations.filter((confirmation) => confirmation.trigger === 'createDraft');
}

function fillPlaceholders(text: string, patient: PatientRecord, formatted: string): string {
  return text
    .replaceAll(
      '{patientName}',
      [patient.firstName, patient.middleName, patient.lastName].filter(Boolean).join(' '),
    )
    .replaceAll('{personId}', formatted);
}

function formatIdentity(value: string): string {
  return `${value.slice(0, 8)}-${value.slice(8)}`;
}

/** Whether the answers name only questions of the definition, and are of a sane size. */
function checkAnswers(definition: CertificateDefinition, answers: Answers): string | undefined {
  const ids = answerQuestionIds(definition);
  if (Object.keys(answers).some((id) => !ids.has(id))) return certificateMessages.unknownQuestion;
  if (JSON.stringify(answers).length > MAX_ANSWERS_JSON) return certificateMessages.tooLarge;
  return undefined;
}

export function certificateHandlers(db: Database, services: CertificateServices) {
  const allDefinitions = () => Promise.all(certificateTypes.map((code) => loadDefinition(code)));

  return [
    /** The catalogue: the types the user may write for this patient, with existing ones noted. */
    handle(
      endpoints.listCertificateTypes,
      guard(db, {}, async ({ params, auth }) => {
        const patientId = parseId(params.patientId);
        if (patientId === undefined) {
          return errorResponse(400, apiErrorCodes.badRequest, 'Ogiltigt patient-id.');
        }
        const definitions = await allDefinitions();
        return db.read(async (tx) => {
          const patient = await tx.patients.get(patientId);
          if (patient === undefined) {
            return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
          }
          const policies = definitions.map((definition) => definition.policy);
          if (!mayAccessPatient(policies, auth.user.role, patient)) {
            return refuse({
              allowed: false,
              status: 403,
              code: 'FORBIDDEN',
              reason: lifecycleMessages.protectedPatient,
            });
          }
          if (patient.deceased) {
            return jsonResponse(certificateCatalogueResponseSchema, {
              types: [],
              blockedReason: 'Det går inte att skriva nya intyg för en avliden patient.',
            });
          }
          const records = (
            await tx.certificates.getAllByIndex('by-patient', { equals: patientId })
          ).filter((record) => record.unitHsaId === auth.unit.hsaId);
          const today = swedishDay(auth.now);
          const types: CertificateTypeEntry[] = [];
          for (const definition of definitions) {
            if (!decideCreate(definition.policy, actorFacts(auth), patient).allowed) continue;
            const code = certificateTypes.find((candidate) => candidate === definition.code);
            if (code === undefined) continue;
            const ofType = records
              .filter((record) => record.type === code)
              .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
            const draft = ofType.find((record) => record.status === 'draft');
            const signed = ofType.find((record) => record.status === 'signed');
            const confirmation = createConfirmations(definition, patient, today, auth)[0];
            const formatted = formatIdentity(patient.identityNumber);
            types.push({
              type: code,
              formNumber: definition.formNumber,
              name: definition.name,
              kind: definition.kind,
              summary: definition.summary,
              ...(draft === undefined
                ? {}
                : { existingDraft: { id: draft.id, savedAt: draft.savedAt } }),
              ...(signed?.signed === undefined
                ? {}
                : { existingSigned: { id: signed.id, signedAt: signed.signed.at } }),
              ...(confirmation === undefined
                ? {}
                : {
                    confirmation: {
                      id: confirmation.id,
                      title: confirmation.title,
                      ...(confirmation.info === undefined
                        ? {}
                        : { info: fillPlaceholders(confirmation.info, patient, formatted) }),
                      text: fillPlaceholders(confirmation.text, patient, formatted),
                      checkboxLabel: confirmation.checkboxLabel ?? 'Jag bekräftar.',
                    },
                  }),
            });
          }
          return jsonResponse(certificateCatalogueResponseSchema, { types });
        });
      }),
    ),

    /** The patient's drafts and certificates on this unit, newest first. */
    handle(
      endpoints.listPatientCertificates,
      guard(db, {}, async ({ params, auth }) => {
        const patientId = parseId(params.patientId);
        if (patientId === undefined) {
          return errorResponse(400, apiErrorCodes.badRequest, 'Ogiltigt patient-id.');
        }
        const definitions = await allDefinitions();
        return db.read(async (tx) => {
          const patient = await tx.patients.get(patientId);
          if (patient === undefined) {
            return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
          }
          const records = await tx.certificates.getAllByIndex('by-patient', { equals: patientId });
          const visible = records.filter((record) => {
            const definition = definitions.find((candidate) => candidate.code === record.type);
            if (definition === undefined || record.unitHsaId !== auth.unit.hsaId) return false;
            return mayAccessPatient([definition.policy], auth.user.role, patient);
          });
          visible.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
          const replacedBy = replacedByOf(visible);
          return jsonResponse(patientCertificatesResponseSchema, {
            certificates: visible.flatMap((record) => {
              const definition = definitions.find((candidate) => candidate.code === record.type);
              return definition === undefined
                ? []
                : [summarize(record, patient, definition, replacedBy.get(record.id))];
            }),
          });
        });
      }),
    ),

    /** Creates a draft for a patient, prefilled with the care unit's contact details. */
    handle(
      endpoints.createCertificate,
      guardWithBody(db, { body: createCertificateRequestSchema }, async ({ auth, body }) => {
        const definition = await loadDefinition(body.type);
        const validation = await validationFor(services, auth.now);
        return db.write(async (tx) => {
          const patient = await tx.patients.get(body.patientId);
          if (patient === undefined) {
            return errorResponse(404, apiErrorCodes.notFound, certificateMessages.patientNotFound);
          }
          const decision = decideCreate(definition.policy, actorFacts(auth), patient);
          if (!decision.allowed) return refuse(decision);
          const needed = createConfirmations(definition, patient, validation.today, auth);
          if (
            needed.some((confirmation) => !(body.confirmations ?? []).includes(confirmation.id))
          ) {
            return errorResponse(
              400,
              apiErrorCodes.badRequest,
              certificateMessages.confirmationMissing,
            );
          }
          const answers = unitContactAnswers(definition, auth.unit);
          const evaluation = evaluateAnswers(
            definition,
            answers,
            patient,
            auth.user.role,
            false,
            validation,
          );
          const record = newDraftRecord({
            definition,
            type: body.type,
            patient,
            unitHsaId: auth.unit.hsaId,
            actor: toActor(auth.user),
            at: isoInstant(auth.now),
            answers,
            completeness: completenessOf(evaluation),
          });
          await tx.certificates.put(record);
          await auditCertificate(tx, auth, 'certificate-create', record, patient);
          return respond(record, definition, patient, auth, noRelations, 201);
        });
      }),
    ),

    handle(
      endpoints.getCertificate,
      certificateRead(db, async ({ tx, auth, record, patient, relations, definition }) => {
        await auditCertificate(tx, auth, 'certificate-read', record, patient);
        return respond(record, definition, patient, auth, relations);
      }),
    ),

    /** Autosave: the answers, based on a version. A stale version is refused, never merged. */
    handle(
      endpoints.saveAnswers,
      certificateAction(
        db,
        {
          body: saveDraftRequestSchema,
          action: 'edit',
          buildsOn: isOwnLostSave,
          prepare: async ({ definition, body, auth }) => {
            const problem = checkAnswers(definition, body.answers);
            if (problem !== undefined) return errorResponse(400, apiErrorCodes.badRequest, problem);
            return validationFor(services, auth.now);
          },
        },
        async ({
          tx,
          auth,
          body,
          record,
          patient,
          relations,
          definition,
          prepared: validation,
          at,
        }) => {
          const evaluation = evaluateAnswers(
            definition,
            body.answers,
            patient,
            auth.user.role,
            record.consent !== undefined,
            validation,
            requestedQuestionIds(record),
          );
          const firstInSession = !record.savedInSessions.includes(auth.session.id);
          const next: CertificateRecord = {
            ...record,
            answers: body.answers,
            completeness: completenessOf(evaluation),
            version: record.version + 1,
            savedAt: at,
            savedBy: toActor(auth.user),
            savedInSessions: firstInSession
              ? [...record.savedInSessions, auth.session.id].slice(-50)
              : record.savedInSessions,
            lastSave:
              body.editorId === undefined
                ? undefined
                : { editorId: body.editorId, version: record.version + 1 },
          };
          await tx.certificates.put(next);
          // PDL: an update is logged on the first save in each session.
          if (firstInSession) await auditCertificate(tx, auth, 'certificate-update', next, patient);
          // The whole certificate, as every write answers: the client's copy is this answer.
          return respond(next, definition, patient, auth, relations);
        },
      ),
    ),

    handle(
      endpoints.recordConsent,
      certificateAction(
        db,
        {
          body: recordConsentRequestSchema,
          action: 'record-consent',
          prepare: async ({ body, auth }) => {
            const validation = await validationFor(services, auth.now);
            if (body.consent.givenOn > validation.today) {
              return errorResponse(
                400,
                apiErrorCodes.badRequest,
                certificateMessages.consentFuture,
              );
            }
            return validation;
          },
        },
        async ({
          tx,
          auth,
          body,
          record,
          patient,
          relations,
          definition,
          prepared: validation,
          at,
        }) => {
          const { givenBy, method, givenOn, representativeName } = body.consent;
          const evaluation = evaluateAnswers(
            definition,
            record.answers,
            patient,
            auth.user.role,
            true,
            validation,
            requestedQuestionIds(record),
          );
          const next: CertificateRecord = {
            ...record,
            consent: {
              givenBy,
              method,
              givenOn,
              ...(givenBy === 'representative' && representativeName !== undefined
                ? { representativeName }
                : {}),
              recordedAt: at,
              recordedBy: toActor(auth.user),
            },
            completeness: completenessOf(evaluation),
            version: record.version + 1,
            events: nextEvents(record, 'consent-recorded', at, auth.user),
          };
          await tx.certificates.put(next);
          await auditCertificate(tx, auth, 'certificate-consent', next, patient);
          return respond(next, definition, patient, auth, relations);
        },
      ),
    ),

    handle(
      endpoints.markReadyForSign,
      certificateAction(
        db,
        { body: versionedRequestSchema, action: 'ready-for-sign' },
        async ({ tx, auth, record, patient, relations, definition, at }) => {
          const next: CertificateRecord = {
            ...record,
            readyForSign: { at, by: toActor(auth.user) },
            version: record.version + 1,
            events: nextEvents(record, 'ready-for-sign', at, auth.user),
          };
          await tx.certificates.put(next);
          await auditCertificate(tx, auth, 'certificate-ready-for-sign', next, patient);
          return respond(next, definition, patient, auth, relations);
        },
      ),
    ),

    /** Signing: the same engine and the draft's own definition version decide completeness. */
    handle(
      endpoints.signCertificate,
      certificateAction(
        db,
        {
          body: signRequestSchema,
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
        async ({
          tx,
          auth,
          body,
          record,
          patient,
          relations,
          definition,
          prepared: validation,
          at,
        }) => {
          const consentRecorded = record.consent !== undefined;
          const evaluation = evaluateAnswers(
            definition,
            record.answers,
            patient,
            auth.user.role,
            consentRecorded,
            validation,
            requestedQuestionIds(record),
          );
          const missing = evaluation.readiness.blockers.filter(
            (blocker) => blocker.kind !== 'consent',
          );
          if (missing.length > 0) {
            return errorResponse(422, 'INCOMPLETE', certificateMessages.incomplete(missing.length));
          }
          if (!evaluation.readiness.readyToSign) {
            return errorResponse(422, 'CONSENT_MISSING', certificateMessages.consentMissing);
          }
          const signingConfirmations = evaluation.confirmations.filter(
            (confirmation) => confirmation.trigger === 'sign',
          );
          if (
            signingConfirmations.some(
              (confirmation) => !(body.confirmations ?? []).includes(confirmation.id),
            )
          ) {
            return errorResponse(
              400,
              apiErrorCodes.badRequest,
              certificateMessages.confirmationMissing,
            );
          }
          const actor = toActor(auth.user);
          const context = {
            today: validation.today,
            role: auth.user.role,
            consentRecorded,
            patient: { birthDate: patient.birthDate },
            complementRequested: requestedQuestionIds(record),
          };
          const signedAnswers = applySigningTransforms(
            definition.onSigning,
            pruneHidden(definition, record.answers, context),
          );
          let next: CertificateRecord = {
            ...record,
            status: 'signed',
            answers: signedAnswers,
            completeness: 'complete',
            version: record.version + 1,
            signed: { at, by: actor },
            events: nextEvents(record, 'signed', at, auth.user),
          };
          await auditCertificate(tx, auth, 'certificate-sign', next, patient);
          const complementing = record.parent?.type === 'complements';
          // A complement answers FK's request: it is sent on signing, and the request handled.
          if (sendsOnSigning(definition.policy, { complementing })) {
            next = await sendToFk(tx, next, auth, patient);
          }
          if (complementing && record.parent !== undefined) {
            const parentThreads = await tx.threads.getAllByIndex('by-certificate', {
              equals: record.parent.certificateId,
            });
            await putThreads(tx, handleOnComplementSigned(parentThreads, record.id, at));
          }
          await tx.certificates.put(next);
          return respond(next, definition, patient, auth, relations);
        },
      ),
    ),

    handle(
      endpoints.sendCertificate,
      certificateAction(
        db,
        { body: versionedRequestSchema, action: 'send' },
        async ({ tx, auth, record, patient, relations, definition }) => {
          const next = await sendToFk(
            tx,
            { ...record, version: record.version + 1 },
            auth,
            patient,
          );
          await tx.certificates.put(next);
          return respond(next, definition, patient, auth, relations);
        },
      ),
    ),
  ];
}

/** Records the sending and keeps what FK received (the FK simulator reads it). */
async function sendToFk(
  tx: Transaction,
  record: CertificateRecord,
  auth: Auth,
  patient: PatientRecord,
): Promise<CertificateRecord> {
  const at = isoInstant(auth.now);
  await tx.fkReceived.put(fkReceivedRecord(record, at, 'care'));
  await auditCertificate(tx, auth, 'certificate-send', record, patient);
  return {
    ...record,
    sent: { at, by: toActor(auth.user) },
    events: nextEvents(record, 'sent', at, auth.user),
  };
}
